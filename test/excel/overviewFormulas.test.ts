/**
 * The overview's live formulas really reproduce the exact allocation: an independent engine
 * (xlsx-calc) recomputes every formula from the counts and parameters alone, and its values must
 * equal the stored results and the report computed with decimal arithmetic.
 */
import fc from 'fast-check';
import { writeOverviewWorkbook } from '../../src/excel/overviewWorkbook';
import { reportFor, tempFile } from './fixtures';
import { evaluateFile } from './formulaEngine';
import { checkEvaluation, SCENARIOS } from './scenarios';
import { readWorkbook, rowsByAgs } from './xlsxFiles';

describe('Übersicht: Formeln ergeben die exakte Verteilung', () => {
  test.each(SCENARIOS)('$name', async (scenario) => {
    const report = reportFor(scenario.input, scenario.counts, undefined, scenario.verzeichnis?.());
    const file = tempFile('uebersicht.xlsx');
    await writeOverviewWorkbook(report, file);
    const evaluation = await evaluateFile(file);
    expect(evaluation.formulas.length).toBeGreaterThan(46 * 10);
    expect(await checkEvaluation(file, report, evaluation)).toEqual([]);
  });

  test('gleiche Reste: der kleinere AGS erhält den Restbetrag zuerst, unabhängig von der Zeilenfolge', async () => {
    // 100 € for three Gemeinden with one person each: 33 € each, 1 € left over, remainders equal.
    for (const scenario of [SCENARIOS[1]]) {
      const report = reportFor(scenario.input, scenario.counts);
      const file = tempFile('gleichstand.xlsx');
      await writeOverviewWorkbook(report, file);
      const evaluation = await evaluateFile(file);
      const calc = rowsByAgs((await readWorkbook(file)).getWorksheet('Rechenweg')!);
      const [first, second, third] = report.rows;
      expect([first.amount, second.amount, third.amount]).toEqual(['34.00', '33.00', '33.00']);
      expect(first.ags < second.ags).toBe(true);
      expect(evaluation.computed(`Rechenweg!F${calc.get(first.ags)}`)).toBe(evaluation.computed(`Rechenweg!F${calc.get(second.ags)}`));
      expect([first, second, third].map((r) => evaluation.computed(`Rechenweg!G${calc.get(r.ags)}`))).toEqual([0, 1, 2]);
      expect([first, second, third].map((r) => evaluation.computed(`Rechenweg!H${calc.get(r.ags)}`))).toEqual([1, 0, 0]);
    }
    // The same with the rows in reverse order: still the smaller AGS.
    const reversed = SCENARIOS[2];
    const report = reportFor(reversed.input, reversed.counts, undefined, reversed.verzeichnis!());
    expect(report.rows[0].ags > report.rows[1].ags).toBe(true);
    const file = tempFile('umgekehrt.xlsx');
    await writeOverviewWorkbook(report, file);
    expect(await checkEvaluation(file, report, await evaluateFile(file))).toEqual([]);
  });

  test('die Formeln beziehen sich auf das Blatt „Parameter“ statt auf feste Zahlen', async () => {
    const report = reportFor({ year: 2025, kreisAmount: '1508000', vorwegabzugAmount: '8000' }, [10, 20, 30]);
    const file = tempFile('parameter.xlsx');
    await writeOverviewWorkbook(report, file);
    const { formulas } = await evaluateFile(file);
    const text = formulas.map((f) => f.formula).join('\n');
    expect(text).not.toMatch(/1500000|1508000|68000/);
    const formulaAt = (ref: string) => formulas.find((f) => f.ref === ref)!.formula;
    const ov = rowsByAgs((await readWorkbook(file)).getWorksheet('Übersicht')!);
    const r = ov.get(report.rows[0].ags)!;
    expect(formulaAt(`Übersicht!H${r}`)).toContain("'Parameter'!$B$");
    expect(formulas.filter((f) => f.ref.startsWith('Rechenweg!C') && f.formula.includes("'Parameter'!")).length).toBeGreaterThanOrEqual(3);
    expect(formulaAt(`Übersicht!F${r}`)).toBe(`C${r}-D${r}+E${r}`);
  });

  test('zufällige Verteilungen (Eigenschaftstest)', async () => {
    const counts = fc.array(fc.oneof(fc.nat({ max: 4 }), fc.nat({ max: 600 })), { minLength: 46, maxLength: 46 });
    await fc.assert(
      fc.asyncProperty(
        counts.filter((c) => c.some((n) => n > 0)),
        fc.constantFrom<'1' | '0.01'>('1', '0.01'),
        fc.integer({ min: 1_000, max: 600_000_000 }),
        fc.option(fc.integer({ min: 1, max: 999 }), { nil: undefined }),
        fc.integer({ min: 3_000_000, max: 9_000_000 }),
        async (persons, unit, kreisCents, deductionPermille, vzaeCents) => {
          // Whole euros need whole-euro amounts; the deduction is a share of the Kreis amount.
          const kreis = unit === '1' ? Math.max(100, kreisCents - (kreisCents % 100)) : kreisCents;
          const deduction = deductionPermille === undefined ? undefined : Math.floor((kreis * deductionPermille) / 1000 / (unit === '1' ? 100 : 1)) * (unit === '1' ? 100 : 1);
          const report = reportFor(
            {
              year: 2025,
              kreisAmount: (kreis / 100).toFixed(2),
              unit,
              eurPerVzae: (vzaeCents / 100).toFixed(2),
              ...(deduction ? { vorwegabzugAmount: (deduction / 100).toFixed(2) } : {}),
            },
            persons,
          );
          const file = tempFile('zufall.xlsx');
          await writeOverviewWorkbook(report, file);
          expect(await checkEvaluation(file, report, await evaluateFile(file))).toEqual([]);
        },
      ),
      { numRuns: 15 },
    );
  });
});

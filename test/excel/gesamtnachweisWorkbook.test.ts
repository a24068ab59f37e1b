/**
 * The Gesamtverwendungsnachweis workbook: one row per Gemeinde with live formulas for every total and
 * difference, the Sachbericht on a second sheet. LibreOffice Calc recomputes its formulas from the plain
 * values (the stored results removed) and must arrive at the stored results.
 */
import { emptyDecisionBook } from '../../src/domain/decision';
import { Decimal } from '../../src/domain/money';
import { enterLandkreisFigures, nachweisPlan, NachweisRound, openRound, returnWithQuestion, saveDraft, submit, accept } from '../../src/domain/verwendungsnachweis';
import { GESAMTNACHWEIS_SHEETS, writeGesamtnachweisWorkbook } from '../../src/excel/gesamtnachweisWorkbook';
import { ABSTATT, BRACKENHEIM, campaign2025, coordinator, EPPINGEN, staff } from '../fixtures';
import { tempFile, verzeichnis } from './fixtures';
import { evaluateWithLibreOffice, Evaluation, libreOfficePath, sameValue } from './formulaEngine';
import { rawCell, readWorkbook, rowsByAgs } from './xlsxFiles';

const NOW = '2026-02-01T10:00:00.000Z';
const OTHER = '08125005';
/** Decided eigenständig, its Nachweis still open: no expenditure stated yet. */
const LATE = verzeichnis().all[10].ags;
const stamp = { at: NOW, by: { id: 'x', name: 'X' } };
const gemeinden = verzeichnis().all.map((g) => ({ ags: g.ags, name: g.name }));

/** All 46: Abstatt alone (accepted, with a reclaim), Brackenheim + Eppingen as a Verbund (returned), one Landkreis Gemeinde entered, one eigenständig still open, the rest open. */
function round(): NachweisRound {
  const book = emptyDecisionBook(2025);
  book.decisions[ABSTATT] = { ags: ABSTATT, choice: 'eigenstaendig', vzae: '0.5', decided: stamp };
  book.decisions[BRACKENHEIM] = { ags: BRACKENHEIM, choice: 'verbund', vzae: '1', partners: [EPPINGEN], confirmations: { [EPPINGEN]: stamp }, decided: stamp };
  book.decisions[EPPINGEN] = { ags: EPPINGEN, choice: 'verbund', verbundLead: BRACKENHEIM, decided: stamp };
  book.decisions[LATE] = { ags: LATE, choice: 'eigenstaendig', vzae: '0.5', decided: stamp };
  const amounts = new Map(gemeinden.map((g, i) => [g.ags, new Decimal(30000 + i * 1111).plus('0.33')]));
  const ctx = { actor: coordinator, now: NOW };
  let r = openRound(2025, '2026-03-31', nachweisPlan(book, gemeinden.map((g) => g.ags), amounts, campaign2025()), amounts, ['Beratene Personen', 'Beratungsstunden je Woche'], { ...ctx, today: '2026-01-15' });
  const months = ['0.5', '0.5', '0', '0.25', '0.6', '0.6', '0.6', '0.6', '0.6', '0.6', '0.6', '0.7'];
  r = saveDraft(r, ABSTATT, { personnel: '25000.10', other: '1999.45', eigenmittel: '0', traeger: '=HYPERLINK("x")', traegerAmount: '20000', months, figures: { k1: 41, k2: 19.5 }, text: 'Beratung.' }, { actor: staff(ABSTATT), now: NOW }).round;
  r = submit(r, ABSTATT, { actor: staff(ABSTATT), now: NOW }).round;
  r = accept(r, ABSTATT, ctx).round;
  const verbundAllocation = new Decimal(r.nachweise[BRACKENHEIM].allocations[BRACKENHEIM]).plus(r.nachweise[BRACKENHEIM].allocations[EPPINGEN]);
  const spent = verbundAllocation.plus('5000.07');
  r = saveDraft(
    r,
    BRACKENHEIM,
    {
      personnel: spent.minus(1000).toFixed(2),
      other: '1000',
      eigenmittel: '5000.07',
      months: Array(12).fill('1'),
      shares: { [BRACKENHEIM]: spent.minus('20000.01').toFixed(2), [EPPINGEN]: '20000.01' },
      figures: { k1: 100, k2: 39 },
      text: 'Verbund.',
    },
    { actor: staff(BRACKENHEIM), now: NOW },
  ).round;
  r = submit(r, BRACKENHEIM, { actor: staff(BRACKENHEIM), now: NOW }).round;
  r = returnWithQuestion(r, BRACKENHEIM, 'Bitte die Eigenmittel belegen.', ctx).round;
  r = enterLandkreisFigures(r, OTHER, { personnel: '28000', other: '0.01', months: Array(12).fill('0.3333'), figures: { k1: 12, k2: 10 } }, ctx).round;
  return r;
}

async function written(): Promise<{ file: string; r: NachweisRound }> {
  const r = round();
  const file = tempFile('gesamtnachweis.xlsx');
  await writeGesamtnachweisWorkbook({ round: r, gemeinden, generatedAt: NOW }, file);
  return { file, r };
}

function mismatches(evaluation: Evaluation): string[] {
  return evaluation.formulas.filter((f) => !sameValue(f.computed, f.stored)).map((f) => `${f.ref} ${f.formula}: stored ${f.stored}, computed ${f.computed}`);
}

test('one row per Gemeinde with the figures, the reclaim and the months below the minimum; text stays text', async () => {
  const { file, r } = await written();
  const wb = await readWorkbook(file);
  const ws = wb.getWorksheet(GESAMTNACHWEIS_SHEETS.main)!;
  const rows = rowsByAgs(ws);
  expect(rows.size).toBe(46);
  const row = (ags: string) => ws.getRow(rows.get(ags)!);
  const abstatt = row(ABSTATT);
  expect(abstatt.getCell(5).value).toBe('angenommen');
  expect((abstatt.getCell(9).value as { result: number }).result).toBe(26999.55);
  const allocation = Number(r.nachweise[ABSTATT].allocations[ABSTATT]);
  expect((abstatt.getCell(18).value as { result: number }).result).toBeCloseTo(allocation - 26999.55, 2);
  expect((abstatt.getCell(15).value as { result: number }).result).toBe(2);
  expect((abstatt.getCell(14).value as { result: number }).result).toBe(0.5125);
  // A user's text that looks like a formula is written as text.
  expect((await rawCell(file, GESAMTNACHWEIS_SHEETS.main, `L${rows.get(ABSTATT)}`)).hasFormula).toBe(false);
  expect(row(EPPINGEN).getCell(4).value).toBe('Verbund (Partner von Brackenheim)');
  expect(row(EPPINGEN).getCell(10).value).toBe(20000.01);
  expect(row(BRACKENHEIM).getCell(5).value).toBe('zurückgegeben (Rückfrage)');
  // exceljs reads a stored 0 back as no result: look at the file itself.
  expect((await rawCell(file, GESAMTNACHWEIS_SHEETS.main, `R${rows.get(BRACKENHEIM)}`)).xml).toContain('<v>0</v>');
  expect(row(OTHER).getCell(4).value).toBe('Landkreis');
  // The minimum position binds the Gemeinden in their own responsibility only: no count for the Landkreis (0,3333 VZÄ).
  expect(row(OTHER).getCell(15).value).toBeNull();
  // No expenditure stated yet: no total, difference or reclaim (not the whole allocation), as in the status.
  for (const col of [9, 17, 18]) expect(row(LATE).getCell(col).value).toBeNull();
  const totalRow = ws.getRow(rows.get(gemeinden[gemeinden.length - 1].ags)! + 1);
  const reclaim = (ags: string) => Number(r.nachweise[ags].allocations[ags]) - Number(r.nachweise[ags].data.personnel) - Number(r.nachweise[ags].data.other);
  expect((totalRow.getCell(18).value as { result: number }).result).toBeCloseTo(reclaim(ABSTATT) + reclaim(OTHER), 2);
  const notes = ws.getColumn(1).values.map((v) => String(v));
  expect(notes.filter((t) => t.includes('Ausgaben'))).toContain('42 Nachweise nennen noch nicht beide Ausgaben (Personal- und sonstige Ausgaben): Ausgaben gesamt, Differenz und voraussichtliche Rückforderung bleiben dort leer und fehlen in den Summen.');
  const report = wb.getWorksheet(GESAMTNACHWEIS_SHEETS.report)!;
  expect(report.getRow(4).values).toEqual([undefined, 'AGS', 'Gemeinde', 'Art', 'Status', 'Beratene Personen', 'Beratungsstunden je Woche', 'Kurzbericht']);
  expect(rowsByAgs(report).size).toBe(45);
});

// xlsx-calc lacks COUNTIF, so the cross-check is LibreOffice's alone; in CI it must be there.
const soffice = libreOfficePath();
if (!soffice && process.env.CI === 'true') {
  test('LibreOffice is installed in CI', () => {
    throw new Error('soffice fehlt: .ci/run installiert libreoffice-calc-nogui');
  });
}
(soffice ? test : test.skip)(
  'LibreOffice Calc recomputes every formula to the stored value',
  async () => {
    const { file } = await written();
    const evaluation = await evaluateWithLibreOffice(file, soffice!);
    // 45 Nachweise: 2 of Gemeinden with their expenditure (6 formulas each), the Landkreis' entered figures
    // (5: no months below the minimum), one open eigenständig (Ø VZÄ, months, allocation), 41 open
    // Landkreis ones (Ø VZÄ, allocation); 11 totals, the check, 2 Sachbericht totals.
    expect(evaluation.formulas.length).toBe(2 * 6 + 5 + 3 + 41 * 2 + 11 + 1 + 2);
    expect(mismatches(evaluation)).toEqual([]);
  },
  120_000,
);

/**
 * Cross-check with a real spreadsheet application: LibreOffice Calc recomputes the overview's formulas
 * (after the stored results were removed) and must arrive at the exact allocation. Runs where
 * `soffice` is installed (Debian: `apt-get install -y libreoffice-calc-nogui`, which `.ci/run` does).
 * On a developer machine without it the test is skipped (the xlsx-calc test covers the same ground);
 * in CI (`CI=true`) a missing LibreOffice is a failure, so the cross-check cannot silently vanish.
 */
import { writeOverviewWorkbook } from '../../src/excel/overviewWorkbook';
import { reportFor, tempFile } from './fixtures';
import { evaluateWithLibreOffice, libreOfficePath } from './formulaEngine';
import { checkEvaluation, SCENARIOS } from './scenarios';

const soffice = libreOfficePath();
const describeWithLibreOffice = soffice ? describe : describe.skip;

if (!soffice && process.env.CI === 'true') {
  test('LibreOffice is installed in CI', () => {
    throw new Error('soffice fehlt: .ci/run installiert libreoffice-calc-nogui');
  });
}

describeWithLibreOffice('Übersicht in LibreOffice Calc nachgerechnet', () => {
  test.each(SCENARIOS)(
    '$name',
    async (scenario) => {
      const report = reportFor(scenario.input, scenario.counts, undefined, scenario.verzeichnis?.());
      const file = tempFile('uebersicht.xlsx');
      await writeOverviewWorkbook(report, file);
      const evaluation = await evaluateWithLibreOffice(file, soffice!);
      expect(await checkEvaluation(file, report, evaluation)).toEqual([]);
    },
    120_000,
  );
});

/**
 * Cross-check with a real spreadsheet application: LibreOffice Calc recomputes the overview's formulas
 * (after the stored results were removed) and must arrive at the exact allocation. Runs where
 * `soffice` is installed (Debian: `apt-get install -y libreoffice-calc-nogui`); skipped elsewhere,
 * since the xlsx-calc test covers the same ground without it.
 */
import { writeOverviewWorkbook } from '../../src/excel/overviewWorkbook';
import { reportFor, tempFile } from './fixtures';
import { evaluateWithLibreOffice, libreOfficePath } from './formulaEngine';
import { checkEvaluation, SCENARIOS } from './scenarios';

const soffice = libreOfficePath();
const describeWithLibreOffice = soffice ? describe : describe.skip;

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

/**
 * The overview workbook's sheet „Entwicklung“ (year over year): earlier years as values, the workbook's year
 * live from „Übersicht“, the change against the year before as a formula – recomputed by xlsx-calc and,
 * where installed, by LibreOffice, to the stored results. Without earlier years there is no such sheet.
 */
import type { GemeindeHistory } from '../../src/app/riskService';
import { writeOverviewWorkbook } from '../../src/excel/overviewWorkbook';
import { HISTORY_SHEET } from '../../src/excel/historySheet';
import { reportFor, tempFile, verzeichnis } from './fixtures';
import { evaluateFile, evaluateWithLibreOffice, libreOfficePath } from './formulaEngine';
import { checkEvaluation, SCENARIOS } from './scenarios';
import { readWorkbook, rowsByAgs } from './xlsxFiles';

const scenario = SCENARIOS[0];
const report = reportFor(scenario.input, scenario.counts);
/** 2023 and 2024 for every Gemeinde but the last (it joined in 2025): invented figures of earlier overviews. */
const history: GemeindeHistory[] = verzeichnis().all.map((g, i) => ({
  ags: g.ags,
  name: g.name,
  years:
    i === 45
      ? [{ year: 2025, persons: report.rows[i].persons, amount: report.rows[i].amount, vzae: report.rows[i].vzae, published: false, provisional: false }]
      : [2023, 2024].map((year) => ({ year, persons: 10 + i + year - 2023, amount: `${20000 + i * 100 + (year - 2023) * 50}.00`, vzae: '0.2941', published: true, provisional: false })),
}));

async function written(h: readonly GemeindeHistory[]) {
  const file = tempFile('entwicklung.xlsx');
  await writeOverviewWorkbook(report, file, undefined, h);
  return file;
}

test('persons, amount and VZÄ per year; the workbook\'s year from „Übersicht“; formulas recompute to the stored values', async () => {
  const file = await written(history);
  const ws = (await readWorkbook(file)).getWorksheet(HISTORY_SHEET)!;
  expect(ws).toBeDefined();
  const header = ws.getRow(3).values as unknown[];
  expect(header.slice(1)).toEqual(['AGS', 'Gemeinde', '2023 Personen', '2023 Betrag', '2023 VZÄ', '2024 Personen', '2024 Betrag', '2024 VZÄ', '2025 Personen', '2025 Betrag', '2025 VZÄ', 'Betrag 2025 − 2024']);
  const rows = rowsByAgs(ws);
  const r = rows.get(report.rows[0].ags)!;
  expect(ws.getCell(`C${r}`).value).toBe(10);
  expect(ws.getCell(`G${r}`).value).toBe(20050);
  const evaluation = await evaluateFile(file);
  expect(await checkEvaluation(file, report, evaluation)).toEqual([]);
  expect(evaluation.computed(`${HISTORY_SHEET}!J${r}`)).toBe(Number(report.rows[0].amount));
  expect(evaluation.computed(`${HISTORY_SHEET}!I${r}`)).toBe(report.rows[0].persons);
  expect(evaluation.computed(`${HISTORY_SHEET}!L${r}`)).toBe(Number(report.rows[0].amount) - 20050);
  // The Gemeinde without earlier years: its row has the workbook's year only, no change.
  const newcomer = rows.get(report.rows[45].ags)!;
  expect(ws.getCell(`C${newcomer}`).value).toBeNull();
  expect(ws.getCell(`L${newcomer}`).value).toBeNull();
  expect(evaluation.formulas.filter((f) => f.ref.startsWith(HISTORY_SHEET)).length).toBeGreaterThan(46 * 3);
});

test('no earlier year in the data: no sheet „Entwicklung“', async () => {
  const only = history.map((g) => ({ ...g, years: g.years.filter((y) => y.year === 2025) }));
  expect((await readWorkbook(await written(only))).getWorksheet(HISTORY_SHEET)).toBeUndefined();
  expect((await readWorkbook(await written([]))).getWorksheet(HISTORY_SHEET)).toBeUndefined();
});

const soffice = libreOfficePath();
(soffice ? test : test.skip)(
  'LibreOffice Calc recomputes the sheet to the stored values',
  async () => {
    const file = await written(history);
    expect(await checkEvaluation(file, report, await evaluateWithLibreOffice(file, soffice!))).toEqual([]);
  },
  120_000,
);

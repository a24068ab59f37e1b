/**
 * The rows behind an import report: kept through the Repository port (a named document, so that any
 * process on the same store serves the link), for the Koordinierungsstelle only, removed when the link
 * expires and when the year's personal data is purged; the workbook lists every row by kind.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { IntmApp } from '../../src/app';
import { IMPORT_ISSUES_TTL_MS } from '../../src/app/importIssues';
import { validateStep1 } from '../../src/domain/importRows';
import { ExcelWorkbookWriter } from '../../src/excel/workbookWriter';
import { SpreadsheetTableReader } from '../../src/excel/tableReader';
import { LowdbRepository } from '../../src/storage/lowdbRepository';
import { coordinator, staff, ABSTATT, verzeichnis } from '../fixtures';
import { openHarness, seed, tempDir, type Harness } from '../harness';
import { HEADER, numbered, personRow, rules } from '../import/helpers';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
  await seed(h, 2);
});
afterEach(() => h.cleanup());

/** 5 rows outside the period, one with a bad date, one valid; a column the procedure must not keep. */
function outcome() {
  const rows = [
    [...HEADER, 'Staatsangehörigkeit'],
    ...Array.from({ length: 5 }, (_, i) => [...personRow(`OUT-${i}`, { Nachname: `Frueh${i}`, Zuweisungsdatum: '15.11.2019' }), 'x']),
    [...personRow('BAD-1', { Nachname: 'Datum', Geburtsdatum: '31.02.1990' }), 'x'],
    [...personRow('OK-1'), 'x'],
  ];
  return validateStep1(rules(), numbered(rows));
}

const doc = async () => (await h.repo.readDocument<{ reports: Record<string, unknown> }>('import-issues'))?.reports ?? {};

test('kept as a named document with an expiry; read by the Koordinierungsstelle only; a second process on the same store reads it', async () => {
  const kept = await h.app.importIssues.keep(2025, 'export.xlsx', outcome(), { actor: coordinator, locale: 'de', stored: false });
  expect(kept).toEqual({ id: expect.stringMatching(/^[0-9a-f]{24}$/), expiresAt: new Date(Date.parse('2024-01-10T09:00:00.000Z') + IMPORT_ISSUES_TTL_MS).toISOString() });
  expect(Object.keys(await doc())).toEqual([kept!.id]);
  await expect(h.app.importIssues.read(kept!.id, staff(ABSTATT))).rejects.toMatchObject({ code: 'auth.koordinationOnly' });
  await expect(h.app.importIssues.keep(2025, 'x.csv', outcome(), { actor: staff(ABSTATT), locale: 'de', stored: false })).rejects.toMatchObject({ code: 'auth.koordinationOnly' });
  // Another process (another bot instance) opens the same store and finds the rows: nothing is held in memory.
  const otherRepo = await LowdbRepository.open(h.dataDir);
  const other = new IntmApp({ repo: otherRepo, clock: h.clock, verzeichnis, tableReader: new SpreadsheetTableReader(), workbooks: new ExcelWorkbookWriter() });
  const report = await other.importIssues.read(kept!.id, coordinator);
  expect(report.errors.map((i) => [i.row, i.code])).toEqual([[7, 'import.dateImpossible']]);
  expect(report.warnings.map((i) => i.row)).toEqual([2, 3, 4, 5, 6]);
  // File-wide issues (the column) are on the card; the workbook holds rows.
  expect(report.warnings.every((i) => i.subject?.id?.startsWith('OUT-'))).toBe(true);
  await other.close();
});

test('nothing to keep without row issues', async () => {
  const clean = validateStep1(rules(), numbered([HEADER, personRow('OK-1')]));
  expect(await h.app.importIssues.keep(2025, 'export.xlsx', clean, { actor: coordinator, locale: 'de', stored: true })).toBeUndefined();
  expect(await h.repo.readDocument('import-issues')).toBeUndefined();
});

test('removed once expired (read, sweep, the next keep) and when the year is purged', async () => {
  const first = await h.app.importIssues.keep(2025, 'a.xlsx', outcome(), { actor: coordinator, locale: 'de', stored: false });
  h.clock.set(new Date(Date.parse('2024-01-10T09:00:00.000Z') + IMPORT_ISSUES_TTL_MS + 1000));
  await expect(h.app.importIssues.read(first!.id, coordinator)).rejects.toMatchObject({ code: 'import.issuesGone' });
  expect(await doc()).toEqual({});
  const second = await h.app.importIssues.keep(2025, 'b.xlsx', outcome(), { actor: coordinator, locale: 'de', stored: false });
  h.clock.set(new Date(Date.parse(h.app.ctx.clock.now()) + IMPORT_ISSUES_TTL_MS + 1000));
  const third = await h.app.importIssues.keep(2025, 'c.xlsx', outcome(), { actor: coordinator, locale: 'de', stored: false });
  // Keeping a new report drops the expired one in the same write.
  expect(Object.keys(await doc())).toEqual([third!.id]);
  expect(second!.id).not.toBe(third!.id);
  expect(await h.app.importIssues.sweep()).toBe(0);
  // `intm purge` of the year (after its retention date) removes its rows with the lists.
  h.clock.set('2027-01-05T09:00:00.000Z');
  await h.app.importIssues.keep(2025, 'd.xlsx', outcome(), { actor: coordinator, locale: 'de', stored: false });
  expect(Object.keys(await doc())).toHaveLength(1);
  await h.app.campaigns.purge(2025, { actor: coordinator });
  expect(await doc()).toEqual({});
});

test('the workbook: every row by kind with its row number, Personen-ID, names, Gemeinde and message; marked confidential', async () => {
  const kept = await h.app.importIssues.keep(2025, 'export.xlsx', outcome(), { actor: coordinator, locale: 'de', stored: false });
  const out = path.join(tempDir('intm-issues-'), 'rows.xlsx');
  await h.app.importIssues.workbook(kept!.id, out, coordinator);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet('Importbericht')!;
  expect(ws.getCell('A2').value).toContain('Vertraulich: personenbezogene Daten');
  expect((ws.getRow(5).values as unknown[]).slice(1)).toEqual(['Art', 'Gruppe', 'Zeile', 'Personen-ID', 'Nachname', 'Vorname', 'Gemeinde', 'Meldung']);
  const rows = [];
  for (let r = 6; r <= ws.rowCount; r++) {
    const v = ws.getRow(r).values as unknown[];
    if (v.length) rows.push(v.slice(1, 8));
  }
  expect(rows).toEqual([
    ['Fehler', '1\u00a0Zeile mit einem Datum, das es nicht gibt', 7, 'BAD-1', 'Datum', 'Amina', 'Abstatt'],
    ...[0, 1, 2, 3, 4].map((i) => ['Hinweis', '5\u00a0Zeilen außerhalb des Betrachtungszeitraums 01.01.2020–31.12.2022 (nicht übernommen)', i + 2, `OUT-${i}`, `Frueh${i}`, 'Amina', 'Abstatt']),
  ]);
  expect(ws.getCell('H6').value).toBe('Geburtsdatum: Den 31.02.1990 gibt es nicht.');
  await expect(h.app.importIssues.workbook(kept!.id, out, staff(ABSTATT))).rejects.toMatchObject({ code: 'auth.koordinationOnly' });
});

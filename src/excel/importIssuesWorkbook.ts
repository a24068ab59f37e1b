/**
 * The rows behind an import report, one line per row with an issue, grouped by kind as on the report
 * card ("108 Zeilen außerhalb des Betrachtungszeitraums …"): row number, the row's identifying cells and
 * the message. Holds personal data: for the Koordinierungsstelle only (a short-lived download link).
 * Cells from the file are user text, always written as text (see cells.ts).
 */
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import type { StoredImportIssues } from '../app/importIssues';
import { groupIssues, type ImportIssue, type IssueGroup } from '../domain/importRows';
import { issueGroupText } from '../i18n/importGroups';
import { translate, type Locale } from '../i18n/messages';
import { fitRowHeight, formatBerlin, INTEGER_FORMAT, landscapePrint, setText, styleHeaderRow, styleTitle, writeWorkbook } from './cells';

const WORDS = {
  de: {
    sheet: 'Importbericht',
    title: (p: StoredImportIssues) => `Importbericht Berechnungsjahr ${p.year} – Datei ${p.fileName}`,
    confidential: 'Vertraulich: personenbezogene Daten. Nur für die Koordinierungsstelle im Landratsamt; bitte nicht weitergeben.',
    created: (at: string) => `Import vom ${formatBerlin(at)}`,
    headers: ['Art', 'Gruppe', 'Zeile', 'Personen-ID', 'Nachname', 'Vorname', 'Gemeinde', 'Meldung'],
    error: 'Fehler',
    warning: 'Hinweis',
    omitted: (n: number) => `Weitere ${n} Zeilen sind gezählt, aber nicht aufgeführt.`,
  },
  en: {
    sheet: 'Import report',
    title: (p: StoredImportIssues) => `Import report calculation year ${p.year} – file ${p.fileName}`,
    confidential: 'Confidential: personal data. For the coordinating office at the Landratsamt only; please do not pass on.',
    created: (at: string) => `Import of ${formatBerlin(at)}`,
    headers: ['Kind', 'Group', 'Row', 'Person ID', 'Surname', 'Given name', 'Municipality', 'Message'],
    error: 'Error',
    warning: 'Warning',
    omitted: (n: number) => `Another ${n} rows are counted but not listed.`,
  },
} as const;

const HEADER_ROW = 5;

/** The group's words as on the card ("108 Zeilen außerhalb …"); a kind without its own words: its first message. */
function groupLabel(group: IssueGroup, locale: Locale): string {
  const first = group.issues[0];
  return issueGroupText(group.code, String(group.count), group.count, first?.params ?? {}, locale) ?? translate(group.code, first?.params ?? {}, locale);
}

export function buildImportIssuesWorkbook(report: StoredImportIssues): ExcelJS.Workbook {
  const locale = report.locale;
  const w = WORDS[locale];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'IntM-Bot';
  workbook.title = w.title(report);
  workbook.created = new Date(report.at);
  const ws: Worksheet = workbook.addWorksheet(w.sheet);
  ws.columns = [10, 44, 8, 16, 20, 18, 20, 70].map((width) => ({ width }));
  setText(ws.getCell('A1'), w.title(report));
  styleTitle(ws.getCell('A1'));
  setText(ws.getCell('A2'), w.confidential);
  ws.getCell('A2').font = { italic: true, color: { argb: 'FFC00000' } };
  setText(ws.getCell('A3'), w.created(report.at));
  w.headers.forEach((h, i) => (ws.getCell(HEADER_ROW, i + 1).value = h));
  styleHeaderRow(ws, HEADER_ROW, w.headers.length);
  ws.views = [{ state: 'frozen', ySplit: HEADER_ROW }];
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: w.headers.length } };

  let r = HEADER_ROW + 1;
  const write = (kind: string, label: string, issue: ImportIssue) => {
    const cells = ws.getRow(r);
    setText(cells.getCell(1), kind);
    setText(cells.getCell(2), label);
    cells.getCell(3).value = issue.row ?? null;
    cells.getCell(3).numFmt = INTEGER_FORMAT;
    setText(cells.getCell(4), issue.subject?.id);
    setText(cells.getCell(5), issue.subject?.surname);
    setText(cells.getCell(6), issue.subject?.givenName);
    setText(cells.getCell(7), issue.subject?.gemeinde);
    setText(cells.getCell(8), translate(issue.code, issue.params, locale));
    for (const c of [2, 8]) cells.getCell(c).alignment = { wrapText: true, vertical: 'top' };
    fitRowHeight(ws, r, [2, 8]);
    r++;
  };
  const counts = (issues: ImportIssue[]) => {
    const kinds: Partial<Record<ImportIssue['code'], number>> = {};
    for (const i of issues) kinds[i.code] = (kinds[i.code] ?? 0) + 1;
    return kinds;
  };
  for (const [kind, issues] of [
    [w.error, report.errors],
    [w.warning, report.warnings],
  ] as const) {
    for (const group of groupIssues(issues, counts(issues))) {
      const label = groupLabel(group, locale);
      for (const issue of group.issues) write(kind, label, issue);
    }
  }
  const omitted = report.omitted.errors + report.omitted.warnings;
  if (omitted > 0) setText(ws.getCell(r + 1, 1), w.omitted(omitted));
  landscapePrint(ws, `${HEADER_ROW}:${HEADER_ROW}`, w.title(report));
  return workbook;
}

export async function writeImportIssuesWorkbook(report: StoredImportIssues, out: string | NodeJS.WritableStream): Promise<void> {
  await writeWorkbook(buildImportIssuesWorkbook(report), out);
}

/**
 * Small helpers shared by the workbooks: safe text cells, real Excel dates, Berlin wall-clock times,
 * formula cells with their stored result, and the common look (header row, title, print setup).
 *
 * Security: names, notes and justifications come from users. A text such as `=HYPERLINK(...)` or
 * `+49…` must stay text. exceljs writes a plain string value as a string cell (never as a formula);
 * we also give every text cell the text format `@`, so that editing it in Excel keeps it text.
 * Only `formulaCell` writes formulas, and it is only ever called with formulas built in code.
 */
import { rename, unlink, writeFile } from 'node:fs/promises';
import type { Cell, Workbook, Worksheet } from 'exceljs';
import type { IsoDate } from '../domain/dates';

export const TEXT_FORMAT = '@';
export const DATE_FORMAT = 'dd.mm.yyyy';
export const DATE_TIME_FORMAT = 'dd.mm.yyyy hh:mm';
export const INTEGER_FORMAT = '#,##0';
export const EURO_FORMAT = '#,##0 €';
export const EURO_CENT_FORMAT = '#,##0.00 €';

/** Excel's limit for one cell's text. */
const MAX_CELL_TEXT = 32_767;
/**
 * Characters XML 1.0 forbids. exceljs 4.4 drops the ASCII control characters itself; U+FFFE/U+FFFF and
 * lone surrogates it does not, and Excel reports such a file as damaged. Cleaning here keeps the file
 * valid whatever the library version.
 */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** User text made safe to store: no XML-invalid characters, within Excel's length limit. */
export function cleanText(value: string): string {
  const text = value.replace(XML_INVALID, '');
  return text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT - 1) + '…' : text;
}

/** Writes text as a string cell with the text format; empty for undefined. */
export function setText(cell: Cell, value: string | undefined): void {
  cell.value = value === undefined ? null : cleanText(value);
  cell.numFmt = TEXT_FORMAT;
}

/** A calendar date as a real Excel date (UTC midnight is what exceljs converts to the day's serial). */
export function excelDate(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export function setDate(cell: Cell, date: IsoDate | undefined): void {
  cell.value = date ? excelDate(date) : null;
  cell.numFmt = DATE_FORMAT;
}

const BERLIN = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function berlinParts(iso: string): { y: number; mo: number; d: number; h: number; mi: number } {
  const parts = Object.fromEntries(BERLIN.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return { y: Number(parts.year), mo: Number(parts.month), d: Number(parts.day), h: Number(parts.hour), mi: Number(parts.minute) };
}

/**
 * An ISO timestamp as the wall-clock time in the Landkreis. Excel has no time zones: the serial must
 * carry Berlin's local time, so the Date returned has Berlin's clock reading in its UTC fields.
 */
export function berlinDateTime(iso: string): Date {
  const p = berlinParts(iso);
  return new Date(Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi));
}

/** `TT.MM.JJJJ HH:MM` in Europe/Berlin, for texts. */
export function formatBerlin(iso: string): string {
  const p = berlinParts(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(p.d)}.${two(p.mo)}.${p.y} ${two(p.h)}:${two(p.mi)}`;
}

export function setDateTime(cell: Cell, iso: string | undefined): void {
  cell.value = iso ? berlinDateTime(iso) : null;
  cell.numFmt = DATE_TIME_FORMAT;
}

/**
 * A live formula with the value it evaluates to. exceljs never calculates, so the result is what
 * viewers without a calculation engine (previews, mobile apps) show; Excel recalculates on load.
 */
export function formulaCell(cell: Cell, formula: string, result: number | string, numFmt?: string): void {
  cell.value = { formula, result };
  if (numFmt) cell.numFmt = numFmt;
}

/** `'Sheet name'!A1`: always quoted, which Excel accepts for every sheet name (umlauts, spaces). */
export function sheetRef(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** Header and footer codes start with `&`: a literal ampersand in user text must be doubled. */
export function headerText(text: string): string {
  return cleanText(text).replace(/&/g, '&&');
}

/** The bold, shaded, wrapped header row of a table. */
export function styleHeaderRow(ws: Worksheet, rowNumber: number, columns: number): void {
  const row = ws.getRow(rowNumber);
  row.height = 32;
  for (let c = 1; c <= columns; c++) {
    const cell = row.getCell(c);
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  }
}

/** A table's header row: the titles, styled. */
export function writeHeaderRow(ws: Worksheet, rowNumber: number, headers: readonly string[]): void {
  headers.forEach((h, i) => (ws.getCell(rowNumber, i + 1).value = h));
  styleHeaderRow(ws, rowNumber, headers.length);
}

/** A table's totals row: bold, a thin line above and a double line below. */
export function styleTotalRow(ws: Worksheet, rowNumber: number, columns: number): void {
  ws.getRow(rowNumber).font = { bold: true };
  for (let c = 1; c <= columns; c++) ws.getCell(rowNumber, c).border = { top: { style: 'thin' }, bottom: { style: 'double' } };
}

/**
 * Neither exceljs nor Excel sizes a row to its wrapped text when a file is opened: estimate the lines
 * from the text length and the column width, so that long notes are readable and nothing overlaps.
 */
export function fitRowHeight(ws: Worksheet, rowNumber: number, wrappedColumns: readonly number[]): void {
  let lines = 1;
  for (const c of wrappedColumns) {
    const value = ws.getRow(rowNumber).getCell(c).value;
    if (typeof value !== 'string') continue;
    const perLine = Math.max(1, (ws.getColumn(c).width ?? 10) - 2);
    const needed = value.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, needed);
  }
  if (lines > 1) ws.getRow(rowNumber).height = Math.min(409, lines * 15);
}

export function styleTitle(cell: Cell): void {
  cell.font = { bold: true, size: 14 };
}

/** Landscape A4, one page wide, header rows repeated, title and page numbers in the footer. */
export function landscapePrint(ws: Worksheet, printTitleRows: string, footerTitle: string): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: printTitleRows,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: `&L${headerText(footerTitle)}&RSeite &P von &N` };
}

export async function workbookBytes(workbook: Workbook): Promise<Buffer> {
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * Writes a workbook to a path, atomically (a temporary file renamed into place, so nobody opens half a
 * workbook and a failure leaves no broken file), or to a stream, which is ended.
 */
export async function writeWorkbook(workbook: Workbook, out: string | NodeJS.WritableStream): Promise<void> {
  const bytes = await workbookBytes(workbook);
  if (typeof out !== 'string') {
    await new Promise<void>((resolve, reject) => {
      out.once('error', reject);
      out.end(bytes, () => resolve());
    });
    return;
  }
  const tmp = `${out}.${process.pid}.${Date.now()}.tmp`;
  try {
    // A list holds persons' names and birth dates: readable by its owner only, whatever the umask.
    await writeFile(tmp, bytes, { mode: 0o600 });
    await rename(tmp, out);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
}

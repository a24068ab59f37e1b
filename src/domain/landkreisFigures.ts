/**
 * The Landkreis' own figures for the Gemeinden it served, from a table (a workbook the Landratsamt
 * keeps anyway): one row per Gemeinde with its key, the expenditure, the position per month and the
 * year's key figures. Columns are found by their heading; the rows become Verwendungsnachweis input
 * (src/domain/verwendungsnachweis.ts checks the numbers when they are applied).
 */
import type { Cell } from './importRows';
import { DomainError } from './errors';
import { KeyFigure, MONTH_NAMES, NachweisInput } from './verwendungsnachweis';

export interface LandkreisRow {
  rowNumber: number;
  ags: string;
  input: NachweisInput;
}

/** Headings, compared without case and spaces; the AGS column also under the usual other names. */
const KEY_HEADINGS = ['ags', 'gemeindeschlüssel', 'gkz', 'gemeinde'];
const normal = (text: unknown) => String(text ?? '').toLowerCase().replace(/\s+/g, '');

/** Which column holds what, from the heading row; refuses a table without the Gemeinde's key. */
export function landkreisColumns(header: readonly Cell[], keyFigures: readonly KeyFigure[]): Map<number, string> {
  const columns = new Map<number, string>();
  header.forEach((cell, i) => {
    const h = normal(cell);
    if (KEY_HEADINGS.includes(h) && ![...columns.values()].includes('ags')) columns.set(i, 'ags');
    else if (h === 'personalausgaben') columns.set(i, 'personnel');
    else if (h === 'sonstigeausgaben') columns.set(i, 'other');
    else if (MONTH_NAMES.some((m) => normal(m) === h)) columns.set(i, `month:${MONTH_NAMES.findIndex((m) => normal(m) === h)}`);
    else {
      const figure = keyFigures.find((k) => normal(k.label) === h);
      if (figure) columns.set(i, `figure:${figure.id}`);
    }
  });
  if (![...columns.values()].includes('ags')) throw new DomainError('vn.importNoKey');
  return columns;
}

/** One table row as input; `resolve` turns what the row names (AGS or name) into an AGS, or throws. */
export function landkreisRow(rowNumber: number, cells: readonly Cell[], columns: ReadonlyMap<number, string>, resolve: (keyOrName: string) => string): LandkreisRow | undefined {
  if (cells.every((c) => c === null || c === undefined || String(c).trim() === '')) return undefined;
  const input: NachweisInput = {};
  let ags = '';
  const months: (string | number | null)[] = Array(12).fill(null);
  for (const [i, field] of columns) {
    const cell = cells[i];
    if (cell === null || cell === undefined || String(cell).trim() === '') continue;
    if (cell instanceof Date || typeof cell === 'boolean') throw new DomainError('vn.notANumber', { field: String(field), value: String(cell) });
    const value = typeof cell === 'number' ? cell : cell.trim();
    if (field === 'ags') ags = resolve(String(value));
    else if (field === 'personnel') input.personnel = value;
    else if (field === 'other') input.other = value;
    else if (field.startsWith('month:')) {
      months[Number(field.slice(6))] = value;
    } else if (field.startsWith('figure:')) input.figures = { ...(input.figures ?? {}), [field.slice(7)]: value };
  }
  if (!ags) throw new DomainError('vn.importNoKey');
  // A table without month columns leaves the months as they are; with them, it is the whole year.
  if ([...columns.values()].some((f) => f.startsWith('month:'))) input.months = months;
  return { rowNumber, ags, input };
}

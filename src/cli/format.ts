/** Plain-text output for the terminal: German labels and aligned tables. */
import { CHOICE_LABEL, LIST_STATE_LABEL } from '../i18n/labels';

export const LIST_STATE_DE = LIST_STATE_LABEL.de;
export const CHOICE_DE = CHOICE_LABEL.de;

export type Align = 'left' | 'right';

/** A table with a header row; columns aligned by their declared side. */
export function table(headers: string[], rows: string[][], align: Align[] = []): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (align[i] === 'right' ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** `2025-01-14T09:30:00.000Z` as `14.01.2025 10:30` in the Landkreis's time. */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
  return parts.replace(',', '');
}

/**
 * The result of importing the LRA's export: stored or refused, then – leading – the persons per
 * Gemeinde, what was read and left out, and the issues grouped by kind with a count ("108 Zeilen
 * außerhalb des Betrachtungszeitraums …") instead of near-identical lines; the rows behind the groups
 * are in a workbook behind a link for the Koordinierungsstelle. Counts only on the card – no person.
 * The file name, the refusal and the lines (which may quote cells of the file) are TextRuns.
 */
import { formatIssue, groupIssues, type ImportIssue } from '../domain/importRows';
import type { Locale } from '../i18n/catalogue';
import { cardText } from '../i18n/cards';
import { issueGroupText } from '../i18n/importGroups';
import { translate, type MessageCode } from '../i18n/messages';
import type { AdaptiveCard, ImportIssueLine, ImportReportView } from './index';
import { formatCount, localDateTime, renderCard, userText } from './render';
import template from './templates/importReport.json';

/** Row numbers named per error group (the workbook has all of them). */
export const IMPORT_ROWS_NAMED = 8;

/**
 * The report's issues as card lines: one per kind with its count, errors with their first row numbers
 * (to fix the file); issues of the file as a whole (a column not taken over …) as their own sentence.
 */
export function importIssueLines(
  issues: readonly ImportIssue[],
  kinds: Partial<Record<MessageCode, number>>,
  locale: Locale,
  options: { rowNumbers?: boolean } = {},
): ImportIssueLine[] {
  const fileWide = issues.filter((i) => i.row === undefined);
  const byRow = issues.filter((i) => i.row !== undefined);
  const rowKinds = { ...kinds };
  for (const i of fileWide) rowKinds[i.code] = Math.max(0, (rowKinds[i.code] ?? 1) - 1);
  const lines: ImportIssueLine[] = fileWide.map((i) => ({ text: formatIssue(i, locale) }));
  for (const group of groupIssues(byRow, rowKinds)) {
    if (group.count === 0) continue;
    const first = group.issues[0];
    const count = formatCount(group.count, locale);
    const text =
      issueGroupText(group.code, count, group.count, first?.params ?? {}, locale) ??
      `${count}\u00a0${group.count === 1 ? cardText('import.row', locale) : cardText('import.rows', locale)}: ${first ? translate(first.code, first.params, locale) : group.code}`;
    const named = group.issues.slice(0, IMPORT_ROWS_NAMED).map((i) => i.row!);
    const rows =
      options.rowNumbers && named.length
        ? cardText(named.length === 1 ? 'import.rowNumber' : 'import.rowNumbers', locale, { rows: named.join(', ') }) + (group.count > named.length ? ' …' : '')
        : undefined;
    lines.push({ text, ...(rows ? { rows } : {}) });
  }
  return lines;
}

function section(heading: string, color: string, lines: ImportIssueLine[]) {
  return {
    heading,
    color,
    lines: lines.map((l) => ({ text: userText(l.text), rows: l.rows ? [{ text: userText(l.rows) }] : [] })),
  };
}

/** Two columns, top to bottom then left to right: "Abstatt · 123". */
function perGemeindeData(view: ImportReportView) {
  const { locale } = view;
  const rows = [...(view.perGemeinde ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'de'));
  if (!view.stored || rows.length === 0) return [];
  const cells = rows.map((g) => ({ name: userText(g.name), count: ` ${formatCount(g.persons, locale)}` }));
  const half = Math.ceil(cells.length / 2);
  const columns = [cells.slice(0, half), cells.slice(half)].filter((c) => c.length).map((c) => ({ cells: c }));
  return [{ heading: cardText('import.perGemeinde', locale, { n: formatCount(rows.length, locale) }), columns }];
}

function linkData(view: ImportReportView) {
  const { locale, rowsLink } = view;
  if (!rowsLink) return { hint: [], links: [] };
  const { date, time } = localDateTime(rowsLink.expiresAt, locale);
  return {
    hint: [{ text: cardText('import.rowsLinkHint', locale, { date, time }) }],
    links: [{ title: cardText('import.rowsLink', locale), url: rowsLink.url }],
  };
}

export function importReportCard(view: ImportReportView): AdaptiveCard {
  const { locale } = view;
  const n = (x: number) => formatCount(x, locale);
  const refusal = view.refusal ? view.refusal : view.stored ? '' : cardText('import.notStored', locale);
  const sections = [];
  if (view.errorCount) sections.push(section(cardText('import.errors', locale, { n: n(view.errorCount) }), 'Attention', view.errors));
  // Warnings under a bold heading in the default colour: Teams' Warning yellow is unreadable on white.
  if (view.warningCount) sections.push(section(cardText('import.warnings', locale, { n: n(view.warningCount) }), 'Default', view.warnings));
  // A file refused as a whole (not a spreadsheet, too large …) has no rows to count.
  const facts =
    view.refusal && view.rowsRead === 0
      ? []
      : [
          { title: cardText('import.rowsRead', locale), value: n(view.rowsRead) },
          // Short titles: the renderer gives a fact's title at most 150 px.
          { title: cardText('import.persons', locale), value: cardText('import.personsValue', locale, { n: n(view.persons) }) },
          { title: cardText('import.leftOut', locale), value: cardText('import.leftOutValue', locale, { n: n(view.leftOut) }) },
        ];
  return renderCard(template, {
    lang: locale,
    title: cardText(view.stored ? 'import.stored' : 'import.refused', locale),
    titleColor: view.stored ? 'Default' : 'Attention',
    fileLabel: cardText('import.file', locale, { year: view.year }),
    fileName: userText(view.fileName || '–'),
    refusal: refusal ? [{ text: userText(refusal) }] : [],
    facts,
    sections,
    perGemeinde: perGemeindeData(view),
    ...linkData(view),
    next: view.stored ? [{ text: cardText('import.next', locale) }] : [],
  });
}

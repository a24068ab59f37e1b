/**
 * The result of importing the LRA's export: stored or refused, what was read, what was left out, the
 * first errors and warnings, and the persons per Gemeinde. Counts only – no person. The file name,
 * the refusal and the report lines (which may quote cells of the file) are TextRuns.
 */
import type { Locale } from '../i18n/catalogue';
import { cardText } from '../i18n/cards';
import type { AdaptiveCard, ImportReportView } from './index';
import { formatCount, renderCard, userText } from './render';
import template from './templates/importReport.json';

/** The report lines shown per kind; the view is meant to carry at most this many. */
export const IMPORT_LINES_SHOWN = 20;

function section(heading: string, color: string, lines: string[], total: number, locale: Locale) {
  const shown = lines.slice(0, IMPORT_LINES_SHOWN);
  const rest = Math.max(0, total - shown.length);
  return {
    heading,
    color,
    lines: shown.map((text) => ({ text: userText(text) })),
    more: rest > 0 ? [{ text: cardText('import.more', locale, { n: formatCount(rest, locale) }) }] : [],
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

export function importReportCard(view: ImportReportView): AdaptiveCard {
  const { locale } = view;
  const n = (x: number) => formatCount(x, locale);
  const errorCount = Math.max(view.errorCount, view.errors.length);
  const warningCount = Math.max(view.warningCount, view.warnings.length);
  const refusal = view.refusal ? view.refusal : view.stored ? '' : cardText('import.notStored', locale);
  const sections = [];
  if (errorCount) sections.push(section(cardText('import.errors', locale, { n: n(errorCount) }), 'Attention', view.errors, errorCount, locale));
  // Warnings under a bold heading in the default colour: Teams' Warning yellow is unreadable on white.
  if (warningCount) sections.push(section(cardText('import.warnings', locale, { n: n(warningCount) }), 'Default', view.warnings, warningCount, locale));
  // A file refused as a whole (not a spreadsheet, too large …) has no rows to count.
  const facts = view.refusal && view.rowsRead === 0
    ? []
    : [
        { title: cardText('import.rowsRead', locale), value: n(view.rowsRead) },
        // Short titles: the renderer gives a fact's title at most 150 px.
        { title: cardText('import.persons', locale), value: cardText('import.personsValue', locale, { n: n(view.persons) }) },
        { title: cardText('import.leftOut', locale), value: cardText('import.leftOutValue', locale, { n: n(view.leftOut) }) },
        { title: cardText('import.errorCount', locale), value: n(errorCount) },
        { title: cardText('import.warningCount', locale), value: n(warningCount) },
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
    next: view.stored ? [{ text: cardText('import.next', locale) }] : [],
  });
}

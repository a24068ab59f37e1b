/**
 * The coordinators' dashboard: where each of the 46 Gemeinden stands. Counts, states and deadlines
 * only – no person and no staff name – so it could be shown to anyone with the overview's rights.
 */
import type { NachweisRoundStatus } from '../app/nachweisStatus';
import type { StatusReport } from '../app/overviewService';
import { formatDateFor, type IsoDate } from '../domain/dates';
import type { GemeindeStatus } from '../domain/status';
import type { Locale } from '../i18n/catalogue';
import { cardText, LIST_STATE_LABEL } from '../i18n/cards';
import { VERBS } from './actions';
import { ButtonData, yearButton } from './buttons';
import type { AdaptiveCard } from './index';
import { clampPage } from './paging';
import { nachweisSection } from './nachweisSection';
import { statusTotals } from './statusTotals';
import { formatCount, localDate, renderCard, userText } from './render';
import template from './templates/dashboard.json';

/** All 46 Gemeinden on one page (about 26 KB); paging only guards against a much larger Verzeichnis. */
export const DASHBOARD_PAGE_SIZE = 50;

/**
 * "eingereicht", "importiert · überfällig · 2 Nachträge": the state, additions waiting for the
 * Koordinierungsstelle, and a due date of its own (after a reopening). The general deadline stands in
 * the card's header; without date and pending columns the names have room even on a phone.
 */
function stateText(row: GemeindeStatus, review: IsoDate, locale: Locale): string {
  let state = LIST_STATE_LABEL[locale][row.listState];
  if (row.overdue) state += ` · ${cardText('card.overdue', locale)}`;
  if (row.counts.pending) state += cardText('card.pendingShort', locale, { n: formatCount(row.counts.pending, locale) });
  if (row.due !== review) state += cardText('dashboard.dueOn', locale, { date: formatDateFor(row.due, locale) });
  return state;
}

/** What still needs the Koordinierungsstelle stands out: overdue in Attention, submitted lists subtle. */
function stateStyle(row: GemeindeStatus): { stateColor: string; stateSubtle: boolean } {
  if (row.overdue) return { stateColor: 'Attention', stateSubtle: false };
  return { stateColor: 'Default', stateSubtle: row.listState === 'eingereicht' };
}

function rowData(row: GemeindeStatus, year: number, review: IsoDate, locale: Locale) {
  const open: ButtonData = {
    verb: VERBS.listOpen,
    title: cardText('dashboard.openList', locale),
    data: { year, ags: row.ags },
    style: 'default',
    inputs: 'auto',
  };
  return {
    name: userText(row.name),
    state: stateText(row, review, locale),
    ...stateStyle(row),
    persons: formatCount(row.counts.persons, locale),
    open,
  };
}

/** `nachweis`: the Verwendungsnachweis round once one is opened (of this year or the latest before it). */
export function dashboardCard(report: StatusReport, locale: Locale, page = 0, nachweis?: NachweisRoundStatus): AdaptiveCard {
  const { summary, year } = report;
  const pageCount = Math.max(1, Math.ceil(report.rows.length / DASHBOARD_PAGE_SIZE));
  const shown = clampPage(page, pageCount);
  // By name (the report comes in AGS order).
  const rows = [...report.rows].sort((a, b) => a.name.localeCompare(b.name, 'de')).slice(shown * DASHBOARD_PAGE_SIZE, (shown + 1) * DASHBOARD_PAGE_SIZE);
  const pending = report.rows.reduce((sum, r) => sum + r.counts.pending, 0);
  const navButtons: ButtonData[] = [];
  if (shown > 0) navButtons.push(yearButton(VERBS.dashboard, cardText('card.previous', locale), year, shown - 1));
  if (shown < pageCount - 1) navButtons.push(yearButton(VERBS.dashboard, cardText('card.next', locale), year, shown + 1));
  const t = (code: Parameters<typeof cardText>[0]) => cardText(code, locale);
  return renderCard(template, {
    lang: locale,
    title: cardText('dashboard.title', locale, { year }),
    asOf: cardText('dashboard.asOf', locale, { today: formatDateFor(report.today, locale), review: formatDateFor(report.deadlines.review, locale) }),
    published: [
      ...(report.published ? [{ text: cardText('dashboard.published', locale, { date: localDate(report.published.at, locale) }) }] : []),
      ...(report.purged ? [{ text: cardText('dashboard.purged', locale, { date: localDate(report.purged.at, locale) }) }] : []),
      // Until when the lists' personal data is kept (intm purge deletes it only afterwards).
      ...(!report.purged && report.retentionUntil ? [{ text: cardText('dashboard.retention', locale, { date: formatDateFor(report.retentionUntil, locale) }) }] : []),
    ],
    totals: statusTotals(summary, locale),
    pendingTotal: cardText('dashboard.pendingTotal', locale, { n: formatCount(pending, locale) }),
    nachweis: nachweis ? [nachweisSection(nachweis, locale)] : [],
    head: {
      gemeinde: t('dashboard.colGemeinde'),
      state: t('dashboard.colState'),
      persons: t('dashboard.colPersons'),
    },
    rowHint: t('dashboard.rowHint'),
    rows: rows.map((r) => rowData(r, year, report.deadlines.review, locale)),
    nav: pageCount > 1 ? [{ text: cardText('card.pageOf', locale, { page: shown + 1, pages: pageCount }), buttons: navButtons }] : [],
    buttons: [yearButton(VERBS.dashboard, t('dashboard.refresh'), year, shown), yearButton(VERBS.additions, t('dashboard.additions'), year)],
  });
}

/**
 * The one card in the municipalities' shared channel for a year: where every Gemeinde stands – name,
 * persons, due date, state (after publication: its decision). Every Gemeinde reads it, so it carries no
 * personal data at all, not even a staff name. Its buttons carry only the year: the bot finds the
 * clicker's own Gemeinde in the roster and shows her list (or decision) to her alone.
 */
import type { StatusReport } from '../app/overviewService';
import { formatDateFor } from '../domain/dates';
import type { GemeindeStatus } from '../domain/status';
import type { Locale } from '../i18n/catalogue';
import { cardText, CHOICE_LABEL, LIST_STATE_LABEL } from '../i18n/cards';
import { VERBS } from './actions';
import { yearButton, type ButtonData } from './buttons';
import type { AdaptiveCard, Notice } from './index';
import { formatCount, localDate, noticeData, renderCard, userText } from './render';
import { statusTotals } from './statusTotals';
import template from './templates/channelStatus.json';

function listStateText(row: GemeindeStatus, locale: Locale): string {
  if (row.submittedAt) return cardText('channel.submittedOn', locale, { date: localDate(row.submittedAt, locale) });
  const state = LIST_STATE_LABEL[locale][row.listState];
  return row.overdue ? `${state} · ${cardText('card.overdue', locale)}` : state;
}

/** "offen", "Landkreis", "Verbund – noch nicht gültig"; without a decision by the deadline the Landkreis does it. */
function decisionText(row: GemeindeStatus, locale: Locale): string {
  if (row.decisionDefaulted) return CHOICE_LABEL[locale].landkreis;
  if (row.decision === 'offen') return cardText('channel.decisionOpen', locale);
  return CHOICE_LABEL[locale][row.decision] + (row.decisionValid ? '' : cardText('summary.notValid', locale));
}

function rowData(row: GemeindeStatus, published: boolean, locale: Locale) {
  return {
    name: userText(row.name),
    persons: formatCount(row.counts.persons, locale),
    due: formatDateFor(row.due, locale),
    state: published ? decisionText(row, locale) : listStateText(row, locale),
    stateColor: !published && row.overdue ? 'Attention' : 'Default',
    stateSubtle: !published && row.listState === 'eingereicht',
  };
}

/** `notice`: only in the answer to one clicker (e.g. "Sie sind keiner Gemeinde zugeordnet"), never in the channel's copy. */
export function channelStatusCard(report: StatusReport, locale: Locale, notice?: Notice): AdaptiveCard {
  const { year } = report;
  const published = !!report.published;
  // By name (the report comes in AGS order).
  const rows = [...report.rows].sort((a, b) => a.name.localeCompare(b.name, 'de'));
  const buttons: ButtonData[] = [{ ...yearButton(VERBS.listMine, cardText('channel.openMine', locale), year), style: 'positive' }];
  if (published) buttons.push(yearButton(VERBS.decisionMine, cardText('channel.decideMine', locale), year));
  const t = (code: Parameters<typeof cardText>[0]) => cardText(code, locale);
  return renderCard(template, {
    lang: locale,
    notices: noticeData(notice),
    title: cardText('channel.title', locale, { year }),
    asOf: cardText('channel.asOf', locale, { today: formatDateFor(report.today, locale), review: formatDateFor(report.deadlines.review, locale) }),
    published: report.published
      ? [{ text: cardText('channel.published', locale, { date: localDate(report.published.at, locale), decision: formatDateFor(report.deadlines.decision, locale) }) }]
      : [],
    totals: statusTotals(report.summary, locale),
    hint: t('channel.hint'),
    head: {
      gemeinde: t('channel.colGemeinde'),
      persons: t('channel.colPersons'),
      due: t('channel.colDue'),
      state: published ? t('channel.colDecision') : t('channel.colState'),
    },
    rows: rows.map((r) => rowData(r, published, locale)),
    buttons,
  });
}

/**
 * The card in the municipalities' shared channel: every Gemeinde sees it, so it carries no personal
 * data at all – no person, and no staff name either (only the date of a submission).
 */
import { formatDate } from '../domain/dates';
import { cardText, LIST_STATE_LABEL } from '../i18n/cards';
import { VERBS } from './actions';
import type { ButtonData } from './buttons';
import type { AdaptiveCard, SummaryView } from './index';
import { formatCount, localDate, renderCard, userText } from './render';
import template from './templates/summary.json';

export function summaryCard(view: SummaryView): AdaptiveCard {
  const { locale } = view;
  const state = view.submitted
    ? cardText('summary.submittedOn', locale, { date: localDate(view.submitted.at) })
    : LIST_STATE_LABEL[locale][view.state];
  // "Liste prüfen" carries only year and ags: the bot checks who clicked and opens the list for them alone.
  const open: ButtonData = {
    verb: VERBS.listOpen,
    title: cardText('summary.open', locale),
    data: { year: view.year, ags: view.gemeinde.ags },
    style: 'positive',
    inputs: 'auto',
  };
  return renderCard(template, {
    lang: locale,
    gemeinde: userText(view.gemeinde.name),
    subtitle: cardText('summary.subtitle', locale, { year: view.year }),
    facts: [
      { title: cardText('summary.persons', locale), value: formatCount(view.counts.persons, locale) },
      { title: cardText('summary.due', locale), value: formatDate(view.due) },
      { title: cardText('summary.state', locale), value: state },
    ],
    overdue: view.overdue,
    overdueText: cardText('card.overdue', locale),
    buttons: [open],
  });
}

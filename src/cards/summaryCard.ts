/**
 * The card in the municipalities' shared channel: every Gemeinde sees it, so it carries no personal
 * data at all – no person, and no staff name either (only the date of a submission). After
 * publication it also shows the Gemeinde's amount, VZÄ and decision, and offers "Entscheidung".
 */
import { formatDateFor } from '../domain/dates';
import type { Locale } from '../i18n/catalogue';
import { cardText, CHOICE_LABEL, LIST_STATE_LABEL } from '../i18n/cards';
import { VERBS } from './actions';
import type { ButtonData } from './buttons';
import type { AdaptiveCard, SummaryView } from './index';
import { euro, formatCount, localDate, renderCard, userText, vzaeShare } from './render';
import template from './templates/summary.json';

type Published = NonNullable<SummaryView['published']>;

/** "offen (bis 31.05.2024)", "Landkreis", "eigenständig", "Verbund – noch nicht gültig". */
export function decisionStateText(p: Published, locale: Locale): string {
  if (p.decision === 'offen') return cardText('summary.decisionOpen', locale, { date: formatDateFor(p.decisionDeadline, locale) });
  return CHOICE_LABEL[locale][p.decision] + (p.decisionValid ? '' : cardText('summary.notValid', locale));
}

function publishedFacts(p: Published, locale: Locale) {
  return [
    { title: cardText('summary.amount', locale), value: euro(p.amount, locale) },
    { title: cardText('summary.vzae', locale), value: cardText('card.approxVzae', locale, { n: vzaeShare(p.vzae, locale) }) },
    { title: cardText('summary.decision', locale), value: decisionStateText(p, locale) },
  ];
}

export function summaryCard(view: SummaryView): AdaptiveCard {
  const { locale } = view;
  const state = view.submitted
    ? cardText('summary.submittedOn', locale, { date: localDate(view.submitted.at, locale) })
    : LIST_STATE_LABEL[locale][view.state];
  // "Liste prüfen" carries only year and ags: the bot checks who clicked and opens the list for them alone.
  const open: ButtonData = {
    verb: VERBS.listOpen,
    title: cardText('summary.open', locale),
    data: { year: view.year, ags: view.gemeinde.ags },
    style: 'positive',
    inputs: 'auto',
  };
  // "Entscheidung" likewise: the bot shows the decision card to members of this Gemeinde (and coordinators) only.
  const decide: ButtonData = {
    verb: VERBS.decisionOpen,
    title: cardText('summary.decide', locale),
    data: { year: view.year, ags: view.gemeinde.ags },
    style: 'default',
    inputs: 'auto',
  };
  return renderCard(template, {
    lang: locale,
    gemeinde: userText(view.gemeinde.name),
    subtitle: cardText('summary.subtitle', locale, { year: view.year }),
    facts: [
      { title: cardText('summary.persons', locale), value: formatCount(view.counts.persons, locale) },
      { title: cardText('summary.due', locale), value: formatDateFor(view.due, locale) },
      { title: cardText('summary.state', locale), value: state },
      ...(view.published ? publishedFacts(view.published, locale) : []),
    ],
    overdue: view.overdue,
    overdueText: cardText('card.overdue', locale),
    buttons: view.published ? [open, decide] : [open],
  });
}

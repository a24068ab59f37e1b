/**
 * A friendly reminder to one Gemeinde: check the list before its due date (once overdue: the deadline
 * has passed, only the Koordinierungsstelle can reopen the list), decide step B, or submit the
 * Verwendungsnachweis. The button carries year and ags only; the bot opens the list, the decision or the
 * Verwendungsnachweis for whoever clicks, after checking who it is.
 */
import { formatDateFor } from '../domain/dates';
import { cardText } from '../i18n/cards';
import { VERBS } from './actions';
import { actionButton } from './buttons';
import type { AdaptiveCard, ReminderView } from './index';
import { formatCount, renderCard, userText } from './render';
import template from './templates/reminder.json';

export function reminderCard(view: ReminderView): AdaptiveCard {
  const { locale, year, kind, daysLeft } = view;
  const params = { year, date: formatDateFor(view.due, locale), n: formatCount(Math.abs(daysLeft), locale) };
  const when = daysLeft > 0 ? 'due' : daysLeft === 0 ? 'today' : 'overdue';
  const data = { year, ags: view.gemeinde.ags };
  // Past the due date the Gemeinde can only look at its list (read-only): the button says so.
  const button =
    kind === 'nachweis'
      ? actionButton(VERBS.vnOpen, cardText('vnCard.open', locale), data, { style: 'positive' })
      : kind === 'decision'
      ? actionButton(VERBS.decisionOpen, cardText('reminder.decision.button', locale), data, { style: 'positive' })
      : when === 'overdue'
        ? actionButton(VERBS.listOpen, cardText('reminder.review.viewButton', locale), data)
        : actionButton(VERBS.listOpen, cardText('reminder.review.button', locale), data, { style: 'positive' });
  return renderCard(template, {
    lang: locale,
    title: cardText(kind === 'review' && when === 'overdue' ? 'reminder.review.overdueTitle' : `reminder.${kind}.title`, locale),
    titleColor: when === 'overdue' ? 'Attention' : 'Default',
    gemeinde: userText(view.gemeinde.name),
    text: cardText(`reminder.${kind}.${when}`, locale, params),
    thanks: cardText('reminder.thanks', locale),
    buttons: [button],
  });
}

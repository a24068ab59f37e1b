/**
 * The notice in a clerk's personal chat when the Koordinierungsstelle sends the lists: her Gemeinde's
 * list is there, how many persons, by when. Laid out as a reminder; the button carries year and ags
 * only, and the bot opens the list for whoever clicks after checking who it is.
 */
import { cardText } from '../i18n/cards';
import type { Locale } from '../i18n/catalogue';
import type { IsoDate } from '../domain/dates';
import { VERBS } from './actions';
import { actionButton } from './buttons';
import type { AdaptiveCard } from './index';
import { formatCount, renderCard, userText } from './render';
import template from './templates/reminder.json';

export interface ListNoticeView {
  locale: Locale;
  year: number;
  gemeinde: { ags: string; name: string };
  persons: number;
  due: IsoDate;
}

export function listNoticeCard(view: ListNoticeView): AdaptiveCard {
  const { locale, year } = view;
  return renderCard(template, {
    lang: locale,
    title: cardText('listNotice.title', locale, { year }),
    titleColor: 'Default',
    gemeinde: userText(view.gemeinde.name),
    // The message formats the date itself (TT.MM.JJJJ, in English 15 January 2024).
    text: cardText('listNotice.text', locale, { persons: formatCount(view.persons, locale), due: view.due }),
    thanks: cardText('reminder.thanks', locale),
    buttons: [actionButton(VERBS.listOpen, cardText('listNotice.open', locale), { year, ags: view.gemeinde.ags }, { style: 'positive' })],
  });
}

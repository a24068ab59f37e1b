/**
 * Year over year for the Koordinierungsstelle: every Gemeinde's amount, persons and VZÄ in the last
 * Berechnungsjahre up to the year shown (from RiskService.history), opened from its overview card.
 * Aggregates only; a Gemeinde sees its own years on its decision card and in the answers, never this card.
 */
import type { GemeindeHistory } from '../app/riskService';
import type { Locale } from '../i18n/catalogue';
import { cardText } from '../i18n/cards';
import { VERBS } from './actions';
import { yearButton } from './buttons';
import type { AdaptiveCard } from './index';
import { euro, formatCount, renderCard, userText, vzaeShare } from './render';
import template from './templates/history.json';

/** Three years side by side keep the card readable on a phone and well under Teams' size limit. */
export const HISTORY_CARD_YEARS = 3;

export interface HistoryView {
  locale: Locale;
  /** The year the overview shows: the columns end with it. */
  year: number;
  history: readonly GemeindeHistory[];
}

export function historyCard(view: HistoryView): AdaptiveCard {
  const { locale, year } = view;
  const years = [...new Set(view.history.flatMap((g) => g.years.map((y) => y.year)))]
    .filter((y) => y <= year)
    .sort((a, b) => a - b)
    .slice(-HISTORY_CARD_YEARS);
  const rows = [...view.history].sort((a, b) => a.name.localeCompare(b.name, 'de'));
  return renderCard(template, {
    lang: locale,
    title: cardText('history.card.title', locale, { year }),
    subtitle: cardText('history.card.subtitle', locale),
    head: { gemeinde: cardText('overview.colGemeinde', locale), years: years.map((y) => ({ text: String(y) })) },
    rows: rows.map((g) => ({
      name: userText(g.name),
      cells: years.map((y) => {
        const figures = g.years.find((x) => x.year === y);
        return {
          text: figures
            ? cardText('history.card.cell', locale, { amount: euro(figures.amount, locale), persons: formatCount(figures.persons, locale), vzae: vzaeShare(figures.vzae, locale) })
            : cardText('history.card.none', locale),
        };
      }),
    })),
    buttons: [yearButton(VERBS.allocation, cardText('card.back', locale), year)],
  });
}

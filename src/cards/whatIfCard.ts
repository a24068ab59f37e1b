/**
 * The Koordinierungsstelle's what-if (`berechnen 1.400.000 €`): the allocation for another Kreis amount,
 * per Gemeinde with its difference to the stored allocation – marked "Nur zur Ansicht – nicht
 * gespeichert" and without a publish button: nothing on this card changes anything.
 */
import type { WhatIfReport } from '../app/riskService';
import { Decimal, formatSignedEuro } from '../domain/money';
import type { Locale } from '../i18n/catalogue';
import { cardText } from '../i18n/cards';
import { VERBS } from './actions';
import { yearButton } from './buttons';
import type { AdaptiveCard } from './index';
import { euro, formatCount, renderCard, userText, vzaeShare } from './render';
import template from './templates/whatIf.json';

export interface WhatIfView {
  locale: Locale;
  report: WhatIfReport;
}

export function whatIfCard(view: WhatIfView): AdaptiveCard {
  const { locale, report } = view;
  const rows = [...report.rows].sort((a, b) => a.gemeinde.localeCompare(b.gemeinde, 'de'));
  const totalVzae = report.rows.reduce((s, r) => s.plus(r.vzae), new Decimal(0)).toFixed(4);
  return renderCard(template, {
    lang: locale,
    title: cardText('whatIf.card.title', locale, { amount: euro(report.kreisAmount, locale), year: report.year }),
    marker: cardText('whatIf.notStored', locale),
    provisional: report.provisional ? [{ text: cardText('whatIf.provisional', locale) }] : [],
    parameters: cardText('whatIf.card.parameters', locale, {
      stored: euro(report.storedKreisAmount, locale),
      distributable: euro(report.distributable, locale),
      persons: formatCount(report.totalPersons, locale),
      eurPerVzae: euro(report.eurPerVzae, locale),
    }),
    head: {
      gemeinde: cardText('overview.colGemeinde', locale),
      amount: cardText('overview.colAmount', locale),
      difference: cardText('risk.col.difference', locale),
      vzae: cardText('overview.colVzae', locale),
    },
    rows: rows.map((r) => ({ name: userText(r.gemeinde), amount: euro(r.amount, locale), difference: formatSignedEuro(r.difference, locale), vzae: vzaeShare(r.vzae, locale) })),
    totals: {
      name: cardText('overview.total', locale),
      amount: euro(report.totals.amount, locale),
      difference: formatSignedEuro(report.totals.difference, locale),
      vzae: vzaeShare(totalVzae, locale),
    },
    buttons: [yearButton(VERBS.allocation, cardText('whatIf.card.back', locale), report.year)],
  });
}

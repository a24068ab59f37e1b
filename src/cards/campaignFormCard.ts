/**
 * The Koordinierungsstelle creates the year's campaign: the Berechnungsjahr, the Kreis amount (as a
 * figure, or Landesmittel × Zuteilungsquote), the rounding unit and the cost per VZÄ. Period,
 * Stichtag and deadlines follow from the year (shown as a note). After a refusal the card comes back
 * with the reason and what was typed.
 */
import { formatDateFor } from '../domain/dates';
import { cardText } from '../i18n/cards';
import { VERBS } from './actions';
import { actionButton } from './buttons';
import type { AdaptiveCard, CampaignFormView } from './index';
import { amountInput, noticeData, renderCard } from './render';
import template from './templates/campaignForm.json';

/** Amounts as people type them (1.508.000 / 1508000 / 1.508.000,50 / 40000000.00), optionally with €. */
const AMOUNT_PATTERN = '^\\s*\\d{1,3}([.,]?\\d{3})*([.,]\\d{1,2})?\\s*(€|EUR)?\\s*$';
/** A percentage: 3,77 / 3.7712. */
const QUOTE_PATTERN = '^\\s*\\d{1,3}([.,]\\d{1,8})?\\s*%?\\s*$';

export function campaignFormCard(view: CampaignFormView): AdaptiveCard {
  const { locale, defaults, values } = view;
  const unit = values?.unit === '1' || values?.unit === '0.01' ? values.unit : defaults.unit;
  const d = defaults.deadlines;
  return renderCard(template, {
    lang: locale,
    notices: noticeData(view.notice),
    title: cardText('campaign.title', locale),
    intro: cardText('campaign.intro', locale),
    yearLabel: cardText('campaign.year', locale),
    yearError: cardText('campaign.yearError', locale),
    year: view.year,
    amountPattern: AMOUNT_PATTERN,
    // Each amount input names itself in its message: a red line under one of three amount fields must say which.
    kreisAmountError: cardText('campaign.kreisAmountError', locale),
    landesmittelError: cardText('campaign.landesmittelError', locale),
    eurPerVzaeError: cardText('campaign.eurPerVzaeError', locale),
    // Short labels, the example as a placeholder: Landesmittel and Quote stand side by side and must not wrap differently.
    kreisAmountLabel: cardText('campaign.kreisAmount', locale),
    kreisAmountExample: cardText('campaign.kreisAmountExample', locale),
    kreisAmount: values?.kreisAmount ?? '',
    or: cardText('campaign.or', locale),
    landesmittelLabel: cardText('campaign.landesmittel', locale),
    landesmittelExample: cardText('campaign.landesmittelExample', locale),
    landesmittel: values?.landesmittel ?? '',
    quoteLabel: cardText('campaign.quote', locale),
    quoteExample: cardText('campaign.quoteExample', locale),
    quotePattern: QUOTE_PATTERN,
    quoteError: cardText('campaign.quoteError', locale),
    quote: values?.quote ?? '',
    unitLabel: cardText('campaign.unit', locale),
    unitError: cardText('campaign.unitError', locale),
    unit,
    units: (['1', '0.01'] as const).map((value) => ({ title: cardText(`campaign.unit.${value}`, locale), value })),
    eurPerVzaeLabel: cardText('campaign.eurPerVzae', locale),
    eurPerVzae: values?.eurPerVzae ?? amountInput(defaults.eurPerVzae),
    defaults: cardText('campaign.defaults', locale, {
      year: view.year,
      start: formatDateFor(defaults.periodStart, locale),
      end: formatDateFor(defaults.periodEnd, locale),
      sent: formatDateFor(d.listsSent, locale),
      review: formatDateFor(d.review, locale),
      publication: formatDateFor(d.publication, locale),
      decision: formatDateFor(d.decision, locale),
    }),
    // The inputs (year, amounts, unit, cost per VZÄ) arrive merged into the data.
    buttons: [actionButton(VERBS.campaignCreate, cardText('campaign.button', locale), {}, { style: 'positive' })],
  });
}

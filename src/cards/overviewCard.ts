/**
 * The overview of step 5/6: per Gemeinde its persons at the Stichtag, its amount and the VZÄ that
 * amount pays. Counts and money only – not personal data – so the channel version goes to every
 * Gemeinde once published. The Koordinierungsstelle's version adds each list's state and pending
 * additions, the provisional banner and the buttons to publish and refresh.
 */
import type { OverviewRow } from '../app/overview';
import { TIE_RULE_DE } from '../domain/allocation';
import { formatDateFor } from '../domain/dates';
import { Decimal } from '../domain/money';
import type { Locale } from '../i18n/catalogue';
import { cardText, OVERVIEW_STATE_LABEL, type OverviewListState } from '../i18n/cards';
import { VERBS } from './actions';
import { actionButton, ButtonData, yearButton } from './buttons';
import type { AdaptiveCard, OverviewView } from './index';
import { clampPage } from './paging';
import { euro, formatCount, localDate, renderCard, userText, vzaeShare } from './render';
import template from './templates/overview.json';

/** All 46 Gemeinden on one page (about 26 KB for the channel, 32 KB for the Koordinierungsstelle). */
export const OVERVIEW_PAGE_SIZE = 50;

function overviewState(row: OverviewRow): OverviewListState {
  if (row.listState === 'eingereicht') return 'eingereicht';
  return row.overdue ? 'ueberfaellig' : 'offen';
}

/** What still needs the Koordinierungsstelle stands out: overdue in Attention, open as usual, submitted subtle. */
const STATE_STYLE: Record<OverviewListState, { stateColor: string; stateSubtle: boolean }> = {
  eingereicht: { stateColor: 'Default', stateSubtle: true },
  offen: { stateColor: 'Default', stateSubtle: false },
  ueberfaellig: { stateColor: 'Attention', stateSubtle: false },
};

/** Rows by the Gemeinde's name (the report comes in AGS order). */
const byName = (a: OverviewRow, b: OverviewRow) => a.gemeinde.localeCompare(b.gemeinde, 'de');

function rowData(row: OverviewRow, locale: Locale) {
  const state = overviewState(row);
  return {
    name: userText(row.gemeinde),
    persons: formatCount(row.persons, locale),
    amount: euro(row.amount, locale),
    vzae: vzaeShare(row.vzae, locale),
    // The list's state, and its additions still waiting for the Koordinierungsstelle (not counted yet).
    state: OVERVIEW_STATE_LABEL[locale][state] + (row.pending ? cardText('card.pendingShort', locale, { n: formatCount(row.pending, locale) }) : ''),
    ...STATE_STYLE[state],
  };
}

function roundingText(view: OverviewView): string {
  const { locale, report } = view;
  const unit = report.parameters.unit === '0.01' ? '0.01' : '1';
  const rounding = cardText('overview.rounding', locale, {
    unit: cardText(unit === '1' ? 'overview.unit.1' : 'overview.unit.0.01', locale),
    n: formatCount(report.leftoverUnits, locale),
    step: euro(unit, locale),
    total: euro(report.totals.amount, locale),
  });
  // The domain states its tie rule in German; the English card says the same in English.
  const tie = locale === 'en' && report.tieRule === TIE_RULE_DE ? cardText('overview.tieRuleEn', locale) : report.tieRule;
  return `${rounding} ${tie}`;
}

function sourceLines(view: OverviewView): { text: string }[] {
  const { locale } = view;
  const p = view.report.parameters;
  const lines: { text: string }[] = [];
  if (p.landesmittel !== undefined && p.quotePercent !== undefined) {
    const quote = new Decimal(p.quotePercent);
    lines.push({
      text: cardText('overview.source', locale, {
        kreis: euro(p.kreisAmount, locale),
        land: euro(p.landesmittel, locale),
        quote: quote.toFixed(Math.max(2, quote.decimalPlaces())).replace('.', locale === 'de' ? ',' : '.'),
      }),
    });
  }
  if (new Decimal(p.vorwegabzug || '0').gt(0)) {
    lines.push({ text: cardText('overview.vorwegabzug', locale, { kreis: euro(p.kreisAmount, locale), amount: euro(p.vorwegabzug, locale) }) });
  }
  return lines;
}

function statusLines(view: OverviewView): { text: string }[] {
  const { locale } = view;
  if (!view.published) return [];
  const date = localDate(view.published.at, locale);
  // The Koordinierungsstelle is told why there is no publish button.
  if (view.published.since && !view.published.since.changed) return [{ text: cardText('overview.unchangedSincePublication', locale, { date }) }];
  return [{ text: cardText('overview.published', locale, { date }) }];
}

/** In the channel after a re-publication: what it changed, by Gemeinde name (no persons). */
function republishedLines(view: OverviewView): { text: string }[] {
  const r = view.published?.replaces;
  if (!r) return [];
  const names = (ags: readonly string[]) =>
    view.report.rows
      .filter((row) => ags.includes(row.ags))
      .map((row) => row.gemeinde)
      .sort((a, b) => a.localeCompare(b, 'de'))
      .join(', ');
  const params = {
    date: localDate(r.at, view.locale),
    persons: names(r.personsChanged),
    amounts: r.changedGemeinden.length,
    parameters: r.parametersChanged ? 'yes' : '',
    final: r.nowFinal ? 'yes' : '',
  };
  return [{ text: cardText('overview.republished', view.locale, params) }];
}

/** Provisional figures in a warning box: for a channel the plain fact, for the Koordinierungsstelle what is missing. */
function bannerLines(view: OverviewView): { text: string }[] {
  const { locale, report } = view;
  const since = view.audience === 'koordination' ? view.published?.since : undefined;
  const changed = since?.changed
    ? [
        {
          text: cardText('overview.changedSincePublication', locale, {
            date: localDate(since.at, locale),
            n: since.changedGemeinden.length ? formatCount(since.changedGemeinden.length, locale) : '',
            parameters: since.parametersChanged ? 'yes' : '',
            state: since.provisionalChanged ? 'yes' : '',
            purged: since.purgedAt ? localDate(since.purgedAt, locale) : '',
          }),
        },
      ]
    : [];
  if (!report.provisional) return changed;
  if (view.audience === 'channel') return [{ text: cardText('overview.provisional', locale) }];
  const notSubmitted = report.rows.filter((r) => r.listState !== 'eingereicht').length;
  const head = notSubmitted ? cardText('overview.notSubmitted', locale, { n: formatCount(notSubmitted, locale) }) : cardText('overview.provisional', locale);
  const pending = report.totals.pending ? cardText('overview.pendingAdditions', locale, { n: formatCount(report.totals.pending, locale) }) : '';
  return [...changed, { text: head + pending }];
}

export function overviewCard(view: OverviewView): AdaptiveCard {
  const { locale, report } = view;
  const year = report.year;
  const koordination = view.audience === 'koordination';
  const pageCount = Math.max(1, Math.ceil(report.rows.length / OVERVIEW_PAGE_SIZE));
  const shown = clampPage(view.page ?? 0, pageCount);
  const rows = [...report.rows].sort(byName).slice(shown * OVERVIEW_PAGE_SIZE, (shown + 1) * OVERVIEW_PAGE_SIZE);
  const t = (code: Parameters<typeof cardText>[0]) => cardText(code, locale);

  // Paging buttons only for the Koordinierungsstelle; a channel gets one card per page from the bot.
  const navButtons: ButtonData[] = [];
  if (koordination && shown > 0) navButtons.push(yearButton(VERBS.allocation, t('card.previous'), year, shown - 1));
  if (koordination && shown < pageCount - 1) navButtons.push(yearButton(VERBS.allocation, t('card.next'), year, shown + 1));
  // Once published, publishing again is a step of its own: only when the figures changed, and with a reason.
  const again = !!view.published;
  const publish = again
    ? actionButton(VERBS.publish, t('overview.republish'), report.provisional ? { year, force: true, again: true } : { year, again: true }, { style: 'positive' })
    : report.provisional
      ? actionButton(VERBS.publish, t('overview.publishForce'), { year, force: true })
      : actionButton(VERBS.publish, t('overview.publish'), { year }, { style: 'positive' });
  // A year whose personal data was deleted is closed: it can no longer be published; nor is there anything to publish while nothing changed.
  const closed = !!view.published?.since?.purgedAt || (again && !view.published?.since?.changed);
  const buttons: ButtonData[] = koordination ? [...(closed ? [] : [publish]), yearButton(VERBS.allocation, t('overview.refresh'), year, pageCount > 1 ? shown : undefined)] : [];
  // Year over year (historyCard): only for the Koordinierungsstelle, once earlier years are in the data.
  if (koordination && view.history) buttons.push(yearButton(VERBS.history, t('history.card.button'), year));
  const submitted = report.rows.filter((r) => r.listState === 'eingereicht').length;

  return renderCard(template, {
    lang: locale,
    koordination,
    title: cardText('overview.title', locale, { year }),
    status: [...statusLines(view), ...republishedLines(view)],
    banner: bannerLines(view),
    parameters: cardText('overview.parameters', locale, {
      distributable: euro(report.parameters.distributable, locale),
      persons: formatCount(report.totals.persons, locale),
      stichtag: formatDateFor(report.parameters.stichtag, locale),
      eurPerVzae: euro(report.parameters.eurPerVzae, locale),
    }),
    source: sourceLines(view),
    head: {
      gemeinde: t('overview.colGemeinde'),
      persons: t('overview.colPersons'),
      amount: t('overview.colAmount'),
      vzae: t('overview.colVzae'),
      state: t('overview.colState'),
    },
    rows: rows.map((r) => rowData(r, locale)),
    totals: {
      name: t('overview.total'),
      persons: formatCount(report.totals.persons, locale),
      amount: euro(report.totals.amount, locale),
      vzae: vzaeShare(report.totals.vzae, locale),
      state:
        cardText('overview.submittedOf', locale, { n: formatCount(submitted, locale), total: formatCount(report.rows.length, locale) }) +
        (report.totals.pending ? cardText('card.pendingShort', locale, { n: formatCount(report.totals.pending, locale) }) : ''),
    },
    rounding: roundingText(view),
    nav: pageCount > 1 ? [{ text: cardText('card.pageOf', locale, { page: shown + 1, pages: pageCount }), buttons: navButtons }] : [],
    // The hint quotes the button as it reads ("Trotzdem vorläufig veröffentlichen" while provisional).
    publishHint: koordination && !closed ? [{ text: cardText('overview.publishHint', locale, { button: publish.title }) }] : [],
    reasonInput: koordination && !closed && again ? [{ label: t('overview.republishReason'), error: t('overview.republishReasonMissing') }] : [],
    buttons,
  });
}

/**
 * The financing risk on the decision card: a compact table of what the Gemeinde's amount and VZÄ would be
 * if the state total changed (−20 %, −10 %, +10 %) or its count changed as the year before, and one
 * sentence on what that means for the 0.5-VZÄ position. Figures from RiskService (exact allocations).
 */
import type { ScenarioFigures, ScenarioLine } from '../app/riskService';
import { formatSignedEuro } from '../domain/money';
import type { Locale } from '../i18n/catalogue';
import { cardText } from '../i18n/cards';
import { scenarioLabel, verdictSentence } from '../i18n/risk';
import { euro, formatCount, vzaeShare } from './render';

function row(label: string, line: Pick<ScenarioLine, 'amount' | 'vzae' | 'financesMinimum'> & { difference?: string }, locale: Locale) {
  return {
    label,
    amount: euro(line.amount, locale),
    // Today has no change; an empty cell would be dropped by the renderer.
    difference: line.difference === undefined ? '–' : formatSignedEuro(line.difference, locale),
    vzae: vzaeShare(line.vzae, locale),
    // Below the minimum position: the VZÄ stand out.
    color: line.financesMinimum ? 'Default' : 'Attention',
  };
}

/** Year over year, short: the Gemeinde's last three earlier Berechnungsjahre in one line. */
function earlierLine(figures: ScenarioFigures, locale: Locale): { text: string }[] {
  const years = (figures.earlier ?? []).slice(-3);
  if (!years.length) return [];
  const text = years
    .map((y) => cardText('risk.earlierYear', locale, { year: y.year, persons: formatCount(y.persons, locale), amount: euro(y.amount, locale), vzae: vzaeShare(y.vzae, locale) }))
    .join(' · ');
  return [{ text: cardText('risk.earlier', locale, { years: text }) }];
}

/** The block's template data: none before the Gemeinde has a share. */
export function scenarioBlock(figures: ScenarioFigures | undefined, locale: Locale) {
  if (!figures) return [];
  const rows = [
    row(cardText('risk.case.today', locale), figures.base, locale),
    ...figures.stateTotal.map((s, i) => row(scenarioLabel(figures, 'stateTotal', i, locale), s, locale)),
    ...(figures.count ? [row(scenarioLabel(figures, 'count', 0, locale), figures.count, locale)] : []),
  ];
  return [
    {
      title: cardText('risk.title', locale),
      head: { case: cardText('risk.col.case', locale), amount: cardText('risk.col.amount', locale), difference: cardText('risk.col.difference', locale), vzae: cardText('risk.col.vzae', locale) },
      rows,
      notes: [...(figures.count ? [] : [{ text: cardText('risk.noPreviousYear', locale) }]), ...earlierLine(figures, locale), { text: cardText('risk.hint', locale) }],
      verdict: verdictSentence(figures, locale),
    },
  ];
}

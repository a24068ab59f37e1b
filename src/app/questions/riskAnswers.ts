/**
 * Answers on the financing risk: a Gemeinde's scenarios ("Was wäre, wenn die Landesmittel sinken?") and its
 * figures year over year ("Wie hat sich unsere Förderung entwickelt?"). The figures come from RiskService,
 * as on the decision card; the sentences from i18n/risk.ts.
 */
import { Decimal, formatSignedEuro } from '../../domain/money';
import { scenarioLabel, verdictSentence } from '../../i18n/risk';
import type { GemeindeHistory } from '../riskService';
import type { AnswerEnv } from './figures';

export async function scenarios(env: AnswerEnv, ags: string): Promise<string[]> {
  const { figures } = await env.app.risk.scenarios(env.year, ags, env.actor);
  const { f, locale } = env;
  const line = (label: string, s: { amount: string; vzae: string; difference?: string }) =>
    env.t('q.risk.line', { label, amount: f.euro(s.amount), difference: s.difference === undefined ? undefined : formatSignedEuro(s.difference, locale), vzae: f.vzae(s.vzae) });
  return [
    env.t('q.risk.head', { name: env.nameOf(ags), year: env.year, amount: f.euro(figures.base.amount), vzae: f.vzae(figures.base.vzae), persons: f.count(figures.base.persons) }),
    ...figures.stateTotal.map((s, i) => line(scenarioLabel(figures, 'stateTotal', i, locale), s)),
    figures.count ? line(scenarioLabel(figures, 'count', 0, locale), figures.count) : env.t('risk.noPreviousYear'),
    verdictSentence(figures, locale),
    ...(figures.provisional ? [env.t('q.risk.provisional')] : []),
  ];
}

/** One Gemeinde's years: "2024: 20 Personen, 12.345 € ≈ 0,18 VZÄ", and the change against the year before. */
function historyLines(env: AnswerEnv, g: GemeindeHistory): string[] {
  const { f, locale } = env;
  return g.years.map((y, i) => {
    const before = g.years[i - 1];
    const change = before
      ? env.t('q.history.change', { persons: signedCount(y.persons - before.persons, locale), amount: formatSignedEuro(new Decimal(y.amount).minus(before.amount), locale) })
      : '';
    return env.t('q.history.year', { year: y.year, persons: f.count(y.persons), amount: f.euro(y.amount), vzae: f.vzae(y.vzae), provisional: y.published && !y.provisional ? '' : 'yes' }) + change;
  });
}

const signedCount = (n: number, locale: 'de' | 'en') => (n === 0 ? '±0' : `${n < 0 ? '\u2212' : '+'}${Math.abs(n).toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB')}`);

export async function history(env: AnswerEnv, ags: string): Promise<string[]> {
  const [g] = await env.app.risk.history(env.actor, ags);
  if (g.years.length === 0) return [env.t('q.history.none', { name: g.name })];
  const lines = [env.t('q.history.head', { name: g.name }), ...historyLines(env, g)];
  if (g.years.length === 1) lines.push(env.t('q.history.onlyOne', { year: g.years[0].year }));
  return lines;
}

/** For the Koordinierungsstelle: every Gemeinde's years, one line each. */
export async function historyAll(env: AnswerEnv): Promise<string[]> {
  const all = await env.app.risk.history(env.actor);
  const { f } = env;
  const years = [...new Set(all.flatMap((g) => g.years.map((y) => y.year)))].sort();
  if (years.length === 0) return [env.t('q.history.noneAll')];
  return [
    env.t('q.history.headAll', { years: years.join(', ') }),
    ...all.map((g) =>
      env.t('q.history.gemeindeLine', {
        name: g.name,
        years: g.years.map((y) => env.t('q.history.compact', { year: y.year, persons: f.count(y.persons), amount: f.euro(y.amount), vzae: f.vzae(y.vzae) })).join(' · '),
      }),
    ),
    env.t('q.nameAGemeinde'),
  ];
}

/**
 * Answers a recognized question in the asker's language, with figures from the application services.
 * Rights are checked here first (and again by the services): staff get their own Gemeinde's figures,
 * and of another Gemeinde only its money as the public overview shows it; the district questions are
 * for the Koordinierungsstelle.
 */
import { Actor, actsFor, isKoordination } from '../../domain/actor';
import { isDomainError } from '../../domain/errors';
import type { Locale } from '../../i18n/catalogue';
import { translate, type MessageCode } from '../../i18n/messages';
import type { IntmApp } from '../index';
import { missing, totals, undecided } from './districtAnswers';
import { examplesFor } from './examples';
import { AnswerEnv, answerEnv } from './figures';
import { deadlines, explainOptions, funding, listStatus, options, persons, publicFunding } from './gemeindeAnswers';
import { GemeindeIntentKind, Intent, isGemeindeIntent, isNachweisIntent, RISK_INTENTS, type NachweisIntent } from './intents';
import { answerNachweis } from './nachweisAnswers';
import { history, historyAll, scenarios } from './riskAnswers';

export interface AnswerContext {
  actor: Actor;
  locale: Locale;
  /** The Berechnungsjahr the bot works on; undefined when there is no campaign yet. */
  year: number | undefined;
  app: IntmApp;
  /**
   * Asked where others read along (a channel, a group chat): a Gemeinde's answer holds only what the
   * public overview shows – not its decision, position or Eigenmittel.
   */
  shared?: boolean;
}

export interface Answer {
  /** Plain text (no Markdown), lines separated by "\n"; aggregate figures only, never persons. */
  text: string;
}

/** Refusals of the services that mean "no figures yet", as sentences about the question. */
const NO_FIGURES: Record<string, MessageCode> = {
  'campaign.notFound': 'q.noCampaign',
  'campaign.notImported': 'q.notImported',
  'campaign.purged': 'q.purged',
  'allocation.noPersons': 'q.noPersons',
};

const PER_GEMEINDE: Record<GemeindeIntentKind, (env: AnswerEnv, ags: string) => Promise<string[]>> = {
  funding,
  persons,
  listStatus,
  deadlines,
  options,
  scenarios,
  history,
};

export async function answerQuestion(intent: Intent, ctx: AnswerContext): Promise<Answer> {
  const { actor, locale } = ctx;
  const say = (code: MessageCode, params = {}) => ({ text: translate(code, params, locale) });
  const nameOf = (ags: string) => ctx.app.ctx.verzeichnis.byKey(ags)?.name ?? ags;
  const coordinator = isKoordination(actor);

  if (intent.kind === 'unknown') {
    const examples = examplesFor(actor.role, locale).map((q) => (locale === 'de' ? `„${q}“` : `"${q}"`));
    return say('q.unknown', { examples: examples.join(' ') });
  }
  // The Verwendungsnachweis round has years and rights of its own (a Gemeinde's Nachweis, the coordinator's round).
  if (isNachweisIntent(intent)) return answerNachweis(intent, ctx);
  if (isGemeindeIntent(intent) && intent.stadtkreis && !intent.ags) return say('q.stadtkreis');
  if (!isGemeindeIntent(intent) && !coordinator) return say('q.koordinationOnly');
  if (isGemeindeIntent(intent) && !coordinator) {
    if (!actor.ags) return say('q.noGemeinde');
    // Another Gemeinde's money is in the public overview; the rest of its figures are its own business.
    if (intent.ags && !actsFor(actor, intent.ags) && intent.kind !== 'funding' && intent.kind !== 'persons') return say('q.otherGemeinde', { name: nameOf(intent.ags) });
  }

  const year = intent.year ?? ctx.year;
  if (year === undefined) {
    if (intent.kind !== 'options') return say('q.noCampaign', {});
    return { text: explainOptions({ locale, t: (code, params = {}) => translate(code, params, locale) }).join('\n') };
  }
  const env = answerEnv(ctx.app, actor, locale, year);
  try {
    return { text: (await linesFor(intent, env, ctx.shared ?? false)).join('\n') };
  } catch (e) {
    if (isDomainError(e) && NO_FIGURES[e.code]) return say(NO_FIGURES[e.code], { year });
    if (isDomainError(e) && e.code === 'auth.otherGemeinde') return say('q.otherGemeinde', { name: isGemeindeIntent(intent) && intent.ags ? nameOf(intent.ags) : '' });
    throw e;
  }
}

async function linesFor(intent: Exclude<Intent, { kind: 'unknown' } | NachweisIntent>, env: AnswerEnv, shared: boolean): Promise<string[]> {
  if (!isGemeindeIntent(intent)) return { totals, missing, undecided }[intent.kind](env);
  const ags = intent.ags ?? env.actor.ags;
  // Another Gemeinde's money and counts are in the public overview (and on its channel card); nothing else of it.
  if (ags && !actsFor(env.actor, ags)) return intent.kind === 'persons' ? persons(env, ags) : publicFunding(env, ags, 'byOther');
  // Where other Gemeinden read along: the public figures; a decision and its money only in the personal chat.
  if (ags && shared && intent.kind === 'funding') {
    const lines = await publicFunding(env, ags, 'whereOthersRead');
    return lines.length > 1 ? [...lines, env.t('q.sharedDecisionPersonal')] : lines;
  }
  if (ags && shared && intent.kind === 'options') return [...explainOptions(env), env.t('q.sharedDecisionPersonal')];
  // A Gemeinde's scenarios and history (and the district's) only in the personal chat.
  if (shared && (RISK_INTENTS as readonly string[]).includes(intent.kind)) return [env.t('q.risk.personalOnly')];
  if (ags) return PER_GEMEINDE[intent.kind](env, ags);
  // A coordinator asking "our funding" has no own Gemeinde: the district view answers it.
  switch (intent.kind) {
    case 'funding':
    case 'persons':
      return [...(await totals(env)), env.t('q.nameAGemeinde')];
    case 'listStatus':
      return [...(await missing(env)), env.t('q.nameAGemeinde')];
    case 'deadlines':
      return deadlines(env, undefined);
    case 'options':
      return options(env, undefined);
    case 'history':
      return historyAll(env);
    case 'scenarios':
      return [env.t('q.risk.nameAGemeinde')];
  }
}

/** Card actions of the financing risk: the Koordinierungsstelle's year-over-year card ("Entwicklung je Gemeinde"). */
import type { TurnContext } from 'botbuilder';
import { historyCard } from '../cards';
import { VERBS, type Verb } from '../cards/actions';
import { isKoordination, type Actor } from '../domain/actor';
import { DomainError } from '../domain/errors';
import type { Locale } from '../i18n/messages';
import { actionYear } from './actionData';
import type { BotDeps } from './deps';
import { cardAnswer, type InvokeAnswer } from './invoke';

export const RISK_VERBS: readonly Verb[] = [VERBS.history];

export async function handleRiskAction(deps: BotDeps, actor: Actor, locale: Locale, _verb: Verb, raw: unknown, _context?: TurnContext): Promise<InvokeAnswer> {
  // Every Gemeinde's years: the Koordinierungsstelle's (a Gemeinde sees only its own, on its decision card).
  if (!isKoordination(actor)) throw new DomainError('auth.koordinationOnly');
  const year = actionYear(raw);
  return cardAnswer(historyCard({ locale, year, history: await deps.app.risk.history(actor) }));
}

/**
 * The buttons of the channel status card: "Meine Liste öffnen" and "Meine Entscheidung öffnen". The card
 * is the same for every Gemeinde and its buttons carry only the year; the Gemeinde is the clicker's own,
 * from the roster – never from card data. The answer replaces the card for the clicker alone.
 */
import type { TurnContext } from 'botbuilder';
import { channelStatusCard } from '../cards';
import { VERBS, type Verb } from '../cards/actions';
import type { Actor } from '../domain/actor';
import { translate, type Locale } from '../i18n/messages';
import { handleDecisionAction, yearOf } from './decisionActions';
import type { BotDeps } from './deps';
import { cardAnswer, type InvokeAnswer } from './invoke';
import { handleListAction } from './listActions';

export const OWN_VERBS: readonly Verb[] = [VERBS.listMine, VERBS.decisionMine];

export async function handleOwnAction(deps: BotDeps, actor: Actor, locale: Locale, verb: Verb, raw: unknown, context?: TurnContext): Promise<InvokeAnswer> {
  const year = yearOf(raw);
  // The Koordinierungsstelle (or anyone else without a Gemeinde) has no list of her own: the card again, saying so.
  if (!actor.ags) {
    const notice = { kind: 'info' as const, text: translate('bot.noOwnGemeinde', {}, locale) };
    return cardAnswer(channelStatusCard(await deps.app.overview.status(year), locale, notice));
  }
  const own = { year, ags: actor.ags };
  if (verb === VERBS.decisionMine) return handleDecisionAction(deps, actor, locale, VERBS.decisionOpen, own);
  return handleListAction(deps, actor, locale, VERBS.listOpen, own, context);
}

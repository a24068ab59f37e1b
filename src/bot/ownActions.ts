/**
 * The buttons of the channel status card: "Meine Liste öffnen" and "Meine Entscheidung öffnen". The card
 * is the same for every Gemeinde and its buttons carry only the year; the Gemeinde is the clicker's own,
 * from the roster – never from card data (a clerk of several chooses). The answer replaces the card for
 * the clicker alone.
 */
import type { TurnContext } from 'botbuilder';
import { channelStatusCard, messageCard } from '../cards';
import { VERBS, type Verb } from '../cards/actions';
import { actionButton } from '../cards/buttons';
import { gemeindenOf, type Actor } from '../domain/actor';
import { cardText } from '../i18n/cards';
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
  const open = verb === VERBS.decisionMine ? VERBS.decisionOpen : VERBS.listOpen;
  // A clerk of several Gemeinden chooses which.
  if (gemeindenOf(actor).length > 1) return cardAnswer(gemeindeChooser(deps, actor, open, year, locale));
  const own = { year, ags: actor.ags };
  if (open === VERBS.decisionOpen) return handleDecisionAction(deps, actor, locale, open, own);
  return handleListAction(deps, actor, locale, open, own, context);
}

/** "Welche Gemeinde?" with one button per Gemeinde of the clerk, opening its list or its decision. */
export function gemeindeChooser(deps: BotDeps, actor: Actor, open: typeof VERBS.listOpen | typeof VERBS.decisionOpen, year: number, locale: Locale) {
  const buttons = gemeindenOf(actor).map((ags) => actionButton(open, deps.app.ctx.verzeichnis.byKey(ags)?.name ?? ags, { year, ags }));
  return messageCard(cardText('channel.chooseGemeinde', locale), 'info', locale, buttons);
}

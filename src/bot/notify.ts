/**
 * Messages the bot sends on its own to the staff of a Gemeinde: into each one's personal chat (the
 * reference stored when they installed the bot), in the language Teams last reported for that chat.
 * Whoever has not installed it cannot be reached personally; the result says how many were reached,
 * failed or could not be reached, for the reply to `erinnern` and the log.
 */
import { CardFactory } from 'botbuilder';
import type { AdaptiveCard } from '../cards';
import type { Locale } from '../i18n/messages';
import type { StoredReference } from './conversations';
import type { BotDeps } from './deps';
import { localeOfTag } from './identity';
import { errorKind } from './log';

/** Builds the card in a recipient's language (called at most once per language and send). */
export type CardIn = (locale: Locale) => AdaptiveCard | Promise<AdaptiveCard>;

export interface Reach {
  sent: number;
  /** Staff without a personal chat with the bot. */
  unreachable: number;
  failed: number;
  /** Object ids of the staff the card was delivered to. */
  delivered: string[];
}

/** `skip`: staff already reached earlier (by object id), neither sent to nor counted. */
export async function sendToStaff(deps: Pick<BotDeps, 'app' | 'conversations' | 'outbound' | 'logger'>, ags: string, cardIn: CardIn, event: string, skip?: (aadObjectId: string) => boolean): Promise<Reach> {
  const built = new Map<Locale, AdaptiveCard>();
  const card = async (locale: Locale) => built.get(locale) ?? built.set(locale, await cardIn(locale)).get(locale)!;
  const staff = await deps.app.roster.staffOf(ags);
  const personal = (await deps.conversations.read()).personal;
  const reach: Reach = { sent: 0, unreachable: 0, failed: 0, delivered: [] };
  for (const member of staff) {
    if (skip?.(member.aadObjectId)) continue;
    const outcome = await sendToChat(deps, personal[member.aadObjectId], card, { event, ags });
    reach[outcome]++;
    if (outcome === 'sent') reach.delivered.push(member.aadObjectId);
  }
  deps.logger.info(event, { ags, sent: reach.sent, unreachable: reach.unreachable, failed: reach.failed });
  return reach;
}


/** One card into one person's personal chat (`reference` as stored; none: unreachable). A failure is logged, not thrown. */
export async function sendToChat(
  deps: Pick<BotDeps, 'outbound' | 'logger'>,
  reference: StoredReference | undefined,
  cardIn: CardIn,
  log: { event: string; ags?: string },
): Promise<'sent' | 'unreachable' | 'failed'> {
  if (!reference) return 'unreachable';
  try {
    const attachment = CardFactory.adaptiveCard(await cardIn(localeOfTag(reference.locale)));
    await deps.outbound.send(reference, { type: 'message', attachments: [attachment] });
    return 'sent';
  } catch (e) {
    deps.logger.error(`${log.event}.failed`, { ...(log.ags ? { ags: log.ags } : {}), error: errorKind(e) });
    return 'failed';
  }
}

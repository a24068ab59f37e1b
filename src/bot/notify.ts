/**
 * Messages the bot sends on its own to the staff of a Gemeinde: into each one's personal chat (the
 * reference stored when they installed the bot). Whoever has not installed it cannot be reached
 * personally; the result says how many were reached, so the digest can name the others.
 */
import { CardFactory } from 'botbuilder';
import type { AdaptiveCard } from '../cards';
import type { BotDeps } from './deps';
import { errorKind } from './log';

export interface Reach {
  sent: number;
  /** Staff without a personal chat with the bot. */
  unreachable: number;
  failed: number;
}

export async function sendToStaff(deps: BotDeps, ags: string, card: AdaptiveCard, event: string): Promise<Reach> {
  const staff = await deps.app.roster.staffOf(ags);
  const personal = (await deps.conversations.read()).personal;
  const reach: Reach = { sent: 0, unreachable: 0, failed: 0 };
  for (const member of staff) {
    const reference = personal[member.aadObjectId];
    if (!reference) {
      reach.unreachable++;
      continue;
    }
    try {
      await deps.outbound.send(reference, { type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
      reach.sent++;
    } catch (e) {
      reach.failed++;
      deps.logger.error(`${event}.failed`, { ags, error: errorKind(e) });
    }
  }
  deps.logger.info(event, { ags, ...reach });
  return reach;
}

/**
 * What a person finds when she opens Teams again: in the channel of the Gemeinden their status card and the
 * published overview, in her personal chat her open cards – her list while she can still change it, her
 * decision card once the overview is published. Teams keeps all of this in the history of its chats; the
 * Microsoft 365 Agents Playground keeps none (not across a restart as another person, not across a
 * reload of the page), so `npm run demo` has the bot send it again when someone opens the Playground
 * (src/demo/session.ts). Everything goes out through the bot's own proactive paths: the same cards as
 * `listen versenden`, the publication and the `liste` command send, built from the stored state.
 */
import { listsLockedByPublication } from '../app/reviewService';
import { listCard } from '../cards';
import { isEditableFor } from '../domain/list';
import type { Identity } from '../domain/roster';
import type { BotDeps } from './deps';
import { sendToChat } from './notify';
import { decisionCardOf, postOverview } from './publication';
import { currentYear } from './turn';
import { listView } from './views';

export interface Replayed {
  year?: number;
  /** The status card of the Gemeinden channel posted again. */
  channelCard: boolean;
  overview: boolean;
  listCard: boolean;
  decisionCard: boolean;
}

export async function replayFor(deps: BotDeps, identity: Identity): Promise<Replayed> {
  const replayed: Replayed = { channelCard: false, overview: false, listCard: false, decisionCard: false };
  const year = await currentYear(deps);
  if (year === undefined) return replayed;
  replayed.year = year;
  replayed.channelCard = await deps.summaries.postAgain(year);
  const record = await deps.app.campaigns.show(year);
  if (record.published) replayed.overview = await postOverview(deps, year);

  const actor = await deps.app.roster.actorFor(identity);
  const reference = (await deps.conversations.read()).personal[identity.aadObjectId];
  if (actor?.role !== 'gemeinde' || !actor.ags || !reference) return replayed;
  const ags = actor.ags;
  const list = await deps.app.ctx.repo.readList(year, ags);
  const today = deps.app.ctx.clock.today();
  const open = list?.sent && isEditableFor(list, { actor, today, campaign: record.campaign, published: listsLockedByPublication(record) });
  if (open) {
    const card = async (locale: 'de' | 'en') => listCard(await listView(deps, actor, locale, year, ags, 0, undefined, undefined, reference.user?.id));
    replayed.listCard = (await sendToChat(deps, reference, card, { event: 'replay.list', ags })) === 'sent';
  }
  if (record.published) replayed.decisionCard = (await sendToChat(deps, reference, decisionCardOf(deps, year, ags), { event: 'replay.decision', ags })) === 'sent';
  deps.logger.info('replay', { year, ags, channelCard: replayed.channelCard, overview: replayed.overview, listCard: replayed.listCard, decisionCard: replayed.decisionCard });
  return replayed;
}

/**
 * Steps 5 and 6 in Teams: the provisional allocation for the Koordinierungsstelle, and publishing
 * it – the overview card to all Gemeinden, each summary card with its amount, and each Gemeinde's
 * decision card to its staff. Publishing itself is quick; handing out ~100 cards is not, so that
 * runs in the background and reports back to the coordinator's conversation.
 */
import { CardFactory, TurnContext } from 'botbuilder';
import { decisionCard, overviewCard } from '../cards';
import { VERBS, type Verb } from '../cards/actions';
import { isKoordination, type Actor } from '../domain/actor';
import { DomainError } from '../domain/errors';
import { translate, type Locale } from '../i18n/messages';
import { actionYear, BadActionData } from './actionData';
import type { StoredReference } from './conversations';
import { decisionView, SYSTEM } from './decisionActions';
import type { BotDeps } from './deps';
import { cardAnswer, type InvokeAnswer } from './invoke';
import { errorKind } from './log';
import { sendToStaff, type CardIn } from './notify';

export const PUBLICATION_VERBS: readonly Verb[] = [VERBS.publish, VERBS.allocation];

/** The provisional allocation as the Koordinierungsstelle sees it (with list states and the publish button). */
export async function allocationCardFor(deps: BotDeps, year: number, locale: Locale) {
  const { report, sincePublication: since } = await deps.app.overview.current(year);
  return overviewCard({ locale, report, audience: 'koordination', ...(since ? { published: { at: since.at, since } } : {}) });
}

export interface Distribution {
  channelPosted: boolean;
  decisionCards: number;
  unreachable: number;
}

/** The published overview into the municipalities' channel (no personal data); false if not posted. */
export async function postOverview(deps: BotDeps, year: number): Promise<boolean> {
  const record = await deps.app.campaigns.show(year);
  const channel = (await deps.conversations.read()).channels.gemeinden;
  if (!channel || !record.published) return false;
  try {
    const card = overviewCard({ locale: 'de', report: record.published.report, audience: 'channel', published: { at: record.published.at } });
    await deps.outbound.send(channel, { type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
    return true;
  } catch (e) {
    deps.logger.error('publish.channelFailed', { year, error: errorKind(e) });
    return false;
  }
}

/** A Gemeinde's decision card as the bot sends it to its staff: built as the Koordinierungsstelle sees it, editable until the deadline. */
export function decisionCardOf(deps: BotDeps, year: number, ags: string): CardIn {
  return async (locale) => {
    const view = await decisionView(deps, SYSTEM, locale, year, ags);
    return decisionCard({ ...view, editable: deps.app.ctx.clock.today() <= view.deadline });
  };
}

/** After publication: the overview into the municipalities' channel, summaries refreshed, decision cards to staff. */
export async function distribute(deps: BotDeps, year: number): Promise<Distribution> {
  const channelPosted = await postOverview(deps, year);
  deps.summaries.refreshAll(year);
  let decisionCards = 0;
  let unreachable = 0;
  for (const g of deps.app.ctx.verzeichnis.all) {
    const reach = await sendToStaff(deps, g.ags, decisionCardOf(deps, year, g.ags), 'decision.card');
    decisionCards += reach.sent;
    unreachable += reach.unreachable;
  }
  deps.logger.info('published', { year, channelPosted, decisionCards, unreachable });
  return { channelPosted, decisionCards, unreachable };
}

/**
 * Publishes and starts the distribution. The operation id is the campaign's revision: a retried click
 * (same revision) publishes and distributes once; publishing again after corrections is a new one.
 */
export async function publish(deps: BotDeps, year: number, actor: Actor, force: boolean, reportTo: StoredReference, locale: Locale): Promise<{ provisional: boolean; replayed: boolean }> {
  const before = await deps.app.campaigns.show(year);
  const { report, replayed } = await deps.app.campaigns.publish(year, { actor, force, opId: `publish:${year}:${before.revision}` });
  if (!replayed) {
    deps.summaries.background.run('publish.distribute', async () => {
      const d = await distribute(deps, year);
      const params = { channelPosted: d.channelPosted ? 1 : 0, decisionCards: d.decisionCards, unreachable: d.unreachable };
      await deps.outbound.send(reportTo, { type: 'message', text: translate('bot.distributed', params, locale) });
    });
  }
  return { provisional: report.provisional, replayed };
}

export async function handlePublicationAction(deps: BotDeps, actor: Actor, locale: Locale, verb: Verb, raw: unknown, context?: TurnContext): Promise<InvokeAnswer> {
  if (!isKoordination(actor)) throw new DomainError('auth.koordinationOnly');
  const data = (raw ?? {}) as { year?: unknown; force?: unknown };
  const year = actionYear(raw);
  if (verb === VERBS.allocation) return cardAnswer(await allocationCardFor(deps, year, locale));
  const notice = async (color: 'good' | 'attention', text: string) => {
    const card = await allocationCardFor(deps, year, locale);
    return cardAnswer({ ...card, body: [{ type: 'TextBlock', wrap: true, color, text }, ...card.body] });
  };
  try {
    const reportTo = context ? TurnContext.getConversationReference(context.activity) : undefined;
    if (!reportTo) throw new BadActionData('context');
    const outcome = await publish(deps, year, actor, data.force === true, reportTo, locale);
    return notice('good', translate('bot.published', { provisional: outcome.provisional ? 1 : 0 }, locale));
  } catch (e) {
    if (!(e instanceof DomainError) || e.code.startsWith('auth.')) throw e;
    return notice('attention', e.text(locale));
  }
}

/**
 * Steps 5 and 6 in Teams: the provisional allocation for the Koordinierungsstelle, and publishing
 * it – the overview card to all Gemeinden, each summary card with its amount, and each Gemeinde's
 * decision card to its staff.
 */
import { CardFactory } from 'botbuilder';
import { decisionCard, overviewCard } from '../cards';
import { VERBS, type Verb } from '../cards/actions';
import { isKoordination, type Actor } from '../domain/actor';
import { DomainError } from '../domain/errors';
import { translate, type Locale } from '../i18n/messages';
import { BadActionData } from './actionData';
import { decisionView, SYSTEM } from './decisionActions';
import type { BotDeps } from './deps';
import { cardAnswer, type InvokeAnswer } from './invoke';
import { errorKind } from './log';
import { sendToStaff } from './notify';

export const PUBLICATION_VERBS: readonly Verb[] = [VERBS.publish, VERBS.allocation];

/** The provisional allocation as the Koordinierungsstelle sees it (with list states and the publish button). */
export async function allocationCardFor(deps: BotDeps, year: number, locale: Locale) {
  const report = await deps.app.overview.overview(year);
  const record = await deps.app.campaigns.show(year);
  return overviewCard({ locale, report, audience: 'koordination', ...(record.published ? { published: { at: record.published.at } } : {}) });
}

export interface PublishOutcome {
  provisional: boolean;
  channelPosted: boolean;
  decisionCards: number;
  unreachable: number;
}

export async function publish(deps: BotDeps, year: number, actor: Actor, force: boolean): Promise<PublishOutcome> {
  const report = await deps.app.campaigns.publish(year, { actor, force });
  const record = await deps.app.campaigns.show(year);
  const channel = (await deps.conversations.read()).channels.gemeinden;
  let channelPosted = false;
  if (channel) {
    try {
      const card = overviewCard({ locale: 'de', report, audience: 'channel', published: { at: record.published!.at } });
      await deps.outbound.send(channel, { type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
      channelPosted = true;
    } catch (e) {
      deps.logger.error('publish.channelFailed', { year, error: errorKind(e) });
    }
  }
  deps.summaries.refreshAll(year);
  let decisionCards = 0;
  let unreachable = 0;
  for (const g of deps.app.ctx.verzeichnis.all) {
    const view = await decisionView(deps, SYSTEM, 'de', year, g.ags);
    // Built as the Koordinierungsstelle sees it, sent to staff: for them the card is editable until the deadline.
    const editable = deps.app.ctx.clock.today() <= view.deadline;
    const reach = await sendToStaff(deps, g.ags, decisionCard({ ...view, editable }), 'decision.card');
    decisionCards += reach.sent;
    unreachable += reach.unreachable;
  }
  deps.logger.info('published', { year, provisional: report.provisional, channelPosted, decisionCards, unreachable });
  return { provisional: report.provisional, channelPosted, decisionCards, unreachable };
}

export async function handlePublicationAction(deps: BotDeps, actor: Actor, locale: Locale, verb: Verb, raw: unknown): Promise<InvokeAnswer> {
  if (!isKoordination(actor)) throw new DomainError('auth.koordinationOnly');
  const data = (raw ?? {}) as { year?: unknown; force?: unknown };
  if (typeof data.year !== 'number' || !Number.isInteger(data.year)) throw new BadActionData('year');
  const year = data.year;
  if (verb === VERBS.allocation) return cardAnswer(await allocationCardFor(deps, year, locale));
  try {
    const outcome = await publish(deps, year, actor, data.force === true);
    const card = await allocationCardFor(deps, year, locale);
    return cardAnswer({ ...card, body: [{ type: 'TextBlock', wrap: true, color: 'good', text: translate('bot.published', { ...outcome, provisional: outcome.provisional ? 1 : 0, channelPosted: outcome.channelPosted ? 1 : 0 }, locale) }, ...card.body] });
  } catch (e) {
    if (!(e instanceof DomainError) || e.code.startsWith('auth.')) throw e;
    const card = await allocationCardFor(deps, year, locale);
    return cardAnswer({ ...card, body: [{ type: 'TextBlock', wrap: true, color: 'attention', text: e.text(locale) }, ...card.body] });
  }
}

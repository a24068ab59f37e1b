/**
 * Steps 5 and 6 in Teams: the provisional allocation for the Koordinierungsstelle, and publishing
 * it – the overview card to all Gemeinden, the channel's status card with each decision, and each
 * Gemeinde's decision card to its staff. Publishing itself is quick; handing out ~100 cards is not, so that
 * runs in the background and reports back to the coordinator's conversation.
 */
import { CardFactory, TurnContext } from 'botbuilder';
import { decisionCard, messageCard, overviewCard, whatIfCard } from '../cards';
import { VERBS, type Verb } from '../cards/actions';
import { actionButton } from '../cards/buttons';
import { isKoordination, type Actor } from '../domain/actor';
import { DomainError } from '../domain/errors';
import { checkWhatIfAmount, parseKreisAmount } from '../domain/scenarios';
import { translate, type Locale } from '../i18n/messages';
import { actionYear, BadActionData, formInputs } from './actionData';
import type { StoredReference } from './conversations';
import { decisionView, SYSTEM } from './decisionActions';
import type { BotDeps } from './deps';
import { cardAnswer, type InvokeAnswer } from './invoke';
import { errorKind } from './log';
import { sendToStaff, type CardIn } from './notify';

export const PUBLICATION_VERBS: readonly Verb[] = [VERBS.publish, VERBS.allocation, VERBS.decisionResend];

/** The provisional allocation as the Koordinierungsstelle sees it (with list states and the publish button). */
export async function allocationCardFor(deps: BotDeps, year: number, locale: Locale) {
  const { report, sincePublication: since } = await deps.app.overview.current(year);
  const history = (await deps.app.ctx.repo.years()).some((y) => y < year);
  return overviewCard({ locale, report, audience: 'koordination', ...(since ? { published: { at: since.at, since } } : {}), ...(history ? { history } : {}) });
}

/** The what-if for the Kreis amount the coordinator typed (`berechnen 1.400.000 €`): shown, never stored. */
export async function whatIfCardFor(deps: BotDeps, actor: Actor, year: number, typed: string, locale: Locale) {
  const amount = checkWhatIfAmount(parseKreisAmount(typed), typed);
  return whatIfCard({ locale, report: await deps.app.risk.whatIf(year, amount, actor) });
}

/** What handing out the publication really did: counted per Gemeinde, as the coordinator follows up per Gemeinde. */
export interface Distribution {
  channelPosted: boolean;
  /** Decision cards delivered (one per member of staff). */
  delivered: number;
  /** Gemeinden at least one of whose staff got the card. */
  reached: number;
  /** Gemeinden with a delivery that failed: to follow up, and to send again ("Erneut senden"). */
  failed: { ags: string; name: string }[];
  /** Gemeinden none of whose staff the bot can reach: none assigned, or none has installed the bot. */
  unreachable: string[];
}

/** The published overview into the municipalities' channel (no personal data; after a re-publication saying what changed); false if not posted. */
export async function postOverview(deps: BotDeps, year: number): Promise<boolean> {
  const published = (await deps.app.campaigns.show(year)).published;
  const channel = (await deps.conversations.read()).channels.gemeinden;
  if (!channel || !published) return false;
  try {
    const card = overviewCard({ locale: 'de', report: published.report, audience: 'channel', published: { at: published.at, ...(published.replaces ? { replaces: published.replaces } : {}) } });
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

/** Decision cards to the staff of `gemeinden` (AGS): built as the Koordinierungsstelle sees them, editable for staff until the deadline. */
async function sendDecisionCards(deps: BotDeps, year: number, gemeinden: readonly string[]): Promise<Omit<Distribution, 'channelPosted'>> {
  const out: Omit<Distribution, 'channelPosted'> = { delivered: 0, reached: 0, failed: [], unreachable: [] };
  for (const ags of gemeinden) {
    const name = deps.app.ctx.verzeichnis.byKey(ags)?.name ?? ags;
    const reach = await sendToStaff(deps, ags, decisionCardOf(deps, year, ags), 'decision.card');
    out.delivered += reach.sent;
    if (reach.sent > 0) out.reached++;
    if (reach.failed > 0) out.failed.push({ ags, name });
    else if (reach.sent === 0) out.unreachable.push(name);
  }
  return out;
}

/**
 * After publication: the overview into the municipalities' channel (after a re-publication saying what
 * changed), the status card refreshed, decision cards to staff – all Gemeinden the first time; after a
 * re-publication those whose figures changed (all when the parameters changed or the figures became final).
 */
export async function distribute(deps: BotDeps, year: number): Promise<Distribution> {
  const published = (await deps.app.campaigns.show(year)).published!;
  const channelPosted = await postOverview(deps, year);
  deps.summaries.refresh(year);
  const r = published.replaces;
  const all = deps.app.ctx.verzeichnis.all.map((g) => g.ags);
  const to = !r || r.parametersChanged || r.nowFinal ? all : all.filter((ags) => r.changedGemeinden.includes(ags));
  const cards = await sendDecisionCards(deps, year, to);
  deps.logger.info('published', { year, channelPosted, delivered: cards.delivered, reached: cards.reached, failed: cards.failed.length, unreachable: cards.unreachable.length });
  return { channelPosted, ...cards };
}

/** The coordinator's report: what was delivered, what failed (with a button that sends to those Gemeinden only), who cannot be reached. */
function distributionCard(d: Distribution, year: number, locale: Locale) {
  const text = translate(
    'bot.distributed',
    {
      channelPosted: d.channelPosted ? 1 : 0,
      delivered: d.delivered,
      reached: d.reached,
      failed: d.failed.map((f) => f.name).join(', '),
      unreachable: d.unreachable.join(', '),
      unreachableCount: d.unreachable.length,
    },
    locale,
  );
  if (!d.failed.length) return messageCard(text, 'success', locale);
  const resend = actionButton(VERBS.decisionResend, translate('bot.resendDecisions', {}, locale), { year, ags: d.failed.map((f) => f.ags).join(',') });
  return messageCard(text, 'warning', locale, [resend]);
}

/**
 * Publishes and starts the distribution. The operation id is the campaign's revision: a retried click
 * (same revision) publishes and distributes once. Publishing again is refused while nothing changed and
 * needs a reason when something did (CampaignService.publish).
 */
export async function publish(deps: BotDeps, year: number, actor: Actor, opts: { force: boolean; reason?: string }, reportTo: StoredReference, locale: Locale): Promise<{ provisional: boolean; replayed: boolean; again: boolean }> {
  const before = await deps.app.campaigns.show(year);
  const { report, replayed, replaces } = await deps.app.campaigns.publish(year, { actor, force: opts.force, ...(opts.reason ? { reason: opts.reason } : {}), opId: `publish:${year}:${before.revision}` });
  if (!replayed) {
    deps.summaries.background.run('publish.distribute', async () => {
      const d = await distribute(deps, year);
      await deps.outbound.send(reportTo, { type: 'message', attachments: [CardFactory.adaptiveCard(distributionCard(d, year, locale))] });
    });
  }
  return { provisional: report.provisional, replayed, again: !!replaces };
}

/** "Erneut senden": the decision cards again to the staff of the Gemeinden whose delivery failed. */
async function resendDecisions(deps: BotDeps, year: number, raw: unknown, locale: Locale): Promise<InvokeAnswer> {
  const list = (raw as { ags?: unknown }).ags;
  if (typeof list !== 'string') throw new BadActionData('ags');
  const gemeinden = [...new Set(list.split(','))];
  if (!gemeinden.length || gemeinden.some((ags) => !deps.app.ctx.verzeichnis.byKey(ags))) throw new BadActionData('ags');
  if (!(await deps.app.campaigns.show(year)).published) throw new DomainError('publish.notYet', { year });
  const cards = await sendDecisionCards(deps, year, gemeinden);
  return cardAnswer(distributionCard({ channelPosted: true, ...cards }, year, locale));
}

export async function handlePublicationAction(deps: BotDeps, actor: Actor, locale: Locale, verb: Verb, raw: unknown, context?: TurnContext): Promise<InvokeAnswer> {
  if (!isKoordination(actor)) throw new DomainError('auth.koordinationOnly');
  const data = (raw ?? {}) as { year?: unknown; force?: unknown };
  const year = actionYear(raw);
  if (verb === VERBS.allocation) return cardAnswer(await allocationCardFor(deps, year, locale));
  if (verb === VERBS.decisionResend) return resendDecisions(deps, year, raw, locale);
  const notice = async (color: 'good' | 'attention', text: string) => {
    const card = await allocationCardFor(deps, year, locale);
    return cardAnswer({ ...card, body: [{ type: 'TextBlock', wrap: true, color, text }, ...card.body] });
  };
  try {
    const reportTo = context ? TurnContext.getConversationReference(context.activity) : undefined;
    if (!reportTo) throw new BadActionData('context');
    const reason = formInputs(raw).reason;
    const outcome = await publish(deps, year, actor, { force: data.force === true, ...(reason ? { reason } : {}) }, reportTo, locale);
    return notice('good', translate('bot.published', { provisional: outcome.provisional ? 1 : 0, again: outcome.again ? 1 : 0 }, locale));
  } catch (e) {
    if (!(e instanceof DomainError) || e.code.startsWith('auth.')) throw e;
    return notice('attention', e.text(locale));
  }
}

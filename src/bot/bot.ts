/**
 * The teams-ai Application: routes messages, card actions and lifecycle events to the handlers.
 * Every card action is answered (a card, a message or an error); nothing a user sends can crash it.
 */
import { Application } from '@microsoft/teams-ai';
import { ActivityTypes, TurnContext, type BotAdapter } from 'botbuilder';
import { VERBS, type Verb } from '../cards/actions';
import { isDomainError } from '../domain/errors';
import { translate, type Locale } from '../i18n/messages';
import { BadActionData } from './actionData';
import type { Actor } from '../domain/actor';
import { CAMPAIGN_VERBS, handleCampaignAction } from './campaignActions';
import { handleMessage } from './commands';
import { welcomeFor } from './help';
import { DECISION_VERBS, handleDecisionAction } from './decisionActions';
import { PUBLICATION_VERBS, handlePublicationAction } from './publication';
import { RISK_VERBS, handleRiskAction } from './riskActions';
import { COORDINATOR_VERBS, handleCoordinatorAction } from './coordinatorActions';
import type { BotDeps } from './deps';
import { identityOf, isSharedConversation, teamIdOf } from './identity';
import { errorAnswer, sendInvokeAnswer, type InvokeAnswer } from './invoke';
import { LIST_VERBS, handleListAction } from './listActions';
import { OWN_VERBS, handleOwnAction } from './ownActions';
import { errorKind } from './log';
import { resolveTurn } from './turn';
import { handleVerwendungsnachweisAction, VN_VERBS } from './verwendungsnachweisActions';

const ACTION_INVOKE = 'adaptiveCard/action';

type ActionHandler = (deps: BotDeps, actor: Actor, locale: Locale, verb: Verb, data: unknown, context: TurnContext) => Promise<InvokeAnswer>;

/** Which module answers which card verbs. */
const HANDLERS: { verbs: readonly Verb[]; handle: ActionHandler }[] = [
  { verbs: LIST_VERBS, handle: handleListAction },
  { verbs: OWN_VERBS, handle: handleOwnAction },
  { verbs: COORDINATOR_VERBS, handle: handleCoordinatorAction },
  { verbs: DECISION_VERBS, handle: handleDecisionAction },
  { verbs: PUBLICATION_VERBS, handle: handlePublicationAction },
  { verbs: CAMPAIGN_VERBS, handle: handleCampaignAction },
  { verbs: RISK_VERBS, handle: handleRiskAction },
  { verbs: VN_VERBS, handle: handleVerwendungsnachweisAction },
];
/** The handler of each verb (the first module that names it), looked up once per click; a verb no module answers is not in it. */
const HANDLER_OF = new Map<string, ActionHandler>(HANDLERS.flatMap(({ verbs, handle }) => verbs.map((verb) => [verb, handle] as const)).reverse());
const KNOWN_VERBS: ReadonlySet<string> = new Set(Object.values(VERBS));

export function createBot(deps: BotDeps, options: { adapter?: BotAdapter; botAppId?: string } = {}): Application {
  const app = new Application({
    ...(options.adapter ? { adapter: options.adapter as never } : {}),
    ...(options.botAppId ? { botAppId: options.botAppId } : {}),
    // The typing timer is shared across concurrent turns in teams-ai v1: off.
    startTypingTimer: false,
    removeRecipientMention: true,
  });

  app.activity(ActivityTypes.Message, async (context) => {
    const turn = await resolveTurn(deps, context);
    const say = (code: Parameters<typeof translate>[0]) => context.sendActivity(translate(code, {}, turn.locale));
    if (!turn.tenantAllowed) return void (await say('bot.tenantNotAllowed'));
    await rememberPersonalChat(deps, context);
    if (!turn.actor) return void (await say('bot.noRole'));
    try {
      await handleMessage(deps, context, turn.actor, turn.locale);
    } catch (e) {
      if (isDomainError(e)) return void (await context.sendActivity(e.text(turn.locale)));
      deps.logger.error('message.failed', { error: errorKind(e) });
      await say('bot.internalError');
    }
  });

  // Every Action.Execute, whatever its verb: one dispatcher, so that none goes unanswered.
  app.activity(ActivityTypes.Invoke, async (context) => {
    if (context.activity.name !== ACTION_INVOKE) {
      await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: {} } });
      return;
    }
    await sendInvokeAnswer(context, await answerAction(deps, context));
  });

  // Installations from a tenant that is not allowed are not remembered and not greeted (nothing kept of them).
  // Uninstalling forgets: "remove-upgrade" too (an upgrade that takes the bot out; botbuilder's
  // ActivityHandler treats it as "remove" as well).
  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    const action = context.activity.action;
    if (action === 'remove' || action === 'remove-upgrade') return void (await botRemoved(deps, context));
    if (!(await resolveTurn(deps, context)).tenantAllowed) return;
    await rememberPersonalChat(deps, context);
  });

  // The bot taken out of a team (or a chat): the same as uninstalling there.
  app.conversationUpdate('membersRemoved', async (context) => {
    const botRemovedHere = (context.activity.membersRemoved ?? []).some((m) => m.id === context.activity.recipient?.id);
    if (botRemovedHere) await botRemoved(deps, context);
  });

  app.conversationUpdate('membersAdded', async (context) => {
    const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === context.activity.recipient?.id);
    if (!botAdded) return;
    const { actor, locale, tenantAllowed } = await resolveTurn(deps, context);
    if (!tenantAllowed) return;
    await rememberPersonalChat(deps, context);
    // The welcome fits the person's role: the coordinating office is not told to check "your Gemeinde's list".
    if (context.activity.conversation?.conversationType === 'personal') {
      const gemeinde = actor?.ags ? deps.app.ctx.verzeichnis.byKey(actor.ags)?.name : undefined;
      await context.sendActivity(welcomeFor(actor, locale, gemeinde));
    }
  });

  app.error(async (context, error) => {
    deps.logger.error('turn.failed', { type: context.activity.type, error: errorKind(error) });
  });

  return app;
}

async function answerAction(deps: BotDeps, context: TurnContext): Promise<InvokeAnswer> {
  const turn = await resolveTurn(deps, context);
  const locale = turn.locale;
  const action = (context.activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)?.action;
  const verb = typeof action?.verb === 'string' ? (action.verb as Verb) : undefined;
  if (!turn.tenantAllowed) return errorAnswer(403, 'tenantNotAllowed', translate('bot.tenantNotAllowed', {}, locale));
  if (!turn.actor) return errorAnswer(403, 'noRole', translate('bot.noRole', {}, locale));
  if (!verb || !KNOWN_VERBS.has(verb)) return errorAnswer(400, 'unknownVerb', translate('bot.badRequest', {}, locale));
  try {
    const handler = HANDLER_OF.get(verb);
    const answer = handler
      ? await handler(deps, turn.actor, locale, verb, action?.data, context)
      : errorAnswer(400, 'unknownVerb', translate('bot.badRequest', {}, locale));
    deps.logger.info('action', { verb, role: turn.actor.role, ...(turn.actor.ags ? { ags: turn.actor.ags } : {}), shared: isSharedConversation(context.activity) });
    return answer;
  } catch (e) {
    if (e instanceof BadActionData) return errorAnswer(400, 'badData', translate('bot.badRequest', {}, locale));
    if (isDomainError(e)) {
      const status = e.code.startsWith('auth.') ? 403 : e.code.endsWith('notFound') ? 404 : 400;
      return errorAnswer(status, e.code, e.text(locale));
    }
    deps.logger.error('action.failed', { verb, error: errorKind(e) });
    return errorAnswer(500, 'internal', translate('bot.internalError', {}, locale));
  }
}

/** Whoever removed the bot, when they have no role of their own: Teams itself, as far as the audit goes. */
const TEAMS: Actor = { id: 'teams', name: 'Microsoft Teams', role: 'koordination' };

/**
 * The bot was uninstalled or removed: a personal chat's reference is forgotten; removed from a team, the
 * channels registered in that team are dropped (and audited). Logged without names or ids of people.
 */
async function botRemoved(deps: BotDeps, context: TurnContext): Promise<void> {
  const activity = context.activity;
  try {
    if (activity.conversation?.conversationType === 'personal') {
      const identity = identityOf(activity);
      // Forgetting is always allowed, whichever tenant: it only ever deletes.
      if (identity && (await deps.conversations.forgetPersonal(identity.aadObjectId))) deps.logger.info('conversation.forgotten', { scope: 'personal' });
      return;
    }
    const teamId = teamIdOf(activity);
    if (!teamId) return;
    const turn = await resolveTurn(deps, context);
    if (!turn.tenantAllowed) return;
    const dropped = await deps.conversations.dropTeamChannels(teamId, turn.actor ?? TEAMS, deps.app.ctx.clock.now());
    if (dropped.length) deps.logger.warn('channel.unregistered', { roles: dropped.join(','), reason: 'botRemovedFromTeam' });
  } catch (e) {
    deps.logger.error('conversation.forgetFailed', { error: errorKind(e) });
  }
}

/** Keeps the reference of a personal chat, for messages the bot sends on its own later. */
async function rememberPersonalChat(deps: BotDeps, context: TurnContext): Promise<void> {
  const activity = context.activity;
  const identity = identityOf(activity);
  if (!identity || activity.conversation?.conversationType !== 'personal') return;
  try {
    await deps.conversations.rememberPersonal(identity.aadObjectId, TurnContext.getConversationReference(activity));
  } catch (e) {
    deps.logger.warn('conversation.rememberFailed', { error: errorKind(e) });
  }
}

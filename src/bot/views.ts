/** Builds what the cards show from the stored state – freshly read for every answer. */
import type { CampaignRecord } from '../app/ports';
import { listsLockedByPublication } from '../app/reviewService';
import { dashboardCard, type AdaptiveCard, type ListView, type Notice } from '../cards';
import type { Actor } from '../domain/actor';
import { GemeindeListe, isEditableFor } from '../domain/list';
import { DomainError } from '../domain/errors';
import type { Locale } from '../i18n/messages';
import { TurnContext, type Activity } from 'botbuilder';
import { channelReference } from './conversations';
import type { BotDeps } from './deps';
import { isSharedConversation } from './identity';

export async function listView(
  deps: BotDeps,
  actor: Actor,
  locale: Locale,
  year: number,
  ags: string,
  page = 0,
  notice?: Notice,
  /** The list a change just stored (and returned), so it is not read again. */
  stored?: GemeindeListe,
  /** The viewer's Teams id: their card refreshes itself when they look at it again. */
  viewerTeamsId?: string,
  /** The campaign record that change was decided against (its outcome carries it), so it is not read again either. */
  storedCampaign?: CampaignRecord,
): Promise<ListView> {
  const record = storedCampaign?.campaign.year === year ? storedCampaign : await deps.app.campaigns.show(year);
  const list = stored ?? (await deps.app.review.getList(year, ags, { actor }));
  const refreshUserIds = await refreshUsers(deps, ags, viewerTeamsId);
  const gemeinde = deps.app.ctx.verzeichnis.byKey(ags);
  if (!gemeinde) throw new DomainError('gemeinde.unknownKey', { ags });
  const today = deps.app.ctx.clock.today();
  const published = listsLockedByPublication(record);
  return {
    locale,
    campaign: record.campaign,
    gemeinde: { ags, name: gemeinde.name },
    list,
    page,
    today,
    viewerRole: actor.role,
    editable: isEditableFor(list, { actor, today, campaign: record.campaign, published }),
    published,
    ...(notice ? { notice } : {}),
    refreshUserIds,
  };
}

/** Teams lets at most this many users have a card refreshed for them automatically (refresh.userIds). */
const MAX_REFRESH_USERS = 60;

/** How long the staff ids of a Gemeinde for the refresh are used before roster and chats are read again. */
const REFRESH_USERS_MS = 10_000;

/**
 * Who should see the list card refresh by itself: the viewer and the Gemeinde's staff whose Teams id
 * the bot knows (from their personal chat). In a personal chat Teams refreshes it for everyone anyway;
 * in a channel only for these. Kept for a few seconds per bot: a clerk added meanwhile gets the
 * refresh a little later, and every click is spared two more reads.
 */
const refreshStaff = new WeakMap<BotDeps, Map<string, { ids: string[]; until: number }>>();

async function refreshUsers(deps: BotDeps, ags: string, viewerTeamsId: string | undefined): Promise<string[]> {
  let byAgs = refreshStaff.get(deps);
  if (!byAgs) refreshStaff.set(deps, (byAgs = new Map()));
  let known = byAgs.get(ags);
  if (!known || known.until < Date.now()) {
    const [roster, conversations] = await Promise.all([deps.app.roster.read(), deps.conversations.read()]);
    const ids = roster.entries
      .filter((e) => e.role === 'gemeinde' && e.ags === ags)
      .map((e) => conversations.personal[e.aadObjectId]?.user?.id)
      .filter((id): id is string => typeof id === 'string' && id.startsWith('29:'));
    byAgs.set(ags, (known = { ids, until: Date.now() + REFRESH_USERS_MS }));
  }
  const staff = known.ids;
  const ids = viewerTeamsId?.startsWith('29:') ? [viewerTeamsId, ...staff.filter((id) => id !== viewerTeamsId)] : staff;
  return ids.slice(0, MAX_REFRESH_USERS);
}

/** Whether the activity is in the channel registered for the Koordinierungsstelle. */
export async function inKoordinationChannel(deps: BotDeps, activity: Activity): Promise<boolean> {
  const channel = (await deps.conversations.read()).channels.koordination;
  const here = channelReference(TurnContext.getConversationReference(activity)).conversation?.id;
  return !!channel && !!here && channel.conversation?.id === here;
}

/**
 * The coordinator's status card for a year, with the Verwendungsnachweis round once one is opened (this
 * year's or the latest before) – but not where others than the coordinators read (`activity` in a
 * channel or group chat other than the coordinators' channel): its names and reclaim total are theirs.
 */
export async function dashboardFor(deps: BotDeps, year: number, locale: Locale, page: number, activity: Activity): Promise<AdaptiveCard> {
  const coordinatorsOnly = !isSharedConversation(activity) || (await inKoordinationChannel(deps, activity));
  const [report, nachweis] = await Promise.all([deps.app.overview.status(year), coordinatorsOnly ? deps.app.verwendungsnachweis.roundStatus(year) : undefined]);
  return dashboardCard(report, locale, page, nachweis);
}

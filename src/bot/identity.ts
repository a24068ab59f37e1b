/** Who sent an activity, in which tenant and language – read from the activity, never from card data. */
import type { Activity } from 'botbuilder';
import type { Identity } from '../domain/roster';
import type { Locale } from '../i18n/messages';

export function identityOf(activity: Activity): Identity | undefined {
  const aadObjectId = activity.from?.aadObjectId;
  if (!aadObjectId) return undefined;
  return { aadObjectId, tenantId: tenantOf(activity), name: activity.from?.name ?? '' };
}

export function tenantOf(activity: Activity): string | undefined {
  // GUIDs compare without regard to case (Teams sends lower case; a setting may be written in upper case).
  return (activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id)?.toLowerCase();
}

/** English where Teams reports an English locale, German otherwise. */
export function localeOf(activity: Activity): Locale {
  return localeOfTag(activity.locale);
}

/** The same for a stored conversation reference's language tag (a message the bot sends on its own). */
export function localeOfTag(tag: string | undefined): Locale {
  return /^en\b/i.test(tag ?? '') ? 'en' : 'de';
}

/** Channel and group chat messages are visible to many: they must never hold personal data. */
export function isSharedConversation(activity: Activity): boolean {
  const type = activity.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat' || activity.conversation?.isGroup === true;
}

/** The team a channel activity belongs to (Teams sends `channelData.team.id`; the Agents Playground `teamsTeamId`). */
export function teamIdOf(activity: Activity): string | undefined {
  const data = activity.channelData as { team?: { id?: unknown }; teamsTeamId?: unknown } | undefined;
  const id = data?.team?.id ?? data?.teamsTeamId;
  return typeof id === 'string' && id ? id : undefined;
}

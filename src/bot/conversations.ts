/**
 * Where the bot can post: the registered channels (coordinators', municipalities'), each user's
 * personal chat (stored on install) and the year's status card in the Gemeinden channel (so it can be
 * updated after a change). Stored as one small document in the data directory.
 */
import type { ConversationReference } from 'botbuilder';
import type { Repository } from '../app/ports';
import type { Actor } from '../domain/actor';
import { actorRef, AuditEntry } from '../domain/audit';

export type ChannelRole = 'koordination' | 'gemeinden';
export type StoredReference = Partial<ConversationReference>;

export type RegisteredChannel = StoredReference & {
  registered: { at: string; by: string };
  /** The team the channel belongs to (Teams' team id), so that the bot's removal from the team drops it. */
  teamId?: string;
};

export interface Conversations {
  channels: Partial<Record<ChannelRole, RegisteredChannel>>;
  /** Personal chats by Entra object id. */
  personal: Record<string, StoredReference>;
  /**
   * The year's status card in the municipalities' channel: its activity id and the channel (conversation id)
   * it was posted in. Teams updates an activity only in its own conversation: once the Gemeinden channel is
   * registered anew, the card is posted there afresh.
   */
  statusCards: Record<string, { activityId: string; channelId: string }>;
  /**
   * Who has been told in the personal chat that the year's list is there: year → "<object id>:<AGS>" → when.
   * `listen versenden` again writes only to those not told yet (failed, or installed the bot since).
   */
  listNotices: Record<string, Record<string, string>>;
  events: AuditEntry[];
}

const DOCUMENT = 'conversations';

function empty(): Conversations {
  return { channels: {}, personal: {}, statusCards: {}, listNotices: {}, events: [] };
}

/** The year's status card if it was posted in the channel `channelId` (its activity id). */
export function statusCardIn(c: Conversations, year: number, channelId: string | undefined): string | undefined {
  const card = c.statusCards[year];
  return channelId && card?.channelId === channelId ? card.activityId : undefined;
}

/** A channel post's conversation id carries the thread (`;messageid=…`): the channel itself is without it. */
export function channelReference(reference: StoredReference): StoredReference {
  const id = reference.conversation?.id?.split(';')[0];
  const { activityId: _thread, ...rest } = reference;
  return { ...rest, conversation: { ...reference.conversation!, id: id ?? '' } };
}

export class ConversationStore {
  constructor(private readonly repo: Repository) {}

  async read(): Promise<Conversations> {
    return { ...empty(), ...((await this.repo.readDocument<Conversations>(DOCUMENT)) ?? {}) };
  }

  async registerChannel(role: ChannelRole, reference: StoredReference, actor: Actor, now: string, teamId?: string): Promise<void> {
    await this.update((c) => {
      const stored: RegisteredChannel = { ...channelReference(reference), registered: { at: now, by: actor.name }, ...(teamId ? { teamId } : {}) };
      const before = c.channels[role]?.conversation?.id ?? null;
      c.channels[role] = stored;
      c.events.push({ at: now, actor: actorRef(actor), action: 'channel.register', subject: role, before, after: stored.conversation?.id ?? null });
      return true;
    });
  }

  /**
   * Keeps a personal chat's reference. The id of the message it came with is left out: a proactive
   * message starts a new message in the chat, and without it the stored reference stays the same from
   * one message to the next – so a chat is written when it first appears or moves, not on every turn
   * (the check runs on the cached document, without the lock).
   */
  async rememberPersonal(aadObjectId: string, reference: StoredReference): Promise<void> {
    const { activityId: _message, ...chat } = reference;
    const same = (c: Conversations) => JSON.stringify(c.personal[aadObjectId]) === JSON.stringify(chat);
    if (same(await this.read())) return;
    await this.update((c) => {
      if (same(c)) return false;
      c.personal[aadObjectId] = chat;
      return true;
    });
  }

  /**
   * Forgets a personal chat when the user uninstalled the bot: nothing is sent there any more, and nothing
   * is kept of it. Returns whether there was one.
   */
  async forgetPersonal(aadObjectId: string): Promise<boolean> {
    if (!(await this.read()).personal[aadObjectId]) return false;
    let forgotten = false;
    await this.update((c) => {
      if (!c.personal[aadObjectId]) return false;
      delete c.personal[aadObjectId];
      forgotten = true;
      return true;
    });
    return forgotten;
  }

  /**
   * The bot was removed from a team: its channels registered there are dropped (audited like a
   * registration). A channel registered before the team was recorded is recognised only if it is the
   * team's General channel, whose id is the team's. Returns the roles dropped.
   */
  async dropTeamChannels(teamId: string, actor: Actor, now: string): Promise<ChannelRole[]> {
    const inTeam = (c: Conversations) =>
      (Object.keys(c.channels) as ChannelRole[]).filter((role) => {
        const channel = c.channels[role];
        return channel && (channel.teamId ? channel.teamId === teamId : channel.conversation?.id === teamId);
      });
    if (inTeam(await this.read()).length === 0) return [];
    let dropped: ChannelRole[] = [];
    await this.update((c) => {
      dropped = inTeam(c);
      for (const role of dropped) {
        const before = c.channels[role]?.conversation?.id ?? null;
        delete c.channels[role];
        c.events.push({ at: now, actor: actorRef(actor), action: 'channel.unregister', subject: role, before, after: null, reason: 'Bot aus dem Team entfernt' });
      }
      return dropped.length > 0;
    });
    return dropped;
  }

  /** Keeps the id of the year's status card, posted in `channelId` (a card in another channel is no longer updated). */
  async rememberStatusCard(year: number, activityId: string, channelId: string): Promise<void> {
    await this.update((c) => {
      c.statusCards[year] = { activityId, channelId };
      return true;
    });
  }

  /** Drops a card Teams no longer has (deleted in the channel), unless another has taken its place meanwhile. */
  async forgetStatusCard(year: number, activityId: string): Promise<void> {
    await this.update((c) => {
      if (c.statusCards[year]?.activityId !== activityId) return false;
      delete c.statusCards[year];
      return true;
    });
  }

  /** Records that these clerks ("<object id>:<AGS>") were told the year's list is there. */
  async rememberListNotices(year: number, keys: readonly string[], now: string): Promise<void> {
    if (!keys.length) return;
    await this.update((c) => {
      c.listNotices[year] = { ...(c.listNotices[year] ?? {}), ...Object.fromEntries(keys.map((k) => [k, now])) };
      return true;
    });
  }

  private async update(change: (c: Conversations) => boolean): Promise<void> {
    await this.repo.updateDocument<Conversations, void>(DOCUMENT, (current) => {
      const next = { ...empty(), ...structuredClone(current ?? {}) } as Conversations;
      return change(next) ? { next, result: undefined } : { result: undefined };
    });
  }
}

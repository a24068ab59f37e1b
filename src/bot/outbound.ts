/**
 * Messages the bot sends on its own (not as the answer to a turn): channel posts and card updates.
 * Behind an interface so tests can record them (botbuilder's TestAdapter cannot continue a
 * conversation) and so the rate-limited sender (sender.ts) can wrap the real one.
 */
import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import type { StoredReference } from './conversations';
import type { Logger } from './log';

export interface Outbound {
  /** Posts an activity into a conversation; returns the new activity's id. */
  send(reference: StoredReference, activity: Partial<Activity>): Promise<string | undefined>;
  /** Replaces an activity the bot posted earlier (e.g. the channel's status card). */
  update(reference: StoredReference, activityId: string, activity: Partial<Activity>): Promise<void>;
}

/**
 * Sends through the Bot Framework connector at the conversation's service URL. Two things matter:
 * - A failed call rejects. Inside continueConversationAsync an error would reach the adapter's
 *   onTurnError, which logs it and returns, so a 429 or 403 would look like success.
 * - The connector client's own retry policy is removed: core-rest-pipeline retries up to 3 times by
 *   itself, unseen by the rate limits; RateLimitedOutbound does the retrying, with jitter.
 */
export class AdapterOutbound implements Outbound {
  private warned = false;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botId: string,
    private readonly logger?: Logger,
  ) {}

  send(reference: StoredReference, activity: Partial<Activity>): Promise<string | undefined> {
    return this.run(reference, async (context) => (await context.sendActivity(activity))?.id);
  }

  update(reference: StoredReference, activityId: string, activity: Partial<Activity>): Promise<void> {
    return this.run(reference, async (context) => {
      await context.updateActivity({ ...activity, id: activityId, conversation: context.activity.conversation });
    });
  }

  private async run<T>(reference: StoredReference, logic: (context: TurnContext) => Promise<T>): Promise<T> {
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    await this.adapter.continueConversationAsync(this.botId, reference, async (context) => {
      this.withoutClientRetries(context);
      try {
        outcome = { ok: true, value: await logic(context) };
      } catch (error) {
        outcome = { ok: false, error };
      }
    });
    if (!outcome) throw new Error('continueConversationAsync did not run the logic');
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  /** The connector client is made afresh for every continueConversationAsync, so this touches no other call. */
  private withoutClientRetries(context: TurnContext): void {
    // `client` is private in botbuilder's typings (@azure/core-client ServiceClient); the versions are pinned.
    const connector = context.turnState.get(context.adapter.ConnectorClientKey) as
      | { client?: { pipeline?: { removePolicy?(options: { name: string }): unknown[] } } }
      | undefined;
    const removed = connector?.client?.pipeline?.removePolicy?.({ name: 'defaultRetryPolicy' }) ?? [];
    if (!removed.length && !this.warned) {
      this.warned = true;
      this.logger?.warn('outbound.clientRetriesActive', {});
    }
  }
}

/** Keeps what would have been sent (for tests and dry runs). */
export class RecordingOutbound implements Outbound {
  readonly sent: { reference: StoredReference; activity: Partial<Activity>; id: string }[] = [];
  readonly updated: { reference: StoredReference; activityId: string; activity: Partial<Activity> }[] = [];

  async send(reference: StoredReference, activity: Partial<Activity>): Promise<string> {
    const id = `sent-${this.sent.length + 1}`;
    this.sent.push({ reference, activity, id });
    return id;
  }

  async update(reference: StoredReference, activityId: string, activity: Partial<Activity>): Promise<void> {
    this.updated.push({ reference, activityId, activity });
  }
}

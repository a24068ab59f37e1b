/**
 * Messages the bot sends on its own (not as the answer to a turn): channel posts and card updates.
 * Behind an interface so tests can record them (botbuilder's TestAdapter cannot continue a
 * conversation) and so the rate-limited sender can replace the simple one.
 */
import type { Activity, CloudAdapter } from 'botbuilder';
import type { StoredReference } from './conversations';

export interface Outbound {
  /** Posts an activity into a conversation; returns the new activity's id. */
  send(reference: StoredReference, activity: Partial<Activity>): Promise<string | undefined>;
  /** Replaces an activity the bot posted earlier (e.g. a channel summary card). */
  update(reference: StoredReference, activityId: string, activity: Partial<Activity>): Promise<void>;
}

/** Sends through the Bot Framework connector of the conversation's service URL. */
export class AdapterOutbound implements Outbound {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botId: string,
  ) {}

  async send(reference: StoredReference, activity: Partial<Activity>): Promise<string | undefined> {
    let id: string | undefined;
    await this.adapter.continueConversationAsync(this.botId, reference, async (context) => {
      id = (await context.sendActivity(activity))?.id;
    });
    return id;
  }

  async update(reference: StoredReference, activityId: string, activity: Partial<Activity>): Promise<void> {
    await this.adapter.continueConversationAsync(this.botId, reference, async (context) => {
      await context.updateActivity({ ...activity, id: activityId, conversation: context.activity.conversation });
    });
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

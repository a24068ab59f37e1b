/**
 * Step 2 in Teams: one status card per year in the municipalities' channel – every Gemeinde's name,
 * persons, due date and state, nothing personal – kept up to date in place after every change, and a
 * notice to each rostered clerk in her personal chat. The channel is shared by all Gemeinden; a clerk
 * opens her own list from the card's button ("Meine Liste öffnen", ownActions.ts).
 */
import type { Activity } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import type { IntmApp } from '../app';
import type { StatusReport } from '../app/overviewService';
import { channelStatusCard, listNoticeCard } from '../cards';
import type { Actor } from '../domain/actor';
import { publishedFigures } from '../app/officialFigures';
import { assessDecision, type DecisionBook } from '../domain/decision';
import { summarise } from '../domain/status';
import type { Locale } from '../i18n/messages';
import { statusCardIn, type ConversationStore, type StoredReference } from './conversations';
import { Background } from './background';
import type { Logger } from './log';
import { errorKind } from './log';
import { sendToStaff } from './notify';
import type { Outbound } from './outbound';
import type { Outbox } from './outbox';

export interface SendResult {
  /** The status card: posted afresh, updated in place, or not in the channel (then no list was sent). */
  channel: 'posted' | 'updated' | 'failed';
  /** Lists newly recorded as sent in this run. */
  lists: number;
  /** Staff told in their personal chat in this run. */
  notified: number;
  /** Gemeinden with a notice that could not be delivered ("listen versenden" again tries only those). */
  failed: string[];
  /** Gemeinden with staff none of whom the bot can reach (bot not installed). */
  unreachable: string[];
  /** Gemeinden without staff in the roster. */
  noStaff: string[];
}

/** Teams refused an update because it has no such activity in that conversation (HTTP 404). */
function activityNotFound(e: unknown): boolean {
  const err = (e ?? {}) as { status?: unknown; statusCode?: unknown; response?: { status?: unknown } };
  return [err.status, err.statusCode, err.response?.status].includes(404);
}

/** The status as it is once the lists not sent yet are: shown on the card posted before they are recorded as sent. */
function asSent(report: StatusReport): StatusReport {
  const rows = report.rows.map((r) => (r.sent ? r : { ...r, sent: true, listState: r.listState === 'importiert' ? ('versendet' as const) : r.listState }));
  return { ...report, rows, summary: summarise(rows) };
}

export class SummaryCards {
  /** Years whose card has an update queued or running; a change meanwhile only marks it dirty. */
  private readonly refreshing = new Set<number>();
  private readonly dirty = new Set<number>();
  /**
   * Years whose lists are being sent, with whom to tell when done (by conversation): one run per year at a
   * time, or two runs would each post a card and notify every clerk.
   */
  private readonly sending = new Map<number, Map<string, (result: SendResult) => Promise<void>>>();
  /** Cards waiting for the lists to be left alone for `quietMs` (see refreshWhenQuiet), with the first change's time. */
  private readonly waiting = new Map<number, { timer: NodeJS.Timeout; since: number }>();
  readonly background: Background;
  private readonly quietMs: number;
  private readonly outbox?: Pick<Outbox, 'keep'>;

  constructor(
    private readonly app: IntmApp,
    private readonly conversations: ConversationStore,
    private readonly outbound: Outbound,
    private readonly logger: Logger,
    options: { background?: Background; quietMs?: number; outbox?: Pick<Outbox, 'keep'> } = {},
  ) {
    this.background = options.background ?? new Background(logger);
    this.quietMs = options.quietMs ?? 0;
    if (options.outbox) this.outbox = options.outbox;
  }

  /**
   * After a click that changes counts only: updates the card once nobody has changed a list for `quietMs`,
   * but no later than three times that after the first such change. A clerk's list opened from the
   * channel card is shown in that card's place to her alone; when the bot edits the message, Teams shows
   * the new card to everyone, her included, so an update after every click would take the list away
   * from whoever works on it. Submitting, reopening, deciding and publishing update at once (refresh).
   */
  refreshWhenQuiet(year: number): void {
    if (this.quietMs <= 0) return this.refresh(year);
    const pending = this.waiting.get(year);
    const since = pending?.since ?? Date.now();
    if (pending) {
      if (Date.now() - since >= 2 * this.quietMs) return; // due soon anyway: the counts must not lag for ever
      clearTimeout(pending.timer);
    }
    const timer = setTimeout(() => {
      this.waiting.delete(year);
      this.refresh(year);
    }, this.quietMs);
    timer.unref();
    this.waiting.set(year, { timer, since });
  }

  /**
   * Posts (or updates) the year's status card, records the lists as sent and tells each rostered clerk
   * in her personal chat. Not guarded against a second run of the same year: call it through
   * sendAllInBackground, which is.
   */
  async sendAll(year: number, actor: Actor, channel: StoredReference): Promise<SendResult> {
    const result: SendResult = { channel: 'failed', lists: 0, notified: 0, failed: [], unreachable: [], noStaff: [] };
    const channelId = channel.conversation?.id ?? '';
    // The card shows the lists as sent; they are recorded as sent only once it is in the channel, so a
    // failed post leaves them unsent (no reminders, no deadline) and "listen versenden" tries again.
    try {
      result.channel = await this.postOrUpdate(year, channel, channelId, asSent(await this.app.overview.status(year)));
    } catch (e) {
      this.logger.error('status.sendFailed', { year, error: errorKind(e) });
      return result;
    }
    let unsent = 0;
    for (const g of this.app.ctx.verzeichnis.all) {
      try {
        if ((await this.app.review.markSent(year, g.ags, { actor })).changed) result.lists++;
      } catch (e) {
        unsent++;
        this.logger.error('status.markSentFailed', { year, ags: g.ags, error: errorKind(e) });
      }
    }
    // The card showed every list as sent: one that could not be recorded so is shown as it is.
    if (unsent) this.refresh(year);
    await this.notifyStaff(year, result);
    this.logger.info('status.sent', { year, channel: result.channel, lists: result.lists, notified: result.notified, failed: result.failed.length, unreachable: result.unreachable.length, noStaff: result.noStaff.length });
    return result;
  }

  private async postOrUpdate(year: number, channel: StoredReference, channelId: string, report: StatusReport): Promise<'posted' | 'updated'> {
    const activity = this.activityFor(report);
    // Only a card posted in this channel can be updated: after the channel was registered anew, it is posted there afresh.
    const known = statusCardIn(await this.conversations.read(), year, channelId);
    if (known) {
      try {
        await this.outbound.update(channel, known, activity);
        return 'updated';
      } catch (e) {
        // The card is gone (deleted in the channel): a new one takes its place.
        if (!activityNotFound(e)) throw e;
        this.logger.warn('status.cardGone', { year });
      }
    }
    const id = await this.outbound.send(channel, activity);
    if (id) await this.conversations.rememberStatusCard(year, id, channelId);
    return 'posted';
  }

  /** The notice to each clerk of a Gemeinde whose list is sent, once per clerk and Gemeinde (see Conversations.listNotices). */
  private async notifyStaff(year: number, result: SendResult): Promise<void> {
    const [status, conversations] = await Promise.all([this.app.overview.status(year), this.conversations.read()]);
    const told = conversations.listNotices[year] ?? {};
    const deps = { app: this.app, conversations: this.conversations, outbound: this.outbound, logger: this.logger };
    for (const row of status.rows) {
      if (!row.sent) continue;
      const gemeinde = { ags: row.ags, name: row.name };
      const card = (locale: Locale) => listNoticeCard({ locale, year, gemeinde, persons: row.counts.persons, due: row.due });
      const reach = await sendToStaff(deps, row.ags, card, 'listNotice', (id) => !!told[`${id}:${row.ags}`]);
      // Recorded right after delivery: a run cut off here sends no notice twice.
      await this.conversations.rememberListNotices(year, reach.delivered.map((id) => `${id}:${row.ags}`), this.app.ctx.clock.now());
      result.notified += reach.sent;
      if (reach.failed) result.failed.push(row.name);
      else if (reach.unreachable) result.unreachable.push(row.name);
      else if (!reach.sent && !(await this.app.roster.staffOf(row.ags)).length) result.noStaff.push(row.name);
    }
  }

  /**
   * Sends the lists in the background: the notices to the clerks, at Teams' 7 per second, take longer than
   * a message turn may. `done` reports the result (to the coordinator's conversation, `reportTo`). While a
   * run of the year is going, another starts nothing and returns false, but its `done` hears the running
   * one's result too (once per conversation).
   */
  sendAllInBackground(year: number, actor: Actor, channel: StoredReference, reportTo: string, done: (result: SendResult) => Promise<void>): boolean {
    const running = this.sending.get(year);
    if (running) {
      if (!running.has(reportTo)) running.set(reportTo, done);
      this.logger.info('status.alreadySending', { year });
      return false;
    }
    const reports = new Map([[reportTo, done]]);
    this.sending.set(year, reports);
    this.background.run('status.sendAll', async () => {
      let result: SendResult;
      try {
        // Another instance on the same database sending the same year's lists goes first; this run then finds the card to update.
        result = await this.app.coordination.exclusively(`lists.send:${year}`, () => this.sendAll(year, actor, channel));
      } finally {
        this.sending.delete(year);
      }
      for (const report of reports.values()) {
        try {
          await report(result);
        } catch (e) {
          this.logger.error('status.reportFailed', { year, error: errorKind(e) });
        }
      }
    });
    return true;
  }

  /**
   * Updates the year's card after a change; failures are logged, never surfaced to the clicking user. A
   * burst of changes coalesces: while an update is queued, further calls only mark the card dirty, and one
   * more update with the latest state follows – so however many Gemeinden click, the card is edited one
   * update at a time, through the rate-limited sender.
   */
  refresh(year: number): void {
    const pending = this.waiting.get(year);
    if (pending) {
      clearTimeout(pending.timer);
      this.waiting.delete(year);
    }
    if (this.refreshing.has(year)) {
      this.dirty.add(year);
      return;
    }
    this.refreshing.add(year);
    this.background.run('status.refresh', async () => {
      try {
        do {
          this.dirty.delete(year);
          // One update of the card at a time across instances, each from the state read inside the lock: an
          // instance that read an older state cannot overwrite a newer card after another's update.
          const goOn = await this.app.coordination.exclusively(`status-card:${year}`, () => this.updateStatusCard(year));
          if (!goOn) return;
        } while (this.dirty.has(year));
      } finally {
        this.refreshing.delete(year);
      }
    });
  }

  /** Edits the year's status card to the current state; false when there is no card to edit (any more). */
  private async updateStatusCard(year: number): Promise<boolean> {
    const conversations = await this.conversations.read();
    const channel = conversations.channels.gemeinden;
    const activityId = channel && statusCardIn(conversations, year, channel.conversation?.id);
    if (!channel || !activityId) return false;
    // No lists (discarded for a new import under another period): the card stays until the lists are sent again.
    if ((await this.app.ctx.repo.readLists(year)).length === 0) return false;
    try {
      await this.outbound.update(channel, activityId, this.activityFor(await this.app.overview.status(year)));
      return true;
    } catch (e) {
      if (!activityNotFound(e)) {
        // Not delivered (Teams unreachable, or the bot stopping): kept and sent after the restart (outbox.ts).
        await this.outbox?.keep([{ kind: 'statusCard', year }]);
        throw e;
      }
      // Deleted in the channel: not posted again behind the coordinator's back; "listen versenden" posts it anew.
      this.logger.warn('status.cardGone', { year });
      await this.conversations.forgetStatusCard(year, activityId);
      return false;
    }
  }

  /**
   * Posts the year's status card anew in the channel where it is and keeps the new id, so that later
   * updates reach it: for a client that lost the channel's history (the Agents Playground keeps none
   * across a restart or a reload; see bot/replay.ts). Only a card posted before; nothing is marked sent.
   */
  async postAgain(year: number): Promise<boolean> {
    return this.app.coordination.exclusively(`status-card:${year}`, async () => {
      const conversations = await this.conversations.read();
      const channel = conversations.channels.gemeinden;
      const channelId = channel?.conversation?.id;
      if (!channel || !channelId || !statusCardIn(conversations, year, channelId)) return false;
      try {
        const id = await this.outbound.send(channel, this.activityFor(await this.app.overview.status(year)));
        if (id) await this.conversations.rememberStatusCard(year, id, channelId);
        return !!id;
      } catch (e) {
        this.logger.error('status.postAgainFailed', { year, error: errorKind(e) });
        return false;
      }
    });
  }

  /** Sends the update still waiting for quiet, and resolves when every card update has finished (clean shutdown, tests). */
  idle(): Promise<void> {
    for (const year of [...this.waiting.keys()]) this.refresh(year);
    return this.background.idle();
  }

  /**
   * After a decision or a Verbund confirmation: updates the card if a decision it shows changed from
   * `before` to `after` – the deciding Gemeinde's, or a partner's whose Verbund became valid or was left.
   * Before publication the card shows no decision: it is not updated.
   */
  refreshDecisions(year: number, before: DecisionBook, after: DecisionBook): void {
    this.background.run('status.refreshDecisions', async () => {
      const figures = publishedFigures(await this.app.campaigns.show(year));
      if (!figures) return;
      // What the card shows of a decision (channelStatusCard): the choice and whether it is valid.
      const shown = (book: DecisionBook, ags: string) => {
        const a = assessDecision(book, ags, figures.amounts, figures.campaign);
        return `${a.choice}/${a.valid}`;
      };
      if (this.app.ctx.verzeichnis.all.some((g) => shown(before, g.ags) !== shown(after, g.ags))) this.refresh(year);
    });
  }

  /** The card for the channel: German, as every channel post (the bot cannot know every reader's language). */
  private activityFor(report: StatusReport): Partial<Activity> {
    return { type: 'message', attachments: [CardFactory.adaptiveCard(channelStatusCard(report, 'de'))] };
  }
}

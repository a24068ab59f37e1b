/**
 * Step 2 in Teams: one summary card per Gemeinde in the municipalities' channel, and keeping it up to
 * date after every change. The channel is shared by all Gemeinden, so these cards carry counts and
 * state only.
 */
import type { Activity } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import type { IntmApp } from '../app';
import { publishedFigures } from '../app/officialFigures';
import { summaryCard } from '../cards';
import type { Actor } from '../domain/actor';
import { assessDecision, type DecisionBook } from '../domain/decision';
import { DomainError } from '../domain/errors';
import { summaryCardsIn, type ConversationStore, type StoredReference } from './conversations';
import { Background } from './background';
import type { Logger } from './log';
import { errorKind } from './log';
import type { Outbound } from './outbound';
import type { Outbox } from './outbox';
import { summaryView } from './views';

export interface SendResult {
  posted: number;
  updated: number;
  failed: number;
}

/** Teams refused an update because it has no such activity in that conversation (HTTP 404). */
function activityNotFound(e: unknown): boolean {
  const err = (e ?? {}) as { status?: unknown; statusCode?: unknown; response?: { status?: unknown } };
  return [err.status, err.statusCode, err.response?.status].includes(404);
}

export class SummaryCards {
  /** Cards with an update queued or running; a change meanwhile only marks them dirty. */
  private readonly refreshing = new Set<string>();
  private readonly dirty = new Set<string>();
  /**
   * Years whose cards are being sent, with whom to tell when done (by conversation): one run per year at a
   * time, or two runs would each post all 46.
   */
  private readonly sending = new Map<number, Map<string, (result: SendResult) => Promise<void>>>();
  /** Cards waiting for their list to be left alone for `quietMs` (see refreshWhenQuiet). */
  private readonly waiting = new Map<string, { timer: NodeJS.Timeout; year: number; ags: string }>();
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
   * Updates the card once nobody has changed the list for `quietMs`. A list opened from the channel card is
   * shown in that card's place to the one who opened it; when the bot edits the message, Teams may show
   * the new card to everyone, that person included (a user-specific view lasts only until the next edit
   * unless the card has a refresh for them), so an update after every click could take the list away
   * from the person working on it. Counts in the channel lag by at most that long after the last click;
   * submitting, reopening and publishing update at once (refresh).
   */
  refreshWhenQuiet(year: number, ags: string): void {
    if (this.quietMs <= 0) return this.refresh(year, ags);
    const key = `${year}:${ags}`;
    const pending = this.waiting.get(key);
    if (pending) clearTimeout(pending.timer);
    const timer = setTimeout(() => {
      this.waiting.delete(key);
      this.refresh(year, ags);
    }, this.quietMs);
    timer.unref();
    this.waiting.set(key, { timer, year, ags });
  }

  /**
   * Posts (or updates) every Gemeinde's card and records the lists as sent. Not guarded against a second
   * run of the same year: call it through sendAllInBackground, which is.
   */
  async sendAll(year: number, actor: Actor, channel: StoredReference): Promise<SendResult> {
    const result: SendResult = { posted: 0, updated: 0, failed: 0 };
    const channelId = channel.conversation?.id ?? '';
    // Only cards posted in this channel can be updated: after the channel was registered anew, all are posted there afresh.
    const known = summaryCardsIn(await this.conversations.read(), year, channelId);
    for (const g of this.app.ctx.verzeichnis.all) {
      try {
        // The card shows the list as sent; it is recorded as sent only once the card is in the channel,
        // so a failed post leaves it unsent (no reminders, no deadline) and "listen versenden" tries again.
        const activity = await this.activityFor(year, g.ags, actor);
        if (!activity) throw new DomainError('list.notFound', { ags: g.ags, year });
        let updated = false;
        if (known[g.ags]) {
          try {
            await this.outbound.update(channel, known[g.ags], activity);
            updated = true;
          } catch (e) {
            // The card is gone (deleted in the channel, or from before a re-registration): a new one takes its place.
            if (!activityNotFound(e)) throw e;
            this.logger.warn('summary.cardGone', { year, ags: g.ags });
          }
        }
        if (updated) {
          result.updated++;
        } else {
          const id = await this.outbound.send(channel, activity);
          if (id) await this.conversations.rememberSummaryCard(year, g.ags, id, channelId);
          result.posted++;
        }
        await this.app.review.markSent(year, g.ags, { actor });
      } catch (e) {
        result.failed++;
        this.logger.error('summary.sendFailed', { year, ags: g.ags, error: errorKind(e) });
      }
    }
    this.logger.info('summary.sent', { year, ...result });
    return result;
  }

  /**
   * Sends all cards in the background: 46 posts at Teams' 7 per second take longer than a message
   * turn may. `done` reports the result (to the coordinator's conversation, `reportTo`). While a run of the
   * year is going, another starts nothing and returns false – both would find no card posted yet and post
   * all 46 – but its `done` hears the running one's result too (once per conversation).
   */
  sendAllInBackground(year: number, actor: Actor, channel: StoredReference, reportTo: string, done: (result: SendResult) => Promise<void>): boolean {
    const running = this.sending.get(year);
    if (running) {
      if (!running.has(reportTo)) running.set(reportTo, done);
      this.logger.info('summary.alreadySending', { year });
      return false;
    }
    const reports = new Map([[reportTo, done]]);
    this.sending.set(year, reports);
    this.background.run('summary.sendAll', async () => {
      let result: SendResult;
      try {
        result = await this.sendAll(year, actor, channel);
      } finally {
        this.sending.delete(year);
      }
      for (const report of reports.values()) {
        try {
          await report(result);
        } catch (e) {
          this.logger.error('summary.reportFailed', { year, error: errorKind(e) });
        }
      }
    });
    return true;
  }

  /**
   * Updates one Gemeinde's card after a change; failures are logged, never surfaced to the clicking
   * user. A burst of changes to one list coalesces: while an update is queued, further calls only
   * mark the card dirty, and one more update with the latest state follows.
   */
  refresh(year: number, ags: string): void {
    const key = `${year}:${ags}`;
    const pending = this.waiting.get(key);
    if (pending) {
      clearTimeout(pending.timer);
      this.waiting.delete(key);
    }
    if (this.refreshing.has(key)) {
      this.dirty.add(key);
      return;
    }
    this.refreshing.add(key);
    this.background.run('summary.refresh', async () => {
      try {
        do {
          this.dirty.delete(key);
          const conversations = await this.conversations.read();
          const channel = conversations.channels.gemeinden;
          const activityId = channel && summaryCardsIn(conversations, year, channel.conversation?.id)[ags];
          if (!channel || !activityId) return;
          const activity = await this.activityFor(year, ags);
          // No list (the year's lists were discarded for a new import): the card stays until the lists are sent again.
          if (!activity) return;
          try {
            await this.outbound.update(channel, activityId, activity);
          } catch (e) {
            if (!activityNotFound(e)) {
              // Not delivered (Teams unreachable, or the bot stopping): kept and sent after the restart (outbox.ts).
              await this.outbox?.keep([{ kind: 'summaryCard', year, ags }]);
              throw e;
            }
            // Deleted in the channel: not posted again behind the coordinator's back; "listen versenden" posts it anew.
            this.logger.warn('summary.cardGone', { year, ags });
            await this.conversations.forgetSummaryCard(year, ags, activityId);
            return;
          }
        } while (this.dirty.has(key));
      } finally {
        this.refreshing.delete(key);
      }
    });
  }

  /** Sends the updates still waiting for quiet, and resolves when every card update has finished (clean shutdown, tests). */
  idle(): Promise<void> {
    for (const { year, ags } of [...this.waiting.values()]) this.refresh(year, ags);
    return this.background.idle();
  }

  /**
   * Posts the year's cards anew, in the channel where they are, and keeps the new ids so that later
   * updates reach them: for a client that lost the channel's history (the Agents Playground keeps none
   * across a restart or a reload; see bot/replay.ts). Only cards posted before; nothing is marked sent.
   */
  async postAgain(year: number): Promise<number> {
    const conversations = await this.conversations.read();
    const channel = conversations.channels.gemeinden;
    const channelId = channel?.conversation?.id;
    const known = summaryCardsIn(conversations, year, channelId);
    let posted = 0;
    for (const g of this.app.ctx.verzeichnis.all) {
      if (!channel || !channelId || !known[g.ags]) continue;
      try {
        const activity = await this.activityFor(year, g.ags);
        const id = activity && (await this.outbound.send(channel, activity));
        if (id) await this.conversations.rememberSummaryCard(year, g.ags, id, channelId);
        if (id) posted++;
      } catch (e) {
        this.logger.error('summary.postAgainFailed', { year, ags: g.ags, error: errorKind(e) });
      }
    }
    return posted;
  }

  /** Updates every Gemeinde's card (after publication). */
  refreshAll(year: number): void {
    for (const g of this.app.ctx.verzeichnis.all) this.refresh(year, g.ags);
  }

  /**
   * After a decision or a Verbund confirmation: updates the cards whose decision line changed from `before`
   * to `after` – the deciding Gemeinde, and the partners of an old or new Verbund whose choice or validity
   * moved with it – not all 46. Before publication the cards show no decision at all: none is updated.
   */
  refreshDecisions(year: number, before: DecisionBook, after: DecisionBook): void {
    this.background.run('summary.refreshDecisions', async () => {
      const figures = publishedFigures(await this.app.campaigns.show(year));
      if (!figures) return;
      // What the card shows of a decision (activityFor): the choice and whether it is valid.
      const shown = (book: DecisionBook, ags: string) => {
        const a = assessDecision(book, ags, figures.amounts, figures.campaign);
        return `${a.choice}/${a.valid}`;
      };
      for (const g of this.app.ctx.verzeichnis.all) {
        if (shown(before, g.ags) !== shown(after, g.ags)) this.refresh(year, g.ags);
      }
    });
  }

  /** The Gemeinde's summary card; with `sendingAs`, the list as it stands once that coordinator has sent it. */
  private async activityFor(year: number, ags: string, sendingAs?: Actor): Promise<Partial<Activity> | undefined> {
    const record = await this.app.campaigns.show(year);
    const stored = await this.app.ctx.repo.readList(year, ags);
    if (!stored) return undefined;
    const list = sendingAs && !stored.sent ? { ...stored, sent: { at: this.app.ctx.clock.now(), by: { id: sendingAs.id, name: sendingAs.name } } } : stored;
    const name = this.app.ctx.verzeichnis.byKey(ags)!.name;
    const view = summaryView('de', year, name, list, record.campaign, this.app.ctx.clock.today());
    const figures = publishedFigures(record);
    const published = figures?.report?.rows.find((r) => r.ags === ags);
    if (figures && published) {
      const book = await this.app.ctx.repo.readDecisions(year);
      // Assessed as every other view after publication: the published amounts and cost per VZÄ.
      const assessment = assessDecision(book, ags, figures.amounts, figures.campaign);
      // Without a decision by the deadline the Landkreis does it: the card says so instead of "offen".
      const defaulted = assessment.choice === 'offen' && this.app.ctx.clock.today() > record.campaign.deadlines.decision;
      view.published = {
        amount: published.amount,
        vzae: published.vzae,
        decision: defaulted ? 'landkreis' : assessment.choice,
        decisionValid: assessment.valid,
        decisionDeadline: record.campaign.deadlines.decision,
      };
    }
    return { type: 'message', attachments: [CardFactory.adaptiveCard(summaryCard(view))] };
  }
}

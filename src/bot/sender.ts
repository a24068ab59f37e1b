/**
 * The one way the bot posts on its own: a queue per conversation that keeps to Teams' rate limits
 * (per bot and conversation: 7 messages a second, 60 in 30 seconds, 1,800 an hour) and retries what
 * Teams calls transient (HTTP 412, 429, 502, 504; also 503 and network errors) with exponential
 * backoff, full jitter and Retry-After. A send that finally fails rejects its own promise and is
 * logged; the queue goes on with the next message and nothing escapes as an unhandled rejection.
 *
 * It wraps `AdapterOutbound` (outbound.ts), which lets a failed HTTP call reject and switches off the
 * connector client's own retries, so that retries happen here only, once, within the rate limits.
 */
import { createHash } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { RateLimit } from '../app/ports';
import { nextAllowedAt } from '../app/rateWindow';
import type { StoredReference } from './conversations';
import type { Logger, LogFields } from './log';
import { errorKind } from './log';
import type { Outbound } from './outbound';

export type { RateLimit };

/** Teams' limits per bot and conversation (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit). */
export const TEAMS_CONVERSATION_LIMITS: readonly RateLimit[] = [
  { windowMs: 1_000, max: 7 },
  { windowMs: 30_000, max: 60 },
  { windowMs: 3_600_000, max: 1_800 },
];

/** Statuses Teams documents as transient (412, 429, 502, 504), plus 503, which means the same. */
export const RETRY_STATUSES: readonly number[] = [412, 429, 502, 503, 504];

/** Errors of the socket, not of Teams: the request may not have arrived, so it is worth another try. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface SenderOptions {
  logger: Logger;
  /** Milliseconds on a monotonic-enough clock (default Date.now); only differences are used. */
  now?: () => number;
  /** Waits `ms`; should end early when `signal` aborts (the default clears its timer). */
  sleep?: Sleep;
  /** In [0, 1), for the jitter (default Math.random). */
  random?: () => number;
  /** Per conversation (default: Teams'). */
  limits?: readonly RateLimit[];
  /**
   * Added to every window: our clock and Teams' differ by the network's latency, so a send exactly
   * one window after the 7th-last may still land in the same window at Teams. Default 100 ms.
   */
  windowMarginMs?: number;
  /** Requests in flight at once over all conversations (default 4). */
  maxInFlight?: number;
  /** Attempts per message for retryable statuses, the first included (default 6). */
  maxAttempts?: number;
  /** Attempts per message for network errors (default 4). */
  networkAttempts?: number;
  /** Backoff before retry n is random in [0, min(maxDelayMs, baseDelayMs · 2^(n−1))) ("full jitter"). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A longer Retry-After fails the message rather than holding its conversation's queue (default 60 s). */
  maxRetryAfterMs?: number;
  /** An attempt that has not answered by then counts as failed (default 60 s; 0 = never). */
  attemptTimeoutMs?: number;
  retryStatuses?: readonly number[];
  /**
   * Reserves a request across bot instances (InstanceCoordination.reserveSend): 0 when reserved, else
   * the milliseconds to wait. Without it this process's own count is all there is.
   */
  reserveShared?: (key: string, limits: readonly RateLimit[], marginMs: number) => Promise<number>;
}

export type FailureReason = 'status' | 'network' | 'timeout' | 'retryAfterTooLong' | 'error' | 'stopped';

/** Why a message was not delivered. The message says nothing about the message's content. */
export class OutboundError extends Error {
  override readonly name = 'OutboundError';

  constructor(
    readonly op: 'send' | 'update',
    readonly reason: FailureReason,
    readonly attempts: number,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(`outbound ${op} failed: ${reason}${status ? ` ${status}` : ''} after ${attempts} attempt(s)`, options);
  }
}

/** An attempt that got no answer within attemptTimeoutMs. */
class AttemptTimeout extends Error {
  override readonly name = 'AttemptTimeout';
}

/** An attempt still on the wire when a stop's time was up (finishWithin). */
class AttemptCutOff extends Error {
  override readonly name = 'AttemptCutOff';
}

export interface SenderStats {
  /** Messages delivered: posts and updates. */
  sent: number;
  /** Retries made (a message tried 3 times counts 2). */
  retried: number;
  /** Messages given up on. */
  failed: number;
  /** Waiting in a queue or being delivered. */
  pending: number;
}

interface Job {
  op: 'send' | 'update';
  call: () => Promise<unknown>;
  resolve: (value: any) => void;
  reject: (error: unknown) => void;
}

/** One conversation: its queue (one message at a time, in order) and when its requests went out. */
interface Lane {
  key: string;
  /** A hash of the key for the log: conversation ids of personal chats identify people. */
  tag: string;
  queue: Job[];
  /** Start times of recent attempts, ascending; older than the longest window are dropped. */
  stamps: number[];
  pump?: Promise<void>;
}

interface Verdict {
  retry: boolean;
  reason: FailureReason;
  status?: number;
  code?: string;
  retryAfterMs?: number;
}

const defaultSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });

/** The rate limits count per conversation; a channel thread (`;messageid=…`) is part of its channel. */
export function conversationKey(reference: StoredReference): string {
  const serviceUrl = (reference.serviceUrl ?? '').replace(/\/+$/, '').toLowerCase();
  const id = reference.conversation?.id?.split(';')[0];
  if (!id) throw new TypeError('conversation reference without conversation id');
  return `${serviceUrl}|${id}`;
}

export class RateLimitedOutbound implements Outbound {
  private readonly logger: Logger;
  private readonly now: () => number;
  private readonly sleep: Sleep;
  private readonly random: () => number;
  private readonly limits: readonly RateLimit[];
  private readonly margin: number;
  private readonly longestWindow: number;
  private readonly maxInFlight: number;
  private readonly maxAttempts: number;
  private readonly networkAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly attemptTimeoutMs: number;
  private readonly retryStatuses: ReadonlySet<number>;
  private readonly reserveShared: SenderOptions['reserveShared'];

  private readonly lanes = new Map<string, Lane>();
  private inFlight = 0;
  private readonly slotWaiters: (() => void)[] = [];
  /** Waits in progress (rate limit, backoff), woken at once when stop() gives up. */
  private readonly sleepers = new Set<AbortController>();
  private stopping = false;
  private abandoned = false;
  /** Set by finishWithin: by when (this.now()) everything must have settled. */
  private deadline?: number;
  /** Aborted when finishWithin's time is up: attempts still on the wire give up. */
  private readonly cutOff = new AbortController();
  private deadlineTimer?: AbortController;
  private readonly counts = { sent: 0, retried: 0, failed: 0, pending: 0 };

  constructor(
    private readonly inner: Outbound,
    options: SenderOptions,
  ) {
    this.logger = options.logger;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.limits = options.limits ?? TEAMS_CONVERSATION_LIMITS;
    this.margin = options.windowMarginMs ?? 100;
    this.longestWindow = Math.max(0, ...this.limits.map((l) => l.windowMs)) + this.margin;
    this.maxInFlight = options.maxInFlight ?? 4;
    this.maxAttempts = options.maxAttempts ?? 6;
    this.networkAttempts = options.networkAttempts ?? 4;
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    this.attemptTimeoutMs = options.attemptTimeoutMs ?? 60_000;
    this.retryStatuses = new Set(options.retryStatuses ?? RETRY_STATUSES);
    this.reserveShared = options.reserveShared;
    for (const l of this.limits) if (!(l.max >= 1 && l.windowMs > 0)) throw new RangeError('a rate limit needs max ≥ 1 and windowMs > 0');
  }

  send(reference: StoredReference, activity: Partial<Activity>): Promise<string | undefined> {
    return this.enqueue(reference, 'send', () => this.inner.send(reference, activity));
  }

  update(reference: StoredReference, activityId: string, activity: Partial<Activity>): Promise<void> {
    return this.enqueue(reference, 'update', () => this.inner.update(reference, activityId, activity));
  }

  stats(): SenderStats {
    return { ...this.counts };
  }

  /** Resolves when every queue is empty and nothing is in flight. */
  async idle(): Promise<void> {
    for (;;) {
      const pumps = [...this.lanes.values()].flatMap((l) => (l.pump ? [l.pump] : []));
      if (!pumps.length) return;
      await Promise.all(pumps); // pumps never reject
    }
  }

  /**
   * Shutdown: refuses new messages at once, lets the queues drain for up to `timeoutMs`, then gives
   * up on what is still waiting (those reject with reason 'stopped'). A request already on the wire
   * cannot be called back; its promise still settles when it answers.
   */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.stopping = true;
    const deadline = new AbortController();
    let drained = false;
    await Promise.race([
      this.idle().then(() => (drained = true)),
      this.sleep(timeoutMs, deadline.signal),
    ]);
    deadline.abort(); // clears the default sleep's timer so it does not hold the process open
    this.deadlineTimer?.abort();
    if (!drained) {
      this.abandoned = true;
      for (const sleeper of this.sleepers) sleeper.abort();
    }
    this.logger.info('outbound.stopped', { drained, pending: this.counts.pending, sent: this.counts.sent, failed: this.counts.failed });
  }

  /**
   * A stop with a hard end (stop-and-outbox change: a clean stop must end within seconds also when Teams
   * cannot be reached; before, card updates queued at the stop were retried for over a minute before
   * stop()'s timeout applied). From now on no wait – rate limit, backoff, Retry-After – may reach past
   * `ms`: such a message fails at once as 'stopped'. When the time is up, everything still queued, waiting
   * or on the wire fails as 'stopped'. New messages are still taken until then (a stop sends the card
   * updates it has waiting); the callers keep what failed for after the restart (outbox.ts).
   */
  finishWithin(ms: number): void {
    if (this.deadline !== undefined) return;
    this.deadline = this.now() + ms;
    const timer = new AbortController();
    this.deadlineTimer = timer;
    void this.sleep(ms, timer.signal).then(() => {
      if (timer.signal.aborted) return;
      this.abandoned = true;
      for (const sleeper of this.sleepers) sleeper.abort();
      this.cutOff.abort();
    });
  }

  /** Whether a wait of `ms` from now still ends before finishWithin's time is up. */
  private inTime(ms: number): boolean {
    return this.deadline === undefined || this.now() + ms <= this.deadline;
  }

  private enqueue<T>(reference: StoredReference, op: 'send' | 'update', call: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.stopping) {
        this.counts.failed++;
        this.logger.warn('outbound.refused', { op, reason: 'stopped' });
        reject(new OutboundError(op, 'stopped', 0));
        return;
      }
      let key: string;
      try {
        key = conversationKey(reference);
      } catch (e) {
        reject(e);
        return;
      }
      let lane = this.lanes.get(key);
      if (!lane) {
        lane = { key, tag: createHash('sha256').update(key).digest('hex').slice(0, 12), queue: [], stamps: [] };
        this.lanes.set(key, lane);
      }
      lane.queue.push({ op, call, resolve, reject });
      this.counts.pending++;
      if (!lane.pump) this.startPump(lane);
    });
  }

  private startPump(lane: Lane): void {
    lane.pump = this.drain(lane)
      // The last net: drain() settles every job itself, but a bug here must not become an unhandled
      // rejection (which ends the Node process).
      .catch((e) => this.logger.error('outbound.queueError', { conversation: lane.tag, error: errorKind(e) }))
      .finally(() => {
        lane.pump = undefined;
        // A message queued after drain() found the queue empty but before this ran: go on with it.
        if (lane.queue.length) this.startPump(lane);
        else this.forgetQuietLanes();
      });
  }

  /** Delivers a conversation's messages one after the other, in the order they were queued. */
  private async drain(lane: Lane): Promise<void> {
    for (let job = lane.queue.shift(); job; job = lane.queue.shift()) {
      try {
        await this.deliver(lane, job);
      } catch (e) {
        // deliver() settles the job itself; should it throw anyway, the job still must settle.
        this.fail(lane, job, new OutboundError(job.op, 'error', 0, undefined, { cause: e }), { reason: 'error', error: errorKind(e) });
      }
    }
  }

  /** Forgets conversations with nothing queued whose requests are older than every window. */
  private forgetQuietLanes(): void {
    const now = this.now();
    for (const lane of this.lanes.values()) {
      this.prune(lane, now);
      if (!lane.pump && !lane.queue.length && !lane.stamps.length) this.lanes.delete(lane.key);
    }
  }

  private async deliver(lane: Lane, job: Job): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const allowed = await this.keepToLimits(lane);
      if (this.abandoned || !allowed) return this.fail(lane, job, new OutboundError(job.op, 'stopped', attempt - 1), { reason: 'stopped', attempts: attempt - 1 });
      await this.acquireSlot();
      // Every attempt counts against Teams' limits, a failed one too.
      lane.stamps.push(this.now());
      let verdict: Verdict;
      let failure: unknown;
      try {
        const value = await this.withTimeout(job.call());
        this.counts.sent++;
        this.counts.pending--;
        job.resolve(value);
        return;
      } catch (e) {
        failure = e;
        verdict = this.judge(e, job.op);
      } finally {
        this.releaseSlot();
      }
      if (verdict.retry && verdict.retryAfterMs !== undefined && verdict.retryAfterMs > this.maxRetryAfterMs) {
        verdict = { ...verdict, retry: false, reason: 'retryAfterTooLong' };
      }
      const limit = verdict.reason === 'network' ? this.networkAttempts : this.maxAttempts;
      const fields: LogFields = { status: verdict.status, code: verdict.code };
      // The backoff is drawn only for a retry that may happen (the jitter's random numbers stay in step).
      const delayMs = verdict.retry && attempt < limit && !this.abandoned ? this.backoff(attempt, verdict.retryAfterMs) : 0;
      const late = verdict.retry && !this.inTime(delayMs);
      if (!verdict.retry || attempt >= limit || this.abandoned || late) {
        const reason = verdict.retry && (this.abandoned || late) ? 'stopped' : verdict.reason;
        const error = new OutboundError(job.op, reason, attempt, verdict.status, { cause: failure });
        return this.fail(lane, job, error, { ...fields, reason, attempts: attempt, error: reason === 'error' ? errorKind(failure) : undefined });
      }
      this.counts.retried++;
      this.logger.warn('outbound.retry', { op: job.op, conversation: lane.tag, ...fields, attempt, delayMs, retryAfterMs: verdict.retryAfterMs });
      await this.pause(delayMs);
    }
  }

  private fail(lane: Lane, job: Job, error: OutboundError, fields: LogFields): void {
    this.counts.failed++;
    this.counts.pending--;
    this.logger.error('outbound.failed', { op: job.op, conversation: lane.tag, ...fields });
    job.reject(error);
  }

  /** What went wrong, and is it worth another try? */
  private judge(e: unknown, op: 'send' | 'update'): Verdict {
    const err = (e ?? {}) as { statusCode?: unknown; status?: unknown; code?: unknown; response?: { status?: unknown; headers?: unknown }; cause?: { code?: unknown } };
    if (e instanceof AttemptCutOff) return { retry: false, reason: 'stopped' };
    if (e instanceof AttemptTimeout) {
      // Teams may have received the post and only the answer is late: posting again could show the
      // message twice. Replacing a card again is harmless.
      return { retry: op === 'update', reason: 'timeout' };
    }
    const status = [err.statusCode, err.status, err.response?.status].find((s): s is number => typeof s === 'number' && s >= 100);
    const code = [err.code, err.cause?.code].find((c): c is string => typeof c === 'string' && /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(c));
    if (status !== undefined) {
      const retryAfterMs = retryAfter(err.response?.headers ?? (err as { headers?: unknown }).headers);
      return { retry: this.retryStatuses.has(status), reason: 'status', status, code, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
    }
    if (code && NETWORK_CODES.has(code)) return { retry: true, reason: 'network', code };
    return { retry: false, reason: 'error', code };
  }

  /** Full jitter (random in [0, min(cap, base·2^(n−1)))), but never sooner than Teams asked. */
  private backoff(attempt: number, retryAfterMs?: number): number {
    const ceiling = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
    const jittered = Math.floor(this.random() * ceiling);
    return Math.max(jittered, retryAfterMs ?? 0);
  }

  /**
   * Waits until one more request keeps this conversation within every window: first by this process's
   * own count, then, with other instances, by the count they share (which also reserves the request).
   * False when a wait would end after finishWithin's time (the message then fails at once instead of
   * waiting in vain).
   */
  private async keepToLimits(lane: Lane): Promise<boolean> {
    for (;;) {
      const now = this.now();
      this.prune(lane, now);
      const until = nextAllowedAt(lane.stamps, this.limits, this.margin, now);
      if (this.abandoned) return true;
      if (until > now) {
        if (!this.inTime(until - now)) return false;
        await this.pause(until - now);
        continue;
      }
      const wait = await this.sharedWait(lane);
      if (wait <= 0 || this.abandoned) return true;
      if (!this.inTime(wait)) return false;
      await this.pause(wait);
    }
  }

  /** The other instances' sends to this conversation: how long to wait (0: reserved, go). */
  private async sharedWait(lane: Lane): Promise<number> {
    if (!this.reserveShared) return 0;
    try {
      return await this.reserveShared(lane.key, this.limits, this.margin);
    } catch (e) {
      // The shared count is unreachable (database down): this process's own count still holds, and a
      // message is better sent a little fast than not at all; Teams answers 429 if it was too fast.
      this.logger.warn('outbound.sharedLimitUnavailable', { conversation: lane.tag, error: errorKind(e) });
      return 0;
    }
  }

  private prune(lane: Lane, now: number): void {
    let old = 0;
    while (old < lane.stamps.length && lane.stamps[old]! <= now - this.longestWindow) old++;
    if (old) lane.stamps.splice(0, old);
  }

  /** A wait that stop() can cut short. */
  private pause(ms: number): Promise<void> {
    if (ms <= 0 || this.abandoned) return Promise.resolve();
    const waker = new AbortController();
    this.sleepers.add(waker);
    return new Promise<void>((resolve) => {
      const done = (): void => {
        this.sleepers.delete(waker);
        resolve();
      };
      waker.signal.addEventListener('abort', done, { once: true });
      this.sleep(ms, waker.signal).then(done, done);
    }).finally(() => waker.abort()); // stops the timer of a sleep that lost the race
  }

  private acquireSlot(): Promise<void> {
    if (this.inFlight < this.maxInFlight) {
      this.inFlight++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.slotWaiters.push(resolve));
  }

  private releaseSlot(): void {
    const next = this.slotWaiters.shift();
    if (next) next(); // the slot passes straight on: inFlight stays the same
    else this.inFlight--;
  }

  private withTimeout<T>(call: Promise<T>): Promise<T> {
    // finishWithin's time up: the answer is no longer waited for (the request cannot be called back).
    let onCutOff: (() => void) | undefined;
    const cutOff = new Promise<never>((_resolve, reject) => {
      onCutOff = () => reject(new AttemptCutOff());
      if (this.cutOff.signal.aborted) onCutOff();
      else this.cutOff.signal.addEventListener('abort', onCutOff, { once: true });
    });
    const racers: Promise<T>[] = [call, cutOff];
    const timer = new AbortController();
    if (this.attemptTimeoutMs) {
      const timeout = this.sleep(this.attemptTimeoutMs, timer.signal).then(() => {
        if (!timer.signal.aborted) throw new AttemptTimeout();
      });
      racers.push(timeout as Promise<never>);
    }
    // race() handles a late rejection of the losers, so none can become unhandled.
    return Promise.race(racers).finally(() => {
      timer.abort();
      this.cutOff.signal.removeEventListener('abort', onCutOff!);
    });
  }
}

/**
 * Retry-After in milliseconds: seconds (RFC 9110; fractions tolerated) or an HTTP date, or Azure's
 * retry-after-ms / x-ms-retry-after-ms. Headers come as core-rest-pipeline HttpHeaders (get()) or as
 * a plain object.
 */
export function retryAfter(headers: unknown): number | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const get = (name: string): string | undefined => {
    const h = headers as { get?: (n: string) => unknown } & Record<string, unknown>;
    const value = typeof h.get === 'function' ? h.get(name) : (h[name] ?? Object.entries(h).find(([k]) => k.toLowerCase() === name)?.[1]);
    return value === undefined || value === null ? undefined : String(value).trim();
  };
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const value = get(name);
    if (value && /^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value));
  }
  const value = get('retry-after');
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  // An HTTP date is wall-clock time, so this one compares with Date.now(), not the injected clock.
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

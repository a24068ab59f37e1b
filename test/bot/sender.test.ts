/**
 * RateLimitedOutbound on a virtual clock: rate windows per conversation, order, parallel
 * conversations, the global in-flight limit, retries with backoff and Retry-After, final failures,
 * timeouts and shutdown. Nothing here waits in real time.
 *
 * Unhandled rejections: Jest 30 (jest-circus) listens on the real process and fails the running
 * test on one; a `process.on('unhandledRejection')` inside a test file never fires, because it is
 * registered on the sandbox's own process object. So every test below awaits until the sender is
 * idle (any stray rejection happens while the test still runs and fails it), and every promise the
 * sender returns is awaited or checked.
 */
import type { Activity } from 'botbuilder';
import type { StoredReference } from '../../src/bot/conversations';
import { memoryLogger } from '../../src/bot/log';
import type { Outbound } from '../../src/bot/outbound';
import { nextAllowedAt, recentStamps } from '../../src/app/rateWindow';
import { OutboundError, RateLimitedOutbound, TEAMS_CONVERSATION_LIMITS, conversationKey, retryAfter, type SenderOptions, type Sleep } from '../../src/bot/sender';

/** Time stands still until every promise has done what it can; then it jumps to the next timer. */
class VirtualClock {
  time = 0;
  private timers: { at: number; seq: number; fire: () => void }[] = [];
  private seq = 0;

  readonly now = (): number => this.time;

  readonly sleep: Sleep = (ms, signal) =>
    new Promise<void>((resolve) => {
      const timer = { at: this.time + Math.max(0, ms), seq: this.seq++, fire: resolve };
      this.timers.push(timer);
      signal?.addEventListener(
        'abort',
        () => {
          this.timers = this.timers.filter((t) => t !== timer);
          resolve();
        },
        { once: true },
      );
    });

  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Runs the world until `done` settles; fails if it could never settle. */
  async until<T>(done: Promise<T>): Promise<T> {
    let settled = false;
    done.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (;;) {
      await flush();
      if (settled) return done;
      if (!this.timers.length) throw new Error(`stuck at ${this.time} ms: nothing left to wait for`);
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift()!;
      this.time = Math.max(this.time, next.at);
      next.fire();
    }
  }
}

/** All promise callbacks that can run now have run (the fakes below never use real timers or I/O). */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

const HANG = Symbol('hang');
type Answer = Error | typeof HANG | Promise<void>;

interface Call {
  op: 'send' | 'update';
  at: number;
  conversation: string;
  text: string;
}

/** The connector as the sender sees it: records each call's time, answers from a script, then succeeds. */
class FakeOutbound implements Outbound {
  readonly calls: Call[] = [];
  readonly script: Answer[] = [];
  active = 0;
  maxActive = 0;

  constructor(private readonly clock: VirtualClock) {}

  send(reference: StoredReference, activity: Partial<Activity>): Promise<string | undefined> {
    return this.answer('send', reference, activity);
  }

  async update(reference: StoredReference, _activityId: string, activity: Partial<Activity>): Promise<void> {
    await this.answer('update', reference, activity);
  }

  private async answer(op: 'send' | 'update', reference: StoredReference, activity: Partial<Activity>): Promise<string> {
    this.calls.push({ op, at: this.clock.now(), conversation: reference.conversation!.id!, text: activity.text ?? '' });
    const n = this.calls.length;
    const next = this.script.shift();
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    try {
      if (next === HANG) await new Promise(() => {});
      if (next instanceof Error) throw next;
      if (next) await next;
      return `id-${n}`;
    } finally {
      this.active--;
    }
  }
}

/** Shaped like the RestError that @azure/core-rest-pipeline throws for a non-2xx answer. */
function httpError(status: number, headers: Record<string, string> = {}): Error {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return Object.assign(new Error(`status ${status}`), {
    name: 'RestError',
    statusCode: status,
    code: `Status${status}`,
    response: { status, headers: { get: (name: string) => lower[name.toLowerCase()] } },
  });
}

function networkError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:443`), { name: 'RestError', code });
}

const SERVICE = 'https://smba.trafficmanager.net/emea/';
const ref = (conversationId: string): StoredReference => ({ serviceUrl: SERVICE, channelId: 'msteams', conversation: { id: conversationId } as StoredReference['conversation'] });
const msg = (text: string): Partial<Activity> => ({ type: 'message', text });
const SECRET = 'Geheimtext Musterfrau';

function setup(options: Partial<SenderOptions> = {}) {
  const clock = new VirtualClock();
  const inner = new FakeOutbound(clock);
  const logger = memoryLogger();
  const sender = new RateLimitedOutbound(inner, { logger, now: clock.now, sleep: clock.sleep, random: () => 0.5, ...options });
  const events = (name: string) => logger.lines.map((l) => JSON.parse(l)).filter((l) => l.event === name);
  return { clock, inner, logger, sender, events };
}

/** The most requests in any half-open window (t − w, t]: what Teams counts. */
function maxInWindow(times: number[], windowMs: number): number {
  let most = 0;
  for (let start = 0, end = 0; end < times.length; end++) {
    while (times[start]! <= times[end]! - windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

/** Runs `work` on the virtual clock until the sender is idle; returns each promise's outcome. */
async function settle(clock: VirtualClock, sender: RateLimitedOutbound, work: Promise<unknown>[]): Promise<PromiseSettledResult<unknown>[]> {
  const all = Promise.allSettled(work);
  await clock.until(all.then(() => sender.idle()));
  return all;
}

describe('rate limits per conversation', () => {
  test('100 posts to one conversation: at most 7 a second and 60 in 30 s, in order, and no slower than needed', async () => {
    const { clock, inner, sender } = setup();
    const ids = await clock.until(Promise.all(Array.from({ length: 100 }, (_, i) => sender.send(ref('19:one@thread.tacv2'), msg(`m${i}`)))));
    const times = inner.calls.map((c) => c.at);
    expect(inner.calls.map((c) => c.text)).toEqual(Array.from({ length: 100 }, (_, i) => `m${i}`));
    expect(ids).toEqual(Array.from({ length: 100 }, (_, i) => `id-${i + 1}`));
    expect(maxInWindow(times, 1_000)).toBe(7);
    expect(maxInWindow(times, 30_000)).toBe(60);
    for (let i = 0; i + 7 < times.length; i++) expect(times[i + 7]! - times[i]!).toBeGreaterThanOrEqual(1_000);
    for (let i = 0; i + 60 < times.length; i++) expect(times[i + 60]! - times[i]!).toBeGreaterThanOrEqual(30_000);
    // The first 7 go at once; with the 100 ms safety margin the 8th waits 1.1 s, the 61st 30.1 s.
    expect(times.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(times[7]).toBe(1_100);
    expect(times[60]).toBe(30_100);
    expect(times[99]).toBeLessThanOrEqual(36_000);
    expect(sender.stats()).toEqual({ sent: 100, retried: 0, failed: 0, pending: 0 });
  });

  test('1,850 posts to one conversation: at most 1,800 in any hour', async () => {
    const { clock, inner, sender } = setup();
    await clock.until(Promise.all(Array.from({ length: 1_850 }, (_, i) => sender.send(ref('19:busy@thread.tacv2'), msg(`m${i}`)))));
    const times = inner.calls.map((c) => c.at);
    expect(maxInWindow(times, 3_600_000)).toBe(1_800);
    expect(times[1_800]! - times[0]!).toBeGreaterThanOrEqual(3_600_000);
    expect(maxInWindow(times, 1_000)).toBeLessThanOrEqual(7);
    expect(maxInWindow(times, 30_000)).toBeLessThanOrEqual(60);
  });

  test('two conversations go in parallel; threads of one channel share its limit', async () => {
    const { clock, inner, sender } = setup();
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 14; i++) {
      work.push(sender.send(ref('19:a@thread.tacv2'), msg(`a${i}`)));
      work.push(sender.send(ref(`19:b@thread.tacv2;messageid=${i % 2 ? '111' : '222'}`), msg(`b${i}`)));
    }
    await settle(clock, sender, work);
    const a = inner.calls.filter((c) => c.text.startsWith('a'));
    const b = inner.calls.filter((c) => c.text.startsWith('b'));
    // b does not wait for a: both send their first 7 at once and the next 7 one window later.
    expect(a.map((c) => c.at)).toEqual([...Array(7).fill(0), ...Array(7).fill(1_100)]);
    expect(b.map((c) => c.at)).toEqual([...Array(7).fill(0), ...Array(7).fill(1_100)]);
    expect(b.map((c) => c.text)).toEqual(Array.from({ length: 14 }, (_, i) => `b${i}`));
  });

  test('service URL and thread suffix make the key; the log only sees a hash of it', () => {
    expect(conversationKey(ref('19:x@thread.tacv2;messageid=42'))).toBe(conversationKey({ ...ref('19:x@thread.tacv2'), serviceUrl: SERVICE.toUpperCase().replace(/\/$/, '') }));
    expect(conversationKey(ref('19:x@thread.tacv2'))).not.toBe(conversationKey({ ...ref('19:x@thread.tacv2'), serviceUrl: 'https://smba.trafficmanager.net/amer/' }));
  });

  test('configurable limits, and at most maxInFlight requests at once over all conversations', async () => {
    const { clock, inner, sender } = setup({ limits: [{ windowMs: 10_000, max: 2 }], maxInFlight: 3 });
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    inner.script.push(...Array(10).fill(gate));
    const work = Array.from({ length: 10 }, (_, i) => sender.send(ref(`a:personal-${i}`), msg(`p${i}`)));
    work.push(...[1, 2, 3].map((i) => sender.send(ref('a:personal-0'), msg(`again${i}`))));
    await flush();
    expect(inner.active).toBe(3);
    open();
    await settle(clock, sender, work);
    expect(inner.maxActive).toBe(3);
    expect(inner.calls).toHaveLength(13);
    // Conversation 0 has 2 per 10 s: its 3rd message waits for the window, its 4th for the next.
    expect(inner.calls.filter((c) => c.conversation === 'a:personal-0').map((c) => c.at)).toEqual([0, 0, 10_100, 10_100]);
  });
});

describe('rate limits shared by several instances', () => {
  /** What a shared store does for reserveSend (PostgreSQL under a lock per conversation): the same arithmetic. */
  function sharedCount(clock: VirtualClock) {
    const stamps = new Map<string, number[]>();
    let calls = 0;
    const reserve = async (key: string, limits: readonly { windowMs: number; max: number }[], margin: number): Promise<number> => {
      calls++;
      const now = clock.now();
      const recent = recentStamps(stamps.get(key) ?? [], limits, margin, now);
      const until = nextAllowedAt(recent, limits, margin, now);
      if (until <= now) recent.push(now);
      stamps.set(key, recent);
      return until - now;
    };
    return { reserve, calls: () => calls };
  }

  test('two senders posting to one conversation together keep to 7 a second and 60 in 30 s', async () => {
    const clock = new VirtualClock();
    const inner = new FakeOutbound(clock);
    const shared = sharedCount(clock);
    const make = () => new RateLimitedOutbound(inner, { logger: memoryLogger(), now: clock.now, sleep: clock.sleep, random: () => 0.5, reserveShared: shared.reserve });
    const [one, two] = [make(), make()];
    const work = Array.from({ length: 80 }, (_, i) => (i % 2 ? one : two).send(ref('19:shared@thread.tacv2'), msg(`m${i}`)));
    await clock.until(Promise.all(work).then(() => Promise.all([one.idle(), two.idle()])));
    const times = inner.calls.map((c) => c.at);
    expect(times).toHaveLength(80);
    expect(maxInWindow(times, 1_000)).toBe(7);
    expect(maxInWindow(times, 30_000)).toBe(60);
    expect(shared.calls()).toBeGreaterThanOrEqual(80);
  });

  test('without the shared count (database down) each sender still keeps its own limits, and says so in the log', async () => {
    const { clock, inner, sender, events } = setup({ reserveShared: () => Promise.reject(new Error('connect ECONNREFUSED')) });
    await settle(clock, sender, Array.from({ length: 10 }, (_, i) => sender.send(ref('19:x@thread.tacv2'), msg(`m${i}`))));
    expect(inner.calls).toHaveLength(10);
    expect(maxInWindow(inner.calls.map((c) => c.at), 1_000)).toBe(7);
    expect(events('outbound.sharedLimitUnavailable').length).toBeGreaterThan(0);
  });
});

describe('retries', () => {
  test('429 twice, then success: retried with growing, jittered delays', async () => {
    const { clock, inner, sender, events } = setup();
    inner.script.push(httpError(429), httpError(429));
    const id = await clock.until(sender.send(ref('19:r@thread.tacv2'), msg(SECRET)));
    expect(id).toBe('id-3');
    // random() = 0.5: half of 500 ms, then half of 1,000 ms.
    expect(inner.calls.map((c) => c.at)).toEqual([0, 250, 750]);
    expect(events('outbound.retry').map((e) => [e.status, e.attempt, e.delayMs])).toEqual([
      [429, 1, 250],
      [429, 2, 500],
    ]);
    expect(sender.stats()).toEqual({ sent: 1, retried: 2, failed: 0, pending: 0 });
  });

  test('Retry-After is honoured (never sooner), in seconds or as an HTTP date', async () => {
    const { clock, inner, sender } = setup();
    inner.script.push(httpError(429, { 'Retry-After': '3' }), httpError(429, { 'Retry-After': '1' }), httpError(503, { 'retry-after-ms': '1500' }));
    await clock.until(sender.send(ref('19:r@thread.tacv2'), msg('x')));
    expect(inner.calls.map((c) => c.at)).toEqual([0, 3_000, 4_000, 5_500]);
    expect(retryAfter({ get: () => new Date(Date.now() + 5_000).toUTCString() })).toBeGreaterThan(3_000);
    expect(retryAfter({ 'Retry-After': '0.5' })).toBe(500);
    expect(retryAfter({ get: () => 'soon' })).toBeUndefined();
  });

  test('the backoff grows exponentially up to the cap, with full jitter', async () => {
    const { clock, inner, sender, events } = setup({ random: () => 0.999, maxAttempts: 8, maxDelayMs: 8_000 });
    inner.script.push(...Array(7).fill(null).map(() => httpError(502)));
    await clock.until(sender.send(ref('19:r@thread.tacv2'), msg('x')));
    expect(events('outbound.retry').map((e) => e.delayMs)).toEqual([499, 999, 1_998, 3_996, 7_992, 7_992, 7_992]);
  });

  test('a Retry-After beyond the limit fails at once instead of blocking the conversation', async () => {
    const { clock, inner, sender } = setup();
    inner.script.push(httpError(429, { 'Retry-After': '3600' }));
    const [first, second] = await settle(clock, sender, [sender.send(ref('19:r@thread.tacv2'), msg('x')), sender.send(ref('19:r@thread.tacv2'), msg('y'))]);
    expect(first).toMatchObject({ status: 'rejected', reason: { reason: 'retryAfterTooLong', status: 429, attempts: 1 } });
    expect(second).toMatchObject({ status: 'fulfilled', value: 'id-2' });
    expect(clock.time).toBe(0);
  });

  test.each([403, 404, 400, 401, 500])('%d fails at once, without a retry', async (status) => {
    const { clock, inner, sender, events, logger } = setup();
    inner.script.push(httpError(status));
    const error = await clock.until(sender.send(ref('19:r@thread.tacv2'), msg(SECRET)).catch((e: unknown) => e));
    expect(error).toBeInstanceOf(OutboundError);
    expect(error).toMatchObject({ name: 'OutboundError', op: 'send', reason: 'status', status, attempts: 1 });
    expect(inner.calls).toHaveLength(1);
    expect(sender.stats()).toEqual({ sent: 0, retried: 0, failed: 1, pending: 0 });
    expect(events('outbound.failed')).toEqual([
      { level: 'error', event: 'outbound.failed', op: 'send', conversation: expect.stringMatching(/^[0-9a-f]{12}$/), status, code: `Status${status}`, reason: 'status', attempts: 1 },
    ]);
    for (const line of logger.lines) expect(line).not.toMatch(/Geheim|Musterfrau|19:r@thread/);
    expect(String((error as Error).message)).not.toMatch(/Geheim/);
  });

  test('502 six times: the message fails (rejected and logged), the queue goes on with the next', async () => {
    const { clock, inner, sender, events } = setup();
    inner.script.push(...Array(6).fill(null).map(() => httpError(502)));
    const conversation = ref('19:q@thread.tacv2');
    const [failed, next, update] = await settle(clock, sender, [
      sender.send(conversation, msg('first')),
      sender.send(conversation, msg('second')),
      sender.update(conversation, 'id-1', msg('third')),
    ]);
    expect(failed).toMatchObject({ status: 'rejected', reason: { reason: 'status', status: 502, attempts: 6 } });
    expect(next).toEqual({ status: 'fulfilled', value: 'id-7' });
    expect(update).toEqual({ status: 'fulfilled', value: undefined });
    expect(inner.calls.map((c) => c.text)).toEqual([...Array(6).fill('first'), 'second', 'third']);
    expect(events('outbound.retry')).toHaveLength(5);
    expect(events('outbound.failed')).toMatchObject([{ op: 'send', status: 502, attempts: 6 }]);
    expect(sender.stats()).toEqual({ sent: 2, retried: 5, failed: 1, pending: 0 });
  });

  test('412 and 504 are retried too', async () => {
    const { clock, inner, sender } = setup();
    inner.script.push(httpError(412), httpError(504));
    await expect(clock.until(sender.update(ref('19:r@thread.tacv2'), 'a1', msg('x')))).resolves.toBeUndefined();
    expect(inner.calls).toHaveLength(3);
  });

  test('network errors are retried a few times (networkAttempts), then fail', async () => {
    const { clock, inner, sender } = setup();
    inner.script.push(networkError('ECONNREFUSED'), networkError('ECONNRESET'));
    await expect(clock.until(sender.send(ref('a:1'), msg('x')))).resolves.toBe('id-3');
    inner.script.push(...['ETIMEDOUT', 'ECONNRESET', 'ECONNRESET', 'ECONNRESET', 'ECONNRESET'].map(networkError));
    await expect(clock.until(sender.send(ref('a:2'), msg('y')))).rejects.toMatchObject({ reason: 'network', attempts: 4 });
    expect(inner.calls).toHaveLength(7);
  });

  test('an error that is not from HTTP (a bug, a bad activity) fails at once', async () => {
    const { clock, inner, sender, events } = setup();
    inner.script.push(new TypeError('cannot read x of undefined'));
    const [r] = await settle(clock, sender, [sender.send(ref('a:1'), msg('x'))]);
    expect(r).toMatchObject({ status: 'rejected', reason: { reason: 'error', attempts: 1 } });
    expect(events('outbound.failed')[0]).toMatchObject({ reason: 'error', error: 'TypeError' });
  });

  test('a hanging request times out: a post is not repeated (it may have arrived), an update is', async () => {
    const { clock, inner, sender } = setup({ attemptTimeoutMs: 20_000 });
    inner.script.push(HANG, HANG);
    const conversation = ref('19:t@thread.tacv2');
    const [post, update] = await settle(clock, sender, [sender.send(conversation, msg('p')), sender.update(conversation, 'id-0', msg('u'))]);
    expect(post).toMatchObject({ status: 'rejected', reason: { reason: 'timeout', attempts: 1 } });
    expect(update).toEqual({ status: 'fulfilled', value: undefined });
    expect(inner.calls.map((c) => [c.op, c.at])).toEqual([
      ['send', 0],
      ['update', 20_000],
      ['update', 40_250],
    ]);
    expect(clock.pendingTimers).toBe(0);
  });

  test('a reference without a conversation is rejected, not thrown', async () => {
    const { sender } = setup();
    await expect(sender.send({ serviceUrl: SERVICE }, msg('x'))).rejects.toThrow(TypeError);
  });
});

describe('shutdown', () => {
  test('idle: stop() returns at once and later sends are refused', async () => {
    const { clock, sender, events } = setup();
    await clock.until(sender.send(ref('a:1'), msg('x')));
    await clock.until(sender.stop(5_000));
    expect(clock.time).toBe(0);
    expect(clock.pendingTimers).toBe(0);
    await expect(sender.send(ref('a:1'), msg('y'))).rejects.toMatchObject({ reason: 'stopped', attempts: 0 });
    expect(events('outbound.stopped')).toMatchObject([{ drained: true }]);
  });

  test('stop() drains what is queued while it can', async () => {
    const { clock, inner, sender } = setup();
    inner.script.push(httpError(429, { 'Retry-After': '2' }));
    const work = [1, 2, 3].map((i) => sender.send(ref('a:1'), msg(`m${i}`)));
    const stopped = sender.stop(5_000);
    const results = await clock.until(Promise.allSettled(work));
    await clock.until(stopped);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(clock.time).toBe(2_000);
  });

  test('after the timeout it gives up: backoffs end, queued messages reject, stop() returns', async () => {
    const { clock, inner, sender, events } = setup();
    inner.script.push(httpError(429, { 'Retry-After': '30' }), HANG);
    const waiting = [sender.send(ref('a:1'), msg('backoff')), sender.send(ref('a:1'), msg('queued'))];
    const onWire = sender.send(ref('a:2'), msg('hangs'));
    const outcomes = Promise.allSettled(waiting);
    await clock.until(sender.stop(5_000));
    expect(clock.time).toBe(5_000);
    expect(await clock.until(outcomes)).toMatchObject([
      { status: 'rejected', reason: { reason: 'stopped', attempts: 1 } },
      { status: 'rejected', reason: { reason: 'stopped', attempts: 0 } },
    ]);
    expect(events('outbound.stopped')).toMatchObject([{ drained: false }]);
    // The request on the wire still settles: here its attempt times out (60 s) and fails.
    await expect(clock.until(onWire)).rejects.toMatchObject({ reason: 'timeout' });
    expect(inner.calls.map((c) => c.text)).toEqual(['backoff', 'hangs']);
    await clock.until(sender.idle());
  });
});

describe('a stop with a hard end (finishWithin)', () => {
  test('no wait reaches past the end: a retry, a Retry-After or a rate-limit wait beyond it fails at once as stopped', async () => {
    const { clock, inner, sender } = setup({ limits: [{ windowMs: 10_000, max: 1 }] });
    inner.script.push(httpError(429, { 'Retry-After': '30' }));
    sender.finishWithin(5_000);
    const retried = sender.send(ref('a:1'), msg('retry-after'));
    // The window of 10 s is full after the first send of a:2: the second would wait past the end.
    const first = sender.send(ref('a:2'), msg('first'));
    const second = sender.send(ref('a:2'), msg('second'));
    const outcomes = await clock.until(Promise.allSettled([retried, first, second]));
    expect(outcomes).toMatchObject([
      { status: 'rejected', reason: { reason: 'stopped', attempts: 1 } },
      { status: 'fulfilled' },
      { status: 'rejected', reason: { reason: 'stopped', attempts: 0 } },
    ]);
    // Nothing waited: every outcome was known at once.
    expect(clock.time).toBe(0);
    await clock.until(sender.stop(5_000));
  });

  test('new messages are still taken until the end; an attempt still on the wire then is given up as stopped', async () => {
    const { clock, inner, sender, events } = setup();
    inner.script.push(HANG);
    sender.finishWithin(5_000);
    const hanging = sender.send(ref('a:1'), msg('hangs'));
    const later = sender.send(ref('a:2'), msg('taken'));
    expect(await clock.until(later)).toMatch(/^id-/);
    await expect(clock.until(hanging)).rejects.toMatchObject({ reason: 'stopped' });
    expect(clock.time).toBe(5_000);
    await clock.until(sender.stop(5_000));
    expect(events('outbound.stopped')).toMatchObject([{ drained: true }]);
    expect(clock.pendingTimers).toBe(0);
  });
});

test('the defaults are Teams’ limits', () => {
  expect(TEAMS_CONVERSATION_LIMITS).toEqual([
    { windowMs: 1_000, max: 7 },
    { windowMs: 30_000, max: 60 },
    { windowMs: 3_600_000, max: 1_800 },
  ]);
});

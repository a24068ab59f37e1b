/**
 * The sender against real HTTP: botbuilder's adapter (local mode, no bot id, as startBot makes it)
 * posts to a connector on 127.0.0.1 that answers 429 with Retry-After, 502 or 403 on purpose.
 * Checks that the retries happen here (the connector client's own retry policy is off), that they
 * keep to Retry-After, and that failures reach the caller instead of vanishing in onTurnError.
 */
import { createAdapter } from '../../src/bot/adapter';
import type { StoredReference } from '../../src/bot/conversations';
import { memoryLogger } from '../../src/bot/log';
import { AdapterOutbound } from '../../src/bot/outbound';
import { OutboundError, RateLimitedOutbound } from '../../src/bot/sender';
import { startFlakyConnector, type FlakyConnector } from './flakyConnector';

let connector: FlakyConnector;
const logger = memoryLogger();
let sender: RateLimitedOutbound;
let channel: StoredReference;

beforeAll(async () => {
  connector = await startFlakyConnector();
  const adapter = createAdapter({ botId: '', botPassword: '', botTenantId: '', botType: 'SingleTenant' }, logger);
  // Small base delay so the test is quick; Retry-After still sets the floor.
  sender = new RateLimitedOutbound(new AdapterOutbound(adapter, '', logger), { logger, baseDelayMs: 20, maxDelayMs: 200 });
  channel = {
    serviceUrl: connector.url + '/',
    channelId: 'msteams',
    bot: { id: '28:bot', name: 'IntM-Bot' },
    conversation: { id: '19:flaky@thread.tacv2;messageid=1700000000000', isGroup: true, conversationType: 'channel', name: '' },
  };
});
afterAll(async () => {
  await sender.stop(1_000);
  await connector.close();
});

afterEach(() => expect(connector.pending).toBe(0));

const since = (n: number) => connector.requests.slice(n);

test('a post answered 429 twice (Retry-After 0.3 s) is retried after 0.3 s each and delivered', async () => {
  connector.failNext([
    { status: 429, headers: { 'Retry-After': '0.3' } },
    { status: 429, headers: { 'Retry-After': '0.3' } },
  ]);
  const before = connector.requests.length;
  const statsBefore = sender.stats();
  const id = await sender.send(channel, { type: 'message', text: 'hallo' });
  const seen = since(before);
  expect(seen.map((r) => [r.method, r.status])).toEqual([
    ['POST', 429],
    ['POST', 429],
    ['POST', 200],
  ]);
  expect(id).toMatch(/^activity-\d+$/);
  expect(seen[2]!.body.text).toBe('hallo');
  // Exactly as many requests as our own retries: the connector client did not retry by itself.
  expect(sender.stats().retried - statsBefore.retried).toBe(2);
  // Timer granularity: a timeout may fire up to 1 ms early.
  expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(299);
  expect(seen[2]!.at - seen[1]!.at).toBeGreaterThanOrEqual(299);
  expect(seen[2]!.at - seen[0]!.at).toBeLessThan(2_000);
});

test('an update answered 429 (Retry-After 1 s) and 502 is retried and replaces the card', async () => {
  connector.failNext([{ status: 429, headers: { 'Retry-After': '1' } }, { status: 502 }]);
  const before = connector.requests.length;
  await sender.update(channel, 'activity-1', { type: 'message', text: 'neu' });
  const seen = since(before);
  expect(seen.map((r) => [r.method, r.path, r.status])).toEqual([
    ['PUT', '/activities/activity-1', 429],
    ['PUT', '/activities/activity-1', 502],
    ['PUT', '/activities/activity-1', 200],
  ]);
  expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(999);
  expect(seen[2]!.body).toMatchObject({ id: 'activity-1', text: 'neu' });
});

test('403 (bot removed from the conversation) rejects at once: one request, logged without content', async () => {
  connector.failNext([{ status: 403 }]);
  const before = connector.requests.length;
  const error = await sender.send(channel, { type: 'message', text: 'Geheim Musterfrau' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OutboundError);
  expect(error).toMatchObject({ reason: 'status', status: 403, attempts: 1 });
  expect((error as OutboundError).cause).toMatchObject({ name: 'RestError', statusCode: 403 });
  expect(since(before)).toHaveLength(1);
  const failed = logger.lines.filter((l) => l.includes('outbound.failed'));
  expect(failed.at(-1)).toContain('"status":403');
  for (const line of logger.lines) expect(line).not.toMatch(/Geheim|Musterfrau|19:flaky/);
  // onTurnError did not see it: the failure went to the caller instead.
  expect(logger.lines.some((l) => l.includes('turn.unhandled'))).toBe(false);
});

test('502 on every attempt: the post fails after maxAttempts, the next one in the queue goes through', async () => {
  connector.failNext(Array(6).fill({ status: 502 }));
  const before = connector.requests.length;
  const [failed, next] = await Promise.allSettled([
    sender.send(channel, { type: 'message', text: 'eins' }),
    sender.send(channel, { type: 'message', text: 'zwei' }),
  ]);
  expect(failed).toMatchObject({ status: 'rejected', reason: { status: 502, attempts: 6 } });
  expect(next).toMatchObject({ status: 'fulfilled', value: expect.stringMatching(/^activity-/) });
  expect(since(before).map((r) => [r.body.text, r.status])).toEqual([...Array(6).fill(['eins', 502]), ['zwei', 200]]);
  await sender.idle();
});

test('a connector that is down: network errors are retried, then the post fails', async () => {
  const down = { ...channel, serviceUrl: 'http://127.0.0.1:1/' };
  const error = await sender.send(down, { type: 'message', text: 'x' }).catch((e: unknown) => e);
  expect(error).toMatchObject({ reason: 'network', attempts: 4 });
  expect((error as OutboundError).cause).toMatchObject({ code: 'ECONNREFUSED' });
});

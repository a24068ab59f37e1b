/**
 * A clean stop while the Bot Connector cannot be reached or keeps saying "later": the real server and
 * the real rate-limited sender (Teams' windows shortened; retries, backoff, Retry-After and attempt limits
 * as in production). The channel's status card waits for its update when the stop comes. The stop must
 * end within 15 s (before: 88 s, the update retried before the sender's cap applied); the update not
 * delivered is kept in the `outbox` document and sent after the next start – never lost, also when two
 * instances share the data directory or one dies between taking an item and delivering it.
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { loadConfig } from '../../src/bot/config';
import { memoryLogger } from '../../src/bot/log';
import { CLAIM_MS, Outbox, OUTBOX_DOCUMENT, type KeptItem } from '../../src/bot/outbox';
import { startBot, type RunningBot } from '../../src/bot/start';
import { openApp } from '../../src/compose';
import { fixedClock } from '../../src/storage/systemClock';
import { coordinator, listWith, person, verzeichnis } from '../fixtures';
import { tempDir } from '../harness';
import { KORA, TENANT, messageActivity } from './botHarness';
import { startFlakyConnector, type FlakyConnector } from './flakyConnector';

const NOW = '2024-01-10T09:00:00Z';
const CHILD = path.join(__dirname, '..', '..', 'dist', 'test', 'bot', 'outboxChild.js');
const FAST_WINDOWS = { limits: [{ windowMs: 50, max: 100 }], windowMarginMs: 0 };
let dataDir: string;
let connector: FlakyConnector | undefined;
const bots: RunningBot[] = [];
/** The connector's port: the service URL the bot stored with the channel. */
let port = 0;

async function seed(dir: string): Promise<void> {
  const app = await openApp({ dataDir: dir, clock: fixedClock(NOW) });
  await app.campaigns.create({ year: 2025, kreisAmount: '1508000' }, { actor: coordinator });
  const lists = verzeichnis.all.map((g) => listWith(g.ags, [1, 2].map((i) => person(`${g.ags}-${i}`))));
  await app.ctx.repo.replaceLists(2025, lists, (c) => ({ next: { ...c, revision: c.revision + 1 }, result: undefined }));
  await app.close();
}

async function start(): Promise<RunningBot> {
  const config = loadConfig({ INTM_LOCAL: '1', PORT: '0', INTM_DATA_DIR: dataDir, INTM_COORDINATORS: KORA.aadObjectId, INTM_TENANTS: TENANT, INTM_SCHEDULER: 'off' });
  const bot = await startBot(config, { clock: fixedClock(NOW), logger: memoryLogger(), sender: FAST_WINDOWS });
  bots.push(bot);
  return bot;
}

async function post(bot: RunningBot, activity: object): Promise<void> {
  const res = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...activity, serviceUrl: connector!.url + '/', id: `in-${Math.random()}` }),
  });
  expect(res.status).toBeLessThan(300);
}

async function outboxItems(): Promise<KeptItem[]> {
  const app = await openApp({ dataDir, clock: fixedClock(NOW) });
  try {
    return (await app.ctx.repo.readDocument<{ items: KeptItem[] }>(OUTBOX_DOCUMENT))?.items ?? [];
  } finally {
    await app.close();
  }
}

beforeAll(async () => {
  dataDir = tempDir('intm-stop-');
  await seed(dataDir);
  connector = await startFlakyConnector();
});
afterAll(async () => {
  for (const bot of bots) await bot.stop().catch(() => undefined);
  await connector?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a stop while Teams answers "try again in 20 s" ends within 15 s; the status card update is kept and sent after the restart', async () => {
  const first = await start();
  await post(first, messageActivity(KORA, 'kanal registrieren gemeinden', { kind: 'channel' }));
  await post(first, messageActivity(KORA, 'listen versenden'));
  await first.deps.summaries.background.idle();
  // The status card of all Gemeinden is in the channel.
  expect((await first.deps.conversations.read()).statusCards[2025]).toBeDefined();

  // Lists changed (as after clicks): the card waits for quiet (10 min) when the stop comes. Teams now
  // answers every request with 503 and Retry-After 20 s – before, the stop honoured it six times over.
  first.deps.summaries.refreshWhenQuiet(2025);
  connector!.failNext(Array.from({ length: 100 }, () => ({ status: 503, headers: { 'Retry-After': '20' } })));

  const began = performance.now();
  await first.stop();
  bots.splice(bots.indexOf(first), 1);
  expect(performance.now() - began).toBeLessThan(15_000);

  const kept = await outboxItems();
  expect(kept.map(({ kind, year }) => ({ kind, year }))).toEqual([{ kind: 'statusCard', year: 2025 }]);
  // The outbox names cards, not their content: no persons in it.
  expect(JSON.stringify(kept)).not.toMatch(/-\d"|surname|Geburts/);

  // Teams answers again; the next start sends what was kept.
  connector!.failNext([]);
  const before = connector!.requests.length;
  const second = await start();
  const updates = () => connector!.requests.slice(before).filter((r) => r.method === 'PUT' && r.conversationId.startsWith('19:'));
  for (let waited = 0; updates().length < 1 && waited < 20_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
  await second.deps.summaries.idle();
  expect(updates()).toHaveLength(1);
  // Delivered, the item leaves the outbox (right after the delivery, in the background).
  for (let waited = 0; (await outboxItems()).length > 0 && waited < 10_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
  expect(await outboxItems()).toEqual([]);
  await second.stop();
  bots.splice(bots.indexOf(second), 1);
  port = Number(new URL(connector!.url).port);
}, 60_000);

test('two instances on one data directory (two processes): no item is ever handed to both; what fails is put back, none is lost', async () => {
  expect(existsSync(CHILD)).toBe(true);
  const app = await openApp({ dataDir, clock: fixedClock(NOW) });
  const outbox = new Outbox(app.ctx.repo, () => app.ctx.clock.now());
  // 46 items (the status cards of as many years), so that two claimers have something to share.
  const items = verzeichnis.all.map((_, i) => ({ kind: 'statusCard' as const, year: 2000 + i }));
  // Kept twice, overlapping: each card once.
  await outbox.keep(items.slice(0, 30));
  await outbox.keep(items.slice(20));
  await app.close();

  const outputs = await Promise.all([0, 1].map(() => runChild([dataDir, '15'])));
  const count = (word: string) => {
    const counts = new Map<string, number>();
    for (const line of outputs.join('').split('\n')) {
      const [w, year] = line.split(' ');
      if (w === word) counts.set(year, (counts.get(year) ?? 0) + 1);
    }
    return counts;
  };
  const claims = count('CLAIM');
  const keeps = count('KEEP');
  const after = await openApp({ dataDir, clock: fixedClock(NOW) });
  const afterOutbox = new Outbox(after.ctx.repo, () => NOW);
  const leftItems = await afterOutbox.claim('after');
  const left = new Set(leftItems.map((i) => String(i.year)));
  // Nothing else is waiting: what the children delivered left the outbox, what they put back is free.
  expect(await afterOutbox.pending()).toHaveLength(leftItems.length);
  await afterOutbox.done('after', leftItems);
  await after.close();
  // Every card was handed out once, plus once per time it was put back – never twice at once, never lost.
  expect(claims.size).toBe(46);
  for (const { year } of items.map((i) => ({ year: String(i.year) }))) expect([year, (claims.get(year) ?? 0) + (left.has(year) ? 1 : 0)]).toEqual([year, 1 + (keeps.get(year) ?? 0)]);
}, 60_000);

function runChild(args: string[]): Promise<string> {
  const child = spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) => child.on('exit', (code) => (code ? reject(new Error(err)) : resolve(out))));
}

test('a connector that takes the connection and never answers: the stop still ends within 15 s, the updates are kept', async () => {
  // After the first test the channel and its status card are known; a black hole now listens at their address.
  await connector?.close();
  connector = undefined;
  const sockets = new Set<net.Socket>();
  const blackHole = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => blackHole.listen(port, '127.0.0.1', resolve));
  try {
    const bot = await start();
    bot.deps.summaries.refreshWhenQuiet(2025);
    const began = performance.now();
    await bot.stop();
    bots.splice(bots.indexOf(bot), 1);
    expect(performance.now() - began).toBeLessThan(15_000);
    expect((await outboxItems()).map(({ kind, year }) => ({ kind, year }))).toEqual([{ kind: 'statusCard', year: 2025 }]);
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => blackHole.close(() => resolve()));
  }
}, 60_000);

test('an instance that dies between claim and delivery loses nothing: once its claim has run out, the next instance sends the update', async () => {
  const dir = tempDir('intm-outbox-claim-');
  const app = await openApp({ dataDir: dir, clock: fixedClock(NOW) });
  try {
    let now = NOW;
    const outbox = new Outbox(app.ctx.repo, () => now);
    await outbox.keep([{ kind: 'statusCard', year: 2025 }]);
    // The first instance takes the item and dies before Teams got the update (it never calls done).
    expect((await outbox.claim('dead')).map((i) => i.year)).toEqual([2025]);
    // While the claim holds, nobody else sends it (no double send of a delivery in progress) …
    now = new Date(Date.parse(NOW) + CLAIM_MS - 1000).toISOString();
    expect(await outbox.claim('next')).toEqual([]);
    // … once it has run out, the restarted instance takes it.
    now = new Date(Date.parse(NOW) + CLAIM_MS + 1000).toISOString();
    expect((await outbox.claim('next')).map((i) => i.year)).toEqual([2025]);
    // A late "done" of the dead claim removes nothing; the new claim's delivery does.
    await outbox.done('dead', [{ kind: 'statusCard', year: 2025 }]);
    expect(await outbox.pending()).toHaveLength(1);
    await outbox.done('next', [{ kind: 'statusCard', year: 2025 }]);
    expect(await outbox.pending()).toEqual([]);
    // What fails again is put back free to claim at once, with the time it was first kept.
    await outbox.keep([{ kind: 'statusCard', year: 2026 }]);
    const [taken] = await outbox.claim('third');
    await outbox.keep([{ kind: 'statusCard', year: 2026 }]);
    await outbox.done('third', [taken]);
    expect(await outbox.pending()).toEqual([{ kind: 'statusCard', year: 2026, since: taken.since }]);
    expect((await outbox.claim('fourth')).map((i) => i.year)).toEqual([2026]);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * Two bot processes (`node dist/src/bot/main.js`, as `npm start` runs it) on one PostgreSQL database
 * behind one address (a round-robin proxy, as Azure Bot Service's load balancer): card actions from 46
 * Gemeinden × 3 clerks, each sent twice – once to each instance, at the same time – are applied exactly
 * once and answered correctly by both; an export link made on one instance works on the other; one
 * instance killed with SIGKILL in the middle of a burst loses nothing it acknowledged while the other
 * keeps answering, and the clients' retries land once.
 */
import { loadConfig } from '../../src/bot/config';
import { operationOf } from '../../src/bot/listActions';
import { memoryLogger } from '../../src/bot/log';
import { RecordingOutbound } from '../../src/bot/outbound';
import { startBot } from '../../src/bot/start';
import { fixedClock } from '../../src/storage/systemClock';
import { VERBS } from '../../src/cards/actions';
import { listActionData } from '../../src/cards/buttons';
import { translate } from '../../src/i18n/messages';
import { PgRepository } from '../../src/storage/postgres/pgRepository';
import { postgresAvailable, startPgCluster, type PgCluster } from '../pgCluster';
import { TENANT } from '../bot/botHarness';
import { startConnector, type Connector } from '../bot/connector';
import { startRoundRobinProxy, type RoundRobinProxy } from './roundRobinProxy';
import {
  BotProcess,
  cardAction,
  cardTexts,
  GEMEINDEN,
  health,
  isCardAnswer,
  KORA,
  KORA_ID,
  NOW,
  personId,
  postActivity,
  seedStore,
  startBotProcess,
  staffUser,
  stopProcess,
  YEAR,
  type HttpAnswer,
} from './support';

const PER_GEMEINDE = 6;
const STRUCK = translate('card.struck', {}, 'de');
const SECRET = 'gemeinsamer-schluessel-fuer-download-links-0123456789';
const withPostgres = postgresAvailable('faults/twoInstances');

let cluster: PgCluster;
let url: string;
let connector: Connector;
let proxy: RoundRobinProxy;
let one: BotProcess | undefined;
let two: BotProcess | undefined;

interface Strike {
  ags: string;
  personId: string;
  k: number;
  data: Record<string, unknown>;
}

/** Person n of every Gemeinde, struck by clerk n mod 3, with the data of the strike form's button as the bot renders it. */
function strikesOf(n: number): Strike[] {
  return GEMEINDEN.map((ags) => {
    const id = personId(ags, n);
    return { ags, personId: id, k: n % 3, data: { ...listActionData({ year: YEAR, ags, rev: 0 }, VERBS.strike, { page: 0, personId: id }), reason: 'weggezogen' } };
  });
}

const send = (base: string, s: Strike): Promise<HttpAnswer> => postActivity(base, cardAction(staffUser(s.ags, s.k), VERBS.strike, s.data, connector.url + '/'));
const struckAnswer = (a: HttpAnswer) => isCardAnswer(a) && cardTexts(a.json.value).includes(STRUCK);

async function stored() {
  const repo = await PgRepository.open(url);
  try {
    return { lists: await repo.readLists(YEAR), history: await repo.readListHistory(YEAR) };
  } finally {
    await repo.close();
  }
}

function env(extra: Record<string, string> = {}): Record<string, string> {
  return { INTM_DATABASE_URL: url, INTM_LINK_SECRET: SECRET, INTM_COORDINATORS: KORA_ID, INTM_TENANTS: TENANT, PUBLIC_BASE_URL: proxy.url, ...extra };
}

/** A fresh database seeded with two persons per Gemeinde, and named documents merged over what the seed wrote. */
async function seededDatabase(documents: Record<string, object>): Promise<string> {
  const db = await cluster.newDatabase();
  await seedStore({ kind: 'postgres', url: db }, { perGemeinde: 2 });
  const seed = await PgRepository.open(db);
  try {
    for (const [name, doc] of Object.entries(documents)) {
      await seed.updateDocument<object, void>(name, (current) => ({ next: { ...(current ?? {}), ...doc }, result: undefined }));
    }
  } finally {
    await seed.close();
  }
  return db;
}

(withPostgres ? describe : describe.skip)('two instances on one PostgreSQL database', () => {
  beforeAll(async () => {
    cluster = await startPgCluster();
    url = await cluster.newDatabase();
    await seedStore({ kind: 'postgres', url }, { perGemeinde: PER_GEMEINDE });
    connector = await startConnector();
    // The proxy's address is the public one; the instances are set behind it once they listen.
    const targets: string[] = [];
    proxy = await startRoundRobinProxy(targets);
    [one, two] = await Promise.all([startBotProcess(env(), 60_000), startBotProcess(env(), 60_000)]);
    targets.push(one.url, two.url);
  }, 180_000);

  afterAll(async () => {
    await stopProcess(one);
    await stopProcess(two);
    await proxy?.close();
    await connector?.close();
    await cluster?.stop();
  });

  test('200 card actions from 46 Gemeinden × 3 clerks, each sent to both instances at once: applied exactly once, every answer correct', async () => {
    const burst = [...strikesOf(1), ...strikesOf(2), ...strikesOf(3), ...strikesOf(4), ...strikesOf(5)].slice(0, 200);
    const wrong: string[] = [];
    let next = 0;
    // 20 clients, each sending one action to both instances at the same moment (a Teams retry racing the first try).
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < burst.length) {
          const i = next++;
          const s = burst[i]!;
          const [first, second] = i % 2 ? [two!, one!] : [one!, two!];
          const answers = await Promise.all([send(first.url, s), send(second.url, s)]);
          for (const a of answers) if (!struckAnswer(a)) wrong.push(`${s.personId}: ${a.status} ${a.text.slice(0, 200)}`);
        }
      }),
    );
    expect(wrong).toEqual([]);
    const { lists, history } = await stored();
    const struck = new Set(lists.flatMap((l) => l.persons.filter((p) => p.strike).map((p) => p.id)));
    expect(struck).toEqual(new Set(burst.map((s) => s.personId)));
    const strikes = history.filter((e) => e.action === 'person.strike');
    expect(strikes).toHaveLength(200);
    expect(new Set(strikes.map((e) => `${e.ags}|${e.opId}`)).size).toBe(200);
    for (const s of burst) expect(strikes.some((e) => e.ags === s.ags && e.opId === operationOf(String(s.data.op), { reason: 'weggezogen' }))).toBe(true);
    for (const l of lists) expect(l.revision).toBe(1 + l.persons.filter((p) => p.strike).length);
  }, 180_000);

  test('an export link made on one instance is served by the other (shared INTM_LINK_SECRET)', async () => {
    const before = connector.recorded.length;
    const message = {
      type: 'message',
      id: `m-${Date.now()}`,
      channelId: 'msteams',
      serviceUrl: connector.url + '/',
      from: { id: KORA.teamsId, name: KORA.name, aadObjectId: KORA.aadObjectId },
      recipient: { id: '28:intm-bot', name: 'IntM-Bot' },
      conversation: { id: `a:personal-${KORA.aadObjectId}`, conversationType: 'personal', tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
      locale: 'de-DE',
      text: 'export',
    };
    const answer = await postActivity(one!.url, message);
    expect(answer.status).toBeLessThan(300);
    const text = JSON.stringify(connector.recorded.slice(before).map((r) => r.body));
    const links = [...text.matchAll(/https?:\/\/127\.0\.0\.1:\d+\/downloads\/[A-Za-z0-9_~-]+/g)].map((m) => m[0]);
    expect(links.length).toBeGreaterThan(0);
    const token = links[0]!.split('/downloads/')[1];
    for (const base of [two!.url, one!.url, proxy.url]) {
      const res = await fetch(`${base}/downloads/${token}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('spreadsheetml');
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  }, 120_000);

  test('SIGKILL to one instance in the middle of a burst: nothing acknowledged is lost, the other keeps answering, retries land once', async () => {
    const burst = strikesOf(6);
    const acknowledged = new Set<string>();
    const cutOff: Strike[] = [];
    let killed = false;
    let next = 0;
    const victim = one!;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (next < burst.length) {
          const s = burst[next++]!;
          let a: HttpAnswer | undefined;
          try {
            a = await send(proxy.url, s);
          } catch {
            a = undefined;
          }
          if (a && struckAnswer(a)) acknowledged.add(s.personId);
          else if (killed) cutOff.push(s); // cut off by the kill: the client tries again
          else throw new Error(`${s.personId}: ${a?.status} ${a?.text.slice(0, 200)}`);
          if (acknowledged.size === 12 && !killed) {
            killed = true;
            victim.child.kill('SIGKILL');
          }
        }
      }),
    );
    expect((await victim.exited).signal).toBe('SIGKILL');
    expect(await health(two!.url)).toBe(200);
    const afterKill = await stored();
    const struckNow = new Set(afterKill.lists.flatMap((l) => l.persons.filter((p) => p.strike).map((p) => p.id)));
    for (const id of acknowledged) expect(struckNow.has(id)).toBe(true);
    // The clients retry what was cut off, with the same operation ids, through the same address.
    for (const s of cutOff) expect(struckAnswer(await send(proxy.url, s))).toBe(true);
    const { lists, history } = await stored();
    const struckAll = new Set(lists.flatMap((l) => l.persons.filter((p) => p.strike).map((p) => p.id)));
    for (const s of burst) expect(struckAll.has(s.personId)).toBe(true);
    for (const l of lists) {
      const events = history.filter((e) => e.ags === l.ags && e.action === 'person.strike');
      expect(new Set(events.map((e) => e.opId)).size).toBe(events.length);
      expect(events.length).toBe(l.persons.filter((p) => p.strike).length);
    }
    process.stdout.write(`faults/twoInstances: ${acknowledged.size} of ${burst.length} acknowledged around the kill, ${cutOff.length} retried; proxy served ${proxy.served.join(' / ')}\n`);
  }, 180_000);

  test('schedules run once: two instances starting with a missed run – one digest, posted by one of them', async () => {
    const db = await seededDatabase({
      // The coordinators' channel, where the digest goes.
      conversations: { channels: { koordination: { serviceUrl: 'https://smba.example/emea/', channelId: 'msteams', conversation: { id: '19:koordination@thread.tacv2' } } } },
      // The last run on the Friday before: Monday's 08:00 (2024-01-08) is missed when both start at 10:00.
      schedule: { lastRun: '2024-01-05T07:00:00.000Z' },
    });
    const config = loadConfig({ INTM_LOCAL: '1', PORT: '0', INTM_DATABASE_URL: db, INTM_LINK_SECRET: SECRET, INTM_COORDINATORS: KORA_ID, INTM_TENANTS: TENANT });
    const sent = [new RecordingOutbound(), new RecordingOutbound()];
    const loggers = [memoryLogger(), memoryLogger()];
    const bots = await Promise.all(
      sent.map((outbound, i) => startBot(config, { clock: fixedClock('2024-01-08T09:00:00.000Z'), logger: loggers[i]!, outbound: () => outbound, scheduler: { catchUpDelayMs: 50, checkEveryMs: 100 } })),
    );
    try {
      await new Promise((r) => setTimeout(r, 3_000));
    } finally {
      await Promise.all(bots.map((b) => b.stop()));
    }
    const all = sent.flatMap((o) => o.sent);
    const digests = all.filter((s) => s.reference.conversation?.id === '19:koordination@thread.tacv2');
    expect(digests).toHaveLength(1);
    expect(sent.filter((o) => o.sent.length > 0)).toHaveLength(1); // one instance did the run
    expect(loggers.flatMap((l) => l.lines).filter((l) => l.includes('"event":"digest.sent"'))).toHaveLength(1);
  }, 120_000);

  test('the status card updated from two instances never ends in an older state: the later change is what stays', async () => {
    const channel = { serviceUrl: 'https://smba.example/emea/', channelId: 'msteams', conversation: { id: '19:gemeinden@thread.tacv2' }, registered: { at: NOW, by: KORA_ID } };
    const db = await seededDatabase({ conversations: { channels: { gemeinden: channel }, statusCards: { [YEAR]: { activityId: 'status-1', channelId: channel.conversation.id } } } });
    // Both instances' connectors record the card each update carried, in the order the updates completed;
    // the first instance's Teams is slow to answer.
    const completed: { by: string; card: string }[] = [];
    const outbound = (by: string, delayMs: number) => () => ({
      send: async () => 'unused',
      update: async (_reference: unknown, _id: string, activity: { attachments?: unknown }) => {
        await new Promise((r) => setTimeout(r, delayMs));
        completed.push({ by, card: JSON.stringify(activity.attachments) });
      },
    });
    const config = loadConfig({ INTM_LOCAL: '1', PORT: '0', INTM_DATABASE_URL: db, INTM_LINK_SECRET: SECRET, INTM_COORDINATORS: KORA_ID, INTM_TENANTS: TENANT, INTM_SCHEDULER: 'off' });
    const [slow, fast] = await Promise.all([
      startBot(config, { clock: fixedClock(NOW), logger: memoryLogger(), outbound: outbound('slow', 1_500) as never }),
      startBot(config, { clock: fixedClock(NOW), logger: memoryLogger(), outbound: outbound('fast', 0) as never }),
    ]);
    try {
      slow.deps.summaries.refresh(YEAR); // reads the state now, and its update takes long
      await new Promise((r) => setTimeout(r, 300));
      // Meanwhile a change on the other instance (a list sent), and its update of the same card.
      await fast.deps.app.review.markSent(YEAR, GEMEINDEN[0]!, { actor: { id: KORA_ID, name: KORA.name, role: 'koordination' } });
      fast.deps.summaries.refresh(YEAR);
      await Promise.all([slow.deps.summaries.idle(), fast.deps.summaries.idle()]);
    } finally {
      await Promise.all([slow.stop(), fast.stop()]);
    }
    expect(completed.map((c) => c.by)).toEqual(['slow', 'fast']);
    expect(completed[1]!.card).not.toBe(completed[0]!.card); // the change shows …
    expect(completed[completed.length - 1]!.by).toBe('fast'); // … and stays: nothing older lands after it
  }, 120_000);
});

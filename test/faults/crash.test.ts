/**
 * The bot as `npm start` runs it (node dist/src/bot/main.js, a child process), killed with SIGKILL in
 * the middle of a burst of strikes over HTTP – two clerks per list, each click with the data the
 * strike button of the bot's card carries – and started again on the same data directory: every
 * strike it acknowledged is stored, every JSON file parses, the stale lock of the killed process
 * blocks nothing, and the strikes that were in flight, retried with their operation ids, land once.
 */
import { promises as fs, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { operationOf } from '../../src/bot/listActions';
import { VERBS } from '../../src/cards/actions';
import { listActionData } from '../../src/cards/buttons';
import { openApp } from '../../src/compose';
import { translate } from '../../src/i18n/messages';
import { TEMP_FILE } from '../../src/storage/durableJsonFile';
import { isAlive } from '../../src/storage/fileLock';
import { fixedClock } from '../../src/storage/systemClock';
import { tempDir } from '../harness';
import { TENANT } from '../bot/botHarness';
import { startConnector, type Connector } from '../bot/connector';
import {
  BotProcess,
  cardAction,
  cardTexts,
  filesBelow,
  GEMEINDEN,
  health,
  isCardAnswer,
  KORA_ID,
  NOW,
  personId,
  postActivity,
  seedDataDir,
  startBotProcess,
  staffUser,
  stopProcess,
  unparsableJson,
  YEAR,
} from './support';

const PER_GEMEINDE = 6;
const CONCURRENCY = 4;
/** The kill comes once this many strikes are acknowledged (of 276). */
const KILL_AFTER = 60;
const STRUCK = translate('card.struck', {}, 'de');

let dataDir: string;
let connector: Connector;
let first: BotProcess | undefined;
let second: BotProcess | undefined;

beforeAll(async () => {
  dataDir = tempDir('intm-faults-crash-');
  await seedDataDir(dataDir, { perGemeinde: PER_GEMEINDE });
  connector = await startConnector();
}, 30_000);

afterAll(async () => {
  try {
    await stopProcess(first);
    await stopProcess(second);
  } finally {
    await connector?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
});

interface Strike {
  ags: string;
  personId: string;
  k: number;
  /** The strike form's button data, as the bot renders it for a person not changed since the import. */
  data: Record<string, unknown>;
}

// Person-major order: the burst spreads over all 46 lists from its first requests on; two clerks per list.
const strikes: Strike[] = [];
for (let n = 1; n <= PER_GEMEINDE; n++) {
  GEMEINDEN.forEach((ags) => {
    const id = personId(ags, n);
    strikes.push({ ags, personId: id, k: n % 2, data: { ...listActionData({ year: YEAR, ags, rev: 0 }, VERBS.strike, { page: 0, personId: id }), reason: 'weggezogen' } });
  });
}
const opOf = (s: Strike) => String(s.data.op);

const env = () => ({ INTM_DATA_DIR: dataDir, INTM_COORDINATORS: KORA_ID, INTM_TENANTS: TENANT });

function send(bot: BotProcess, s: Strike) {
  return postActivity(
    bot.url,
    cardAction(staffUser(s.ags, s.k), VERBS.strike, s.data, connector.url + '/'),
  );
}

/** The lists and their change log as a new process reads them. */
async function stored() {
  const app = await openApp({ dataDir, clock: fixedClock(NOW) });
  try {
    return { lists: await app.ctx.repo.readLists(YEAR), history: await app.ctx.repo.readListHistory(YEAR) };
  } finally {
    await app.close();
  }
}

test('SIGKILL mid-burst, restart on the same data: every acknowledged strike is stored, files parse, no stale lock blocks', async () => {
  first = await startBotProcess(env());
  const bot = first;
  const acknowledged = new Set<string>();
  const failed = new Set<string>();
  let killed = false;
  let nextIndex = 0;
  const started = performance.now();
  let killedAt = 0;

  // Four clients send strikes one after another; the kill comes from inside the burst, right when the
  // KILL_AFTER-th answer arrives, while the other clients' requests are in flight.
  const worker = async () => {
    while (!killed && nextIndex < strikes.length) {
      const s = strikes[nextIndex++];
      let answer;
      try {
        answer = await send(bot, s);
      } catch (e) {
        // Only the kill may cut a request off.
        if (!killed) throw e;
        failed.add(s.personId);
        continue;
      }
      if (!isCardAnswer(answer) || !cardTexts(answer.json.value).includes(STRUCK)) throw new Error(`${opOf(s)}: ${answer.status} ${answer.text.slice(0, 300)}`);
      acknowledged.add(s.personId);
      if (acknowledged.size >= KILL_AFTER && !killed) {
        killed = true;
        killedAt = performance.now();
        bot.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const exit = await bot.exited;
  expect(exit.signal).toBe('SIGKILL');
  expect(killed).toBe(true);
  expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);
  expect(acknowledged.size).toBeLessThan(strikes.length);
  // Requests cut off by the kill (at most one per client).
  expect(failed.size).toBeLessThanOrEqual(CONCURRENCY);

  // The data directory as the killed process left it: every JSON file parses (temporary files of an
  // interrupted write may be there; they are not JSON documents and the next start removes them).
  expect(await unparsableJson(dataDir)).toEqual([]);
  const leftTemp = (await filesBelow(dataDir, { withLocks: true })).filter((f) => TEMP_FILE.test(path.basename(f)));

  // A SIGKILL during a write leaves the lock file of the dead process behind. Make sure one is there, on
  // a list the retries below must change, whether or not the kill happened to leave one.
  const pending = strikes.filter((s) => !acknowledged.has(s.personId));
  expect(isAlive(bot.pid)).toBe(false);
  const lockFile = path.join(dataDir, 'locks', `${YEAR}-lists.lock`);
  await fs.mkdir(path.dirname(lockFile), { recursive: true });
  // A lock the kill left is a symbolic link (writing through it would create its target): replace it.
  await fs.rm(lockFile, { force: true });
  await fs.writeFile(lockFile, `${bot.pid}\n${os.hostname()}\n`, { flag: 'w' });

  second = await startBotProcess(env());
  const restarted = second;
  expect(await health(restarted.url)).toBe(200);
  // Temporary files of the killed writer are swept at start.
  expect((await filesBelow(dataDir, { withLocks: true })).filter((f) => TEMP_FILE.test(path.basename(f)))).toEqual([]);

  // What the restarted bot works on: every acknowledged strike, nothing beyond what was in flight, nothing twice.
  const afterKill = await stored();
  const struckAfterKill = new Set(afterKill.lists.flatMap((l) => l.persons.filter((p) => p.strike).map((p) => p.id)));
  for (const id of acknowledged) expect(struckAfterKill.has(id)).toBe(true);
  for (const id of struckAfterKill) expect(acknowledged.has(id) || failed.has(id)).toBe(true);
  for (const l of afterKill.lists) {
    const events = afterKill.history.filter((e) => e.ags === l.ags && e.action === 'person.strike');
    expect(events.length).toBe(l.persons.filter((p) => p.strike).length);
    expect(new Set(events.map((e) => e.opId)).size).toBe(events.length);
    expect(l.revision).toBe(1 + events.length);
  }

  // The clients retry what was not acknowledged (same operation ids), then the rest of the burst follows.
  const resumedAt = performance.now();
  let i = 0;
  const errors: string[] = [];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (i < pending.length) {
        const s = pending[i++];
        const answer = await send(restarted, s);
        if (!isCardAnswer(answer) || !cardTexts(answer.json.value).includes(STRUCK)) errors.push(`${opOf(s)}: ${answer.status} ${answer.text.slice(0, 300)}`);
      }
    }),
  );
  expect(errors).toEqual([]);
  const resumedMs = Math.round(performance.now() - resumedAt);

  // A clean stop (SIGTERM) after that leaves no lock behind, the planted stale one included.
  restarted.child.kill('SIGTERM');
  expect(await restarted.exited).toEqual({ code: 0, signal: null });
  expect((await filesBelow(dataDir, { withLocks: true })).filter((f) => f.endsWith('.lock'))).toEqual([]);
  expect(await unparsableJson(dataDir)).toEqual([]);

  const final = await stored();
  expect(final.lists).toHaveLength(46);
  for (const l of final.lists) {
    // Every person struck exactly once, each strike with its own operation id.
    expect(l.persons.filter((p) => p.strike)).toHaveLength(PER_GEMEINDE);
    const events = final.history.filter((e) => e.ags === l.ags && e.action === 'person.strike');
    const expectedOps = strikes.filter((s) => s.ags === l.ags).map((s) => operationOf(opOf(s), { reason: 'weggezogen' }));
    expect(events.map((e) => e.opId).sort()).toEqual(expectedOps.sort());
    expect(l.revision).toBe(1 + PER_GEMEINDE);
  }
  process.stdout.write(
    `faults/crash: ${acknowledged.size} of ${strikes.length} strikes acknowledged when SIGKILL came after ${Math.round(killedAt - started)} ms ` +
      `(${failed.size} cut off in flight, ${[...failed].filter((id) => struckAfterKill.has(id)).length} of them stored anyway; ` +
      `${leftTemp.length} temporary files left); ` +
      `${pending.length} retried after the restart in ${resumedMs} ms\n`,
  );
}, 60_000);

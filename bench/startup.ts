/**
 * Benchmark 8: from starting `node dist/src/bot/main.js` (what `npm start` runs) in local mode to the
 * first answered card action – over a data directory whose lists have 100,000 stored changes, against the
 * same directory with none. For information, a bare Node process that starts an HTTP server and answers
 * one request. All are polled the same way from this process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { NOW, prepareBotData, strikeBody, TENANT, type BotData, YEAR } from './botData';
import { openApp } from '../src/compose';
import { freePort } from '../src/demo/teamsPlayground';
import { versionOf } from '../src/domain/list';
import { journalStats } from '../src/storage/listJournal';
import { fixedClock } from '../src/storage/systemClock';
import { get, postOnce } from './load';
import { ms, type Section } from './report';

const RUNS = 7;
const CHANGES = 100_000;
const GOAL_RATIO = 2;
/** Changes stored at once while the history is written (they share the journal's writes, as clicks arriving together do). */
const HISTORY_CONCURRENCY = 64;
const POLL_MS = 2;
const TIMEOUT_MS = 30_000;

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Polls until `attempt` resolves true; connection refused and the like count as "not yet". */
async function until(started: number, attempt: () => Promise<boolean>): Promise<number> {
  for (;;) {
    if (performance.now() - started > TIMEOUT_MS) throw new Error('startup: no answer within 30 s');
    try {
      if (await attempt()) return performance.now() - started;
    } catch (e) {
      // Not listening yet; anything else (a wrong answer) ends the benchmark.
      if (!['ECONNREFUSED', 'ECONNRESET'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
    }
    await sleep(POLL_MS);
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** The environment of this process without any IntM or bot settings, so only ours apply. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(INTM_|BOT_|PORT$|PUBLIC_BASE_URL$)/.test(k)) env[k] = v;
  return { ...env, ...extra };
}

interface BotRun {
  healthz: number;
  answered: number;
}

async function startBotOnce(dataDir: string, body: Buffer): Promise<BotRun> {
  const port = await freePort();
  const main = path.join(__dirname, '..', 'src', 'bot', 'main.js');
  const env = cleanEnv({ INTM_LOCAL: '1', PORT: String(port), INTM_DATA_DIR: dataDir, INTM_SCHEDULER: 'off', INTM_NOW: NOW, INTM_TENANTS: TENANT });
  const started = performance.now();
  const child = spawn(process.execPath, [main], { env, stdio: 'ignore' });
  try {
    const base = `http://127.0.0.1:${port}`;
    const healthz = await until(started, async () => (await get(`${base}/healthz`)).status === 200);
    const answered = await until(started, async () => {
      const r = await postOnce(`${base}/api/messages`, body);
      if (r.status !== 200 || !r.text.includes('Die Person ist gestrichen.')) throw new Error(`startup: unexpected answer ${r.status}: ${r.text.slice(0, 200)}`);
      return true;
    });
    return { healthz, answered };
  } finally {
    await stop(child);
  }
}

async function startBareOnce(): Promise<number> {
  const port = await freePort();
  const code = `require('node:http').createServer((q,s)=>s.end('ok')).listen(${port},'127.0.0.1')`;
  const started = performance.now();
  const child = spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
  try {
    return await until(started, async () => (await get(`http://127.0.0.1:${port}/`)).status === 200);
  } finally {
    await stop(child);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length / 2) - 1];
const range = (values: number[]) => `${ms(median(values))} (${ms(Math.min(...values))}–${ms(Math.max(...values))})`;

/**
 * A copy of the prepared directory whose lists have `changes` stored changes: every person struck and
 * restored again, round after round, through the application (ReviewService, the journal) as clicks
 * would store them, by the Gemeinde's staff, each with its own operation id.
 */
async function withHistory(data: BotData, changes: number): Promise<{ dir: string; ms: number; compactions: number }> {
  const dir = data.copy();
  const started = performance.now();
  const compactionsBefore = journalStats.compactions;
  const app = await openApp({ dataDir: dir, clock: fixedClock(NOW) });
  try {
    let n = 0;
    const persons = data.targets.length;
    // Round by round (every person struck, then every person restored, …); within a round each person
    // once, so the changes made at the same time never concern the same person.
    for (let round = 0; round * persons < changes; round++) {
      let next = 0;
      const work = async () => {
        while (next < persons) {
          const t = data.targets[next++];
          const actor = { id: t.user.aadObjectId, name: t.user.name, role: 'gemeinde' as const, ags: t.ags };
          const opts = { actor, opId: `history-${round}-${t.personId}` };
          const outcome = round % 2 === 0 ? await app.review.strike(YEAR, t.ags, { personId: t.personId, reason: 'weggezogen' }, opts) : await app.review.undo(YEAR, t.ags, t.personId, opts);
          if (!outcome.changed) throw new Error(`startup: a change in round ${round} changed nothing`);
          n++;
        }
      };
      await Promise.all(Array.from({ length: HISTORY_CONCURRENCY }, work));
    }
    if (n !== changes) throw new Error(`startup: ${n} of ${changes} changes stored`);
  } finally {
    await app.close();
  }
  return { dir, ms: performance.now() - started, compactions: journalStats.compactions - compactionsBefore };
}

/** The strike of a person as the form's button carries it in `dir`: the person's version there. */
async function firstStrike(data: BotData, dir: string): Promise<Buffer> {
  const target = data.targets[0];
  const app = await openApp({ dataDir: dir, clock: fixedClock(NOW) });
  try {
    const list = (await app.ctx.repo.readList(YEAR, target.ags))!;
    if (list.persons.find((p) => p.id === target.personId)!.strike) throw new Error('startup: the first person is struck already');
    return strikeBody(data, target, 'http://127.0.0.1:9/', versionOf(list, { kind: 'person', personId: target.personId }));
  } finally {
    await app.close();
  }
}

export async function startupBenchmark(): Promise<Section> {
  const data = await prepareBotData();
  try {
    // An even number of rounds over all persons: every person is restored at the end.
    const changes = Math.ceil(CHANGES / (2 * data.targets.length)) * 2 * data.targets.length;
    const history = await withHistory(data, changes);
    const freshBody = strikeBody(data, data.targets[0], 'http://127.0.0.1:9/');
    const historyBody = await firstStrike(data, history.dir);
    const copyOf = (dir: string) => {
      const copy = data.copy();
      cpSync(dir, copy, { recursive: true });
      return copy;
    };
    // One unmeasured start of each: the code is then in the page cache for every measured one.
    await startBotOnce(data.copy(), freshBody);
    await startBotOnce(copyOf(history.dir), historyBody);
    await startBareOnce();
    const fresh: BotRun[] = [];
    const long: BotRun[] = [];
    const bare: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      fresh.push(await startBotOnce(data.copy(), freshBody));
      long.push(await startBotOnce(copyOf(history.dir), historyBody));
      bare.push(await startBareOnce());
    }
    const answered = (runs: BotRun[]) => runs.map((r) => r.answered);
    const ratio = median(answered(long)) / median(answered(fresh));
    return {
      title: '8. Start to the first answered card action, with 100,000 stored changes',
      method: `
**Bot:** \`node dist/src/bot/main.js\` spawned with INTM_LOCAL=1, a free PORT, INTM_DATA_DIR, INTM_SCHEDULER=off and INTM_NOW in
the review window; from \`spawn\` until GET /healthz answers 200, then until a real strike (\`person.strike\` by a
Gemeinde's staff member, with the data of the strike form's button: the person's version there) is answered
with the updated list card. **With history:** a fresh copy of the prepared directory of 4. (${data.gemeinden} Gemeinden,
${data.inside.toLocaleString('en')} listed persons) whose lists then took ${changes.toLocaleString('en')} changes through the application – every person struck and
restored, round after round, ${HISTORY_CONCURRENCY} at a time (written in ${(history.ms / 1000).toFixed(1)} s; the journal was compacted
${history.compactions} times). **Baseline:** a fresh copy of the same directory with no change stored. ${RUNS} runs of each,
alternating, after one unmeasured start of each; every process is stopped with SIGTERM after its run; each
run on a fresh copy. For information, a bare \`node -e\` process that starts a node:http server and answers one GET.`,
      rows: [
        { measure: 'start → first answered strike, median (min–max)', result: `${changes.toLocaleString('en')} changes: ${range(answered(long))}`, baseline: `none: ${range(answered(fresh))}`, goal: '–' },
        { measure: `with ${changes.toLocaleString('en')} stored changes / with none, medians`, result: `${ratio.toFixed(2)}×`, baseline: '1×', goal: `≤ ${GOAL_RATIO}×`, met: ratio <= GOAL_RATIO },
        { measure: 'for information: start → /healthz 200', result: `${changes.toLocaleString('en')} changes: ${range(long.map((r) => r.healthz))}`, baseline: `none: ${range(fresh.map((r) => r.healthz))}`, goal: '–' },
        { measure: 'for information: the first strike, from /healthz to its answer', result: `${changes.toLocaleString('en')} changes: ${range(long.map((r) => r.answered - r.healthz))}`, baseline: `none: ${range(fresh.map((r) => r.answered - r.healthz))}`, goal: '–' },
        { measure: 'for information: a bare node:http process, start → first answer', result: range(bare), baseline: '–', goal: '–' },
      ],
      notes: [
        'A start reads the checkpoint, the lists\' snapshots and the journal segment being written (at most 1,000 records); the sealed segments – the rest of the change log – are read only for the audit.',
      ],
    };
  } finally {
    data.cleanup();
  }
}

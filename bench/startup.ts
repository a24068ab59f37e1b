/**
 * Benchmark 7: from starting `node dist/src/bot/main.js` (what `npm start` runs) in local mode over a
 * prepared data directory to the first answered card action, against a bare Node process that starts
 * an HTTP server and answers one request. Both are polled the same way from this process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { NOW, prepareBotData, strikeBody, TENANT } from './botData';
import { freePort } from '../src/demo/teamsPlayground';
import { get, postOnce } from './load';
import { ms, type Section } from './report';

const RUNS = 7;
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

export async function startupBenchmark(): Promise<Section> {
  const data = await prepareBotData();
  try {
    const target = data.targets[0];
    const body = strikeBody(target, 'bench-startup', 'http://127.0.0.1:9/');
    // One unmeasured start of each: the code is then in the page cache for every measured one.
    await startBotOnce(data.copy(), body);
    await startBareOnce();
    const bot: BotRun[] = [];
    const bare: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bot.push(await startBotOnce(data.copy(), body));
      bare.push(await startBareOnce());
    }
    const answered = bot.map((r) => r.answered);
    const healthz = bot.map((r) => r.healthz);
    const first = bot.map((r) => r.answered - r.healthz);
    return {
      title: '7. Start to the first answered card action',
      method: `
**Bot:** \`node dist/src/bot/main.js\` spawned with INTM_LOCAL=1, a free PORT, INTM_DATA_DIR (a fresh copy of
the prepared directory of 4.: ${data.gemeinden} Gemeinden, ${data.inside.toLocaleString('en')} listed persons, ${data.users.length} staff), INTM_SCHEDULER=off and
INTM_NOW in the review window; from \`spawn\` until GET /healthz answers 200, then until a real strike
(\`person.strike\` by a Gemeinde's staff member, as in 4.) is answered with the updated list card.
**Baseline:** a bare \`node -e\` process that creates a node:http server on a free port, from \`spawn\`
until it has answered one GET. Both polled every ${POLL_MS} ms on fresh connections over 127.0.0.1; ${RUNS} runs
each, alternating, after one unmeasured start of each; every process is stopped with SIGTERM after its run.`,
      rows: [
        { measure: 'start → first answered request, median (min–max)', result: `strike answered ${range(answered)}`, baseline: `bare node ${range(bare)}`, goal: '–' },
        { measure: 'bot / bare node, medians', result: `${(median(answered) / median(bare)).toFixed(1)}×`, baseline: '1×', goal: '–' },
        { measure: 'for information: start → /healthz 200', result: range(healthz), baseline: `bare node ${range(bare)}`, goal: '–' },
        { measure: 'for information: the first strike, from /healthz to its answer', result: range(first), baseline: '–', goal: '–' },
      ],
      notes: [],
    };
  } finally {
    data.cleanup();
  }
}

/**
 * A small HTTP load generator for the bot's benchmarks: a fixed number of keep-alive connections
 * (one `http.Agent` with one socket each), every connection sending its next request as soon as the
 * previous answer is read to its end – closed-loop, like wrk or autocannon. Latency is measured per
 * request from the call to `http.request` to the last byte of the answer; throughput counts the answers
 * completed within the duration. Also: the counting connector stand-in, the server child and its
 * control endpoint, a free port, and polling a URL until it answers.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { MemoryReport, ServerUrls } from './httpServerChild';

export interface LoadOptions {
  /** http://127.0.0.1:<port>/<path> – loopback only. */
  url: string;
  connections: number;
  /** Stop sending after this long (ms); Infinity: until `body` runs out. */
  durationMs: number;
  /** The body of the i-th request (0-based, across all connections) on `connection`; undefined when there is none left. */
  body(i: number, connection: number): Buffer | undefined;
  /** Throws when an answer is not the expected one (the benchmark then fails: wrong answers are not measured). */
  check(status: number, text: string, i: number): void;
}

export interface LoadResult {
  /** Answers completed within the duration. */
  completed: number;
  /** Milliseconds of each completed request. */
  latencies: number[];
  /** Requests per second over the duration (or, without one, over the whole run). */
  rps: number;
  elapsedMs: number;
  /** Whether `body` ran out before the duration ended (then the figures are not a fixed-duration run). */
  exhausted: boolean;
  /** Requests sent in all (including those still in flight at the end of the duration). */
  sent: number;
}

function post(agent: http.Agent, url: URL, body: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': body.length },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  if (url.hostname !== '127.0.0.1') throw new Error(`load: loopback only, not ${url.hostname}`);
  const agents = Array.from({ length: options.connections }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  const latencies: number[] = [];
  let next = 0;
  let sent = 0;
  let exhausted = false;
  const start = performance.now();
  const deadline = start + options.durationMs;
  let lastEnd = start;

  const connection = async (agent: http.Agent, c: number) => {
    while (performance.now() < deadline) {
      const i = next++;
      const body = options.body(i, c);
      if (!body) {
        exhausted = true;
        return;
      }
      sent++;
      const t0 = performance.now();
      const { status, text } = await post(agent, url, body);
      const t1 = performance.now();
      options.check(status, text, i);
      if (t1 <= deadline) {
        latencies.push(t1 - t0);
        lastEnd = Math.max(lastEnd, t1);
      }
    }
  };
  try {
    await Promise.all(agents.map((agent, c) => connection(agent, c)));
  } finally {
    for (const a of agents) a.destroy();
  }
  const elapsedMs = Number.isFinite(options.durationMs) && !exhausted ? options.durationMs : lastEnd - start;
  return { completed: latencies.length, latencies, rps: latencies.length / (elapsedMs / 1000), elapsedMs, exhausted, sent };
}

/**
 * The Bot Framework connector stand-in on 127.0.0.1: accepts the bot's replies (POST
 * /v3/conversations/<id>/activities/<replyTo>) with the id Teams would return, and counts them –
 * in all, and those whose body contains `marker` (so a benchmark can tell that every turn answered
 * what it should). Nothing is kept, so it costs the same in a long run as in a short one.
 */
export interface CountingConnector {
  url: string;
  posts: number;
  marked: number;
  marker: string;
  close(): Promise<void>;
}

export async function startCountingConnector(): Promise<CountingConnector> {
  const state = { posts: 0, marked: 0, marker: '\u0000' };
  let next = 1;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const ok = req.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '');
      if (ok) {
        state.posts++;
        if (Buffer.concat(chunks).toString('utf8').includes(state.marker)) state.marked++;
      }
      // restify, loaded in this process, patches writeHead so it no longer returns `res`.
      res.writeHead(ok ? 200 : 404, { 'content-type': 'application/json' });
      res.end(ok ? JSON.stringify({ id: `activity-${next++}` }) : '{}');
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    get posts() {
      return state.posts;
    },
    get marked() {
      return state.marked;
    },
    get marker() {
      return state.marker;
    },
    set marker(m: string) {
      state.marker = m;
      state.marked = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface ServerChild {
  urls: ServerUrls;
  process: ChildProcess;
  memory(): Promise<MemoryReport>;
  /** CPU time the server process has used so far (user + system, all its threads), in ms. */
  cpuMs(): Promise<number>;
  /**
   * CPU time of the server's main thread so far (the Node thread that runs every turn: what bounds its
   * throughput), in ms, from /proc – in clock ticks of 10 ms, so only meaningful over a whole measured window.
   */
  mainThreadMs(): number;
  /** Sets the card the card echo answers with. */
  setEchoCard(card: object): Promise<void>;
  /** Stops both servers cleanly and waits for the process to exit. */
  stop(): Promise<void>;
}

/** Forks bench/httpServerChild.js over `dataDir`; extra node flags (e.g. --cpu-prof) from BENCH_NODE_FLAGS. */
export async function startServerChild(dataDir: string): Promise<ServerChild> {
  const extra = (process.env.BENCH_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
  const child = fork(path.join(__dirname, 'httpServerChild.js'), [dataDir], {
    execArgv: ['--expose-gc', '--no-deprecation', ...extra],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const urls = await new Promise<ServerUrls>((resolve, reject) => {
    child.once('message', (m) => resolve(m as ServerUrls));
    void exited.then((code) => reject(new Error(`server child exited with ${code} before it started`)));
  });
  return {
    urls,
    process: child,
    memory: async () => JSON.parse((await get(`${urls.control}/memory`)).text) as MemoryReport,
    cpuMs: async () => {
      const usage = JSON.parse((await get(`${urls.control}/cpu`)).text) as NodeJS.CpuUsage;
      return (usage.user + usage.system) / 1000;
    },
    mainThreadMs: () => threadCpuMs(urls.pid, urls.pid),
    setEchoCard: async (card) => {
      const r = await postOnce(`${urls.control}/echo-card`, Buffer.from(JSON.stringify(card)));
      if (r.status !== 204) throw new Error(`the card echo refused its card: ${r.status}`);
    },
    async stop() {
      child.send('stop');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** One GET on a fresh connection. */
export function get(url: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** One POST on a fresh connection. */
export function postOnce(url: string, body: Buffer): Promise<{ status: number; text: string }> {
  const agent = new http.Agent({ keepAlive: false });
  return post(agent, new URL(url), body).finally(() => agent.destroy());
}

/** User + system CPU time of one thread of a process (/proc/<pid>/task/<tid>/stat, fields 14 and 15), in ms. */
export function threadCpuMs(pid: number, tid: number): number {
  const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces: the fields are counted from after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // USER_HZ is 100 on Linux: one tick is 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Busy and total CPU time of the whole machine so far (/proc/stat, in ms), to see what else ran meanwhile. */
export function machineCpu(): { busyMs: number; totalMs: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = fields[3] + fields[4];
  // USER_HZ is 100 on Linux: one tick is 10 ms.
  return { busyMs: (total - idle) * 10, totalMs: total * 10 };
}

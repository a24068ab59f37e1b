/**
 * Benchmark: the PostgreSQL store beside the embedded one, in the same run.
 *
 * 1. A persisted strike over HTTP at 10 connections (the clicks of benchmark 4: every person struck,
 *    then "Rückgängig", with the data of the buttons the bot rendered): the bot on PostgreSQL against
 *    the bot on its data directory – each round both, in fresh server processes, the order alternating.
 * 2. 46 clerks (one per Gemeinde, one connection each, closed loop, benchmark 5's clicks) against two
 *    bot instances on one database – 23 clerks on each – against one instance with all 46.
 * 3. `intm store copy` of 100,000 persons: data directory → PostgreSQL against data directory → data
 *    directory (the same copy and verification, the embedded store as the target).
 *
 * The cluster is a throwaway one (initdb in a temp dir) with fsync and synchronous_commit on, as a
 * production server runs: the embedded store also waits for the disk before it answers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { IntmApp } from '../src/app';
import { copyStore } from '../src/app/storeCopy';
import type { Actor } from '../src/domain/actor';
import { defaultPeriod } from '../src/domain/campaign';
import { syntheticExport } from '../src/demo/syntheticExport';
import { ExcelWorkbookWriter } from '../src/excel/workbookWriter';
import { loadVerzeichnis } from '../src/storage/gemeindenCsv';
import { LowdbRepository } from '../src/storage/lowdbRepository';
import { PgRepository } from '../src/storage/postgres/pgRepository';
import { fixedClock } from '../src/storage/systemClock';
import { startPgCluster, type PgCluster } from '../test/pgCluster';
import { type BotData, NOW, prepareBotData, YEAR } from './botData';
import { clerkStreams } from './clerks';
import { ClickFlow, type ClickKind } from './clicks';
import { CONNECTIONS, cpu, flowLoad, latency, mainThread, measured, median, noKinds, othersNote, type Side, side, spread, STEADY_WARMUP_CLICKS, STEADY_WARMUP_MS, streamsOf, warmUpClicks, WARMUP_PERSONS, warmupSplit } from './http';
import { type CountingConnector, type LoadResult, runLoad, type ServerChild, startCountingConnector, startServerChild } from './load';
import { memoryTable } from './strike';
import { ms, percentile, type Row, type Section } from './report';

const ROUNDS = 4;
const MEASURE_MS = 2_000;
const CLERKS = 46;
const COPY_PERSONS = 100_000;
const GOAL_THROUGHPUT = 0.5;
const GOAL_P99 = 2;
const GOAL_COPY = 3;

const coordinator: Actor = { id: 'bench-koordination', name: 'Bench Koordination', role: 'koordination' };

/** A fresh database holding what the prepared data directory holds (copied with the store copy). */
async function databaseFrom(cluster: PgCluster, dataDir: string): Promise<string> {
  const url = await cluster.newDatabase();
  const source = await LowdbRepository.open(dataDir);
  const target = await PgRepository.open(url);
  try {
    await copyStore(source, target, { verzeichnis: loadVerzeichnis(), clock: fixedClock(NOW) }, url);
  } finally {
    await source.close();
    await target.close();
  }
  return url;
}

/** Strikes and undos at 10 connections on one server, after a warm-up to its steady state on persons set aside for it (as in 4.). */
async function strikeLoad(server: ServerChild, data: BotData, connector: CountingConnector, into: Side, kinds: Record<ClickKind, number>): Promise<void> {
  const url = `${server.urls.bot}/api/messages`;
  const { warm, measured: fresh } = warmupSplit(data.targets);
  await warmUpClicks(url, new ClickFlow(streamsOf(warm, CONNECTIONS), data.pages, connector.url), CONNECTIONS);
  const flow = new ClickFlow(streamsOf(fresh, CONNECTIONS), data.pages, connector.url, { kinds: ['strike', 'undo'] });
  await measured(server, into, () => runLoad({ url, connections: CONNECTIONS, durationMs: MEASURE_MS, ...flowLoad(flow, kinds) }));
}

async function strikeRound(cluster: PgCluster, data: BotData, connector: CountingConnector, round: number, sides: { embedded: Side; pg: Side }, kinds: Record<ClickKind, number>) {
  const runs = [
    async () => {
      const server = await startServerChild(data.copy());
      try {
        await strikeLoad(server, data, connector, sides.embedded, kinds);
      } finally {
        await server.stop();
      }
    },
    async () => {
      const server = await startServerChild(await databaseFrom(cluster, data.dir));
      try {
        await strikeLoad(server, data, connector, sides.pg, kinds);
      } finally {
        await server.stop();
      }
    },
  ];
  for (const run of round % 2 ? runs.reverse() : runs) await run();
}

/** 46 clerks on `servers` (the Gemeinden shared out among them), measured together for MEASURE_MS. */
async function clerksOn(servers: ServerChild[], data: BotData, connector: CountingConnector, refused: { count: number }): Promise<{ rps: number; latencies: number[]; cpuMs: number; sent: number }> {
  const streams = clerkStreams(data, 1);
  const per = Math.ceil(streams.length / servers.length);
  const loads = servers.map((server, s) => {
    const own = streams.slice(s * per, (s + 1) * per);
    const flow = new ClickFlow(own, data.pages, connector.url);
    return { server, url: `${server.urls.bot}/api/messages`, flow, connections: own.length };
  });
  // Warm-up: each server's clerks click until it runs in its steady state (as in 4.).
  await Promise.all(loads.map((l) => warmUpClicks(l.url, l.flow, l.connections, refused)));
  const cpuBefore = await Promise.all(servers.map((s) => s.cpuMs()));
  const results: LoadResult[] = await Promise.all(loads.map((l) => runLoad({ url: l.url, connections: l.connections, durationMs: MEASURE_MS, ...flowLoad(l.flow, noKinds(), refused) })));
  const cpuAfter = await Promise.all(servers.map((s) => s.cpuMs()));
  return {
    rps: results.reduce((sum, r) => sum + r.rps, 0),
    latencies: results.flatMap((r) => r.latencies),
    cpuMs: cpuAfter.reduce((sum, c, i) => sum + c - cpuBefore[i]!, 0),
    sent: results.reduce((sum, r) => sum + r.sent, 0),
  };
}

interface InstanceFigures {
  rps: number[];
  latencies: number[];
  cpuPerRequest: number[];
}

async function instancesRound(cluster: PgCluster, data: BotData, connector: CountingConnector, round: number, one: InstanceFigures, two: InstanceFigures, refused: { count: number }) {
  const runs = [
    async () => {
      const server = await startServerChild(await databaseFrom(cluster, data.dir));
      try {
        const r = await clerksOn([server], data, connector, refused);
        one.rps.push(r.rps);
        one.latencies.push(...r.latencies);
        one.cpuPerRequest.push(r.cpuMs / r.sent);
      } finally {
        await server.stop();
      }
    },
    async () => {
      const url = await databaseFrom(cluster, data.dir);
      const servers = await Promise.all([startServerChild(url), startServerChild(url)]);
      try {
        const r = await clerksOn(servers, data, connector, refused);
        two.rps.push(r.rps);
        two.latencies.push(...r.latencies);
        two.cpuPerRequest.push(r.cpuMs / r.sent);
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
      }
    },
  ];
  for (const run of round % 2 ? runs.reverse() : runs) await run();
}

/** A data directory with COPY_PERSONS persons imported (the synthetic export over the 46 Gemeinden). */
async function largeDataDir(): Promise<{ dir: string; persons: number }> {
  const verzeichnis = loadVerzeichnis();
  const exp = syntheticExport({ seed: YEAR + 1, gemeinden: verzeichnis.all, persons: COPY_PERSONS, period: defaultPeriod(YEAR) });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'intm-bench-pg-copy-'));
  const repo = await LowdbRepository.open(dir);
  const app = new IntmApp({ repo, clock: fixedClock(NOW), verzeichnis, tableReader: memoryTable(exp), workbooks: new ExcelWorkbookWriter() });
  try {
    await app.campaigns.create({ year: YEAR, kreisAmount: '1508000' }, { actor: coordinator });
    const report = await app.imports.importStep1(YEAR, Buffer.alloc(0), 'bench.xlsx', { actor: coordinator });
    if (!report.stored) throw new Error('bench data: import refused');
    return { dir, persons: (await repo.readLists(YEAR)).reduce((n, l) => n + l.persons.length, 0) };
  } finally {
    await app.close();
  }
}

async function timedCopy(from: string, to: () => Promise<{ repo: PgRepository | LowdbRepository; cleanup(): void }>): Promise<number> {
  const source = await LowdbRepository.open(from);
  const target = await to();
  try {
    const started = performance.now();
    await copyStore(source, target.repo, { verzeichnis: loadVerzeichnis(), clock: fixedClock(NOW) }, 'bench');
    return performance.now() - started;
  } finally {
    await source.close();
    await target.repo.close();
    target.cleanup();
  }
}

export async function postgresBenchmark(): Promise<Section> {
  const cluster = await startPgCluster({ durable: true });
  const data = await prepareBotData();
  const connector = await startCountingConnector();
  const large = await largeDataDir();
  try {
    const sides = { embedded: side(), pg: side() };
    const kinds = noKinds();
    for (let round = 0; round < ROUNDS; round++) await strikeRound(cluster, data, connector, round, sides, kinds);

    const one: InstanceFigures = { rps: [], latencies: [], cpuPerRequest: [] };
    const two: InstanceFigures = { rps: [], latencies: [], cpuPerRequest: [] };
    const refused = { count: 0 };
    for (let round = 0; round < ROUNDS; round++) await instancesRound(cluster, data, connector, round, one, two, refused);

    const copies = { pg: [] as number[], dir: [] as number[] };
    for (let round = 0; round < 2; round++) {
      copies.dir.push(
        await timedCopy(large.dir, async () => {
          const dir = mkdtempSync(path.join(os.tmpdir(), 'intm-bench-pg-target-'));
          return { repo: await LowdbRepository.open(dir), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
        }),
      );
      copies.pg.push(await timedCopy(large.dir, async () => ({ repo: await PgRepository.open(await cluster.newDatabase()), cleanup: () => undefined })));
    }

    const throughput = median(sides.pg.rps) / median(sides.embedded.rps);
    const p99 = percentile(sides.pg.latencies, 0.99) / percentile(sides.embedded.latencies, 0.99);
    const scale = median(two.rps) / median(one.rps);
    const copyRatio = median(copies.pg) / median(copies.dir);
    const lat = (f: InstanceFigures) => `p50 ${ms(percentile(f.latencies, 0.5))}, p99 ${ms(percentile(f.latencies, 0.99))}`;
    const rows: Row[] = [
      { measure: `persisted strike at ${CONNECTIONS} connections, throughput, median of ${ROUNDS} rounds (min–max)`, result: `PostgreSQL ${spread(sides.pg.rps)}`, baseline: `embedded ${spread(sides.embedded.rps)}`, goal: '–' },
      { measure: 'PostgreSQL / embedded store, strike throughput', result: `${throughput.toFixed(2)}×`, baseline: '1×', goal: `≥ ${GOAL_THROUGHPUT}×`, met: throughput >= GOAL_THROUGHPUT },
      { measure: `PostgreSQL / embedded store, strike p99 at ${CONNECTIONS} connections`, result: `${p99.toFixed(2)}× (${latency(sides.pg)})`, baseline: `embedded ${latency(sides.embedded)}`, goal: `≤ ${GOAL_P99}×`, met: p99 <= GOAL_P99 },
      { measure: 'bot server CPU per strike, median of rounds (the database server not included)', result: `PostgreSQL ${cpu(sides.pg)}`, baseline: `embedded ${cpu(sides.embedded)}`, goal: '–' },
      { measure: "for information: the bot's main thread – CPU per strike and how busy it was, medians of rounds", result: `PostgreSQL ${mainThread(sides.pg)}`, baseline: `embedded ${mainThread(sides.embedded)}`, goal: '–' },
      { measure: `${CLERKS} clerks, throughput: two instances on one database / one instance (median of ${ROUNDS} rounds)`, result: `${scale.toFixed(2)}× (${spread(two.rps)})`, baseline: `one instance ${spread(one.rps)}`, goal: '–' },
      { measure: `${CLERKS} clerks: latency; bot CPU per click (all instances)`, result: `two: ${lat(two)}; ${ms(median(two.cpuPerRequest))}`, baseline: `one: ${lat(one)}; ${ms(median(one.cpuPerRequest))}`, goal: '–' },
      { measure: `${CLERKS} clerks: clicks refused (both set-ups)`, result: String(refused.count), baseline: '–', goal: '0', met: refused.count === 0 },
      { measure: `intm store copy of ${large.persons.toLocaleString('en')} persons (copy and verification), median of 2`, result: `→ PostgreSQL ${(median(copies.pg) / 1000).toFixed(1)} s = ${copyRatio.toFixed(2)}×`, baseline: `→ data directory ${(median(copies.dir) / 1000).toFixed(1)} s`, goal: `≤ ${GOAL_COPY}×`, met: copyRatio <= GOAL_COPY },
    ];
    return {
      title: '10. PostgreSQL: the shared store beside the embedded one',
      method: `
**Strike:** the clicks of benchmark 4 (strike form buttons as the bot renders them, then "Rückgängig"),
${CONNECTIONS} keep-alive connections, clicks on ${WARMUP_PERSONS} persons set aside to warm up (to the steady state: ${STEADY_WARMUP_MS / 1000} s and ${STEADY_WARMUP_CLICKS.toLocaleString('en')} clicks, see 4.), then
${MEASURE_MS / 1000} s of strikes of the others measured; each round one server
process on a fresh copy of the data directory and one on a fresh PostgreSQL database holding the same
(filled with \`intm store copy\`'s service), the order alternating. **Two instances:** ${CLERKS} clerks, one per
Gemeinde, one connection each, closed loop (benchmark 5's clicks), against one bot process on a fresh
database, and against two bot processes on one fresh database with 23 clerks on each (what a load
balancer in front of two instances does); both measured for ${MEASURE_MS / 1000} s after the same warm-up. **Copy:** ${COPY_PERSONS.toLocaleString('en')} persons of
an invented export over the 46 Gemeinden imported into a data directory, then copied with \`copyStore\`
(src/app/storeCopy.ts: every year, list and change log, then both stores read again and compared) into
an empty database and, as the baseline, into an empty data directory. PostgreSQL runs as a throwaway
cluster on this machine with fsync and synchronous_commit on.`,
      rows,
      notes: [
        othersNote(sides.embedded, sides.pg),
        `The database server runs on the same ${os.cpus().length} cores as the bot processes and the load generator: with two instances, three busy processes share two cores, so the two-instance figure shows correctness and overhead under contention, not the scaling two machines would give.`,
      ],
    };
  } finally {
    await connector.close();
    data.cleanup();
    rmSync(large.dir, { recursive: true, force: true });
    await cluster.stop();
  }
}

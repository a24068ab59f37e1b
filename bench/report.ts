/**
 * What every benchmark shares: timing statistics, machine facts, and the result table that is printed
 * and written to BENCHMARKS.md. A benchmark returns a Section; this file only formats it.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';

export interface Stats {
  runs: number;
  min: number;
  median: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentile (0 < p ≤ 1) of samples sorted ascending: no interpolation, so it is a measured value. */
function nearestRank(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** Nearest-rank percentile of unsorted samples (0 < p ≤ 1). */
export function percentile(samples: readonly number[], p: number): number {
  return nearestRank([...samples].sort((a, b) => a - b), p);
}

/** Nearest-rank percentiles: no interpolation, so every figure reported is a time that was measured. */
export function stats(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new Error('stats: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  return { runs: sorted.length, min: sorted[0], median: nearestRank(sorted, 0.5), p95: nearestRank(sorted, 0.95), max: sorted[sorted.length - 1] };
}

/** Milliseconds one call takes. */
export async function timed(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : value >= 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(2)} ms`;
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

/** `median (p95)` – the form used in every table cell with a time. */
export function medianP95(s: Stats): string {
  return `${ms(s.median)} (p95 ${ms(s.p95)})`;
}

/** One line of the result table. `met` is absent for figures reported for information only. */
export interface Row {
  measure: string;
  result: string;
  baseline: string;
  goal: string;
  met?: boolean;
}

export interface Section {
  title: string;
  /** Markdown: what was measured and how, and what the baseline is. */
  method: string;
  rows: Row[];
  /** Further measured facts, as Markdown list items. */
  notes: string[];
}

export interface Machine {
  cpu: string;
  cores: number;
  memory: string;
  node: string;
  os: string;
  date: string;
  /** Load averages (1, 5, 15 min) when the run started: other work on the machine shows here. */
  load: number[];
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    load: os.loadavg(),
  };
}

function verdict(row: Row): string {
  return row.met === undefined ? 'info' : row.met ? 'MET' : 'NOT MET';
}

/** The table on the terminal: fixed-width columns. */
export function printTable(sections: readonly Section[]): void {
  const header = ['Benchmark', 'Measure', 'Result', 'Baseline (same run)', 'Goal', 'Verdict'];
  const lines = sections.flatMap((s) => s.rows.map((r) => [s.title, r.measure, r.result, r.baseline, r.goal, verdict(r)]));
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const l of lines) console.log(format(l));
}

function markdownTable(rows: readonly Row[]): string {
  const escape = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| Measure | Result | Baseline (same run) | Goal | Verdict |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${[r.measure, r.result, r.baseline, r.goal, verdict(r)].map(escape).join(' | ')} |`),
  ].join('\n');
}

/** Each section as it stands in BENCHMARKS.md: its method, its table, its notes. */
export function renderSections(sections: readonly Section[]): string {
  return sections
    .flatMap((s) => [`## ${s.title}`, '', s.method.trim(), '', markdownTable(s.rows), '', ...(s.notes.length > 0 ? [...s.notes.map((n) => `- ${n}`), ''] : [])])
    .join('\n');
}

export function renderMarkdown(sections: readonly Section[], m: Machine, seconds: number, loadAtEnd: number[] = os.loadavg()): string {
  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' / ');
  const summary = sections.flatMap((s) => s.rows.filter((r) => r.met !== undefined).map((r) => ({ s, r })));
  return [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (compiles, then runs `dist/bench/run.js`; the code is in `bench/`). Every figure',
    'stands beside a baseline measured in the same run on the same machine, so the comparison holds even when',
    'the absolute numbers move between machines. Re-run it to refresh this file; it is not part of `npm test`.',
    '',
    '## Machine',
    '',
    `- CPU: ${m.cpu}, ${m.cores} cores; memory ${m.memory}`,
    `- Node ${m.node} on ${m.os}`,
    `- Run: ${m.date}, ${seconds.toFixed(0)} s in total`,
    `- Load average (1 / 5 / 15 min): ${load(m.load)} at the start, ${load(loadAtEnd)} at the end – the machine is shared, and other work on it slows every figure; the baselines, measured alongside, share that fate`,
    '',
    '## Summary',
    '',
    '| Benchmark | Measure | Result | Goal | Verdict |',
    '|---|---|---|---|---|',
    ...summary.map(({ s, r }) => `| ${s.title} | ${r.measure} | ${r.result} | ${r.goal} | ${verdict(r)} |`),
    '',
    renderSections(sections),
    '## Reproduce',
    '',
    '```',
    'npm ci',
    'npm run bench',
    '```',
    '',
    'Times are wall-clock (`performance.now()`); "p50", "p95" and "p99" are nearest-rank percentiles. Memory figures',
    'of 2. come from fresh child processes (`process.resourceUsage().maxRSS`), those of 7. from the server process',
    'itself after forced GCs. The HTTP figures (4.–9.) travel over 127.0.0.1 only: the load generator',
    '(bench/load.ts, node:http keep-alive agents), the connector stand-in and every server listen there.',
    'Temporary files and data directories are created in the system temp folder and removed afterwards.',
    '',
  ].join('\n');
}

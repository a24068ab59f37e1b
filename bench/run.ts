/**
 * `npm run bench`: runs the three benchmarks one after the other, prints the table and writes
 * BENCHMARKS.md at the project root. `node dist/bench/run.js allocation strike` runs only the named
 * ones and then leaves BENCHMARKS.md alone (a partial run must not replace the full report).
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../src/storage/paths';
import { machine, printTable, renderMarkdown, renderSections, type Section } from './report';

/**
 * Each benchmark's module is loaded only when it runs: the bot's modules (botbuilder, teams-ai,
 * restify) add tens of MiB to this process's heap, and every major GC during the allocation rounds
 * would have to walk them – the allocation's p95 tripled when they were loaded up front.
 */
const BENCHMARKS: Record<string, () => Promise<Section>> = {
  allocation: () => (require('./allocation') as typeof import('./allocation')).allocationBenchmark(),
  import: () => (require('./import') as typeof import('./import')).importBenchmark(),
  strike: () => (require('./strike') as typeof import('./strike')).strikeBenchmark(),
  httpStrike: () => (require('./http') as typeof import('./http')).httpStrikeBenchmark(),
  clerks: () => (require('./clerks') as typeof import('./clerks')).clerksBenchmark(),
  httpQuestion: () => (require('./http') as typeof import('./http')).httpQuestionBenchmark(),
  memory: () => (require('./memory') as typeof import('./memory')).memoryBenchmark(),
  startup: () => (require('./startup') as typeof import('./startup')).startupBenchmark(),
  history: () => (require('./history') as typeof import('./history')).historyBenchmark(),
  postgres: () => (require('./postgres') as typeof import('./postgres')).postgresBenchmark(),
  gesamtnachweis: () => (require('./gesamtnachweis') as typeof import('./gesamtnachweis')).gesamtnachweisBenchmark(),
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}`);
  const names = wanted.length > 0 ? wanted : Object.keys(BENCHMARKS);

  const m = machine();
  console.log(`IntM-Bot benchmarks – ${m.cpu}, ${m.cores} cores, Node ${m.node}, ${m.date}\n`);
  const started = performance.now();
  const sections: Section[] = [];
  for (const name of names) {
    const t = performance.now();
    process.stdout.write(`${name} … `);
    sections.push(await BENCHMARKS[name]());
    console.log(`${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log('');
  printTable(sections);
  console.log('');
  for (const s of sections) for (const note of s.notes) console.log(`- ${note.replace(/`/g, '')}`);

  if (wanted.length === 0) {
    const file = path.join(projectRoot(), 'BENCHMARKS.md');
    writeFileSync(file, renderMarkdown(sections, m, seconds));
    console.log(`\nWritten: ${path.relative(process.cwd(), file) || file}`);
  } else {
    // A partial run leaves BENCHMARKS.md alone; its sections, as they would stand there, go to a file of their own.
    const file = path.join(os.tmpdir(), `intm-bench-${names.join('-')}.md`);
    writeFileSync(file, `Run: ${m.date}, ${seconds.toFixed(0)} s; load average at the start ${m.load.map((v) => v.toFixed(2)).join(' / ')}, at the end ${os.loadavg().map((v) => v.toFixed(2)).join(' / ')}\n\n${renderSections(sections)}`);
    console.log(`\nSections written to ${file} (BENCHMARKS.md unchanged)`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

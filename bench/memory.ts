/**
 * Benchmark 6: the server's memory after 10,000 card actions over HTTP against its memory right after
 * start. The server runs in a child process (bench/httpServerChild.ts, `--expose-gc`), which answers
 * its memory after a forced GC on a control endpoint; the actions come from bench/load.ts.
 */
import { prepareBotData, strikeBody, undoBody } from './botData';
import { CONNECTIONS } from './http';
import { runLoad, startServerChild } from './load';
import { mib, type Section } from './report';
import type { MemoryReport } from './httpServerChild';

const ACTIONS = 10_000;
/** Persons per phase: strike them all, then undo them all, and so on – every action changes a list. */
const PHASE = 2_000;

export async function memoryBenchmark(): Promise<Section> {
  const data = await prepareBotData();
  if (data.targets.length < PHASE) throw new Error('memory: too few persons for a phase');
  const server = await startServerChild(data.copy());
  try {
    const url = `${server.urls.bot}/api/messages`;
    const atStart = await server.memory();
    const checkpoints: { actions: number; memory: MemoryReport; ms: number }[] = [];
    for (let phase = 0; phase < ACTIONS / PHASE; phase++) {
      const striking = phase % 2 === 0;
      const marker = striking ? 'Die Person ist gestrichen.' : 'Rückgängig gemacht.';
      const r = await runLoad({
        url,
        connections: CONNECTIONS,
        durationMs: Number.POSITIVE_INFINITY,
        body: (i) => {
          if (i >= PHASE) return undefined;
          const op = `bench-mem-${phase}-${i}`;
          return striking ? strikeBody(data.targets[i], op, 'http://127.0.0.1:9/') : undoBody(data.targets[i], op, 'http://127.0.0.1:9/');
        },
        check: (status, text) => {
          if (status !== 200 || !text.includes(marker)) throw new Error(`unexpected answer ${status}: ${text.slice(0, 300)}`);
        },
      });
      if (r.completed !== PHASE) throw new Error(`memory: ${r.completed} of ${PHASE} actions answered`);
      checkpoints.push({ actions: (phase + 1) * PHASE, memory: await server.memory(), ms: r.elapsedMs });
    }
    const end = checkpoints[checkpoints.length - 1];
    const first = checkpoints[0];
    const perThousand = (field: 'rss' | 'heapUsed') => (end.memory[field] - first.memory[field]) / ((end.actions - first.actions) / 1000);
    const signed = (bytes: number) => `${bytes >= 0 ? '+' : '−'}${(Math.abs(bytes) / 1024 / 1024).toFixed(1)} MiB`;
    const trend = (field: 'rss' | 'heapUsed') => checkpoints.map((c) => mib(c.memory[field])).join(' → ');
    const totalMs = checkpoints.reduce((sum, c) => sum + c.ms, 0);

    return {
      title: '6. Memory after 10,000 card actions',
      method: `
The real server of 4. (\`startBot\` in local mode, with the echo beside it) in a child process started with
\`--expose-gc\`, over a fresh copy of the prepared data directory (${data.gemeinden} Gemeinden, ${data.inside.toLocaleString('en')} listed persons, ${data.users.length} staff in
the roster). ${ACTIONS.toLocaleString('en')} card actions over HTTP, ${CONNECTIONS} keep-alive connections: ${PHASE.toLocaleString('en')} different persons struck, the
same ${PHASE.toLocaleString('en')} restored with \`person.undo\`, struck again, and so on – every action a persisted change with
its own operation id, answered with the list card. The server measures itself on a control endpoint of
the benchmark harness: two forced GCs, then \`process.memoryUsage()\` (RSS, V8 heap in use) – the RSS
is VmRSS of /proc/<pid>/status. **Baseline:** the same figures right after start, before the
first request. Checkpoints after every ${PHASE.toLocaleString('en')} actions show the trend.`,
      rows: [
        { measure: 'RSS after forced GC', result: `${mib(end.memory.rss)} after ${ACTIONS.toLocaleString('en')} actions`, baseline: `${mib(atStart.rss)} after start`, goal: '–' },
        { measure: 'V8 heap in use after forced GC', result: `${mib(end.memory.heapUsed)} after ${ACTIONS.toLocaleString('en')} actions`, baseline: `${mib(atStart.heapUsed)} after start`, goal: '–' },
        { measure: `growth per 1,000 actions, from ${first.actions.toLocaleString('en')} to ${end.actions.toLocaleString('en')}`, result: `RSS ${signed(perThousand('rss'))}, heap ${signed(perThousand('heapUsed'))}`, baseline: '0 (no leak)', goal: '–' },
      ],
      notes: [
        `RSS at start and after each ${PHASE.toLocaleString('en')} actions: ${mib(atStart.rss)} → ${trend('rss')}.`,
        `V8 heap in use at start and after each ${PHASE.toLocaleString('en')} actions: ${mib(atStart.heapUsed)} → ${trend('heapUsed')}; external memory at the end ${mib(end.memory.external)} (start ${mib(atStart.external)}).`,
        `The ${ACTIONS.toLocaleString('en')} actions took ${(totalMs / 1000).toFixed(1)} s (${Math.round(ACTIONS / (totalMs / 1000))} per second at ${CONNECTIONS} connections; ${Math.round(PHASE / (first.ms / 1000))} per second in the first ${PHASE.toLocaleString('en')}, ${Math.round(PHASE / (end.ms / 1000))} in the last). Each list's change log grows with every action – ${Math.round(ACTIONS / data.gemeinden)} entries per list on average by the end – in the files; \`LowdbRepository\` keeps at most 256 parsed documents (the data directory holds about 50), so the heap does not grow with them.`,
        'The RSS swings between checkpoints while the heap stays level: memory the allocator keeps after the GCs, not live objects; the heap in use is the figure that would show a leak.',
      ],
    };
  } finally {
    await server.stop();
    data.cleanup();
  }
}

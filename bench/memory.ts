/**
 * Benchmark 7: the server's memory after 10,000 card actions over HTTP against its memory right after
 * start. The server runs in a child process (bench/httpServerChild.ts, `--expose-gc`), which answers
 * its memory after a forced GC on a control endpoint; the actions come from bench/load.ts.
 */
import { prepareBotData } from './botData';
import { ClickFlow, type ClickKind } from './clicks';
import { CONNECTIONS, flowLoad } from './http';
import { get, runLoad, startServerChild } from './load';
import { mib, type Section } from './report';
import type { MemoryReport } from './httpServerChild';

const ACTIONS = 10_000;
/** Actions between two measurements. */
const PHASE = 2_000;
/** Heap growth per 1,000 actions that still counts as flat… */
const FLAT_MIB_PER_1000 = 0.1;
/**
 * …from this many actions on: by then what is kept on purpose has grown to its size – the index of
 * operation ids (a journal segment holds up to 4,000 records while the clicks never pause) and the kept
 * card parts of every page shown.
 */
const SETTLED_AT = 4_000;

export async function memoryBenchmark(): Promise<Section> {
  const data = await prepareBotData();
  if (data.targets.length < PHASE) throw new Error('memory: too few persons for a phase');
  const server = await startServerChild(data.copy());
  try {
    const url = `${server.urls.bot}/api/messages`;
    const atStart = await server.memory();
    const checkpoints: { actions: number; memory: MemoryReport; ms: number }[] = [];
    // Every person's clicks in turn: strike (the form's button), "Rückgängig" (from the answer), the form again, strike …
    const streams = Array.from({ length: CONNECTIONS }, (_, c) => data.targets.filter((_, i) => i % CONNECTIONS === c));
    const flow = new ClickFlow(streams, data.pages, 'http://127.0.0.1:9/');
    const kinds: Record<ClickKind, number> = { strike: 0, undo: 0, form: 0 };
    const clicks = flowLoad(flow, kinds);
    for (let phase = 0; phase < ACTIONS / PHASE; phase++) {
      const r = await runLoad({
        url,
        connections: CONNECTIONS,
        durationMs: Number.POSITIVE_INFINITY,
        body: (i, c) => (i < PHASE ? clicks.body(i + phase * PHASE, c) : undefined),
        check: (status, text, i) => clicks.check(status, text, i + phase * PHASE),
      });
      if (r.completed !== PHASE) throw new Error(`memory: ${r.completed} of ${PHASE} actions answered`);
      checkpoints.push({ actions: (phase + 1) * PHASE, memory: await server.memory(), ms: r.elapsedMs });
    }
    const journal = JSON.parse((await get(`${server.urls.control}/journal`)).text) as { records: number; compactions: number };
    const end = checkpoints[checkpoints.length - 1];
    const first = checkpoints.find((c) => c.actions === SETTLED_AT)!;
    const perThousand = (field: 'rss' | 'heapUsed') => (end.memory[field] - first.memory[field]) / ((end.actions - first.actions) / 1000);
    const signed = (bytes: number) => `${bytes >= 0 ? '+' : '−'}${(Math.abs(bytes) / 1024 / 1024).toFixed(1)} MiB`;
    const trend = (field: 'rss' | 'heapUsed') => checkpoints.map((c) => mib(c.memory[field])).join(' → ');
    const totalMs = checkpoints.reduce((sum, c) => sum + c.ms, 0);

    const heapGrowth = perThousand('heapUsed') / 1024 / 1024;
    return {
      title: '7. Memory after 10,000 card actions',
      method: `
The real server of 4. (\`startBot\` in local mode, with the echo beside it) in a child process started with
\`--expose-gc\`, over a fresh copy of the prepared data directory (${data.gemeinden} Gemeinden, ${data.inside.toLocaleString('en')} listed persons, ${data.users.length} staff in
the roster). ${ACTIONS.toLocaleString('en')} card actions over HTTP, ${CONNECTIONS} keep-alive connections, each with its share of the persons,
every click with the data of a button the bot rendered (bench/clicks.ts): each person struck (the strike
form's button), restored ("Rückgängig", from the strike's answer), the form opened again, struck again, and
so on – every strike and undo a persisted change with its own operation id, answered with the list card.
The server measures itself on a control endpoint of the benchmark harness: two forced GCs, then
\`process.memoryUsage()\` (RSS, V8 heap in use) – the RSS is VmRSS of /proc/<pid>/status. **Baseline:** the
same figures right after start, before the first request. Checkpoints after every ${PHASE.toLocaleString('en')} actions show
the trend; "flat" is a heap growth of at most ${FLAT_MIB_PER_1000} MiB per 1,000 actions from ${SETTLED_AT.toLocaleString('en')} actions on (by then what
is kept on purpose is full: the index of operation ids – a journal segment holds up to 4,000 records while
the clicks never pause – and the kept card parts of every page shown).`,
      rows: [
        { measure: 'RSS after forced GC', result: `${mib(end.memory.rss)} after ${ACTIONS.toLocaleString('en')} actions`, baseline: `${mib(atStart.rss)} after start`, goal: '–' },
        { measure: 'V8 heap in use after forced GC', result: `${mib(end.memory.heapUsed)} after ${ACTIONS.toLocaleString('en')} actions`, baseline: `${mib(atStart.heapUsed)} after start`, goal: '–' },
        {
          measure: `V8 heap growth per 1,000 actions, from ${first.actions.toLocaleString('en')} to ${end.actions.toLocaleString('en')}`,
          result: `${signed(perThousand('heapUsed'))} (RSS ${signed(perThousand('rss'))})`,
          baseline: '0 (flat)',
          goal: `≤ ${FLAT_MIB_PER_1000} MiB`,
          met: heapGrowth <= FLAT_MIB_PER_1000,
        },
      ],
      notes: [
        `RSS at start and after each ${PHASE.toLocaleString('en')} actions: ${mib(atStart.rss)} → ${trend('rss')}.`,
        `V8 heap in use at start and after each ${PHASE.toLocaleString('en')} actions: ${mib(atStart.heapUsed)} → ${trend('heapUsed')}; external memory at the end ${mib(end.memory.external)} (start ${mib(atStart.external)}).`,
        `The ${ACTIONS.toLocaleString('en')} actions took ${(totalMs / 1000).toFixed(1)} s (${Math.round(ACTIONS / (totalMs / 1000))} per second at ${CONNECTIONS} connections; ${Math.round(PHASE / (checkpoints[0].ms / 1000))} per second in the first ${PHASE.toLocaleString('en')}, ${Math.round(PHASE / (end.ms / 1000))} in the last): ${kinds.strike.toLocaleString('en')} strikes, ${kinds.undo.toLocaleString('en')} undos, ${kinds.form.toLocaleString('en')} forms.`,
        `The journal took ${journal.records.toLocaleString('en')} records and was compacted ${journal.compactions} times meanwhile: the lists are kept in memory as they stand, the change log stays on disk, and the index of operation ids covers the current and the previous journal segment only.`,
        'The RSS swings between checkpoints while the heap stays level: memory the allocator keeps after the GCs, not live objects; the heap in use is the figure that would show a leak.',
      ],
    };
  } finally {
    await server.stop();
    data.cleanup();
  }
}

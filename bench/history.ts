/**
 * Benchmark 8: a click on a list with a long history costs what it costs on a fresh one. One Gemeinde's
 * list takes 2,000 changes first; then, in the real server, clicks on that list and on a list with no
 * change since the import take turns on one connection, and their latencies are compared.
 */
import { performance } from 'node:perf_hooks';
import { openApp } from '../src/compose';
import { fixedClock } from '../src/storage/systemClock';
import { NOW, prepareBotData, type Target, YEAR } from './botData';
import { type Click, ClickFlow } from './clicks';
import { runLoad, startCountingConnector, startServerChild } from './load';
import { ms, percentile, type Section } from './report';

const EARLIER_CHANGES = 2_000;
const CLICKS_PER_LIST = 600;
const WARMUP_CLICKS = 100;
const GOAL_RATIO = 1.2;
/** 2,000 changes are 40 rounds over 50 persons. */
const HISTORY_PERSONS = 50;

export async function historyBenchmark(): Promise<Section> {
  const data = await prepareBotData();
  const connector = await startCountingConnector();
  try {
    // The two largest lists: A gets the history, B stays as imported.
    const byAgs = new Map<string, Target[]>();
    for (const t of data.targets) byAgs.set(t.ags, [...(byAgs.get(t.ags) ?? []), t]);
    const [long, fresh] = [...byAgs.values()].sort((a, b) => b.length - a.length);
    if (long.length < HISTORY_PERSONS) throw new Error('history: the largest list is too small');
    const dir = data.copy();
    const app = await openApp({ dataDir: dir, clock: fixedClock(NOW) });
    const started = performance.now();
    try {
      // The first HISTORY_PERSONS persons struck and restored in turn: an even number of rounds, so all count again at the end.
      for (let i = 0; i < EARLIER_CHANGES; i++) {
        const t = long[i % HISTORY_PERSONS];
        const actor = { id: t.user.aadObjectId, name: t.user.name, role: 'gemeinde' as const, ags: t.ags };
        const opts = { actor, opId: `earlier-${i}` };
        const round = Math.floor(i / HISTORY_PERSONS);
        const outcome = round % 2 === 0 ? await app.review.strike(YEAR, t.ags, { personId: t.personId, reason: 'weggezogen' }, opts) : await app.review.undo(YEAR, t.ags, t.personId, opts);
        if (!outcome.changed) throw new Error('history: an earlier change changed nothing');
      }
    } finally {
      await app.close();
    }
    const historyMs = performance.now() - started;

    const server = await startServerChild(dir);
    const latencies = { long: [] as number[], fresh: [] as number[] };
    try {
      // Both lists begin with the strike form, as a clerk does (list A's persons are not as imported any more).
      const flow = new ClickFlow([long, fresh], data.pages, connector.url, { beginWithForm: true });
      const sentAt = new Map<number, { click: Click; at: number; list: 'long' | 'fresh' }>();
      let counting = false;
      const total = 2 * (CLICKS_PER_LIST + WARMUP_CLICKS);
      await runLoad({
        url: `${server.urls.bot}/api/messages`,
        connections: 1,
        durationMs: Number.POSITIVE_INFINITY,
        // One connection; the two lists take turns click by click.
        body: (i) => {
          if (i >= total) return undefined;
          const list = i % 2 === 0 ? 'long' : 'fresh';
          const click = flow.next(list === 'long' ? 0 : 1)!;
          counting = i >= 2 * WARMUP_CLICKS;
          sentAt.set(i, { click, at: performance.now(), list });
          return click.body;
        },
        check: (status, text, i) => {
          const { click, at, list } = sentAt.get(i)!;
          const took = performance.now() - at;
          if (!flow.answered(click, status, text)) throw new Error(`history: ${click.kind} refused: ${text.slice(0, 300)}`);
          // The changes (strike, undo) are what is compared; opening a form stores nothing.
          if (counting && click.kind !== 'form') latencies[list].push(took);
        },
      });
    } finally {
      await server.stop();
    }
    const med = (v: number[]) => percentile(v, 0.5);
    const ratio = med(latencies.long) / med(latencies.fresh);
    const line = (v: number[]) => `median ${ms(med(v))}, p95 ${ms(percentile(v, 0.95))} (${v.length} changes)`;
    return {
      title: '9. A change on a list with 2,000 earlier changes',
      method: `
The prepared directory of 4.; the largest list (${long.length} persons, AGS ${long[0].ags}) first takes ${EARLIER_CHANGES.toLocaleString('en')} changes through
the application (${HISTORY_PERSONS} of its persons struck and restored in turn, written in ${(historyMs / 1000).toFixed(1)} s), the second largest
(${fresh.length} persons, AGS ${fresh[0].ags}) none. Then the real server of 4. over that directory, one keep-alive connection,
the two lists taking turns click by click – the strike form, its strike, "Rückgängig" from the strike's answer,
and so on (bench/clicks.ts), ${WARMUP_CLICKS} clicks on each to warm up, then ${CLICKS_PER_LIST} on each. Measured: the latency of the
strikes and undos (each a persisted change, answered with the list card), from sending to the last byte of the answer.
**Baseline:** the same on the list with no earlier change, in the same run, interleaved.`,
      rows: [
        { measure: 'latency of a change', result: `2,000 earlier: ${line(latencies.long)}`, baseline: `none: ${line(latencies.fresh)}`, goal: '–' },
        { measure: 'with 2,000 earlier changes / fresh list, medians', result: `${ratio.toFixed(2)}×`, baseline: '1×', goal: `≤ ${GOAL_RATIO}×`, met: ratio <= GOAL_RATIO },
      ],
      notes: [
        'A change reads nothing of the list\'s history: the list is held as it stands, the operation ids of the last journal segments are in an index, and the change log is appended to, never rewritten.',
      ],
    };
  } finally {
    await connector.close();
    data.cleanup();
  }
}

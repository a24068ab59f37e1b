/**
 * Benchmark 5: the Gemeinden at work at once. 46 clerks – one per Gemeinde, one connection each – strike
 * persons of their own list in a closed loop, against the echo at the same 46 connections; then two
 * clerks per Gemeinde on the same list (92 connections), each on her half of the persons, from cards of
 * the same state: no click may be refused because a colleague changed someone else.
 *
 * Every click carries the data of a button the bot rendered (bench/clicks.ts); each round runs in fresh
 * server processes over fresh copies of the data directory.
 */
import { type BotData, prepareBotData, strikeBody, type Target } from './botData';
import { ClickFlow, type ClickKind } from './clicks';
import { cpu, flowLoad, latency, mainThread, measured, median, noKinds, othersNote, type Side, side, spread, STEADY_WARMUP_CLICKS, STEADY_WARMUP_MS, warmUpClicks } from './http';
import { type CountingConnector, runLoad, startCountingConnector, startServerChild } from './load';
import type { Row, Section } from './report';

const CLERK_CONNECTIONS = 46;
const ROUNDS = 4;
const MEASURE_MS = 2_000;
const GOAL_RATIO = 0.5;


/** Each Gemeinde's persons, in the order of `targets`, clicked by `clerks` staff members of it (split alternately). */
export function clerkStreams(data: BotData, clerks: number): Target[][] {
  const byAgs = new Map<string, Target[]>();
  for (const t of data.targets) byAgs.set(t.ags, [...(byAgs.get(t.ags) ?? []), t]);
  const streams: Target[][] = [];
  for (const persons of byAgs.values()) {
    const staff = data.users.filter((u) => u.ags === persons[0].ags);
    for (let k = 0; k < clerks; k++) streams.push(persons.filter((_, i) => i % clerks === k).map((t) => ({ ...t, user: staff[k % staff.length] })));
  }
  return streams;
}

interface Results {
  echo: Side;
  clerks: Side;
  pairs: Side;
  refused: number;
  conflicts: number;
  kinds: Record<ClickKind, number>;
  pairKinds: Record<ClickKind, number>;
}

async function clerksRound(data: BotData, connector: CountingConnector, round: number, res: Results): Promise<void> {
  const server = await startServerChild(data.copy());
  try {
    const echoUrl = `${server.urls.echo}/api/messages`;
    const botUrl = `${server.urls.bot}/api/messages`;
    const flow = new ClickFlow(clerkStreams(data, 1), data.pages, connector.url);
    const refusals = { count: 0 };
    const echoBody = (i: number) => strikeBody(data, data.targets[i % data.targets.length], connector.url);
    const echoed = (status: number, text: string) => {
      if (status !== 200 || !text.includes('OK ')) throw new Error(`echo: unexpected answer ${status}: ${text.slice(0, 200)}`);
    };
    const echo = () => measured(server, res.echo, () => runLoad({ url: echoUrl, connections: CLERK_CONNECTIONS, durationMs: MEASURE_MS, body: echoBody, check: echoed }));
    const clerks = () => measured(server, res.clerks, () => runLoad({ url: botUrl, connections: CLERK_CONNECTIONS, durationMs: MEASURE_MS, ...flowLoad(flow, res.kinds, refusals) }));
    // Both sides warmed up to their steady state (bench/http.ts, STEADY_WARMUP_MS, says why); refusals in the warm-up count too.
    await runLoad({ url: echoUrl, connections: CLERK_CONNECTIONS, durationMs: STEADY_WARMUP_MS, body: echoBody, check: echoed });
    await warmUpClicks(botUrl, flow, CLERK_CONNECTIONS, refusals);
    if (round % 2 === 0) {
      await echo();
      await clerks();
    } else {
      await clerks();
      await echo();
    }
    res.refused += refusals.count;
  } finally {
    await server.stop();
  }
}

/** Two clerks per Gemeinde, from cards of the same state (every person as imported), each on her half of the list. */
async function pairsRound(data: BotData, connector: CountingConnector, res: Results): Promise<void> {
  const server = await startServerChild(data.copy());
  try {
    const botUrl = `${server.urls.bot}/api/messages`;
    const flow = new ClickFlow(clerkStreams(data, 2), data.pages, connector.url);
    const conflicts = { count: 0 };
    await measured(server, res.pairs, () => runLoad({ url: botUrl, connections: CLERK_CONNECTIONS * 2, durationMs: MEASURE_MS, ...flowLoad(flow, res.pairKinds, conflicts) }));
    res.conflicts += conflicts.count;
  } finally {
    await server.stop();
  }
}

export async function clerksBenchmark(): Promise<Section> {
  const data = await prepareBotData();
  const connector = await startCountingConnector();
  try {
    const res: Results = { echo: side(), clerks: side(), pairs: side(), refused: 0, conflicts: 0, kinds: noKinds(), pairKinds: noKinds() };
    for (let round = 0; round < ROUNDS; round++) {
      await clerksRound(data, connector, round, res);
      await pairsRound(data, connector, res);
    }
    const ratio = median(res.clerks.rps) / median(res.echo.rps);
    const lat = latency;
    const pairClicks = res.pairKinds.strike + res.pairKinds.undo + res.pairKinds.form;
    const rows: Row[] = [
      { measure: `throughput, ${CLERK_CONNECTIONS} clerks (one connection each), median of ${ROUNDS} rounds (min–max)`, result: `clicks ${spread(res.clerks.rps)}`, baseline: `echo ${spread(res.echo.rps)} at ${CLERK_CONNECTIONS} connections`, goal: '–' },
      { measure: `${CLERK_CONNECTIONS} clerks / echo at ${CLERK_CONNECTIONS} connections, throughput, medians`, result: `${ratio.toFixed(2)}×`, baseline: '1×', goal: `≥ ${GOAL_RATIO}×`, met: ratio >= GOAL_RATIO },
      { measure: `${CLERK_CONNECTIONS} clerks: clicks refused`, result: String(res.refused), baseline: '–', goal: '0', met: res.refused === 0 },
      { measure: 'latency over all rounds', result: `clicks ${lat(res.clerks)}`, baseline: `echo ${lat(res.echo)}`, goal: '–' },
      { measure: 'server CPU per request, median of rounds', result: `clicks ${cpu(res.clerks)}`, baseline: `echo ${cpu(res.echo)}`, goal: '–' },
      { measure: "for information: the server's main thread – CPU per request and how busy it was, medians of rounds", result: `clicks ${mainThread(res.clerks)}`, baseline: `echo ${mainThread(res.echo)}`, goal: '–' },
      { measure: `2 clerks per Gemeinde on the same list (${CLERK_CONNECTIONS * 2} connections), different persons: conflicts`, result: `${res.conflicts} of ${pairClicks.toLocaleString('en')} clicks`, baseline: '–', goal: '0', met: res.conflicts === 0 },
      { measure: 'for information: 2 clerks per Gemeinde, throughput and latency', result: `${spread(res.pairs.rps)}; ${lat(res.pairs)}`, baseline: '–', goal: '–' },
    ];
    return {
      title: '5. HTTP: the Gemeinden at work at once',
      method: `
**Clerks:** the real server of 4., ${CLERK_CONNECTIONS} keep-alive connections, each one clerk of one Gemeinde (a staff user in the
roster) clicking through her own Gemeinde's list in a closed loop: the strike form's button for each
person (as the bot renders it for a person as imported), then "Rückgängig" with the data of the undo button
the bot's answer carried, then the form again and its button, and so on (bench/clicks.ts) – every click a
persisted change or a form, each answered with its card; a click the bot answers otherwise than it should
(a conflict, an error) is counted as refused. **Baseline:** the echo of 4. at the same ${CLERK_CONNECTIONS} connections with the
same first clicks. ${ROUNDS} rounds, each in a fresh server process over a fresh copy of the data directory:
${STEADY_WARMUP_MS / 1000} s of echo and clicks for ${STEADY_WARMUP_MS / 1000} s and at least ${STEADY_WARMUP_CLICKS.toLocaleString('en')} clicks to warm up (to the steady state, see 4.), then ${MEASURE_MS / 1000} s of each, taking turns in going first.
**Two clerks per Gemeinde:** after each round, another fresh server and copy: ${CLERK_CONNECTIONS * 2} connections, two staff
users of every Gemeinde, each clicking her half of the list's persons (alternating persons) from cards of
the state after the import – so both clerks' first cards show the same list revision – for ${MEASURE_MS / 1000} s. Every
answer that is not the success of its click (in particular "… wurde inzwischen … geändert") counts as a conflict.`,
      rows,
      notes: [
        othersNote(res.echo, res.clerks, res.pairs),
        `Clicks sent by the ${CLERK_CONNECTIONS} clerks in the measured windows: ${res.kinds.strike.toLocaleString('en')} strikes, ${res.kinds.undo.toLocaleString('en')} undos, ${res.kinds.form.toLocaleString('en')} forms opened; by the pairs: ${res.pairKinds.strike.toLocaleString('en')} strikes, ${res.pairKinds.undo.toLocaleString('en')} undos, ${res.pairKinds.form.toLocaleString('en')} forms.`,
      ],
    };
  } finally {
    await connector.close();
    data.cleanup();
  }
}

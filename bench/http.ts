/**
 * Benchmarks 4 and 6: the bot over HTTP, as Teams drives it – the real server in local mode
 * (bench/httpServerChild.ts: `startBot` over a prepared data directory) against an echo on the same
 * restify/TeamsAdapter/teams-ai code path in the same process, loaded by bench/load.ts from this
 * process with 10 keep-alive connections for a fixed duration.
 *
 * 4. A persisted strike (invoke `adaptiveCard/action`, verb `person.strike`) against a bare
 *    Action.Execute echo, and for information a card echo that answers with a prebuilt list card. 6. A question turn ("Wie hoch ist unsere voraussichtliche Förderung?") against
 *    an echo message turn; both reply through the connector stand-in on 127.0.0.1.
 *
 * Each round runs in a fresh server process over a fresh copy of the data directory, measures both
 * sides one after the other (the order alternating between rounds), then stops the server.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import { type BotData, messageActivity, PERSONS, prepareBotData, strikeBody, type Target, YEAR } from './botData';
import { type Click, ClickFlow, type ClickKind } from './clicks';
import { freePort } from '../src/demo/teamsPlayground';
import { type LoadResult, machineCpu, postOnce, runLoad, type ServerChild, startCountingConnector, startServerChild, type CountingConnector } from './load';
import { ms, percentile, type Row, type Section } from './report';
import { questionParts, strikeParts } from './strikeParts';

export const CONNECTIONS = 10;
/** Even, so each side goes first equally often. */
const ROUNDS = 6;
const MEASURE_MS = 2_000;
/** The generator's own warm-up (bench/load.ts against a bare server) and the question benchmark's echo. */
const WARMUP_MS = 1_000;
const STRIKE_GOAL_RATIO = 0.5;
const STRIKE_GOAL_P99_RATIO = 2;
const QUESTION = 'Wie hoch ist unsere voraussichtliche Förderung?';

export interface Side {
  rps: number[];
  latencies: number[];
  p99: number[];
  /** Server CPU (user + system, all threads) per answered request, per round. */
  cpuPerRequest: number[];
  /** CPU of the server's main thread per answered request, per round (what bounds the throughput). */
  mainPerRequest: number[];
  /** Share of the window the server's main thread was busy, per round. */
  mainBusy: number[];
  /** CPU the rest of the machine (neither server nor load generator) used meanwhile, in cores, per round. */
  others: number[];
}

export const side = (): Side => ({ rps: [], latencies: [], p99: [], cpuPerRequest: [], mainPerRequest: [], mainBusy: [], others: [] });

/** Runs one measured load and files its figures, with the CPU the server and everything else used meanwhile. */
export async function measured(server: ServerChild, into: Side, load: () => Promise<LoadResult>): Promise<LoadResult> {
  const serverBefore = await server.cpuMs();
  const ownBefore = process.cpuUsage();
  const machineBefore = machineCpu();
  const mainBefore = server.mainThreadMs();
  const r = await load();
  const mainMs = server.mainThreadMs() - mainBefore;
  const machineAfter = machineCpu();
  const own = process.cpuUsage(ownBefore);
  const serverMs = (await server.cpuMs()) - serverBefore;
  if (r.exhausted) throw new Error('the load ran out of requests before the duration ended');
  into.rps.push(r.rps);
  into.latencies.push(...r.latencies);
  into.p99.push(percentile(r.latencies, 0.99));
  into.cpuPerRequest.push(serverMs / r.sent);
  into.mainPerRequest.push(mainMs / r.sent);
  into.mainBusy.push(mainMs / r.elapsedMs);
  const othersMs = machineAfter.busyMs - machineBefore.busyMs - serverMs - (own.user + own.system) / 1000;
  into.others.push(Math.max(0, othersMs) / r.elapsedMs);
  return r;
}

export const median = (values: readonly number[]) => percentile(values, 0.5);
export const rate = (v: number) => `${Math.round(v).toLocaleString('en')}/s`;
export const spread = (values: readonly number[]) => `${rate(median(values))} (${rate(Math.min(...values))}–${rate(Math.max(...values))})`;
export const latency = (s: Side) => `p50 ${ms(percentile(s.latencies, 0.5))}, p99 ${ms(percentile(s.latencies, 0.99))}`;
const p99Spread = (s: Side) => `${ms(Math.min(...s.p99))}–${ms(Math.max(...s.p99))}`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const cpu = (s: Side) => `${ms(median(s.cpuPerRequest))} (${ms(Math.min(...s.cpuPerRequest))}–${ms(Math.max(...s.cpuPerRequest))})`;
/** The main thread's CPU per request and how busy it was (medians of the rounds). */
export const mainThread = (s: Side) => `${ms(median(s.mainPerRequest))}, busy ${Math.round(100 * median(s.mainBusy))} %`;
export const othersNote = (...sides: Side[]) => {
  const all = sides.flatMap((s) => s.others);
  return `Other processes on this shared machine used ${median(all).toFixed(2)} cores (median over the measured windows; ${Math.min(...all).toFixed(2)}–${Math.max(...all).toFixed(2)}) of the ${os.cpus().length} while these figures were taken; the server and the load generator competed with them, so throughput and latency are lower and noisier than on an idle machine. The server's CPU time per request is the steadier figure.`;
};

/**
 * The load generator's own ceiling: the same generator against a bare node:http server (a process of
 * its own) answering a small JSON – far above the echo, or the echo's figures would measure the generator.
 */
async function generatorCeiling(): Promise<number> {
  const port = await freePort();
  const code = `require('node:http').createServer((q,s)=>{q.resume();q.on('end',()=>{s.writeHead(200,{'content-type':'application/json'});s.end('{"ok":true}')})}).listen(${port},'127.0.0.1',()=>console.log('up'))`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    const body = Buffer.from(JSON.stringify({ type: 'message', text: QUESTION }));
    const check = (status: number) => {
      if (status !== 200) throw new Error(`bare server answered ${status}`);
    };
    await runLoad({ url: `http://127.0.0.1:${port}/`, connections: CONNECTIONS, durationMs: WARMUP_MS, body: () => body, check });
    return (await runLoad({ url: `http://127.0.0.1:${port}/`, connections: CONNECTIONS, durationMs: MEASURE_MS, body: () => body, check })).rps;
  } finally {
    child.kill('SIGTERM');
  }
}

export function checkCard(marker: string) {
  return (status: number, text: string) => {
    if (status !== 200 || !text.includes('"statusCode":200') || !text.includes(marker)) {
      throw new Error(`unexpected answer ${status}: ${text.slice(0, 300)}`);
    }
  };
}

interface StrikeSides {
  echo: Side;
  /** The card echo: answers every click with the same list card the bot answered once, nothing else. */
  cardEcho: Side;
  strike: Side;
}

/** Answers taken once, in the first round: their sizes, and the list card the card echo answers with. */
interface Sample {
  strikeBytes: number;
  echoBytes: number;
  cardEchoBytes: number;
  card?: object;
}

/** Every person once, shared out to `n` streams (one per connection) in the order of `targets`. */
export function streamsOf(targets: readonly Target[], n: number): Target[][] {
  const streams: Target[][] = Array.from({ length: n }, () => []);
  targets.forEach((t, i) => streams[i % n].push(t));
  return streams;
}

/**
 * How long each side is warmed up before it is measured: until its code is compiled. V8 compiles a
 * function with its optimising compiler (in background threads) only after it ran often; a click runs
 * a few hundred of the bot's functions, the echo a few dozen. In a fresh server process the strike path
 * was still being compiled after the few hundred clicks this benchmark used to warm up with: traced with
 * --trace-opt on 07.12.2026, the strikes ran at ~350/s in their first second, ~700/s in the second,
 * ~1,050/s in the fourth, and from then on at ~1,150/s with next to no compiling left. The bot runs
 * for weeks: what a click costs in that steady state is the figure. So every side – echo, card echo,
 * strikes, clerks – is warmed up for this long on its own kind of requests before it is measured, and
 * the strikes' warm-up is reported second by second (it shows where the plateau begins).
 */
export const STEADY_WARMUP_MS = 4_000;
/** …and at least this many clicks (on a busy machine 4 s hold fewer of them), but no longer than STEADY_WARMUP_MAX_MS. */
export const STEADY_WARMUP_CLICKS = 4_000;
const STEADY_WARMUP_MAX_MS = 12_000;
/** Persons the warm-up clicks (strike → undo → form → strike …, as long as it lasts); the measured clicks are the others' first. */
export const WARMUP_PERSONS = 500;

/** The listed persons split: those the warm-up clicks, and the others, left as imported for the measured clicks. */
export function warmupSplit(targets: readonly Target[]): { warm: Target[]; measured: Target[] } {
  return { warm: targets.slice(0, WARMUP_PERSONS), measured: targets.slice(WARMUP_PERSONS) };
}

/**
 * Clicks through `flow` in one-second steps until the steady state (STEADY_WARMUP_MS and _CLICKS);
 * the throughput of each second. The flow must not run out (give it every kind of click, so that its
 * persons go round and round).
 */
export async function warmUpClicks(url: string, flow: ClickFlow, connections: number, refusals?: { count: number }): Promise<number[]> {
  const perSecond: number[] = [];
  let clicks = 0;
  while (perSecond.length * 1_000 < STEADY_WARMUP_MAX_MS && (perSecond.length * 1_000 < STEADY_WARMUP_MS || clicks < STEADY_WARMUP_CLICKS)) {
    const r = await runLoad({ url, connections, durationMs: 1_000, ...flowLoad(flow, noKinds(), refusals) });
    if (r.exhausted) throw new Error('the warm-up ran out of clicks');
    perSecond.push(r.rps);
    clicks += r.sent;
  }
  return perSecond;
}

/** The strikes' warm-up, second by second: the median over the rounds of each second's throughput. */
export function warmupCurve(rounds: readonly number[][]): string {
  const seconds = Math.max(0, ...rounds.map((r) => r.length));
  if (!seconds) return '–';
  // A round on a busy machine may have warmed up for longer: each second over the rounds that had it.
  return Array.from({ length: seconds }, (_, i) => rounds.map((r) => r[i]).filter((v): v is number => v !== undefined))
    .map((values, i) => `${i + 1}. s ${rate(median(values))}${values.length < rounds.length ? ` (${values.length} of ${rounds.length} rounds)` : ''}`)
    .join(', ');
}

/**
 * The clicks of a ClickFlow as a load: stream = connection. Every answer is taken by the flow (which
 * reads the next button's data from it); a refusal is counted – and throws, unless `refusals` counts them.
 */
export function flowLoad(flow: ClickFlow, kinds: Record<ClickKind, number>, refusals?: { count: number }) {
  const sent = new Map<number, Click>();
  return {
    body(i: number, connection: number): Buffer | undefined {
      const click = flow.next(connection);
      if (!click) return undefined;
      sent.set(i, click);
      kinds[click.kind]++;
      return click.body;
    },
    check(status: number, text: string, i: number): void {
      const click = sent.get(i)!;
      sent.delete(i);
      if (flow.answered(click, status, text)) return;
      if (!refusals) throw new Error(`${click.kind} of ${click.target.personId} refused: ${text.slice(0, 400)}`);
      refusals.count++;
    },
  };
}

export const noKinds = (): Record<ClickKind, number> => ({ strike: 0, undo: 0, form: 0 });

/** One server process, one fresh data directory: warm the three sides up, measure them, stop. */
async function strikeRound(data: BotData, connector: CountingConnector, round: number, sides: StrikeSides, sample: Sample, kinds: Record<ClickKind, number>, warmups: number[][]) {
  const { echo, cardEcho, strike } = sides;
  const server = await startServerChild(data.copy());
  try {
    const botUrl = `${server.urls.bot}/api/messages`;
    const echoUrl = `${server.urls.echo}/api/messages`;
    const cardEchoUrl = `${server.urls.cardEcho}/api/messages`;
    // The last person is the card echo's sample (struck once, in the first round); the warm-up clicks its own persons.
    const { warm, measured: fresh } = warmupSplit(data.targets.slice(0, -1));
    const sampled = data.targets[data.targets.length - 1];
    // Measured: strikes of persons as imported (the Gemeinden mixed), then "Rückgängig" on each – one stream per connection.
    const flow = new ClickFlow(streamsOf(fresh, CONNECTIONS), data.pages, connector.url, { kinds: ['strike', 'undo'] });
    // The echo answers any strike without storing it: its bodies are the same first clicks, none used up.
    const echoBody = (i: number) => strikeBody(data, data.targets[i % data.targets.length], connector.url);
    const struck = checkCard('Die Person ist gestrichen.');
    const echoed = checkCard('OK ');
    const echoLoad = (durationMs: number) => runLoad({ url: echoUrl, connections: CONNECTIONS, durationMs, body: echoBody, check: echoed });
    const cardEchoLoad = (durationMs: number) => runLoad({ url: cardEchoUrl, connections: CONNECTIONS, durationMs, body: echoBody, check: struck });
    const measureEcho = () => measured(server, echo, () => echoLoad(MEASURE_MS));
    const measureCardEcho = () => measured(server, cardEcho, () => cardEchoLoad(MEASURE_MS));
    const measureStrike = () => measured(server, strike, () => runLoad({ url: botUrl, connections: CONNECTIONS, durationMs: MEASURE_MS, ...flowLoad(flow, kinds) }));

    // Every side warmed up to its steady state (STEADY_WARMUP_MS says why).
    await echoLoad(STEADY_WARMUP_MS);
    warmups.push(await warmUpClicks(botUrl, new ClickFlow(streamsOf(warm, CONNECTIONS), data.pages, connector.url), CONNECTIONS));
    if (round === 0) {
      // A list card as the bot answered a strike after the warm-up: the card echo's answer in every round.
      const answer = await postSample(botUrl, strikeBody(data, sampled, connector.url));
      struck(200, answer);
      sample.strikeBytes = answer.length;
      sample.card = (JSON.parse(answer) as { value: object }).value;
      sample.echoBytes = (await postSample(echoUrl, echoBody(0))).length;
    }
    await server.setEchoCard(sample.card!);
    await cardEchoLoad(STEADY_WARMUP_MS);
    if (round === 0) sample.cardEchoBytes = (await postSample(cardEchoUrl, echoBody(0))).length;
    // The card echo always runs between the other two, which take turns in going first.
    if (round % 2 === 0) {
      await measureEcho();
      await measureCardEcho();
      await measureStrike();
    } else {
      await measureStrike();
      await measureCardEcho();
      await measureEcho();
    }
  } finally {
    await server.stop();
  }
}

async function postSample(url: string, body: Buffer): Promise<string> {
  return (await postOnce(url, body)).text;
}

export async function httpStrikeBenchmark(): Promise<Section> {
  const data = await prepareBotData();
  const connector = await startCountingConnector();
  try {
    const ceiling = await generatorCeiling();
    const sides: StrikeSides = { echo: side(), cardEcho: side(), strike: side() };
    const { echo, cardEcho, strike } = sides;
    const sample: Sample = { strikeBytes: 0, echoBytes: 0, cardEchoBytes: 0 };
    const kinds = noKinds();
    const warmups: number[][] = [];
    for (let round = 0; round < ROUNDS; round++) await strikeRound(data, connector, round, sides, sample, kinds, warmups);

    const parts = await strikeParts(data, 0);
    const ratio = median(strike.rps) / median(echo.rps);
    const cardRatio = median(strike.rps) / median(cardEcho.rps);
    const p99 = percentile(strike.latencies, 0.99);
    const echoP99 = percentile(echo.latencies, 0.99);
    const p99Ratio = p99 / echoP99;
    const top = parts.filter((p) => !p.step.startsWith('…'));
    const partsSum = top.reduce((sum, p) => sum + p.cpuMs, 0);
    const measuredClicks = kinds.strike + kinds.undo;
    const rows: Row[] = [
      { measure: `throughput at ${CONNECTIONS} connections, median of ${ROUNDS} rounds (min–max)`, result: `strike ${spread(strike.rps)}`, baseline: `echo ${spread(echo.rps)}`, goal: '–' },
      { measure: 'persisted strike / echo throughput, medians', result: `${ratio.toFixed(2)}×`, baseline: '1×', goal: `≥ ${STRIKE_GOAL_RATIO}×`, met: ratio >= STRIKE_GOAL_RATIO },
      { measure: 'for information: persisted strike / card echo throughput, medians', result: `${cardRatio.toFixed(2)}×`, baseline: `card echo ${rate(median(cardEcho.rps))}`, goal: '–' },
      { measure: `latency over all rounds (${strike.latencies.length.toLocaleString('en')} strikes, ${echo.latencies.length.toLocaleString('en')} echoes)`, result: `strike ${latency(strike)}`, baseline: `echo ${latency(echo)}`, goal: '–' },
      { measure: `persisted strike p99 / echo p99, ${CONNECTIONS} connections`, result: `${p99Ratio.toFixed(2)}× (${ms(p99)})`, baseline: `echo ${ms(echoP99)}`, goal: `≤ ${STRIKE_GOAL_P99_RATIO}×`, met: p99Ratio <= STRIKE_GOAL_P99_RATIO },
      { measure: 'p99 of each round (min–max)', result: `strike ${p99Spread(strike)}`, baseline: `echo ${p99Spread(echo)}`, goal: '–' },
      { measure: 'server CPU per request, median of rounds (min–max)', result: `strike ${cpu(strike)}`, baseline: `echo ${cpu(echo)}`, goal: '–' },
      {
        measure: "for information: the server's main thread (the Node thread every turn runs on) – CPU per request and how busy it was, medians of rounds",
        result: `strike ${mainThread(strike)}`,
        baseline: `echo ${mainThread(echo)}`,
        goal: '–',
      },
      {
        measure: `for information: the card echo (the same clicks answered with the strike's list card, ${kb(sample.cardEchoBytes)}, prebuilt), median of rounds`,
        result: `card echo ${spread(cardEcho.rps)} = ${(median(cardEcho.rps) / median(echo.rps)).toFixed(2)}× the echo`,
        baseline: `echo ${rate(median(echo.rps))}`,
        goal: '–',
      },
      { measure: 'for information: card echo latency; server CPU per request', result: `card echo ${latency(cardEcho)}; ${cpu(cardEcho)}`, baseline: `echo ${ms(median(echo.cpuPerRequest))}`, goal: '–' },
    ];
    return {
      title: '4. HTTP: a persisted strike against an Action.Execute echo',
      method: `
**Strike:** POST /api/messages on the real server in local mode (\`startBot\`, src/bot/start.ts: restify,
TeamsAdapter, the teams-ai Application of src/bot/bot.ts) with an invoke \`adaptiveCard/action\`, verb
\`person.strike\`, carrying exactly the data of the strike form's button as the bot renders it – year, ags,
the person's page, the person, its version (\`rev\`) and the operation id the card carries – plus the reason
chosen, from the staff of the Gemeinde (${data.users.length} users of ${data.gemeinden} Gemeinden in the roster, tenant checked). Every
strike is a different person, the clicks of all Gemeinden mixed (seeded random order over the
${data.inside.toLocaleString('en')} listed persons of an invented export of ${PERSONS.toLocaleString('en')} over the 46 real Gemeinden, imported by
\`app.imports.importStep1\`, less the ${WARMUP_PERSONS} the warm-up clicks and one for the card echo's sample), one stream of persons per connection; when every person of a round is struck,
the streams go on with "Rückgängig" on each, with the data of the undo button the bot's answer to that
strike carried (bench/clicks.ts). Each click is stored by \`LowdbRepository\` (one record appended to the
year's journal, written with O_DSYNC together with the clicks that arrive meanwhile) and answered with
the updated list card (${kb(sample.strikeBytes)} of JSON).
**Baseline:** the echo – a second teams-ai Application in the same server process, on its own port,
over the same \`createAdapter\` and \`createBotServer\` (src/bot/adapter.ts, src/bot/server.ts: restify,
body parser, activity check, \`adapter.process\`), whose \`app.adaptiveCards.actionExecute\` handler answers
the same strike clicks with a tiny card (${sample.echoBytes} bytes) without touching storage. **For information, the card
echo:** a third Application of the same kind, which answers the same clicks through the bot's own invoke
route with the list card the bot answered to one strike in the first round (${kb(sample.cardEchoBytes)}, built once and handed to
the server) – what answering with the card costs on this path, with nothing read, stored or rendered.

The load: bench/load.ts in the benchmark process, ${CONNECTIONS} keep-alive connections over 127.0.0.1, each
sending its next request when the previous answer has been read (closed loop, like wrk); latency from
sending to the last byte of the answer, every answer checked. ${ROUNDS} rounds, each in a fresh server
process (\`node --expose-gc dist/bench/httpServerChild.js\`) over a fresh copy of the data directory:
each side warmed up to its steady state first – ${STEADY_WARMUP_MS / 1000} s of echo, clicks on ${WARMUP_PERSONS} persons set aside for
the warm-up (strike, undo, the form again, strike, … round and round) for ${STEADY_WARMUP_MS / 1000} s and at least ${STEADY_WARMUP_CLICKS.toLocaleString('en')} clicks (at most
${STEADY_WARMUP_MAX_MS / 1000} s), and ${STEADY_WARMUP_MS / 1000} s of card echo (why: the note on the warm-up below) – then ${MEASURE_MS / 1000} s each of echo, card echo and strikes of the other persons, echo and strikes taking turns
in going first, the card echo between them.
Throughput counts the answers completed within the ${MEASURE_MS / 1000} s; latency percentiles are nearest-rank over
all measured requests of all rounds.`,
      rows,
      notes: [
        othersNote(echo, cardEcho, strike),
        `The load generator's ceiling on this machine: ${rate(ceiling)} against a bare node:http server (a process of its own, small JSON answer) – far above the echo, so the echo's figure is the server's.`,
        `The server process and the load generator share the machine's ${os.cpus().length} cores; the server's Node thread is single-threaded, its writes run in libuv's thread pool.`,
        `Warm-up: V8 compiles the strike path's few hundred functions only after they ran often, in background threads; measured in a fresh process after a few hundred clicks (as this benchmark did until 07.12.2026), a strike cost up to half as much again as in the steady state. The strikes' warm-up in this run, second by second (median of the rounds): ${warmupCurve(warmups)}; the measured strikes follow it.`,
        `Of the ${measuredClicks.toLocaleString('en')} clicks sent in the measured windows, ${kinds.strike.toLocaleString('en')} were strikes and ${kinds.undo.toLocaleString('en')} "Rückgängig" (once a round's persons were all struck) – both a persisted change answered with the list card.`,
        `Where a strike's CPU goes – each step the bot runs for the click, measured alone in the benchmark process over a fresh copy of the data, one strike at a time (CPU per call, median of 5 batches of 100): ${parts
          .map((p) => `${p.step} ${ms(p.cpuMs)} (\`${p.where}\`)`)
          .join('; ')}. These steps add up to ${ms(partsSum)}; under load the journal writes the clicks that arrive together at once, so a strike's share of the write is smaller than here.`,
        'No channel is registered in the data directory, so a strike posts no summary-card update (`summaries.refresh` finds no channel); with one, each strike would also queue an update to the connector in the background.',
      ],
    };
  } finally {
    await connector.close();
    data.cleanup();
  }
}

/** Question turns and echo message turns, one server process per round. */
async function questionRound(data: BotData, connector: CountingConnector, round: number, echo: Side, question: Side) {
  const server = await startServerChild(data.copy());
  try {
    const botUrl = `${server.urls.bot}/api/messages`;
    const echoUrl = `${server.urls.echo}/api/messages`;
    const users = data.users;
    const body = (i: number) => Buffer.from(JSON.stringify(messageActivity(users[(i * 7 + round) % users.length], QUESTION, connector.url)));
    const ok = (status: number, text: string) => {
      if (status < 200 || status >= 300) throw new Error(`unexpected answer ${status}: ${text.slice(0, 300)}`);
    };
    const measure = async (url: string, marker: string, into: Side | undefined, durationMs: number, count = Number.POSITIVE_INFINITY) => {
      const before = connector.posts;
      connector.marker = marker;
      const load = () => runLoad({ url, connections: CONNECTIONS, durationMs, body: (i) => (i < count ? body(i) : undefined), check: ok });
      const r = into ? await measured(server, into, load) : await load();
      // Every turn's reply reached the connector before its HTTP answer, and said what it should.
      if (connector.posts - before !== r.sent || connector.marked !== r.sent) {
        throw new Error(`replies: ${connector.posts - before} at the connector (${connector.marked} with „${marker}“) for ${r.sent} turns`);
      }
    };
    // Warm-up: the echo for a while, then every user asks once (their personal chat is then stored).
    await measure(echoUrl, 'voraussichtliche', undefined, WARMUP_MS);
    await measure(botUrl, 'Förderung für', undefined, Number.POSITIVE_INFINITY, users.length);
    if (round % 2 === 0) {
      await measure(echoUrl, 'voraussichtliche', echo, MEASURE_MS);
      await measure(botUrl, 'Förderung für', question, MEASURE_MS);
    } else {
      await measure(botUrl, 'Förderung für', question, MEASURE_MS);
      await measure(echoUrl, 'voraussichtliche', echo, MEASURE_MS);
    }
  } finally {
    await server.stop();
  }
}

export async function httpQuestionBenchmark(): Promise<Section> {
  const data = await prepareBotData();
  const connector = await startCountingConnector();
  try {
    const echo = side();
    const question = side();
    for (let round = 0; round < ROUNDS; round++) await questionRound(data, connector, round, echo, question);
    const parts = await questionParts(data, QUESTION, connector.url);
    const partsSum = parts.filter((p) => !p.step.startsWith('…')).reduce((sum, p) => sum + p.cpuMs, 0);
    const ratio = median(question.rps) / median(echo.rps);
    return {
      title: '6. HTTP: a question turn against an echo message turn',
      method: `
**Question:** POST /api/messages on the real server (as in 4.) with a message activity in the personal
chat of a Gemeinde's staff member (${data.users.length} users of ${data.gemeinden} Gemeinden, in turn): „${QUESTION}“ – recognised,
answered from the provisional allocation of all ${data.gemeinden} lists of Berechnungsjahr ${YEAR} (the overview is computed for
the answer), the reply posted to the service URL. **Baseline:** the echo Application of 4. with the same
message activities: its message handler replies with the text. Both replies go to the connector stand-in
(bench/load.ts, in the benchmark process on 127.0.0.1) before the HTTP answer; every turn's reply is
counted and checked there.

${ROUNDS} rounds, each in a fresh server process over a fresh copy of the data directory: ${WARMUP_MS / 1000} s of echo and one
question from each of the ${data.users.length} users to warm up (their personal chats are then stored), then ${MEASURE_MS / 1000} s of echo and ${MEASURE_MS / 1000} s of questions in
alternating order, ${CONNECTIONS} keep-alive connections.`,
      rows: [
        { measure: `throughput at ${CONNECTIONS} connections, median of ${ROUNDS} rounds (min–max)`, result: `question ${spread(question.rps)}`, baseline: `echo ${spread(echo.rps)}`, goal: '–' },
        { measure: 'question / echo throughput, medians', result: `${ratio.toFixed(2)}×`, baseline: '1×', goal: '–' },
        { measure: `latency over all rounds (${question.latencies.length.toLocaleString('en')} questions, ${echo.latencies.length.toLocaleString('en')} echoes)`, result: `question ${latency(question)}`, baseline: `echo ${latency(echo)}`, goal: '–' },
        { measure: 'p99 of each round (min–max)', result: `question ${p99Spread(question)}`, baseline: `echo ${p99Spread(echo)}`, goal: '–' },
        { measure: 'server CPU per request, median of rounds (min–max)', result: `question ${cpu(question)}`, baseline: `echo ${cpu(echo)}`, goal: '–' },
      ],
      notes: [
        othersNote(echo, question),
        `Where a question's CPU goes – each step measured alone in the benchmark process over a fresh copy of the data (CPU per call, median of 5 batches of 100): ${parts
          .map((p) => `${p.step} ${ms(p.cpuMs)} (\`${p.where}\`)`)
          .join('; ')}. These steps add up to ${ms(partsSum)}; with the echo's ${ms(median(echo.cpuPerRequest))} for the request and the reply that is ${ms(partsSum + median(echo.cpuPerRequest))} against the ${ms(median(question.cpuPerRequest))} the server spends per question under load.`,
      ],
    };
  } finally {
    await connector.close();
    data.cleanup();
  }
}

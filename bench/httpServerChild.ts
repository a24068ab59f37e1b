/**
 * The server process of the HTTP benchmarks, forked by bench/http.ts and bench/memory.ts:
 *
 *   node --expose-gc dist/bench/httpServerChild.js DATA_DIR   (or a postgres:// URL)
 *
 * It runs, on 127.0.0.1:
 * - **the real bot**: `startBot` (src/bot/start.ts) in local mode over DATA_DIR – restify, TeamsAdapter,
 *   the teams-ai Application of src/bot/bot.ts, lowdb storage – its clock fixed in the review window;
 * - **the echo**: a second teams-ai Application over the same `createAdapter` and `createBotServer`
 *   (src/bot/adapter.ts, src/bot/server.ts), whose Action.Execute handler returns a tiny card and whose
 *   message handler replies with the text – the same request path, none of the work;
 * - **the card echo**: a third one, whose Action.Execute handler answers with a card handed over by the
 *   benchmark (a list card the real bot answered) – what answering with the card costs, without
 *   reading, storing or rendering anything;
 * - **a control endpoint** (plain node:http, not part of what is measured): `GET /memory` forces a GC
 *   and answers `process.memoryUsage()` and VmRSS from /proc/self/status; `GET /cpu` answers
 *   `process.cpuUsage()` (all threads of the process: the Node thread, GC helpers, the fs thread pool);
 *   `GET /journal` the journal's counters (writes, records: how many clicks shared a write);
 *   `POST /echo-card` sets the card the card echo answers with.
 *
 * The three URLs go to the parent over IPC; the message `stop` stops both servers cleanly and exits
 * (so that `--cpu-prof` can write its profile). Log lines go to stdout, which the parent discards, as
 * a container runtime would collect them.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Application } from '@microsoft/teams-ai';
import { ActivityTypes } from 'botbuilder';
import { createAdapter } from '../src/bot/adapter';
import { loadConfig } from '../src/bot/config';
import { consoleLogger } from '../src/bot/log';
import { sendInvokeAnswer } from '../src/bot/invoke';
import { createBotServer } from '../src/bot/server';
import { startBot } from '../src/bot/start';
import { VERBS } from '../src/cards/actions';
import { journalStats } from '../src/storage/listJournal';
import { fixedClock } from '../src/storage/systemClock';
import { NOW, TENANT } from './botData';

export interface ServerUrls {
  bot: string;
  echo: string;
  cardEcho: string;
  control: string;
  pid: number;
}

export interface MemoryReport {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** VmRSS of /proc/self/status, in bytes (the same figure seen from outside). */
  vmRss: number;
}

/** The echo: teams-ai's own Action.Execute route and a message handler, nothing stored, nothing read. */
function echoApplication(adapter: ReturnType<typeof createAdapter>): Application {
  const app = new Application({ adapter, startTypingTimer: false, removeRecipientMention: true });
  app.adaptiveCards.actionExecute(VERBS.strike, async (_context, _state, data: Record<string, unknown>) => {
    return { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `OK ${String(data.personId)}` }] } as never;
  });
  app.activity(ActivityTypes.Message, async (context) => {
    await context.sendActivity(context.activity.text ?? '');
  });
  return app;
}

/**
 * The card echo: answers every Action.Execute with one prebuilt card (set over the control endpoint),
 * the way the bot answers (its own invoke route and sendInvokeAnswer, src/bot/bot.ts): teams-ai's
 * actionExecute route would turn a card with `refresh` – the list card has one – into an
 * updateActivity to the connector.
 */
function cardEchoApplication(adapter: ReturnType<typeof createAdapter>, card: () => object | undefined): Application {
  const app = new Application({ adapter, startTypingTimer: false, removeRecipientMention: true });
  app.activity(ActivityTypes.Invoke, async (context) => {
    const answer = card();
    if (!answer) throw new Error('the card echo has no card yet (POST /echo-card)');
    await sendInvokeAnswer(context, { kind: 'card', card: answer as never });
  });
  return app;
}

function memory(): MemoryReport {
  global.gc?.();
  global.gc?.();
  const m = process.memoryUsage();
  const vm = /VmRSS:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers, vmRss: vm ? Number(vm[1]) * 1024 : 0 };
}

async function main(): Promise<void> {
  const store = process.argv[2];
  if (!store || !process.send) throw new Error('usage: fork httpServerChild.js DATA_DIR|POSTGRES_URL (with an IPC channel)');
  const logger = consoleLogger;
  // A postgres:// URL runs the bot on PostgreSQL (bench/postgres.ts), anything else is a data directory.
  const where = /^postgres(ql)?:\/\//.test(store) ? { INTM_DATABASE_URL: store, INTM_LINK_SECRET: 'bench-link-secret-of-at-least-32-characters' } : { INTM_DATA_DIR: store };
  const config = loadConfig({ INTM_LOCAL: '1', PORT: '0', ...where, INTM_SCHEDULER: 'off', INTM_TENANTS: TENANT });
  const bot = await startBot(config, { clock: fixedClock(NOW), logger });

  const echoAdapter = createAdapter(config, logger);
  const echo = createBotServer(echoAdapter, echoApplication(echoAdapter), logger);
  const echoAddress = await echo.listen(0, '127.0.0.1');
  let echoCard: object | undefined;
  const cardEchoAdapter = createAdapter(config, logger);
  const cardEcho = createBotServer(cardEchoAdapter, cardEchoApplication(cardEchoAdapter, () => echoCard), logger);
  const cardEchoAddress = await cardEcho.listen(0, '127.0.0.1');

  const control = http.createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/echo-card') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        echoCard = JSON.parse(Buffer.concat(chunks).toString('utf8')) as object;
        res.writeHead(204);
        res.end();
      });
      return;
    }
    const answer = req.url === '/memory' ? memory() : req.url === '/cpu' ? process.cpuUsage() : req.url === '/journal' ? { ...journalStats } : undefined;
    if (!answer) {
      res.writeHead(404);
      res.end();
      return;
    }
    const body = JSON.stringify(answer);
    // restify, loaded in this process, patches writeHead so it no longer returns `res`.
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  const controlPort = (control.address() as AddressInfo).port;

  process.on('message', (message) => {
    if (message !== 'stop') return;
    void (async () => {
      await bot.stop();
      await echo.close();
      await cardEcho.close();
      await new Promise<void>((resolve) => control.close(() => resolve()));
      process.exit(0);
    })();
  });
  const urls: ServerUrls = { bot: bot.url, echo: echoAddress.url, cardEcho: cardEchoAddress.url, control: `http://127.0.0.1:${controlPort}`, pid: process.pid };
  process.send(urls);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

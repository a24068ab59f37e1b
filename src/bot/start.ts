/** Assembles and starts the bot server: used by `npm start` and by tests that talk HTTP to it. */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../app/ports';
import { openApp } from '../compose';
import { resolveDataDir } from '../storage/paths';
import type { StoreLocation } from '../storage/stores';
import { createAdapter } from './adapter';
import { createBot } from './bot';
import type { BotConfig } from './config';
import { ConversationStore } from './conversations';
import type { BotDeps } from './deps';
import { DownloadLinks, linkSecret, sweepDownloadLeftovers } from './downloads';
import { consoleLogger, errorKind, type Logger } from './log';
import { AdapterOutbound, type Outbound } from './outbound';
import { RateLimitedOutbound, type SenderOptions } from './sender';
import { DEFAULT_REMINDER_DAYS } from '../app/reminderService';
import { jobsIdle } from './jobs';
import { Outbox } from './outbox';
import { startScheduler, type SchedulerOptions } from './scheduler';
import { createBotServer } from './server';
import { SummaryCards } from './summaryCards';

/**
 * How long a Gemeinde's channel card waits after the last click on its list before it shows the new counts
 * (SummaryCards.refreshWhenQuiet): long enough for a working session's pauses, short enough for the overview.
 */
const CHANNEL_CARD_QUIET_MS = 10 * 60_000;

/**
 * How long a clean stop may go on sending (stop-and-outbox): the whole stop ends within 15 s even when the
 * Bot Connector cannot be reached (systemd and container runtimes kill a service that takes longer).
 * What is not sent by then is kept in the outbox and sent after the next start.
 */
export const STOP_SENDING_MS = 10_000;

export interface RunningBot {
  url: string;
  port: number;
  deps: BotDeps;
  /** Clean stop: no new requests, in-flight turns and card updates finish, storage is flushed. */
  stop(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  logger?: Logger;
  /** Wraps the outbound sender (tests); by default messages go through the rate-limited sender. */
  outbound?: (sender: Outbound) => Outbound;
  /** Sender settings (tests shorten the rate-limit windows). */
  sender?: Partial<Omit<SenderOptions, 'logger'>>;
  /** Scheduler settings (tests make up a missed run right away). */
  scheduler?: SchedulerOptions;
  /** How long a stop may go on sending (default STOP_SENDING_MS; tests shorten it). */
  stopSendingMs?: number;
}

export async function startBot(config: BotConfig, options: StartOptions = {}): Promise<RunningBot> {
  const logger = options.logger ?? consoleLogger;
  const dataDir = resolveDataDir(config.dataDir);
  // The store the checked configuration names (not the process environment: tests start bots on several stores).
  const store: StoreLocation = config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'embedded', dataDir };
  const app = await openApp({ coordinators: config.coordinators, store, ...(options.clock ? { clock: options.clock } : {}) });
  const adapter = createAdapter(config, logger);
  const conversations = new ConversationStore(app.ctx.repo);
  // With other instances on the same database, each conversation's rate limits count their sends too.
  const shared = app.coordination;
  const reserveShared = shared.reserveSend ? shared.reserveSend.bind(shared) : undefined;
  const sender = new RateLimitedOutbound(new AdapterOutbound(adapter, config.botId, logger), { logger, ...(reserveShared ? { reserveShared } : {}), ...options.sender });
  const outbound = options.outbound ? options.outbound(sender) : sender;
  const outbox = new Outbox(app.ctx.repo, () => app.ctx.clock.now());
  const summaries = new SummaryCards(app, conversations, outbound, logger, { quietMs: CHANNEL_CARD_QUIET_MS, outbox });
  let ownUrl = '';
  const publicBase = config.publicBaseUrl ?? (config.local ? () => ownUrl : undefined);
  if (publicBase) {
    const leftovers = await sweepDownloadLeftovers();
    if (leftovers) logger.info('download.leftoversRemoved', { count: leftovers });
  }
  // Rows of import reports whose links have expired name persons: not kept a day longer than their link.
  const expired = await app.importIssues.sweep();
  if (expired) logger.info('importIssues.expiredRemoved', { count: expired });
  const links = publicBase ? new DownloadLinks(await linkSecret({ INTM_LINK_SECRET: config.linkSecret }, dataDir), publicBase, () => Date.parse(app.ctx.clock.now())) : undefined;
  const deps: BotDeps = {
    app,
    conversations,
    outbound,
    summaries,
    logger,
    tenants: config.tenants,
    reminderDays: config.schedule?.reminderDays ?? DEFAULT_REMINDER_DAYS,
    ...(links ? { links } : {}),
    ...(config.local ? { localFileDownloads: true } : {}),
  };
  const bot = createBot(deps, { adapter, botAppId: config.botId });
  const server = createBotServer(adapter, bot, logger, links ? { downloads: { links, app } } : {});
  const { url, port } = await server.listen(config.port, config.host);
  ownUrl = url;
  const scheduler = config.schedule ? startScheduler(deps, config.schedule, options.scheduler) : undefined;
  logger.info('started', { url, local: config.local, auth: config.botId ? config.botType : 'none' });
  const resent = resendKept(outbox, summaries, logger);
  const stopSendingMs = options.stopSendingMs ?? STOP_SENDING_MS;
  return {
    url,
    port,
    deps,
    stop: async () => {
      // From here on nothing waits past stopSendingMs for Teams; what fails is kept in the outbox.
      sender.finishWithin(stopSendingMs);
      await server.close(async () => {
        await resent;
        // A run of the jobs in progress finishes (and records what it sent) before the sender stops.
        await scheduler?.stop();
        await jobsIdle(deps);
        await summaries.idle();
        await sender.stop(stopSendingMs);
        await app.close();
      }, stopSendingMs);
    },
  };
}

/**
 * After the start: what an earlier run could not send (outbox.ts), claimed so that another instance on
 * the same database does not send it at the same time, and sent again; delivered items leave the outbox,
 * what fails again is put back by SummaryCards, and what this instance never gets to send (it dies) is
 * taken by the next one once the claim has run out.
 */
async function resendKept(outbox: Outbox, summaries: SummaryCards, logger: Logger): Promise<void> {
  try {
    const claimId = randomUUID();
    const items = await outbox.claim(claimId);
    if (!items.length) return;
    logger.info('outbox.resending', { count: items.length });
    for (const item of items) summaries.refresh(item.year);
    await summaries.idle();
    await outbox.done(claimId, items);
  } catch (e) {
    logger.error('outbox.failed', { error: errorKind(e) });
  }
}

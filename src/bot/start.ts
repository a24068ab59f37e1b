/** Assembles and starts the bot server: used by `npm start` and by tests that talk HTTP to it. */
import type { Clock } from '../app/ports';
import { openApp } from '../compose';
import { resolveDataDir } from '../storage/paths';
import { createAdapter } from './adapter';
import { createBot } from './bot';
import type { BotConfig } from './config';
import { ConversationStore } from './conversations';
import type { BotDeps } from './deps';
import { DownloadLinks, linkSecret, sweepDownloadLeftovers } from './downloads';
import { consoleLogger, type Logger } from './log';
import { AdapterOutbound, type Outbound } from './outbound';
import { RateLimitedOutbound, type SenderOptions } from './sender';
import { DEFAULT_REMINDER_DAYS } from '../app/reminderService';
import { jobsIdle } from './jobs';
import { startScheduler, type SchedulerOptions } from './scheduler';
import { createBotServer } from './server';
import { SummaryCards } from './summaryCards';

/**
 * How long a Gemeinde's channel card waits after the last click on its list before it shows the new counts
 * (SummaryCards.refreshWhenQuiet): long enough for a working session's pauses, short enough for the overview.
 */
const CHANNEL_CARD_QUIET_MS = 10 * 60_000;

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
}

export async function startBot(config: BotConfig, options: StartOptions = {}): Promise<RunningBot> {
  const logger = options.logger ?? consoleLogger;
  const dataDir = resolveDataDir(config.dataDir);
  const app = await openApp({ coordinators: config.coordinators, dataDir, ...(options.clock ? { clock: options.clock } : {}) });
  const adapter = createAdapter(config, logger);
  const conversations = new ConversationStore(app.ctx.repo);
  // With other instances on the same database, each conversation's rate limits count their sends too.
  const shared = app.coordination;
  const reserveShared = shared.reserveSend ? shared.reserveSend.bind(shared) : undefined;
  const sender = new RateLimitedOutbound(new AdapterOutbound(adapter, config.botId, logger), { logger, ...(reserveShared ? { reserveShared } : {}), ...options.sender });
  const outbound = options.outbound ? options.outbound(sender) : sender;
  const summaries = new SummaryCards(app, conversations, outbound, logger, { quietMs: CHANNEL_CARD_QUIET_MS });
  let ownUrl = '';
  const publicBase = config.publicBaseUrl ?? (config.local ? () => ownUrl : undefined);
  if (publicBase) {
    const leftovers = await sweepDownloadLeftovers();
    if (leftovers) logger.info('download.leftoversRemoved', { count: leftovers });
  }
  // Rows of import reports whose links have expired name persons: not kept a day longer than their link.
  const expired = await app.importIssues.sweep();
  if (expired) logger.info('importIssues.expiredRemoved', { count: expired });
  const links = publicBase ? new DownloadLinks(await linkSecret(process.env, dataDir), publicBase, () => Date.parse(app.ctx.clock.now())) : undefined;
  const deps: BotDeps = {
    app,
    conversations,
    outbound,
    summaries,
    logger,
    tenants: config.tenants,
    reminderDays: config.schedule?.reminderDays ?? DEFAULT_REMINDER_DAYS,
    ...(links ? { links } : {}),
  };
  const bot = createBot(deps, { adapter, botAppId: config.botId });
  const server = createBotServer(adapter, bot, logger, links ? { downloads: { links, app } } : {});
  const { url, port } = await server.listen(config.port, config.host);
  ownUrl = url;
  const scheduler = config.schedule ? startScheduler(deps, config.schedule, options.scheduler) : undefined;
  logger.info('started', { url, local: config.local, auth: config.botId ? config.botType : 'none' });
  return {
    url,
    port,
    deps,
    stop: () =>
      server.close(async () => {
        // A run of the jobs in progress finishes (and records what it sent) before the sender stops.
        await scheduler?.stop();
        await jobsIdle(deps);
        await summaries.idle();
        await sender.stop(10_000);
        await app.close();
      }),
  };
}

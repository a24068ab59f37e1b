/** Assembles and starts the bot server: used by `npm start` and by tests that talk HTTP to it. */
import type { Clock } from '../app/ports';
import { openApp } from '../compose';
import { createAdapter } from './adapter';
import { createBot } from './bot';
import type { BotConfig } from './config';
import { ConversationStore } from './conversations';
import type { BotDeps } from './deps';
import { consoleLogger, type Logger } from './log';
import { AdapterOutbound } from './outbound';
import { createBotServer } from './server';
import { SummaryCards } from './summaryCards';

export interface RunningBot {
  url: string;
  port: number;
  deps: BotDeps;
  /** Clean stop: no new requests, in-flight turns and card updates finish, storage is flushed. */
  stop(): Promise<void>;
}

export async function startBot(config: BotConfig, options: { clock?: Clock; logger?: Logger } = {}): Promise<RunningBot> {
  const logger = options.logger ?? consoleLogger;
  const app = await openApp({
    coordinators: config.coordinators,
    ...(config.dataDir ? { dataDir: config.dataDir } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const adapter = createAdapter(config, logger);
  const conversations = new ConversationStore(app.ctx.repo);
  const outbound = new AdapterOutbound(adapter, config.botId);
  const summaries = new SummaryCards(app, conversations, outbound, logger);
  const deps: BotDeps = { app, conversations, outbound, summaries, logger, tenants: config.tenants };
  const bot = createBot(deps, { adapter, botAppId: config.botId });
  const server = createBotServer(adapter, bot, logger);
  const { url, port } = await server.listen(config.port, config.host);
  logger.info('started', { url, local: config.local, auth: config.botId ? config.botType : 'none' });
  return {
    url,
    port,
    deps,
    stop: () =>
      server.close(async () => {
        await summaries.idle();
        await app.close();
      }),
  };
}

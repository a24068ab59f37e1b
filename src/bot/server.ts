/**
 * The bot's HTTP server (restify): POST /api/messages for Teams, GET /healthz for monitoring.
 * Stops cleanly: no new requests, in-flight turns finish, pending card updates and storage flush.
 */
import type { Application } from '@microsoft/teams-ai';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import restify from 'restify';
import type { Logger } from './log';
import { errorKind } from './log';
import { activityProblem } from './validateActivity';

/** Activities are small; anything near this is not from Teams. */
export const MAX_BODY_BYTES = 512 * 1024;

export interface BotServer {
  listen(port: number, host: string): Promise<{ port: number; url: string }>;
  /** Stops accepting, waits for in-flight turns, then runs `flush` (storage, pending sends). */
  close(flush?: () => Promise<void>): Promise<void>;
}

export function createBotServer(adapter: TeamsAdapter, bot: Application, logger: Logger): BotServer {
  const server = restify.createServer({ name: 'intm-bot', handleUncaughtExceptions: false });
  let inFlight = 0;
  let idle: (() => void) | undefined;
  let closing = false;

  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false }));

  server.get('/healthz', (_req, res, next) => {
    res.send(closing ? 503 : 200, { status: closing ? 'stopping' : 'ok' });
    return next();
  });

  server.post('/api/messages', async (req, res) => {
    if (closing) {
      res.send(503, { error: 'Der Bot wird gerade beendet.' });
      return;
    }
    const problem = activityProblem(req.body);
    if (problem) {
      res.send(400, { error: problem });
      return;
    }
    inFlight++;
    try {
      await adapter.process(req as never, res as never, async (context) => {
        await bot.run(context);
      });
    } catch (e) {
      logger.error('request.failed', { error: errorKind(e) });
      if (!res.headersSent) res.send(500, { error: 'Interner Fehler.' });
    } finally {
      inFlight--;
      if (inFlight === 0) idle?.();
    }
  });

  return {
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve({ port: address.port, url: `http://${host}:${address.port}` });
        });
      });
    },
    async close(flush) {
      closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      if (inFlight > 0) await new Promise<void>((resolve) => (idle = resolve));
      await flush?.();
      await stopped;
    },
  };
}

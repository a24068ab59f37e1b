/**
 * The bot's HTTP server (restify): POST /api/messages for Teams, GET /healthz for monitoring.
 * Stops cleanly: no new requests, in-flight turns finish, pending card updates and storage flush.
 */
import { createReadStream } from 'node:fs';
import type { Application } from '@microsoft/teams-ai';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import restify from 'restify';
import { jsonBytes } from '../cards/keptParts';
import type { IntmApp } from '../app';
import { isDomainError } from '../domain/errors';
import { DownloadLinks, LinkRefused, renderDownload } from './downloads';
import type { Logger } from './log';
import { errorKind } from './log';
import { activityProblem } from './validateActivity';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Activities are small; anything near this is not from Teams. */
export const MAX_BODY_BYTES = 512 * 1024;

export interface BotServer {
  listen(port: number, host: string): Promise<{ port: number; url: string }>;
  /**
   * Stops accepting, waits for in-flight turns (at most `maxWaitMs`: a turn whose reply cannot reach
   * Teams must not hold the stop), then runs `flush` (storage, pending sends).
   */
  close(flush?: () => Promise<void>, maxWaitMs?: number): Promise<void>;
}

export interface ServerExtras {
  /** Serves signed export links under /downloads/<token>. */
  downloads?: { links: DownloadLinks; app: IntmApp };
}

function formatJson(_req: restify.Request, res: restify.Response, body: unknown): Buffer {
  const data = jsonBytes(body);
  res.setHeader('Content-Length', data.length);
  return data;
}

/** Stands in for the HTTP response while the adapter processes a request (it calls status, send, end). */
class CaughtAnswer {
  code = 200;
  body: unknown;
  status(code: number): this {
    this.code = code;
    return this;
  }
  header(): this {
    return this;
  }
  send(body: unknown): this {
    this.body = body;
    return this;
  }
  end(): this {
    return this;
  }
}

interface WireAnswer {
  status: number;
  body: unknown;
  event?: { level: 'warn' | 'error'; name: string };
}

/**
 * What the caller gets. Before the turn (sign-in not passed): 401 for a token that is missing or not
 * valid; 503 when the token could not be checked – Microsoft's key endpoint (OpenID metadata, JWKS)
 * cannot be reached – so that Teams tries again; never the adapter's own error text. In the turn: the
 * invoke answer as the bot gave it, or 500 without detail.
 */
export function answerFor(answer: { code: number; body: unknown }, turnStarted: boolean): WireAnswer {
  if (turnStarted) return { status: answer.code, body: answer.code >= 500 ? { error: 'Interner Fehler.' } : answer.body };
  if (answer.code === 401 || answer.code === 403) return { status: 401, body: { error: 'Nicht angemeldet.' }, event: { level: 'warn', name: 'request.unauthorized' } };
  if (answer.code >= 500) return { status: 503, body: { error: 'Die Anmeldung kann gerade nicht geprüft werden. Bitte später erneut versuchen.' }, event: { level: 'error', name: 'auth.unavailable' } };
  return { status: answer.code, body: answer.code < 300 ? answer.body : { error: 'Ungültige Anfrage.' }, event: answer.code >= 400 ? { level: 'warn', name: 'request.refused' } : undefined };
}

export function createBotServer(adapter: TeamsAdapter, bot: Application, logger: Logger, extras: ServerExtras = {}): BotServer {
  // maxParamLength: a signed download token (payload + signature) is longer than the router's default 100.
  const server = restify.createServer({
    name: 'intm-bot',
    handleUncaughtExceptions: false,
    maxParamLength: 1000,
    // JSON answers as restify writes them, except that the kept parts of a list card are written from
    // the JSON they were serialised to once (src/cards/keptParts.ts): the same bytes, less work per click.
    formatters: { 'application/json': formatJson },
  } as restify.ServerOptions);
  let inFlight = 0;
  let idle: (() => void) | undefined;
  let closing = false;

  // A compressed body would be inflated before the size limit applies (8 KB on the wire, 8 MB in memory):
  // Teams sends none, so any content encoding is refused before the body is read.
  server.use((req, res, next) => {
    const encoding = String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (encoding !== 'identity' && encoding !== '') {
      res.send(415, { error: 'Komprimierte Anfragen werden nicht angenommen.' });
      return next(false);
    }
    return next();
  });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false }));

  server.get('/healthz', (_req, res, next) => {
    res.send(closing ? 503 : 200, { status: closing ? 'stopping' : 'ok' });
    return next();
  });

  if (extras.downloads) {
    const { links, app } = extras.downloads;
    server.get('/downloads/:token', async (req, res) => {
      const plain = (status: number, text: string) => {
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        res.end(text + '\n');
      };
      let target;
      try {
        target = links.verify(String(req.params.token ?? ''));
      } catch (e) {
        if (!(e instanceof LinkRefused)) throw e;
        logger.warn('download.refused', { reason: e.reason });
        return plain(e.reason === 'expired' ? 410 : 403, e.reason === 'expired' ? 'Dieser Download-Link ist abgelaufen. Bitte fordern Sie die Datei im Bot neu an („export“; einen Importbericht durch erneutes Senden der Datei).' : 'Dieser Download-Link ist ungültig.');
      }
      let rendered;
      try {
        rendered = await renderDownload(app, target);
      } catch (e) {
        if (isDomainError(e)) return plain(404, e.text('de'));
        logger.error('download.failed', { kind: target.kind, year: target.year, error: errorKind(e) });
        return plain(500, 'Die Datei konnte nicht erstellt werden.');
      }
      logger.info('download', { kind: target.kind, year: target.year, ...(target.ags ? { ags: target.ags } : {}) });
      res.writeHead(200, {
        'content-type': rendered.contentType ?? XLSX,
        'content-disposition': `attachment; filename="${rendered.name}"`,
        'cache-control': 'no-store',
      });
      const stream = createReadStream(rendered.file);
      stream.on('close', () => void rendered.cleanup());
      stream.pipe(res);
    });
  }

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
    // The adapter's answer is caught here, not written: on a failure it answers with the error's own
    // text (a DNS error naming Microsoft's key endpoint, a token check's reason) and 500 also when the
    // sign-in cannot be checked. What reaches the wire is decided by answerFor.
    const answer = new CaughtAnswer();
    let turnStarted = false;
    try {
      await adapter.process(req as never, answer as never, async (context) => {
        turnStarted = true;
        await bot.run(context);
      });
    } catch (e) {
      logger.error('request.failed', { error: errorKind(e) });
      answer.status(500);
    }
    try {
      const { status, body, event } = answerFor(answer, turnStarted);
      if (event) logger[event.level](event.name, { status: answer.code });
      if (status === 503) res.header('Retry-After', '30');
      if (!res.headersSent) {
        if (body === undefined) {
          res.status(status);
          res.end();
        } else res.send(status, body);
      }
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
    async close(flush, maxWaitMs) {
      closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      if (inFlight > 0) {
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          idle = resolve;
          if (maxWaitMs !== undefined) timer = setTimeout(resolve, maxWaitMs);
        });
        clearTimeout(timer);
      }
      await flush?.();
      // Requests still open after maxWaitMs: their connections are closed, or server.close would wait for them.
      if (inFlight > 0) server.server.closeAllConnections();
      await stopped;
    },
  };
}

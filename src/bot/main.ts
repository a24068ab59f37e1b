/** `npm start`: the IntM-Bot server. Configuration from the environment (see README). */
import { ConfigError, loadConfig } from './config';
import { consoleLogger, logLine, routeProcessOutputToLog } from './log';
import { startBot, STOP_SENDING_MS, type RunningBot } from './start';

/** A stop ends within this, whatever hangs (the promise of issue 13: 15 s). */
const STOP_LIMIT_MS = STOP_SENDING_MS + 4_000;

async function main(): Promise<void> {
  // Every line on stdout and stderr is one JSON object, also what botbuilder, restify and Node write.
  routeProcessOutputToLog(consoleLogger);
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(logLine('error', 'config.invalid', { message: e.message }));
      process.exitCode = 1;
      return;
    }
    throw e;
  }

  // Signal handlers first: a stop requested while the bot is still starting waits for the start.
  let bot: RunningBot | undefined;
  let starting: Promise<RunningBot> | undefined;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    consoleLogger.info('stopping', { signal });
    // The last net: the stop sends for at most STOP_SENDING_MS and keeps the rest (outbox); should anything
    // else hang (storage), the process still ends before a service manager's kill, and says so.
    setTimeout(() => {
      consoleLogger.error('stop.timeout', { afterMs: STOP_LIMIT_MS });
      process.exit(1);
    }, STOP_LIMIT_MS).unref();
    (async () => (bot ?? (await starting))?.stop())()
      .then(() => consoleLogger.info('stopped'))
      .catch((e) => consoleLogger.error('stop.failed', { error: (e as Error).name }))
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  starting = startBot(config);
  bot = await starting;
  if (config.local) {
    consoleLogger.info('local', {
      message:
        `IntM-Bot läuft LOKAL ohne Anmeldung auf ${bot.url}/api/messages (nur von diesem Rechner erreichbar). ` +
        'Für Teams BOT_ID, BOT_PASSWORD und BOT_TENANT_ID setzen.',
    });
  }
}

/** The reason in German where the operator can act on it; anything else as Node words it. */
function startFailure(e: unknown): string {
  const err = e as NodeJS.ErrnoException & { port?: number; address?: string };
  if (err?.code === 'EADDRINUSE') return `Der Port ${err.port ?? ''} (${err.address ?? ''}) ist schon belegt – läuft der Bot bereits? Sonst PORT auf einen freien Port setzen.`;
  if (err?.code === 'EACCES' && err.syscall === 'listen') return `Der Port ${err.port ?? ''} darf von diesem Benutzer nicht geöffnet werden; PORT über 1023 wählen.`;
  return err?.message ?? String(e);
}

main().catch((e) => {
  // Start-up failures (port in use, unreadable data directory) name no personal data.
  process.stderr.write(logLine('error', 'start.failed', { message: `IntM-Bot konnte nicht starten: ${startFailure(e)}` }));
  process.exit(1);
});

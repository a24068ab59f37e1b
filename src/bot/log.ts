/**
 * The bot's log: one JSON line per event on stdout. It names events, AGS, verbs and activity ids –
 * never a person's name, birth date or Personen-ID, and never card data or message text, which may
 * hold them.
 */
export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** One line, always: JSON.stringify escapes every line break inside a value. */
export function logLine(level: string, event: string, fields: LogFields = {}): string {
  return JSON.stringify({ at: new Date().toISOString(), level, event, ...fields }) + '\n';
}

function write(level: string, event: string, fields: LogFields = {}): void {
  process.stdout.write(logLine(level, event, fields));
}

export const consoleLogger: Logger = {
  info: (event, fields) => write('info', event, fields),
  warn: (event, fields) => write('warn', event, fields),
  error: (event, fields) => write('error', event, fields),
};

/** Collects log lines in memory (tests check that nothing personal is logged). */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (level: string) => (event: string, fields: LogFields = {}) => lines.push(JSON.stringify({ level, event, ...fields }));
  return { lines, info: push('info'), warn: push('warn'), error: push('error') };
}

/** The kind of an error for the log, without its message (which may quote input). */
export function errorKind(e: unknown): string {
  return e instanceof Error ? e.name : typeof e;
}

/** A short, safe code of an error (ENOTFOUND, ECONNREFUSED): names the failure, quotes no input. */
function errorCode(e: unknown): string | undefined {
  const err = (e ?? {}) as { code?: unknown; cause?: { code?: unknown } };
  return [err.code, err.cause?.code].find((c): c is string => typeof c === 'string' && /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(c));
}

/** What a library wrote to the console, for the log: the kind of each argument, never its text or stack. */
function consoleFields(args: unknown[]): LogFields {
  const error = args.find((a) => a instanceof Error);
  return error ? { error: errorKind(error), code: errorCode(error) } : { kind: typeof args[0] };
}

/**
 * Makes every line the process writes one JSON object (npm start only, not in tests): botbuilder and
 * restify write multi-line stack traces and messages quoting tokens or input with console.error,
 * Node prints warnings on stderr, and an uncaught error would end the process with a stack trace.
 * Each becomes a log line with the kind of error only. An uncaught exception still ends the process
 * (its state is unknown), after its line is written.
 */
export function routeProcessOutputToLog(logger: Logger): void {
  const asLog = (level: 'info' | 'warn' | 'error') => (...args: unknown[]) => logger[level]('library.console', consoleFields(args));
  console.log = asLog('info');
  console.info = asLog('info');
  console.debug = asLog('info');
  console.trace = asLog('warn');
  console.warn = asLog('warn');
  console.error = asLog('error');
  // Node's own warning printer is a listener like any other: replaced, not added to.
  process.removeAllListeners('warning');
  process.on('warning', (w) => logger.warn('process.warning', { name: w.name, code: (w as { code?: string }).code }));
  process.on('unhandledRejection', (e) => logger.error('process.unhandledRejection', { error: errorKind(e), code: errorCode(e) }));
  process.on('uncaughtException', (e) => {
    logger.error('process.uncaughtException', { error: errorKind(e), code: errorCode(e) });
    process.exit(1);
  });
}

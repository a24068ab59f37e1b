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

function write(level: string, event: string, fields: LogFields = {}): void {
  process.stdout.write(JSON.stringify({ at: new Date().toISOString(), level, event, ...fields }) + '\n');
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

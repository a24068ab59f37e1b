/**
 * The connection pool from `INTM_DATABASE_URL`. TLS is configured as PostgreSQL's own clients do it
 * (`sslmode=disable|prefer|require|verify-ca|verify-full`, `sslrootcert=/path/ca.pem`, `sslcert`,
 * `sslkey` in the URL), read with pg-connection-string's libpq-compatible rules, so a URL that works
 * with psql means the same here.
 */
import { Pool, PoolConfig } from 'pg';
import { parse, toClientConfig } from 'pg-connection-string';
import { DomainError } from '../../domain/errors';
import { redactUrl } from './url';

export { isDatabaseUrl, redactUrl } from './url';

/** A statement running longer is cancelled (a runaway query must not hold a list's lock for ever). */
export const STATEMENT_TIMEOUT_MS = 120_000;
/** A session that sits in an open transaction this long is ended by the server (its locks released). */
export const IDLE_IN_TRANSACTION_MS = 60_000;

/** The pool's settings from the URL; a URL that cannot be used is refused with a message that shows no password. */
export function poolConfig(url: string, max = 10): PoolConfig {
  let client: PoolConfig;
  try {
    client = toClientConfig(parse(url, { useLibpqCompat: true })) as PoolConfig;
  } catch (e) {
    throw new DomainError('storage.badUrl', { url: redactUrl(url), reason: reasonOf(e) });
  }
  return {
    ...client,
    max,
    // Statements of one transaction are sent without waiting for each answer (a click: two round trips).
    pipeline: true,
    keepAlive: true,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
    application_name: client.application_name ?? 'intm-bot',
  };
}

export function createPool(url: string, max?: number): Pool {
  const pool = new Pool(poolConfig(url, max));
  // An idle connection the server closes (restart, failover) is an 'error' on the pool: without a
  // listener Node would end the process. The pool drops that client; the next checkout connects anew.
  pool.on('error', () => undefined);
  return pool;
}

/** The reason in words, without the URL (pg-connection-string and fs put the input into some messages). */
function reasonOf(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT' && err.path) return `Datei ${err.path} nicht gefunden`;
  if (err?.code === 'EACCES' && err.path) return `Datei ${err.path} nicht lesbar`;
  if (/sslmode=verify-ca requires/.test(String(err?.message))) return 'sslmode=verify-ca braucht sslrootcert (die CA-Datei)';
  if (/Invalid port/i.test(String(err?.message))) return 'ungültiger Port';
  return 'die URL ist nicht lesbar';
}

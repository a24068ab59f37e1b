/**
 * Runs work with a pooled connection and turns the driver's failures into what a user can read:
 * the database unreachable (down, wrong host, refused login) is `storage.unavailable`, no free
 * connection or a cancelled statement is `storage.busy`. Nobody sees the driver's text; the domain's
 * own refusals pass through unchanged.
 */
import type { Client, Pool, PoolClient } from 'pg';
import { DomainError, isDomainError } from '../../domain/errors';

/** SQLSTATEs and socket errors that mean "no usable connection to the database". */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', '57P01', '57P02', '57P03', '3D000', '28000', '28P01', '53300']);
/** Cancelled by statement_timeout or a lock wait: the data is busy, try again. */
const BUSY_CODES = new Set(['57014', '55P03']);
/** The transaction lost a race the server detected: run it again. */
const RETRY_CODES = new Set(['40001', '40P01']);

export function pgCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A unique violation on the named index (another transaction stored the same key first). */
export function isUniqueViolation(e: unknown, constraint: string): boolean {
  return pgCode(e) === '23505' && (e as { constraint?: string }).constraint === constraint;
}

function isConnectionFailure(e: unknown): boolean {
  const code = pgCode(e);
  if (code && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  const message = String((e as Error)?.message ?? '');
  return /Connection terminated|connection timeout|Client has encountered a connection error|server closed the connection|self[- ]signed certificate|certificate|does not support SSL|SSL/i.test(message);
}

/** What the user reads for a failure of the database (the original stays the cause, for the logs). */
export function translateFailure(e: unknown, pool: Pool): unknown {
  if (isDomainError(e)) return e;
  const message = String((e as Error)?.message ?? '');
  if (/timeout exceeded when trying to connect/.test(message) && pool.totalCount >= (pool.options.max ?? 10)) return withCause(new DomainError('storage.busy'), e);
  const code = pgCode(e);
  if (code && BUSY_CODES.has(code)) return withCause(new DomainError('storage.busy'), e);
  if (isConnectionFailure(e) || /timeout exceeded when trying to connect/.test(message)) return withCause(new DomainError('storage.unavailable'), e);
  return e;
}

function withCause(error: DomainError, cause: unknown): DomainError {
  Object.defineProperty(error, 'cause', { value: cause, enumerable: false });
  return error;
}

/** Runs `fn` with a connection of its own; a connection that failed is discarded, not returned to the pool. */
export async function withClient<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  let client: PoolClient;
  try {
    client = await pool.connect();
  } catch (e) {
    throw translateFailure(e, pool);
  }
  let broken: Error | undefined;
  try {
    return await fn(client);
  } catch (e) {
    if (!isDomainError(e) && isConnectionFailure(e)) broken = e as Error;
    throw translateFailure(e, pool);
  } finally {
    client.release(broken);
  }
}

/**
 * Runs `fn` in one transaction (READ COMMITTED): committed when it returns, rolled back when it throws.
 * A deadlock or serialization failure (another instance raced) runs it again, up to three times.
 */
export async function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await withClient(pool, async (client) => {
        await client.query('BEGIN');
        try {
          const result = await fn(client);
          await client.query('COMMIT');
          return result;
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw e;
        }
      });
    } catch (e) {
      if (attempt >= 3 || !RETRY_CODES.has(pgCode(e) ?? '')) throw e;
    }
  }
}

/** A read with the pool's next free connection, translated like the rest. */
export async function query<R extends object>(pool: Pool, text: string, values: unknown[] = [], name?: string): Promise<R[]> {
  try {
    return (await pool.query<R>(name ? { name, text, values } : { text, values })).rows;
  } catch (e) {
    throw translateFailure(e, pool);
  }
}

/**
 * Issues the statements `send` starts (synchronously) as one write to the socket. A pipelining
 * connection writes each statement the moment it is queued – a system call and a TCP segment
 * apiece; corked, the socket sends them together when `send` returns (a click: 2 writes, not 5).
 * What the server receives, and the order, is the same.
 */
export function sentTogether<T>(client: PoolClient, send: () => T): T {
  const stream = (client as unknown as Partial<Client>).connection?.stream;
  stream?.cork();
  try {
    return send();
  } finally {
    stream?.uncork();
  }
}

/**
 * Waits for statements sent together on one pipelining connection and returns their results in
 * order; the first failure (in the order sent: the cause, not the "transaction is aborted" of those
 * after it) is thrown once all have answered, so no rejection is left unhandled.
 */
export async function inOrder<T extends readonly unknown[]>(sent: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(sent);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}

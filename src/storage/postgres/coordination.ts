/**
 * Coordination of bot instances through PostgreSQL:
 * - leases and exclusive work are session advisory locks held on a connection of their own: when an
 *   instance dies its connection closes and the server frees its locks at once, so another instance
 *   takes over without waiting for a timeout;
 * - a conversation's sends are counted in `intm_send_slots` under a transaction-scoped advisory lock
 *   per conversation, on the database's clock, so every instance sees the same count.
 */
import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { InstanceCoordination, Lease, RateLimit } from '../../app/ports';
import { KeyedSerial } from '../../app/keyedSerial';
import { nextAllowedAt, recentStamps } from '../../app/rateWindow';
import { inTransaction, translateFailure } from './checkout';

/** Advisory lock keys are 64-bit integers: a name maps to one through PostgreSQL's own hash. */
const LOCK_KEY = "hashtextextended('intm:' || $1, 0)";

/** How long a waiter for exclusive work sleeps between tries, at most (it starts at 50 ms). */
const MAX_POLL_MS = 1_000;

export class PgCoordination implements InstanceCoordination {
  /** Work of this process under one name runs in order before it competes with other instances. */
  private readonly local = new KeyedSerial();

  constructor(private readonly pool: Pool) {}

  async tryLease(name: string): Promise<Lease | undefined> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (e) {
      throw translateFailure(e, this.pool);
    }
    let got: boolean;
    try {
      got = (await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS ok`, [name])).rows[0]!.ok;
    } catch (e) {
      client.release(e as Error);
      throw translateFailure(e, this.pool);
    }
    if (got) return heldLock(client, name);
    client.release();
    return undefined;
  }

  exclusively<T>(name: string, work: () => Promise<T>): Promise<T> {
    return this.local.run(name, () => this.underLock(name, work));
  }

  /**
   * Polls for the lock rather than blocking in pg_advisory_lock: a blocked statement would run into the
   * statement timeout when the other instance's work takes long, and would hold its connection meanwhile.
   */
  private async underLock<T>(name: string, work: () => Promise<T>): Promise<T> {
    for (let pause = 50; ; pause = Math.min(MAX_POLL_MS, pause * 2)) {
      const lease = await this.tryLease(name);
      if (lease) {
        try {
          return await work();
        } finally {
          await lease.release();
        }
      }
      await new Promise((r) => setTimeout(r, pause));
    }
  }

  async reserveSend(key: string, limits: readonly RateLimit[], marginMs: number): Promise<number> {
    // The conversation's id identifies a person in a personal chat: the table keeps a hash of it.
    const conversation = createHash('sha256').update(key).digest('hex');
    return inTransaction(this.pool, async (client) => {
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended('intm-send:' || $1, 0))", [conversation]);
      const { rows } = await client.query<{ now: number; stamps: number[] | null }>(
        `SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS now,
                (SELECT stamps FROM intm_send_slots WHERE conversation = $1) AS stamps`,
        [conversation],
      );
      const now = rows[0]!.now;
      const recent = recentStamps((rows[0]!.stamps ?? []).map(Number), limits, marginMs, now);
      const until = nextAllowedAt(recent, limits, marginMs, now);
      if (until <= now) {
        recent.push(now);
        await client.query(
          `INSERT INTO intm_send_slots (conversation, stamps) VALUES ($1, $2)
           ON CONFLICT (conversation) DO UPDATE SET stamps = EXCLUDED.stamps`,
          [conversation, recent],
        );
      }
      return Math.max(0, Math.ceil(until - now));
    });
  }
}

/** The lease on `client`, which holds the session lock until released (or until the connection breaks). */
function heldLock(client: PoolClient, name: string): Lease {
  let lost = false;
  let released = false;
  // A broken connection has lost its locks: the holder learns it from `lost` (and the pool drops the client).
  const onError = () => (lost = true);
  client.on('error', onError);
  client.on('end', onError);
  return {
    get lost() {
      return lost;
    },
    async release() {
      if (released) return;
      released = true;
      client.off('error', onError);
      client.off('end', onError);
      try {
        if (!lost) await client.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`, [name]);
        client.release();
      } catch (e) {
        client.release(e as Error); // a connection in an unknown state is closed, which frees its locks
      }
    },
  };
}

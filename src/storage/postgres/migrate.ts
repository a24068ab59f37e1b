/**
 * Applies the pending SQL migrations in one transaction under a transaction-level advisory lock: two
 * instances starting at once take turns, and the second finds nothing left to do. A database whose
 * schema is newer than this program knows is refused (an old program must not write into it).
 */
import type { Pool } from 'pg';
import { DomainError } from '../../domain/errors';
import { withClient } from './checkout';
import { DATABASE_SCHEMA_VERSION, SQL_MIGRATIONS, SqlMigration } from './migrations';

/** The advisory lock's key: "IntM" and 0 (documents use other second keys, see pgRepository.ts). */
export const LOCK_CLASS = 0x496e744d;
const MIGRATION_LOCK = 0;

export interface MigrationOutcome {
  /** The versions applied now (empty: the database was up to date). */
  applied: number[];
  version: number;
}

export async function migrate(pool: Pool, migrations: readonly SqlMigration[] = SQL_MIGRATIONS): Promise<MigrationOutcome> {
  const known = migrations.length ? migrations[migrations.length - 1].version : 0;
  return withClient(pool, async (client) => {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, MIGRATION_LOCK]);
      const current = await schemaVersion(client);
      if (current > known) throw new DomainError('storage.newerDatabase', { found: current, known });
      const applied: number[] = [];
      for (const m of migrations) {
        if (m.version <= current) continue;
        await client.query(m.sql);
        await client.query('INSERT INTO intm_schema (version, name) VALUES ($1, $2)', [m.version, m.name]);
        applied.push(m.version);
      }
      await client.query('COMMIT');
      return { applied, version: Math.max(current, known) };
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  });
}

/** The version the database is at (0: nothing of IntM-Bot in it yet). */
export async function schemaVersion(client: { query: Pool['query'] }): Promise<number> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('intm_schema')::text AS t`);
  if (!exists.rows[0].t) return 0;
  const r = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM intm_schema');
  return r.rows[0].v ?? 0;
}

export { DATABASE_SCHEMA_VERSION };

/**
 * What only the PostgreSQL store has: migrations (idempotent, two migrators at once, a newer schema
 * refused), TLS settings read as PostgreSQL's own clients read them, URLs in messages without the
 * password, an unreachable database as a German refusal, and a purge that deletes the rows.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Pool } from 'pg';
import { IntmApp } from '../../src/app';
import type { AuditEntry } from '../../src/domain/audit';
import { DomainError } from '../../src/domain/errors';
import { ExcelWorkbookWriter } from '../../src/excel/workbookWriter';
import { SpreadsheetTableReader } from '../../src/excel/tableReader';
import { IDLE_IN_TRANSACTION_MS, poolConfig, redactUrl, STATEMENT_TIMEOUT_MS } from '../../src/storage/postgres/connection';
import { migrate } from '../../src/storage/postgres/migrate';
import { DATABASE_SCHEMA_VERSION, SQL_MIGRATIONS } from '../../src/storage/postgres/migrations';
import { PgRepository } from '../../src/storage/postgres/pgRepository';
import { SCHEMA_VERSION } from '../../src/storage/schema';
import { fixedClock } from '../../src/storage/systemClock';
import { ABSTATT, coordinator, EPPINGEN, listWith, person, staff, verzeichnis } from '../fixtures';
import { PgCluster, postgresAvailable, startPgCluster } from '../pgCluster';

describe('connection settings (no server needed)', () => {
  const url = 'postgres://intm:geheim@db.example.org:6432/intm';

  test('sslmode as in libpq: disable, require (encrypted, not verified), verify-full (verified), verify-ca with the CA file', () => {
    expect(poolConfig(`${url}?sslmode=disable`).ssl).toBe(false);
    expect(poolConfig(`${url}?sslmode=require`).ssl).toEqual({ rejectUnauthorized: false });
    const full = poolConfig(`${url}?sslmode=verify-full`).ssl as Record<string, unknown>;
    expect(full).toEqual({});
    expect(full.rejectUnauthorized).toBeUndefined(); // Node's default: verified
    const dir = mkdtempSync(path.join(os.tmpdir(), 'intm-ca-'));
    try {
      const ca = path.join(dir, 'ca.pem');
      writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
      const verifyCa = poolConfig(`${url}?sslmode=verify-ca&sslrootcert=${ca}`).ssl as Record<string, unknown>;
      expect(verifyCa.ca).toContain('BEGIN CERTIFICATE');
      expect(typeof verifyCa.checkServerIdentity).toBe('function'); // the CA is checked, the host name is not
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const plain = poolConfig(url);
    expect(plain).toMatchObject({ host: 'db.example.org', port: 6432, user: 'intm', password: 'geheim', database: 'intm', keepAlive: true });
    expect(plain.ssl).toBeUndefined();
    expect(plain.statement_timeout).toBe(STATEMENT_TIMEOUT_MS);
    expect(plain.idle_in_transaction_session_timeout).toBe(IDLE_IN_TRANSACTION_MS);
  });

  test('a URL that cannot be used is refused in German, without the password', () => {
    for (const bad of [`${url}?sslmode=verify-ca`, `${url}?sslmode=verify-full&sslrootcert=/nicht/da/ca.pem`]) {
      let error: unknown;
      try {
        poolConfig(bad);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('storage.badUrl');
      expect((error as DomainError).message).toContain('INTM_DATABASE_URL');
      expect((error as DomainError).message).not.toContain('geheim');
    }
  });

  test('redactUrl never shows the password, also for malformed URLs', () => {
    expect(redactUrl(url)).toBe('postgres://intm:***@db.example.org:6432/intm');
    expect(redactUrl('postgres://intm@db/intm?password=geheim&sslmode=require')).not.toContain('geheim');
    expect(redactUrl('postgres://intm:geheim@db.example.org:keinport/intm')).not.toContain('geheim');
    expect(redactUrl('postgres://intm:ge@heim@db/intm')).not.toContain('heim@db');
    expect(redactUrl('kein url mit geheim')).not.toContain('geheim');
  });
});

const withPg = postgresAvailable('PostgreSQL store');

(withPg ? describe : describe.skip)('PostgreSQL store on a server', () => {
  let cluster: PgCluster;
  beforeAll(async () => {
    cluster = await startPgCluster();
  }, 120_000);
  afterAll(() => cluster?.stop(), 60_000);

  async function sql<R extends object>(url: string, text: string, values: unknown[] = []): Promise<R[]> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<R>(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  test('migrations: applied once by the first of several migrators starting at once, then nothing to do', async () => {
    const url = await cluster.newDatabase();
    const pools = Array.from({ length: 3 }, () => new Pool({ connectionString: url }));
    try {
      const outcomes = await Promise.all(pools.map((p) => migrate(p)));
      const all = SQL_MIGRATIONS.map((m) => m.version);
      expect(outcomes.map((o) => o.applied).sort()).toEqual([[], [], all]);
      expect(outcomes.every((o) => o.version === DATABASE_SCHEMA_VERSION)).toBe(true);
      expect((await migrate(pools[0])).applied).toEqual([]);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
    expect(await sql(url, 'SELECT version, name FROM intm_schema ORDER BY version')).toEqual(SQL_MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    // Two instances opening the store at once: both work.
    const [a, b] = await Promise.all([PgRepository.open(url), PgRepository.open(url)]);
    await Promise.all([a.close(), b.close()]);
  });

  test('documents of an older schema are read through the migrations and rewritten by migrateAll; newer ones are refused', async () => {
    const url = await cluster.newDatabase();
    const repo = await PgRepository.open(url);
    try {
      await sql(url, `INSERT INTO intm_documents (name, schema_version, doc) VALUES ('roster', 1, '{"entries":[]}'), ('future', 99, '{}')`);
      expect(await repo.readDocument('roster')).toEqual({ entries: [] });
      await expect(repo.readDocument('future')).rejects.toMatchObject({ code: 'storage.newerSchema' });
      await sql(url, `DELETE FROM intm_documents WHERE name = 'future'`);
      expect(await repo.migrateAll()).toBe(1);
      expect(await sql(url, `SELECT schema_version FROM intm_documents WHERE name = 'roster'`)).toEqual([{ schema_version: SCHEMA_VERSION }]);
      expect(await repo.migrateAll()).toBe(0);
    } finally {
      await repo.close();
    }
  });

  test('a database with a newer schema is refused and left unchanged', async () => {
    const url = await cluster.newDatabase();
    await (await PgRepository.open(url)).close();
    await sql(url, `INSERT INTO intm_schema (version, name) VALUES ($1, 'von morgen')`, [DATABASE_SCHEMA_VERSION + 1]);
    const error = await PgRepository.open(url).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('storage.newerDatabase');
    expect(error.message).toContain('neueren Version');
    expect(await sql(url, 'SELECT count(*)::int AS n FROM intm_schema')).toEqual([{ n: SQL_MIGRATIONS.length + 1 }]);
  });

  test('an unreachable database is a German refusal, never the driver’s text', async () => {
    const closed = `postgres://postgres:geheim@127.0.0.1:${await closedPort()}/intm`;
    const error = await PgRepository.open(closed).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('storage.unavailable');
    expect(error.message).toContain('Die Datenbank ist nicht erreichbar');
    expect(error.message).not.toMatch(/ECONNREFUSED|geheim|127\.0\.0\.1/);
    // A database that is not there (wrong name in the URL) is the same for the user.
    const missing = await PgRepository.open(cluster.url.replace(/\/postgres$/, '/gibt_es_nicht')).catch((e) => e);
    expect(missing).toMatchObject({ code: 'storage.unavailable' });
  });

  test('connections the server ends (restart, failover) are replaced: the next operation works', async () => {
    const url = await cluster.newDatabase();
    const repo = await PgRepository.open(url);
    try {
      await repo.updateDocument('roster', () => ({ next: { v: 1 }, result: undefined }));
      await sql(url, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
      await new Promise((r) => setTimeout(r, 100));
      await expect(repo.readDocument('roster')).resolves.toEqual({ v: 1 });
    } finally {
      await repo.close();
    }
  });

  test('an import that fails in the database leaves the old lists; the sessions run with the time limits', async () => {
    const url = await cluster.newDatabase();
    const repo = await PgRepository.open(url);
    try {
      await repo.updateCampaign(2025, () => ({ next: { campaign: { year: 2025 } as never, revision: 1, events: [] }, result: undefined }));
      const first = [listWith(ABSTATT, [person('a1')])];
      await repo.replaceLists(2025, first, (c) => ({ next: c, result: undefined }));
      // Two lists for one Gemeinde: the database refuses the second row, the whole switch is rolled back.
      const broken = [listWith(ABSTATT, [person('b1')]), listWith(ABSTATT, [person('b2')])];
      await expect(repo.replaceLists(2025, broken, (c) => ({ next: { ...c, revision: 2 }, result: undefined }))).rejects.toThrow();
      expect(await repo.readLists(2025)).toEqual(first);
      expect((await repo.readCampaign(2025))?.revision).toBe(1);
      const settings = await repo.pool.query(`SELECT current_setting('statement_timeout') AS s, current_setting('idle_in_transaction_session_timeout') AS i`);
      expect(settings.rows[0]).toEqual({ s: '2min', i: '1min' });
    } finally {
      await repo.close();
    }
  });

  test('an operation id another instance stores between our look-up and our insert: answered as that one’s replay', async () => {
    const url = await cluster.newDatabase();
    const repo = await PgRepository.open(url);
    const other = new Client({ connectionString: url });
    await other.connect();
    try {
      await repo.updateCampaign(2025, () => ({ next: { campaign: { year: 2025 } as never, revision: 1, events: [] }, result: undefined }));
      await repo.replaceLists(2025, [listWith(ABSTATT, [person('a1')]), listWith(EPPINGEN, [person('e1')])], (c) => ({ next: c, result: undefined }));
      // The other instance has inserted the operation's event and not committed yet: our look-up cannot see it.
      const theirs: AuditEntry = { at: '2024-01-10T09:00:00.000Z', actor: { id: 'clerk', name: 'C', role: 'gemeinde' }, action: 'person.strike', ags: EPPINGEN, subject: 'e1', opId: 'same', revision: 2 };
      await other.query('BEGIN');
      await other.query(`INSERT INTO intm_list_events (year, generation, ags, actor_id, op_id, entry) VALUES (2025, 'x', $1, 'clerk', 'same', $2)`, [EPPINGEN, JSON.stringify(theirs)]);
      const ours = repo.changeList(2025, ABSTATT, { actorId: 'clerk', opId: 'same' }, (list) => ({
        change: { entry: { ...theirs, ags: ABSTATT, subject: 'a1', revision: list.revision + 1 }, person: { ...list.persons[0], strike: { at: theirs.at, by: { id: 'clerk', name: 'C' }, reason: 'weggezogen' } } },
        result: 'decided',
      }));
      // Our insert waits on the unique index for their transaction; they commit, ours fails on the index.
      await new Promise((r) => setTimeout(r, 300));
      await other.query('COMMIT');
      await expect(ours).resolves.toMatchObject({ replayed: true, entry: { ags: EPPINGEN, opId: 'same' }, list: { ags: ABSTATT, revision: 1 } });
      expect((await repo.readList(2025, ABSTATT))?.persons[0].strike).toBeUndefined();
    } finally {
      await other.end();
      await repo.close();
    }
  });

  test('TLS as PostgreSQL’s own clients: sslmode=require encrypts, verify-full checks the CA, a wrong CA is refused in German', async () => {
    const { caFile } = await cluster.enableTls();
    const url = await cluster.newDatabase();
    const encrypted = async (u: string) => {
      const repo = await PgRepository.open(u);
      try {
        return (await repo.pool.query<{ ssl: boolean }>('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')).rows[0].ssl;
      } finally {
        await repo.close();
      }
    };
    expect(await encrypted(`${url}?sslmode=require`)).toBe(true);
    expect(await encrypted(`${url}?sslmode=verify-full&sslrootcert=${caFile}`)).toBe(true);
    expect(await encrypted(`${url}?sslmode=disable`)).toBe(false);
    // The server's certificate is not from this CA: refused, with the usual sentence.
    const otherCa = path.join(path.dirname(caFile), 'other.pem');
    writeFileSync(otherCa, readFileSync(path.join(path.dirname(caFile), 'server.crt')));
    const wrong = await PgRepository.open(`${url}?sslmode=verify-full&sslrootcert=${otherCa}`).catch((e) => e);
    expect(wrong).toMatchObject({ code: 'storage.unavailable' });
    // Without a CA file, verify-full checks against the system's CAs, which do not know this one.
    expect(await PgRepository.open(`${url}?sslmode=verify-full`).catch((e) => e)).toMatchObject({ code: 'storage.unavailable' });
  });

  test('purge deletes the persons and the change log from the database; the figures and the purge’s audit entry stay', async () => {
    const url = await cluster.newDatabase();
    const repo = await PgRepository.open(url);
    const clock = fixedClock('2024-01-10T09:00:00.000Z');
    const app = new IntmApp({ repo, clock, verzeichnis, tableReader: new SpreadsheetTableReader(), workbooks: new ExcelWorkbookWriter() });
    try {
      await app.campaigns.create({ year: 2025, kreisAmount: '1508000' }, { actor: coordinator });
      const lists = verzeichnis.all.map((g) => listWith(g.ags, [person(`${g.ags}-1`), person(`${g.ags}-2`)]));
      await repo.replaceLists(2025, lists, (c) => ({ next: { ...c, revision: c.revision + 1 }, result: undefined }));
      await app.review.strike(2025, ABSTATT, { personId: `${ABSTATT}-1`, reason: 'weggezogen' }, { actor: staff(ABSTATT) });
      const count = async () =>
        (
          await sql<{ persons: number; events: number; lists: number }>(
            url,
            `SELECT (SELECT count(*)::int FROM intm_persons WHERE year = 2025) AS persons,
                    (SELECT count(*)::int FROM intm_list_events WHERE year = 2025) AS events,
                    (SELECT count(*)::int FROM intm_lists WHERE year = 2025) AS lists`,
          )
        )[0];
      expect(await count()).toEqual({ persons: 2 * lists.length, events: 1, lists: lists.length });

      clock.set('2027-01-05T09:00:00.000Z');
      expect(await app.campaigns.purge(2025, { actor: coordinator })).toEqual({ gemeinden: lists.length, persons: 2 * lists.length });
      expect(await count()).toEqual({ persons: 0, events: 0, lists: 0 });
      // No person's name or id is left anywhere in the database.
      const dump = await sql<{ t: string }>(url, `SELECT string_agg(doc::text, ' ') AS t FROM intm_documents`);
      expect(dump[0].t).not.toContain('Testperson');
      expect(dump[0].t).not.toContain(`${ABSTATT}-1`);
      const record = (await repo.readCampaign(2025))!;
      expect(record.events.at(-1)).toMatchObject({ action: 'campaign.purge', actor: { id: coordinator.id } });
      expect(record.purged?.figures?.totals.persons).toBe(2 * lists.length - 1);
      expect(record.purged?.changes[ABSTATT]).toEqual({ 'person.strike': 1 });
    } finally {
      await app.close();
    }
  });
});

/** A port nothing listens on (taken and released again). */
async function closedPort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The PostgreSQL store: the same Repository port as the embedded store, for several bot instances on
 * one database (see migrations.ts for the tables).
 *
 *   intm_documents    campaign records (`<year>/campaign`), decisions (`<year>/decisions`) and named
 *                     documents (`roster`, the bot's conversations, …), each with a version number
 *   intm_lists        one row per Gemeinde's list: revision and the list without its persons
 *   intm_persons      one row per person, in list order
 *   intm_list_events  the lists' change log, oldest first; operation ids unique per year and actor
 *   intm_nachweis_files  files attached to the Verwendungsnachweise (see pgNachweisFiles.ts)
 *
 * A click (`changeList`) is one transaction: the campaign row locked FOR KEY SHARE (a whole-year
 * operation, which locks it FOR UPDATE, waits for it and it for them), the list row FOR NO KEY UPDATE
 * (clicks on one list take turns, on different lists run side by side), the operation id looked up in
 * the unique index, then the event, the one changed person and the list row written in one statement.
 * The connections pipeline, so that is two round trips (locks and read; write and COMMIT), each one
 * write to the socket (checkout.ts, sentTogether).
 * A second instance that stored the same operation id first makes the insert fail on the index: the
 * click is answered as a replay of that one.
 *
 * Reads are cached per instance by what changes with every write (a document's version, a list's
 * generation and revision), checked by the same query that would load them: another instance's write
 * is seen at the next read. Cached objects are frozen, as the embedded store's are.
 */
import { randomBytes } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { CampaignRecord, InstanceCoordination, ListChangeOutcome, ListDecision, Mutation, NachweisFile, NachweisFileAdded, OperationKey, Repository } from '../../app/ports';
import type { AuditEntry } from '../../domain/audit';
import { DecisionBook, emptyDecisionBook } from '../../domain/decision';
import { DomainError } from '../../domain/errors';
import { applyListChange, personIndex, type GemeindeListe, type ListPerson } from '../../domain/list';
import { deepFreeze } from '../documentCache';
import { DocumentKind, SCHEMA_VERSION, upgrade } from '../schema';
import { inOrder, inTransaction, isUniqueViolation, query, sentTogether, withClient } from './checkout';
import { createPool } from './connection';
import { PgCoordination } from './coordination';
import { LOCK_CLASS, migrate, MigrationOutcome } from './migrate';
import * as files from './pgNachweisFiles';

type Queryable = Pick<Pool | PoolClient, 'query'>;

interface DocRow {
  version: string;
  schema_version: number;
  doc: Record<string, unknown> | null;
}

interface ListRow {
  ags: string;
  generation: string;
  revision: number;
  header: Omit<GemeindeListe, 'persons'> | null;
  persons: ListPerson[] | null;
  replay: AuditEntry | null;
}

interface CachedList {
  generation: string;
  revision: number;
  list: GemeindeListe;
}

/** Rows per statement when lists are written in bulk (an import, a store copy): well under PostgreSQL's limits. */
const BULK_ROWS = 5_000;
const OP_INDEX = 'intm_list_events_op';
/** Connections for leases (schedule, jobs), exclusive card updates and send counts. */
const COORDINATION_CONNECTIONS = 6;
/**
 * The year's lists (or one) against the cached generations and revisions; with the operation id's
 * look-up ($6, $7) or without. Fixed texts: a click neither builds nor compares a new string.
 */
const listsSql = (replay: string) => `SELECT l.ags, l.generation, l.revision,
              CASE WHEN c.rev = l.revision AND c.gen = l.generation THEN NULL ELSE l.header END AS header,
              CASE WHEN c.rev = l.revision AND c.gen = l.generation THEN NULL
                   ELSE (SELECT coalesce(json_agg(p.data ORDER BY p.idx), '[]'::json) FROM intm_persons p WHERE p.year = l.year AND p.ags = l.ags) END AS persons,
              ${replay} AS replay
         FROM intm_lists l
         LEFT JOIN unnest($2::text[], $3::text[], $4::int[]) AS c(ags, gen, rev) ON c.ags = l.ags
        WHERE l.year = $1 AND ($5::text IS NULL OR l.ags = $5)
        ORDER BY l.ags`;
const LISTS_SQL = listsSql('NULL::json');
const LISTS_AND_OP_SQL = listsSql('(SELECT e.entry FROM intm_list_events e WHERE e.year = $1 AND e.actor_id = $6 AND e.op_id = $7)');
/** The statements this program runs (a handful of texts), each with the name it is prepared under. */
const statementNames = new Map<string, string>();

export interface PgRepositoryOptions {
  /** Connections in the pool (default 10). */
  max?: number;
}

export class PgRepository implements Repository {
  private readonly documents = new Map<string, { version: string; doc: unknown }>();
  /** Lists as last read, by `<year>/<ags>`. */
  private readonly lists = new Map<string, CachedList>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  /** Leases and shared send counts, on a small pool of their own (a lease holds its connection). */
  private coordinator?: { pool: Pool; coordination: PgCoordination };

  private constructor(
    readonly pool: Pool,
    /** What opening applied (`intm migrate` reports it). */
    readonly migration: MigrationOutcome,
    private readonly url: string,
  ) {}

  /** Connects and applies pending migrations (safe when several instances start at once). */
  static async open(url: string, options: PgRepositoryOptions = {}): Promise<PgRepository> {
    const pool = createPool(url, options.max);
    try {
      return new PgRepository(pool, await migrate(pool), url);
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw e;
    }
  }

  // ------------------------------------------------------------------ documents

  async years(): Promise<number[]> {
    const rows = await this.read<{ year: number }>(
      `SELECT DISTINCT split_part(name, '/', 1)::int AS year FROM intm_documents WHERE name ~ '^[0-9]{4}/' ORDER BY year`,
    );
    return rows.map((r) => r.year);
  }

  /** The named documents outside any year (roster, conversations, …), sorted. */
  async documentNames(): Promise<string[]> {
    const rows = await this.read<{ name: string }>(`SELECT name FROM intm_documents WHERE position('/' in name) = 0 ORDER BY name`);
    return rows.map((r) => r.name);
  }

  readCampaign(year: number): Promise<CampaignRecord | undefined> {
    return this.readDoc<CampaignRecord>(campaignDoc(year));
  }

  updateCampaign<R>(year: number, change: (current: CampaignRecord | undefined) => Mutation<CampaignRecord, R>): Promise<R> {
    return this.updateDoc<CampaignRecord, R>(campaignDoc(year), change);
  }

  async readDecisions(year: number): Promise<DecisionBook> {
    return (await this.readDoc<DecisionBook>(decisionsDoc(year))) ?? emptyDecisionBook(year);
  }

  updateDecisions<R>(year: number, change: (current: DecisionBook, record: CampaignRecord) => Mutation<DecisionBook, R>): Promise<R> {
    return this.tracked(
      inTransaction(this.pool, async (c) => {
        const record = await this.cachedDoc<CampaignRecord>(c, campaignDoc(year));
        if (!record) throw new DomainError('campaign.notFound', { year });
        return this.changeDocIn<DecisionBook, R>(c, decisionsDoc(year), (book) => change(book ?? emptyDecisionBook(year), record));
      }),
    );
  }

  readDocument<T>(name: string): Promise<T | undefined> {
    return this.readDoc<T>(namedDoc(name));
  }

  updateDocument<T, R>(name: string, change: (current: T | undefined) => Mutation<T, R>): Promise<R> {
    return this.updateDoc<T, R>(namedDoc(name), change);
  }

  private readDoc<T>(name: string): Promise<T | undefined> {
    return this.tracked(this.cachedDoc<T>(this.pool, name));
  }

  /** A document as stored, from the cache when its version is the one stored (the query sends it only otherwise). */
  private async cachedDoc<T>(q: Queryable, name: string): Promise<T | undefined> {
    const cached = this.documents.get(name);
    const rows = await this.run<DocRow>(
      q,
      'SELECT version, schema_version, CASE WHEN version = $2::bigint THEN NULL ELSE doc END AS doc FROM intm_documents WHERE name = $1',
      [name, cached?.version ?? '-1'],
    );
    if (!rows[0]) {
      this.documents.delete(name);
      return undefined;
    }
    return this.fromCache<T>(name, rows[0], cached);
  }

  /** The document of a row read against `cached`: the cached one when the row left it out (same version), else decoded and cached. */
  private fromCache<T>(name: string, row: DocRow, cached: { version: string; doc: unknown } | undefined): T {
    if (row.doc === null && cached) return cached.doc as T;
    const doc = deepFreeze(decode<T>(name, row));
    this.documents.set(name, { version: row.version, doc });
    return doc;
  }

  private updateDoc<T, R>(name: string, change: (current: T | undefined) => Mutation<T, R>): Promise<R> {
    return this.tracked(inTransaction(this.pool, (c) => this.changeDocIn(c, name, change)));
  }

  /**
   * Reads the document fresh under its row lock, applies `change` and writes the result in the caller's
   * transaction. A document not there yet has no row to lock: an advisory lock on its name makes two
   * first writers take turns instead of one failing on the primary key.
   */
  private async changeDocIn<T, R>(c: PoolClient, name: string, change: (current: T | undefined) => Mutation<T, R>, lock = 'FOR NO KEY UPDATE'): Promise<R> {
    let row = await this.lockedDoc(c, name, lock);
    if (!row) {
      await c.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_CLASS, name]);
      row = await this.lockedDoc(c, name, lock);
    }
    const { next, result } = change(row ? decode<T>(name, row) : undefined);
    if (next !== undefined) await this.writeDoc(c, name, next);
    return result;
  }

  private async lockedDoc(c: PoolClient, name: string, lock: string): Promise<DocRow | undefined> {
    return (await this.run<DocRow>(c, `SELECT version, schema_version, doc FROM intm_documents WHERE name = $1 ${lock}`, [name]))[0];
  }

  private async writeDoc(c: PoolClient, name: string, doc: unknown): Promise<void> {
    // Forgotten before the write: what this instance caches is always what some committed version held.
    this.documents.delete(name);
    await this.run(
      c,
      `INSERT INTO intm_documents (name, schema_version, doc) VALUES ($1, $2, $3::json)
       ON CONFLICT (name) DO UPDATE SET version = nextval('intm_version_seq'), schema_version = EXCLUDED.schema_version, doc = EXCLUDED.doc`,
      [name, SCHEMA_VERSION, JSON.stringify(stripVersion(doc as object))],
    );
  }

  // ------------------------------------------------------------------ lists

  async readList(year: number, ags: string): Promise<GemeindeListe | undefined> {
    return (await this.tracked(this.loadLists(this.pool, year, ags))).lists[0];
  }

  async readLists(year: number): Promise<GemeindeListe[]> {
    return (await this.tracked(this.loadLists(this.pool, year))).lists;
  }

  /**
   * The year's lists (or one), in AGS order, in one statement (one snapshot of the database): a list
   * whose generation and revision match the cached one comes back without its content. With `op`, the
   * same statement looks the operation id up (`replay`: the entry it was applied with).
   */
  private async loadLists(q: Queryable, year: number, ags?: string, op?: OperationKey): Promise<{ lists: GemeindeListe[]; replay?: AuditEntry }> {
    const cached = this.cachedLists(year, ags);
    const compared = new Map(cached);
    const rows = await this.run<ListRow>(q, op ? LISTS_AND_OP_SQL : LISTS_SQL, [
      year,
      cached.map(([k]) => k.slice(5)),
      cached.map(([, v]) => v.generation),
      cached.map(([, v]) => v.revision),
      ags ?? null,
      ...(op ? [op.actorId, op.opId] : []),
    ]);
    const seen = new Set(rows.map((r) => r.ags));
    for (const [key] of cached) if (!seen.has(key.slice(5))) this.lists.delete(key);
    const lists = rows.map((r) => {
      const key = `${year}/${r.ags}`;
      // Left out because it matched what was sent: the list compared, whatever the cache holds by now.
      if (r.header === null) return compared.get(key)!.list;
      const list = deepFreeze({ ...r.header, persons: r.persons ?? [] } as GemeindeListe);
      this.remember(key, { generation: r.generation, revision: r.revision, list });
      return list;
    });
    return { lists, ...(rows[0]?.replay ? { replay: rows[0].replay } : {}) };
  }

  /** The cached lists of a year (or the one list): a click looks its one key up instead of scanning the cache. */
  private cachedLists(year: number, ags?: string): [string, CachedList][] {
    if (ags) {
      const key = `${year}/${ags}`;
      const entry = this.lists.get(key);
      return entry ? [[key, entry]] : [];
    }
    return [...this.lists.entries()].filter(([key]) => key.startsWith(`${year}/`));
  }

  async changeList<R>(
    year: number,
    ags: string,
    op: OperationKey | undefined,
    decide: (current: GemeindeListe, record: CampaignRecord) => ListDecision<R>,
  ): Promise<ListChangeOutcome<R>> {
    try {
      const { outcome, stored } = await this.tracked(withClient(this.pool, (c) => this.changeListIn(c, year, ags, op, decide)));
      // Cached once committed: a rolled-back change must never be what this instance serves.
      if (stored) this.remember(`${year}/${ags}`, stored);
      return outcome;
    } catch (e) {
      // Another instance stored this operation id between our look-up and our insert: it was applied there.
      if (!op || !isUniqueViolation(e, OP_INDEX)) throw e;
      const entry = await this.findOp(this.pool, year, op);
      const list = await this.readList(year, ags);
      if (!entry || !list) throw e;
      return { replayed: true, list, entry };
    }
  }

  /**
   * One click as one transaction in two round trips: the connection pipelines (connection.ts), so
   * BEGIN, the locks and the read are sent at once – the server runs them in order, the read only once
   * the locks are held, and sees what the click before us committed – and the write goes with COMMIT.
   */
  private async changeListIn<R>(
    c: PoolClient,
    year: number,
    ags: string,
    op: OperationKey | undefined,
    decide: (current: GemeindeListe, record: CampaignRecord) => ListDecision<R>,
  ): Promise<{ outcome: ListChangeOutcome<R>; stored?: CachedList }> {
    const name = campaignDoc(year);
    const cached = this.documents.get(name);
    try {
      const [, [row], loaded] = await inOrder(sentTogether(c, () => [
        c.query('BEGIN'),
        // The campaign row FOR KEY SHARE (a whole-year operation waits for us, we for it), the list's FOR NO KEY UPDATE.
        this.run<DocRow & { generation: string }>(
          c,
          `SELECT d.version, d.schema_version, CASE WHEN d.version = $4::bigint THEN NULL ELSE d.doc END AS doc, l.generation
             FROM intm_documents d JOIN intm_lists l ON l.year = $2 AND l.ags = $3
            WHERE d.name = $1
              FOR KEY SHARE OF d FOR NO KEY UPDATE OF l`,
          [name, year, ags, cached?.version ?? '-1'],
        ),
        this.loadLists(c, year, ags, op),
      ] as const));
      if (!row) throw await this.whyNoList(c, year, ags);
      const record = this.fromCache<CampaignRecord>(name, row, cached);
      const {
        lists: [list],
        replay,
      } = loaded;
      const { generation } = row;
      if (replay) return await this.commit(c, { outcome: { replayed: true, list, entry: replay } });
      const { change, result } = decide(list, record);
      if (!change) return await this.commit(c, { outcome: { replayed: false, list, result } });
      const next = applyListChange(list, change);
      const { entry } = change;
      const index = change.person ? personIndex(next, change.person.id) : -1;
      const person = index >= 0 ? next.persons[index] : undefined;
      await inOrder(sentTogether(c, () => [
        this.run(
          c,
          `WITH event AS (
             INSERT INTO intm_list_events (year, generation, ags, actor_id, op_id, entry) VALUES ($1, $2, $3, $4, $5, $6::json) RETURNING seq
           ), list AS (
             UPDATE intm_lists SET revision = $7, header = $8::json WHERE year = $1 AND ags = $3 RETURNING 1
           ), person AS (
             INSERT INTO intm_persons (year, generation, ags, idx, rev, data)
             SELECT $1, $2, $3, $9, $10, $11::json WHERE $9::int IS NOT NULL
             ON CONFLICT (year, ags, idx) DO UPDATE SET rev = EXCLUDED.rev, data = EXCLUDED.data RETURNING 1
           )
           SELECT (SELECT count(*) FROM list) AS lists, (SELECT count(*) FROM person) AS persons, seq FROM event`,
          [
            year,
            generation,
            ags,
            entry.actor.id,
            entry.opId ?? null,
            JSON.stringify(entry),
            next.revision,
            JSON.stringify(headerOf(next)),
            person ? index : null,
            person?.last?.rev ?? 0,
            person ? JSON.stringify(person) : null,
          ],
        ),
        // A failed write leaves the transaction aborted: this COMMIT then ends it as a rollback.
        c.query('COMMIT'),
      ] as const));
      const frozen = deepFreeze(next);
      return { outcome: { replayed: false, list: frozen, result }, stored: { generation, revision: next.revision, list: frozen } };
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }

  private async commit<T>(c: PoolClient, value: T): Promise<T> {
    await c.query('COMMIT');
    return value;
  }

  /** Why a click found no campaign row with the list's row: no campaign, not imported, purged, or no such list. */
  private async whyNoList(c: PoolClient, year: number, ags: string): Promise<DomainError> {
    const record = await this.cachedDoc<CampaignRecord>(c, campaignDoc(year));
    if (!record) return new DomainError('campaign.notFound', { year });
    if (!record.generation) return new DomainError(record.purged ? 'campaign.purged' : 'campaign.notImported', { year });
    return new DomainError('list.notFound', { ags });
  }

  /** Caches a list unless a newer revision of the same generation is cached already (answers may arrive out of order). */
  private remember(key: string, entry: CachedList): void {
    const known = this.lists.get(key);
    if (!known || known.generation !== entry.generation || known.revision <= entry.revision) this.lists.set(key, entry);
  }

  private async findOp(q: Queryable, year: number, op: OperationKey): Promise<AuditEntry | undefined> {
    const rows = await this.run<{ entry: AuditEntry }>(q, 'SELECT entry FROM intm_list_events WHERE year = $1 AND actor_id = $2 AND op_id = $3', [year, op.actorId, op.opId]);
    return rows[0]?.entry;
  }

  async readListHistory(year: number, ags?: string): Promise<AuditEntry[]> {
    const rows = await this.read<{ entry: AuditEntry }>(
      'SELECT entry FROM intm_list_events WHERE year = $1 AND ($2::text IS NULL OR ags = $2) ORDER BY seq',
      [year, ags ?? null],
    );
    return rows.map((r) => r.entry);
  }

  updateCampaignWithLists<R>(year: number, change: (current: CampaignRecord, lists: GemeindeListe[]) => Mutation<CampaignRecord, R>): Promise<R> {
    return this.withWholeYear(year, async (c, current, lists) => {
      const { next, result } = change(current, lists);
      if (next) await this.writeDoc(c, campaignDoc(year), next);
      return result;
    });
  }

  replaceLists<R>(
    year: number,
    lists: GemeindeListe[],
    change: (current: CampaignRecord, currentLists: GemeindeListe[]) => Mutation<CampaignRecord, R>,
    history: readonly AuditEntry[] = [],
  ): Promise<R> {
    return this.replacingLists(year, async (c, current, currentLists) => {
      const { next, result } = change(current, currentLists);
      if (!next) return result;
      const generation = `lists-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
      await this.deleteLists(c, year);
      await this.insertLists(c, year, generation, lists);
      const agsSet = new Set(lists.map((l) => l.ags));
      await this.insertHistory(c, year, generation, history.filter((e) => e.ags !== undefined && agsSet.has(e.ags)));
      await this.writeDoc(c, campaignDoc(year), { ...next, generation });
      return result;
    });
  }

  purgeLists<R>(year: number, change: (current: CampaignRecord, currentLists: GemeindeListe[]) => Mutation<CampaignRecord, R>): Promise<R> {
    return this.replacingLists(year, async (c, current, currentLists) => {
      const { next, result } = change(current, currentLists);
      if (!next) return result;
      const { generation: _gone, ...rest } = next;
      await this.writeDoc(c, campaignDoc(year), rest);
      // Deleted, not hidden: the rows with persons and their change log are gone with the commit.
      await this.deleteLists(c, year);
      return result;
    });
  }

  /**
   * Runs `work` in one transaction holding the campaign row FOR UPDATE (no click of the year runs
   * meanwhile: each holds it FOR KEY SHARE), with the record read fresh and the lists as they stand.
   */
  private withWholeYear<R>(year: number, work: (c: PoolClient, current: CampaignRecord, lists: GemeindeListe[]) => Promise<R>): Promise<R> {
    return this.tracked(
      inTransaction(this.pool, async (c) => {
        const row = await this.lockedDoc(c, campaignDoc(year), 'FOR UPDATE');
        if (!row) throw new DomainError('campaign.notFound', { year });
        return work(c, decode<CampaignRecord>(campaignDoc(year), row), (await this.loadLists(c, year)).lists);
      }),
    );
  }

  /** A whole-year operation that may remove the year's lists: this instance lets go of what it cached of them (personal data) once it is done. */
  private async replacingLists<R>(year: number, work: (c: PoolClient, current: CampaignRecord, lists: GemeindeListe[]) => Promise<R>): Promise<R> {
    try {
      return await this.withWholeYear(year, work);
    } finally {
      for (const key of [...this.lists.keys()]) if (key.startsWith(`${year}/`)) this.lists.delete(key);
    }
  }

  private async deleteLists(c: PoolClient, year: number): Promise<void> {
    await this.run(c, 'DELETE FROM intm_list_events WHERE year = $1', [year]);
    await this.run(c, 'DELETE FROM intm_persons WHERE year = $1', [year]);
    await this.run(c, 'DELETE FROM intm_lists WHERE year = $1', [year]);
  }

  private async insertLists(c: PoolClient, year: number, generation: string, lists: readonly GemeindeListe[]): Promise<void> {
    for (let i = 0; i < lists.length; i += BULK_ROWS) {
      const part = lists.slice(i, i + BULK_ROWS);
      await this.run(
        c,
        `INSERT INTO intm_lists (year, ags, generation, revision, header)
         SELECT $1, t.ags, $2, t.revision, t.header FROM unnest($3::text[], $4::int[], $5::json[]) AS t(ags, revision, header)`,
        [year, generation, part.map((l) => l.ags), part.map((l) => l.revision), part.map((l) => JSON.stringify(headerOf(l)))],
      );
    }
    const rows = lists.flatMap((l) => l.persons.map((p, idx) => ({ ags: l.ags, idx, p })));
    for (let i = 0; i < rows.length; i += BULK_ROWS) {
      const part = rows.slice(i, i + BULK_ROWS);
      await this.run(
        c,
        `INSERT INTO intm_persons (year, generation, ags, idx, rev, data)
         SELECT $1, $2, t.ags, t.idx, t.rev, t.data FROM unnest($3::text[], $4::int[], $5::int[], $6::json[]) AS t(ags, idx, rev, data)`,
        [year, generation, part.map((r) => r.ags), part.map((r) => r.idx), part.map((r) => r.p.last?.rev ?? 0), part.map((r) => JSON.stringify(r.p))],
      );
    }
  }

  /**
   * The new lists' first entries, in the order given. They are not operations of their own (an import
   * is replayed on the campaign record), so they take no operation id in the index: as in the
   * embedded store, where they start each list's snapshot.
   */
  private async insertHistory(c: PoolClient, year: number, generation: string, entries: readonly AuditEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += BULK_ROWS) {
      const part = entries.slice(i, i + BULK_ROWS);
      await this.run(
        c,
        `INSERT INTO intm_list_events (year, generation, ags, actor_id, entry)
         SELECT $1, $2, t.ags, t.actor, t.entry FROM unnest($3::text[], $4::text[], $5::json[]) WITH ORDINALITY AS t(ags, actor, entry, n) ORDER BY t.n`,
        [year, generation, part.map((e) => e.ags!), part.map((e) => e.actor.id), part.map((e) => JSON.stringify(e))],
      );
    }
  }

  // ------------------------------------------------------------------ files of the Verwendungsnachweise

  addNachweisFile(year: number, ags: string, file: NachweisFile, bytes: Buffer, maxFiles: number): Promise<NachweisFileAdded> {
    return this.tracked(files.addNachweisFile(this.pool, year, ags, file, bytes, maxFiles));
  }

  nachweisFiles(year: number, ags: string): Promise<NachweisFile[]> {
    return this.tracked(files.nachweisFiles(this.pool, year, ags));
  }

  readNachweisFile(year: number, ags: string, sha256: string): Promise<Buffer | undefined> {
    return this.tracked(files.readNachweisFile(this.pool, year, ags, sha256));
  }

  removeNachweisFile(year: number, ags: string, sha256: string): Promise<boolean> {
    return this.tracked(files.removeNachweisFile(this.pool, year, ags, sha256));
  }

  nachweisFileOwners(): Promise<{ year: number; ags: string }[]> {
    return this.tracked(files.nachweisFileOwners(this.pool));
  }

  // ------------------------------------------------------------------ upkeep

  /** Rewrites every document stored with an older schema version (`intm migrate`). Returns how many. */
  async migrateAll(): Promise<number> {
    const rows = await this.read<{ name: string }>('SELECT name FROM intm_documents WHERE schema_version <> $1 ORDER BY name', [SCHEMA_VERSION]);
    for (const { name } of rows) await this.updateDoc<object, void>(name, (current) => ({ next: current, result: undefined }));
    return rows.length;
  }

  /** How the instances on this database agree (PgCoordination), created on first use. */
  coordination(): InstanceCoordination {
    if (!this.coordinator) {
      const pool = createPool(this.url, COORDINATION_CONNECTIONS);
      this.coordinator = { pool, coordination: new PgCoordination(pool) };
    }
    return this.coordinator.coordination;
  }

  /** Waits for operations in flight, then closes every connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
    await this.pool.end();
    await this.coordinator?.pool.end();
  }

  private tracked<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    const done = () => this.inFlight.delete(work);
    work.then(done, done);
    return work;
  }

  private read<R extends object>(text: string, values: unknown[] = []): Promise<R[]> {
    return this.tracked(query<R>(this.pool, text, values));
  }

  /**
   * Runs a statement as a named prepared statement: each connection parses and plans it once, and a
   * click's statements then cost one round trip each without that work.
   */
  private async run<R extends object>(q: Queryable, text: string, values: unknown[] = []): Promise<R[]> {
    let name = statementNames.get(text);
    if (!name) statementNames.set(text, (name = `intm_${statementNames.size + 1}`));
    if (q === this.pool) return query<R>(this.pool, text, values, name);
    return (await (q as PoolClient).query<R>({ name, text, values })).rows;
  }
}

function campaignDoc(year: number): string {
  return `${year}/campaign`;
}

function decisionsDoc(year: number): string {
  return `${year}/decisions`;
}

/** Named documents: a lower-case word, as in the embedded store (where it is a file name). */
function namedDoc(name: string): string {
  if (!/^[a-z][a-z-]{0,40}$/.test(name)) throw new Error(`invalid document name: ${name}`);
  return name;
}

function kindOf(name: string): DocumentKind {
  if (name.endsWith('/campaign')) return 'campaign';
  if (name.endsWith('/decisions')) return 'decisions';
  return 'document';
}

/** A stored document in the current shape: older ones go through the same migrations as the embedded store's. */
function decode<T>(name: string, row: DocRow): T {
  const raw = { ...(row.doc as Record<string, unknown>), schemaVersion: row.schema_version };
  return stripVersion(upgrade<Record<string, unknown>>(kindOf(name), raw, name).doc) as T;
}

/** The list row's header: the list without its persons (they have rows of their own). */
function headerOf(list: GemeindeListe): Omit<GemeindeListe, 'persons'> {
  const { persons: _persons, ...header } = list;
  return header;
}

function stripVersion<T extends object>(doc: T): Omit<T, 'schemaVersion'> {
  const { schemaVersion: _ignored, ...rest } = doc as T & { schemaVersion?: number };
  return rest;
}

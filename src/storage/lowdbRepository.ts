/**
 * The embedded storage: JSON documents in a data directory, read and written through lowdb with a
 * durable adapter, and the lists as an append-only journal:
 *
 *   meta.json                          schema version of the directory
 *   <year>/campaign.json               the campaign, the current import generation, publication
 *   <year>/decisions.json              step B decisions of all Gemeinden
 *   <year>/lists-<generation>/         the year's lists: a snapshot per Gemeinde (<ags>.json), the
 *                                      journal of their changes (journal-*.jsonl), checkpoint.json –
 *                                      see ListJournal
 *   <year>/nachweis-dateien/<ags>/     files attached to a Verwendungsnachweis – see NachweisFileStore
 *   <name>.json                        small named documents (roster, the bot's conversations)
 *   locks/                             lock files of writers in progress
 *
 * A document change runs under the document's lock on a freshly read copy and resolves only after the
 * new version is on disk (see DurableJsonFile). A list change (a click) appends one record to the
 * journal, together with the others that arrive meanwhile (group commit). Plain reads of documents are
 * served from a DocumentCache checked against the file's stat, and the lists from memory checked
 * against the journal's size, so what another process wrote is seen at the next read.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { InProcessCoordination } from '../app/inProcessCoordination';
import type { CampaignRecord, InstanceCoordination, ListChangeOutcome, ListDecision, Mutation, NachweisFile, NachweisFileAdded, OperationKey, Repository } from '../app/ports';
import type { AuditEntry } from '../domain/audit';
import { DecisionBook, emptyDecisionBook } from '../domain/decision';
import { DomainError } from '../domain/errors';
import type { GemeindeListe } from '../domain/list';
import { DocumentCache } from './documentCache';
import { DurableJsonFile, TEMP_FILE } from './durableJsonFile';
import { isAlive, LockManager } from './fileLock';
import { Checkpoint, CHECKPOINT_FILE, COMPACT_AFTER, JournalClosed, JournalHost, ListJournal, QUIET_MS, segmentName, Snapshot } from './listJournal';
import { NachweisFileStore } from './nachweisFileStore';
import { DocumentKind, Migration, MIGRATIONS, SCHEMA_VERSION, upgrade } from './schema';

type Stored<T> = T & { schemaVersion: number };

const YEAR_DIR = /^\d{4}$/;
const GENERATION_DIR = /^lists-[0-9A-Za-z-]+$/;
/** A named document's file at the top of the data directory (see documentFile). */
const NAMED_DOCUMENT = /^([a-z][a-z-]{0,40})\.json$/;

/** A change was queued for lists an import has replaced meanwhile: it is decided again on the new ones. */
class GenerationChanged extends Error {}

export interface RepositoryOptions {
  migrations?: readonly Migration[];
  /** Records per journal segment before compaction (tests make it small). */
  compactAfter?: number;
  /** How long no click must come before compaction (0: right after the batch; tests). */
  compactWhenQuietMs?: number;
}

export class LowdbRepository implements Repository {
  private readonly locks: LockManager;
  private readonly cache = new DocumentCache();
  /** What readDoc made of a cached document (upgraded, without its schema version), by the cached object. */
  private readonly readAs = new WeakMap<object, object>();
  /** The journal of each year's current lists, by `<year>/<generation>`. */
  private readonly journals = new Map<string, ListJournal>();
  /** The generation of lists last seen for each year (a change goes there; its batch checks it). */
  private readonly generations = new Map<number, string>();
  private readonly migrations: readonly Migration[];
  private coordinator?: InProcessCoordination;
  private readonly compactAfter: number;
  private readonly quietMs: number;
  private readonly nachweisFileStore: NachweisFileStore;

  private constructor(
    readonly dataDir: string,
    options: RepositoryOptions,
  ) {
    this.locks = new LockManager(path.join(dataDir, 'locks'));
    this.migrations = options.migrations ?? MIGRATIONS;
    this.compactAfter = options.compactAfter ?? COMPACT_AFTER;
    this.quietMs = options.compactWhenQuietMs ?? QUIET_MS;
    this.nachweisFileStore = new NachweisFileStore({
      dataDir,
      hasCampaign: async (year) => !!(await this.readCampaign(year)),
      withLock: (key, fn) => this.locks.withLock(key, fn),
    });
  }

  /** Opens (and if needed creates) a data directory. */
  static async open(dataDir: string, options: RepositoryOptions = {}): Promise<LowdbRepository> {
    const repo = new LowdbRepository(path.resolve(dataDir), options);
    await fs.mkdir(repo.dataDir, { recursive: true, mode: 0o700 });
    const meta = await repo.readDoc<{ createdAt: string }>('meta', 'meta.json');
    if (!meta) await repo.writeDoc('meta.json', { createdAt: new Date().toISOString() });
    // A directory this version has opened may hold a journal an older version would not read: it says so,
    // and an older version refuses it (storage.newerSchema) instead of rewriting lists past the journal.
    else if ((await repo.rawDoc('meta.json', FRESH))?.schemaVersion !== SCHEMA_VERSION) {
      await repo.locks.withLock('meta', () => repo.writeDoc('meta.json', meta));
    }
    await repo.sweepTempFiles();
    for (const year of await repo.years()) {
      const record = await repo.readCampaign(year);
      // Finishes a purge a crash interrupted. Never the generation the record names: those lists are live.
      if (record?.purged) await repo.removeOrphanGenerations(year, record.generation);
    }
    return repo;
  }

  async years(): Promise<number[]> {
    const entries = await fs.readdir(this.dataDir, { withFileTypes: true });
    return entries
      .filter((e) => e.isDirectory() && YEAR_DIR.test(e.name))
      .map((e) => Number(e.name))
      .sort((a, b) => a - b);
  }

  readCampaign(year: number): Promise<CampaignRecord | undefined> {
    return this.readDoc<CampaignRecord>('campaign', `${year}/campaign.json`);
  }

  async updateCampaign<R>(year: number, change: (current: CampaignRecord | undefined) => Mutation<CampaignRecord, R>): Promise<R> {
    return this.locks.withLock(`${year}-campaign`, async () => {
      const { next, result } = change(await this.readDoc<CampaignRecord>('campaign', `${year}/campaign.json`, FRESH));
      if (next) await this.writeDoc(`${year}/campaign.json`, next);
      return result;
    });
  }

  async readList(year: number, ags: string): Promise<GemeindeListe | undefined> {
    return this.fromCurrentLists(year, undefined, (journal) => journal.get(ags));
  }

  async readLists(year: number): Promise<GemeindeListe[]> {
    return this.fromCurrentLists(year, [], (journal) => journal.all());
  }

  /**
   * Reads from the journal of the year's current lists. An import or purge (here or by another process)
   * replaces them: the journal of the replaced ones is let go of (their persons leave memory), and a read
   * that raced with their removal is made again on the current ones.
   */
  private async fromCurrentLists<T>(year: number, none: T, read: (journal: ListJournal) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const record = await this.readCampaign(year);
      const known = this.generations.get(year);
      // Let go of before the answer: the replaced lists' segment is closed (their persons leave memory) when the read returns.
      if (known && known !== record?.generation) await this.dropJournal(year, known);
      if (!record?.generation) return none;
      try {
        return await read(this.journal(year, record.generation));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || attempt > 0) throw e;
        void this.dropJournal(year, record.generation);
      }
    }
  }

  async changeList<R>(
    year: number,
    ags: string,
    op: OperationKey | undefined,
    decide: (current: GemeindeListe, record: CampaignRecord) => ListDecision<R>,
  ): Promise<ListChangeOutcome<R>> {
    // The year's lists as last seen here: the batch checks them against the campaign record anyway.
    let generation = this.generations.get(year);
    for (;;) {
      generation ??= (await this.requireImported(year)).generation;
      try {
        return await this.journal(year, generation).submit<R, CampaignRecord>(ags, op, decide);
      } catch (e) {
        // An import switched the year to new lists while this change waited: decide it on those.
        if (!(e instanceof GenerationChanged) && !(e instanceof JournalClosed)) throw e;
        void this.dropJournal(year, generation);
        generation = undefined;
      }
    }
  }

  async readListHistory(year: number, ags?: string): Promise<AuditEntry[]> {
    const record = await this.readCampaign(year);
    if (!record?.generation) return [];
    const host = this.journalHost(year, record.generation);
    const agsList = (await fs.readdir(host.dir)).filter(isSnapshotFile).map((n) => n.slice(0, -5));
    return ListJournal.history(host, agsList, ags);
  }

  /** The journal of a generation of lists, made on first use. */
  private journal(year: number, generation: string): ListJournal {
    const key = `${year}/${generation}`;
    this.generations.set(year, generation);
    let journal = this.journals.get(key);
    if (!journal) {
      journal = new ListJournal(this.journalHost(year, generation), (fn) => this.locks.withLock(listsLock(year), fn), this.compactAfter, this.quietMs);
      this.journals.set(key, journal);
    }
    return journal;
  }

  private journalHost(year: number, generation: string): JournalHost {
    const rel = `${year}/${generation}`;
    return {
      dir: path.join(this.dataDir, rel),
      display: (name) => `${rel}/${name}`,
      readSnapshot: (name) => this.readDoc<Snapshot>('list', `${rel}/${name}`, FRESH),
      writeSnapshot: (name, snapshot) => this.writeDoc(`${rel}/${name}`, snapshot),
      readCheckpoint: () => this.readDoc<Checkpoint>('checkpoint', `${rel}/${CHECKPOINT_FILE}`, FRESH),
      writeCheckpoint: (checkpoint) => this.writeDoc(`${rel}/${CHECKPOINT_FILE}`, checkpoint),
      batchContext: async () => {
        const record = await this.readCampaign(year);
        if (record?.generation !== generation) throw new GenerationChanged();
        return record;
      },
    };
  }

  /**
   * Lets go of a generation's journal: its lists are being removed (by this process, holding the year's
   * lock, or by another). Resolves once its segment is closed – not to be awaited under the lock.
   */
  private dropJournal(year: number, generation: string): Promise<void> {
    const key = `${year}/${generation}`;
    if (this.generations.get(year) === generation) this.generations.delete(year);
    const closed = this.journals.get(key)?.detach() ?? Promise.resolve();
    this.journals.delete(key);
    return closed;
  }

  async replaceLists<R>(
    year: number,
    lists: GemeindeListe[],
    change: (current: CampaignRecord, currentLists: GemeindeListe[]) => Mutation<CampaignRecord, R>,
    history: readonly AuditEntry[] = [],
  ): Promise<R> {
    return this.withWholeYear(year, async (current, currentLists) => {
      const { next, result } = change(current, currentLists);
      if (!next) return result;
      await this.removeOrphanGenerations(year, current.generation);
      const generation = `lists-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
      // Eight files at a time: enough to keep the disk busy without opening hundreds of handles.
      for (let i = 0; i < lists.length; i += 8) {
        await Promise.all(
          lists.slice(i, i + 8).map((l) => {
            const snapshot: Snapshot = { ...l, seq: 0, history: history.filter((e) => e.ags === l.ags) };
            return this.writeDoc(`${year}/${generation}/${l.ags}.json`, snapshot);
          }),
        );
      }
      await this.writeDoc(`${year}/${generation}/${CHECKPOINT_FILE}`, { seq: 0, segment: segmentName(1) } satisfies Checkpoint);
      await this.writeDoc(`${year}/campaign.json`, { ...next, generation });
      if (current.generation) await this.removeGeneration(year, current.generation);
      return result;
    });
  }

  async updateCampaignWithLists<R>(year: number, change: (current: CampaignRecord, lists: GemeindeListe[]) => Mutation<CampaignRecord, R>): Promise<R> {
    return this.withWholeYear(year, async (current, lists) => {
      const { next, result } = change(current, lists);
      if (next) await this.writeDoc(`${year}/campaign.json`, next);
      return result;
    });
  }

  async purgeLists<R>(
    year: number,
    change: (current: CampaignRecord, currentLists: GemeindeListe[]) => Mutation<CampaignRecord, R>,
  ): Promise<R> {
    return this.withWholeYear(year, async (current, currentLists) => {
      const { next, result } = change(current, currentLists);
      if (!next) return result;
      const { generation: _gone, ...rest } = next;
      await this.writeDoc(`${year}/campaign.json`, rest);
      await this.removeOrphanGenerations(year, undefined);
      return result;
    });
  }

  /**
   * Runs `work` holding the campaign's lock and the lock of the year's lists (no click lands meanwhile),
   * with the campaign record read fresh and the lists as they stand under the locks.
   */
  private async withWholeYear<R>(year: number, work: (current: CampaignRecord, currentLists: GemeindeListe[]) => Promise<R>): Promise<R> {
    if (!(await this.readCampaign(year))) throw new DomainError('campaign.notFound', { year });
    return this.locks.withLocks([`${year}-campaign`, listsLock(year)], async () => {
      const current = await this.readDoc<CampaignRecord>('campaign', `${year}/campaign.json`, FRESH);
      if (!current) throw new DomainError('campaign.notFound', { year });
      return work(current, current.generation ? await this.journal(year, current.generation).all() : []);
    });
  }

  async readDecisions(year: number): Promise<DecisionBook> {
    return (await this.readDoc<DecisionBook>('decisions', `${year}/decisions.json`)) ?? emptyDecisionBook(year);
  }

  async updateDecisions<R>(year: number, change: (current: DecisionBook, record: CampaignRecord) => Mutation<DecisionBook, R>): Promise<R> {
    return this.locks.withLock(`${year}-decisions`, async () => {
      const record = await this.readCampaign(year);
      if (!record) throw new DomainError('campaign.notFound', { year });
      const book = await this.readDoc<DecisionBook>('decisions', `${year}/decisions.json`, FRESH);
      const { next, result } = change(book ?? emptyDecisionBook(year), record);
      if (next) await this.writeDoc(`${year}/decisions.json`, next);
      return result;
    });
  }

  readDocument<T>(name: string): Promise<T | undefined> {
    return this.readDoc<T>('document', documentFile(name));
  }

  async updateDocument<T, R>(name: string, change: (current: T | undefined) => Mutation<T, R>): Promise<R> {
    return this.locks.withLock(`document-${name}`, async () => {
      const { next, result } = change(await this.readDoc<T>('document', documentFile(name), FRESH));
      if (next) await this.writeDoc(documentFile(name), next as object);
      return result;
    });
  }

  async documentNames(): Promise<string[]> {
    const names = (await fs.readdir(this.dataDir)).map((n) => NAMED_DOCUMENT.exec(n)?.[1]).filter((n): n is string => !!n && n !== 'meta');
    return names.sort();
  }

  addNachweisFile(year: number, ags: string, file: NachweisFile, bytes: Buffer, maxFiles: number): Promise<NachweisFileAdded> {
    return this.nachweisFileStore.add(year, ags, file, bytes, maxFiles);
  }

  nachweisFiles(year: number, ags: string): Promise<NachweisFile[]> {
    return this.nachweisFileStore.list(year, ags);
  }

  readNachweisFile(year: number, ags: string, sha256: string): Promise<Buffer | undefined> {
    return this.nachweisFileStore.read(year, ags, sha256);
  }

  removeNachweisFile(year: number, ags: string, sha256: string): Promise<boolean> {
    return this.nachweisFileStore.remove(year, ags, sha256);
  }

  nachweisFileOwners(): Promise<{ year: number; ags: string }[]> {
    return this.nachweisFileStore.owners();
  }

  async close(): Promise<void> {
    for (const journal of this.journals.values()) await journal.close();
    this.journals.clear();
    await this.locks.idle();
  }

  /** One bot process per data directory: its coordination is in-process bookkeeping. */
  coordination(): InstanceCoordination {
    return (this.coordinator ??= new InProcessCoordination());
  }

  /** Rewrites every document in the current schema (`intm migrate`). Returns how many were upgraded. */
  async migrateAll(): Promise<number> {
    let count = 0;
    const upgradeFile = async (kind: DocumentKind, file: string) => {
      const raw = await this.rawDoc(file, FRESH);
      if (raw && raw.schemaVersion !== SCHEMA_VERSION) {
        const { doc } = upgrade<Record<string, unknown>>(kind, raw, file, this.migrations);
        await this.writeDoc(file, stripVersion(doc));
        count++;
      }
    };
    await this.locks.withLock('meta', () => upgradeFile('meta', 'meta.json'));
    for (const name of await fs.readdir(this.dataDir)) {
      const m = /^([a-z][a-z-]*)\.json$/.exec(name);
      if (m && name !== 'meta.json') await this.locks.withLock(`document-${m[1]}`, () => upgradeFile('document', name));
    }
    for (const year of await this.years()) {
      const record = await this.readCampaign(year);
      const keys = [`${year}-campaign`, `${year}-decisions`];
      await this.locks.withLocks(keys, async () => {
        await upgradeFile('campaign', `${year}/campaign.json`);
        await upgradeFile('decisions', `${year}/decisions.json`);
        if (record?.generation) {
          const generation = record.generation;
          await this.locks.withLock(listsLock(year), async () => {
            for (const name of await fs.readdir(path.join(this.dataDir, String(year), generation))) {
              if (isSnapshotFile(name)) await upgradeFile('list', `${year}/${generation}/${name}`);
              else if (name === CHECKPOINT_FILE) await upgradeFile('checkpoint', `${year}/${generation}/${name}`);
            }
          });
        }
      });
    }
    return count;
  }

  private async requireImported(year: number): Promise<CampaignRecord & { generation: string }> {
    const record = await this.readCampaign(year);
    if (!record) throw new DomainError('campaign.notFound', { year });
    if (!record.generation) throw new DomainError(record.purged ? 'campaign.purged' : 'campaign.notImported', { year });
    return record as CampaignRecord & { generation: string };
  }

  /**
   * The stored JSON of `file`: fresh from the disk (a private copy, which a change may build on), or
   * the cached, frozen one (plain reads: the parts of it a reader keeps must not be changed).
   */
  private async rawDoc(file: string, fresh = false): Promise<Record<string, unknown> | null> {
    if (!fresh) return (await this.cache.read(path.join(this.dataDir, file), file)) as Record<string, unknown> | null;
    const db = new Low<Record<string, unknown> | null>(new DurableJsonFile(path.join(this.dataDir, file), file), null);
    await db.read();
    return db.data;
  }

  private async readDoc<T>(kind: DocumentKind, file: string, fresh = false): Promise<T | undefined> {
    const raw = await this.rawDoc(file, fresh);
    if (!raw) return undefined;
    if (typeof raw !== 'object' || Array.isArray(raw)) throw new DomainError('storage.corrupt', { file });
    // A cached document is the same (frozen) object until its file changes: so is what is read from it,
    // and callers may key what they derive from a document on it (views.ts: who gets a card refreshed).
    if (!fresh) {
      const known = this.readAs.get(raw);
      if (known) return known as T;
    }
    const doc = stripVersion(upgrade<Stored<T>>(kind, raw, file, this.migrations).doc) as T;
    // Shared by every reader like the cached document it comes from: frozen as that is.
    if (!fresh) this.readAs.set(raw, Object.freeze(doc as object));
    return doc;
  }

  private async writeDoc(file: string, data: object): Promise<void> {
    this.cache.forget(path.join(this.dataDir, file));
    const db = new Low<Stored<object>>(new DurableJsonFile(path.join(this.dataDir, file), file), { schemaVersion: SCHEMA_VERSION });
    db.data = { schemaVersion: SCHEMA_VERSION, ...stripVersion(data) };
    await db.write();
  }

  /** Generations no campaign points to are left over from an import that crashed before it switched. */
  private async removeOrphanGenerations(year: number, current: string | undefined): Promise<void> {
    const dir = path.join(this.dataDir, String(year));
    for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
      if (GENERATION_DIR.test(name) && name !== current) await this.removeGeneration(year, name);
    }
  }

  /** Removes a generation of lists from the disk and from memory (they hold personal data). */
  private async removeGeneration(year: number, generation: string): Promise<void> {
    const dir = path.join(this.dataDir, String(year), generation);
    void this.dropJournal(year, generation);
    this.cache.forgetUnder(dir);
    await fs.rm(dir, { recursive: true, force: true });
  }

  /** Temporary files of writers that died mid-write; a live writer's files are left alone. */
  private async sweepTempFiles(): Promise<void> {
    const sweep = async (dir: string, depth: number): Promise<void> => {
      const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const e of entries) {
        const match = TEMP_FILE.exec(e.name);
        if (e.isFile() && match && !isAlive(Number(match[1]))) await fs.rm(path.join(dir, e.name), { force: true });
        else if (e.isDirectory() && depth > 0 && e.name !== 'locks') await sweep(path.join(dir, e.name), depth - 1);
      }
    };
    await sweep(this.dataDir, 2);
  }
}

/** Reads whose result a change builds on: a private copy from the disk, not the shared cached one. */
const FRESH = true;

/** One lock for all lists of a year: a batch of clicks, an import and a publication take turns on it. */
function listsLock(year: number): string {
  return `${year}-lists`;
}

/** A list's snapshot in a generation directory: `<ags>.json` (not the checkpoint, not a temp file). */
function isSnapshotFile(name: string): boolean {
  return name.endsWith('.json') && name !== CHECKPOINT_FILE && !name.startsWith('.');
}

/** Named documents live at the top of the data directory; the name must not be able to leave it. */
function documentFile(name: string): string {
  if (!/^[a-z][a-z-]{0,40}$/.test(name)) throw new Error(`invalid document name: ${name}`);
  return `${name}.json`;
}

function stripVersion<T extends object>(doc: T): Omit<T, 'schemaVersion'> {
  const { schemaVersion: _ignored, ...rest } = doc as T & { schemaVersion?: number };
  return rest;
}

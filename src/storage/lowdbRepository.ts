/**
 * The embedded storage: JSON documents in a data directory, read and written through lowdb with a
 * durable adapter. One document per concern, so that a click rewrites only what it changes:
 *
 *   meta.json                          schema version of the directory
 *   <year>/campaign.json               the campaign, the current import generation, publication
 *   <year>/decisions.json              step B decisions of all Gemeinden
 *   <year>/lists-<generation>/<ags>.json  one Gemeinde's list with its change log
 *   <name>.json                        small named documents (roster, the bot's conversations)
 *   locks/                             lock files of writers in progress
 *
 * Every change runs under the document's lock on a freshly read copy and resolves only after the new
 * version is on disk (see DurableJsonFile). Plain reads are served from a DocumentCache checked
 * against the file's stat, so what another process wrote is seen as soon as it is renamed into place.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import type { CampaignRecord, Mutation, Repository } from '../app/ports';
import { DecisionBook, emptyDecisionBook } from '../domain/decision';
import { DomainError } from '../domain/errors';
import type { GemeindeListe } from '../domain/list';
import { DocumentCache } from './documentCache';
import { DurableJsonFile, TEMP_FILE } from './durableJsonFile';
import { isAlive, LockManager } from './fileLock';
import { DocumentKind, Migration, MIGRATIONS, SCHEMA_VERSION, upgrade } from './schema';

type Stored<T> = T & { schemaVersion: number };

const YEAR_DIR = /^\d{4}$/;
const GENERATION_DIR = /^lists-[0-9A-Za-z-]+$/;

export class LowdbRepository implements Repository {
  private readonly locks: LockManager;
  private readonly cache = new DocumentCache();

  private constructor(
    readonly dataDir: string,
    private readonly migrations: readonly Migration[],
  ) {
    this.locks = new LockManager(path.join(dataDir, 'locks'));
  }

  /** Opens (and if needed creates) a data directory. */
  static async open(dataDir: string, migrations: readonly Migration[] = MIGRATIONS): Promise<LowdbRepository> {
    const repo = new LowdbRepository(path.resolve(dataDir), migrations);
    await fs.mkdir(repo.dataDir, { recursive: true, mode: 0o700 });
    const meta = await repo.readDoc<{ createdAt: string }>('meta', 'meta.json');
    if (!meta) await repo.writeDoc('meta.json', { createdAt: new Date().toISOString() });
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
    const record = await this.readCampaign(year);
    if (!record?.generation) return undefined;
    return this.readDoc<GemeindeListe>('list', `${year}/${record.generation}/${ags}.json`);
  }

  async readLists(year: number): Promise<GemeindeListe[]> {
    const record = await this.readCampaign(year);
    return record?.generation ? this.readGeneration(year, record.generation) : [];
  }

  async updateList<R>(
    year: number,
    ags: string,
    change: (current: GemeindeListe, record: CampaignRecord) => Mutation<GemeindeListe, R>,
  ): Promise<R> {
    return this.locks.withLock(`${year}-list-${ags}`, async () => {
      // Read the generation under the list's lock: an import holds every list lock while it switches.
      const record = await this.requireImported(year);
      const file = `${year}/${record.generation}/${ags}.json`;
      const list = await this.readDoc<GemeindeListe>('list', file, FRESH);
      if (!list) throw new DomainError('list.notFound', { ags, year });
      const { next, result } = change(list, record);
      if (next) await this.writeDoc(file, next);
      return result;
    });
  }

  async replaceLists<R>(
    year: number,
    lists: GemeindeListe[],
    change: (current: CampaignRecord, currentLists: GemeindeListe[]) => Mutation<CampaignRecord, R>,
  ): Promise<R> {
    return this.withWholeYear(year, lists, async (current, currentLists) => {
      const { next, result } = change(current, currentLists);
      if (!next) return result;
      await this.removeOrphanGenerations(year, current.generation);
      const generation = `lists-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
      // Eight files at a time: enough to keep the disk busy without opening hundreds of handles.
      for (let i = 0; i < lists.length; i += 8) {
        await Promise.all(lists.slice(i, i + 8).map((l) => this.writeDoc(`${year}/${generation}/${l.ags}.json`, l)));
      }
      await this.writeDoc(`${year}/campaign.json`, { ...next, generation });
      if (current.generation) await this.removeGeneration(year, current.generation);
      return result;
    });
  }

  async updateCampaignWithLists<R>(year: number, change: (current: CampaignRecord, lists: GemeindeListe[]) => Mutation<CampaignRecord, R>): Promise<R> {
    return this.withWholeYear(year, [], async (current, lists) => {
      const { next, result } = change(current, lists);
      if (next) await this.writeDoc(`${year}/campaign.json`, next);
      return result;
    });
  }

  async purgeLists<R>(
    year: number,
    change: (current: CampaignRecord, currentLists: GemeindeListe[]) => Mutation<CampaignRecord, R>,
  ): Promise<R> {
    return this.withWholeYear(year, [], async (current, currentLists) => {
      const { next, result } = change(current, currentLists);
      if (!next) return result;
      const { generation: _gone, ...rest } = next;
      await this.writeDoc(`${year}/campaign.json`, rest);
      await this.removeOrphanGenerations(year, undefined);
      return result;
    });
  }

  /**
   * Runs `work` holding the campaign's lock and every list's lock of the year (those stored now and
   * those about to be written), with the campaign record and lists read fresh under the locks.
   */
  private async withWholeYear<R>(
    year: number,
    incoming: readonly GemeindeListe[],
    work: (current: CampaignRecord, currentLists: GemeindeListe[]) => Promise<R>,
  ): Promise<R> {
    const record = await this.readCampaign(year);
    if (!record) throw new DomainError('campaign.notFound', { year });
    const stored = record.generation ? await this.readGeneration(year, record.generation) : [];
    const keys = [`${year}-campaign`, ...new Set([...stored, ...incoming].map((l) => `${year}-list-${l.ags}`))];
    return this.locks.withLocks(keys, async () => {
      const current = await this.readDoc<CampaignRecord>('campaign', `${year}/campaign.json`, FRESH);
      if (!current) throw new DomainError('campaign.notFound', { year });
      return work(current, current.generation ? await this.readGeneration(year, current.generation, FRESH) : []);
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

  async close(): Promise<void> {
    await this.locks.idle();
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
          for (const name of await fs.readdir(path.join(this.dataDir, String(year), record.generation))) {
            if (name.endsWith('.json')) {
              const ags = name.slice(0, -5);
              await this.locks.withLock(`${year}-list-${ags}`, () => upgradeFile('list', `${year}/${record.generation}/${name}`));
            }
          }
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

  private async readGeneration(year: number, generation: string, fresh = false): Promise<GemeindeListe[]> {
    const dir = path.join(this.dataDir, String(year), generation);
    const names = (await fs.readdir(dir)).filter((n) => n.endsWith('.json')).sort();
    const lists: GemeindeListe[] = [];
    for (const name of names) {
      const list = await this.readDoc<GemeindeListe>('list', `${year}/${generation}/${name}`, fresh);
      if (list) lists.push(list);
    }
    return lists;
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
    return stripVersion(upgrade<Stored<T>>(kind, raw, file, this.migrations).doc) as T;
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

  /** Removes a generation of lists from the disk and from the cache (they hold personal data). */
  private async removeGeneration(year: number, generation: string): Promise<void> {
    const dir = path.join(this.dataDir, String(year), generation);
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

/** Named documents live at the top of the data directory; the name must not be able to leave it. */
function documentFile(name: string): string {
  if (!/^[a-z][a-z-]{0,40}$/.test(name)) throw new Error(`invalid document name: ${name}`);
  return `${name}.json`;
}

function stripVersion<T extends object>(doc: T): Omit<T, 'schemaVersion'> {
  const { schemaVersion: _ignored, ...rest } = doc as T & { schemaVersion?: number };
  return rest;
}

/**
 * The embedded store's files of the Verwendungsnachweise (PDFs a Gemeinde attached), beside the year's
 * other data:
 *
 *   <year>/nachweis-dateien/<ags>/<sha256>.pdf   the bytes, named by their hash (never by the user's name)
 *   <year>/nachweis-dateien/<ags>/index.json     what is attached: name, size, sha256, who, when
 *
 * Both are written durably (temporary file, fsync, rename, fsync of the directory). The index is the
 * truth: a file is attached once the index names it, so the bytes go first and the index after them,
 * and a removal takes it out of the index before deleting the bytes. A crash in between leaves at
 * most bytes the index does not name – never read, and deleted by the next change of that Nachweis.
 * Changes of one Nachweis take turns under a lock file (also across processes).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { NachweisFile, NachweisFileAdded } from '../app/ports';
import { DomainError } from '../domain/errors';
import { TEMP_FILE, writeFileDurably } from './durableJsonFile';
import { isAlive } from './fileLock';

export const NACHWEIS_FILES_DIR = 'nachweis-dateien';
const INDEX = 'index.json';
const AGS = /^\d{8}$/;
const SHA256 = /^[0-9a-f]{64}$/;

interface Index {
  files: NachweisFile[];
}

export interface NachweisFileHost {
  dataDir: string;
  /** Whether the year has a campaign record (files belong to a year that exists). */
  hasCampaign(year: number): Promise<boolean>;
  withLock<R>(key: string, fn: () => Promise<R>): Promise<R>;
}

export class NachweisFileStore {
  constructor(private readonly host: NachweisFileHost) {}

  async add(year: number, ags: string, file: NachweisFile, bytes: Buffer, maxFiles: number): Promise<NachweisFileAdded> {
    const dir = await this.requireDir(year, ags);
    checkSha(file.sha256);
    return this.host.withLock(lockKey(year, ags), async () => {
      const index = await this.readIndex(dir, year, ags);
      if (index.files.some((f) => f.sha256 === file.sha256)) return 'duplicate';
      if (index.files.length >= maxFiles) return 'full';
      await writeFileDurably(path.join(dir, `${file.sha256}.pdf`), bytes);
      await this.writeIndex(dir, { files: [...index.files, { ...file }] });
      return 'added';
    });
  }

  async list(year: number, ags: string): Promise<NachweisFile[]> {
    checkAgs(ags);
    return (await this.readIndex(this.dir(year, ags), year, ags)).files;
  }

  async read(year: number, ags: string, sha256: string): Promise<Buffer | undefined> {
    checkAgs(ags);
    checkSha(sha256);
    const dir = this.dir(year, ags);
    if (!(await this.readIndex(dir, year, ags)).files.some((f) => f.sha256 === sha256)) return undefined;
    try {
      return await fs.readFile(path.join(dir, `${sha256}.pdf`));
    } catch (e) {
      // Removed between reading the index and the bytes: not there any more.
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  async remove(year: number, ags: string, sha256: string): Promise<boolean> {
    const dir = await this.requireDir(year, ags);
    checkSha(sha256);
    return this.host.withLock(lockKey(year, ags), async () => {
      const index = await this.readIndex(dir, year, ags);
      if (!index.files.some((f) => f.sha256 === sha256)) return false;
      await this.writeIndex(dir, { files: index.files.filter((f) => f.sha256 !== sha256) });
      return true;
    });
  }

  /** Every (year, AGS) with at least one attached file, sorted. */
  async owners(): Promise<{ year: number; ags: string }[]> {
    const owners: { year: number; ags: string }[] = [];
    const years = (await fs.readdir(this.host.dataDir)).filter((n) => /^\d{4}$/.test(n)).sort();
    for (const y of years) {
      const base = path.join(this.host.dataDir, y, NACHWEIS_FILES_DIR);
      for (const ags of (await fs.readdir(base).catch(() => [] as string[])).filter((n) => AGS.test(n)).sort()) {
        if ((await this.readIndex(path.join(base, ags), Number(y), ags)).files.length) owners.push({ year: Number(y), ags });
      }
    }
    return owners;
  }

  private dir(year: number, ags: string): string {
    if (!Number.isInteger(year)) throw new Error(`invalid year: ${year}`);
    return path.join(this.host.dataDir, String(year), NACHWEIS_FILES_DIR, ags);
  }

  private async requireDir(year: number, ags: string): Promise<string> {
    checkAgs(ags);
    if (!(await this.host.hasCampaign(year))) throw new DomainError('campaign.notFound', { year });
    return this.dir(year, ags);
  }

  private async readIndex(dir: string, year: number, ags: string): Promise<Index> {
    let text: string;
    try {
      text = await fs.readFile(path.join(dir, INDEX), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { files: [] };
      throw e;
    }
    try {
      const index = JSON.parse(text) as Index;
      if (!Array.isArray(index.files)) throw new Error('no files');
      return index;
    } catch {
      throw new DomainError('storage.corrupt', { file: `${year}/${NACHWEIS_FILES_DIR}/${ags}/${INDEX}` });
    }
  }

  /** Writes the index, then deletes what it no longer names (a removal's bytes, a crashed writer's leftovers). */
  private async writeIndex(dir: string, index: Index): Promise<void> {
    await writeFileDurably(path.join(dir, INDEX), JSON.stringify(index) + '\n');
    const named = new Set(index.files.map((f) => `${f.sha256}.pdf`));
    for (const name of await fs.readdir(dir)) {
      const temp = TEMP_FILE.exec(name);
      const stale = temp ? !isAlive(Number(temp[1])) : name.endsWith('.pdf') && !named.has(name);
      if (stale) await fs.rm(path.join(dir, name), { force: true });
    }
  }
}

function lockKey(year: number, ags: string): string {
  return `${year}-nachweis-${ags}`;
}

/** Both end up in paths: only an AGS and a hex hash may. */
function checkAgs(ags: string): void {
  if (!AGS.test(ags)) throw new Error(`invalid AGS: ${ags}`);
}

function checkSha(sha256: string): void {
  if (!SHA256.test(sha256)) throw new Error(`invalid sha256: ${sha256}`);
}

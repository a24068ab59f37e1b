/**
 * Parsed documents kept between reads: a turn reads the roster (about 50 KB), the campaign and a list,
 * and reading and parsing them from disk every time was most of a click's storage cost.
 *
 * An entry is used only while the file's stat is unchanged – device, inode, size, mtime and ctime,
 * in nanoseconds. Every write, this process's or another's (`intm` next to the bot), creates a new
 * file and renames it into place. That is not enough on its own: file times advance in clock ticks
 * (ext4: a few ms; some file systems: whole seconds), and the file system reuses inodes – on ext4
 * writes in quick succession alternate between two inodes with the same ctime – so writes within
 * one tick can leave the same stat. As git does for its index ("racily clean" entries), an entry
 * whose ctime is within RACY_MS of the moment it was last checked is confirmed by comparing the
 * file's text instead (still no parse); after that it is trusted on its stat.
 *
 * Lists hold personal data: an entry not used for IDLE_MS is dropped, and a year's purged or
 * replaced lists are forgotten at once (`forgetUnder`), so memory keeps no more than the disk.
 *
 * Entries are deep-frozen, because one object serves every reader: a reader that changed it would
 * change what the next reader sees. Frozen, such a bug throws instead. Who needs to change a document
 * (the change functions under a lock) reads it fresh, not from here.
 */
import type { BigIntStats } from 'node:fs';
import { promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import { DomainError } from '../domain/errors';

/** Longer than the coarsest file time granularity we run on (one second), with room for clock skew. */
export const RACY_MS = 2_000;
/** Entries unused this long are dropped (checked at most every IDLE_MS / 10). */
export const IDLE_MS = 10 * 60_000;

interface Entry {
  signature: Signature;
  /** When (ms since the epoch) the text was last confirmed, taken before the stat that confirmed it. */
  checkedAt: number;
  text: string;
  value: unknown;
  lastUsed: number;
}

/** What identifies a file's version (see the file's comment): kept as the stat's own BigInts, compared without making a text of them on every read. */
interface Signature {
  dev: bigint;
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

const signatureOf = (s: BigIntStats): Signature => ({ dev: s.dev, ino: s.ino, size: s.size, mtimeNs: s.mtimeNs, ctimeNs: s.ctimeNs });

const sameSignature = (a: Signature, s: BigIntStats) => a.ino === s.ino && a.mtimeNs === s.mtimeNs && a.ctimeNs === s.ctimeNs && a.size === s.size && a.dev === s.dev;

/** Freezes `value` and everything in it that is not frozen yet (a frozen object's contents are taken as frozen). */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    // Arrays by index: Object.keys would make a string for every element (a list's persons, on every change).
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
    else for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

export class DocumentCache {
  /** In order of last use, oldest first. */
  private readonly entries = new Map<string, Entry>();
  private lastSweep = Date.now();

  constructor(
    private readonly maxEntries = 256,
    /** How long after its last change a file is confirmed by its text (tests shorten it). */
    private readonly racyMs = RACY_MS,
    private readonly idleMs = IDLE_MS,
  ) {}

  /** The parsed (frozen) document, or null when the file does not exist. */
  async read(file: string, displayName: string): Promise<unknown> {
    // Taken before the stat: a change after this moment has a ctime after it too (minus one tick).
    const checkedAt = Date.now();
    this.sweep(checkedAt);
    // A synchronous stat: a few microseconds on a local disk, where the thread pool's round trip cost ten
    // times that in CPU on every read – and a turn reads roster, campaign and conversations.
    const stat: BigIntStats | undefined = statSync(file, { bigint: true, throwIfNoEntry: false });
    if (!stat) {
      this.entries.delete(file);
      return null;
    }
    const entry = this.entries.get(file);
    if (entry && sameSignature(entry.signature, stat) && Number(stat.ctimeNs / 1_000_000n) + this.racyMs < entry.checkedAt) return this.used(file, entry, checkedAt);
    // The text read after the stat is at least as new as the stat: an entry never pairs a newer stat with older text.
    const text = await readText(file);
    if (text === null) {
      this.entries.delete(file);
      return null;
    }
    const signature = signatureOf(stat);
    if (entry && sameSignature(entry.signature, stat) && entry.text === text) {
      entry.checkedAt = checkedAt;
      return this.used(file, entry, checkedAt);
    }
    let value: unknown;
    try {
      value = deepFreeze(JSON.parse(text));
    } catch {
      throw new DomainError('storage.corrupt', { file: displayName });
    }
    this.entries.delete(file);
    this.entries.set(file, { signature, checkedAt, text, value, lastUsed: checkedAt });
    // Least recently used out: a data directory holds a year's lists and a few documents, far fewer.
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  /** Forgets a file this process is about to change (its next read goes to the disk). */
  forget(file: string): void {
    this.entries.delete(file);
  }

  /** Forgets every file below `dir` (a removed generation of lists). */
  forgetUnder(dir: string): void {
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    for (const file of [...this.entries.keys()]) if (file.startsWith(prefix)) this.entries.delete(file);
  }

  /** How many documents are held (for tests). */
  get size(): number {
    return this.entries.size;
  }

  private used(file: string, entry: Entry, now: number): unknown {
    entry.lastUsed = now;
    this.entries.delete(file);
    this.entries.set(file, entry);
    return entry.value;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.idleMs / 10) return;
    this.lastSweep = now;
    // Oldest first: stop at the first entry used recently.
    for (const [file, entry] of this.entries) {
      if (now - entry.lastUsed < this.idleMs) break;
      this.entries.delete(file);
    }
  }
}

async function readText(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

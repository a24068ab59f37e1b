/**
 * A lowdb adapter that makes a write durable before it resolves: the JSON goes to a temporary file in
 * the same directory, is fsync'ed, renamed over the target (atomic on POSIX), and the directory is
 * fsync'ed so the rename itself survives a crash. A process killed at any point leaves either the old
 * or the new file, never a torn one.
 *
 * lowdb's own JSONFile (via steno) renames but never fsyncs, and uses one fixed temporary name, which
 * two processes writing the same file would share; hence this adapter.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { DomainError } from '../domain/errors';

let tempCounter = 0;

export function tempFileName(file: string): string {
  tempCounter = (tempCounter + 1) % 1_000_000;
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${tempCounter}.tmp`);
}

/** Temporary files left by a crashed writer are named `.<file>.<pid>.<n>.tmp`. */
export const TEMP_FILE = /^\..+\.(\d+)\.\d+\.tmp$/;

async function syncDirectoryOnce(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Group commit of directory fsyncs. A rename is durable once an fsync of its directory that *started
 * after the rename* has finished. Writers of one directory (every list of a year lives in one) that
 * finish their renames while an fsync runs all wait for the next one, which then covers them together;
 * none waits on an fsync that began before its rename.
 */
interface DirectorySyncs {
  running?: Promise<void>;
  queued?: Promise<void>;
}
const directories = new Map<string, DirectorySyncs>();

export function fsyncDirectory(dir: string): Promise<void> {
  let syncs = directories.get(dir);
  if (!syncs) directories.set(dir, (syncs = {}));
  if (syncs.queued) return syncs.queued;
  if (!syncs.running) return startSync(dir, syncs);
  const s = syncs;
  // Runs after the current fsync whether it succeeded or not: each waiter learns of its own fsync's result.
  syncs.queued = syncs.running
    .catch(() => undefined)
    .then(() => {
      s.queued = undefined;
      return startSync(dir, s);
    });
  return syncs.queued;
}

function startSync(dir: string, syncs: DirectorySyncs): Promise<void> {
  const sync: Promise<void> = syncDirectoryOnce(dir).finally(() => {
    if (syncs.running !== sync) return;
    syncs.running = undefined;
    if (!syncs.queued) directories.delete(dir);
  });
  syncs.running = sync;
  return sync;
}

/** Opens a new temporary file, creating its directory (durably: its parents are fsync'ed) if missing. */
async function openTemp(file: string): Promise<{ temp: string; handle: fs.FileHandle }> {
  const temp = tempFileName(file);
  try {
    return { temp, handle: await fs.open(temp, 'w', 0o600) };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const dir = path.dirname(file);
  const first = await fs.mkdir(dir, { recursive: true });
  // A new directory's entry is in its parent: without that fsync a crash could lose the whole directory.
  if (first) {
    // `first` is the topmost directory mkdir created: fsync every parent from its parent down to dir's.
    for (let d = path.dirname(dir); ; d = path.dirname(d)) {
      await fsyncDirectory(d);
      if (d === path.dirname(first) || d === path.dirname(d)) break;
    }
  }
  return { temp, handle: await fs.open(temp, 'w', 0o600) };
}

export async function writeFileDurably(file: string, content: string | Uint8Array): Promise<void> {
  const { temp, handle } = await openTemp(file);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
  await fsyncDirectory(path.dirname(file));
}

export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    /** How the file is named in messages: relative to the data directory, never with personal data. */
    private readonly displayName: string = path.basename(file),
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new DomainError('storage.corrupt', { file: this.displayName });
    }
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.file, JSON.stringify(data) + '\n');
  }
}

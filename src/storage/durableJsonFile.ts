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

export async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeFileDurably(file: string, content: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = tempFileName(file);
  const handle = await fs.open(temp, 'w', 0o600);
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

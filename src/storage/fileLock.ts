/**
 * Serialises writers of one document: first within this process (a promise chain per key), then
 * across processes (the bot and an operator's `intm` command may run at the same time) with a lock
 * file created exclusively. A lock file whose process has died (e.g. killed with SIGKILL) is stale and
 * taken over.
 *
 * The lock file is a symbolic link whose target is the owner ("<pid>\n<host>\n"): creating it is one
 * atomic system call that fails if it exists, and it is never seen without its owner – where a
 * regular file takes open, write and close, and can be caught empty. On a file system without
 * symbolic links the lock files are regular files again; those (also from an older version, or a
 * test) are read and taken over when stale.
 */
import { promises as fs, symlinkSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DomainError } from '../domain/errors';

const HOST = os.hostname();
const OWNER = `${process.pid}\n${HOST}\n`;

/** Whether a process with this id runs (on this host); EPERM means it runs under another user. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class LockManager {
  private readonly chains = new Map<string, Promise<unknown>>();

  constructor(
    private readonly lockDir: string,
    private readonly timeoutMs = 10_000,
  ) {}

  /** Runs `fn` while holding every key's lock; keys are taken in sorted order so two callers cannot deadlock. */
  async withLocks<R>(keys: readonly string[], fn: () => Promise<R>): Promise<R> {
    const sorted = [...new Set(keys)].sort();
    const run = async (i: number): Promise<R> => (i === sorted.length ? fn() : this.withLock(sorted[i], () => run(i + 1)));
    return run(0);
  }

  async withLock<R>(key: string, fn: () => Promise<R>): Promise<R> {
    const previous = this.chains.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const chain = previous.then(() => mine);
    this.chains.set(key, chain);
    await previous.catch(() => undefined);
    try {
      const file = await this.acquireFile(key);
      try {
        return await fn();
      } finally {
        removeLockFile(file);
      }
    } finally {
      release();
      if (this.chains.get(key) === chain) this.chains.delete(key);
    }
  }

  /** Resolves when every lock taken so far is released. */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.allSettled([...this.chains.values()]);
  }

  private async acquireFile(key: string): Promise<string> {
    const file = path.join(this.lockDir, `${key.replace(/[^A-Za-z0-9_-]/g, '_')}.lock`);
    const deadline = Date.now() + this.timeoutMs;
    let wait = 2;
    for (;;) {
      try {
        createLockFileNow(file) || (await createLockFile(file));
        return file;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
          await fs.mkdir(this.lockDir, { recursive: true });
          continue;
        }
        if (code !== 'EEXIST') throw e;
      }
      if (await this.removeIfStale(file)) continue;
      if (Date.now() > deadline) throw new DomainError('storage.busy');
      await sleep(wait + Math.random() * wait);
      wait = Math.min(wait * 2, 50);
    }
  }

  /**
   * Removes the lock file if its owner is gone. Deciding that and removing it are two steps: in
   * between, another process could take the same stale lock over and put its own in place, which must
   * not be removed. So a lock this process does not own is removed only under the key's takeover
   * guard, after deciding again.
   */
  private async removeIfStale(file: string): Promise<boolean> {
    const seen = await owner(file);
    if (seen === undefined || !(await isStale(file, seen))) return false;
    return underTakeoverGuard(file, async () => {
      const now = await owner(file);
      if (now === undefined) return true;
      if (now !== seen || !(await isStale(file, now))) return false;
      await fs.unlink(file).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e;
      });
      return true;
    });
  }
}

/**
 * Whether a lock file's owner is gone. This process holds no other lock on the key (the promise chain
 * guarantees that), so a lock file naming our own pid, or a dead process on this host, is left over
 * from a crash.
 */
async function isStale(file: string, content: string): Promise<boolean> {
  const [pidText, host] = content.split('\n');
  if (!pidText) {
    // A regular lock file caught between creation and its first write, or its writer died right there: stale only when old.
    const stat = await fs.lstat(file).catch(() => undefined);
    return stat !== undefined && Date.now() - stat.mtimeMs >= 5_000;
  }
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || host !== HOST) return false;
  return pid === process.pid || !isAlive(pid);
}

/** A takeover guard is held for a few file operations; one older than this was left by a taker that died. */
const GUARD_STALE_MS = 5_000;

/** Runs `takeOver` holding `<lock>.takeover`; false (try again later) while another process holds it. */
async function underTakeoverGuard(file: string, takeOver: () => Promise<boolean>): Promise<boolean> {
  const guard = `${file}.takeover`;
  try {
    await createLockFile(guard);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const stat = await fs.lstat(guard).catch(() => undefined);
    if (stat && Date.now() - stat.mtimeMs > GUARD_STALE_MS) await fs.rm(guard, { force: true });
    return false;
  }
  try {
    return await takeOver();
  } finally {
    await fs.rm(guard, { force: true });
  }
}

/** Set once a symbolic link could not be made here: from then on lock files are regular files. */
let symlinksUnsupported = false;

/** Error codes of file systems without symbolic links (FAT/exFAT, SMB shares without mfsymlinks, Windows without the privilege). */
const NO_SYMLINKS = new Set(['EPERM', 'EOPNOTSUPP', 'ENOTSUP', 'ENOSYS', 'EINVAL']);

/**
 * Creates the lock file, failing with EEXIST if it exists: a symbolic link naming the owner where the
 * file system has them, else a regular file created exclusively with the owner written into it (the
 * moment it is still empty is covered by removeIfStale's age check).
 */
async function createLockFile(file: string): Promise<void> {
  if (!symlinksUnsupported) {
    try {
      return await fs.symlink(OWNER, file);
    } catch (e) {
      if (!NO_SYMLINKS.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
      symlinksUnsupported = true;
    }
  }
  const handle = await fs.open(file, 'wx', 0o600);
  try {
    await handle.writeFile(OWNER);
  } finally {
    await handle.close();
  }
}

/**
 * The lock file as a symbolic link, made in this thread: a free lock (the usual case: a batch of clicks
 * takes the year's lock many times a second) costs one short system call instead of a round trip
 * through the thread pool and back (about a quarter of the CPU, and no wait for a pool thread). False
 * where the file system has no symbolic links: createLockFile then makes a regular file.
 */
function createLockFileNow(file: string): boolean {
  if (symlinksUnsupported) return false;
  try {
    symlinkSync(OWNER, file);
    return true;
  } catch (e) {
    if (!NO_SYMLINKS.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
    symlinksUnsupported = true;
    return false;
  }
}

/** Releases a lock: its file removed in this thread (one short system call, as createLockFileNow). */
function removeLockFile(file: string): void {
  try {
    unlinkSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

/** What a lock file says about its owner: a symbolic link's target, or a regular file's text. */
async function owner(file: string): Promise<string | undefined> {
  try {
    return await fs.readlink(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EINVAL') return undefined;
  }
  return fs.readFile(file, 'utf8').catch(() => undefined);
}

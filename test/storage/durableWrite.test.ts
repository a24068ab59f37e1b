/**
 * Group commit of directory fsyncs (src/storage/durableJsonFile.ts) and lock files as symbolic links,
 * or regular files where there are none (src/storage/fileLock.ts).
 */
import nodeFs from 'node:fs';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fsyncDirectory, writeFileDurably } from '../../src/storage/durableJsonFile';
import { LockManager } from '../../src/storage/fileLock';
import { tempDir } from '../harness';

let dir: string;
beforeEach(() => (dir = tempDir()));
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

/** Every fsync of a directory below `dir`, in order, as 'start' and 'end' events with the caller's marks in between. */
function traceDirectorySyncs() {
  const events: string[] = [];
  const open = fs.open.bind(fs);
  const spy = jest.spyOn(fs, 'open').mockImplementation(async (file, flags, mode) => {
    const handle = await open(file, flags, mode);
    if (flags !== 'r') return handle;
    const sync = handle.sync.bind(handle);
    handle.sync = async () => {
      events.push('start');
      await sync();
      events.push('end');
    };
    return handle;
  });
  return { events, restore: () => spy.mockRestore() };
}

describe('directory fsync group commit', () => {
  test('callers during a running fsync share one next fsync, which starts after all of them asked', async () => {
    const trace = traceDirectorySyncs();
    try {
      const first = fsyncDirectory(dir).then(() => trace.events.push('first done'));
      const later = [1, 2, 3, 4].map((n) => {
        trace.events.push(`ask ${n}`);
        return fsyncDirectory(dir).then(() => trace.events.push(`done ${n}`));
      });
      await Promise.all([first, ...later]);
      // One fsync for the first caller, one shared by the four that came while it ran.
      expect(trace.events.filter((e) => e === 'start')).toHaveLength(2);
      const secondStart = trace.events.lastIndexOf('start');
      for (const n of [1, 2, 3, 4]) {
        expect(trace.events.indexOf(`ask ${n}`)).toBeLessThan(secondStart);
        expect(trace.events.indexOf(`done ${n}`)).toBeGreaterThan(trace.events.lastIndexOf('end'));
      }
    } finally {
      trace.restore();
    }
  });

  test('concurrent durable writes into one directory: each resolves only after an fsync begun after its rename', async () => {
    const trace = traceDirectorySyncs();
    const rename = fs.rename.bind(fs);
    const renames = jest.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
      await rename(from, to);
      trace.events.push(`renamed ${path.basename(String(to))}`);
    });
    try {
      const names = Array.from({ length: 12 }, (_, i) => `doc-${i}.json`);
      await Promise.all(
        names.map((name, i) => writeFileDurably(path.join(dir, name), JSON.stringify({ i })).then(() => trace.events.push(`acked ${name}`))),
      );
      for (const [i, name] of names.entries()) {
        expect(JSON.parse(readFileSync(path.join(dir, name), 'utf8'))).toEqual({ i });
        const renamed = trace.events.indexOf(`renamed ${name}`);
        const acked = trace.events.indexOf(`acked ${name}`);
        const startAfter = trace.events.indexOf('start', renamed);
        expect(startAfter).toBeGreaterThan(renamed);
        expect(trace.events.indexOf('end', startAfter)).toBeLessThan(acked);
      }
      expect(trace.events.filter((e) => e === 'start').length).toBeLessThanOrEqual(names.length);
    } finally {
      renames.mockRestore();
      trace.restore();
    }
  });

  test('a write into a directory that does not exist yet creates it', async () => {
    const file = path.join(dir, '2030', 'lists-x', 'a.json');
    await writeFileDurably(file, '{"ok":true}\n');
    expect(readFileSync(file, 'utf8')).toBe('{"ok":true}\n');
  });
});

describe('lock files', () => {
  test('a lock is a symbolic link naming its owner, removed on release', async () => {
    const locks = new LockManager(path.join(dir, 'locks'));
    const file = path.join(dir, 'locks', 'k.lock');
    await locks.withLock('k', async () => {
      expect((await fs.lstat(file)).isSymbolicLink()).toBe(true);
      expect(await fs.readlink(file)).toBe(`${process.pid}\n${os.hostname()}\n`);
    });
    await expect(fs.lstat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test("a dead process's lock (link or regular file) is taken over; a live one's is waited for", async () => {
    const lockDir = path.join(dir, 'locks');
    await fs.mkdir(lockDir);
    const dead = 2 ** 22 + 12_345; // above Linux's pid_max default: no such process
    await fs.symlink(`${dead}\n${os.hostname()}\n`, path.join(lockDir, 'a.lock'));
    await fs.writeFile(path.join(lockDir, 'b.lock'), `${dead}\n${os.hostname()}\n`);
    const locks = new LockManager(lockDir, 300);
    await expect(locks.withLock('a', async () => 'a')).resolves.toBe('a');
    await expect(locks.withLock('b', async () => 'b')).resolves.toBe('b');
    // PID 1 is alive: its lock holds, the caller gives up after the timeout.
    await fs.symlink(`1\n${os.hostname()}\n`, path.join(lockDir, 'c.lock'));
    await expect(locks.withLock('c', async () => 'c')).rejects.toMatchObject({ code: 'storage.busy' });
  });

  test('a stale lock that another process takes over in the meantime is left alone', async () => {
    const lockDir = path.join(dir, 'locks');
    await fs.mkdir(lockDir);
    const file = path.join(lockDir, 'k.lock');
    const host = os.hostname();
    await fs.symlink(`${2 ** 22 + 12_345}\n${host}\n`, file);
    const readlink = fs.readlink.bind(fs) as (p: string) => Promise<string>;
    let replaced = false;
    const spy = jest.spyOn(fs, 'readlink').mockImplementation((async (p: string) => {
      const target = await readlink(p);
      if (!replaced && p === file) {
        // Right after this process read the dead owner, another one takes the lock over (PID 1: alive).
        replaced = true;
        await fs.unlink(file);
        await fs.symlink(`1\n${host}\n`, file);
      }
      return target;
    }) as never);
    try {
      const locks = new LockManager(lockDir, 300);
      await expect(locks.withLock('k', async () => 'k')).rejects.toMatchObject({ code: 'storage.busy' });
      expect(await readlink(file)).toBe(`1\n${host}\n`);
      await expect(fs.lstat(`${file}.takeover`)).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      spy.mockRestore();
    }
  });

  test('a takeover guard left by a taker that died is removed when old; a fresh one is waited for', async () => {
    const lockDir = path.join(dir, 'locks');
    await fs.mkdir(lockDir);
    const host = os.hostname();
    const dead = `${2 ** 22 + 12_345}\n${host}\n`;
    for (const key of ['old', 'fresh']) {
      await fs.symlink(dead, path.join(lockDir, `${key}.lock`));
      await fs.symlink(dead, path.join(lockDir, `${key}.lock.takeover`));
    }
    const minuteAgo = new Date(Date.now() - 60_000);
    await fs.lutimes(path.join(lockDir, 'old.lock.takeover'), minuteAgo, minuteAgo);
    const locks = new LockManager(lockDir, 300);
    await expect(locks.withLock('old', async () => 'old')).resolves.toBe('old');
    await expect(locks.withLock('fresh', async () => 'fresh')).rejects.toMatchObject({ code: 'storage.busy' });
  });

  test('where the file system has no symbolic links, lock files are regular files again', async () => {
    // Last in this file: the lock manager remembers the answer for the rest of the process.
    // A free lock is taken in the bot's thread (symlinkSync); a contended one through the promise API.
    const refused = () => Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
    const symlink = jest.spyOn(nodeFs, 'symlinkSync').mockImplementation(() => {
      throw refused();
    });
    const symlinkAsync = jest.spyOn(fs, 'symlink').mockRejectedValue(refused());
    try {
      const locks = new LockManager(path.join(dir, 'locks'), 300);
      const file = path.join(dir, 'locks', 'k.lock');
      await locks.withLock('k', async () => {
        expect((await fs.lstat(file)).isFile()).toBe(true);
        expect(readFileSync(file, 'utf8')).toBe(`${process.pid}\n${os.hostname()}\n`);
        // Held: a second taker in another process would find the file and wait.
        await expect(fs.open(file, 'wx')).rejects.toMatchObject({ code: 'EEXIST' });
      });
      await expect(fs.lstat(file)).rejects.toMatchObject({ code: 'ENOENT' });
      expect(symlink).toHaveBeenCalledTimes(1);
      await locks.withLock('k', async () => undefined);
      expect(symlink).toHaveBeenCalledTimes(1);
      expect(symlinkAsync).not.toHaveBeenCalled();
    } finally {
      symlink.mockRestore();
      symlinkAsync.mockRestore();
    }
  });
});

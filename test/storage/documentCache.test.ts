/**
 * The cache of parsed documents (src/storage/documentCache.ts): what another process writes is seen
 * on the next read – also when it is written within the same clock tick and has the same size – and
 * what it hands out cannot be changed by a reader.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DocumentCache } from '../../src/storage/documentCache';
import { LowdbRepository } from '../../src/storage/lowdbRepository';
import { ABSTATT, coordinator, staff } from '../fixtures';
import { Harness, openHarness, seed, tempDir } from '../harness';

/** Replaces `file` the way every writer does (temporary file, rename), in a process of its own. */
function writeFromOtherProcess(file: string, content: string): void {
  const code = `const fs=require('fs');const t=process.argv[1]+'.other.tmp';fs.writeFileSync(t,process.argv[2]);fs.renameSync(t,process.argv[1])`;
  execFileSync(process.execPath, ['-e', code, file, content]);
}

describe('document cache', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  test('another process replaces the file right after a read, same size: the next read has the new content', async () => {
    const file = path.join(dir, 'doc.json');
    writeFileSync(file, '{"value":1}');
    const cache = new DocumentCache();
    expect(await cache.read(file, 'doc.json')).toEqual({ value: 1 });
    for (let i = 2; i < 10; i++) {
      writeFromOtherProcess(file, `{"value":${i}}`);
      expect(await cache.read(file, 'doc.json')).toEqual({ value: i });
    }
  });

  test('a file changed in place (same inode, same size, mtime set back) is still caught', async () => {
    const file = path.join(dir, 'doc.json');
    writeFileSync(file, '{"value":1}');
    const before = await fs.stat(file);
    const cache = new DocumentCache();
    expect(await cache.read(file, 'doc.json')).toEqual({ value: 1 });
    writeFileSync(file, '{"value":2}');
    await fs.utimes(file, before.atime, before.mtime);
    expect(await cache.read(file, 'doc.json')).toEqual({ value: 2 });
  });

  test('an old, unchanged file is answered from its stat alone; a changed one is read again', async () => {
    const file = path.join(dir, 'doc.json');
    writeFileSync(file, '{"value":1}');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const cache = new DocumentCache(256, 0);
    const first = await cache.read(file, 'doc.json');
    const reads = jest.spyOn(fs, 'readFile');
    try {
      expect(await cache.read(file, 'doc.json')).toBe(first);
      expect(reads).not.toHaveBeenCalled();
      writeFromOtherProcess(file, '{"value":22}');
      expect(await cache.read(file, 'doc.json')).toEqual({ value: 22 });
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      reads.mockRestore();
    }
  });

  test('a deleted file reads as missing; a damaged one is reported, not cached', async () => {
    const file = path.join(dir, 'doc.json');
    writeFileSync(file, '{"value":1}');
    const cache = new DocumentCache();
    await cache.read(file, 'doc.json');
    await fs.rm(file);
    expect(await cache.read(file, 'doc.json')).toBeNull();
    writeFileSync(file, '{"value":');
    await expect(cache.read(file, 'doc.json')).rejects.toMatchObject({ code: 'storage.corrupt' });
  });

  test('what the cache hands out is frozen: a reader cannot change what the next one sees', async () => {
    const file = path.join(dir, 'doc.json');
    writeFileSync(file, '{"items":[{"n":1}]}');
    const doc = (await new DocumentCache().read(file, 'doc.json')) as { items: { n: number }[] };
    expect(() => doc.items.push({ n: 2 })).toThrow(TypeError);
    expect(() => (doc.items[0].n = 5)).toThrow(TypeError);
  });

  test('entries unused for the idle time are dropped; files below a removed folder are forgotten at once', async () => {
    const a = path.join(dir, 'a.json');
    const b = path.join(dir, 'lists-x', 'b.json');
    await fs.mkdir(path.dirname(b));
    writeFileSync(a, '{"a":1}');
    writeFileSync(b, '{"b":1}');
    const cache = new DocumentCache(256, 0, 40);
    await cache.read(a, 'a.json');
    await cache.read(b, 'lists-x/b.json');
    expect(cache.size).toBe(2);
    cache.forgetUnder(path.join(dir, 'lists-x'));
    expect(cache.size).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await cache.read(b, 'lists-x/b.json');
    // a was idle for longer than 40 ms: gone; b was just read.
    expect(cache.size).toBe(1);
    expect(await cache.read(b, 'lists-x/b.json')).toEqual({ b: 1 });
  });
});

describe('repository reads through the cache', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    await seed(h, 6);
  });
  afterEach(() => h.cleanup());

  test('a change by another process (its own repository and cache) is seen by the next read here', async () => {
    const here = h.app.ctx.repo;
    const before = await here.readList(2025, ABSTATT);
    const other = await openHarness('2024-01-10T09:00:00.000Z', h.dataDir);
    await other.app.review.reopen(2025, ABSTATT, { until: '2024-02-01' }, { actor: coordinator });
    await other.app.close();
    const after = await here.readList(2025, ABSTATT);
    expect(after!.revision).toBe(before!.revision + 1);
    expect(after!.extendedUntil).toBe('2024-02-01');
  });

  test('a change builds on a fresh copy, never on the shared cached one', async () => {
    const gemeinde = staff(ABSTATT);
    const cached = await h.app.ctx.repo.readList(2025, ABSTATT);
    const outcome = await h.app.review.strike(2025, ABSTATT, { personId: `${ABSTATT}-1`, reason: 'weggezogen' }, { actor: gemeinde });
    expect(outcome.changed).toBe(true);
    expect(cached!.persons[0].strike).toBeUndefined();
    expect((await h.app.ctx.repo.readList(2025, ABSTATT))!.persons[0].strike?.reason).toBe('weggezogen');
  });

  test('lists removed from the disk (purge, replaced import) leave no copy in memory', async () => {
    const repo = h.app.ctx.repo as LowdbRepository;
    expect((await repo.readLists(2025)).length).toBeGreaterThan(0);
    const journals = (repo as unknown as { journals: Map<string, unknown> }).journals;
    const cache = (repo as unknown as { cache: DocumentCache }).cache;
    const cachedLists = () => [...(cache as unknown as { entries: Map<string, unknown> }).entries.keys()].filter((f) => f.includes(`${path.sep}lists-`));
    expect(journals.size).toBe(1);
    await repo.purgeLists(2025, (current) => ({ next: { ...current }, result: undefined }));
    expect(journals.size).toBe(0);
    expect(cachedLists()).toEqual([]);
  });
});

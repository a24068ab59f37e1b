/**
 * The lists' journal (src/storage/listJournal.ts): a click appends one record; records arriving together
 * share one write and one fdatasync; what another process appends is seen at the next read; a dead
 * writer's incomplete line is cut off; compaction seals segments, rewrites only changed snapshots and
 * keeps a cold start bounded; the audit trail stays complete; operation ids are found after a restart;
 * a list document of the first schema is read as a snapshot.
 */
import { promises as fs, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { IntmApp } from '../../src/app';
import type { Actor } from '../../src/domain/actor';
import { countList } from '../../src/domain/list';
import { ExcelWorkbookWriter } from '../../src/excel/workbookWriter';
import { SpreadsheetTableReader } from '../../src/excel/tableReader';
import { CHECKPOINT_FILE, segmentName } from '../../src/storage/listJournal';
import { LowdbRepository } from '../../src/storage/lowdbRepository';
import { SCHEMA_VERSION, upgrade } from '../../src/storage/schema';
import { fixedClock } from '../../src/storage/systemClock';
import { ABSTATT, BRACKENHEIM, coordinator, staff, verzeichnis } from '../fixtures';
import { Harness, openHarness, seed } from '../harness';

const NOW = '2024-01-10T09:00:00.000Z';
const anna: Actor = staff(ABSTATT, 'Anna Abstatt');
const bert: Actor = staff(BRACKENHEIM, 'Bert Brackenheim');

/** An app on `dataDir`; with `compactAfter`, compaction follows right after the batch that reaches it (not in a quiet moment). */
async function appOn(dataDir: string, compactAfter?: number): Promise<IntmApp> {
  const repo = await LowdbRepository.open(dataDir, compactAfter ? { compactAfter, compactWhenQuietMs: 0 } : {});
  return new IntmApp({ repo, clock: fixedClock(NOW), verzeichnis, tableReader: new SpreadsheetTableReader(), workbooks: new ExcelWorkbookWriter() });
}

function generationDir(h: Harness): string {
  const record = JSON.parse(readFileSync(path.join(h.dataDir, '2025', 'campaign.json'), 'utf8'));
  return path.join(h.dataDir, '2025', record.generation);
}

const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);

let h: Harness;
beforeEach(async () => {
  h = await openHarness(NOW);
  await seed(h, 40, [ABSTATT, BRACKENHEIM]);
});
afterEach(() => h.cleanup());

const strike = (app: IntmApp, ags: string, n: number, actor: Actor, opId = `op-${ags}-${n}`) =>
  app.review.strike(2025, ags, { personId: `${ags}-${n}`, reason: 'weggezogen' }, { actor, opId });

test('clicks arriving together share one write: each is one line, in one batch, all acknowledged only after it', async () => {
  const writes: number[] = [];
  const original = fs.open;
  // Count the writes to the journal: one `write` per batch.
  const spy = jest.spyOn(fs, 'open').mockImplementation(async (...args: Parameters<typeof fs.open>) => {
    const handle = await original(...args);
    // The journal's writable handle (opened with numeric flags: append, O_DSYNC).
    if (String(args[0]).endsWith('.jsonl') && typeof args[1] === 'number') {
      const write = handle.write.bind(handle) as (...a: unknown[]) => Promise<unknown>;
      (handle as unknown as { write: unknown }).write = (...a: unknown[]) => {
        writes.push(Date.now());
        return write(...a);
      };
    }
    return handle;
  });
  try {
    await strike(h.app, ABSTATT, 1, anna);
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => strike(h.app, i % 2 ? ABSTATT : BRACKENHEIM, 10 + i, i % 2 ? anna : bert)));
    expect(burst.every((o) => o.changed)).toBe(true);
  } finally {
    spy.mockRestore();
  }
  expect(lines(path.join(generationDir(h), segmentName(1)))).toHaveLength(21);
  // The first click alone, the 20 together in far fewer writes than clicks (group commit).
  expect(writes.length).toBeGreaterThanOrEqual(2);
  expect(writes.length).toBeLessThanOrEqual(4);
});

test('what another process appends is seen at the next read here, without a restart', async () => {
  const here = h.app;
  expect(countList((await here.ctx.repo.readList(2025, ABSTATT))!).struck).toBe(0);
  const other = await appOn(h.dataDir);
  await strike(other, ABSTATT, 1, anna);
  await strike(other, ABSTATT, 2, anna);
  await other.close();
  const seen = await here.ctx.repo.readList(2025, ABSTATT);
  expect(countList(seen!).struck).toBe(2);
  // And a change here builds on it.
  const third = await strike(here, ABSTATT, 3, anna);
  expect(third.list.revision).toBe(4);
});

test("a dead writer's incomplete last line is not read, and the next writer cuts it off", async () => {
  await strike(h.app, ABSTATT, 1, anna);
  const file = path.join(generationDir(h), segmentName(1));
  // What a process killed in the middle of its write leaves: part of a record, no newline.
  await fs.appendFile(file, '{"seq":2,"change":{"entry":{"at":"2024-01-10T09:00:00.000Z","actor"');
  const fresh = await appOn(h.dataDir);
  expect(countList((await fresh.ctx.repo.readList(2025, ABSTATT))!).struck).toBe(1);
  const next = await strike(fresh, ABSTATT, 2, anna);
  expect(next.changed).toBe(true);
  await fresh.close();
  expect(lines(file).map((l) => JSON.parse(l).seq)).toEqual([1, 2]);
  const again = await appOn(h.dataDir);
  expect(countList((await again.ctx.repo.readList(2025, ABSTATT))!).struck).toBe(2);
  await again.close();
});

test('a damaged record in the middle is reported in German and nothing is written behind it', async () => {
  await strike(h.app, ABSTATT, 1, anna);
  await strike(h.app, ABSTATT, 2, anna);
  const file = path.join(generationDir(h), segmentName(1));
  const [first, second] = lines(file);
  await fs.writeFile(file, `${first.slice(0, 40)}#kaputt\n${second}\n`);
  const fresh = await appOn(h.dataDir);
  const err = await fresh.ctx.repo.readList(2025, ABSTATT).catch((e) => e);
  expect(err).toMatchObject({ code: 'storage.corrupt' });
  expect(err.message).toContain('beschädigt');
  expect(err.message).not.toContain('Nachname');
  await expect(strike(fresh, ABSTATT, 3, anna)).rejects.toMatchObject({ code: 'storage.corrupt' });
  expect(lines(file)).toHaveLength(2);
  await fresh.close();
});

test('compaction: a sealed segment names the next, only changed lists get new snapshots, the audit stays complete, a cold start reads the last segment only', async () => {
  const app = await appOn(h.dataDir, 10);
  await h.app.close();
  const dir = generationDir(h);
  const bBefore = readFileSync(path.join(dir, `${BRACKENHEIM}.json`), 'utf8');
  for (let n = 1; n <= 25; n++) await strike(app, ABSTATT, n, anna);
  const segments = (await fs.readdir(dir)).filter((f) => f.startsWith('journal-')).sort();
  expect(segments).toEqual([segmentName(1), segmentName(11), segmentName(21)]);
  // Ten records and the seal naming the next segment.
  const sealed = lines(path.join(dir, segmentName(1)));
  expect(sealed).toHaveLength(11);
  expect(JSON.parse(sealed[10])).toEqual({ seal: segmentName(11), seq: 10 });
  expect(JSON.parse(readFileSync(path.join(dir, CHECKPOINT_FILE), 'utf8'))).toMatchObject({ schemaVersion: SCHEMA_VERSION, seq: 20, segment: segmentName(21) });
  const snapshot = JSON.parse(readFileSync(path.join(dir, `${ABSTATT}.json`), 'utf8'));
  expect(snapshot).toMatchObject({ seq: 20, revision: 21 });
  expect(snapshot.history).toEqual([]);
  // Brackenheim did not change: its snapshot was not rewritten.
  expect(readFileSync(path.join(dir, `${BRACKENHEIM}.json`), 'utf8')).toBe(bBefore);

  // The audit has every change, from every segment.
  const audit = await app.audit.entries(2025, { actor: coordinator, ags: ABSTATT });
  expect(audit.filter((e) => e.action === 'person.strike')).toHaveLength(25);
  await app.close();

  // A cold start reads the checkpoint, the snapshots and the last segment: it works with the sealed ones moved away.
  const away = path.join(h.dataDir, 'sealed-away');
  await fs.mkdir(away);
  for (const name of [segmentName(1), segmentName(11)]) await fs.rename(path.join(dir, name), path.join(away, name));
  const cold = await appOn(h.dataDir, 10);
  const list = await cold.ctx.repo.readList(2025, ABSTATT);
  expect(countList(list!).struck).toBe(25);
  expect(list!.revision).toBe(26);
  await cold.close();
  for (const name of [segmentName(1), segmentName(11)]) await fs.rename(path.join(away, name), path.join(dir, name));
});

test('a process that reads while another compacts follows the seal into the next segment', async () => {
  const reader = await appOn(h.dataDir, 10);
  expect(countList((await reader.ctx.repo.readList(2025, ABSTATT))!).struck).toBe(0);
  const writer = await appOn(h.dataDir, 10);
  for (let n = 1; n <= 23; n++) await strike(writer, ABSTATT, n, anna);
  await writer.close();
  expect(countList((await reader.ctx.repo.readList(2025, ABSTATT))!).struck).toBe(23);
  // And it writes on in the segment the checkpoint names now.
  await strike(reader, ABSTATT, 24, anna);
  await reader.close();
  const dir = generationDir(h);
  expect(lines(path.join(dir, segmentName(21))).map((l) => JSON.parse(l).seq)).toEqual([21, 22, 23, 24]);
});

test('an operation id is recognised after a restart and across a compaction: applied once', async () => {
  const app = await appOn(h.dataDir, 10);
  await h.app.close();
  const first = await strike(app, ABSTATT, 1, anna, 'retry-me');
  for (let n = 2; n <= 12; n++) await strike(app, ABSTATT, n, anna);
  // Across the compaction after record 10.
  const retried = await strike(app, ABSTATT, 1, anna, 'retry-me');
  expect(first.changed).toBe(true);
  expect(retried).toMatchObject({ changed: false, replayed: true });
  await app.close();
  // After a restart, within the segment being written.
  const again = await appOn(h.dataDir, 10);
  const op = await strike(again, ABSTATT, 12, anna);
  expect(op).toMatchObject({ changed: false, replayed: true });
  expect((await again.ctx.repo.readListHistory(2025, ABSTATT)).filter((e) => e.action === 'person.strike')).toHaveLength(12);
  await again.close();
});

test('a list document of the first schema (with its change log inside) is read as a snapshot; intm migrate writes it in the new shape', async () => {
  const dir = generationDir(h);
  const file = path.join(dir, `${ABSTATT}.json`);
  const v2 = JSON.parse(readFileSync(file, 'utf8'));
  const { changeCounts: _c, seq: _s, history: _h, ...state } = v2;
  const struckAt = '2024-01-09T10:00:00.000Z';
  const v1 = {
    ...state,
    schemaVersion: 1,
    revision: 2,
    persons: state.persons.map((p: { id: string }, i: number) => (i === 0 ? { ...p, strike: { at: struckAt, by: { id: anna.id, name: anna.name }, reason: 'verstorben' } } : p)),
    events: [
      { at: NOW, actor: { ...coordinator }, action: 'campaign.import', ags: ABSTATT, revision: 1 },
      { at: struckAt, actor: { id: anna.id, name: anna.name, role: 'gemeinde' }, action: 'person.strike', ags: ABSTATT, subject: `${ABSTATT}-1`, revision: 2 },
    ],
  };
  await fs.writeFile(file, JSON.stringify(v1));
  const app = await appOn(h.dataDir);
  await h.app.close();
  const list = (await app.ctx.repo.readList(2025, ABSTATT))!;
  expect(list.changeCounts).toEqual({ 'campaign.import': 1, 'person.strike': 1 });
  expect(list.persons[0].last).toEqual({ at: struckAt, by: { id: anna.id, name: anna.name }, rev: 2, action: 'person.strike' });
  // The old log is the start of the audit; new changes follow it.
  await strike(app, ABSTATT, 2, anna);
  expect((await app.ctx.repo.readListHistory(2025, ABSTATT)).map((e) => e.revision)).toEqual([1, 2, 3]);
  expect(await (app.ctx.repo as LowdbRepository).migrateAll()).toBeGreaterThanOrEqual(1);
  const migrated = JSON.parse(readFileSync(file, 'utf8'));
  expect(migrated).toMatchObject({ schemaVersion: SCHEMA_VERSION, seq: 0, changeCounts: { 'person.strike': 1 } });
  expect(migrated.history).toHaveLength(2);
  expect(migrated.events).toBeUndefined();
  await app.close();
});

// Found by a review of the journal: each failed before its fix.

test("a process whose first operation after a crash is a write cuts the dead writer's incomplete line off first", async () => {
  await strike(h.app, ABSTATT, 1, anna);
  await h.app.close();
  const file = path.join(generationDir(h), segmentName(1));
  await fs.appendFile(file, '{"seq":2,"change":{"entry":{"at":"2024-01-10T09:00:00.000Z","actor"');
  const cold = await appOn(h.dataDir);
  // No read first: a click after a restart, or `intm review submit`.
  const out = await strike(cold, ABSTATT, 2, anna);
  expect(out.changed).toBe(true);
  await cold.close();
  const again = await appOn(h.dataDir);
  const err = await again.ctx.repo.readList(2025, ABSTATT).then(() => undefined, (e) => e);
  await again.close();
  expect(err).toBeUndefined();
});

test('a failed append (part of a line written, then ENOSPC) is taken back: the next one lands on a clean line', async () => {
  const original = fs.open;
  let failNext = false;
  const spy = jest.spyOn(fs, 'open').mockImplementation(async (...args: Parameters<typeof fs.open>) => {
    const handle = await original(...args);
    if (String(args[0]).endsWith('.jsonl') && typeof args[1] === 'number') {
      const write = handle.write.bind(handle) as (b: Buffer, o: number, l: number) => Promise<{ bytesWritten: number }>;
      (handle as unknown as { write: unknown }).write = async (b: Buffer, o: number, l: number) => {
        if (failNext) {
          failNext = false;
          await write(b, o, Math.floor(l / 2));
          throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
        }
        return write(b, o, l);
      };
    }
    return handle;
  });
  try {
    await strike(h.app, ABSTATT, 1, anna);
    failNext = true;
    await expect(strike(h.app, ABSTATT, 2, anna)).rejects.toThrow('ENOSPC');
    const third = await strike(h.app, ABSTATT, 3, anna);
    expect(third.changed).toBe(true);
  } finally {
    spy.mockRestore();
  }
  const cold = await appOn(h.dataDir);
  const err = await cold.ctx.repo.readList(2025, ABSTATT).then(() => undefined, (e) => e.code);
  await cold.close();
  expect(err).toBeUndefined();
});

test('a checkpoint that cannot be written does not fork the journal: the writer goes on in the segment its seal names, a reader follows, nothing is lost', async () => {
  const reader = await appOn(h.dataDir);
  expect(countList((await reader.ctx.repo.readList(2025, ABSTATT))!).struck).toBe(0);
  const app = await appOn(h.dataDir, 5);
  await h.app.close();
  const repo = app.ctx.repo as unknown as { writeDoc: (file: string, data: object) => Promise<void> };
  const original = repo.writeDoc.bind(repo);
  let failOnce = true;
  repo.writeDoc = async (file, data) => {
    if (file.endsWith('checkpoint.json') && failOnce) {
      failOnce = false;
      throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
    }
    return original(file, data);
  };
  // Every strike is stored and answered so, though the first compaction's checkpoint failed.
  for (let n = 1; n <= 9; n++) expect((await strike(app, ABSTATT, n, anna)).changed).toBe(true);
  await app.close();
  const seenByReader = countList((await reader.ctx.repo.readList(2025, ABSTATT))!).struck;
  expect((await strike(reader, ABSTATT, 20, anna)).changed).toBe(true);
  await reader.close();
  const cold = await appOn(h.dataDir);
  const list = (await cold.ctx.repo.readList(2025, ABSTATT))!;
  await cold.close();
  expect(seenByReader).toBe(9);
  expect(list.persons.find((p) => p.id === `${ABSTATT}-20`)!.strike).toBeDefined();
});

test('a compaction that fails does not fail the clicks: they are on disk and answered as stored', async () => {
  const app = await appOn(h.dataDir, 5);
  await h.app.close();
  const repo = app.ctx.repo as unknown as { writeDoc: (file: string, data: object) => Promise<void> };
  const original = repo.writeDoc.bind(repo);
  repo.writeDoc = async (file, data) => {
    if (file.endsWith(`${ABSTATT}.json`)) throw Object.assign(new Error('EIO'), { code: 'EIO' });
    return original(file, data);
  };
  for (let n = 1; n <= 4; n++) await strike(app, ABSTATT, n, anna);
  const fifth = await strike(app, ABSTATT, 5, anna).then((o) => o.changed, (e) => `rejected: ${e.message}`);
  const stored = countList((await app.ctx.repo.readList(2025, ABSTATT))!).struck;
  await app.close();
  expect({ fifth, stored }).toEqual({ fifth: true, stored: 5 });
});

test('after another process purges the year, this process lets go of the lists: none in memory, no deleted segment held open', async () => {
  const bot = h.app;
  await strike(bot, ABSTATT, 1, anna);
  await bot.ctx.repo.readList(2025, ABSTATT);
  const dir = generationDir(h);
  // Another process (here: another repository) purges the year. Sequential, so the shared pid does not matter.
  const cli = await appOn(h.dataDir);
  await cli.ctx.repo.purgeLists(2025, (current) => ({ next: { ...current, purged: { at: NOW, by: { id: coordinator.id, name: coordinator.name } } } as never, result: undefined }));
  await cli.close();
  expect(await bot.ctx.repo.readLists(2025)).toEqual([]);
  const journals = (bot.ctx.repo as unknown as { journals: Map<string, unknown> }).journals;
  const openDeleted = readdirSync('/proc/self/fd')
    .map((fd) => { try { return readlinkSync(`/proc/self/fd/${fd}`); } catch { return ''; } })
    .filter((t) => t.startsWith(dir) && t.endsWith('(deleted)'));
  expect({ journals: journals.size, openDeleted }).toEqual({ journals: 0, openDeleted: [] });
});

test('an operation id of the segment before the last compaction is still found after a restart', async () => {
  const app = await appOn(h.dataDir, 5);
  await h.app.close();
  const first = await app.review.addChild(2025, ABSTATT, { parentId: `${ABSTATT}-1`, surname: 'Kind', givenName: 'Klara', birthDate: '2022-06-01' }, { actor: anna, opId: 'child-1' });
  expect(first.changed).toBe(true);
  for (let n = 2; n <= 6; n++) await strike(app, ABSTATT, n, anna); // compaction after record 5
  await app.close();
  const restarted = await appOn(h.dataDir, 5);
  const retry = await restarted.review
    .addChild(2025, ABSTATT, { parentId: `${ABSTATT}-1`, surname: 'Kind', givenName: 'Klara', birthDate: '2022-06-01' }, { actor: anna, opId: 'child-1' })
    .then((o) => o, (e) => ({ error: e.code }));
  await restarted.close();
  expect(retry).toMatchObject({ replayed: true });
});

test('a directory this version opened says it holds schema 2: an older version refuses it instead of writing past the journal', async () => {
  await h.app.close();
  const meta = path.join(h.dataDir, 'meta.json');
  await fs.writeFile(meta, JSON.stringify({ schemaVersion: 1, createdAt: NOW }));
  const app = await appOn(h.dataDir);
  await app.close();
  expect(JSON.parse(readFileSync(meta, 'utf8'))).toMatchObject({ schemaVersion: SCHEMA_VERSION, createdAt: NOW });
  // What a version that knows schema 1 only makes of it: a newer directory, refused (schema.ts upgrade, as its open would run it).
  expect(() => upgrade('meta', JSON.parse(readFileSync(meta, 'utf8')), 'meta.json', [], 1)).toThrow(expect.objectContaining({ code: 'storage.newerSchema' }));
});

test('compaction waits for a quiet moment – no click waits for it – and comes at four times the limit under a load that never lets up', async () => {
  const repo = await LowdbRepository.open(h.dataDir, { compactAfter: 10, compactWhenQuietMs: 300 });
  const app = new IntmApp({ repo, clock: fixedClock(NOW), verzeichnis, tableReader: new SpreadsheetTableReader(), workbooks: new ExcelWorkbookWriter() });
  await h.app.close();
  const dir = generationDir(h);
  const segments = async () => (await fs.readdir(dir)).filter((f) => f.startsWith('journal-')).sort();
  for (let n = 1; n <= 12; n++) await strike(app, ABSTATT, n, anna);
  // Over the limit, but the clicks keep coming: not yet.
  expect(await segments()).toEqual([segmentName(1)]);
  await new Promise((r) => setTimeout(r, 600));
  expect(await segments()).toEqual([segmentName(1), segmentName(13)]);
  // A click right after (or during) the compaction is stored as usual.
  expect((await strike(app, ABSTATT, 13, anna)).changed).toBe(true);
  // Clicks without a pause: compaction at 40 records at the latest (after their answers).
  for (let n = 14; n <= 40; n++) await strike(app, ABSTATT, n, anna);
  const marks = await Promise.all(Array.from({ length: 12 }, (_, i) => strike(app, BRACKENHEIM, i + 1, bert)));
  expect(marks.every((o) => o.changed)).toBe(true);
  await app.close();
  expect((await segments()).length).toBe(3);
  const cold = await appOn(h.dataDir);
  expect(countList((await cold.ctx.repo.readList(2025, ABSTATT))!).struck).toBe(40);
  expect(countList((await cold.ctx.repo.readList(2025, BRACKENHEIM))!).struck).toBe(12);
  await cold.close();
});

test('under clicks that never stop, the year\'s lock is held for a run of batches and let go of after eight at the latest', async () => {
  const nodeFs = require('node:fs') as typeof import('node:fs');
  const events: ('lock' | 'unlock' | 'write')[] = [];
  const isListsLock = (file: unknown) => String(file).endsWith('2025-lists.lock');
  const symlinkSync = nodeFs.symlinkSync;
  const unlinkSync = nodeFs.unlinkSync;
  const lock = jest.spyOn(nodeFs, 'symlinkSync').mockImplementation(((target: string, file: string) => {
    symlinkSync(target, file);
    if (isListsLock(file)) events.push('lock');
  }) as typeof nodeFs.symlinkSync);
  const unlock = jest.spyOn(nodeFs, 'unlinkSync').mockImplementation(((file: string) => {
    if (isListsLock(file)) events.push('unlock');
    unlinkSync(file);
  }) as typeof nodeFs.unlinkSync);
  const open = fs.open;
  // One `write` of the journal's durable handle per batch (as in the first test), made slow – a disk
  // that takes 3 ms – so that clicks arriving every millisecond always find the next batch waiting.
  const writes = jest.spyOn(fs, 'open').mockImplementation(async (...args: Parameters<typeof fs.open>) => {
    const handle = await open(...args);
    if (String(args[0]).endsWith('.jsonl') && typeof args[1] === 'number') {
      const write = handle.write.bind(handle) as (...a: unknown[]) => Promise<unknown>;
      (handle as unknown as { write: unknown }).write = async (...a: unknown[]) => {
        events.push('write');
        await new Promise((resolve) => setTimeout(resolve, 3));
        return write(...a);
      };
    }
    return handle;
  });
  try {
    await strike(h.app, ABSTATT, 1, anna);
    events.length = 0;
    const clicks: Promise<{ changed: boolean }>[] = [];
    for (let n = 2; n <= 40; n++) {
      clicks.push(strike(h.app, ABSTATT, n, anna), strike(h.app, BRACKENHEIM, n, bert));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect((await Promise.all(clicks)).every((o) => o.changed)).toBe(true);
  } finally {
    lock.mockRestore();
    unlock.mockRestore();
    writes.mockRestore();
  }
  // Every write under the lock, at most eight in one hold (then `intm` beside the bot can take it); let go of at the end.
  let held = false;
  let inHold = 0;
  const holds: number[] = [];
  for (const e of events) {
    if (e === 'lock') {
      expect(held).toBe(false);
      held = true;
      inHold = 0;
    } else if (e === 'unlock') {
      expect(held).toBe(true);
      held = false;
      holds.push(inHold);
    } else {
      expect(held).toBe(true);
      expect(++inHold).toBeLessThanOrEqual(8);
    }
  }
  expect(held).toBe(false);
  // Not taken again for every batch while the clicks keep coming.
  expect(Math.max(...holds)).toBeGreaterThan(1);
  expect(holds.length).toBeLessThan(events.filter((e) => e === 'write').length);
});

import { promises as fs, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConflictError, DomainError } from '../../src/domain/errors';
import { countList } from '../../src/domain/list';
import { LowdbRepository } from '../../src/storage/lowdbRepository';
import { Migration, SCHEMA_VERSION, upgrade } from '../../src/storage/schema';
import { ABSTATT, BRACKENHEIM, coordinator, listWith, person, staff } from '../fixtures';
import { Harness, openHarness, seed, tempDir } from '../harness';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
  await seed(h, 6);
});
afterEach(() => h.cleanup());

const gemeinde = staff(ABSTATT);

describe('lowdb repository', () => {
  test('a change is on disk when the operation returns: one record appended to the journal, the snapshot untouched', async () => {
    await h.app.review.strike(2025, ABSTATT, { personId: `${ABSTATT}-1`, reason: 'weggezogen' }, { actor: gemeinde });
    const record = JSON.parse(readFileSync(path.join(h.dataDir, '2025', 'campaign.json'), 'utf8'));
    const dir = path.join(h.dataDir, '2025', record.generation);
    const lines = readFileSync(path.join(dir, 'journal-000000000001.jsonl'), 'utf8').split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const { seq, change } = JSON.parse(lines[0]);
    expect(seq).toBe(1);
    expect(change.entry).toMatchObject({ action: 'person.strike', ags: ABSTATT, subject: `${ABSTATT}-1`, revision: 2, actor: { id: gemeinde.id } });
    expect(change.person).toMatchObject({ id: `${ABSTATT}-1`, strike: { reason: 'weggezogen' } });
    const snapshot = JSON.parse(readFileSync(path.join(dir, `${ABSTATT}.json`), 'utf8'));
    expect(snapshot).toMatchObject({ schemaVersion: SCHEMA_VERSION, revision: 1, seq: 0 });
    expect(snapshot.persons[0].strike).toBeUndefined();
  });

  test("one click rewrites no document: it appends to the year's journal, nothing else", async () => {
    await h.app.review.strike(2025, ABSTATT, { personId: `${ABSTATT}-1`, reason: 'weggezogen' }, { actor: gemeinde });
    const record = JSON.parse(readFileSync(path.join(h.dataDir, '2025', 'campaign.json'), 'utf8'));
    const dir = path.join(h.dataDir, '2025', record.generation);
    const before = new Map((await fs.readdir(dir)).map((n) => [n, statSync(path.join(dir, n)).mtimeMs]));
    const campaignBefore = statSync(path.join(h.dataDir, '2025', 'campaign.json')).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    await h.app.review.strike(2025, ABSTATT, { personId: `${ABSTATT}-2`, reason: 'verstorben' }, { actor: gemeinde });
    const changed = [...before].filter(([n, m]) => statSync(path.join(dir, n)).mtimeMs !== m).map(([n]) => n);
    expect(changed).toEqual(['journal-000000000001.jsonl']);
    expect((await fs.readdir(dir)).sort()).toEqual([...before.keys()].sort());
    expect(statSync(path.join(h.dataDir, '2025', 'campaign.json')).mtimeMs).toBe(campaignBefore);
  });

  test('a change conflicts only with a change to what it acts on since the version the user saw', async () => {
    const first = await h.app.review.strike(2025, ABSTATT, { personId: `${ABSTATT}-1`, reason: 'weggezogen' }, { actor: gemeinde, expectedRevision: 0 });
    expect(first.list.revision).toBe(2);
    // Another person, seen at the same state: applied.
    const second = await h.app.review.strike(2025, ABSTATT, { personId: `${ABSTATT}-2`, reason: 'weggezogen' }, { actor: gemeinde, expectedRevision: 0 });
    expect(second.changed).toBe(true);
    // Person 1 changed at revision 2: undoing it as seen before is refused, with who did what.
    const err = await h.app.review.undo(2025, ABSTATT, `${ABSTATT}-1`, { actor: staff(ABSTATT, 'Bert Beispiel'), expectedRevision: 0 }).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.detail).toMatchObject({ scope: 'person', personId: `${ABSTATT}-1`, last: { rev: 2, action: 'person.strike', by: { id: gemeinde.id } } });
    const list = await h.app.review.getList(2025, ABSTATT, { actor: gemeinde });
    expect(countList(list).struck).toBe(2);
    expect(list.revision).toBe(3);
  });

  test('repeating an operation with the same operation id applies it once', async () => {
    const opts = { actor: gemeinde, opId: 'op-42' };
    const child = { parentId: `${ABSTATT}-1`, surname: 'Kind', givenName: 'Lina', birthDate: '2022-05-05' };
    const a = await h.app.review.addChild(2025, ABSTATT, child, opts);
    const b = await h.app.review.addChild(2025, ABSTATT, child, opts);
    expect(a.changed).toBe(true);
    expect(b).toMatchObject({ changed: false, replayed: true, personId: a.personId });
    const list = await h.app.review.getList(2025, ABSTATT, { actor: gemeinde });
    expect(countList(list).added).toBe(1);
    expect((await h.repo.readListHistory(2025, ABSTATT)).filter((e) => e.opId === 'op-42')).toHaveLength(1);
  });

  test('many concurrent operations on one list: none lost, each audited once', async () => {
    await seedMore(h, 60);
    const ops = Array.from({ length: 60 }, (_, i) =>
      h.app.review.strike(2025, BRACKENHEIM, { personId: `${BRACKENHEIM}-x${i}`, reason: 'weggezogen' }, { actor: staff(BRACKENHEIM), opId: `s${i}` }),
    );
    // Every operation sent twice, interleaved, as a double-clicking mobile client would.
    const repeats = Array.from({ length: 60 }, (_, i) =>
      h.app.review.strike(2025, BRACKENHEIM, { personId: `${BRACKENHEIM}-x${i}`, reason: 'weggezogen' }, { actor: staff(BRACKENHEIM), opId: `s${i}` }),
    );
    await Promise.all([...ops, ...repeats]);
    const list = await h.app.review.getList(2025, BRACKENHEIM, { actor: coordinator });
    expect(countList(list).struck).toBe(60);
    expect((await h.repo.readListHistory(2025, BRACKENHEIM)).filter((e) => e.action === 'person.strike')).toHaveLength(60);
    expect(list.revision).toBe(61);
  });

  test('a damaged file is reported in German and never overwritten silently', async () => {
    const record = JSON.parse(readFileSync(path.join(h.dataDir, '2025', 'campaign.json'), 'utf8'));
    await fs.writeFile(path.join(h.dataDir, '2025', record.generation, `${ABSTATT}.json`), '{"schemaVersion":1,"persons":[');
    const err = await h.app.review.strike(2025, ABSTATT, { personId: `${ABSTATT}-1`, reason: 'weggezogen' }, { actor: gemeinde }).catch((e) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err.code).toBe('storage.corrupt');
    expect(err.message).toContain('beschädigt');
    expect(err.message).not.toContain('Testperson');
  });

  test('a document from a newer schema is refused; older ones are migrated on read and by migrateAll', async () => {
    const file = path.join(h.dataDir, '2025', 'decisions.json');
    await fs.writeFile(file, JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1, year: 2025, revision: 0, decisions: {}, events: [] }));
    await expect(h.repo.readDecisions(2025)).rejects.toMatchObject({ code: 'storage.newerSchema' });

    // A pretend version 2 that renamed `decisions` to `entscheidungen`, and its migration path from 1.
    const dir = tempDir();
    const v1 = await LowdbRepository.open(dir);
    await v1.updateCampaign(2025, () => ({ next: { campaign: {} as never, revision: 1, events: [] }, result: undefined }));
    await fs.writeFile(path.join(dir, '2025', 'decisions.json'), JSON.stringify({ schemaVersion: 1, year: 2025, revision: 3, decisions: { X: 1 }, events: [] }));
    const migration: Migration = {
      from: 1,
      kind: 'decisions',
      up: ({ decisions, ...rest }) => ({ ...rest, entscheidungen: decisions }),
    };
    const upgraded = upgrade<Record<string, unknown>>('decisions', JSON.parse(readFileSync(path.join(dir, '2025', 'decisions.json'), 'utf8')), 'decisions.json', [migration], 2);
    expect(upgraded).toEqual({ migrated: true, doc: { schemaVersion: 2, year: 2025, revision: 3, entscheidungen: { X: 1 }, events: [] } });
    expect(() => upgrade('decisions', { year: 2025 }, 'decisions.json')).toThrow(DomainError);
    await fs.rm(dir, { recursive: true, force: true });
  });

  test('an import switches all lists at once and leaves no orphaned generation behind', async () => {
    const year = path.join(h.dataDir, '2025');
    await fs.mkdir(path.join(year, 'lists-orphan-from-a-crash'));
    await seedMore(h, 3);
    const dirs = (await fs.readdir(year)).filter((n) => n.startsWith('lists-'));
    expect(dirs).toHaveLength(1);
    const record = JSON.parse(readFileSync(path.join(year, 'campaign.json'), 'utf8'));
    expect(dirs[0]).toBe(record.generation);
  });
});

/** Replaces Brackenheim's list by one with `n` persons `<ags>-x<i>` (others keep 6). */
async function seedMore(h: Harness, n: number): Promise<void> {
  const lists = await h.repo.readLists(2025);
  const next = lists.map((l) => (l.ags === BRACKENHEIM ? listWith(BRACKENHEIM, Array.from({ length: n }, (_, i) => person(`${BRACKENHEIM}-x${i}`))) : l));
  await h.repo.replaceLists(2025, next, (current) => ({ next: { ...current, revision: current.revision + 1 }, result: undefined }));
}

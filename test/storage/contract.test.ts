/**
 * The storage contract: every behaviour of the Repository port (src/app/ports.ts), run against both
 * stores – the embedded one in a data directory and PostgreSQL on a throwaway cluster – so that the
 * application cannot tell them apart.
 */
import { IntmApp } from '../../src/app';
import type { CampaignRecord, Repository } from '../../src/app/ports';
import type { AuditEntry } from '../../src/domain/audit';
import { ConflictError, DomainError } from '../../src/domain/errors';
import { countList, type GemeindeListe } from '../../src/domain/list';
import { ExcelWorkbookWriter } from '../../src/excel/workbookWriter';
import { SpreadsheetTableReader } from '../../src/excel/tableReader';
import { LowdbRepository } from '../../src/storage/lowdbRepository';
import { PgRepository } from '../../src/storage/postgres/pgRepository';
import { fixedClock } from '../../src/storage/systemClock';
import { ABSTATT, BRACKENHEIM, coordinator, EPPINGEN, listWith, person, staff, verzeichnis } from '../fixtures';
import { tempDir } from '../harness';
import { PgCluster, postgresAvailable, startPgCluster } from '../pgCluster';
import { rmSync } from 'node:fs';
import { createHash } from 'node:crypto';

type Store = Repository & { documentNames(): Promise<string[]> };

interface StoreKind {
  name: string;
  /** A fresh, empty store; `another` opens a second repository on the same store (as a second instance would). */
  open(): Promise<{ repo: Store; another(): Promise<Store>; cleanup(): Promise<void> }>;
  /** Two repositories may work on the store at the same time (the embedded store's second writer is another process). */
  concurrentInstances: boolean;
}

/** Opens repositories on one store; cleanup closes each, then removes the store (`remove`). */
async function opener(openOne: () => Promise<Store>, remove: () => void = () => undefined) {
  const opened: Store[] = [];
  const another = async () => {
    const repo = await openOne();
    opened.push(repo);
    return repo;
  };
  return {
    repo: await another(),
    another,
    async cleanup() {
      for (const r of opened) await r.close();
      remove();
    },
  };
}

let cluster: PgCluster | undefined;
const withPg = postgresAvailable('storage contract (PostgreSQL)');

const kinds: StoreKind[] = [
  {
    name: 'embedded (data directory)',
    concurrentInstances: false,
    async open() {
      const dir = tempDir();
      return opener(() => LowdbRepository.open(dir), () => rmSync(dir, { recursive: true, force: true }));
    },
  },
  ...(withPg
    ? [
        {
          name: 'PostgreSQL',
          concurrentInstances: true,
          async open() {
            cluster ??= await startPgCluster();
            const url = await cluster.newDatabase();
            return opener(() => PgRepository.open(url));
          },
        } satisfies StoreKind,
      ]
    : []),
];

afterAll(async () => {
  await cluster?.stop();
}, 60_000);

const YEAR = 2025;
const gemeinde = staff(ABSTATT);

function appOn(repo: Repository): IntmApp {
  return new IntmApp({ repo, clock: fixedClock('2024-01-10T09:00:00.000Z'), verzeichnis, tableReader: new SpreadsheetTableReader(), workbooks: new ExcelWorkbookWriter() });
}

function bump(current: CampaignRecord): { next: CampaignRecord; result: undefined } {
  return { next: { ...current, revision: current.revision + 1 }, result: undefined };
}

/** Campaign 2025 and three lists of `n` persons each (`<ags>-<i>`), with the import's first entries. */
async function seed(repo: Repository, n = 4): Promise<void> {
  await appOn(repo).campaigns.create({ year: YEAR, kreisAmount: '1508000' }, { actor: coordinator });
  const lists = [ABSTATT, BRACKENHEIM, EPPINGEN].map((ags) => listWith(ags, Array.from({ length: n }, (_, i) => person(`${ags}-${i + 1}`))));
  await repo.replaceLists(YEAR, lists, bump, lists.map((l) => importEntry(l.ags)));
}

function importEntry(ags: string, revision = 1): AuditEntry {
  return { at: '2024-01-02T08:00:00.000Z', actor: { id: coordinator.id, name: coordinator.name, role: 'koordination' }, action: 'campaign.import', ags, revision };
}

describe.each(kinds)('Repository contract: $name', (kind) => {
  let repo: Store;
  let another: () => Promise<Store>;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ repo, another, cleanup } = await kind.open());
  }, 60_000);
  afterEach(() => cleanup());

  test('campaign record: absent, created, changed; no `next` writes nothing; years are listed in order', async () => {
    expect(await repo.readCampaign(YEAR)).toBeUndefined();
    expect(await repo.years()).toEqual([]);
    const record: CampaignRecord = { campaign: { year: YEAR } as never, revision: 1, events: [] };
    expect(await repo.updateCampaign(YEAR, (current) => ({ next: current ?? record, result: 'made' }))).toBe('made');
    await repo.updateCampaign(2026, () => ({ next: { ...record, revision: 7 }, result: undefined }));
    expect(await repo.readCampaign(YEAR)).toEqual(record);
    expect(await repo.updateCampaign(YEAR, () => ({ result: 'nothing' }))).toBe('nothing');
    expect((await repo.readCampaign(YEAR))?.revision).toBe(1);
    expect(await repo.years()).toEqual([YEAR, 2026]);
    // Read values are shared with other readers: frozen, as the embedded store's are.
    expect(Object.isFrozen(await repo.readCampaign(YEAR))).toBe(true);
  });

  test('concurrent campaign updates each see the one before: none is lost', async () => {
    await repo.updateCampaign(YEAR, () => ({ next: { campaign: { year: YEAR } as never, revision: 0, events: [] }, result: undefined }));
    await Promise.all(Array.from({ length: 20 }, () => repo.updateCampaign(YEAR, (c) => bump(c!))));
    expect((await repo.readCampaign(YEAR))?.revision).toBe(20);
  });

  test('lists: read one or all in AGS order; unknown ones are absent; a year without campaign has none', async () => {
    expect(await repo.readLists(YEAR)).toEqual([]);
    await seed(repo);
    const lists = await repo.readLists(YEAR);
    expect(lists.map((l) => l.ags)).toEqual([ABSTATT, BRACKENHEIM, EPPINGEN]);
    expect(lists[0]).toEqual(listWith(ABSTATT, Array.from({ length: 4 }, (_, i) => person(`${ABSTATT}-${i + 1}`))));
    expect(await repo.readList(YEAR, BRACKENHEIM)).toEqual(lists[1]);
    expect(await repo.readList(YEAR, '08125999')).toBeUndefined();
    expect(await repo.readList(2030, ABSTATT)).toBeUndefined();
    expect((await repo.readCampaign(YEAR))?.generation).toEqual(expect.any(String));
  });

  test('a click is stored with its audit entry; the same operation id again is a replay with the first entry', async () => {
    await seed(repo);
    const app = appOn(repo);
    const first = await app.review.strike(YEAR, ABSTATT, { personId: `${ABSTATT}-1`, reason: 'weggezogen' }, { actor: gemeinde, opId: 'op-1' });
    expect(first).toMatchObject({ changed: true });
    const again = await app.review.strike(YEAR, ABSTATT, { personId: `${ABSTATT}-1`, reason: 'weggezogen' }, { actor: gemeinde, opId: 'op-1' });
    expect(again).toMatchObject({ changed: false, replayed: true });
    const list = (await repo.readList(YEAR, ABSTATT))!;
    expect(list.revision).toBe(2);
    expect(list.persons[0]).toMatchObject({ strike: { reason: 'weggezogen' }, last: { rev: 2, action: 'person.strike', by: { id: gemeinde.id } } });
    expect(list.changeCounts).toEqual({ 'person.strike': 1 });
    const history = await repo.readListHistory(YEAR, ABSTATT);
    expect(history.filter((e) => e.opId === 'op-1')).toHaveLength(1);

    // At the port: a replay names the first entry and hands back the list as it stands, without deciding.
    const decide = jest.fn();
    const outcome = await repo.changeList(YEAR, ABSTATT, { actorId: gemeinde.id, opId: 'op-1' }, decide);
    expect(decide).not.toHaveBeenCalled();
    expect(outcome).toMatchObject({ replayed: true, entry: { action: 'person.strike', opId: 'op-1', subject: `${ABSTATT}-1` }, list: { revision: 2 } });
    // The same id from someone else is another operation.
    const other = await app.review.strike(YEAR, ABSTATT, { personId: `${ABSTATT}-2`, reason: 'weggezogen' }, { actor: coordinator, opId: 'op-1' });
    expect(other).toMatchObject({ changed: true });
  });

  test('a click comes back with the campaign record it was decided against (the answer is built with it, not read again)', async () => {
    await seed(repo);
    const app = appOn(repo);
    const record = (await repo.readCampaign(YEAR))!;
    const outcome = await app.review.strike(YEAR, ABSTATT, { personId: `${ABSTATT}-1`, reason: 'weggezogen' }, { actor: gemeinde, opId: 'with-record' });
    expect(outcome).toMatchObject({ changed: true, list: { revision: 2 } });
    expect(outcome.campaign).toEqual(record);
    // A replay was not decided again: no record comes with it (the answer reads it).
    const again = await app.review.strike(YEAR, ABSTATT, { personId: `${ABSTATT}-1`, reason: 'weggezogen' }, { actor: gemeinde, opId: 'with-record' });
    expect(again).toMatchObject({ replayed: true });
    expect(again.campaign).toBeUndefined();
  });

  test('a change against what changed since is a conflict; a refused change stores nothing', async () => {
    await seed(repo);
    const app = appOn(repo);
    await app.review.strike(YEAR, ABSTATT, { personId: `${ABSTATT}-1`, reason: 'weggezogen' }, { actor: gemeinde, expectedRevision: 0 });
    const err = await app.review.undo(YEAR, ABSTATT, `${ABSTATT}-1`, { actor: gemeinde, expectedRevision: 0 }).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    const refused = await repo
      .changeList(YEAR, ABSTATT, { actorId: 'x', opId: 'refused' }, () => {
        throw new DomainError('list.notFound', { ags: ABSTATT });
      })
      .catch((e) => e);
    expect(refused).toMatchObject({ code: 'list.notFound' });
    // Nothing decided: no change and no entry, and the refused operation id is not used up.
    expect(await repo.changeList(YEAR, ABSTATT, { actorId: 'x', opId: 'refused' }, () => ({ result: 'no change' }))).toMatchObject({ replayed: false, result: 'no change' });
    expect((await repo.readList(YEAR, ABSTATT))?.revision).toBe(2);
    expect(await repo.readListHistory(YEAR, ABSTATT)).toHaveLength(2);
  });

  test('a click on a missing campaign, list or import is refused with the reason', async () => {
    const decide = () => ({ result: undefined });
    await expect(repo.changeList(YEAR, ABSTATT, undefined, decide)).rejects.toMatchObject({ code: 'campaign.notFound' });
    await appOn(repo).campaigns.create({ year: YEAR, kreisAmount: '1508000' }, { actor: coordinator });
    await expect(repo.changeList(YEAR, ABSTATT, undefined, decide)).rejects.toMatchObject({ code: 'campaign.notImported' });
    await repo.replaceLists(YEAR, [listWith(ABSTATT, [person('p1')])], bump);
    await expect(repo.changeList(YEAR, BRACKENHEIM, undefined, decide)).rejects.toMatchObject({ code: 'list.notFound' });
  });

  test('history: every entry oldest first, of one Gemeinde or of all', async () => {
    await seed(repo);
    const app = appOn(repo);
    for (const i of [3, 1, 2]) await app.review.strike(YEAR, ABSTATT, { personId: `${ABSTATT}-${i}`, reason: 'verstorben' }, { actor: gemeinde });
    await app.review.strike(YEAR, BRACKENHEIM, { personId: `${BRACKENHEIM}-1`, reason: 'verstorben' }, { actor: staff(BRACKENHEIM) });
    const mine = await repo.readListHistory(YEAR, ABSTATT);
    expect(mine.map((e) => [e.action, e.subject ?? null, e.revision])).toEqual([
      ['campaign.import', null, 1],
      ['person.strike', `${ABSTATT}-3`, 2],
      ['person.strike', `${ABSTATT}-1`, 3],
      ['person.strike', `${ABSTATT}-2`, 4],
    ]);
    const all = await repo.readListHistory(YEAR);
    expect(all).toHaveLength(4 + 2 + 1);
    expect(all.filter((e) => e.ags === ABSTATT)).toEqual(mine);
    expect(all.filter((e) => e.ags === BRACKENHEIM).map((e) => e.action)).toEqual(['campaign.import', 'person.strike']);
    expect(await repo.readListHistory(2030)).toEqual([]);
  });

  test('replaceLists: all or nothing; the change sees the current lists; the old lists and their history are gone', async () => {
    await seed(repo);
    await appOn(repo).review.strike(YEAR, ABSTATT, { personId: `${ABSTATT}-1`, reason: 'weggezogen' }, { actor: gemeinde, opId: 'old' });
    const before = await repo.readLists(YEAR);
    const generation = (await repo.readCampaign(YEAR))?.generation;
    const replacement = [listWith(ABSTATT, [person('n1'), person('n2')]), listWith(EPPINGEN, [person('n3')])].map((l) => ({ ...l, revision: 5, base: 5 }));
    // Refused inside the change: nothing switched.
    const refused = await repo
      .replaceLists(YEAR, replacement, () => {
        throw new DomainError('campaign.reviewStarted', { count: 1 });
      })
      .catch((e) => e);
    expect(refused).toMatchObject({ code: 'campaign.reviewStarted' });
    expect(await repo.readLists(YEAR)).toEqual(before);
    // No `next`: nothing switched either.
    expect(await repo.replaceLists(YEAR, replacement, () => ({ result: 'kept' }))).toBe('kept');
    expect(await repo.readLists(YEAR)).toEqual(before);

    let seen: GemeindeListe[] = [];
    await repo.replaceLists(
      YEAR,
      replacement,
      (current, currentLists) => {
        seen = currentLists;
        return bump(current);
      },
      [importEntry(ABSTATT, 5), importEntry(EPPINGEN, 5), importEntry(BRACKENHEIM, 5)],
    );
    expect(seen).toEqual(before);
    expect(await repo.readLists(YEAR)).toEqual(replacement);
    expect(await repo.readList(YEAR, BRACKENHEIM)).toBeUndefined();
    const record = (await repo.readCampaign(YEAR))!;
    expect(record.generation).not.toBe(generation);
    expect(record.revision).toBe(3);
    // The history of the new lists only: the import's entries of the lists it holds.
    expect((await repo.readListHistory(YEAR)).map((e) => [e.ags, e.action, e.revision])).toEqual(
      expect.arrayContaining([
        [ABSTATT, 'campaign.import', 5],
        [EPPINGEN, 'campaign.import', 5],
      ]),
    );
    expect(await repo.readListHistory(YEAR)).toHaveLength(2);
    // A click on the new lists goes on from their revision.
    const outcome = await appOn(repo).review.strike(YEAR, ABSTATT, { personId: 'n1', reason: 'weggezogen' }, { actor: gemeinde, opId: 'new' });
    expect(outcome.list.revision).toBe(6);
  });

  test('updateCampaignWithLists: sees every click before it and writes the record', async () => {
    await seed(repo);
    const app = appOn(repo);
    await app.review.strike(YEAR, EPPINGEN, { personId: `${EPPINGEN}-2`, reason: 'doppelt' }, { actor: staff(EPPINGEN) });
    const struck = await repo.updateCampaignWithLists(YEAR, (current, lists) => ({
      next: { ...current, revision: current.revision + 1 },
      result: lists.reduce((s, l) => s + countList(l).struck, 0),
    }));
    expect(struck).toBe(1);
    expect((await repo.readCampaign(YEAR))?.revision).toBe(3);
    await expect(repo.updateCampaignWithLists(2030, (c) => bump(c))).rejects.toMatchObject({ code: 'campaign.notFound' });
  });

  test('purgeLists: the lists, persons and history are gone; the record keeps what the change put in it', async () => {
    await seed(repo);
    await appOn(repo).review.strike(YEAR, ABSTATT, { personId: `${ABSTATT}-1`, reason: 'weggezogen' }, { actor: gemeinde });
    const result = await repo.purgeLists(YEAR, (current, lists) => ({
      next: { ...current, revision: current.revision + 1, purged: { at: '2026-01-05T00:00:00.000Z', by: { id: 'k', name: 'K' }, changes: Object.fromEntries(lists.map((l) => [l.ags, { ...l.changeCounts }])) } },
      result: lists.length,
    }));
    expect(result).toBe(3);
    expect(await repo.readLists(YEAR)).toEqual([]);
    expect(await repo.readList(YEAR, ABSTATT)).toBeUndefined();
    expect(await repo.readListHistory(YEAR)).toEqual([]);
    const record = (await repo.readCampaign(YEAR))!;
    expect(record.generation).toBeUndefined();
    expect(record.purged?.changes[ABSTATT]).toEqual({ 'person.strike': 1 });
    await expect(repo.changeList(YEAR, ABSTATT, undefined, () => ({ result: undefined }))).rejects.toMatchObject({ code: 'campaign.purged' });
  });

  test('decisions: an empty book until written; refused without a campaign; stored as given', async () => {
    expect(await repo.readDecisions(YEAR)).toEqual({ year: YEAR, revision: 0, decisions: {}, events: [] });
    await expect(repo.updateDecisions(YEAR, (book) => ({ next: book, result: undefined }))).rejects.toMatchObject({ code: 'campaign.notFound' });
    await seed(repo);
    const got = await repo.updateDecisions(YEAR, (book, record) => ({ next: { ...book, revision: book.revision + 1 }, result: record.revision }));
    expect(got).toBe(2);
    expect((await repo.readDecisions(YEAR)).revision).toBe(1);
    await Promise.all(Array.from({ length: 10 }, () => repo.updateDecisions(YEAR, (book) => ({ next: { ...book, revision: book.revision + 1 }, result: undefined }))));
    expect((await repo.readDecisions(YEAR)).revision).toBe(11);
  });

  test('named documents: created, changed, listed by name; first writers at once lose nothing; names are checked', async () => {
    expect(await repo.readDocument('roster')).toBeUndefined();
    expect(await repo.documentNames()).toEqual([]);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => repo.updateDocument<{ items: number[] }, void>('roster', (current) => ({ next: { items: [...(current?.items ?? []), i] }, result: undefined }))),
    );
    expect((await repo.readDocument<{ items: number[] }>('roster'))?.items.slice().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await repo.updateDocument('conversations', () => ({ next: { a: 1 }, result: undefined }));
    await repo.updateDocument('reminder-log', () => ({ result: undefined }));
    await seed(repo);
    expect(await repo.documentNames()).toEqual(['conversations', 'roster']);
    // Refused however the store reports it (thrown at once or as a rejected promise).
    await expect(Promise.resolve().then(() => repo.readDocument('../etc'))).rejects.toThrow();
    await expect(Promise.resolve().then(() => repo.updateDocument('Roster', () => ({ result: undefined })))).rejects.toThrow();
  });

  test('many clicks on one list at once, each sent twice: none lost, each audited once', async () => {
    await seed(repo, 40);
    const app = appOn(repo);
    const clerk = staff(BRACKENHEIM);
    const click = (i: number) => app.review.strike(YEAR, BRACKENHEIM, { personId: `${BRACKENHEIM}-${i + 1}`, reason: 'weggezogen' }, { actor: clerk, opId: `s${i}` });
    const outcomes = await Promise.all([...Array.from({ length: 40 }, (_, i) => click(i)), ...Array.from({ length: 40 }, (_, i) => click(i))]);
    expect(outcomes.filter((o) => o.changed)).toHaveLength(40);
    const list = (await repo.readList(YEAR, BRACKENHEIM))!;
    expect(countList(list).struck).toBe(40);
    expect(list.revision).toBe(41);
    expect((await repo.readListHistory(YEAR, BRACKENHEIM)).filter((e) => e.action === 'person.strike')).toHaveLength(40);
  });

  test('a second repository on the same store: sees the first one’s writes at its next read, and an operation id applied there is a replay here', async () => {
    await seed(repo);
    const second = await another();
    // Both have read (and may cache) the list and the roster before the other changes them.
    expect((await second.readList(YEAR, ABSTATT))?.revision).toBe(1);
    expect(await second.readDocument('roster')).toBeUndefined();
    await appOn(repo).review.strike(YEAR, ABSTATT, { personId: `${ABSTATT}-1`, reason: 'weggezogen' }, { actor: gemeinde, opId: 'twice' });
    await repo.updateDocument('roster', () => ({ next: { v: 1 }, result: undefined }));
    expect((await second.readCampaign(YEAR))?.revision).toBe(2);
    await repo.updateCampaign(YEAR, (c) => bump(c!));
    expect((await second.readCampaign(YEAR))?.revision).toBe(3);
    expect((await second.readList(YEAR, ABSTATT))?.revision).toBe(2);
    expect(await second.readDocument('roster')).toEqual({ v: 1 });
    const replay = await appOn(second).review.strike(YEAR, ABSTATT, { personId: `${ABSTATT}-1`, reason: 'weggezogen' }, { actor: gemeinde, opId: 'twice' });
    expect(replay).toMatchObject({ changed: false, replayed: true });
    expect((await repo.readListHistory(YEAR, ABSTATT)).filter((e) => e.opId === 'twice')).toHaveLength(1);
  });

  test('files of a Verwendungsnachweis: stored with their metadata, listed oldest first, read, removed; duplicates and the count limit refused; kept by a purge', async () => {
    const file = (n: number) => {
      const bytes = Buffer.from(`%PDF-1.4\n% Beleg ${n}\n${'x'.repeat(n * 1000)}`);
      return { bytes, meta: { sha256: createHash('sha256').update(bytes).digest('hex'), name: `Beleg ${n}.pdf`, size: bytes.length, uploadedAt: `2026-02-0${n}T10:00:00.000Z`, uploadedBy: { id: 'u-anna', name: 'Anna Beispiel' } } };
    };
    const [a, b, c] = [file(1), file(2), file(3)];
    await expect(repo.addNachweisFile(YEAR, ABSTATT, a.meta, a.bytes, 5)).rejects.toMatchObject({ code: 'campaign.notFound' });
    expect(await repo.nachweisFiles(YEAR, ABSTATT)).toEqual([]);
    expect(await repo.nachweisFileOwners()).toEqual([]);
    await seed(repo);
    expect(await repo.addNachweisFile(YEAR, ABSTATT, b.meta, b.bytes, 2)).toBe('added');
    expect(await repo.addNachweisFile(YEAR, ABSTATT, a.meta, a.bytes, 2)).toBe('added');
    expect(await repo.addNachweisFile(YEAR, ABSTATT, { ...a.meta, name: 'nochmal.pdf' }, a.bytes, 2)).toBe('duplicate');
    expect(await repo.addNachweisFile(YEAR, ABSTATT, c.meta, c.bytes, 2)).toBe('full');
    expect(await repo.addNachweisFile(YEAR, BRACKENHEIM, c.meta, c.bytes, 2)).toBe('added');
    expect(await repo.nachweisFiles(YEAR, ABSTATT)).toEqual([b.meta, a.meta]);
    expect(await repo.readNachweisFile(YEAR, ABSTATT, a.meta.sha256)).toEqual(a.bytes);
    expect(await repo.readNachweisFile(YEAR, ABSTATT, c.meta.sha256)).toBeUndefined();
    expect(await repo.readNachweisFile(YEAR, EPPINGEN, a.meta.sha256)).toBeUndefined();
    expect(await repo.nachweisFileOwners()).toEqual([{ year: YEAR, ags: ABSTATT }, { year: YEAR, ags: BRACKENHEIM }]);
    // Another instance sees them at once.
    expect(await (await another()).nachweisFiles(YEAR, ABSTATT)).toEqual([b.meta, a.meta]);
    // The Nachweis is evidence the state pays against: deleting the year's personal data keeps its files.
    await repo.purgeLists(YEAR, (current) => ({ next: { ...current, purged: { at: '2026-03-01T00:00:00.000Z', by: { id: 'k', name: 'K' }, changes: {} } }, result: undefined }));
    expect(await repo.readNachweisFile(YEAR, ABSTATT, b.meta.sha256)).toEqual(b.bytes);
    expect(await repo.removeNachweisFile(YEAR, ABSTATT, b.meta.sha256)).toBe(true);
    expect(await repo.removeNachweisFile(YEAR, ABSTATT, b.meta.sha256)).toBe(false);
    expect(await repo.readNachweisFile(YEAR, ABSTATT, b.meta.sha256)).toBeUndefined();
    expect(await repo.nachweisFiles(YEAR, ABSTATT)).toEqual([a.meta]);
    expect(await repo.removeNachweisFile(YEAR, BRACKENHEIM, c.meta.sha256)).toBe(true);
    expect(await repo.nachweisFileOwners()).toEqual([{ year: YEAR, ags: ABSTATT }]);
  });

  test('files of a Verwendungsnachweis added at once: the count limit and the duplicate check hold', async () => {
    await seed(repo);
    const uploads = Array.from({ length: 8 }, (_, i) => Buffer.from(`%PDF-1.7\n${i % 4}`));
    const meta = (bytes: Buffer) => ({ sha256: createHash('sha256').update(bytes).digest('hex'), name: 'x.pdf', size: bytes.length, uploadedAt: '2026-02-01T10:00:00.000Z', uploadedBy: { id: 'u', name: 'U' } });
    const second = kind.concurrentInstances ? await another() : repo;
    const outcomes = await Promise.all(uploads.map((bytes, i) => (i % 2 ? second : repo).addNachweisFile(YEAR, EPPINGEN, meta(bytes), bytes, 3)));
    expect(outcomes.filter((o) => o === 'added')).toHaveLength(3);
    expect(await repo.nachweisFiles(YEAR, EPPINGEN)).toHaveLength(3);
  });

  (kind.concurrentInstances ? test : test.skip)('two instances at once: the same operations through both are each applied once, no click lost', async () => {
    await seed(repo, 30);
    const second = await another();
    const apps = [appOn(repo), appOn(second)];
    const clicks = Array.from({ length: 30 }, (_, i) => i).flatMap((i) =>
      apps.map((app) => app.review.strike(YEAR, EPPINGEN, { personId: `${EPPINGEN}-${i + 1}`, reason: 'weggezogen' }, { actor: staff(EPPINGEN), opId: `both-${i}` })),
    );
    const outcomes = await Promise.all(clicks);
    expect(outcomes.filter((o) => o.changed)).toHaveLength(30);
    expect(outcomes.filter((o) => !o.changed && o.replayed)).toHaveLength(30);
    const list = (await second.readList(YEAR, EPPINGEN))!;
    expect(list.revision).toBe(31);
    expect(countList(list).struck).toBe(30);
    expect(await repo.readList(YEAR, EPPINGEN)).toEqual(list);
    expect((await repo.readListHistory(YEAR, EPPINGEN)).filter((e) => e.action === 'person.strike')).toHaveLength(30);
  });
});

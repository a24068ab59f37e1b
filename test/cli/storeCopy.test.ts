/**
 * `intm store copy` and intm on PostgreSQL, through the command line as an operator runs it: a data
 * directory to PostgreSQL and back holds the same, a non-empty target is refused and left alone, and
 * the configured store decides where intm works (INTM_DATABASE_URL, never together with --data-dir).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { IntmApp } from '../../src/app';
import { contentsOf } from '../../src/app/storeCopy';
import { runCli } from '../../src/cli/main';
import { ExcelWorkbookWriter } from '../../src/excel/workbookWriter';
import { SpreadsheetTableReader } from '../../src/excel/tableReader';
import { LowdbRepository } from '../../src/storage/lowdbRepository';
import { DATABASE_SCHEMA_VERSION } from '../../src/storage/postgres/migrations';
import { openStore, storeAt } from '../../src/storage/stores';
import { fixedClock } from '../../src/storage/systemClock';
import { ABSTATT, BRACKENHEIM, coordinator, listWith, person, staff, verzeichnis } from '../fixtures';
import { openHarness, seed, tempDir } from '../harness';
import { PgCluster, postgresAvailable, startPgCluster } from '../pgCluster';

const clock = fixedClock('2024-01-10T09:00:00.000Z');
const withPg = postgresAvailable('intm store copy (PostgreSQL)');

async function intm(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    { out: (t) => out.push(t), err: (t) => err.push(t), env: { INTM_USER: 'kora', ...env } },
    { openApp: async (where) => new IntmApp({ repo: await openStore(storeAt(where)), clock, verzeichnis, tableReader: new SpreadsheetTableReader(), workbooks: new ExcelWorkbookWriter() }) },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A data directory as a year's review leaves it: lists with clicks, a decision, the roster, a named document. */
async function workedOnDataDir(): Promise<string> {
  const h = await openHarness();
  await seed(h, 7);
  await h.app.review.strike(2025, ABSTATT, { personId: `${ABSTATT}-1`, reason: 'weggezogen' }, { actor: staff(ABSTATT), opId: 'k1' });
  await h.app.review.addChild(2025, BRACKENHEIM, { parentId: `${BRACKENHEIM}-2`, surname: 'Kind', givenName: 'Lina', birthDate: '2022-05-05' }, { actor: staff(BRACKENHEIM) });
  await h.app.review.submit(2025, ABSTATT, { actor: staff(ABSTATT) });
  await h.app.decisions.decide(2025, { ags: ABSTATT, choice: 'eigenstaendig', vzae: '1', eigenmittel: '12345' }, { actor: coordinator });
  await h.app.roster.assign({ aadObjectId: '00000000-0000-4000-8000-0000000000aa', name: 'Sam Sachbearbeitung', role: 'gemeinde', ags: ABSTATT }, coordinator);
  await h.repo.updateDocument('conversations', () => ({ next: { channel: { id: '19:abc' } }, result: undefined }));
  // An earlier year whose personal data is deleted: its record with the kept figures only.
  await h.repo.updateCampaign(2024, () => ({ next: { campaign: { year: 2024 } as never, revision: 1, events: [] }, result: undefined }));
  await h.repo.replaceLists(2024, [listWith(ABSTATT, [person('alt-1')])], (c) => ({ next: c, result: undefined }));
  await h.repo.purgeLists(2024, (c) => ({ next: { ...c, purged: { at: '2025-01-02T00:00:00.000Z', by: { id: 'k', name: 'K' }, changes: { [ABSTATT]: { 'campaign.import': 1 } } } }, result: undefined }));
  // Files of Verwendungsnachweise, one of them of the purged year (they are kept as evidence).
  for (const [year, ags, text] of [[2025, ABSTATT, 'Sachbericht'], [2025, ABSTATT, 'Beleg'], [2024, BRACKENHEIM, 'Alt']] as const) {
    const bytes = Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`);
    const file = { sha256: createHash('sha256').update(bytes).digest('hex'), name: `${text}.pdf`, size: bytes.length, uploadedAt: '2026-02-01T10:00:00.000Z', uploadedBy: { id: 'u', name: 'Sam' } };
    await h.repo.addNachweisFile(year, ags, file, bytes, 20);
  }
  await h.app.close();
  return h.dataDir;
}

async function contents(where: string) {
  const repo = await openStore(storeAt(where));
  try {
    return await contentsOf(repo, { verzeichnis, clock });
  } finally {
    await repo.close();
  }
}

(withPg ? describe : describe.skip)('intm store copy and intm on PostgreSQL', () => {
  let cluster: PgCluster;
  const dirs: string[] = [];
  beforeAll(async () => {
    cluster = await startPgCluster();
  }, 120_000);
  afterAll(async () => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await cluster?.stop();
  }, 60_000);

  test('data directory → PostgreSQL → data directory: the same everywhere, with a summary', async () => {
    const source = await workedOnDataDir();
    const back = path.join(tempDir(), 'zurueck');
    dirs.push(source, path.dirname(back));
    const url = await cluster.newDatabase();

    const there = await intm(['store', 'copy', '--from', source, '--to', url]);
    expect(there).toMatchObject({ code: 0, err: '' });
    expect(there.out).toContain('2 Jahr(e) (2024, 2025)');
    expect(there.out).toContain(`${46 * 7 + 1} Personen`);
    expect(there.out).toContain('Zuteilung zusammen 1.508.000\u00a0€');
    expect(there.out).toContain('Quelle und Ziel stimmen überein');
    expect(there.out).toContain('3 Datei(en) zu Verwendungsnachweisen');
    expect(there.out).not.toContain('postgres:postgres');

    const home = await intm(['store', 'copy', '--from', url, '--to', back]);
    expect(home).toMatchObject({ code: 0, err: '' });

    const [a, b, c] = [await contents(source), await contents(url), await contents(back)];
    expect(a.summary).toMatchObject({ years: [2024, 2025], persons: 46 * 7 + 1, changes: 3, documents: 2, files: 3, allocation: '1508000.00' });
    expect(b.parts).toEqual(a.parts);
    expect(c.parts).toEqual(a.parts);
    expect(JSON.parse(a.parts.get(`Dateien zum Verwendungsnachweis 2025 ${ABSTATT}`)!).map((f: { name: string }) => f.name)).toEqual(['Sachbericht.pdf', 'Beleg.pdf']);
    // The comparison reads the bytes back: a file changed on the way is a difference.
    const filesDir = path.join(back, '2025', 'nachweis-dateien', ABSTATT);
    writeFileSync(path.join(filesDir, readdirSync(filesDir).find((n) => n.endsWith('.pdf'))!), '%PDF-1.7\nanders\n');
    expect((await contents(back)).parts.get(`Dateien zum Verwendungsnachweis 2025 ${ABSTATT}`)).not.toBe(a.parts.get(`Dateien zum Verwendungsnachweis 2025 ${ABSTATT}`));
    expect(a.parts.get('Listen 2024')).toBe('[]');
    expect(JSON.parse(a.parts.get('Kampagne 2024')!).purged.changes).toEqual({ [ABSTATT]: { 'campaign.import': 1 } });
    expect([...a.parts.keys()]).toEqual(expect.arrayContaining(['Kampagne 2025', 'Listen 2025', 'Änderungsprotokoll 2025', 'Entscheidungen 2025', 'Zuteilung 2025', 'Dokument roster', 'Dokument conversations']));

    // intm works on the copy through INTM_DATABASE_URL: the click made in the data directory is there.
    const status = await intm(['audit', '--year', '2025', '--ags', ABSTATT, '--json'], { INTM_DATABASE_URL: url });
    expect(status.code).toBe(0);
    expect(status.out).toContain('person.strike');
  });

  test('a target that holds data is refused and left as it was; so is a folder with other files', async () => {
    const source = await workedOnDataDir();
    dirs.push(source);
    const url = await cluster.newDatabase();
    expect((await intm(['store', 'copy', '--from', source, '--to', url])).code).toBe(0);
    const before = await contents(url);
    const again = await intm(['store', 'copy', '--from', source, '--to', url]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('enthält bereits Daten');
    expect(again.err).toContain('Jahre 2024, 2025');
    expect(again.err).not.toMatch(/at .*\.ts|error:/i);
    expect((await contents(url)).parts).toEqual(before.parts);

    // Back into a data directory that holds a year already.
    const full = await intm(['store', 'copy', '--from', url, '--to', source]);
    expect(full.code).toBe(1);
    expect(full.err).toContain('enthält bereits Daten');

    const other = tempDir();
    dirs.push(other);
    writeFileSync(path.join(other, 'notizen.txt'), 'privat');
    const foreign = await intm(['store', 'copy', '--from', url, '--to', other]);
    expect(foreign.code).toBe(1);
    expect(foreign.err).toContain('enthält andere Dateien');
    expect(existsSync(path.join(other, 'meta.json'))).toBe(false);

    const missing = await intm(['store', 'copy', '--from', path.join(other, 'gibt-es-nicht'), '--to', url]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('kein Datenverzeichnis');
    expect((await intm(['store', 'copy', '--from', url])).code).toBe(2);
  });

  test('intm with INTM_DATABASE_URL: --data-dir is refused; migrate reports the schema; a year is created in the database', async () => {
    const url = await cluster.newDatabase();
    const both = await intm(['--data-dir', '/tmp/x', 'status'], { INTM_DATABASE_URL: url });
    expect(both.code).toBe(1);
    expect(both.err).toContain('--data-dir passt nicht dazu');

    const migrated = await intm(['migrate'], { INTM_DATABASE_URL: url });
    expect(migrated).toMatchObject({ code: 0, err: '' });
    expect(migrated.out).toContain(`angewendet (jetzt ${DATABASE_SCHEMA_VERSION})`);
    expect((await intm(['migrate'], { INTM_DATABASE_URL: url })).out).toContain('aktuell');

    const created = await intm(['campaign', 'create', '--year', '2025', '--kreis-amount', '1508000'], { INTM_DATABASE_URL: url });
    expect(created.code).toBe(0);
    expect((await contents(url)).summary.years).toEqual([2025]);

    const down = await intm(['status'], { INTM_DATABASE_URL: 'postgres://postgres:geheim@127.0.0.1:1/intm' });
    expect(down.code).toBe(1);
    expect(down.err).toContain('Die Datenbank ist nicht erreichbar');
    expect(down.err).not.toContain('geheim');
  });
});

describe('intm store copy between data directories (no server needed)', () => {
  test('copies into a new directory and refuses the same store as target', async () => {
    const source = await workedOnDataDir();
    const target = path.join(tempDir(), 'neu');
    try {
      const copied = await intm(['store', 'copy', '--from', source, '--to', target]);
      expect(copied).toMatchObject({ code: 0, err: '' });
      expect((await contents(target)).parts).toEqual((await contents(source)).parts);
      const same = await intm(['store', 'copy', '--from', source, '--to', source]);
      expect(same.code).toBe(1);
      expect(same.err).toContain('derselbe Speicher');
      mkdirSync(path.join(path.dirname(target), 'leer'));
      expect((await intm(['store', 'copy', '--from', source, '--to', path.join(path.dirname(target), 'leer')])).code).toBe(0);
      await (await LowdbRepository.open(target)).close();
    } finally {
      rmSync(source, { recursive: true, force: true });
      rmSync(path.dirname(target), { recursive: true, force: true });
    }
  });
});

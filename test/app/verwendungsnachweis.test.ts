/**
 * The Verwendungsnachweis round through the application service, on both stores: open, draft, submit,
 * return, resubmit, accept; the Landkreis' own figures; privacy; the audit trail; a second
 * repository on the same store sees what was stored.
 */
import { rmSync } from 'node:fs';
import { IntmApp } from '../../src/app';
import type { Repository } from '../../src/app/ports';
import { VerwendungsnachweisService } from '../../src/app/verwendungsnachweisService';
import { SpreadsheetTableReader } from '../../src/excel/tableReader';
import { ExcelWorkbookWriter } from '../../src/excel/workbookWriter';
import { LowdbRepository } from '../../src/storage/lowdbRepository';
import { PgRepository } from '../../src/storage/postgres/pgRepository';
import { fixedClock } from '../../src/storage/systemClock';
import { ABSTATT, BRACKENHEIM, COMPLETE_NACHWEIS as complete, coordinator, EPPINGEN, listWith, person, refusalOf, staff, verzeichnis } from '../fixtures';
import { tempDir } from '../harness';
import { PgCluster, postgresAvailable, startPgCluster } from '../pgCluster';

const OTHER = '08125005';
const YEAR = 2025;
let cluster: PgCluster | undefined;
const withPg = postgresAvailable('Verwendungsnachweis (PostgreSQL)');

interface Store {
  open(): Promise<Repository>;
  cleanup(): void;
}

const stores: { name: string; make(): Promise<Store> }[] = [
  {
    name: 'embedded',
    async make() {
      const dir = tempDir();
      return { open: () => LowdbRepository.open(dir), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  ...(withPg
    ? [
        {
          name: 'PostgreSQL',
          async make() {
            cluster ??= await startPgCluster();
            const url = await cluster.newDatabase();
            return { open: () => PgRepository.open(url), cleanup: () => undefined };
          },
        },
      ]
    : []),
];

afterAll(async () => {
  await cluster?.stop();
}, 60_000);

const refusal = refusalOf;


describe.each(stores)('Verwendungsnachweis round: $name', (kind) => {
  let store: Store;
  let repos: Repository[];
  let app: IntmApp;
  const clock = fixedClock('2024-01-10T09:00:00.000Z');

  beforeEach(async () => {
    store = await kind.make();
    repos = [await store.open()];
    clock.set('2024-01-10T09:00:00.000Z');
    app = new IntmApp({ repo: repos[0], clock, verzeichnis, tableReader: new SpreadsheetTableReader(), workbooks: new ExcelWorkbookWriter() });
    await app.campaigns.create({ year: YEAR, kreisAmount: '1508000' }, { actor: coordinator });
    const lists = verzeichnis.all.map((g) => listWith(g.ags, Array.from({ length: 5 }, (_, i) => person(`${g.ags}-${i + 1}`))));
    await repos[0].replaceLists(YEAR, lists, (current) => ({ next: { ...current, revision: current.revision + 1 }, result: undefined }));
    await app.decisions.decide(YEAR, { ags: ABSTATT, choice: 'eigenstaendig', vzae: '0.5', eigenmittel: '1000' }, { actor: staff(ABSTATT) });
    await app.decisions.decide(YEAR, { ags: BRACKENHEIM, choice: 'verbund', vzae: '1', partners: [EPPINGEN] }, { actor: staff(BRACKENHEIM) });
    await app.decisions.confirm(YEAR, { ags: EPPINGEN, lead: BRACKENHEIM }, { actor: staff(EPPINGEN) });
  }, 120_000);

  afterEach(async () => {
    for (const r of repos) await r.close();
    store.cleanup();
  });

  test('open, draft, submit, return, resubmit, accept – audited and stored for every instance', async () => {
    expect(await refusal(app.verwendungsnachweis.open(YEAR, { deadline: '2026-03-31' }, { actor: coordinator }))).toBe('vn.yearNotOver');
    clock.set('2026-01-15T09:00:00.000Z');
    expect(await refusal(app.verwendungsnachweis.open(YEAR, { deadline: '2026-03-31' }, { actor: staff(ABSTATT) }))).toBe('auth.koordinationOnly');
    const round = await app.verwendungsnachweis.open(YEAR, { deadline: '2026-03-31' }, { actor: coordinator });
    expect(Object.keys(round.nachweise)).toHaveLength(45); // 46 Gemeinden, one Verbund of two
    expect(round.nachweise[ABSTATT]).toMatchObject({ kind: 'eigen', state: 'offen', allocations: { [ABSTATT]: '32783.00' } });
    expect(round.nachweise[BRACKENHEIM].members).toEqual([BRACKENHEIM, EPPINGEN]);
    expect(round.nachweise[OTHER].kind).toBe('landkreis');
    expect(await refusal(app.verwendungsnachweis.open(YEAR, { deadline: '2026-03-31' }, { actor: coordinator }))).toBe('vn.alreadyOpen');

    const gemeinde = { actor: staff(ABSTATT) };
    const draft = await app.verwendungsnachweis.save(YEAR, ABSTATT, { personnel: '30000' }, gemeinde);
    expect(draft.view.nachweis.state).toBe('in_bearbeitung');
    expect(draft.view.findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
    expect(await refusal(app.verwendungsnachweis.submit(YEAR, ABSTATT, gemeinde))).toBe('vn.missing');
    expect(await refusal(app.verwendungsnachweis.save(YEAR, ABSTATT, { other: 'abc' }, gemeinde))).toBe('vn.notANumber');
    // A stale card (an older revision) is refused instead of overwriting unseen.
    expect(await refusal(app.verwendungsnachweis.save(YEAR, ABSTATT, { other: '1' }, { ...gemeinde, expectedRevision: 1 }))).toBe('conflict.staleRevision');

    const saved = await app.verwendungsnachweis.save(YEAR, ABSTATT, complete, { ...gemeinde, opId: 'op-1' });
    expect(saved.view.findings.map((f) => f.code)).toEqual(['vn.expenditureBelowAllocation']);
    expect(saved.view.totals.reclaim.toFixed(2)).toBe('1282.50');
    // The same operation again (a retried click) is applied once.
    expect((await app.verwendungsnachweis.save(YEAR, ABSTATT, { personnel: '1' }, { ...gemeinde, opId: 'op-1' })).replayed).toBe(true);

    await app.verwendungsnachweis.submit(YEAR, ABSTATT, gemeinde);
    expect(await refusal(app.verwendungsnachweis.save(YEAR, ABSTATT, { other: '1' }, gemeinde))).toBe('vn.locked');
    expect(await refusal(app.verwendungsnachweis.accept(YEAR, ABSTATT, gemeinde))).toBe('auth.koordinationOnly');
    const returned = await app.verwendungsnachweis.returnWithQuestion(YEAR, ABSTATT, 'Bitte die sonstigen Ausgaben erläutern.', { actor: coordinator });
    expect(returned.view.nachweis).toMatchObject({ state: 'zurueckgegeben', question: { text: 'Bitte die sonstigen Ausgaben erläutern.' } });
    // The Gemeinde sees the question on its Nachweis.
    expect((await app.verwendungsnachweis.show(YEAR, ABSTATT, staff(ABSTATT))).nachweis.question?.text).toBe('Bitte die sonstigen Ausgaben erläutern.');
    await app.verwendungsnachweis.save(YEAR, ABSTATT, { other: '2783' }, gemeinde);
    await app.verwendungsnachweis.submit(YEAR, ABSTATT, gemeinde);
    const accepted = await app.verwendungsnachweis.accept(YEAR, ABSTATT, { actor: coordinator });
    expect(accepted.view.nachweis.state).toBe('angenommen');
    expect(accepted.view.findings).toEqual([]);

    // Another repository on the same store (a second instance, or the CLI beside the bot) sees it all.
    repos.push(await store.open());
    const other = new IntmApp({ repo: repos[1], clock, verzeichnis, tableReader: new SpreadsheetTableReader(), workbooks: new ExcelWorkbookWriter() });
    const again = await other.verwendungsnachweis.round(YEAR);
    expect(again!.nachweise[ABSTATT].state).toBe('angenommen');
    expect(again!.events.map((e) => [e.action, e.actor.role])).toEqual([
      ['vn.open', 'koordination'],
      ['vn.save', 'gemeinde'],
      ['vn.save', 'gemeinde'],
      ['vn.submit', 'gemeinde'],
      ['vn.return', 'koordination'],
      ['vn.save', 'gemeinde'],
      ['vn.submit', 'gemeinde'],
      ['vn.accept', 'koordination'],
    ]);
    expect(again!.events.every((e) => e.at && e.actor.name)).toBe(true);
  }, 120_000);

  test("privacy: a Nachweis is read by its own Gemeinde (and Verbund partners) and the Koordinierungsstelle only; the Landkreis' figures", async () => {
    clock.set('2026-01-15T09:00:00.000Z');
    await app.verwendungsnachweis.open(YEAR, { deadline: '2026-03-31', keyFigures: ['Beratene Personen'] }, { actor: coordinator });
    await app.verwendungsnachweis.save(YEAR, ABSTATT, { personnel: '100' }, { actor: staff(ABSTATT) });
    expect(await refusal(app.verwendungsnachweis.show(YEAR, ABSTATT, staff(BRACKENHEIM)))).toBe('auth.otherGemeinde');
    expect(await refusal(app.verwendungsnachweis.save(YEAR, ABSTATT, { personnel: '1' }, { actor: staff(BRACKENHEIM) }))).toBe('auth.otherGemeinde');
    expect(await refusal(app.verwendungsnachweis.status(YEAR, staff(ABSTATT)))).toBe('auth.koordinationOnly');
    expect(await refusal(app.verwendungsnachweis.exportWorkbook(YEAR, '/nonexistent/x.xlsx', staff(ABSTATT)))).toBe('auth.koordinationOnly');
    expect((await app.verwendungsnachweis.show(YEAR, ABSTATT, coordinator)).nachweis.data.personnel).toBe('100.00');
    const partnerView = await app.verwendungsnachweis.show(YEAR, EPPINGEN, staff(EPPINGEN));
    expect(partnerView).toMatchObject({ nachweis: { ags: BRACKENHEIM }, editable: false });
    expect(await refusal(app.verwendungsnachweis.save(YEAR, BRACKENHEIM, { personnel: '1' }, { actor: staff(EPPINGEN) }))).toBe('vn.leadOnly');

    expect(await refusal(app.verwendungsnachweis.landkreis(YEAR, OTHER, { personnel: '1' }, { actor: staff(OTHER) }))).toBe('auth.koordinationOnly');
    const lk = await app.verwendungsnachweis.landkreis(
      YEAR,
      OTHER,
      { personnel: '30000', other: '2782.61', months: Array(12).fill('0.5'), figures: { 'Beratene Personen': 12 } },
      { actor: coordinator },
    );
    expect(lk.view.nachweis.state).toBe('angenommen');
    expect(lk.view.editable).toBe(true);
    expect((await app.verwendungsnachweis.show(YEAR, OTHER, staff(OTHER))).editable).toBe(false);

    const { rows } = await app.verwendungsnachweis.status(YEAR, coordinator);
    expect(rows).toHaveLength(46);
    expect(rows.find((r) => r.ags === EPPINGEN)).toEqual({ ags: EPPINGEN, filedBy: BRACKENHEIM, kind: 'eigen', state: 'offen', overdue: false });
    expect(rows.find((r) => r.ags === ABSTATT)?.state).toBe('in_bearbeitung');
    expect(rows.find((r) => r.ags === OTHER)?.state).toBe('angenommen');
    expect(VerwendungsnachweisService.likelyReclaim((await app.verwendungsnachweis.round(YEAR))!).toFixed(2)).not.toBe('0.00');
  }, 120_000);
});

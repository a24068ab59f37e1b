/** The application services as every front end uses them: import, re-import, publication, rights. */
import path from 'node:path';
import { syntheticCsv, syntheticExport } from '../../src/demo/syntheticExport';
import { IntmApp } from '../../src/app';
import { countList, versionOf } from '../../src/domain/list';
import { SpreadsheetTableReader } from '../../src/excel/tableReader';
import { ExcelWorkbookWriter } from '../../src/excel/workbookWriter';
import { ABSTATT, BRACKENHEIM, coordinator, refusalOf, staff, verzeichnis } from '../fixtures';
import { Harness, openHarness } from '../harness';

let h: Harness;
const exp = syntheticExport({ seed: 3, gemeinden: verzeichnis.all, period: { start: '2020-01-01', end: '2022-12-31' }, persons: 920 });
const csv = syntheticCsv(exp, { delimiter: ';', encoding: 'utf8' });

beforeEach(async () => {
  h = await openHarness();
  await h.app.campaigns.create({ year: 2025, kreisAmount: '1508000' }, { actor: coordinator });
});
afterEach(() => h.cleanup());

const refusal = refusalOf;

test('import stores one list per Gemeinde (all 46) with an audit entry each', async () => {
  const report = await h.app.imports.importStep1(2025, csv, 'export.csv', { actor: coordinator });
  expect(report.stored).toBe(true);
  const lists = await h.repo.readLists(2025);
  expect(lists).toHaveLength(46);
  for (const list of lists) {
    expect(countList(list).listed).toBe(exp.expected.byAgs[list.ags] ?? 0);
    expect((await h.repo.readListHistory(2025, list.ags))[0]).toMatchObject({ action: 'campaign.import', ags: list.ags });
    expect(list.changeCounts).toEqual({ 'campaign.import': 1 });
  }
  const record = await h.app.campaigns.show(2025);
  expect(record.imported).toMatchObject({ persons: exp.expected.inside, leftOut: exp.expected.outside, fileName: 'export.csv' });
});

test('only the Koordinierungsstelle imports; a bad file stores nothing', async () => {
  expect(await refusal(h.app.imports.importStep1(2025, csv, 'export.csv', { actor: staff(ABSTATT) }))).toBe('auth.koordinationOnly');
  const bad = Buffer.from('AGS;Gemeinde;Personen-ID;Nachname;Vorname;Geburtsdatum;Zuweisungsdatum;Zugangsart\n08125001;Abstatt;A1;X;Y;01.01.2030;01.01.2021;Zuweisung\n');
  const report = await h.app.imports.importStep1(2025, bad, 'bad.csv', { actor: coordinator });
  expect(report.stored).toBe(false);
  expect(await h.repo.readLists(2025)).toEqual([]);
});

test('a re-import after the Gemeinden started needs replace, and is audited with what it discarded', async () => {
  await h.app.imports.importStep1(2025, csv, 'export.csv', { actor: coordinator });
  const first = exp.persons.find((p) => p.ags === ABSTATT && p.assignmentDate >= '2020-01-01' && p.assignmentDate <= '2022-12-31')!;
  await h.app.review.strike(2025, ABSTATT, { personId: first.id, reason: 'weggezogen' }, { actor: staff(ABSTATT) });
  expect(await refusal(h.app.imports.importStep1(2025, csv, 'export2.csv', { actor: coordinator }))).toBe('campaign.reviewStarted');
  expect(countList((await h.repo.readList(2025, ABSTATT))!).struck).toBe(1);
  await h.app.imports.importStep1(2025, csv, 'export2.csv', { actor: coordinator, replace: true });
  expect(countList((await h.repo.readList(2025, ABSTATT))!).struck).toBe(0);
  const audit = await h.app.audit.entries(2025, { actor: coordinator });
  expect(audit.filter((e) => e.action === 'campaign.import' && !e.ags).at(-1)!.after).toMatchObject({ verworfeneBearbeitungen: 1, datei: 'export2.csv' });
});

test('a card from before a re-import conflicts: the new lists start above every version the old ones had', async () => {
  await h.app.imports.importStep1(2025, csv, 'export.csv', { actor: coordinator });
  const inPeriod = exp.persons.filter((p) => p.ags === ABSTATT && p.assignmentDate >= '2020-01-01' && p.assignmentDate <= '2022-12-31');
  const [a, b] = inPeriod;
  // A card shows person b as imported: version 0. Then person a is struck, and the year re-imported.
  await h.app.review.strike(2025, ABSTATT, { personId: a.id, reason: 'weggezogen' }, { actor: staff(ABSTATT), expectedRevision: 0 });
  await h.app.imports.importStep1(2025, csv, 'export2.csv', { actor: coordinator, replace: true });
  const list = (await h.repo.readList(2025, ABSTATT))!;
  expect(list.base).toBe(3);
  expect(list.revision).toBe(3);
  expect((await h.repo.readListHistory(2025, ABSTATT)).map((e) => [e.action, e.revision])).toEqual([['campaign.import', 3]]);
  // The old card's click is refused, not applied to the new list; the new card's (version 3) is.
  const stale = await h.app.review.strike(2025, ABSTATT, { personId: b.id, reason: 'weggezogen' }, { actor: staff(ABSTATT), expectedRevision: 0 }).catch((e) => e);
  expect(stale).toMatchObject({ code: 'conflict.staleRevision' });
  const current = await h.app.review.strike(2025, ABSTATT, { personId: b.id, reason: 'weggezogen' }, { actor: staff(ABSTATT), expectedRevision: versionOf(list, { kind: 'person', personId: b.id }) });
  expect(current.changed).toBe(true);
  expect(current.list.revision).toBe(4);
});

test('publish: refused while provisional unless forced; the published figures are kept', async () => {
  await h.app.imports.importStep1(2025, csv, 'export.csv', { actor: coordinator });
  expect(await refusal(h.app.campaigns.publish(2025, { actor: coordinator }))).toBe('publish.provisional');
  expect(await refusal(h.app.campaigns.publish(2025, { actor: staff(ABSTATT), force: true }))).toBe('auth.koordinationOnly');
  for (const g of verzeichnis.all) await h.app.review.submit(2025, g.ags, { actor: staff(g.ags) });
  const { report } = await h.app.campaigns.publish(2025, { actor: coordinator });
  expect(report.provisional).toBe(false);
  const record = await h.app.campaigns.show(2025);
  expect(record.published!.report.totals.amount).toBe('1508000.00');
  // After publication the Gemeinde can no longer change its list (the figures are final).
  await h.app.review.reopen(2025, ABSTATT, {}, { actor: coordinator });
  const id = (await h.repo.readList(2025, ABSTATT))!.persons[0].id;
  expect(await refusal(h.app.review.strike(2025, ABSTATT, { personId: id, reason: 'weggezogen' }, { actor: staff(ABSTATT) }))).toBe('list.published');
});

test('publish reads the lists under their lock: a change another process is storing is waited for', async () => {
  await h.app.imports.importStep1(2025, csv, 'export.csv', { actor: coordinator });
  // Another process (an `intm` next to the bot) holds the year's lists lock while it stores a change.
  const { spawn } = await import('node:child_process');
  const { mkdirSync, symlinkSync, unlinkSync } = await import('node:fs');
  const os = await import('node:os');
  const other = spawn('sleep', ['30']);
  const lock = path.join(h.dataDir, 'locks', '2025-lists.lock');
  try {
    mkdirSync(path.dirname(lock), { recursive: true });
    symlinkSync(`${other.pid}\n${os.hostname()}\n`, lock);
    let done = false;
    const publishing = h.app.campaigns.publish(2025, { actor: coordinator, force: true }).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 500));
    expect(done).toBe(false);
    unlinkSync(lock);
    await publishing;
    expect(done).toBe(true);
  } finally {
    other.kill();
  }
});

test('a provisional publication leaves open lists to their Gemeinde until the due date; a final one closes them', async () => {
  await h.app.imports.importStep1(2025, csv, 'export.csv', { actor: coordinator });
  for (const g of verzeichnis.all.filter((g) => g.ags !== ABSTATT)) await h.app.review.submit(2025, g.ags, { actor: staff(g.ags) });
  const { report } = await h.app.campaigns.publish(2025, { actor: coordinator, force: true });
  expect(report.provisional).toBe(true);
  // 10.01.2024, the list is due 15.01.2024: Abstatt still strikes and submits.
  const id = (await h.repo.readList(2025, ABSTATT))!.persons[0].id;
  expect((await h.app.review.strike(2025, ABSTATT, { personId: id, reason: 'weggezogen' }, { actor: staff(ABSTATT) })).changed).toBe(true);
  expect((await h.app.review.submit(2025, ABSTATT, { actor: staff(ABSTATT) })).changed).toBe(true);
  // Published again (with a reason), now final: a list the Koordinierungsstelle reopens stays closed to the Gemeinde – and no reminder asks it to submit.
  expect((await h.app.campaigns.publish(2025, { actor: coordinator, reason: 'alle Listen eingereicht' })).report.provisional).toBe(false);
  await h.app.review.reopen(2025, ABSTATT, {}, { actor: coordinator });
  const other = (await h.repo.readList(2025, ABSTATT))!.persons[1].id;
  expect(await refusal(h.app.review.strike(2025, ABSTATT, { personId: other, reason: 'weggezogen' }, { actor: staff(ABSTATT) }))).toBe('list.published');
  await h.app.review.markSent(2025, ABSTATT, { actor: coordinator });
  expect((await h.app.reminders.due(2025, [7, 1], true)).filter((r) => r.kind === 'review')).toEqual([]);
});

test('review reminders go to an open list after a provisional publication', async () => {
  await h.app.imports.importStep1(2025, csv, 'export.csv', { actor: coordinator });
  await h.app.review.markSent(2025, ABSTATT, { actor: coordinator });
  await h.app.campaigns.publish(2025, { actor: coordinator, force: true });
  expect((await h.app.reminders.due(2025, [7, 1], true)).filter((r) => r.kind === 'review').map((r) => r.ags)).toEqual([ABSTATT]);
});

test('after publication every amount a Gemeinde is shown is the published one, until the next publication', async () => {
  await h.app.imports.importStep1(2025, csv, 'export.csv', { actor: coordinator });
  for (const g of verzeichnis.all) await h.app.review.submit(2025, g.ags, { actor: staff(g.ags) });
  const { report } = await h.app.campaigns.publish(2025, { actor: coordinator });
  const published = report.rows.find((r) => r.ags === ABSTATT)!;
  // Afterwards the Koordinierungsstelle corrects Abstatt's list and the cost per VZÄ.
  await h.app.review.reopen(2025, ABSTATT, {}, { actor: coordinator });
  const list = (await h.repo.readList(2025, ABSTATT))!;
  for (const p of list.persons.slice(0, 2)) await h.app.review.strike(2025, ABSTATT, { personId: p.id, reason: 'weggezogen' }, { actor: coordinator });
  await h.app.campaigns.update(2025, { eurPerVzae: '80000' }, { actor: coordinator });
  const current = (await h.app.overview.overview(2025)).rows.find((r) => r.ags === ABSTATT)!;
  expect(current.amount).not.toBe(published.amount);

  const own = staff(ABSTATT);
  const situation = await h.app.decisions.situation(2025, ABSTATT, own);
  expect(situation.row!.amount).toBe(published.amount);
  expect(situation).toMatchObject({ published: true, provisional: false, eurPerVzae: '68000.00' });
  expect(situation.assessment.fundedAmount.toFixed(2)).toBe(published.amount);
  expect(situation.assessment.positionCost.toFixed(2)).toBe('34000.00');
  expect((await h.app.overview.assessment(2025, ABSTATT, own)).fundedAmount.toFixed(2)).toBe(published.amount);
  const preview = await h.app.decisions.preview(2025, { ags: ABSTATT, choice: 'eigenstaendig', vzae: '0.5' }, own);
  expect(preview.fundedAmount.toFixed(2)).toBe(published.amount);

  // The Koordinierungsstelle sees the current figures and what changed since; the export has the published ones and says so.
  const since = (await h.app.overview.current(2025)).sincePublication!;
  expect(since.changed).toBe(true);
  expect(since.changedGemeinden).toContain(ABSTATT);
  expect(since.parametersChanged).toBe(true);
  const official = await h.app.overview.official(2025);
  expect(official.report).toEqual(report);
  expect(official.sincePublication).toEqual(since);
  const file = path.join(h.dataDir, 'uebersicht.xlsx');
  expect(await h.app.exports.overview(2025, file, coordinator)).toEqual(report);
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet('Übersicht')!;
  const row = report.rows.findIndex((r) => r.ags === ABSTATT) + 4;
  expect(sheet.getCell(`I${row}`).result).toBe(Number(published.amount));
  expect(String(sheet.getCell('A2').value)).toMatch(/veröffentlicht am \d\d\.\d\d\.\d{4} · Seit der Veröffentlichung haben sich die Zahlen von 46 Gemeinden, die Parameter der Kampagne und der Stand der Listen geändert\. Es gelten die veröffentlichten Zahlen dieser Datei/);

  // Published again – only on purpose, with a reason for the audit: the corrected figures are the official ones.
  expect(await refusal(h.app.campaigns.publish(2025, { actor: coordinator, force: true }))).toBe('publish.reasonRequired');
  expect(await refusal(h.app.campaigns.publish(2025, { actor: coordinator, force: true, reason: ' x ' }))).toBe('publish.reasonRequired');
  const republished = await h.app.campaigns.publish(2025, { actor: coordinator, force: true, reason: 'Korrektur Abstatt, Kosten je VZÄ' });
  expect(republished.replaces).toMatchObject({ personsChanged: [ABSTATT], parametersChanged: true });
  expect((await h.app.campaigns.show(2025)).events.at(-1)).toMatchObject({ action: 'campaign.publish', reason: 'Korrektur Abstatt, Kosten je VZÄ' });
  expect((await h.app.overview.current(2025)).sincePublication!.changed).toBe(false);
  // Nothing changed since: publishing again is refused, nothing is written.
  const revision = (await h.app.campaigns.show(2025)).revision;
  expect(await refusal(h.app.campaigns.publish(2025, { actor: coordinator, force: true, reason: 'noch einmal' }))).toBe('publish.unchanged');
  expect((await h.app.campaigns.show(2025)).revision).toBe(revision);
  const again = await h.app.decisions.situation(2025, ABSTATT, own);
  expect(again.row!.amount).toBe(current.amount);
  expect(again.eurPerVzae).toBe('80000.00');
});

test('period and Stichtag change after the import only with replace, which discards the lists for a new import', async () => {
  await h.app.imports.importStep1(2025, csv, 'export.csv', { actor: coordinator });
  const id = (await h.repo.readList(2025, ABSTATT))!.persons[0].id;
  await h.app.review.strike(2025, ABSTATT, { personId: id, reason: 'weggezogen' }, { actor: staff(ABSTATT) });
  expect(await refusal(h.app.campaigns.update(2025, { periodStart: '2021-01-01' }, { actor: coordinator }))).toBe('campaign.periodFixedByImport');
  expect(await refusal(h.app.campaigns.update(2025, { stichtag: '2023-01-31' }, { actor: coordinator }))).toBe('campaign.periodFixedByImport');
  expect((await h.app.campaigns.show(2025)).campaign.period.start).toBe('2020-01-01');
  // Money and deadlines do not decide who is listed: they change as before.
  expect((await h.app.campaigns.update(2025, { eurPerVzae: '70000' }, { actor: coordinator })).eurPerVzae).toBe('70000.00');

  await h.app.campaigns.update(2025, { periodStart: '2021-01-01' }, { actor: coordinator, replace: true });
  const record = await h.app.campaigns.show(2025);
  expect(record.campaign.period.start).toBe('2021-01-01');
  expect(record.generation).toBeUndefined();
  expect(record.imported).toBeUndefined();
  expect(await h.repo.readLists(2025)).toEqual([]);
  expect(record.events.at(-1)!.after).toMatchObject({ verworfeneListen: 46, verworfeneBearbeitungen: 1 });
  // Imported again, the lists hold exactly the persons of the new period.
  await h.app.imports.importStep1(2025, csv, 'export.csv', { actor: coordinator });
  const inPeriod = exp.persons.filter((p) => p.assignmentDate >= '2021-01-01' && p.assignmentDate <= '2022-12-31').length;
  expect((await h.repo.readLists(2025)).reduce((n, l) => n + countList(l).listed, 0)).toBe(inPeriod);
});

test('a period changed while an import reads its file: the import stores nothing (its rows were checked against the old one)', async () => {
  const files = new SpreadsheetTableReader();
  let changed = false;
  const slowReader = {
    async *read(bytes: Buffer, fileName: string) {
      for await (const row of files.read(bytes, fileName)) {
        if (!changed) {
          changed = true;
          await h.app.campaigns.update(2025, { periodStart: '2021-01-01' }, { actor: coordinator });
        }
        yield row;
      }
    },
  };
  const app = new IntmApp({ repo: h.repo, clock: h.clock, verzeichnis, tableReader: slowReader, workbooks: new ExcelWorkbookWriter() });
  expect(await refusal(app.imports.importStep1(2025, csv, 'export.csv', { actor: coordinator }))).toBe('campaign.changedDuringImport');
  expect(await h.repo.readLists(2025)).toEqual([]);
  expect((await h.app.campaigns.show(2025)).campaign.period.start).toBe('2021-01-01');
});

test('rights: staff see and export only their own list, never the overview or others', async () => {
  await h.app.imports.importStep1(2025, csv, 'export.csv', { actor: coordinator });
  const own = staff(ABSTATT);
  expect((await h.app.review.getList(2025, ABSTATT, { actor: own })).ags).toBe(ABSTATT);
  expect(await refusal(h.app.review.getList(2025, BRACKENHEIM, { actor: own }))).toBe('auth.otherGemeinde');
  expect(await refusal(h.app.audit.entries(2025, { actor: own }))).toBe('auth.otherGemeinde');
  expect(await refusal(h.app.audit.entries(2025, { actor: own, ags: BRACKENHEIM }))).toBe('auth.otherGemeinde');
  expect((await h.app.audit.entries(2025, { actor: own, ags: ABSTATT })).every((e) => e.ags === ABSTATT || e.subject === ABSTATT)).toBe(true);
  expect(await refusal(h.app.exports.overview(2025, path.join(h.dataDir, 'x.xlsx'), own))).toBe('auth.koordinationOnly');
  expect(await refusal(h.app.exports.list(2025, BRACKENHEIM, path.join(h.dataDir, 'y.xlsx'), own))).toBe('auth.otherGemeinde');
  expect(await refusal(h.app.overview.assessment(2025, BRACKENHEIM, own))).toBe('auth.otherGemeinde');
  expect(await refusal(h.app.review.pendingAdditions(2025, { actor: own }))).toBe('auth.koordinationOnly');
  // A forged person id of another Gemeinde's list is "not on your list", not a hint that it exists.
  const other = (await h.repo.readList(2025, BRACKENHEIM))!.persons[0].id;
  expect(await refusal(h.app.review.findPerson(2025, other, { actor: own }))).toBe('list.personNotFound');
  // The Koordinierungsstelle searches every list, and is told so (not "your Gemeinde's list").
  expect(await refusal(h.app.review.findPerson(2025, 'X-404', { actor: coordinator }))).toBe('list.personNotInYear');
  expect(await refusal(h.app.review.strike(2025, ABSTATT, { personId: other, reason: 'weggezogen' }, { actor: own }))).toBe('list.personNotFound');
});

test('a Gemeinde\'s audit holds only its own changes, even when a person id looks like another Gemeinde\'s key', async () => {
  // The LRA's person ids are free text: here one of Brackenheim's persons has Abstatt's key as id.
  const rows = [
    'AGS;Gemeinde;Personen-ID;Nachname;Vorname;Geburtsdatum;Zuweisungsdatum;Zugangsart',
    `${BRACKENHEIM};Brackenheim;${ABSTATT};Muster;Mia;01.02.1990;01.03.2021;Zuweisung`,
    `${ABSTATT};Abstatt;P-1;Beispiel;Ben;01.02.1985;01.03.2021;Zuweisung`,
  ];
  await h.app.imports.importStep1(2025, Buffer.from(rows.join('\n') + '\n'), 'export.csv', { actor: coordinator });
  await h.app.review.strike(2025, BRACKENHEIM, { personId: ABSTATT, reason: 'weggezogen', note: 'vertraulicher Vermerk' }, { actor: staff(BRACKENHEIM) });
  const abstatt = await h.app.audit.entries(2025, { actor: staff(ABSTATT), ags: ABSTATT });
  expect(abstatt.length).toBeGreaterThan(0);
  expect(abstatt.filter((e) => e.ags !== ABSTATT)).toEqual([]);
  const brackenheim = await h.app.audit.entries(2025, { actor: coordinator, ags: BRACKENHEIM });
  expect(brackenheim.filter((e) => e.action === 'person.strike').map((e) => e.subject)).toEqual([ABSTATT]);
});

test('the audit shows who was given access to a Gemeinde\'s list, and a move between Gemeinden under both', async () => {
  const who = { aadObjectId: '00000000-0000-4000-8000-0000000000aa', name: 'Sam Sachbearbeitung' };
  await h.app.roster.assign({ ...who, role: 'gemeinde', ags: ABSTATT }, coordinator);
  await h.app.roster.assign({ ...who, role: 'gemeinde', ags: BRACKENHEIM }, coordinator);
  const abstatt = await h.app.audit.entries(2025, { actor: coordinator, ags: ABSTATT });
  expect(abstatt.filter((e) => e.action === 'roster.assign').map((e) => e.after)).toEqual([
    { rolle: 'gemeinde', ags: ABSTATT, name: who.name },
    { rolle: 'gemeinde', ags: BRACKENHEIM, name: who.name },
  ]);
  const brackenheim = await h.app.audit.entries(2025, { actor: coordinator, ags: BRACKENHEIM });
  expect(brackenheim.filter((e) => e.action === 'roster.assign')).toHaveLength(1);
  // Changes after a year's end are not its evidence: made in 2024, they are not shown for 2023.
  await h.app.campaigns.create({ year: 2023, kreisAmount: '1000' }, { actor: coordinator });
  expect((await h.app.audit.entries(2023, { actor: coordinator })).filter((e) => e.action.startsWith('roster.'))).toEqual([]);
});

test('campaign update with a Vorwegabzug of 0 removes it (of either kind), audited as a campaign.update', async () => {
  await h.app.campaigns.update(2025, { vorwegabzugAmount: '8000' }, { actor: coordinator });
  const removed = await h.app.campaigns.update(2025, { vorwegabzugAmount: '0' }, { actor: coordinator });
  expect(removed.vorwegabzug).toBeUndefined();
  await h.app.campaigns.update(2025, { vorwegabzugPercent: '2' }, { actor: coordinator });
  // 0 given as the other kind clears it too.
  expect((await h.app.campaigns.update(2025, { vorwegabzugAmount: '0' }, { actor: coordinator })).vorwegabzug).toBeUndefined();
  const events = (await h.app.campaigns.show(2025)).events;
  expect(events.map((e) => e.action)).toEqual(['campaign.create', 'campaign.update', 'campaign.update', 'campaign.update', 'campaign.update']);
  expect(events[2]).toMatchObject({ before: { vorwegabzug: { kind: 'amount', amount: '8000.00' } } });
  expect(events[2].after).not.toHaveProperty('vorwegabzug');
  // Nothing to remove: no change, no entry.
  await h.app.campaigns.update(2025, { vorwegabzugPercent: '0' }, { actor: coordinator });
  expect((await h.app.campaigns.show(2025)).events).toHaveLength(5);
});

test('campaign update keeps what was not changed and is audited; status works before any import', async () => {
  const updated = await h.app.campaigns.update(2025, { landesmittel: '58000000', quotePercent: '3.77' }, { actor: coordinator });
  expect(updated.kreisAmount).toBe('2186600.00');
  expect(updated.kreisAmountSource.kind).toBe('landesmittel');
  expect(updated.period).toEqual({ start: '2020-01-01', end: '2022-12-31' });
  const moved = await h.app.campaigns.update(2025, { periodEnd: '2023-06-30' }, { actor: coordinator });
  expect(moved.stichtag).toBe('2023-06-30');
  const record = await h.app.campaigns.show(2025);
  expect(record.events.map((e) => e.action)).toEqual(['campaign.create', 'campaign.update', 'campaign.update']);
  const status = await h.app.overview.status(2025);
  expect(status.rows).toHaveLength(46);
  expect(status.summary.byState.importiert).toBe(46);
  expect(await refusal(h.app.overview.overview(2025))).toBe('campaign.notImported');
});

test('purge: only after the Berechnungsjahr, deletes every list with its persons, keeps the figures', async () => {
  await h.app.imports.importStep1(2025, csv, 'export.csv', { actor: coordinator });
  const before = await h.app.overview.overview(2025);
  expect(await refusal(h.app.campaigns.purge(2025, { actor: coordinator }))).toBe('purge.tooEarly');
  expect(await refusal(h.app.campaigns.purge(2025, { actor: staff(ABSTATT) }))).toBe('auth.koordinationOnly');
  // After the Berechnungsjahr but within the retention date (default: end of the following year).
  h.clock.set('2026-01-02T09:00:00.000Z');
  expect(await refusal(h.app.campaigns.purge(2025, { actor: coordinator }))).toBe('purge.retention');
  h.clock.set('2027-01-02T09:00:00.000Z');
  const result = await h.app.campaigns.purge(2025, { actor: coordinator });
  expect(result).toEqual({ gemeinden: 46, persons: exp.expected.inside });
  // No file of the data directory holds a person any more.
  const { readdirSync, readFileSync, statSync } = await import('node:fs');
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(`${dir}/${n}`).isDirectory() ? walk(`${dir}/${n}`) : [`${dir}/${n}`]));
  const everything = walk(h.dataDir).map((f) => readFileSync(f, 'utf8')).join('\n');
  for (const p of exp.persons.slice(0, 50)) {
    expect(everything).not.toContain(p.id);
    expect(everything).not.toContain(p.surname);
  }
  const after = await h.app.overview.overview(2025);
  expect(after.rows.map((r) => [r.ags, r.persons, r.amount])).toEqual(before.rows.map((r) => [r.ags, r.persons, r.amount]));
  expect(await refusal(h.app.review.getList(2025, ABSTATT, { actor: coordinator }))).toBe('campaign.purged');
  const record = await h.app.campaigns.show(2025);
  expect(record.purged?.changes[ABSTATT]).toEqual({ 'campaign.import': 1 });
  expect(record.events.at(-1)).toMatchObject({ action: 'campaign.purge', after: { listen: 0, personen: 0 } });
  // A second purge finds nothing more to delete.
  expect(await h.app.campaigns.purge(2025, { actor: coordinator })).toEqual({ gemeinden: 0, persons: 0 });
});

test('purge: the retention date is a campaign setting (default 31.12. of the following year), shown in the status; refusals name the date; --force with a reason deletes early, audited', async () => {
  await h.app.imports.importStep1(2025, csv, 'export.csv', { actor: coordinator });
  expect((await h.app.overview.status(2025)).retentionUntil).toBe('2026-12-31');
  // Not before the Berechnungsjahr's end: the procedure runs until then.
  expect(await refusal(h.app.campaigns.update(2025, { retentionUntil: '2025-06-30' }, { actor: coordinator }))).toBe('campaign.retentionTooEarly');
  await h.app.campaigns.update(2025, { retentionUntil: '2027-06-30' }, { actor: coordinator });
  expect((await h.app.overview.status(2025)).retentionUntil).toBe('2027-06-30');
  // Other changes keep it.
  await h.app.campaigns.update(2025, { eurPerVzae: '70000' }, { actor: coordinator });
  expect((await h.app.campaigns.show(2025)).campaign.retentionUntil).toBe('2027-06-30');

  h.clock.set('2027-01-02T09:00:00.000Z');
  const refused = await h.app.campaigns.purge(2025, { actor: coordinator }).catch((e) => e);
  expect(refused).toMatchObject({ code: 'purge.retention' });
  expect(refused.text('de')).toContain('bis 30.06.2027');
  expect(refused.text('de')).toContain('ab 01.07.2027');
  expect(await h.repo.readList(2025, ABSTATT)).toBeDefined();
  // --force needs a reason; with one it deletes and the change log says why and that it was early.
  expect(await refusal(h.app.campaigns.purge(2025, { actor: coordinator, force: true, reason: '  ' }))).toBe('purge.reasonRequired');
  const result = await h.app.campaigns.purge(2025, { actor: coordinator, force: true, reason: 'Widerspruch nach Art. 21 DSGVO' });
  expect(result.gemeinden).toBe(46);
  const last = (await h.app.campaigns.show(2025)).events.at(-1)!;
  expect(last).toMatchObject({ action: 'campaign.purge', reason: 'Widerspruch nach Art. 21 DSGVO', after: { listen: 0, personen: 0, vorzeitig: true, aufbewahrungBis: '2027-06-30' } });
});

test('purge before the Berechnungsjahr has ended names the first day it is possible', async () => {
  await h.app.imports.importStep1(2025, csv, 'export.csv', { actor: coordinator });
  h.clock.set('2025-12-31T09:00:00.000Z');
  const refused = await h.app.campaigns.purge(2025, { actor: coordinator }).catch((e) => e);
  expect(refused).toMatchObject({ code: 'purge.tooEarly' });
  expect(refused.text('de')).toContain('ab 01.01.2026');
});

test('after deletion the status shows each list as it was, and what changed since publication is still told', async () => {
  await h.app.imports.importStep1(2025, csv, 'export.csv', { actor: coordinator });
  const id = (await h.repo.readList(2025, ABSTATT))!.persons[0].id;
  await h.app.review.strike(2025, ABSTATT, { personId: id, reason: 'weggezogen' }, { actor: staff(ABSTATT) });
  for (const g of verzeichnis.all) await h.app.review.submit(2025, g.ags, { actor: staff(g.ags) });
  await h.app.campaigns.publish(2025, { actor: coordinator });
  await h.app.campaigns.update(2025, { kreisAmount: '1600000' }, { actor: coordinator });
  const before = await h.app.overview.status(2025);
  const changedBefore = (await h.app.overview.official(2025)).sincePublication;
  h.clock.set('2027-01-02T09:00:00.000Z');
  await h.app.campaigns.purge(2025, { actor: coordinator });
  const after = await h.app.overview.status(2025);
  expect(after.purged).toEqual({ at: '2027-01-02T09:00:00.000Z' });
  expect(after.summary.byState.eingereicht).toBe(46);
  expect(after.summary.overdue).toBe(0);
  expect(after.rows.map((r) => [r.ags, r.listState, r.counts, r.submittedAt])).toEqual(before.rows.map((r) => [r.ags, r.listState, r.counts, r.submittedAt]));
  expect(after.rows.find((r) => r.ags === ABSTATT)!.counts.struck).toBe(1);
  // The Kreis amount changed after publication: that stays visible once the lists are gone.
  expect(changedBefore!.changed).toBe(true);
  expect((await h.app.overview.official(2025)).sincePublication).toEqual({ ...changedBefore, purgedAt: '2027-01-02T09:00:00.000Z' });
  // The texts built on it no longer offer to publish again: a purged year is closed.
  expect((await h.app.overview.current(2025)).sincePublication?.purgedAt).toBe('2027-01-02T09:00:00.000Z');
});

test('a purged year is closed: no import brings persons back, its campaign and figures stay as they are', async () => {
  await h.app.imports.importStep1(2025, csv, 'export.csv', { actor: coordinator });
  const { report: published } = await h.app.campaigns.publish(2025, { actor: coordinator, force: true });
  h.clock.set('2027-01-02T09:00:00.000Z');
  await h.app.campaigns.purge(2025, { actor: coordinator });
  // What is exported afterwards: the published figures, as published, nothing changed since.
  const official = await h.app.overview.official(2025);
  expect(official.report).toEqual(published);
  expect(official.sincePublication).toMatchObject({ changed: false, changedGemeinden: [] });
  const figures = await h.app.overview.overview(2025);
  const { campaign } = await h.app.campaigns.show(2025);
  expect(await refusal(h.app.imports.importStep1(2025, csv, 'again.csv', { actor: coordinator }))).toBe('campaign.purged');
  expect(await refusal(h.app.imports.importStep1(2025, csv, 'again.csv', { actor: coordinator, replace: true }))).toBe('campaign.purged');
  expect(await refusal(h.app.campaigns.update(2025, { kreisAmount: '1600000' }, { actor: coordinator }))).toBe('campaign.purged');
  const period = { periodStart: '2021-01-01', periodEnd: '2023-12-31' };
  expect(await refusal(h.app.campaigns.update(2025, period, { actor: coordinator, replace: true }))).toBe('campaign.purged');
  expect(await refusal(h.app.campaigns.publish(2025, { actor: coordinator, force: true }))).toBe('campaign.purged');
  // Changes to a list name the reason too, not "no lists imported yet".
  expect(await refusal(h.app.review.submit(2025, ABSTATT, { actor: coordinator }))).toBe('campaign.purged');
  expect(await refusal(h.app.review.reopen(2025, ABSTATT, {}, { actor: coordinator }))).toBe('campaign.purged');
  expect(await h.repo.readLists(2025)).toEqual([]);
  expect((await h.app.campaigns.show(2025)).campaign).toEqual(campaign);
  expect(await h.app.overview.overview(2025)).toEqual(figures);
});

test('opening a data directory finishes an interrupted purge but never deletes the lists the campaign names', async () => {
  await h.app.imports.importStep1(2025, csv, 'export.csv', { actor: coordinator });
  const { readFileSync, writeFileSync, mkdirSync, readdirSync } = await import('node:fs');
  const file = path.join(h.dataDir, '2025', 'campaign.json');
  const record = JSON.parse(readFileSync(file, 'utf8'));
  // A record marked purged that still names live lists (an import into a purged year could leave that),
  // next to a leftover generation of an interrupted purge.
  writeFileSync(file, JSON.stringify({ ...record, purged: { at: '2026-01-02T09:00:00.000Z', by: { id: 'x', name: 'x' }, changes: {} } }));
  mkdirSync(path.join(h.dataDir, '2025', 'lists-leftover'));
  await h.app.close();
  const reopened = await openHarness('2026-01-02T09:00:00.000Z', h.dataDir);
  try {
    expect(readdirSync(path.join(h.dataDir, '2025')).sort()).toEqual(['campaign.json', record.generation]);
    expect(await reopened.repo.readLists(2025)).toHaveLength(46);
  } finally {
    await reopened.app.close();
  }
});

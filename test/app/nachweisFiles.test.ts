/**
 * Files attached to a Verwendungsnachweis through the application service: who may attach, read and
 * remove them and when; only PDFs (by content), the size and count limits; the same bytes once; every
 * change in the round's audit trail without the content; the card's `attachments`; a purge keeps them.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { IntmApp } from '../../src/app';
import type { Repository } from '../../src/app/ports';
import { MAX_NACHWEIS_FILE_BYTES, MAX_NACHWEIS_FILES, cleanFileName } from '../../src/domain/nachweisFiles';
import { SpreadsheetTableReader } from '../../src/excel/tableReader';
import { ExcelWorkbookWriter } from '../../src/excel/workbookWriter';
import { translate } from '../../src/i18n/messages';
import { LowdbRepository } from '../../src/storage/lowdbRepository';
import { fixedClock } from '../../src/storage/systemClock';
import { ABSTATT, BRACKENHEIM, coordinator, EPPINGEN, listWith, person, refusalOf, staff, verzeichnis } from '../fixtures';
import { tempDir } from '../harness';

const YEAR = 2025;
const OTHER = '08125005';
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n%âãÏÓ\n${text}\n%%EOF\n`, 'latin1');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let dir: string;
let repo: Repository;
let app: IntmApp;
const clock = fixedClock('2024-01-10T09:00:00.000Z');
const anna = { actor: staff(ABSTATT, 'Anna Abstatt') };

beforeEach(async () => {
  dir = tempDir();
  repo = await LowdbRepository.open(dir);
  clock.set('2024-01-10T09:00:00.000Z');
  app = new IntmApp({ repo, clock, verzeichnis, tableReader: new SpreadsheetTableReader(), workbooks: new ExcelWorkbookWriter() });
  await app.campaigns.create({ year: YEAR, kreisAmount: '1508000' }, { actor: coordinator });
  const lists = verzeichnis.all.map((g) => listWith(g.ags, [1, 2].map((i) => person(`${g.ags}-${i}`))));
  await repo.replaceLists(YEAR, lists, (current) => ({ next: { ...current, revision: current.revision + 1 }, result: undefined }));
  await app.decisions.decide(YEAR, { ags: ABSTATT, choice: 'eigenstaendig', vzae: '0.5', eigenmittel: '1000' }, { actor: staff(ABSTATT) });
  await app.decisions.decide(YEAR, { ags: BRACKENHEIM, choice: 'verbund', vzae: '1', partners: [EPPINGEN] }, { actor: staff(BRACKENHEIM) });
  await app.decisions.confirm(YEAR, { ags: EPPINGEN, lead: BRACKENHEIM }, { actor: staff(EPPINGEN) });
  clock.set('2026-01-15T09:00:00.000Z');
}, 60_000);

afterEach(async () => {
  await repo.close();
  rmSync(dir, { recursive: true, force: true });
});

const openRound = () => app.verwendungsnachweis.open(YEAR, { deadline: '2026-03-31' }, { actor: coordinator });

test('the clerk attaches a PDF: stored with name, size, hash, uploader and time; listed on her Nachweis; audited without the content', async () => {
  expect(await refusalOf(app.verwendungsnachweis.attach(YEAR, ABSTATT, { name: 'a.pdf', bytes: pdf('x') }, anna))).toBe('vn.notOpened');
  await openRound();
  const bytes = pdf('Sachbericht 2025');
  clock.set('2026-02-01T10:30:00.000Z');
  const out = await app.verwendungsnachweis.attach(YEAR, ABSTATT, { name: 'C:\\Belege\\Sachbericht 2025.pdf', bytes }, anna);
  const file = { sha256: sha(bytes), name: 'Sachbericht 2025.pdf', size: bytes.length, uploadedAt: '2026-02-01T10:30:00.000Z', uploadedBy: { id: anna.actor.id, name: 'Anna Abstatt' } };
  expect(out).toEqual({ stored: true, ags: ABSTATT, file, files: [file] });
  expect(await app.verwendungsnachweis.readFile(YEAR, ABSTATT, file.sha256, anna.actor)).toEqual({ file, bytes });

  const view = await app.verwendungsnachweis.show(YEAR, ABSTATT, anna.actor);
  expect(view.attachments).toEqual([{ sha256: file.sha256, name: 'Sachbericht 2025.pdf', size: bytes.length, uploadedAt: '2026-02-01T10:30:00.000Z', uploadedBy: 'Anna Abstatt' }]);
  // A draft saved afterwards returns the attachments too, and the card she had open is not stale.
  const saved = await app.verwendungsnachweis.save(YEAR, ABSTATT, { personnel: '1000' }, { ...anna, expectedRevision: view.nachweis.revision });
  expect(saved.view.attachments).toHaveLength(1);

  const round = (await app.verwendungsnachweis.round(YEAR))!;
  const entry = round.events.find((e) => e.action === 'vn.fileAttach')!;
  expect(entry).toMatchObject({ ags: ABSTATT, actor: { id: anna.actor.id }, before: null, after: { datei: 'Sachbericht 2025.pdf', groesse: bytes.length, sha256: file.sha256 } });
  expect(JSON.stringify(round.events)).not.toContain('Sachbericht 2025\n');
});

test('only PDFs (by their content), at most 10 MB and 20 per Nachweis; the same bytes are kept once', async () => {
  await openRound();
  expect(await refusalOf(app.verwendungsnachweis.attach(YEAR, ABSTATT, { name: 'tabelle.pdf', bytes: Buffer.from('PK\u0003\u0004 not a pdf') }, anna))).toBe('vn.fileNotPdf');
  expect(await refusalOf(app.verwendungsnachweis.attach(YEAR, ABSTATT, { name: 'leer.pdf', bytes: Buffer.alloc(0) }, anna))).toBe('vn.fileNotPdf');
  const big = Buffer.concat([pdf('gross'), Buffer.alloc(MAX_NACHWEIS_FILE_BYTES)]);
  expect(await refusalOf(app.verwendungsnachweis.attach(YEAR, ABSTATT, { name: 'gross.pdf', bytes: big }, anna))).toBe('vn.fileTooLarge');
  expect((await app.verwendungsnachweis.files(YEAR, ABSTATT, anna.actor)).files).toEqual([]);

  // A PDF under another name is a PDF: listed as one.
  const first = await app.verwendungsnachweis.attach(YEAR, ABSTATT, { name: 'scan', bytes: pdf('0') }, anna);
  expect(first.file.name).toBe('scan.pdf');
  const again = await app.verwendungsnachweis.attach(YEAR, ABSTATT, { name: 'nochmal.pdf', bytes: pdf('0') }, anna);
  expect(again).toMatchObject({ stored: false, file: { name: 'scan.pdf' } });
  expect(again.files).toHaveLength(1);
  for (let i = 1; i < MAX_NACHWEIS_FILES; i++) await app.verwendungsnachweis.attach(YEAR, ABSTATT, { name: `b${i}.pdf`, bytes: pdf(String(i)) }, anna);
  expect(await refusalOf(app.verwendungsnachweis.attach(YEAR, ABSTATT, { name: 'eins-zu-viel.pdf', bytes: pdf('x') }, anna))).toBe('vn.fileTooMany');
  const round = (await app.verwendungsnachweis.round(YEAR))!;
  expect(round.events.filter((e) => e.action === 'vn.fileAttach')).toHaveLength(MAX_NACHWEIS_FILES);
});

test('who: the filing Gemeinde and the Koordinierungsstelle attach; a Verbund partner reads its lead’s files; other Gemeinden see nothing', async () => {
  await openRound();
  const bytes = pdf('Verbund');
  expect(await refusalOf(app.verwendungsnachweis.attach(YEAR, BRACKENHEIM, { name: 'v.pdf', bytes }, anna))).toBe('auth.otherGemeinde');
  expect(await refusalOf(app.verwendungsnachweis.attach(YEAR, EPPINGEN, { name: 'v.pdf', bytes }, { actor: staff(EPPINGEN) }))).toBe('vn.leadOnly');
  // The Landkreis' Nachweis of a Gemeinde it served: the Koordinierungsstelle's only.
  expect(await refusalOf(app.verwendungsnachweis.attach(YEAR, OTHER, { name: 'v.pdf', bytes }, { actor: staff(OTHER) }))).toBe('auth.koordinationOnly');
  await app.verwendungsnachweis.attach(YEAR, BRACKENHEIM, { name: 'v.pdf', bytes }, { actor: staff(BRACKENHEIM) });
  await app.verwendungsnachweis.attach(YEAR, BRACKENHEIM, { name: 'brief.pdf', bytes: pdf('Brief') }, { actor: coordinator });
  expect((await app.verwendungsnachweis.files(YEAR, EPPINGEN, staff(EPPINGEN))).files.map((f) => f.name)).toEqual(['v.pdf', 'brief.pdf']);
  expect((await app.verwendungsnachweis.readFile(YEAR, EPPINGEN, sha(bytes), staff(EPPINGEN))).bytes).toEqual(bytes);
  expect(await refusalOf(app.verwendungsnachweis.files(YEAR, BRACKENHEIM, staff(ABSTATT)))).toBe('auth.otherGemeinde');
  expect(await refusalOf(app.verwendungsnachweis.readFile(YEAR, BRACKENHEIM, sha(bytes), staff(ABSTATT)))).toBe('auth.otherGemeinde');
  expect(await refusalOf(app.verwendungsnachweis.readFile(YEAR, ABSTATT, sha(bytes), staff(ABSTATT)))).toBe('vn.fileNotFound');
  expect(await refusalOf(app.verwendungsnachweis.removeFile(YEAR, BRACKENHEIM, sha(bytes), anna))).toBe('auth.otherGemeinde');
  // Where a clerk may attach now: her own Nachweis while it is open.
  expect(await app.verwendungsnachweis.attachable(staff(BRACKENHEIM))).toEqual([{ year: YEAR, ags: BRACKENHEIM }]);
  expect(await app.verwendungsnachweis.attachable(staff(EPPINGEN))).toEqual([]);
});

test('while it may be edited only: submitted or accepted, nothing is attached or removed; returned, it may be again; removal is audited', async () => {
  await openRound();
  const bytes = pdf('Beleg');
  await app.verwendungsnachweis.attach(YEAR, ABSTATT, { name: 'beleg.pdf', bytes }, anna);
  await app.verwendungsnachweis.save(
    YEAR,
    ABSTATT,
    { personnel: '33000', other: '0', eigenmittel: '0', months: Array(12).fill('0,5'), figures: { k1: 1, k2: 1, k3: 1 }, text: 'Bericht.' },
    anna,
  );
  await app.verwendungsnachweis.submit(YEAR, ABSTATT, anna);
  expect(await refusalOf(app.verwendungsnachweis.attach(YEAR, ABSTATT, { name: 'spaet.pdf', bytes: pdf('spät') }, anna))).toBe('vn.locked');
  expect(await refusalOf(app.verwendungsnachweis.removeFile(YEAR, ABSTATT, sha(bytes), anna))).toBe('vn.locked');
  expect(await app.verwendungsnachweis.attachable(anna.actor)).toEqual([]);
  // Still readable: the coordinator checks the submitted Nachweis with its files.
  expect((await app.verwendungsnachweis.readFile(YEAR, ABSTATT, sha(bytes), coordinator)).bytes).toEqual(bytes);
  await app.verwendungsnachweis.returnWithQuestion(YEAR, ABSTATT, 'Bitte den Beleg neu scannen.', { actor: coordinator });
  expect(await app.verwendungsnachweis.removeFile(YEAR, ABSTATT, sha(bytes), anna)).toEqual([]);
  expect(await refusalOf(app.verwendungsnachweis.removeFile(YEAR, ABSTATT, sha(bytes), anna))).toBe('vn.fileNotFound');
  const removed = (await app.verwendungsnachweis.round(YEAR))!.events.find((e) => e.action === 'vn.fileRemove');
  expect(removed).toMatchObject({ ags: ABSTATT, before: { datei: 'beleg.pdf', sha256: sha(bytes) }, after: null });
});

test('`intm purge` of the year keeps the files with the Nachweis (evidence); messages are German and English', async () => {
  await openRound();
  const bytes = pdf('bleibt');
  await app.verwendungsnachweis.attach(YEAR, ABSTATT, { name: 'bleibt.pdf', bytes }, anna);
  await app.campaigns.purge(YEAR, { actor: coordinator, force: true, reason: 'Test der Aufbewahrung' });
  expect(await repo.readLists(YEAR)).toEqual([]);
  expect((await app.verwendungsnachweis.readFile(YEAR, ABSTATT, sha(bytes), anna.actor)).bytes).toEqual(bytes);

  expect(translate('vn.fileNotPdf', { name: 'x.docx' }, 'de')).toBe('„x.docx“ ist keine PDF-Datei. Bitte senden Sie Anlagen zum Verwendungsnachweis als PDF; gespeichert wurde nichts.');
  expect(translate('vn.fileTooLarge', { name: 'g.pdf', size: 12 * 1024 * 1024, max: MAX_NACHWEIS_FILE_BYTES }, 'de')).toContain('(12,0 MB); eine Anlage darf höchstens 10 MB');
  expect(translate('vn.fileTooMany', { max: 20 }, 'en')).toContain('20 files are already attached');
  expect(cleanFileName('../../etc/passwd')).toBe('passwd.pdf');
  expect(cleanFileName('  \u0007.pdf')).toBe('Anlage.pdf');
});

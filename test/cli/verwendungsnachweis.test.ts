/** `intm verwendungsnachweis …` and `intm export verwendungsnachweis`: the round on the command line. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IntmApp } from '../../src/app';
import { runCli } from '../../src/cli/main';
import { SpreadsheetTableReader } from '../../src/excel/tableReader';
import { ExcelWorkbookWriter } from '../../src/excel/workbookWriter';
import { LowdbRepository } from '../../src/storage/lowdbRepository';
import { fixedClock } from '../../src/storage/systemClock';
import { ABSTATT, coordinator, listWith, person, staff, verzeichnis } from '../fixtures';
import { readWorkbook } from '../excel/xlsxFiles';
import { MONTH_NAMES as MONTHS } from '../../src/domain/verwendungsnachweis';

const clock = fixedClock('2024-01-10T09:00:00.000Z');
let dir: string;
let dataDir: string;

const openApp = async (d: string) =>
  new IntmApp({ repo: await LowdbRepository.open(d), clock, verzeichnis, tableReader: new SpreadsheetTableReader(), workbooks: new ExcelWorkbookWriter() });

async function intm(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--data-dir', dataDir, ...argv], { out: (t) => out.push(t), err: (t) => err.push(t), env: { INTM_USER: 'kora' } }, { openApp });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'intm-vn-'));
  dataDir = path.join(dir, 'data');
  clock.set('2024-01-10T09:00:00.000Z');
  const app = await openApp(dataDir);
  await app.campaigns.create({ year: 2025, kreisAmount: '1508000' }, { actor: coordinator });
  const lists = verzeichnis.all.map((g) => listWith(g.ags, Array.from({ length: 5 }, (_, i) => person(`${g.ags}-${i + 1}`))));
  await app.ctx.repo.replaceLists(2025, lists, (current) => ({ next: { ...current, revision: current.revision + 1 }, result: undefined }));
  await app.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('the round on the command line: start, save (file and flags), submit, return, accept, Landkreis figures, status, export', async () => {
  expect((await intm('decide', '--year', '2025', '--ags', 'Abstatt', '--choice', 'eigenstaendig', '--vzae', '0,5')).code).toBe(0);
  clock.set('2026-01-20T09:00:00.000Z');
  const early = await intm('verwendungsnachweis', 'show', '--year', '2025', '--ags', ABSTATT);
  expect(early).toMatchObject({ code: 1 });
  // The command line's own command, not the bot's.
  expect(early.err).toBe('Für 2025 ist die Runde der Verwendungsnachweise noch nicht eröffnet; die Koordinierungsstelle eröffnet sie mit „intm verwendungsnachweis start --year 2025 --deadline TT.MM.JJJJ“.');
  const bad = await intm('verwendungsnachweis', 'start', '--year', '2025', '--deadline', '31.02.2026');
  expect(bad.code).toBe(2);

  const start = await intm('verwendungsnachweis', 'start', '--year', '2025', '--deadline', '31.03.2026', '--kennzahlen', 'Beratene Personen;Beratungsstunden je Woche');
  expect(start).toMatchObject({ code: 0 });
  expect(start.out).toContain('Frist 31.03.2026: 1 Nachweis(e)');

  const file = path.join(dir, 'nachweis.json');
  writeFileSync(file, JSON.stringify({ personnel: '30.000', other: '1.500,50', eigenmittel: '0', months: Array(12).fill('0,5'), figures: { 'Beratene Personen': 80 } }));
  const saved = await intm('verwendungsnachweis', 'save', '--year', '2025', '--ags', 'Abstatt', '--file', file);
  expect(saved.code).toBe(0);
  expect(saved.out).toContain('Entwurf gespeichert.');
  expect(saved.out).toContain('Fehlt/Fehler: Sachbericht: Kennzahlen fehlen noch: Beratungsstunden je Woche.');
  expect(saved.out).toContain('Hinweis: Die Ausgaben (31.500,50\u00a0€) liegen unter der Zuwendung (32.783\u00a0€): voraussichtlich werden 1.282,50\u00a0€ zurückgefordert.');

  const refused = await intm('verwendungsnachweis', 'submit', '--year', '2025', '--ags', ABSTATT);
  expect(refused).toMatchObject({ code: 1 });
  expect(refused.err).toContain('Kennzahlen fehlen noch');
  const badNumber = await intm('verwendungsnachweis', 'save', '--year', '2025', '--ags', ABSTATT, '--sonstige', 'viel');
  expect(badNumber.code).toBe(1);
  expect(badNumber.err).toContain('„viel“ ist keine gültige Zahl');

  const flags = await intm('verwendungsnachweis', 'save', '--year', '2025', '--ags', ABSTATT, '--kennzahlen', 'Beratungsstunden je Woche=19,5', '--text', 'Beratung in der AU.', '--sonstige', '2783');
  expect(flags.out).toContain('Vollständig: kann eingereicht werden.');
  expect(flags.out).toContain('Beratungsstunden je Woche: 19,5');
  expect((await intm('verwendungsnachweis', 'submit', '--year', '2025', '--ags', ABSTATT)).out).toContain('Verwendungsnachweis eingereicht.');
  const ret = await intm('verwendungsnachweis', 'return', '--year', '2025', '--ags', ABSTATT, '--reason', 'Bitte Belege nachreichen.');
  expect(ret.out).toContain('Rückfrage der Koordinierungsstelle: Bitte Belege nachreichen.');
  expect((await intm('verwendungsnachweis', 'submit', '--year', '2025', '--ags', ABSTATT)).code).toBe(0);
  expect((await intm('verwendungsnachweis', 'accept', '--year', '2025', '--ags', ABSTATT)).out).toContain('Verwendungsnachweis angenommen.');

  const lk = await intm('verwendungsnachweis', 'landkreis', '--year', '2025', '--ags', 'Bad Friedrichshall', '--personal', '30000', '--sonstige', '0', '--monate', Array(12).fill('0,5').join(';'), '--kennzahlen', 'Beratene Personen=10;Beratungsstunden je Woche=4');
  expect(lk.out).toContain('Zahlen des Landkreises gespeichert.');
  expect(lk.out).toContain('angenommen (Zahlen des Landkreises)');
  const notLk = await intm('verwendungsnachweis', 'save', '--year', '2025', '--ags', 'Bad Friedrichshall', '--personal', '1');
  expect(notLk.code).toBe(1);
  const useLk = await intm('verwendungsnachweis', 'save', '--year', '2025', '--ags', 'Bad Rappenau', '--personal', '1');
  expect(useLk.err).toBe('Bad Rappenau wird vom Landkreis betreut: Die Zahlen des Landkreises trägt die Koordinierungsstelle ein („intm verwendungsnachweis landkreis --year JJJJ --ags "Bad Rappenau" …“).');

  expect((await intm('verwendungsnachweis', 'deadline', '--year', '2025', '--deadline', '30.04.2026')).out).toBe('Frist der Verwendungsnachweise 2025: 30.04.2026.');
  expect((await intm('verwendungsnachweis', 'deadline', '--year', '2025', '--deadline', '01.01.2026')).err).toContain('liegt nicht in der Zukunft');
  // The Landkreis' figures from a table: one bad row stores nothing; a good table stores every row.
  const months = MONTHS.join(';');
  const table = path.join(dir, 'landkreis.csv');
  writeFileSync(table, `AGS;Personalausgaben;sonstige Ausgaben;${months};Beratene Personen;Beratungsstunden je Woche\n08125006;30000;0;${Array(12).fill('0,5').join(';')};10;4\nAbstatt;1;1;${Array(12).fill('0').join(';')};1;1\nNirgendwo;1;1;;;\n`);
  const badTable = await intm('verwendungsnachweis', 'landkreis-import', '--year', '2025', '--file', table);
  expect(badTable.code).toBe(1);
  expect(badTable.err).toContain('Zeile 3: Abstatt macht das Integrationsmanagement in eigener Verantwortung');
  expect(badTable.err.split('\n').map((l) => l.slice(0, 8))).toEqual(['Zeile 3:', 'Zeile 4:', 'Nichts g']);
  writeFileSync(table, `Gemeinde;Personalausgaben;sonstige Ausgaben;${months};Beratene Personen;Beratungsstunden je Woche\nBad Rappenau;30000;0;${Array(12).fill('0,5').join(';')};10;4\n08125007;28000,50;0;${Array(12).fill('0,4').join(';')};8;3\n`);
  expect((await intm('verwendungsnachweis', 'landkreis-import', '--year', '2025', '--file', table)).out).toBe('Zahlen des Landkreises für 2 Gemeinde(n) gespeichert.');
  expect((await intm('verwendungsnachweis', 'show', '--year', '2025', '--ags', '08125007')).out).toContain('In 12 Monaten lag die Stelle unter der Mindeststelle');
  const status = await intm('verwendungsnachweis', 'status', '--year', '2025');
  expect(status.out).toContain(`${ABSTATT} Abstatt: angenommen`);
  expect(status.out).toContain('Verwendungsnachweise 2025, Frist 30.04.2026:');
  expect(status.out).toContain('Nachweise: 46, davon angenommen 4, eingereicht 0, zurückgegeben 0, in Bearbeitung 0, offen 42.');

  expect((await intm('status', '--year', '2025')).out).toContain('Verwendungsnachweise 2025 (Frist 30.04.2026): Nachweise: 46, davon angenommen 4');
  // --json carries the same round as the text: counts, names, the likely reclaim.
  const json = JSON.parse((await intm('status', '--year', '2025', '--json')).out);
  expect(json.verwendungsnachweis).toMatchObject({
    year: 2025,
    deadline: '2026-04-30',
    summary: { total: 46, byState: { angenommen: 4, offen: 42 } },
    notSubmitted: [],
    reclaim: expect.stringMatching(/^\d+\.\d\d$/),
  });
  expect(json.verwendungsnachweis.landkreisMissing).toHaveLength(42);
  expect(json.rows).toHaveLength(46);
  // The round runs while the next year's lists are reviewed: `status` of that year shows it too.
  const app = await openApp(dataDir);
  await app.campaigns.create({ year: 2026, kreisAmount: '1508000' }, { actor: coordinator });
  await app.close();
  expect((await intm('status', '--year', '2026')).out).toContain('Verwendungsnachweise 2025 (Frist 30.04.2026): Nachweise: 46');
  // After the deadline: Abstatt's own Nachweis is accepted, so nothing is overdue.
  clock.set('2026-05-02T09:00:00.000Z');
  expect((await intm('verwendungsnachweis', 'status', '--year', '2025')).out).toContain('in Bearbeitung 0, offen 42.');
  const out = path.join(dir, 'gesamt.xlsx');
  const exported = await intm('export', 'verwendungsnachweis', '--year', '2025', '--out', out);
  expect(exported).toMatchObject({ code: 0, out: `Gesamtverwendungsnachweis 2025 geschrieben: ${out}` });
  expect(existsSync(out)).toBe(true);
  expect((await readWorkbook(out)).worksheets.map((w) => w.name)).toEqual(['Gesamtnachweis', 'Sachbericht', 'Stellenbesetzung']);

  // The round's changes are in the year's audit trail.
  const audit = await intm('audit', '--year', '2025', '--ags', ABSTATT);
  expect((await intm('audit', '--year', '2025')).out).toContain('Frist der Verwendungsnachweise geändert');
  for (const action of ['Verwendungsnachweis eingereicht', 'Verwendungsnachweis mit Rückfrage zurückgegeben', 'Verwendungsnachweis angenommen']) expect(audit.out).toContain(action);
  expect(audit.out).toContain('Bitte Belege nachreichen.');
});

test('files of a Nachweis: attach a PDF received by mail, list the files, save them into a folder, remove one; a non-PDF is refused', async () => {
  const app = await openApp(dataDir);
  await app.decisions.decide(2025, { ags: ABSTATT, choice: 'eigenstaendig', vzae: '0.5' }, { actor: staff(ABSTATT) });
  clock.set('2026-01-20T09:00:00.000Z');
  await app.verwendungsnachweis.open(2025, { deadline: '2026-03-31' }, { actor: coordinator });
  await app.close();
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
  const file = path.join(dir, 'Beleg Januar.pdf');
  writeFileSync(file, pdf);
  const attached = await intm('verwendungsnachweis', 'attach', '--year', '2025', '--gemeinde', 'Abstatt', '--file', file);
  expect(attached).toMatchObject({ code: 0, err: '' });
  expect(attached.out).toBe('„Beleg Januar.pdf“ (1 KB) ist zum Verwendungsnachweis 2025 von Abstatt gespeichert.');
  expect((await intm('verwendungsnachweis', 'attach', '--year', '2025', '--gemeinde', 'Abstatt', '--file', file)).out).toContain('bereits angehängt');

  const docx = path.join(dir, 'brief.pdf');
  writeFileSync(docx, 'PK\u0003\u0004word/document.xml');
  const refused = await intm('verwendungsnachweis', 'attach', '--year', '2025', '--gemeinde', 'Abstatt', '--file', docx);
  expect(refused.code).toBe(1);
  expect(refused.err).toContain('„brief.pdf“ ist keine PDF-Datei');

  const listed = await intm('verwendungsnachweis', 'files', '--year', '2025', '--gemeinde', ABSTATT);
  expect(listed.out).toContain('Angehängte Dateien (1):');
  expect(listed.out).toContain(`Beleg Januar.pdf (1 KB), 20.01.2026 von kora · sha256 ${createHash('sha256').update(pdf).digest('hex')}`);
  const out = path.join(dir, 'ablage');
  const saved = await intm('verwendungsnachweis', 'files', '--year', '2025', '--gemeinde', 'Abstatt', '--out', out);
  expect(saved.out).toContain(`1 Datei(en) gespeichert in ${out}.`);
  expect(readdirSync(out)).toEqual(['Beleg Januar.pdf']);
  expect(readFileSync(path.join(out, 'Beleg Januar.pdf'))).toEqual(pdf);
  // Never over a file already there.
  const again = await intm('verwendungsnachweis', 'files', '--year', '2025', '--gemeinde', 'Abstatt', '--out', out);
  expect(again.code).toBe(1);
  expect(again.err).toContain('bereits eine Datei gleichen Namens');
  // `show` names the attachments.
  expect((await intm('verwendungsnachweis', 'show', '--year', '2025', '--gemeinde', 'Abstatt')).out).toContain('Angehängte Dateien: Beleg Januar.pdf (1 KB)');

  const removed = await intm('verwendungsnachweis', 'remove-file', '--year', '2025', '--gemeinde', 'Abstatt', '--sha256', createHash('sha256').update(pdf).digest('hex'));
  expect(removed.out).toBe('Datei entfernt; noch 0 Datei(en) angehängt.');
  expect((await intm('verwendungsnachweis', 'files', '--year', '2025', '--gemeinde', 'Abstatt')).out).toBe('Zum Verwendungsnachweis 2025 von Abstatt sind keine Dateien angehängt.');
  expect((await intm('verwendungsnachweis', 'remove-file', '--year', '2025', '--gemeinde', 'Abstatt', '--sha256', 'xyz')).code).toBe(2);
});

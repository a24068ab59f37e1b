/**
 * The `intm` command line end to end: a whole year through the commands, exit codes and German
 * messages. Runs in-process (fast) with a fixed clock; one test runs the built binary as a user would.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { IntmApp } from '../../src/app';
import { runCli } from '../../src/cli/main';
import { syntheticCsv, syntheticExport } from '../../src/demo/syntheticExport';
import { ExcelWorkbookWriter } from '../../src/excel/workbookWriter';
import { SpreadsheetTableReader } from '../../src/excel/tableReader';
import { Decimal } from '../../src/domain/money';
import { LowdbRepository } from '../../src/storage/lowdbRepository';
import { fixedClock } from '../../src/storage/systemClock';
import { verzeichnis } from '../fixtures';

const clock = fixedClock('2024-01-10T09:00:00.000Z');
let dir: string;
let dataDir: string;

async function intm(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    ['--data-dir', dataDir, ...argv],
    { out: (t) => out.push(t), err: (t) => err.push(t), env: { INTM_USER: 'kora' } },
    {
      openApp: async (d) =>
        new IntmApp({ repo: await LowdbRepository.open(d), clock, verzeichnis, tableReader: new SpreadsheetTableReader(), workbooks: new ExcelWorkbookWriter() }),
    },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'intm-cli-'));
  dataDir = path.join(dir, 'data');
  clock.set('2024-01-10T09:00:00.000Z');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeExport(name = 'export.csv'): { file: string; exp: ReturnType<typeof syntheticExport> } {
  const exp = syntheticExport({ seed: 7, gemeinden: verzeichnis.all, period: { start: '2020-01-01', end: '2022-12-31' }, persons: 460 });
  const file = path.join(dir, name);
  writeFileSync(file, syntheticCsv(exp, { delimiter: ';', encoding: 'windows-1252' }));
  return { file, exp };
}

describe('intm', () => {
  test('help and wrong usage: exit 0 and 2, German text', async () => {
    const help = await intm('help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('campaign create --year Y');
    expect((await intm('frobnicate')).code).toBe(2);
    mkdirSync(dataDir); // an existing data directory: wrong usage is reported as such
    const missing = await intm('campaign', 'create', '--kreis-amount', '1508000');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Option --year fehlt.');
    const unknown = await intm('status', '--year', '2025', '--colour');
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.err).toContain('Unbekannte Option --colour');
    const badDate = await intm('campaign', 'create', '--year', '2025', '--kreis-amount', '1', '--stichtag', '31.02.2022');
    expect(badDate.code).toBe(2);
    expect(badDate.err).toContain('kein gültiges Datum');
  });

  test('a refused request: exit 1 with the German reason, nothing stored', async () => {
    const r = await intm('campaign', 'create', '--year', '2025');
    expect(r.code).toBe(1);
    expect(r.err).toContain('entweder den Kreisbetrag');
    // Not even a new data directory.
    expect(existsSync(dataDir)).toBe(false);
    mkdirSync(dataDir);
    const show = await intm('campaign', 'show', '--year', '2025');
    expect(show.code).toBe(1);
    expect(show.err).toContain('keine Kampagne angelegt');
  });

  test('a whole year: create, import, review, allocate, decide, status, audit, export', async () => {
    expect((await intm('campaign', 'create', '--year', '2025', '--landesmittel', '40.000.000', '--quote', '3,77')).code).toBe(0);
    const { file, exp } = writeExport();
    const imported = await intm('import', file, '--year', '2025');
    // Persons outside the period are left out: one warning line for all of them, with a count and the first rows.
    const hints = imported.err.split('\n').filter((l) => l.startsWith('Hinweis: '));
    expect(hints).toHaveLength(1);
    expect(hints[0]).toMatch(new RegExp(`^Hinweis: ${exp.expected.outside}\u00a0Zeilen außerhalb des Betrachtungszeitraums 01\\.01\\.2020–31\\.12\\.2022 \\(nicht übernommen\\) \\(Zeilen \\d+(, \\d+){7} …\\)$`));
    expect(imported.err).toContain('Jede einzelne Zeile steht im Bericht mit --json.');
    expect(imported.out).toContain(`${exp.expected.outside} Person(en) außerhalb des Betrachtungszeitraums ausgelassen`);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain(`Import gespeichert: ${exp.expected.inside} Personen`);

    const abstatt = exp.persons.filter((p) => p.ags === '08125001' && p.assignmentDate >= '2020-01-01' && p.assignmentDate <= '2022-12-31');
    const [first, second] = abstatt;
    const strike = await intm('review', 'strike', '--year', '2025', '--person', first.id, '--reason', 'weggezogen', '--by', 'Gerd Gemeinde');
    expect(strike.code).toBe(0);
    expect(strike.out).toContain('Person gestrichen.');
    const again = await intm('review', 'strike', '--year', '2025', '--person', first.id, '--reason', 'weggezogen');
    expect(again.out).toContain('Keine Änderung');
    const child = await intm('review', 'add-child', '--year', '2025', '--parent', second.id, '--surname', 'Kind', '--given', 'Lina', '--born', later(second.assignmentDate));
    expect(child.code).toBe(0);
    const other = await intm(
      'review', 'add-person', '--year', '2025', '--ags', 'Abstatt', '--surname', '=HYPERLINK("x")', '--given', 'Nora',
      '--born', '01.01.1990', '--assigned', '01.06.2022', '--justification', 'Familiennachzug laut Meldedaten',
    );
    expect(other.code).toBe(0);
    const pendingId = /Personen-ID (NT-[\d-]+)/.exec(other.out)![1];
    expect((await intm('review', 'pending', '--year', '2025')).out).toContain(pendingId);
    expect((await intm('review', 'accept', '--year', '2025', '--person', pendingId)).code).toBe(0);
    expect((await intm('review', 'submit', '--year', '2025', '--ags', '08125001')).out).toContain('Liste eingereicht.');
    const locked = await intm('review', 'undo', '--year', '2025', '--person', first.id);
    expect(locked.code).toBe(1);
    expect(locked.err).toContain('eingereicht und ist gesperrt');

    const allocation = await intm('allocate', '--year', '2025', '--json');
    expect(allocation.code).toBe(0);
    const json = JSON.parse(allocation.out);
    expect(json).toMatchObject({ year: 2025, kreisAmount: '1508000.00', totalPersons: exp.expected.inside + 1 });
    expect(json.rows).toHaveLength(46);
    const abstattRow = json.rows.find((r: { ags: string }) => r.ags === '08125001');
    expect(abstattRow).toMatchObject({ gemeinde: 'Abstatt', persons: abstatt.length + 1, listed: abstatt.length, struck: 1, added: 2, submitted: true });
    expect(abstattRow.amount).toMatch(/^\d+\.00$/);
    expect(json.rows.reduce((s: Decimal, r: { amount: string }) => s.plus(r.amount), new Decimal(0)).toFixed(2)).toBe('1508000.00');
    const text = await intm('allocate', '--year', '2025');
    expect(text.out).toContain('VORLÄUFIG');
    expect(text.out).toMatch(/Summe\s+\d+\s+100,000 %\s+1\.508\.000\u00a0€/);

    const decide = await intm('decide', '--year', '2025', '--ags', 'Abstatt', '--choice', 'verbund', '--vzae', '0,5', '--partners', 'Cleebronn,08125013');
    expect(decide.code).toBe(0);
    expect(decide.out).toContain('noch nicht bestätigt: Brackenheim, Cleebronn');
    expect((await intm('decide', 'confirm', '--year', '2025', '--ags', 'Brackenheim', '--lead', 'Abstatt')).code).toBe(0);
    const small = await intm('decide', '--year', '2025', '--ags', 'Eppingen', '--choice', 'eigenstaendig', '--vzae', '0.4');
    expect(small.code).toBe(1);
    expect(small.err).toContain('mindestens 50\u00a0%');

    const status = JSON.parse((await intm('status', '--year', '2025', '--json')).out);
    expect(status.summary).toMatchObject({ submitted: 1, total: 46 });
    expect(status.verwendungsnachweis).toBeNull(); // no round opened yet
    expect(status.rows.find((r: { ags: string }) => r.ags === '08125001')).toMatchObject({ listState: 'eingereicht', decision: 'verbund', decisionValid: false });
    clock.set('2024-01-16T09:00:00.000Z');
    // Past the deadline, but the lists were never sent: none is overdue.
    expect((await intm('status', '--year', '2025')).out).toContain('45 nur importiert; 0 überfällig');
    expect((await intm('review', 'mark-sent', '--year', '2025')).code).toBe(0);
    const late = await intm('status', '--year', '2025');
    expect(late.out).toContain('45 überfällig');
    expect(late.out).toContain('ÜBERFÄLLIG');

    const audit = await intm('audit', '--year', '2025', '--ags', 'Abstatt');
    expect(audit.out).toContain('Person gestrichen');
    // --by names on whose behalf; the entry still shows that the Koordinierungsstelle acted, and from which account.
    expect(audit.out).toMatch(/Gerd Gemeinde \(Koordinierungsstelle, Kommandozeile: Benutzer \S+\)/);
    expect(audit.out).toContain('Liste eingereicht');
    expect(audit.out).toContain('Entscheidung getroffen');
    const auditJson = JSON.parse((await intm('audit', '--year', '2025', '--json')).out);
    expect(auditJson.length).toBeGreaterThan(46);

    const overview = path.join(dir, 'uebersicht.xlsx');
    expect((await intm('export', 'overview', '--year', '2025', '--out', overview)).code).toBe(0);
    const listFile = path.join(dir, 'abstatt.xlsx');
    expect((await intm('export', 'list', '--year', '2025', '--ags', 'Abstatt', '--out', listFile)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(listFile);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Liste', 'Änderungen']);
    const cells: string[] = [];
    wb.getWorksheet('Liste')!.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain('=HYPERLINK("x")');
    expect(existsSync(overview)).toBe(true);

    const publish = await intm('publish', '--year', '2025');
    expect(publish.code).toBe(1);
    expect(publish.err).toContain('vorläufig');
    expect((await intm('publish', '--year', '2025', '--force')).code).toBe(0);
    expect((await intm('allocate', '--year', '2025')).out).toMatch(/Veröffentlicht am \d\d\.\d\d\.\d{4}\. Die Zahlen sind unverändert\./);
    expect((await intm('campaign', 'update', '--year', '2025', '--kreis-amount', '1600000')).code).toBe(0);
    expect((await intm('allocate', '--year', '2025')).out).toContain(
      'Seit der Veröffentlichung haben sich die Zahlen von 46 Gemeinden und die Parameter der Kampagne geändert. Die Gemeinden sehen die veröffentlichten Zahlen',
    );
    expect(JSON.parse((await intm('allocate', '--year', '2025', '--json')).out).sincePublication).toMatchObject({ changed: true, parametersChanged: true });
    // Publishing the changed figures again needs a reason, kept in the audit log.
    expect((await intm('publish', '--year', '2025', '--force')).err).toContain('braucht einen Grund (mindestens 3 Zeichen); er wird protokolliert (intm: --reason TEXT).');
    const republished = await intm('publish', '--year', '2025', '--force', '--reason', 'Kreisbetrag korrigiert');
    expect(republished).toMatchObject({ code: 0, out: expect.stringContaining('Übersicht 2025 erneut veröffentlicht (vorläufig).') });
  });

  test('a bad import lists every bad row as "Zeile N: …" and stores nothing', async () => {
    await intm('campaign', 'create', '--year', '2025', '--kreis-amount', '1508000');
    const file = path.join(dir, 'bad.csv');
    writeFileSync(
      file,
      [
        'AGS;Gemeinde;Personen-ID;Nachname;Vorname;Geburtsdatum;Zuweisungsdatum;Zugangsart',
        '08125001;Abstatt;A1;Muster;Max;01.01.1990;01.03.2021;Zuweisung',
        '08125001;Abstatt;A2;Muster;Eva;31.02.1991;01.03.2021;Zuweisung',
        ';Heilbronn;A3;Muster;Tom;01.01.1980;01.03.2021;Zuweisung',
        '08125001;Abstatt;A1;Muster;Ida;01.01.1985;01.03.2021;Zuweisung',
      ].join('\n'),
    );
    const r = await intm('import', file, '--year', '2025');
    expect(r.code).toBe(1);
    expect(r.err).toContain('Es wurde nichts gespeichert');
    expect(r.err).toMatch(/^Zeile 3: .*Geburtsdatum/m);
    expect(r.err).toMatch(/^Zeile 4: .*Stadtkreis/m);
    expect(r.err).toMatch(/^Zeile 5: .*Zeile 2/m);
    expect(r.err).not.toMatch(/at \w+ \(/); // no stack trace
    expect((await intm('allocate', '--year', '2025')).err).toContain('noch keine Listen importiert');
    const pdf = path.join(dir, 'scan.pdf');
    writeFileSync(pdf, Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'));
    const notSheet = await intm('import', pdf, '--year', '2025');
    expect(notSheet.code).toBe(1);
    expect(notSheet.err.split('\n')).toHaveLength(1);
  });

  test('campaign update: period and Stichtag after the import only with --replace, then import again', async () => {
    await intm('campaign', 'create', '--year', '2025', '--kreis-amount', '1508000');
    const { file } = writeExport();
    expect((await intm('import', file, '--year', '2025')).code).toBe(0);
    const refused = await intm('campaign', 'update', '--year', '2025', '--period-start', '01.01.2021');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Mit „Ersetzen“ (intm: --replace)');
    const replaced = await intm('campaign', 'update', '--year', '2025', '--period-start', '01.01.2021', '--replace');
    expect(replaced.code).toBe(0);
    expect(replaced.out).toContain('Betrachtungszeitraum:  01.01.2021 – 31.12.2022');
    expect(replaced.out).toContain('Import:                noch keiner');
    expect((await intm('import', file, '--year', '2025')).code).toBe(0);
  });

  test('a data directory that does not exist: only campaign create starts one, every other command refuses and creates nothing', async () => {
    const missing = `Das Datenverzeichnis „${dataDir}“ gibt es nicht.`;
    const commands = [
      ['status', '--year', '2025'],
      ['campaign', 'show', '--year', '2025'],
      ['campaign', 'update', '--year', '2025', '--kreis-amount', '1'],
      ['import', path.join(dir, 'x.csv'), '--year', '2025'],
      ['review', 'show', '--year', '2025', '--ags', 'Abstatt'],
      ['allocate', '--year', '2025'],
      ['publish', '--year', '2025'],
      ['decide', '--year', '2025', '--ags', 'Abstatt', '--choice', 'landkreis'],
      ['audit', '--year', '2025'],
      ['export', 'overview', '--year', '2025', '--out', path.join(dir, 'x.xlsx')],
      ['roster', 'list'],
      ['purge', '--year', '2025', '--yes'],
      ['migrate'],
    ];
    for (const argv of commands) {
      const r = await intm(...argv);
      expect({ argv, code: r.code, err: r.err.split('\n')[0] }).toEqual({ argv, code: 1, err: expect.stringContaining(missing) });
      expect(existsSync(dataDir)).toBe(false);
    }
    writeFileSync(dataDir, '');
    const notADir = await intm('status', '--year', '2025');
    expect(notADir.code).toBe(1);
    expect(notADir.err).toContain('ist kein Verzeichnis');
    rmSync(dataDir);
    // A folder with other files (say --data-dir ~) is no data store: refused, nothing written into it.
    mkdirSync(dataDir);
    writeFileSync(path.join(dataDir, 'notizen.txt'), 'x');
    for (const argv of [['status', '--year', '2025'], ['campaign', 'create', '--year', '2025', '--kreis-amount', '1508000']]) {
      const foreign = await intm(...argv);
      expect(foreign.code).toBe(1);
      expect(foreign.err).toContain('ist kein Datenverzeichnis von IntM-Bot');
      expect(readdirSync(dataDir)).toEqual(['notizen.txt']);
    }
    rmSync(dataDir, { recursive: true });
    // A fresh volume (lost+found only) is an empty folder: campaign create starts the store there.
    mkdirSync(path.join(dataDir, 'lost+found'), { recursive: true });
    expect((await intm('campaign', 'create', '--year', '2024', '--kreis-amount', '1508000')).code).toBe(0);
    rmSync(dataDir, { recursive: true });
    expect((await intm('campaign', 'create', '--year', '2025', '--kreis-amount', '1508000')).code).toBe(0);
    expect(readdirSync(dataDir)).toContain('meta.json');
    expect((await intm('status', '--year', '2025')).code).toBe(0);
    expect((await intm('migrate')).code).toBe(0);
  });

  test('intm refuses to run as another user than the data directory\'s owner (the bot could not read what it writes)', async () => {
    expect((await intm('campaign', 'create', '--year', '2025', '--kreis-amount', '1508000')).code).toBe(0);
    const me = process.geteuid!();
    const other = me === 0 ? 65534 : undefined; // only root can hand the directory to another user
    if (other === undefined) return;
    const { chownSync, readFileSync } = await import('node:fs');
    const before = readFileSync(path.join(dataDir, '2025', 'campaign.json'), 'utf8');
    chownSync(dataDir, other, other);
    const r = await intm('campaign', 'update', '--year', '2025', '--kreis-amount', '1600000');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^Das Datenverzeichnis „.*“ gehört dem Benutzer \S+, intm läuft aber als \S+\. Bitte rufen Sie intm als Benutzer des Bots auf/);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(readFileSync(path.join(dataDir, '2025', 'campaign.json'), 'utf8')).toBe(before);
    chownSync(dataDir, me, me);
    expect((await intm('campaign', 'update', '--year', '2025', '--kreis-amount', '1600000')).code).toBe(0);
  });

  test('export: a missing folder, a folder in place of the file, no permission – a German sentence naming the path', async () => {
    await intm('campaign', 'create', '--year', '2025', '--kreis-amount', '1508000');
    const { file } = writeExport();
    await intm('import', file, '--year', '2025');
    const noDir = path.join(dir, 'fehlt', 'x.xlsx');
    expect(await intm('export', 'overview', '--year', '2025', '--out', noDir)).toMatchObject({
      code: 1,
      err: `Die Datei „${noDir}“ kann nicht geschrieben werden: das Verzeichnis „${path.dirname(noDir)}“ gibt es nicht.`,
    });
    const folder = path.join(dir, 'ordner.xlsx');
    mkdirSync(folder);
    expect(await intm('export', 'overview', '--year', '2025', '--out', folder)).toMatchObject({
      code: 1,
      err: `„${folder}“ ist ein Verzeichnis. Bitte geben Sie mit --out einen Dateinamen an.`,
    });
    const underFile = path.join(file, 'x.xlsx');
    const notDir = await intm('export', 'list', '--year', '2025', '--ags', 'Abstatt', '--out', underFile);
    expect(notDir).toMatchObject({ code: 1, err: expect.stringContaining(`„${file}“ ist kein Verzeichnis`) });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // Permissions (the tests may run as root, so the failures are injected as the file system reports them).
    const denied = (p: string, syscall = 'open') => Object.assign(new Error(`EACCES: permission denied, ${syscall} '${p}'`), { code: 'EACCES', syscall, path: p });
    const run = async (openApp: (d: string) => Promise<IntmApp>, ...argv: string[]) => {
      const err: string[] = [];
      const code = await runCli(['--data-dir', dataDir, ...argv], { out: () => undefined, err: (t) => err.push(t), env: {} }, { openApp });
      return { code, err: err.join('\n') };
    };
    const out = path.join(dir, 'geschuetzt', 'x.xlsx');
    const readOnlyTarget = async (d: string) =>
      new IntmApp({
        repo: await LowdbRepository.open(d),
        clock,
        verzeichnis,
        tableReader: new SpreadsheetTableReader(),
        workbooks: { overview: async (_r, o) => Promise.reject(denied(`${o}.123.456.tmp`)), list: async () => undefined, importIssues: async () => undefined, verwendungsnachweis: async () => undefined },
      });
    expect(await run(readOnlyTarget, 'export', 'overview', '--year', '2025', '--out', out)).toEqual({
      code: 1,
      err: `Die Datei „${out}“ kann nicht geschrieben werden: Ihnen fehlen die Schreibrechte im Verzeichnis „${path.dirname(out)}“ (oder für die Datei).`,
    });
    const lock = path.join(dataDir, 'locks', '2025-campaign.lock');
    const readOnlyData = await run(async () => Promise.reject(denied(lock, 'symlink')), 'campaign', 'update', '--year', '2025', '--eur-per-vzae', '70000');
    expect(readOnlyData.code).toBe(1);
    expect(readOnlyData.err).toContain(`Auf das Datenverzeichnis „${dataDir}“ haben Sie nicht die nötigen Zugriffsrechte (betroffen: „${lock}“).`);
    expect(readOnlyData.err).not.toContain('Interner Fehler');
    // Elsewhere, the same failure is not blamed on the data directory.
    expect((await run(async () => Promise.reject(denied('/etc/anderswo')), 'status', '--year', '2025')).err).toContain('Interner Fehler');
  });

  test('a blank INTM_USER counts as not set; a blank --by is wrong usage', async () => {
    const account = os.userInfo().username;
    for (const INTM_USER of ['', '   ']) {
      const code = await runCli(['--data-dir', dataDir, 'campaign', 'create', '--year', '2025', '--kreis-amount', '1508000'], {
        out: () => undefined,
        err: () => undefined,
        env: { INTM_USER },
      });
      expect(code).toBe(0);
      const [created] = JSON.parse((await intm('audit', '--year', '2025', '--json')).out);
      expect(created.actor).toMatchObject({ id: `cli:${account}`, name: account });
      rmSync(dataDir, { recursive: true });
    }
    await intm('campaign', 'create', '--year', '2025', '--kreis-amount', '1508000');
    for (const by of [['--by', '   '], ['--by=']]) {
      const blank = await intm('campaign', 'update', '--year', '2025', '--eur-per-vzae', '70000', ...by);
      expect(blank.code).toBe(2);
      expect(blank.err).toContain('Option --by braucht einen Wert.');
    }
    expect((await intm('campaign', 'show', '--year', '2025')).out).toContain('Kosten je VZÄ:         68.000\u00a0€');
  });

  test('campaign update says when nothing changed, and what a --replace discarded', async () => {
    await intm('campaign', 'create', '--year', '2025', '--kreis-amount', '1508000');
    for (const same of [[], ['--kreis-amount', '1.508.000'], ['--replace']]) {
      const r = await intm('campaign', 'update', '--year', '2025', ...same);
      expect(r.code).toBe(0);
      expect(r.out.split('\n')[0]).toBe('Keine Änderung.');
    }
    expect((await intm('campaign', 'update', '--year', '2025', '--eur-per-vzae', '70000')).out.split('\n')[0]).toBe('Kampagne geändert.');
    const { file, exp } = writeExport();
    await intm('import', file, '--year', '2025');
    const [first] = exp.persons.filter((p) => p.ags === '08125001' && p.assignmentDate >= '2020-01-01' && p.assignmentDate <= '2022-12-31');
    await intm('review', 'strike', '--year', '2025', '--person', first.id, '--reason', 'weggezogen');
    await intm('review', 'submit', '--year', '2025', '--ags', 'Cleebronn');
    await intm('publish', '--year', '2025', '--force');
    const replaced = await intm('campaign', 'update', '--year', '2025', '--period-start', '01.01.2021', '--replace');
    expect(replaced.code).toBe(0);
    expect(replaced.out.split('\n')[0]).toBe(
      'Kampagne geändert. Verworfen: 46 importierte Liste(n), davon 2 von den Gemeinden bearbeitet; die Veröffentlichung vom 10.01.2024. ' +
        'Bitte importieren Sie den Export neu (intm import DATEI --year 2025).',
    );
    const [entry] = JSON.parse((await intm('audit', '--year', '2025', '--json')).out).filter((e: { after?: { verworfeneListen?: number } }) => e.after?.verworfeneListen);
    expect(entry.after).toMatchObject({ verworfeneListen: 46, verworfeneBearbeitungen: 2 });
  });

  test('decide: no share before figures exist, no position lines for the Landkreis, an override after the deadline says so', async () => {
    await intm('campaign', 'create', '--year', '2025', '--kreis-amount', '1508000');
    const early = await intm('decide', '--year', '2025', '--ags', 'Abstatt', '--choice', 'eigenstaendig', '--vzae', '0,5');
    expect(early.code).toBe(0);
    expect(early.out).toContain('Entscheidung gespeichert (änderbar bis 31.05.2024).');
    expect(early.out).toContain('Anteil: noch nicht berechnet');
    expect(early.out).not.toMatch(/Anteil: 0\u00a0€|Es fehlen/);
    expect((await intm('decide', 'show', '--year', '2025', '--ags', 'Abstatt')).out).toContain('Anteil: noch nicht berechnet');

    const { file } = writeExport();
    await intm('import', file, '--year', '2025');
    const landkreis = await intm('decide', '--year', '2025', '--ags', 'Cleebronn', '--choice', 'landkreis');
    expect(landkreis.code).toBe(0);
    expect(landkreis.out).toMatch(/Anteil: [\d.]+\u00a0€ ≈ [\d,]+ VZÄ \(vorläufig\)/);
    expect(landkreis.out).not.toMatch(/Stelle:|Eigenmittel|deckt die Stelle/);
    expect((await intm('decide', '--year', '2025', '--ags', 'Abstatt', '--choice', 'eigenstaendig', '--vzae', '0,6')).out).toMatch(/Stelle: 0,60 VZÄ kosten 40\.800\u00a0€\n {2}(Es fehlen|Der Anteil deckt)/);

    clock.set('2024-06-03T09:00:00.000Z');
    const noReason = await intm('decide', '--year', '2025', '--ags', 'Cleebronn', '--choice', 'eigenstaendig', '--vzae', '0,5');
    expect(noReason.code).toBe(1);
    expect(noReason.err).toContain('Bitte geben Sie an, warum die Koordinierungsstelle die Entscheidung jetzt noch ändert');
    expect(noReason.err).toContain('--note TEXT');
    const late = await intm('decide', '--year', '2025', '--ags', 'Cleebronn', '--choice', 'eigenstaendig', '--vzae', '0,5', '--note', 'Schreiben vom 28.05.2024');
    expect(late.code).toBe(0);
    expect(late.out).toContain('Entscheidung gespeichert als Änderung durch die Koordinierungsstelle nach Ablauf der Entscheidungsfrist (31.05.2024)');
    expect(late.out).not.toContain('änderbar bis');
  });

  test('refusals name the option to use on the command line, and a misspelt Gemeinde the one probably meant', async () => {
    await intm('campaign', 'create', '--year', '2025', '--kreis-amount', '1508000');
    const lauffen = await intm('decide', '--year', '2025', '--ags', 'Lauffen', '--choice', 'landkreis');
    expect(lauffen).toMatchObject({ code: 1, err: 'Keine Gemeinde des Landkreises Heilbronn hat den Schlüssel bzw. Namen „Lauffen“. Meinten Sie „Lauffen am Neckar“?' });
    expect((await intm('decide', '--year', '2025', '--ags', 'Abstatt', '--choice', 'verbund', '--vzae', '0,5', '--partners', 'Cleebron')).err).toContain('Meinten Sie „Cleebronn“?');
    expect((await intm('review', 'show', '--year', '2025', '--ags', 'Xyzzy')).err).not.toContain('Meinten Sie');
    expect((await intm('decide', '--year', '2025', '--ags', 'Abstatt', '--choice', 'eigenstaendig')).err).toContain('(intm: --vzae N).');
    expect((await intm('decide', '--year', '2025', '--ags', 'Abstatt', '--choice', 'verbund', '--vzae', '0,5')).err).toContain('(intm: --partners AGS,AGS).');

    const { file, exp } = writeExport();
    await intm('import', file, '--year', '2025');
    const [first, second] = exp.persons.filter((p) => p.ags === '08125001' && p.assignmentDate >= '2020-01-01' && p.assignmentDate <= '2022-12-31');
    const noNote = await intm('review', 'strike', '--year', '2025', '--person', first.id, '--reason', 'sonstiges');
    expect(noNote).toMatchObject({ code: 1, err: 'Beim Grund „sonstiges“ geben Sie bitte in mindestens 3 Zeichen an, warum die Person gestrichen wird (intm: --note TEXT).' });
    const noJustification = await intm(
      'review', 'add-person', '--year', '2025', '--ags', 'Abstatt', '--surname', 'Muster', '--given', 'Nora', '--born', '01.01.1990', '--assigned', '01.06.2022',
    );
    expect(noJustification.err).toContain('damit die Koordinierungsstelle ihn prüfen kann (intm: --justification TEXT).');
    await intm('review', 'strike', '--year', '2025', '--person', second.id, '--reason', 'weggezogen');
    const child = await intm('review', 'add-child', '--year', '2025', '--parent', first.id, '--surname', 'Kind', '--given', 'Lina', '--born', later(first.assignmentDate));
    const childId = /Personen-ID (\S+)\)/.exec(child.out)![1];
    expect((await intm('review', 'strike', '--year', '2025', '--person', childId, '--reason', 'doppelt')).err).toBe(
      'Nachgetragene Personen werden nicht gestrichen, sondern mit „Rückgängig“ zurückgenommen (intm: review undo --person ID).',
    );
    const reimport = await intm('import', file, '--year', '2025');
    expect(reimport.err).toContain('nur mit ausdrücklicher Bestätigung („ersetzen“) möglich (intm: --replace).');
    const provisional = await intm('publish', '--year', '2025');
    expect(provisional).toMatchObject({ code: 1, err: expect.stringContaining('ausdrücklich als vorläufig (intm: --force).') });
    expect((await intm('publish', '--year', '2025', '--force')).code).toBe(0);
    // Nothing changed since: publishing again is refused, and says so.
    expect(await intm('publish', '--year', '2025', '--force')).toMatchObject({ code: 1, err: expect.stringContaining('seitdem hat sich nichts geändert') });
    const published = await intm('import', file, '--year', '2025');
    expect(published).toMatchObject({
      code: 1,
      err: 'Die Übersicht für 2025 ist bereits veröffentlicht. Ein neuer Import verwirft die Veröffentlichung; dafür ist --replace anzugeben.',
    });
    clock.set('2024-01-20T09:00:00.000Z');
    await intm('review', 'submit', '--year', '2025', '--ags', 'Abstatt');
    expect((await intm('review', 'reopen', '--year', '2025', '--ags', 'Abstatt')).err).toContain('bearbeiten kann (intm: --until DATUM).');
  });

  test('campaign update --deduction 0 / --deduction-percent 0 removes the Vorwegabzug; the help says so', async () => {
    expect((await intm('help')).out).toContain('--deduction 0 oder --deduction-percent 0 entfernt den Vorwegabzug');
    await intm('campaign', 'create', '--year', '2025', '--kreis-amount', '1508000', '--deduction', '8.000');
    expect((await intm('campaign', 'show', '--year', '2025')).out).toContain('Vorwegabzug:           8.000\u00a0€');
    const removed = await intm('campaign', 'update', '--year', '2025', '--deduction', '0');
    expect(removed).toMatchObject({ code: 0, err: '' });
    expect(removed.out).not.toContain('Vorwegabzug');
    await intm('campaign', 'update', '--year', '2025', '--deduction-percent', '2,5');
    const percentGone = await intm('campaign', 'update', '--year', '2025', '--deduction-percent', '0');
    expect(percentGone.code).toBe(0);
    expect(percentGone.out).not.toContain('Vorwegabzug');
  });

  test('purge: refused before the year ends and before the retention date (named TT.MM.JJJJ, shown in status and campaign show); --force --reason deletes early, audited', async () => {
    const { file } = writeExport();
    expect((await intm('campaign', 'create', '--year', '2025', '--kreis-amount', '1508000')).code).toBe(0);
    expect((await intm('import', file, '--year', '2025')).code).toBe(0);
    expect((await intm('status', '--year', '2025')).out).toContain('Personendaten werden aufbewahrt bis 31.12.2026.');
    expect((await intm('campaign', 'show', '--year', '2025')).out).toMatch(/Aufbewahrung bis: +31\.12\.2026 \(Standard/);

    const early = await intm('purge', '--year', '2025', '--yes');
    expect(early.code).toBe(1);
    expect(early.err).toContain('ab 01.01.2026');
    expect(early.err).toContain('--force --reason');
    // The Landratsamt sets the retention date; before the year's end it is refused.
    expect((await intm('campaign', 'update', '--year', '2025', '--retention-until', '30.06.2025')).err).toContain('nicht vor dem Ende des Berechnungsjahres 2025');
    expect((await intm('campaign', 'update', '--year', '2025', '--retention-until', '30.06.2027')).code).toBe(0);
    expect((await intm('campaign', 'show', '--year', '2025')).out).toMatch(/Aufbewahrung bis: +30\.06\.2027 –/);

    clock.set('2027-01-10T09:00:00.000Z');
    const kept = await intm('purge', '--year', '2025', '--yes');
    expect(kept.code).toBe(1);
    expect(kept.err).toContain('bis 30.06.2027 aufzubewahren');
    expect(kept.err).toContain('ab 01.07.2027');
    expect((await intm('purge', '--year', '2025', '--yes', '--force')).code).toBe(2);
    expect((await intm('purge', '--year', '2025', '--yes', '--reason', 'x')).code).toBe(2);
    expect((await intm('status', '--year', '2025')).out).not.toContain('gelöscht');

    const forced = await intm('purge', '--year', '2025', '--yes', '--force', '--reason', 'Löschverlangen der betroffenen Personen');
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('Vorzeitig gelöscht');
    const audit = await intm('audit', '--year', '2025');
    expect(audit.out).toContain('Löschverlangen der betroffenen Personen');
    expect((await intm('status', '--year', '2025')).out).toContain('Personendaten gelöscht am 10.01.2027');
  });

  test('purge after the retention date: no --force needed', async () => {
    const { file } = writeExport();
    await intm('campaign', 'create', '--year', '2025', '--kreis-amount', '1508000');
    await intm('import', file, '--year', '2025');
    clock.set('2027-01-01T09:00:00.000Z');
    const r = await intm('purge', '--year', '2025', '--yes');
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).not.toContain('Vorzeitig');
  });

  test('roster add, list and remove; audited', async () => {
    await intm('campaign', 'create', '--year', '2025', '--kreis-amount', '1508000');
    const id = '00000002-0000-4000-8000-000000000000';
    expect((await intm('roster', 'add', '--aad-object-id', id, '--name', 'Anna Abstatt', '--ags', 'Abstatt')).out).toContain('Zuordnung gespeichert.');
    expect((await intm('roster', 'add', '--aad-object-id', id, '--name', 'Anna Abstatt', '--ags', 'Abstatt')).out).toContain('Keine Änderung');
    expect((await intm('roster', 'list')).out).toMatch(/Anna Abstatt\s+Gemeinde\s+08125001 Abstatt/);
    expect((await intm('roster', 'add', '--aad-object-id', 'nope', '--name', 'X', '--koordination')).code).toBe(1);
    expect((await intm('roster', 'add', '--aad-object-id', id, '--name', 'X')).code).toBe(2);
    expect((await intm('roster', 'remove', '--aad-object-id', id)).out).toContain('Zuordnung entfernt.');
    expect(JSON.parse((await intm('roster', 'list', '--json')).out)).toEqual([]);
  });

  test('the built binary: exit codes through npm run -s intm', () => {
    const bin = path.join(__dirname, '..', '..', 'dist', 'src', 'cli', 'intm.js');
    expect(existsSync(bin)).toBe(true);
    const env = { ...process.env, INTM_DATA_DIR: dataDir, INTM_NOW: '2024-01-10T09:00:00Z' };
    const ok = spawnSync(process.execPath, [bin, 'campaign', 'create', '--year', '2025', '--kreis-amount', '1508000'], { env, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Kampagne angelegt.');
    const refused = spawnSync(process.execPath, [bin, 'campaign', 'create', '--year', '2025', '--kreis-amount', '1508000'], { env, encoding: 'utf8' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('bereits eine Kampagne');
    const usage = spawnSync(process.execPath, [bin, 'review', 'strike'], { env, encoding: 'utf8' });
    expect(usage.status).toBe(2);
  });

  test('the built binary: a reader that closes the pipe early (| head -1) gets no stack trace', async () => {
    const bin = path.join(__dirname, '..', '..', 'dist', 'src', 'cli', 'intm.js');
    const child = spawn(process.execPath, [bin, 'help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before the first line is written: every write gets EPIPE
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});

function later(date: string): string {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + 30);
  const iso = d.toISOString().slice(0, 10);
  return iso > '2022-12-31' ? '2022-12-31' : iso;
}

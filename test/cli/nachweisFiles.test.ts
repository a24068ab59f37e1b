/** `intm verwendungsnachweis files|attach|remove-file`: the Nachweis' PDF files on the command line. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IntmApp } from '../../src/app';
import { runCli } from '../../src/cli/main';
import { SpreadsheetTableReader } from '../../src/excel/tableReader';
import { ExcelWorkbookWriter } from '../../src/excel/workbookWriter';
import { LowdbRepository } from '../../src/storage/lowdbRepository';
import { fixedClock } from '../../src/storage/systemClock';
import { ABSTATT, coordinator, listWith, person, staff, verzeichnis } from '../fixtures';

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
  dir = mkdtempSync(path.join(os.tmpdir(), 'intm-vnf-'));
  dataDir = path.join(dir, 'data');
  clock.set('2024-01-10T09:00:00.000Z');
  const app = await openApp(dataDir);
  await app.campaigns.create({ year: 2025, kreisAmount: '1508000' }, { actor: coordinator });
  const lists = verzeichnis.all.map((g) => listWith(g.ags, [person(`${g.ags}-1`)]));
  await app.ctx.repo.replaceLists(2025, lists, (current) => ({ next: { ...current, revision: current.revision + 1 }, result: undefined }));
  await app.decisions.decide(2025, { ags: ABSTATT, choice: 'eigenstaendig', vzae: '0.5' }, { actor: staff(ABSTATT) });
  clock.set('2026-01-20T09:00:00.000Z');
  await app.verwendungsnachweis.open(2025, { deadline: '2026-03-31' }, { actor: coordinator });
  await app.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('attach a PDF received by mail, list the files, save them into a folder, remove one; a non-PDF is refused', async () => {
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

/**
 * User text that looks like a formula (=, +, -, @) must reach Excel as text: checked in the written
 * zip itself (a shared-string cell without an <f> element) and through exceljs.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { GemeindeVerzeichnis } from '../../src/domain/gemeinden';
import { strikePerson } from '../../src/domain/list';
import { cleanText, headerText } from '../../src/excel/cells';
import { writeListWorkbook } from '../../src/excel/listWorkbook';
import { writeOverviewWorkbook } from '../../src/excel/overviewWorkbook';
import { reportFor, tempFile, verzeichnis } from './fixtures';
import { FORMULA_SURNAME, GEMEINDE, MINUS_NOTE, PLUS_JUSTIFICATION, reviewedList, STAFF } from './listFixture';
import { rawCell, readWorkbook } from './xlsxFiles';

/** Every cell of a workbook whose value is exactly `text`, as `[sheet, address]`. */
function cellsWithText(wb: ExcelJS.Workbook, text: string): [string, string][] {
  const found: [string, string][] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => cell.value === text && found.push([ws.name, cell.address]))));
  return found;
}

async function expectTextCell(file: string, wb: ExcelJS.Workbook, text: string): Promise<void> {
  const cells = cellsWithText(wb, text);
  expect(cells.length).toBeGreaterThan(0);
  for (const [sheet, address] of cells) {
    const raw = await rawCell(file, sheet, address);
    expect(raw.hasFormula).toBe(false);
    expect(raw.type).toBe('s');
    expect(raw.text).toBe(text);
    const cell = wb.getWorksheet(sheet)!.getCell(address);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.numFmt).toBe('@');
  }
}

async function allFormulas(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
  const formulas: string[] = [];
  for (const name of sheets) {
    const xml = await zip.file(name)!.async('string');
    for (const m of xml.matchAll(/<f>([\s\S]*?)<\/f>/g)) formulas.push(m[1]);
  }
  return formulas;
}

describe('Benutzertext wird nie zur Formel', () => {
  test('Liste: Namen, Notizen und Begründungen mit =, +, - und @ bleiben Text', async () => {
    const { campaign, list, history, ids } = reviewedList();
    const file = tempFile('liste.xlsx');
    await writeListWorkbook({ campaign, gemeinde: GEMEINDE, list, history, generatedAt: '2024-01-20T10:00:00Z' }, file);
    const wb = await readWorkbook(file);
    for (const text of [FORMULA_SURNAME, PLUS_JUSTIFICATION, MINUS_NOTE, '@Vorname', `${FORMULA_SURNAME}, @Vorname (${ids.accepted})`]) {
      await expectTextCell(file, wb, text);
    }
    const formulas = await allFormulas(file);
    expect(formulas.length).toBe(1); // only the header block's count of persons
    expect(formulas.join(' ')).not.toMatch(/HYPERLINK|SUM\(1/);
  });

  test('Übersicht: auch ein Gemeindename, der wie eine Formel aussieht, bleibt Text', async () => {
    const all = verzeichnis().all.map((g, i) => (i === 0 ? { ...g, name: '=1+1' } : i === 1 ? { ...g, name: '@SUM(A1)' } : g));
    const report = reportFor({ year: 2025, kreisAmount: '1000' }, [1, 2, 3], undefined, new GemeindeVerzeichnis(all));
    const file = tempFile('uebersicht.xlsx');
    await writeOverviewWorkbook(report, file);
    const wb = await readWorkbook(file);
    await expectTextCell(file, wb, '=1+1');
    await expectTextCell(file, wb, '@SUM(A1)');
    expect((await allFormulas(file)).some((f) => f.includes('1+1') || f.includes('SUM(A1)'))).toBe(false);
  });

  test('Steuerzeichen, die eine Datei beschädigen würden, werden entfernt', async () => {
    const { campaign, list, history } = reviewedList();
    const reopened = { ...structuredClone(list), submitted: undefined };
    const struck = strikePerson(
      reopened,
      { personId: 'P-1001', reason: 'sonstiges', note: 'Umzug\u0007 nach\u0000 Köln \uD800' },
      { actor: STAFF, now: '2024-01-11T08:00:00Z', today: '2024-01-11', campaign, published: false },
    );
    const file = tempFile('steuerzeichen.xlsx');
    await writeListWorkbook({ campaign, gemeinde: GEMEINDE, list: struck.list, history: [...history, struck.entry!], generatedAt: '2024-01-20T10:00:00Z' }, file);
    const wb = await readWorkbook(file);
    expect(cellsWithText(wb, 'Umzug nach Köln ').length).toBeGreaterThan(0);
  });

  test('Hilfsfunktionen', () => {
    expect(cleanText('a\u0001b\tc\nd')).toBe('ab\tc\nd');
    expect(cleanText('x'.repeat(40_000))).toHaveLength(32_767);
    expect(cleanText('😀')).toBe('😀');
    expect(headerText('A & B')).toBe('A && B');
  });
});

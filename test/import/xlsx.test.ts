/** .xlsx through exceljs's streaming reader: cell kinds, first sheet only, no temp files, damaged files. */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { SpreadsheetTableReader, readStep1 } from '../../src/excel/tableReader';
import type { Cell } from '../../src/domain/importRows';
import { HEADER, errorLines, personRow, refusal, rules, tempFolder, xlsx } from './helpers';

const tmp = tempFolder();
afterAll(() => tmp.cleanup());

async function rowsOf(bytes: Buffer): Promise<{ rowNumber: number; cells: Cell[] }[]> {
  const rows = [];
  for await (const r of new SpreadsheetTableReader().read(bytes, 'test.xlsx')) rows.push(r);
  return rows;
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

it('hands over Excel dates, serial numbers, text dates and numeric AGS as the validator needs them', async () => {
  const bytes = await xlsx(
    [
      HEADER,
      personRow('P1', { AGS: 8125001, Geburtsdatum: utc(1990, 5, 1), Zuweisungsdatum: utc(2021, 3, 15) }),
      personRow('P2', { Geburtsdatum: 32994, Zuweisungsdatum: 44270 }), // plain numbers, no date format
      personRow('P3', { Geburtsdatum: '01.05.1990', Zuweisungsdatum: '2021-03-15' }),
    ],
    (sheet) => {
      sheet.getCell('G2').numFmt = 'dd.mm.yyyy';
      sheet.getCell('H2').numFmt = 'dd.mm.yyyy';
    },
  );
  const rows = await rowsOf(bytes);
  expect(rows[1].cells[0]).toBe(8125001);
  expect(rows[1].cells[6]).toEqual(utc(1990, 5, 1));
  expect(rows[2].cells[6]).toBe(32994);
  const out = await readStep1(bytes, 'test.xlsx', rules());
  expect(out.errors).toEqual([]);
  expect(out.persons.map((p) => [p.ags, p.birthDate, p.assignmentDate])).toEqual([
    ['08125001', '1990-05-01', '2021-03-15'],
    ['08125001', '1990-05-01', '2021-03-15'],
    ['08125001', '1990-05-01', '2021-03-15'],
  ]);
});

it('turns rich text, formula results, hyperlinks and error values into plain cells', async () => {
  const bytes = await xlsx([
    HEADER,
    personRow('P1', {
      AGS: { formula: '8125000+1', result: 8125001 } as unknown as Cell,
      Nachname: { richText: [{ text: 'Tale', font: { bold: true } }, { text: 'mor' }] } as unknown as Cell,
      Vorname: { text: 'Amina', hyperlink: 'mailto:nobody@example.org' } as unknown as Cell,
      'Haushalts-ID': { formula: 'A1', result: 'HH-1' } as unknown as Cell,
      Zugangsart: { error: '#N/A' } as unknown as Cell,
    }),
  ]);
  const rows = await rowsOf(bytes);
  expect(rows[1].cells.slice(0, 6)).toEqual([8125001, 'Abstatt', 'P1', 'HH-1', 'Talemor', 'Amina']);
  const out = await readStep1(bytes, 'test.xlsx', rules());
  expect(errorLines(out)).toEqual(['Zeile 2: Unbekannte Zugangsart „#N/A“; erlaubt sind „Zuweisung“ und „Familiennachzug“.']);
});

it('uses the sheet\'s row numbers, also when the header is not in row 1', async () => {
  const bytes = await xlsx([[], [], HEADER, personRow('P1'), [], personRow('P2', { Vorname: '' })]);
  const out = await readStep1(bytes, 'test.xlsx', rules());
  expect(out.rowsRead).toBe(2);
  expect(errorLines(out)).toEqual(['Zeile 6: Der Vorname fehlt.']);
});

it('reads only the first worksheet', async () => {
  const bytes = await xlsx([HEADER, personRow('P1')], (_sheet, workbook) => {
    workbook.addWorksheet('Notizen').addRow(['kein', 'Export', 'hier']);
  });
  const out = await readStep1(bytes, 'test.xlsx', rules());
  expect(out).toMatchObject({ ok: true, rowsRead: 1 });
});

describe('personal data never goes to a temporary file', () => {
  // exceljs's streaming reader copies a worksheet that comes before the shared strings in the zip –
  // as Excel and exceljs write them – to a temp file. The reader reorders the zip so it never does.
  let writes: jest.SpyInstance;
  beforeEach(() => (writes = jest.spyOn(fs, 'createWriteStream')));
  afterEach(() => writes.mockRestore());

  it('exceljs alone would write one (so this test can tell)', async () => {
    const file = tmp.file('plain.xlsx', await xlsx([HEADER, personRow('P1')]));
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(fs.createReadStream(file), {});
    for await (const sheet of reader) for await (const _row of sheet) void _row;
    expect(writes).toHaveBeenCalled();
  });

  it('our reader does not, whether it reads to the end or stops early', async () => {
    const rows = [HEADER, ...Array.from({ length: 50 }, (_, i) => personRow(`P${i}`))];
    const bytes = await xlsx(rows);
    expect((await readStep1(bytes, 'test.xlsx', rules())).persons).toHaveLength(50);
    await refusal(() => readStep1(bytes, 'test.xlsx', rules({ maxRows: 10 })));
    expect(writes).not.toHaveBeenCalled();
  });

  it('nor for a workbook without shared strings (inline strings from a streaming writer)', async () => {
    const file = tmp.file('inline.xlsx', '');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: true });
    const sheet = workbook.addWorksheet('Export');
    sheet.addRow(HEADER).commit();
    sheet.addRow(personRow('P1', { Nachname: 'Müller' })).commit();
    sheet.commit();
    await workbook.commit();
    writes.mockClear();
    const out = await readStep1(fs.readFileSync(file), 'inline.xlsx', rules());
    expect(out.persons.map((p) => p.surname)).toEqual(['Müller']);
    expect(writes).not.toHaveBeenCalled();
  });
});

describe('damaged files give a sentence, never a stack trace or a hang', () => {
  async function bigXlsx(): Promise<Buffer> {
    const rows = [HEADER, ...Array.from({ length: 3000 }, (_, i) => personRow(`P${i}`, { Nachname: `N${(i * 7919) % 10007}` }))];
    return xlsx(rows);
  }
  /** Offset of the compressed data of a zip entry (after its local header). */
  function dataOffset(bytes: Buffer, name: string): number {
    const header = bytes.indexOf(Buffer.from(name)) - 30;
    expect(bytes.readUInt32LE(header)).toBe(0x04034b50);
    return header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
  }

  it('refuses broken compressed data in the worksheet', async () => {
    const bytes = await bigXlsx();
    const at = dataOffset(bytes, 'xl/worksheets/sheet1.xml');
    for (let i = 0; i < 8; i++) bytes[at + i] ^= 0xff;
    const e = await refusal(() => readStep1(bytes, 'test.xlsx', rules()));
    expect(e.code).toBe('import.unreadable');
    expect(e.text()).toBe('Die Datei konnte nicht gelesen werden; sie ist vermutlich beschädigt. Bitte öffnen Sie sie in Excel und speichern Sie sie erneut als .xlsx oder .csv.');
  });

  it('refuses a worksheet whose XML is damaged in the middle', async () => {
    const bytes = await bigXlsx();
    const at = dataOffset(bytes, 'xl/worksheets/sheet1.xml');
    for (let i = 0; i < 4; i++) bytes[at + 2000 + i] ^= 0x5a;
    expect((await refusal(() => readStep1(bytes, 'test.xlsx', rules()))).code).toBe('import.unreadable');
  });

  it('refuses a truncated download', async () => {
    const bytes = await bigXlsx();
    const e = await refusal(() => readStep1(bytes.subarray(0, bytes.length - 200), 'test.xlsx', rules()));
    expect(e.code).toBe('import.notASpreadsheet');
    expect(e.text()).toBe('Die Excel-Datei ist unvollständig oder beschädigt. Bitte exportieren oder speichern Sie sie erneut und laden Sie sie noch einmal hoch.');
  });
});

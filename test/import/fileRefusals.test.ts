/** Files that are no step-1 export at all, and files too large: one clear sentence each. */
import JSZip from 'jszip';
import { SpreadsheetTableReader, readStep1 } from '../../src/excel/tableReader';
import { toCsv } from '../../src/demo/syntheticExport';
import { HEADER, personRow, refusal, rules, xlsx } from './helpers';

async function refusalOf(bytes: Buffer, fileName = 'upload.xlsx', limits?: Parameters<typeof rules>[0]) {
  const e = await refusal(() => readStep1(bytes, fileName, rules(limits)));
  return { code: e.code, kind: e.params.kind, de: e.text('de'), en: e.text('en') };
}

async function zip(files: Record<string, string>): Promise<Buffer> {
  const z = new JSZip();
  for (const [name, content] of Object.entries(files)) z.file(name, content);
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

it('an empty file', async () => {
  expect(await refusalOf(Buffer.alloc(0))).toMatchObject({
    code: 'import.emptyFile',
    de: 'Die Datei ist leer (0 Byte). Bitte prüfen Sie den Export und laden Sie die Datei erneut hoch.',
  });
});

it('an old .xls (OLE compound file) – also what a password-protected .xlsx is', async () => {
  const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504, 0)]);
  expect(await refusalOf(ole, 'liste.xls')).toEqual({
    code: 'import.notASpreadsheet',
    kind: 'xls',
    de: 'Die Datei ist im alten Excel-Format (.xls) gespeichert oder mit einem Kennwort geschützt. Bitte öffnen Sie sie in Excel und speichern Sie sie ohne Kennwort als „Excel-Arbeitsmappe (.xlsx)“ oder als „CSV (Trennzeichen-getrennt)“.',
    en: 'The file is in the old Excel format (.xls) or password-protected. Please open it in Excel and save it without a password as "Excel Workbook (.xlsx)" or as "CSV (comma delimited)".',
  });
});

it('a zip that is no workbook', async () => {
  const e = await refusalOf(await zip({ 'liste.csv': 'AGS;Gemeinde', 'readme.txt': 'hallo' }), 'liste.zip');
  expect(e).toMatchObject({ code: 'import.notASpreadsheet', kind: 'zip' });
  expect(e.de).toBe('Die Datei ist ein ZIP-Archiv (oder ein Word-/PowerPoint-Dokument), aber keine Excel-Arbeitsmappe. Bitte laden Sie die Tabelle selbst hoch, als .xlsx oder .csv.');
});

it('an OpenDocument spreadsheet (.ods)', async () => {
  const ods = await zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' });
  expect(await refusalOf(ods, 'liste.ods')).toMatchObject({ kind: 'ods', de: expect.stringContaining('(.ods)') });
});

it.each([
  ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n', 'latin1'), 'pdf', 'Die Datei ist ein PDF-Dokument. Bitte laden Sie die Tabelle selbst hoch, als Excel-Datei (.xlsx) oder CSV-Datei.'],
  ['a PNG image', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'image', 'Die Datei ist ein Bild. Bitte laden Sie die Tabelle selbst hoch, als Excel-Datei (.xlsx) oder CSV-Datei.'],
  ['a JPEG photo', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), 'image', 'Die Datei ist ein Bild. Bitte laden Sie die Tabelle selbst hoch, als Excel-Datei (.xlsx) oder CSV-Datei.'],
  ['other binary data', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0]), 'binary', 'Die Datei ist keine Tabelle: erwartet wird eine Excel-Datei (.xlsx) oder eine CSV-Datei.'],
  ['a web page saved as .xls', Buffer.from('<html><body><table><tr><td>AGS</td></tr></table></body></html>'), 'html', expect.stringContaining('Webseite (HTML)')],
  ['Excel 2003 XML', Buffer.from('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook/>'), 'xml', expect.stringContaining('XML-Tabelle 2003')],
])('%s', async (_name, bytes, kind, de) => {
  expect(await refusalOf(bytes, 'upload.bin')).toMatchObject({ code: 'import.notASpreadsheet', kind, de });
});

it('an .xlsx without any rows', async () => {
  const e = await refusalOf(await xlsx([]));
  expect(e).toMatchObject({ code: 'import.noRows', de: 'Die Tabelle enthält keine Zeilen. Bitte prüfen Sie, ob die Daten im ersten Tabellenblatt stehen.' });
});

it('a CSV of blank lines', async () => {
  expect((await refusalOf(Buffer.from('\r\n \r\n;;;\r\n'), 'leer.csv')).code).toBe('import.noRows');
});

it('plain text that is no table gets the missing columns named', async () => {
  const e = await refusalOf(Buffer.from('Sehr geehrte Damen und Herren,\nanbei die Liste.\n'), 'brief.txt');
  expect(e.code).toBe('import.missingColumns');
});

describe('size limits', () => {
  it('refuses a file over the size limit before reading it', async () => {
    const bytes = toCsv([HEADER, ...Array.from({ length: 40 }, (_, i) => personRow(`P${i}`).map(String))]);
    expect(bytes.length).toBeGreaterThan(2048);
    expect((await refusalOf(bytes, 'x.csv', { maxFileBytes: 2048 })).code).toBe('import.fileTooLarge');
    const big = await refusalOf(Buffer.alloc(26 * 1024 * 1024, 0x41), 'x.csv');
    expect(big.de).toBe('Die Datei ist zu groß (26 MB; höchstens 25 MB). Bitte prüfen Sie, ob sie nur die Liste für das Integrationsmanagement enthält.');
  });

  it('refuses an .xlsx whose parts unpack beyond the limit (zip bomb guard)', async () => {
    const bytes = await xlsx([HEADER, ...Array.from({ length: 200 }, (_, i) => personRow(`P${i}`))]);
    expect(await refusalOf(bytes, 'x.xlsx', { maxUnzippedBytes: 4096 })).toMatchObject({ code: 'import.unzippedTooLarge' });
  });

  /** Counts the rows the validator pulled from the reader before it stopped. */
  async function pulledBeforeRefusal(bytes: Buffer, fileName: string, maxRows: number) {
    let pulled = 0;
    const inner = new SpreadsheetTableReader();
    const counting = {
      async *read(b: Buffer, name: string) {
        for await (const row of inner.read(b, name)) {
          pulled++;
          yield row;
        }
      },
    };
    const e = await refusal(() => readStep1(bytes, fileName, rules({ maxRows }), counting));
    return { pulled, text: e.text() };
  }

  it.each(['csv', 'xlsx'])('stops reading a %s at the row limit instead of reading it all', async (format) => {
    const rows = [HEADER, ...Array.from({ length: 5000 }, (_, i) => personRow(`P${i}`))];
    const bytes = format === 'csv' ? toCsv(rows.map((r) => r.map((c) => String(c ?? '')))) : await xlsx(rows);
    const { pulled, text } = await pulledBeforeRefusal(bytes, `big.${format}`, 100);
    expect(text).toBe('Die Tabelle hat mehr als 100 Datenzeilen; so viele Personen kann die Liste nicht enthalten. Der Import wurde abgebrochen.');
    expect(pulled).toBe(102); // the header, 100 rows, and the one too many
  });

  it('blank lines count too: a file of nothing but empty lines stops at twice the row limit', async () => {
    const blank = Buffer.from(`${HEADER.join(';')}\n${'\n'.repeat(5000)}`);
    const { pulled, text } = await pulledBeforeRefusal(blank, 'leer.csv', 100);
    expect(text).toContain('mehr als 100 Datenzeilen');
    expect(pulled).toBe(201);
  });
});

describe('hostile or damaged .xlsx: refused with one sentence, never read beyond the limits', () => {
  /** A valid export with its first worksheet's XML (and optionally the zip) changed. */
  async function withSheet(change: (xml: string) => string, drop: string[] = []): Promise<Buffer> {
    const z = await JSZip.loadAsync(await xlsx([HEADER, ...Array.from({ length: 10 }, (_, i) => personRow(`P${i}`))]));
    z.file('xl/worksheets/sheet1.xml', change(await z.file('xl/worksheets/sheet1.xml')!.async('string')));
    for (const name of drop) z.remove(name);
    return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  }

  /** Makes the zip's directory claim `size` unpacked bytes for `name` – a claim a zip bomb can fake. */
  function claimSize(zipBytes: Buffer, name: string, size: number): Buffer {
    const out = Buffer.from(zipBytes);
    for (let p = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p !== -1; p = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4)) {
      if (out.toString('utf8', p + 46, p + 46 + out.readUInt16LE(p + 28)) === name) out.writeUInt32LE(size, p + 24);
    }
    return out;
  }

  it('a zip bomb whose directory understates the unpacked size', async () => {
    const bomb = await withSheet((xml) => xml.replace('<sheetData>', `<sheetData>${' '.repeat(3_000_000)}`));
    const lying = claimSize(bomb, 'xl/worksheets/sheet1.xml', 1000);
    expect(lying.length).toBeLessThan(100_000);
    expect(await refusalOf(lying, 'bombe.xlsx', { maxUnzippedBytes: 1_000_000 })).toMatchObject({ code: 'import.unzippedTooLarge' });
  });

  it('XML nested far deeper than any workbook (it would exhaust the parser)', async () => {
    const deep = await withSheet((xml) => xml.replace('<sheetData>', `<sheetData>${'<x>'.repeat(1000)}${'</x>'.repeat(1000)}`));
    expect(await refusalOf(deep)).toMatchObject({ code: 'import.unreadable' });
  });

  it('a worksheet cut off in the middle: refused, not imported in part', async () => {
    const cut = await withSheet((xml) => xml.slice(0, xml.indexOf('<row r="6"') + 12));
    expect(await refusalOf(cut)).toMatchObject({ code: 'import.unreadable' });
  });

  it('a workbook without its relations part (exceljs would copy the sheet to a temporary file)', async () => {
    const e = await refusalOf(await withSheet((xml) => xml, ['xl/_rels/workbook.xml.rels']));
    expect(e).toMatchObject({ code: 'import.notASpreadsheet', kind: 'brokenZip' });
  });

  it('the untouched file still imports', async () => {
    const outcome = await readStep1(await withSheet((xml) => xml), 'ok.xlsx', rules());
    expect(outcome.ok).toBe(true);
  });
});

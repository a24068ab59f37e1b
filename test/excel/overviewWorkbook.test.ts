/** The overview workbook read back: layout, German labels, formats, stored results equal to the report. */
import { readFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import type { WorkbookWriter } from '../../src/app/workbooks';
import { createCampaign } from '../../src/domain/campaign';
import { decide, emptyDecisionBook } from '../../src/domain/decision';
import { buildOverviewWorkbook, overviewWorkbookBuffer, writeOverviewWorkbook } from '../../src/excel/overviewWorkbook';
import { writeListWorkbook } from '../../src/excel/listWorkbook';
import { NOW, reportFor, tempFile, TODAY, verzeichnis } from './fixtures';
import { rawCell, readWorkbook, rowsByAgs } from './xlsxFiles';
import { writeImportIssuesWorkbook } from '../../src/excel/importIssuesWorkbook';

// The adapter fits the application's port.
const writer: WorkbookWriter = { overview: writeOverviewWorkbook, list: writeListWorkbook, importIssues: writeImportIssuesWorkbook };

const HEADERS = [
  'AGS',
  'Gemeinde',
  'gelistet',
  'gestrichen',
  'nachgetragen',
  'Personen zum Stichtag',
  'Anteil',
  'Betrag ungerundet',
  'Betrag (Zuwendung)',
  'VZÄ',
  'Status der Liste',
  'Entscheidung',
];

function formulaResult(cell: ExcelJS.Cell): unknown {
  expect(cell.type).toBe(ExcelJS.ValueType.Formula);
  return cell.result;
}

describe('Übersicht als Excel-Datei', () => {
  const counts = Array.from({ length: 46 }, (_, i) => 5 + ((i * 17) % 40));
  const report = reportFor({ year: 2025, kreisAmount: '1508000' }, counts);

  test('Zeilen je Gemeinde, AGS als Text, gespeicherte Ergebnisse gleich dem Bericht, Summen auf den Cent', async () => {
    const file = tempFile('uebersicht.xlsx');
    await writer.overview(report, file);
    const wb = await readWorkbook(file);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Übersicht', 'Rechenweg', 'Parameter']);
    const ws = wb.getWorksheet('Übersicht')!;
    expect(ws.getCell('A1').value).toBe('Integrationsmanagement – Verteilung Berechnungsjahr 2025');
    expect(HEADERS.map((_, i) => ws.getCell(3, i + 1).value)).toEqual(HEADERS);

    const rows = rowsByAgs(ws);
    expect([...rows.keys()]).toEqual(report.rows.map((r) => r.ags));
    expect(report.rows[0].ags).toMatch(/^0/);
    let cents = 0;
    for (const row of report.rows) {
      const r = rows.get(row.ags)!;
      const cell = (col: string) => ws.getCell(`${col}${r}`);
      expect(cell('A').value).toBe(row.ags);
      expect(cell('A').numFmt).toBe('@');
      expect(cell('B').value).toBe(row.gemeinde);
      expect([cell('C').value, cell('D').value, cell('E').value]).toEqual([row.listed, row.struck, row.added]);
      expect(formulaResult(cell('F'))).toBe(row.persons);
      expect(formulaResult(cell('G'))).toBe(Number(row.share));
      expect(formulaResult(cell('H'))).toBe(Number(row.exactAmount));
      expect(formulaResult(cell('I'))).toBe(Number(row.amount));
      expect(formulaResult(cell('J'))).toBe(Number(row.vzae));
      expect(cell('K').value).toBe('eingereicht am 01.02.2024');
      expect(cell('L').value).toBe('offen');
      cents += Math.round(Number(cell('I').result) * 100);
    }
    expect(cents).toBe(150_800_000);
    // The AGS is stored as a string in the file itself, not as a number with a format.
    const agsCell = await rawCell(file, 'Übersicht', `A${rows.get(report.rows[0].ags)}`);
    expect(agsCell.type).toBe('s');
    expect(agsCell.text).toBe(report.rows[0].ags);

    const total = Math.max(...rows.values()) + 1;
    expect(ws.getCell(`B${total}`).value).toBe('Summe (46 Gemeinden)');
    expect(ws.getCell(`I${total}`).formula).toBe(`ROUND(SUM(I4:I${total - 1}),2)`);
    expect(formulaResult(ws.getCell(`I${total}`))).toBe(1_508_000);
    expect(formulaResult(ws.getCell(`F${total}`))).toBe(report.totals.persons);
    expect(formulaResult(ws.getCell(`J${total}`))).toBe(Number(report.totals.vzae));
    expect(formulaResult(ws.getCell(`I${total + 2}`))).toBe('OK');
  });

  test('Zahlenformate, fixierte Kopfzeilen, Filter und Druck im Querformat', async () => {
    const file = await written(report);
    const ws = (await readWorkbook(file)).getWorksheet('Übersicht')!;
    expect(ws.getCell('I4').numFmt).toBe('#,##0 €');
    expect(ws.getCell('H4').numFmt).toBe('#,##0.0000 €');
    expect(ws.getCell('G4').numFmt).toBe('0.0000 %');
    expect(ws.getCell('J4').numFmt).toBe('0.00##');
    expect(ws.getCell('F4').numFmt).toBe('#,##0');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 3 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(25);
    // Excel recalculates on opening, so what it shows is its own arithmetic.
    const zip = await JSZip.loadAsync(await readFile(file));
    expect(await zip.file('xl/workbook.xml')!.async('string')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);

    const cent = reportFor({ year: 2025, kreisAmount: '1507999.99', unit: '0.01' }, counts);
    const centWs = (await readWorkbook(await written(cent))).getWorksheet('Übersicht')!;
    expect(centWs.getCell('I4').numFmt).toBe('#,##0.00 €');
  });

  test('Parameter: Beträge, echte Datumswerte TT.MM.JJJJ, Regel bei Gleichstand, Stand', async () => {
    const withLand = reportFor(
      { year: 2025, landesmittel: '40000000', quotePercent: '3.77', vorwegabzugAmount: '8000', eurPerVzae: '68000' },
      counts,
    );
    const ws = (await readWorkbook(await written(withLand))).getWorksheet('Parameter')!;
    const values = new Map<string, ExcelJS.Cell>();
    ws.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2)));
    expect(values.get('Berechnungsjahr')!.value).toBe(2025);
    expect(values.get('Stand der Zahlen')!.value).toBe('endgültig');
    expect(values.get('Landesmittel (Land Baden-Württemberg)')!.value).toBe(40_000_000);
    expect(values.get('Zuteilungsquote des Landkreises')!.value).toBeCloseTo(0.0377, 12);
    expect(values.get('Kreisbetrag')!.value).toBe(1_508_000);
    expect(values.get('Vorwegabzug Koordinierungsstelle')!.value).toBe(8000);
    expect(formulaResult(values.get('Zu verteilender Betrag')!)).toBe(1_500_000);
    expect(values.get('Rundungseinheit')!.value).toBe(1);
    expect(values.get('Kosten je VZÄ (Vollzeitäquivalent)')!.value).toBe(68000);
    const stichtag = values.get('Stichtag')!;
    expect(stichtag.value).toEqual(new Date(Date.UTC(2022, 11, 31)));
    expect(stichtag.numFmt).toBe('dd.mm.yyyy');
    expect(values.get('Betrachtungszeitraum von')!.value).toEqual(new Date(Date.UTC(2020, 0, 1)));
    expect(values.get('Frist für die Rückgabe der Listen')!.value).toEqual(new Date(Date.UTC(2024, 0, 15)));
    expect(values.get('Frist für die Entscheidung der Gemeinden')!.value).toEqual(new Date(Date.UTC(2024, 4, 31)));
    // 09:30 UTC is 10:30 in Heilbronn in winter.
    expect(values.get('Erstellt am')!.value).toEqual(new Date(Date.UTC(2024, 1, 1, 10, 30)));
    expect(values.get('Erstellt am')!.numFmt).toBe('dd.mm.yyyy hh:mm');
    expect(values.get('Regel bei gleichem Rest')!.value).toBe(withLand.tieRule);

    const direct = (await readWorkbook(await written(report))).getWorksheet('Parameter')!;
    const labels: string[] = [];
    direct.eachRow((row) => labels.push(String(row.getCell(1).value)));
    expect(labels).not.toContain('Landesmittel (Land Baden-Württemberg)');
    expect(labels).toContain('Kreisbetrag');
  });

  test('vorläufig, Listenstatus und Entscheidungen in deutschen Worten', async () => {
    const v = verzeichnis();
    const [a, b, c, d] = v.all;
    const campaign = createCampaign({ year: 2025, kreisAmount: '1508000' });
    const ctx = {
      actor: { id: 'k', name: 'Koordinierungsstelle', role: 'koordination' as const },
      now: NOW,
      today: TODAY,
      campaign,
      knownAgs: new Set(v.all.map((g) => g.ags)),
    };
    let book = emptyDecisionBook(2025);
    book = decide(book, { ags: a.ags, choice: 'verbund', vzae: '0.5', partners: [b.ags] }, ctx).book;
    book = decide(book, { ags: c.ags, choice: 'eigenstaendig', vzae: '1' }, ctx).book;
    book = decide(book, { ags: d.ags, choice: 'landkreis' }, ctx).book;
    const mixed = reportFor(
      { year: 2025, kreisAmount: '1508000' },
      [{ listed: 10, struck: 1, added: 1, pending: 2 }, { listed: 8 }, 12, { listed: 9, pending: 1, submitted: true }],
      book,
    );
    expect(mixed.provisional).toBe(true);
    const ws = (await readWorkbook(await written(mixed))).getWorksheet('Übersicht')!;
    expect(ws.getCell('A1').value).toBe('Integrationsmanagement – Verteilung Berechnungsjahr 2025 (vorläufig)');
    const rows = rowsByAgs(ws);
    const text = (ags: string, col: string) => ws.getCell(`${col}${rows.get(ags)}`).value;
    expect(text(a.ags, 'K')).toBe('in Bearbeitung, überfällig, 2 Nachträge offen');
    expect(text(b.ags, 'K')).toBe('versendet, überfällig');
    expect(text(c.ags, 'K')).toBe('eingereicht am 01.02.2024');
    expect(text(d.ags, 'K')).toBe('eingereicht am 01.02.2024, 1 Nachtrag offen');
    expect(text(a.ags, 'L')).toBe('Verbund – noch nicht gültig');
    expect(text(c.ags, 'L')).toBe('in eigener Verantwortung');
    expect(text(d.ags, 'L')).toBe('Landkreis');
    expect(text(v.all[4].ags, 'L')).toBe('offen');

    const params = (await readWorkbook(await written(mixed))).getWorksheet('Parameter')!;
    let stand: unknown;
    params.eachRow((row) => row.getCell(1).value === 'Stand der Zahlen' && (stand = row.getCell(2).value));
    expect(stand).toBe('vorläufig');
  });

  test('schreibt auch in einen Stream und als Buffer', async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    await writeOverviewWorkbook(report, stream);
    const fromStream = new ExcelJS.Workbook();
    await fromStream.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer);
    expect(fromStream.getWorksheet('Übersicht')!.getCell('B4').value).toBe(report.rows[0].gemeinde);
    const buffer = await overviewWorkbookBuffer(report);
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
  });

  test('verweigert einen Bericht, dessen Beträge nicht zum Rechenweg passen', () => {
    const broken = structuredClone(report);
    broken.rows[0].amount = (Number(broken.rows[0].amount) + 1).toFixed(2);
    expect(() => buildOverviewWorkbook(broken)).toThrow(/Rechenweg/);
  });
});

async function written(report: Parameters<typeof writeOverviewWorkbook>[0]): Promise<string> {
  const file = tempFile('uebersicht.xlsx');
  await writeOverviewWorkbook(report, file);
  return file;
}

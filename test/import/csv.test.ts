/** CSV files as Excel and databases write them: both delimiters, three encodings, quotes, BOM. */
import { readFileSync } from 'node:fs';
import { SpreadsheetTableReader, detectDelimiter, readStep1 } from '../../src/excel/tableReader';
import { encodeWindows1252, toCsv } from '../../src/demo/syntheticExport';
import { HEADER, errorLines, refusal, rules, tempFolder } from './helpers';

const tmp = tempFolder();
afterAll(() => tmp.cleanup());

/** Persons with umlauts in names and Gemeinden: they show whether decoding worked. */
const ROWS = [
  HEADER,
  ['08125059', 'Löwenstein', 'P1', 'HH-1', 'Müller', 'Jörg', '01.05.1990', '15.03.2021', 'Zuweisung'],
  ['08125038', 'Güglingen', 'P2', 'HH-2', 'Weiß', 'Zoë', '1985-12-24', '2022-01-02', 'Familiennachzug'],
  ['08125107', 'Wüstenrot', 'P3', '', 'Öztürk', 'Ülkü', '3.4.2010', '01.06.2020', 'zuweisung'],
];

/** Writes the bytes to a real file in tmp and reads them back, as an upload would arrive. */
async function importFile(name: string, bytes: Buffer) {
  const file = tmp.file(name, bytes);
  return readStep1(readFileSync(file), name, rules());
}

function expectUmlautsIntact(out: Awaited<ReturnType<typeof importFile>>) {
  expect(out.errors).toEqual([]);
  expect(out.persons.map((p) => [p.ags, p.surname, p.givenName])).toEqual([
    ['08125059', 'Müller', 'Jörg'],
    ['08125038', 'Weiß', 'Zoë'],
    ['08125107', 'Öztürk', 'Ülkü'],
  ]);
}

describe.each([';', ','] as const)('delimiter %p', (delimiter) => {
  it.each(['utf8', 'utf8-bom', 'windows-1252'] as const)('decodes %s', async (encoding) => {
    const bytes = toCsv(ROWS, { delimiter, encoding });
    if (encoding === 'windows-1252') expect(bytes.includes(Buffer.from('ü'))).toBe(false); // really not UTF-8
    if (encoding === 'utf8-bom') expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expectUmlautsIntact(await importFile(`export-${encoding}.csv`, bytes));
  });
});

it('detects the delimiter from the header line, ignoring quoted ones', () => {
  expect(detectDelimiter('AGS;Gemeinde;"Name, Vorname"\n1,2,3,4,5,6')).toBe(';');
  expect(detectDelimiter('\n\nAGS,Gemeinde,"a;b"\n')).toBe(',');
  expect(detectDelimiter('AGS\tGemeinde\tPersonen-ID\n')).toBe('\t');
});

it('reads quoted fields with delimiters, quotes and line breaks inside; row numbers count records', async () => {
  const text =
    'AGS;Gemeinde;Personen-ID;Nachname;Vorname;Geburtsdatum;Zuweisungsdatum;Zugangsart;Bemerkung\r\n' +
    '08125001;Abstatt;P1;"Sarvin; geb. Talemor";"Amina ""Mina""";01.05.1990;15.03.2021;Zuweisung;"erste Zeile\r\nzweite Zeile"\r\n' +
    '\r\n' +
    '08125001;Abstatt;P2;Karam;Omar;01.05.1990;gestern;Zuweisung;\r\n';
  const out = await importFile('quoted.csv', Buffer.from(text, 'utf8'));
  expect(out.rowsRead).toBe(2);
  // Record 1 header, 2 the quoted multi-line record, 3 the empty line, 4 the bad row – as Excel shows it.
  expect(errorLines(out)).toEqual(['Zeile 4: Zuweisungsdatum: „gestern“ ist kein Datum; bitte im Format TT.MM.JJJJ angeben.']);
  const reader = new SpreadsheetTableReader();
  const rows = [];
  for await (const r of reader.read(Buffer.from(text, 'utf8'), 'quoted.csv')) rows.push(r);
  expect(rows[1].cells.slice(3, 5)).toEqual(['Sarvin; geb. Talemor', 'Amina "Mina"']);
  expect(rows[1].cells[8]).toBe('erste Zeile\r\nzweite Zeile');
});

it('follows Excel\'s "sep=" hint line and numbers rows as Excel shows them (without it)', async () => {
  const text = `sep=,\r\n${HEADER.join(',')}\r\n08125001,Abstatt,P1,,Talemor,,01.05.1990,15.03.2021,Zuweisung\r\n`;
  const out = await importFile('sep.csv', Buffer.from(text));
  expect(errorLines(out)).toEqual(['Zeile 2: Der Vorname fehlt.']);
});

it('keeps a stray quote inside an unquoted field as text', async () => {
  const text = `${HEADER.join(';')}\n08125001;Abstatt;P1;;Talemor;Amina "Mina";01.05.1990;15.03.2021;Zuweisung\n`;
  const out = await importFile('stray.csv', Buffer.from(text));
  expect(out.persons[0].givenName).toBe('Amina "Mina"');
});

it('refuses an unclosed quote, naming the row it opens in', async () => {
  const text = `${HEADER.join(';')}\n08125001;Abstatt;P1;;"Talemor;Amina;01.05.1990;15.03.2021;Zuweisung\n08125001;Abstatt;P2\n`;
  const e = await refusal(() => importFile('broken.csv', Buffer.from(text)));
  expect(e.code).toBe('import.csvBroken');
  expect(e.text()).toBe(
    'Die CSV-Datei ist fehlerhaft: Das Anführungszeichen (") in Zeile 2 wird nicht geschlossen. Bitte prüfen Sie diese Zeile oder speichern Sie die Datei erneut aus Excel.',
  );
});

it('reads Excel\'s "Unicode text" (UTF-16 with BOM, tab-separated)', async () => {
  const text = ROWS.map((r) => r.join('\t')).join('\r\n');
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  expectUmlautsIntact(await importFile('unicode.txt', bytes));
});

it('keeps multi-byte characters intact across the parser\'s chunk borders', async () => {
  // Enough rows that the UTF-8 text spans several 64 KB chunks; every name has umlauts.
  const rows = [HEADER, ...Array.from({ length: 3000 }, (_, i) => ['08125059', 'Löwenstein', `P${i}`, '', 'Müllerhäußer', 'Jörgÿ', '01.05.1990', '15.03.2021', 'Zuweisung'])];
  const bytes = toCsv(rows, { delimiter: ';', encoding: 'utf8' });
  expect(bytes.length).toBeGreaterThan(3 * 64 * 1024);
  const out = await importFile('long.csv', bytes);
  expect(out.errors).toEqual([]);
  expect(new Set(out.persons.map((p) => p.surname + p.givenName))).toEqual(new Set(['MüllerhäußerJörgÿ']));
});

it('encodes Windows-1252 like Excel (the test helper itself)', () => {
  expect([...encodeWindows1252('Müller €')]).toEqual([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0x80]);
});

it('refuses a file that mixes UTF-8 and Windows-1252 instead of garbling its umlauts', async () => {
  // Edited twice: the first rows saved as UTF-8, the last appended by a Windows-1252 tool.
  const bytes = Buffer.concat([toCsv(ROWS.slice(0, 3), { delimiter: ';', encoding: 'utf8' }), toCsv([ROWS[3]], { delimiter: ';', encoding: 'windows-1252' })]);
  const err = await refusal(() => importFile('gemischt.csv', bytes));
  expect(err.code).toBe('import.mixedEncoding');
  expect(err.message).toContain('CSV UTF-8');
});

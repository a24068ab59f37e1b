/** The corrected list with its change log: statuses, household order, counts and German audit rows. */
import ExcelJS from 'exceljs';
import { countList } from '../../src/domain/list';
import { describeValue, writeListWorkbook } from '../../src/excel/listWorkbook';
import { actorRoleDe } from '../../src/i18n/labels';
import { tempFile } from './fixtures';
import { GEMEINDE, KOORD, MINUS_NOTE, PLUS_JUSTIFICATION, reviewedList, STAFF } from './listFixture';
import { readWorkbook } from './xlsxFiles';

const GENERATED = '2024-01-20T15:45:00.000Z';

async function written() {
  const reviewed = reviewedList();
  const file = tempFile('liste.xlsx');
  await writeListWorkbook({ campaign: reviewed.campaign, gemeinde: GEMEINDE, list: reviewed.list, history: reviewed.history, generatedAt: GENERATED }, file);
  return { ...reviewed, file, wb: await readWorkbook(file) };
}

/** Label → value cell of the header block. */
function infoBlock(ws: ExcelJS.Worksheet): Map<string, ExcelJS.Cell> {
  const info = new Map<string, ExcelJS.Cell>();
  for (let r = 4; r < 16; r++) info.set(String(ws.getCell(r, 1).value), ws.getCell(r, 4));
  return info;
}

describe('Liste einer Gemeinde als Excel-Datei', () => {
  test('die Datei ist nur für ihren Besitzer lesbar (sie enthält Namen und Geburtsdaten)', async () => {
    const { statSync } = await import('node:fs');
    const old = process.umask(0o022);
    try {
      const { file } = await written();
      expect(statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      process.umask(old);
    }
  });

  test('Kopfblock mit Zahlen und Stand der Liste', async () => {
    const { wb, list } = await written();
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Liste', 'Änderungen']);
    const ws = wb.getWorksheet('Liste')!;
    expect(ws.getCell('A1').value).toBe('Liste Integrationsmanagement – Abstatt (AGS 08125001) – Berechnungsjahr 2025');
    const info = infoBlock(ws);
    // Submitted at 08:13 UTC = 09:13 in Heilbronn.
    expect(info.get('Status der Liste')!.value).toBe(`eingereicht am 10.01.2024 um 09:${list.submitted!.at.slice(14, 16)} Uhr von Gerd Gemeinde`);
    const counts = countList(list);
    expect(counts).toEqual({ listed: 6, struck: 2, added: 2, pending: 1, persons: 6 });
    expect(info.get('gelistet (Export des Landratsamts)')!.value).toBe(6);
    expect(info.get('gestrichen')!.value).toBe(2);
    expect(info.get('nachgetragen (gezählt)')!.value).toBe(2);
    expect(info.get('Nachträge offen (noch nicht gezählt)')!.value).toBe(1);
    const persons = info.get('Personen zum Stichtag')!;
    expect(persons.type).toBe(ExcelJS.ValueType.Formula);
    expect(persons.result).toBe(6);
    expect(info.get('Stichtag')!.value).toEqual(new Date(Date.UTC(2022, 11, 31)));
    expect(info.get('Stichtag')!.numFmt).toBe('dd.mm.yyyy');
    expect(info.get('Rückgabefrist')!.value).toEqual(new Date(Date.UTC(2024, 0, 15)));
    expect(info.get('Betrachtungszeitraum')!.value).toBe('01.01.2020 – 31.12.2022');
    expect(info.get('Erstellt am')!.value).toEqual(new Date(Date.UTC(2024, 0, 20, 16, 45)));
  });

  test('jede Person mit Status, Grund und Notiz, nach Haushalt sortiert', async () => {
    const { wb, ids } = await written();
    const ws = wb.getWorksheet('Liste')!;
    expect(ws.getRow(16).values).toEqual([
      undefined,
      'Personen-ID',
      'Haushalts-ID',
      'Nachname',
      'Vorname',
      'Geburtsdatum',
      'Zuweisungsdatum',
      'Zugangsart',
      'Status',
      'Grund',
      'Notiz / Begründung',
      'Bearbeitet von',
      'Bearbeitet am',
    ]);
    const rows: { id: string; household: string; status: string; reason: unknown; note: unknown; by: unknown; zugang: unknown }[] = [];
    for (let r = 17; r <= ws.rowCount; r++) {
      const cell = (c: number) => ws.getCell(r, c).value;
      rows.push({ id: String(cell(1)), household: String(cell(2)), status: String(cell(8)), reason: cell(9), note: cell(10), by: cell(11), zugang: cell(7) });
    }
    expect(rows).toHaveLength(11);
    // Households together in natural order (H-1, H-2, H-3, H-10), imported persons before additions.
    expect(rows.map((r) => r.household)).toEqual(['H-1', 'H-1', 'H-1', 'H-2', 'H-2', 'H-3', 'H-3', 'H-3', 'H-3', 'H-3', 'H-10']);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('P-1001')).toMatchObject({ status: 'gezählt', reason: null, zugang: 'Zuweisung' });
    expect(byId.get('P-1002')).toMatchObject({ status: 'gestrichen', reason: 'weggezogen', by: STAFF.name });
    expect(byId.get('P-1003')).toMatchObject({ status: 'gestrichen', reason: 'sonstiges', note: MINUS_NOTE });
    expect(byId.get('P-1004')).toMatchObject({ status: 'gezählt', reason: null });
    expect(byId.get('P-1005')).toMatchObject({ status: 'gezählt', zugang: 'Familiennachzug' });
    expect(byId.get(ids.child)).toMatchObject({ status: 'nachgetragen', reason: 'nachgeborenes Kind von P-1001', zugang: 'nachgeboren' });
    expect(byId.get(ids.accepted)).toMatchObject({ status: 'nachgetragen', reason: 'weitere Person', note: PLUS_JUSTIFICATION, by: KOORD.name });
    expect(byId.get(ids.rejected)).toMatchObject({ status: 'Nachtrag abgelehnt', by: KOORD.name });
    expect(String(byId.get(ids.rejected)!.note)).toContain('Prüfung: @Leitung');
    expect(byId.get(ids.withdrawn)).toMatchObject({ status: 'zurückgenommen' });
    expect(byId.get(ids.pending)).toMatchObject({ status: 'Nachtrag offen', reason: 'weitere Person (Prüfung durch die Koordinierungsstelle)' });
    const birth = ws.getCell(17, 5);
    expect(birth.value).toEqual(new Date(Date.UTC(1981, 1, 1)));
    expect(birth.numFmt).toBe('dd.mm.yyyy');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 16 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
  });

  test('Änderungen: jede Änderung lesbar auf Deutsch, Zeit in Europe/Berlin, kein JSON', async () => {
    const { wb, history } = await written();
    const ws = wb.getWorksheet('Änderungen')!;
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => ws.getCell(3, c).value)).toEqual([
      'Zeitpunkt',
      'Bearbeiter',
      'Rolle',
      'Aktion',
      'Person',
      'vorher',
      'nachher',
      'Begründung',
      'Revision',
    ]);
    expect(ws.rowCount - 3).toBe(history.length);
    const row = (i: number) => [1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => ws.getCell(4 + i, c).value);
    // 08:00 UTC in January is 09:00 in Heilbronn.
    expect(row(0)).toEqual([new Date(Date.UTC(2024, 0, 10, 9, 0)), KOORD.name, 'Koordinierungsstelle', 'Liste an die Gemeinde versendet', null, null, 'Status: versendet', null, 1]);
    expect(ws.getCell(4, 1).numFmt).toBe('dd.mm.yyyy hh:mm');
    expect(row(1).slice(1, 8)).toEqual([STAFF.name, 'Gemeinde', 'Person gestrichen', 'Muster2, Alex (P-1002)', 'Status: gezählt', 'Status: gestrichen; Grund: weggezogen', null]);
    expect(row(2)[7]).toBe(MINUS_NOTE);
    expect(row(4).slice(3, 7)).toEqual(['Streichung aufgehoben', 'Muster4, Alex (P-1004)', 'Status: gestrichen; Grund: verstorben', 'Status: gezählt']);
    expect(row(5)[3]).toBe('nachgeborenes Kind nachgetragen');
    expect(row(5)[6]).toBe('Nachname: Muster1; Vorname: Mia; Geburtsdatum: 01.03.2022; Elternteil: P-1001');
    expect(row(6)[3]).toBe('weitere Person nachgetragen (zur Prüfung)');
    expect(row(6)[6]).toContain('Zugangsart: Familiennachzug');
    const actions = history.map((_, i) => row(i)[3]);
    expect(actions).toEqual([
      'Liste an die Gemeinde versendet',
      'Person gestrichen',
      'Person gestrichen',
      'Person gestrichen',
      'Streichung aufgehoben',
      'nachgeborenes Kind nachgetragen',
      'weitere Person nachgetragen (zur Prüfung)',
      'weitere Person nachgetragen (zur Prüfung)',
      'weitere Person nachgetragen (zur Prüfung)',
      'weitere Person nachgetragen (zur Prüfung)',
      'Nachtrag zurückgenommen',
      'Liste eingereicht',
      'Nachtrag angenommen',
      'Nachtrag abgelehnt',
    ]);
    expect(row(11)[6]).toBe('Status: eingereicht; gelistet: 6; gestrichen: 2; nachgetragen: 1; Nachträge offen: 3; Personen zum Stichtag: 5');
    expect(row(13)[7]).toBe('@Leitung: Nachweis fehlt trotz Nachfrage');
    ws.eachRow((r) => r.eachCell((c) => expect(String(c.value)).not.toMatch(/[{}]|"status"/)));
  });

  test('Werte des Protokolls in Worten', () => {
    expect(describeValue({ status: 'in-bearbeitung', frist: '2024-01-31' })).toBe('Status: in Bearbeitung; Frist: 31.01.2024');
    expect(describeValue({ wahl: 'verbund', partner: ['08125005', '08125006'] })).toBe('Entscheidung: Verbund; Partner: 08125005, 08125006');
    expect(describeValue(null)).toBe('—');
    expect(describeValue({ personen: 3, datei: 'export.csv' })).toBe('Personen: 3; Datei: export.csv'); // the import's entry
    // A change made at the command line: the file (which may go to the Gemeinde) names no system account; the LRA's audit does.
    const cli = { id: 'cli:mmuster', name: 'Sachbearbeitung Abstatt', role: 'koordination' as const };
    expect(actorRoleDe(cli)).toBe('Koordinierungsstelle, Kommandozeile');
    expect(actorRoleDe(cli, { account: true })).toBe('Koordinierungsstelle, Kommandozeile: Benutzer mmuster');
  });

  test('eine leere Liste ergibt eine gültige Datei', async () => {
    const { campaign } = reviewedList();
    const file = tempFile('leer.xlsx');
    await writeListWorkbook({ campaign, gemeinde: GEMEINDE, list: { year: 2025, ags: GEMEINDE.ags, revision: 0, persons: [], changeCounts: {} }, history: [], generatedAt: GENERATED }, file);
    const info = infoBlock((await readWorkbook(file)).getWorksheet('Liste')!);
    // Never sent, so not overdue though generated after the deadline ("noch nicht versendet, überfällig" contradicted itself).
    expect(info.get('Status der Liste')!.value).toBe('importiert (noch nicht versendet)');
    expect(info.get('Personen zum Stichtag')!.result).toBe(0);
  });
});

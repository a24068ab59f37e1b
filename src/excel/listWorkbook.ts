/**
 * A Gemeinde's corrected list as an Excel workbook, with its change log: what the Gemeinde returns
 * (step 4) and keeps as evidence for the Verwendungsnachweis. Holds personal data: only for that
 * Gemeinde and the Koordinierungsstelle.
 *
 * Sheets:
 * - „Liste“: a header block with the counts and the list's state, then every person, sorted by
 *   household, with its status (gezählt, gestrichen, nachgetragen, …), reason and note.
 * - „Änderungen“: the audit trail in German words (no JSON), times in Europe/Berlin.
 *
 * Every name, note and justification is user text and is written as a text cell (see cells.ts).
 */
import type { ListWorkbookInput } from '../app/workbooks';
import ExcelJS from 'exceljs';
import { actorRoleDe, AUDIT_ACTION, STRIKE_REASON_LABEL, ZUGANGSART_LABEL } from '../i18n/labels';
import type { Worksheet } from 'exceljs';
import type { AuditEntry } from '../domain/audit';
import type { Campaign } from '../domain/campaign';
import { formatDate, IsoDate } from '../domain/dates';
import { countList, dueDate, GemeindeListe, isOverdue, ListPerson, listState, personById } from '../domain/list';
import {
  fitRowHeight,
  formatBerlin,
  formulaCell,
  INTEGER_FORMAT,
  landscapePrint,
  setDate,
  setDateTime,
  setText,
  styleHeaderRow,
  styleTitle,
  workbookBytes,
  writeWorkbook,
} from './cells';

export type { ListWorkbookInput };

export const LIST_SHEETS = { list: 'Liste', changes: 'Änderungen' } as const;

export const STRIKE_REASON_DE = STRIKE_REASON_LABEL.de;
export const ZUGANGSART_DE = ZUGANGSART_LABEL.de;

/** Every audit action in words (shared with the command line). */
export const ACTION_DE = AUDIT_ACTION.de;

export type PersonStatus = 'gezählt' | 'gestrichen' | 'nachgetragen' | 'Nachtrag offen' | 'Nachtrag abgelehnt' | 'zurückgenommen';

/** The person's status in the words of the procedure (consistent with countList). */
export function personStatus(p: ListPerson): PersonStatus {
  if (p.origin === 'import') return p.strike ? 'gestrichen' : 'gezählt';
  if (p.withdrawn) return 'zurückgenommen';
  if (p.addition?.review === 'angenommen') return 'nachgetragen';
  return p.addition?.review === 'offen' ? 'Nachtrag offen' : 'Nachtrag abgelehnt';
}

function personReason(p: ListPerson): string | undefined {
  if (p.strike) return STRIKE_REASON_DE[p.strike.reason];
  if (p.addition?.kind === 'kind') return `nachgeborenes Kind${p.addition.parentId ? ` von ${p.addition.parentId}` : ''}`;
  // The review is pending only while it is: an accepted one reads as what it is.
  if (p.addition?.kind === 'weitere') return p.addition.review === 'offen' ? 'weitere Person (Prüfung durch die Koordinierungsstelle)' : 'weitere Person';
  return undefined;
}

function personNote(p: ListPerson): string | undefined {
  const notes = [p.strike?.note, p.addition?.justification, p.addition?.reviewed?.note ? `Prüfung: ${p.addition.reviewed.note}` : undefined];
  const text = notes.filter((n): n is string => Boolean(n)).join(' · ');
  return text || undefined;
}

/** The last change to the person: who and when. */
function lastStamp(p: ListPerson): { at: string; by: { name: string } } | undefined {
  const stamps = [p.strike, p.addition, p.addition?.reviewed, p.withdrawn].filter((s): s is NonNullable<typeof s> => Boolean(s));
  return stamps.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))[0];
}

/** Households together (persons without household as their own), imported persons first, then by birth date. */
export function sortByHousehold(persons: readonly ListPerson[]): ListPerson[] {
  const key = (p: ListPerson) => p.householdId ?? p.id;
  return [...persons].sort(
    (a, b) =>
      key(a).localeCompare(key(b), 'de', { numeric: true }) ||
      (a.origin === b.origin ? 0 : a.origin === 'import' ? -1 : 1) ||
      a.birthDate.localeCompare(b.birthDate) ||
      a.id.localeCompare(b.id, 'de', { numeric: true }),
  );
}

function berlinDay(iso: string): IsoDate {
  const [d, m, y] = formatBerlin(iso).slice(0, 10).split('.');
  return `${y}-${m}-${d}`;
}

/** „eingereicht am 12.01.2024 um 10:15 Uhr von …“, „in Bearbeitung, überfällig“, … */
export function listStateText(list: GemeindeListe, campaign: Campaign, now: string): string {
  const state = listState(list);
  let text: string;
  if (state === 'eingereicht' && list.submitted) {
    const [date, time] = formatBerlin(list.submitted.at).split(' ');
    text = `eingereicht am ${date} um ${time} Uhr von ${list.submitted.by.name}`;
  } else if (state === 'versendet' && list.sent) {
    text = `versendet am ${formatBerlin(list.sent.at).slice(0, 10)}`;
  } else {
    text = state === 'in-bearbeitung' ? 'in Bearbeitung' : 'importiert (noch nicht versendet)';
  }
  if (list.extendedUntil && !list.submitted) text += `, Frist verlängert bis ${formatDate(list.extendedUntil)}`;
  if (isOverdue(list, campaign, berlinDay(now))) text += ', überfällig';
  return text;
}

export async function writeListWorkbook(input: ListWorkbookInput, out: string | NodeJS.WritableStream): Promise<void> {
  await writeWorkbook(buildListWorkbook(input), out);
}

export async function listWorkbookBuffer(input: ListWorkbookInput): Promise<Buffer> {
  return workbookBytes(buildListWorkbook(input));
}

export function buildListWorkbook(input: ListWorkbookInput): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'IntM-Bot';
  workbook.title = `Liste ${input.gemeinde.name} ${input.campaign.year}`;
  workbook.created = new Date(input.generatedAt);
  workbook.calcProperties.fullCalcOnLoad = true;
  writePersons(workbook.addWorksheet(LIST_SHEETS.list), input);
  writeChanges(workbook.addWorksheet(LIST_SHEETS.changes), input);
  return workbook;
}

const LIST_HEADER = 16;
const INFO_VALUE_COLUMN = 4;

function writePersons(ws: Worksheet, { campaign, gemeinde, list, generatedAt }: ListWorkbookInput): void {
  const counts = countList(list);
  ws.columns = [16, 14, 20, 18, 13, 17, 19, 18, 30, 45, 24, 16].map((width) => ({ width }));
  setText(ws.getCell('A1'), `Liste Integrationsmanagement – ${gemeinde.name} (AGS ${gemeinde.ags}) – Berechnungsjahr ${campaign.year}`);
  styleTitle(ws.getCell('A1'));
  setText(ws.getCell('A2'), `Vertraulich: personenbezogene Daten. Nur für die Gemeinde ${gemeinde.name} und die Koordinierungsstelle im Landratsamt.`);
  ws.getCell('A2').font = { italic: true, color: { argb: 'FFC00000' } };

  let row = 4;
  const info = (label: string, write: (cell: ExcelJS.Cell) => void) => {
    // Labels span the first three columns; the value stands in the fourth.
    ws.mergeCells(row, 1, row, 3);
    ws.getCell(row, 1).value = label;
    ws.getCell(row, 1).font = { bold: true };
    const cell = ws.getCell(row, INFO_VALUE_COLUMN);
    write(cell);
    cell.alignment = { horizontal: 'left' };
    return row++;
  };
  const count = (n: number) => (cell: ExcelJS.Cell) => ((cell.value = n), (cell.numFmt = INTEGER_FORMAT));
  info('Status der Liste', (c) => setText(c, listStateText(list, campaign, generatedAt)));
  info('Rückgabefrist', (c) => setDate(c, dueDate(list, campaign)));
  info('Stichtag', (c) => setDate(c, campaign.stichtag));
  info('Betrachtungszeitraum', (c) => setText(c, `${formatDate(campaign.period.start)} – ${formatDate(campaign.period.end)}`));
  const listed = info('gelistet (Export des Landratsamts)', count(counts.listed));
  const struck = info('gestrichen', count(counts.struck));
  const added = info('nachgetragen (gezählt)', count(counts.added));
  info('Nachträge offen (noch nicht gezählt)', count(counts.pending));
  const v = (r: number) => `D${r}`;
  info('Personen zum Stichtag', (c) => formulaCell(c, `${v(listed)}-${v(struck)}+${v(added)}`, counts.persons, INTEGER_FORMAT));
  ws.getCell(row - 1, INFO_VALUE_COLUMN).font = { bold: true };
  info('Erstellt am', (c) => setDateTime(c, generatedAt));

  const headers = [
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
  ];
  headers.forEach((h, i) => (ws.getCell(LIST_HEADER, i + 1).value = h));
  styleHeaderRow(ws, LIST_HEADER, headers.length);

  let band = false;
  let previousHousehold: string | undefined;
  sortByHousehold(list.persons).forEach((p, i) => {
    const r = LIST_HEADER + 1 + i;
    const household = p.householdId ?? p.id;
    if (household !== previousHousehold) band = !band;
    previousHousehold = household;
    const status = personStatus(p);
    const stamp = lastStamp(p);
    const cells = ws.getRow(r);
    setText(cells.getCell(1), p.id);
    setText(cells.getCell(2), p.householdId);
    setText(cells.getCell(3), p.surname);
    setText(cells.getCell(4), p.givenName);
    setDate(cells.getCell(5), p.birthDate);
    setDate(cells.getCell(6), p.assignmentDate);
    setText(cells.getCell(7), ZUGANGSART_DE[p.zugangsart]);
    setText(cells.getCell(8), status);
    setText(cells.getCell(9), personReason(p));
    setText(cells.getCell(10), personNote(p));
    setText(cells.getCell(11), stamp?.by.name);
    setDateTime(cells.getCell(12), stamp?.at);
    const counted = status === 'gezählt' || status === 'nachgetragen';
    for (let c = 1; c <= headers.length; c++) {
      const cell = cells.getCell(c);
      // Alternate shading per household, so that households read as groups.
      if (band) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      if (!counted) cell.font = { color: { argb: 'FF808080' }, italic: true };
      cell.alignment = { wrapText: c === 9 || c === 10, vertical: 'top', horizontal: c === 5 || c === 6 ? 'center' : undefined };
    }
    fitRowHeight(ws, r, [9, 10]);
  });

  const last = Math.max(LIST_HEADER + list.persons.length, LIST_HEADER + 1);
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: LIST_HEADER }];
  ws.autoFilter = { from: { row: LIST_HEADER, column: 1 }, to: { row: last, column: headers.length } };
  landscapePrint(ws, `${LIST_HEADER}:${LIST_HEADER}`, `Liste ${gemeinde.name} ${campaign.year} – vertraulich`);
}

// ---------------------------------------------------------------------------------------------
// The change log in words.

const FIELD_DE: Record<string, string> = {
  status: 'Status',
  grund: 'Grund',
  nachname: 'Nachname',
  vorname: 'Vorname',
  geburtsdatum: 'Geburtsdatum',
  zuweisungsdatum: 'Zuweisungsdatum',
  zugangsart: 'Zugangsart',
  elternteil: 'Elternteil',
  frist: 'Frist',
  listed: 'gelistet',
  struck: 'gestrichen',
  added: 'nachgetragen',
  pending: 'Nachträge offen',
  persons: 'Personen zum Stichtag',
  wahl: 'Entscheidung',
  vzae: 'VZÄ',
  eigenmittel: 'Eigenmittel',
  traeger: 'Träger',
  partner: 'Partner',
  verbundMit: 'Verbund mit',
  bestaetigt: 'bestätigt',
  // The import's entry on each list.
  personen: 'Personen',
  datei: 'Datei',
};

const VALUE_DE: Record<string, string> = {
  aktiv: 'gezählt',
  'in-bearbeitung': 'in Bearbeitung',
  offen: 'Nachtrag offen',
  landkreis: 'Landkreis',
  eigenstaendig: 'eigenständig',
  verbund: 'Verbund',
  ...STRIKE_REASON_DE,
  ...ZUGANGSART_DE,
};

/** A before/after value of the audit trail as a German sentence fragment: „Status: gestrichen; Grund: weggezogen“. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    return VALUE_DE[value] ?? value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(describeValue).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${FIELD_DE[k] ?? k}: ${describeValue(v)}`)
      .join('; ');
  }
  return String(value);
}

function personLabel(list: GemeindeListe, subject: string | undefined): string | undefined {
  if (!subject) return undefined;
  const p = personById(list, subject);
  return p ? `${p.surname}, ${p.givenName} (${p.id})` : subject;
}

function writeChanges(ws: Worksheet, { campaign, gemeinde, list, history }: ListWorkbookInput): void {
  ws.columns = [17, 24, 20, 30, 32, 36, 40, 45, 9].map((width) => ({ width }));
  setText(ws.getCell('A1'), `Änderungsprotokoll – ${gemeinde.name} (AGS ${gemeinde.ags}) – Berechnungsjahr ${campaign.year}`);
  styleTitle(ws.getCell('A1'));
  ws.getCell('A2').value = 'Jede Änderung an der Liste mit Zeitpunkt (deutsche Zeit), Bearbeiter und Begründung: Nachweis für den Verwendungsnachweis.';
  const header = 3;
  const headers = ['Zeitpunkt', 'Bearbeiter', 'Rolle', 'Aktion', 'Person', 'vorher', 'nachher', 'Begründung', 'Revision'];
  headers.forEach((h, i) => (ws.getCell(header, i + 1).value = h));
  styleHeaderRow(ws, header, headers.length);

  history.forEach((e: AuditEntry, i) => {
    const row = ws.getRow(header + 1 + i);
    setDateTime(row.getCell(1), e.at);
    setText(row.getCell(2), e.actor.name);
    setText(row.getCell(3), actorRoleDe(e.actor));
    setText(row.getCell(4), ACTION_DE[e.action] ?? e.action);
    setText(row.getCell(5), personLabel(list, e.subject));
    setText(row.getCell(6), e.before === undefined ? undefined : describeValue(e.before));
    setText(row.getCell(7), e.after === undefined ? undefined : describeValue(e.after));
    setText(row.getCell(8), e.reason);
    if (e.revision !== undefined) row.getCell(9).value = e.revision;
    for (let c = 1; c <= headers.length; c++) row.getCell(c).alignment = { wrapText: c >= 4 && c <= 8, vertical: 'top', horizontal: c === 1 ? 'left' : undefined };
    fitRowHeight(ws, header + 1 + i, [4, 5, 6, 7, 8]);
  });

  const last = Math.max(header + history.length, header + 1);
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: header }];
  ws.autoFilter = { from: { row: header, column: 1 }, to: { row: last, column: headers.length } };
  landscapePrint(ws, `${header}:${header}`, `Änderungen ${gemeinde.name} ${campaign.year} – vertraulich`);
}

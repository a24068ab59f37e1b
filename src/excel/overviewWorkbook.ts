/**
 * Step 6: the overview as an Excel workbook for the Koordinierungsstelle, the Kämmerei and the
 * Gemeinden. The money is computed exactly in the domain (decimal.js); this adapter writes it with
 * LIVE formulas that reproduce it from the counts, so the finance office can audit every figure in
 * Excel. Each formula carries its exact result (exceljs never calculates).
 *
 * Sheets:
 * - „Übersicht“: one row per Gemeinde (counts, share, amount, VZÄ, list status, decision) and totals.
 * - „Rechenweg“: the largest-remainder method step by step, in whole rounding units and integers only,
 *   so that Excel's binary floating point can neither misround a floor nor misorder equal remainders.
 * - „Parameter“: the campaign's figures and dates the formulas refer to.
 * - „Entwicklung“ (when earlier Berechnungsjahre are in the data): persons, amount and VZÄ per year (historySheet.ts).
 */
import ExcelJS from 'exceljs';
import { changesSincePublicationDe, CHOICE_LABEL, LIST_STATE_LABEL } from '../i18n/labels';
import type { Worksheet } from 'exceljs';
import type { OverviewReport, OverviewRow, SincePublication } from '../app/overview';
import type { GemeindeHistory } from '../app/riskService';
import { formatDate } from '../domain/dates';
import { Decimal, formatEuro } from '../domain/money';
import {
  EURO_CENT_FORMAT,
  EURO_FORMAT,
  INTEGER_FORMAT,
  formatBerlin,
  formulaCell,
  landscapePrint,
  setDate,
  setDateTime,
  setText,
  sheetRef,
  styleHeaderRow,
  styleTitle,
  workbookBytes,
  writeWorkbook,
} from './cells';
import { writeHistorySheet } from './historySheet';

export const OVERVIEW_SHEETS = { overview: 'Übersicht', calc: 'Rechenweg', params: 'Parameter' } as const;

const LIST_STATE_DE = LIST_STATE_LABEL.de;
const DECISION_DE = CHOICE_LABEL.de;

export function listStateLabel(row: Pick<OverviewRow, 'listState' | 'submittedAt' | 'overdue' | 'pending'>): string {
  let text = LIST_STATE_DE[row.listState];
  if (row.listState === 'eingereicht' && row.submittedAt) text += ` am ${formatBerlin(row.submittedAt).slice(0, 10)}`;
  if (row.overdue) text += ', überfällig';
  if (row.pending > 0) text += `, ${row.pending} ${row.pending === 1 ? 'Nachtrag' : 'Nachträge'} offen`;
  return text;
}

export function decisionLabel(row: Pick<OverviewRow, 'decision' | 'decisionValid'>): string {
  return DECISION_DE[row.decision] + (row.decisionValid ? '' : ' – noch nicht gültig');
}

/** Writes the overview to a file (atomically: a reader never sees half a workbook) or a stream (which is ended). */
export async function writeOverviewWorkbook(
  report: OverviewReport,
  out: string | NodeJS.WritableStream,
  publication?: SincePublication,
  history?: readonly GemeindeHistory[],
): Promise<void> {
  await writeWorkbook(buildOverviewWorkbook(report, publication, history), out);
}

/** The workbook as bytes, e.g. to attach it to a message. */
export async function overviewWorkbookBuffer(report: OverviewReport, publication?: SincePublication): Promise<Buffer> {
  return workbookBytes(buildOverviewWorkbook(report, publication));
}

/**
 * The publication the figures belong to, in words; when the lists or parameters changed since, the
 * reader learns that these are still the figures that count (officialFigures.ts) and what changed.
 */
function publicationNote(publication: SincePublication): { date: string; note: string } {
  const date = formatBerlin(publication.at).slice(0, 10);
  const changes = changesSincePublicationDe(publication);
  if (!changes) return { date, note: 'Die Zahlen sind so veröffentlicht.' };
  return { date, note: `${changes} Es gelten die veröffentlichten Zahlen dieser Datei, bis die Koordinierungsstelle erneut veröffentlicht.` };
}

// ---------------------------------------------------------------------------------------------
// The largest-remainder method in integers, to store each helper formula's exact result.

interface CalcRow {
  /** T × persons. */
  numerator: number;
  floor: number;
  remainder: number;
  rank: number;
  extra: 0 | 1;
  cents: number;
}

interface Calc {
  units: number;
  persons: number;
  leftover: number;
  centsPerUnit: number;
  costCents: number;
  rows: CalcRow[];
}

function safe(value: bigint, what: string): number {
  const n = Number(value);
  // Beyond 2^53 Excel's doubles would no longer hold the integers exactly.
  if (!Number.isSafeInteger(n)) throw new Error(`Rechenweg: ${what} ist für Excel zu groß (${value})`);
  return n;
}

/**
 * Recomputes the helper columns exactly (as src/domain/allocation.ts does) and checks them against
 * the report, so the workbook can never show a Rechenweg that disagrees with the amounts paid.
 */
function largestRemainder(report: OverviewReport): Calc {
  const unit = new Decimal(report.parameters.unit);
  const units = BigInt(new Decimal(report.parameters.distributable).dividedBy(unit).toFixed(0));
  const total = BigInt(report.totals.persons);
  const centsPerUnit = BigInt(unit.times(100).toFixed(0));
  const parts = report.rows.map((r) => {
    const numerator = units * BigInt(r.persons);
    return { ags: r.ags, numerator, floor: numerator / total, remainder: numerator % total };
  });
  const leftover = units - parts.reduce((s, p) => s + p.floor, 0n);
  const rows = parts.map((p, i) => {
    const rank = parts.filter((q) => q.remainder > p.remainder || (q.remainder === p.remainder && q.ags < p.ags)).length;
    const extra = BigInt(rank) < leftover ? 1 : 0;
    const cents = (p.floor + BigInt(extra)) * centsPerUnit;
    const row = report.rows[i];
    if (Boolean(extra) !== row.extraUnit || !new Decimal(cents.toString()).dividedBy(100).equals(row.amount)) {
      throw new Error(`Rechenweg stimmt nicht mit der Übersicht überein (AGS ${row.ags})`);
    }
    return {
      numerator: safe(p.numerator, 'T × Personen'),
      floor: safe(p.floor, 'Einheiten'),
      remainder: safe(p.remainder, 'Rest'),
      rank,
      extra: extra as 0 | 1,
      cents: safe(cents, 'Betrag in Cent'),
    };
  });
  return {
    units: safe(units, 'T'),
    persons: safe(total, 'P'),
    leftover: safe(leftover, 'R'),
    centsPerUnit: safe(centsPerUnit, 'Cent je Einheit'),
    costCents: safe(BigInt(new Decimal(report.parameters.eurPerVzae).times(100).toFixed(0)), 'Kosten je VZÄ in Cent'),
    rows,
  };
}

// ---------------------------------------------------------------------------------------------
// Layout: fixed rows so that the three sheets can refer to each other.

const OV = { header: 3, first: 4 } as const;
const CALC = { T: 9, P: 10, R: 11, centsPerUnit: 12, costCents: 13, checkUnits: 14, checkRest: 15, header: 17, first: 18 } as const;

type ParamKey =
  | 'year'
  | 'stand'
  | 'landesmittel'
  | 'quote'
  | 'kreis'
  | 'vorweg'
  | 'distributable'
  | 'unit'
  | 'eurPerVzae'
  | 'periodStart'
  | 'periodEnd'
  | 'stichtag'
  | 'listsSent'
  | 'review'
  | 'publication'
  | 'decision'
  | 'tieRule'
  | 'published'
  | 'generatedAt';

export function buildOverviewWorkbook(report: OverviewReport, publication?: SincePublication, history: readonly GemeindeHistory[] = []): ExcelJS.Workbook {
  const calc = largestRemainder(report);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'IntM-Bot';
  workbook.title = `Integrationsmanagement ${report.year}`;
  workbook.created = new Date(report.generatedAt);
  // Excel recalculates everything on opening: the figures shown are then Excel's own.
  workbook.calcProperties.fullCalcOnLoad = true;

  const overview = workbook.addWorksheet(OVERVIEW_SHEETS.overview);
  const rechenweg = workbook.addWorksheet(OVERVIEW_SHEETS.calc);
  const parameters = workbook.addWorksheet(OVERVIEW_SHEETS.params);
  const param = writeParameters(parameters, report, publication);
  writeOverview(overview, report, param, publication);
  writeRechenweg(rechenweg, report, calc, param);
  writeHistorySheet(workbook, report, history, (i) => OV.first + i);
  return workbook;
}

function writeParameters(ws: Worksheet, report: OverviewReport, publication: SincePublication | undefined): Record<ParamKey, string> {
  const p = report.parameters;
  ws.columns = [{ width: 40 }, { width: 22 }, { width: 110 }];
  ws.getCell('A1').value = `Parameter der Berechnung – Berechnungsjahr ${report.year}`;
  styleTitle(ws.getCell('A1'));
  ws.getCell('A2').value = 'Die Formeln der Blätter „Übersicht“ und „Rechenweg“ beziehen sich auf die Werte in Spalte B.';
  ['Parameter', 'Wert', 'Erläuterung'].forEach((h, i) => (ws.getCell(3, i + 1).value = h));
  styleHeaderRow(ws, 3, 3);

  const address = {} as Record<ParamKey, string>;
  let row = 4;
  const line = (key: ParamKey, label: string, write: (cell: ExcelJS.Cell) => void, note = '') => {
    ws.getCell(row, 1).value = label;
    write(ws.getCell(row, 2));
    if (note) ws.getCell(row, 3).value = note;
    address[key] = sheetRef(OVERVIEW_SHEETS.params, `$B$${row}`);
    row++;
  };
  const money = (value: string) => (cell: ExcelJS.Cell) => {
    cell.value = Number(value);
    cell.numFmt = EURO_CENT_FORMAT;
  };
  const date = (value: string) => (cell: ExcelJS.Cell) => setDate(cell, value);

  line('year', 'Berechnungsjahr', (c) => ((c.value = report.year), (c.numFmt = '0')));
  line(
    'stand',
    'Stand der Zahlen',
    (c) => setText(c, report.provisional ? 'vorläufig' : 'endgültig'),
    report.provisional ? 'Nicht alle Listen sind eingereicht oder es sind Nachträge offen: Die Zahlen können sich noch ändern.' : 'Alle Listen sind eingereicht.',
  );
  if (p.landesmittel !== undefined && p.quotePercent !== undefined) {
    line('landesmittel', 'Landesmittel (Land Baden-Württemberg)', money(p.landesmittel));
    line(
      'quote',
      'Zuteilungsquote des Landkreises',
      (c) => ((c.value = new Decimal(p.quotePercent!).dividedBy(100).toNumber()), (c.numFmt = '0.00#### %')),
      'Anteil des Landkreises an den Landesmitteln',
    );
  }
  line('kreis', 'Kreisbetrag', money(p.kreisAmount), p.landesmittel ? 'Landesmittel × Zuteilungsquote, auf Cent gerundet' : 'direkt eingegeben');
  line('vorweg', 'Vorwegabzug Koordinierungsstelle', money(p.vorwegabzug), 'wird vor der Verteilung abgezogen');
  line(
    'distributable',
    'Zu verteilender Betrag',
    (c) => formulaCell(c, `ROUND(${address.kreis}-${address.vorweg},2)`, Number(p.distributable), EURO_CENT_FORMAT),
    '= Kreisbetrag − Vorwegabzug',
  );
  line('unit', 'Rundungseinheit', money(p.unit), p.unit === '1' ? 'ganze Euro' : 'Cent');
  line('eurPerVzae', 'Kosten je VZÄ (Vollzeitäquivalent)', money(p.eurPerVzae), 'rechnet die Beträge in Stellenanteile um');
  line('periodStart', 'Betrachtungszeitraum von', date(p.periodStart));
  line('periodEnd', 'Betrachtungszeitraum bis', date(p.periodEnd));
  line('stichtag', 'Stichtag', date(p.stichtag));
  line('listsSent', 'Versand der Listen an die Gemeinden', date(p.deadlines.listsSent));
  line('review', 'Frist für die Rückgabe der Listen', date(p.deadlines.review));
  line('publication', 'Veröffentlichung der Übersicht', date(p.deadlines.publication));
  line('decision', 'Frist für die Entscheidung der Gemeinden', date(p.deadlines.decision));
  // The rule's text overflows into the empty note column.
  line('tieRule', 'Regel bei gleichem Rest', (c) => setText(c, report.tieRule));
  if (publication) {
    const { date, note } = publicationNote(publication);
    line('published', 'Veröffentlicht am', (c) => setText(c, date), note);
  }
  line('generatedAt', 'Erstellt am', (c) => setDateTime(c, report.generatedAt), 'Uhrzeit in Deutschland (Europe/Berlin)');

  for (let r = 4; r < row; r++) {
    ws.getCell(r, 1).font = { bold: true };
    ws.getCell(r, 2).alignment = { horizontal: 'left' };
    ws.getCell(r, 3).alignment = { indent: 1 };
  }
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 3 }];
  landscapePrint(ws, '3:3', `Integrationsmanagement ${report.year} – Parameter`);
  return address;
}

function writeOverview(ws: Worksheet, report: OverviewReport, param: Record<ParamKey, string>, publication: SincePublication | undefined): void {
  const n = report.rows.length;
  const last = OV.first + n - 1;
  const totalRow = last + 1;
  const calcRow = (i: number) => CALC.first + i;
  const c = (address: string) => sheetRef(OVERVIEW_SHEETS.calc, address);
  const amountFormat = report.parameters.unit === '1' ? EURO_FORMAT : EURO_CENT_FORMAT;

  ws.columns = [11, 28, 10, 11, 13, 13, 11, 18, 17, 9, 36, 30].map((width) => ({ width }));
  ws.getCell('A1').value = `Integrationsmanagement – Verteilung Berechnungsjahr ${report.year}${report.provisional ? ' (vorläufig)' : ''}`;
  styleTitle(ws.getCell('A1'));
  const note = publication ? publicationNote(publication) : undefined;
  ws.getCell('A2').value =
    `Zu verteilender Betrag ${formatEuro(report.parameters.distributable)} · Stichtag ${formatDate(report.parameters.stichtag)} · ` +
    `Stand ${formatBerlin(report.generatedAt)} Uhr · ` +
    (report.provisional ? 'vorläufig: Die Zahlen können sich noch ändern.' : 'endgültig') +
    (note ? ` · veröffentlicht am ${note.date}` : '') +
    (note && publication?.changed ? ` · ${note.note}` : '');
  if (report.provisional || publication?.changed) ws.getCell('A2').font = { bold: true, color: { argb: 'FFC00000' } };

  const headers = [
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
  headers.forEach((h, i) => (ws.getCell(OV.header, i + 1).value = h));
  styleHeaderRow(ws, OV.header, headers.length);

  report.rows.forEach((row, i) => {
    const r = OV.first + i;
    const cell = (col: string) => ws.getCell(`${col}${r}`);
    setText(cell('A'), row.ags);
    setText(cell('B'), row.gemeinde);
    for (const [col, value] of [['C', row.listed], ['D', row.struck], ['E', row.added]] as const) {
      cell(col).value = value;
      cell(col).numFmt = INTEGER_FORMAT;
    }
    formulaCell(cell('F'), `C${r}-D${r}+E${r}`, row.persons, INTEGER_FORMAT);
    formulaCell(cell('G'), `F${r}/F$${totalRow}`, Number(row.share), '0.0000 %');
    formulaCell(cell('H'), `${param.distributable}*F${r}/F$${totalRow}`, Number(row.exactAmount), '#,##0.0000 €');
    // The amount paid comes from the Rechenweg in whole cents (an integer), divided once.
    formulaCell(cell('I'), `${c(`J${calcRow(i)}`)}/100`, Number(row.amount), amountFormat);
    // VZÄ rounded down to 4 places, computed on integers (cents × 10,000 ÷ cost in cents) so that no
    // binary fraction such as 0.1233999… can lose a digit: equals ROUNDDOWN(Betrag/Kosten je VZÄ; 4).
    formulaCell(cell('J'), `ROUNDDOWN(${c(`J${calcRow(i)}`)}*10000/${c(`$C$${CALC.costCents}`)},0)/10000`, Number(row.vzae), '0.00##');
    setText(cell('K'), listStateLabel(row));
    cell('K').alignment = { indent: 1 };
    if (row.overdue) cell('K').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
    setText(cell('L'), decisionLabel(row));
    cell('L').alignment = { indent: 1 };
    if (!row.decisionValid) cell('L').font = { color: { argb: 'FFC00000' } };
  });

  const total = (col: string) => ws.getCell(`${col}${totalRow}`);
  setText(total('B'), `Summe (${n} Gemeinden)`);
  for (const [col, value] of [['C', report.totals.listed], ['D', report.totals.struck], ['E', report.totals.added], ['F', report.totals.persons]] as const) {
    formulaCell(total(col), `SUM(${col}${OV.first}:${col}${last})`, value, INTEGER_FORMAT);
  }
  formulaCell(total('G'), `SUM(G${OV.first}:G${last})`, 1, '0.0000 %');
  formulaCell(total('H'), `SUM(H${OV.first}:H${last})`, Number(report.parameters.distributable), '#,##0.0000 €');
  formulaCell(total('I'), `ROUND(SUM(I${OV.first}:I${last}),2)`, Number(report.totals.amount), amountFormat);
  formulaCell(total('J'), `ROUND(SUM(J${OV.first}:J${last}),4)`, Number(report.totals.vzae), '0.00##');
  ws.getRow(totalRow).font = { bold: true };
  for (let col = 1; col <= headers.length; col++) ws.getCell(totalRow, col).border = { top: { style: 'thin' }, bottom: { style: 'double' } };

  const notes = totalRow + 2;
  ws.getCell(`A${notes}`).value = 'Kontrolle: Summe der Beträge = zu verteilender Betrag';
  formulaCell(ws.getCell(`I${notes}`), `IF(I${totalRow}=${param.distributable},"OK","FEHLER")`, 'OK');
  ws.getCell(`I${notes}`).font = { bold: true };
  ws.getCell(`A${notes + 1}`).value =
    'Personen zum Stichtag = gelistet − gestrichen + nachgetragen. Der Betrag wird nach dem Verfahren der größten Reste ' +
    'auf die Rundungseinheit gerundet (Blatt „Rechenweg“); die Parameter stehen im Blatt „Parameter“.';
  ws.getCell(`A${notes + 2}`).value = report.tieRule;
  if (report.provisional) {
    ws.getCell(`A${notes + 3}`).value =
      'Vorläufig: Noch nicht alle Listen sind eingereicht oder es sind Nachträge offen. Die Beträge können sich noch ändern.';
  }

  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: OV.header }];
  ws.autoFilter = { from: { row: OV.header, column: 1 }, to: { row: last, column: headers.length } };
  landscapePrint(ws, `${OV.header}:${OV.header}`, `Integrationsmanagement ${report.year} – Übersicht`);
}

function writeRechenweg(ws: Worksheet, report: OverviewReport, calc: Calc, param: Record<ParamKey, string>): void {
  const n = report.rows.length;
  const last = CALC.first + n - 1;
  const totalRow = last + 1;
  const o = (address: string) => sheetRef(OVERVIEW_SHEETS.overview, address);

  ws.columns = [11, 28, 12, 18, 16, 14, 8, 14, 14, 16].map((width) => ({ width }));
  ws.getCell('A1').value = `Rechenweg: Verteilung nach dem Verfahren der größten Reste (Hare–Niemeyer), Berechnungsjahr ${report.year}`;
  styleTitle(ws.getCell('A1'));
  const explanation = [
    'Gerechnet wird in ganzen Rundungseinheiten und nur mit ganzen Zahlen, damit die Rundung exakt ist.',
    'Einheiten abgerundet = GANZZAHL(T × Personen ÷ P); Rest = T × Personen − P × Einheiten abgerundet.',
    'Rang = Anzahl der Gemeinden mit größerem Rest + Anzahl der Gemeinden mit gleichem Rest und kleinerem AGS.',
    'Eine Gemeinde erhält eine zusätzliche Einheit, wenn ihr Rang kleiner ist als R (die nach dem Abrunden übrigen Einheiten).',
    report.tieRule,
    'VZÄ = ABRUNDEN(Betrag in Cent × 10.000 ÷ Kosten je VZÄ in Cent; 0) ÷ 10.000, also auf 4 Nachkommastellen abgerundet.',
  ];
  explanation.forEach((text, i) => (ws.getCell(2 + i, 1).value = text));

  const key = (row: number, label: string, formula: string, result: number | string, note: string, numFmt = INTEGER_FORMAT) => {
    ws.mergeCells(row, 1, row, 2);
    ws.getCell(row, 1).value = label;
    ws.getCell(row, 1).font = { bold: true };
    formulaCell(ws.getCell(row, 3), formula, result, typeof result === 'number' ? numFmt : undefined);
    ws.getCell(row, 4).value = note;
    ws.getCell(row, 4).alignment = { indent: 1 };
  };
  const col = (letter: string) => `${letter}$${CALC.first}:${letter}$${last}`;
  key(CALC.T, 'T: Einheiten insgesamt', `ROUND(${param.distributable}/${param.unit},0)`, calc.units, 'zu verteilender Betrag ÷ Rundungseinheit');
  key(CALC.P, 'P: Personen insgesamt', `SUM(${col('C')})`, calc.persons, 'Personen zum Stichtag aller Gemeinden');
  key(CALC.R, 'R: übrige Einheiten', `C${CALC.T}-SUM(${col('E')})`, calc.leftover, 'nach dem Abrunden noch zu vergebende Einheiten');
  key(CALC.centsPerUnit, 'Cent je Einheit', `ROUND(${param.unit}*100,0)`, calc.centsPerUnit, 'Rundungseinheit in Cent');
  key(CALC.costCents, 'Kosten je VZÄ in Cent', `ROUND(${param.eurPerVzae}*100,0)`, calc.costCents, 'Kosten je VZÄ in Cent');
  key(CALC.checkUnits, 'Kontrolle: Summe der Einheiten = T', `IF(SUM(${col('I')})=C${CALC.T},"OK","FEHLER")`, 'OK', 'jede Einheit genau einmal vergeben');
  key(
    CALC.checkRest,
    'Kontrolle: Reste zwischen 0 und P − 1',
    `IF(AND(MIN(${col('F')})>=0,MAX(${col('F')})<C${CALC.P}),"OK","FEHLER")`,
    'OK',
    'die Ganzzahl-Division ist exakt',
  );

  const headers = [
    'AGS',
    'Gemeinde',
    'Personen zum Stichtag',
    'T × Personen',
    'Einheiten abgerundet',
    'Rest (Zähler)',
    'Rang',
    'Zusatzeinheit (1 = ja)',
    'Einheiten gesamt',
    'Betrag in Cent',
  ];
  headers.forEach((h, i) => (ws.getCell(CALC.header, i + 1).value = h));
  styleHeaderRow(ws, CALC.header, headers.length);

  report.rows.forEach((row, i) => {
    const r = CALC.first + i;
    const x = calc.rows[i];
    const cell = (letter: string) => ws.getCell(`${letter}${r}`);
    setText(cell('A'), row.ags);
    setText(cell('B'), row.gemeinde);
    formulaCell(cell('C'), o(`F${OV.first + i}`), row.persons, INTEGER_FORMAT);
    formulaCell(cell('D'), `$C$${CALC.T}*C${r}`, x.numerator, INTEGER_FORMAT);
    formulaCell(cell('E'), `INT(D${r}/$C$${CALC.P})`, x.floor, INTEGER_FORMAT);
    formulaCell(cell('F'), `D${r}-$C$${CALC.P}*E${r}`, x.remainder, INTEGER_FORMAT);
    formulaCell(cell('G'), `SUMPRODUCT((${col('F')}>F${r})+(${col('F')}=F${r})*(${col('A')}<A${r}))`, x.rank, '0');
    formulaCell(cell('H'), `IF(G${r}<$C$${CALC.R},1,0)`, x.extra, '0');
    formulaCell(cell('I'), `E${r}+H${r}`, x.floor + x.extra, INTEGER_FORMAT);
    formulaCell(cell('J'), `I${r}*$C$${CALC.centsPerUnit}`, x.cents, INTEGER_FORMAT);
  });

  const total = (letter: string) => ws.getCell(`${letter}${totalRow}`);
  setText(total('B'), 'Summe');
  const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
  formulaCell(total('C'), `SUM(C${CALC.first}:C${last})`, calc.persons, INTEGER_FORMAT);
  formulaCell(total('E'), `SUM(E${CALC.first}:E${last})`, sum(calc.rows.map((x) => x.floor)), INTEGER_FORMAT);
  formulaCell(total('H'), `SUM(H${CALC.first}:H${last})`, calc.leftover, INTEGER_FORMAT);
  formulaCell(total('I'), `SUM(I${CALC.first}:I${last})`, calc.units, INTEGER_FORMAT);
  formulaCell(total('J'), `SUM(J${CALC.first}:J${last})`, sum(calc.rows.map((x) => x.cents)), INTEGER_FORMAT);
  ws.getRow(totalRow).font = { bold: true };
  for (let c = 1; c <= headers.length; c++) ws.getCell(totalRow, c).border = { top: { style: 'thin' }, bottom: { style: 'double' } };

  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: CALC.header }];
  ws.autoFilter = { from: { row: CALC.header, column: 1 }, to: { row: last, column: headers.length } };
  landscapePrint(ws, `${CALC.header}:${CALC.header}`, `Integrationsmanagement ${report.year} – Rechenweg`);
}

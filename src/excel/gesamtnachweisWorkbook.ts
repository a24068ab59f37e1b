/**
 * The Landkreis' *Gesamtverwendungsnachweis* as an Excel workbook: what every Gemeinde received, what
 * was spent on the Integrationsmanagement (by the Gemeinde, its Verbund or the Landkreis), and what
 * the state will likely reclaim. Every total and difference is a LIVE formula carrying the exact
 * result the domain computed (decimal.js), so the Kämmerei can audit it and Excel/LibreOffice arrive
 * at the stored values.
 *
 * Sheets (rows of one Gemeinde on the same row number in the first and third):
 * - „Gesamtnachweis“: one row per Gemeinde; the Nachweis' own figures on the row of the Gemeinde that
 *   filed it, Verbund partners with their share of the expenditure.
 * - „Sachbericht“: the key figures and short report of each Nachweis, with totals.
 * - „Stellenbesetzung“: the position occupied per month (VZÄ) the average and the months below the
 *   minimum are computed from.
 */
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import type { GesamtnachweisInput } from '../app/workbooks';
import { MINIMUM_POSITION_VZAE } from '../domain/campaign';
import { formatDate } from '../domain/dates';
import { Decimal } from '../domain/money';
import { statedReclaim } from '../app/nachweisStatus';
import { MONTH_NAMES, Nachweis, nachweisFor, totalsOf } from '../domain/verwendungsnachweis';
import { NACHWEIS_STATE_LABEL } from '../i18n/verwendungsnachweis';
import { EURO_CENT_FORMAT, formatBerlin, formulaCell, landscapePrint, setText, sheetRef, styleHeaderRow, styleTitle, styleTotalRow, writeHeaderRow, workbookBytes, writeWorkbook } from './cells';

export const GESAMTNACHWEIS_SHEETS = { main: 'Gesamtnachweis', report: 'Sachbericht', months: 'Stellenbesetzung' } as const;

/** Fixed rows: title, the minimum position (referred to by the formulas), header, data. */
const ROW = { minimum: 2, header: 4, first: 5 } as const;
const MINIMUM_CELL = `$C$${ROW.minimum}`;
const VZAE_FORMAT = '0.00##';

export async function writeGesamtnachweisWorkbook(input: GesamtnachweisInput, out: string | NodeJS.WritableStream): Promise<void> {
  await writeWorkbook(buildGesamtnachweisWorkbook(input), out);
}

export async function gesamtnachweisBuffer(input: GesamtnachweisInput): Promise<Buffer> {
  return workbookBytes(buildGesamtnachweisWorkbook(input));
}

export function buildGesamtnachweisWorkbook(input: GesamtnachweisInput): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'IntM-Bot';
  workbook.title = `Gesamtverwendungsnachweis ${input.round.year}`;
  workbook.created = new Date(input.generatedAt);
  workbook.calcProperties.fullCalcOnLoad = true;
  const main = workbook.addWorksheet(GESAMTNACHWEIS_SHEETS.main);
  const report = workbook.addWorksheet(GESAMTNACHWEIS_SHEETS.report);
  const months = workbook.addWorksheet(GESAMTNACHWEIS_SHEETS.months);
  writeMonths(months, input);
  writeMain(main, input);
  writeReport(report, input);
  return workbook;
}

const num = (d: Decimal | string) => Number(new Decimal(d).toFixed(4));
const sum = (values: readonly (Decimal | string | undefined)[]) => values.reduce<Decimal>((s, v) => s.plus(v ?? 0), new Decimal(0));

function kindLabel(n: Nachweis, ags: string, name: (ags: string) => string): string {
  if (n.kind === 'landkreis') return 'Landkreis';
  if (n.members.length === 1) return 'eigenverantwortlich';
  return n.ags === ags ? 'Verbund (federführend)' : `Verbund (Partner von ${name(n.ags)})`;
}

function money(cell: ExcelJS.Cell, value: string | undefined): void {
  if (value === undefined) return;
  cell.value = Number(value);
  cell.numFmt = EURO_CENT_FORMAT;
}

function writeMain(ws: Worksheet, input: GesamtnachweisInput): void {
  const { round, gemeinden } = input;
  const name = (ags: string) => gemeinden.find((g) => g.ags === ags)?.name ?? ags;
  const n = gemeinden.length;
  const last = ROW.first + n - 1;
  const totalRow = last + 1;
  const m = (address: string) => sheetRef(GESAMTNACHWEIS_SHEETS.months, address);

  ws.columns = [11, 26, 12, 26, 22, 14, 15, 15, 15, 15, 14, 24, 15, 9, 11, 15, 15, 15].map((width) => ({ width }));
  ws.getCell('A1').value = `Gesamtverwendungsnachweis Integrationsmanagement – Berechnungsjahr ${round.year}`;
  styleTitle(ws.getCell('A1'));
  ws.getCell(`A${ROW.minimum}`).value = 'Mindeststelle je Monat (VZÄ):';
  ws.getCell(`C${ROW.minimum}`).value = MINIMUM_POSITION_VZAE.toNumber();
  ws.getCell(`C${ROW.minimum}`).numFmt = VZAE_FORMAT;
  ws.getCell(`D${ROW.minimum}`).value = `Frist ${formatDate(round.deadline)} · Stand ${formatBerlin(input.generatedAt)} Uhr`;

  const headers = [
    'AGS',
    'Gemeinde',
    'Nachweis durch (AGS)',
    'Art',
    'Status',
    'Zuwendung',
    'Personalausgaben',
    'sonstige Ausgaben',
    'Ausgaben gesamt',
    'Anteil an den Ausgaben (Verbund)',
    'Eigenmittel',
    'Träger',
    'an den Träger weitergeleitet',
    'Ø VZÄ',
    'Monate unter Mindeststelle',
    'Zuwendung des Nachweises',
    'Differenz Zuwendung − Ausgaben',
    'voraussichtliche Rückforderung',
  ];
  writeHeaderRow(ws, ROW.header, headers);

  const range = (col: string) => `$${col}$${ROW.first}:$${col}$${last}`;
  const filers: Nachweis[] = [];
  gemeinden.forEach((g, i) => {
    const r = ROW.first + i;
    const cell = (col: string) => ws.getCell(`${col}${r}`);
    const nachweis = nachweisFor(round, g.ags);
    const filer = nachweis.ags === g.ags;
    setText(cell('A'), g.ags);
    setText(cell('B'), g.name);
    setText(cell('C'), nachweis.ags);
    setText(cell('D'), kindLabel(nachweis, g.ags, name));
    setText(cell('E'), NACHWEIS_STATE_LABEL.de[nachweis.state]);
    money(cell('F'), nachweis.allocations[g.ags]);
    money(cell('J'), nachweis.members.length > 1 ? nachweis.data.shares?.[g.ags] : undefined);
    if (!filer) return;
    filers.push(nachweis);
    const d = nachweis.data;
    const t = totalsOf(nachweis);
    // Before both expenditures are stated nothing is known about a reclaim (not the whole allocation):
    // I, Q and R stay empty, as the status and the questions leave such a Nachweis out (statedReclaim).
    const stated = statedReclaim(nachweis) !== undefined;
    money(cell('G'), d.personnel);
    money(cell('H'), d.other);
    if (stated) formulaCell(cell('I'), `ROUND(G${r}+H${r},2)`, num(t.expenditure), EURO_CENT_FORMAT);
    money(cell('K'), d.eigenmittel);
    setText(cell('L'), d.traeger);
    money(cell('M'), d.traegerAmount);
    // Average in whole ten-thousandths, so that binary fractions cannot lose the last digit (see the overview's VZÄ).
    formulaCell(cell('N'), `ROUNDDOWN(ROUND(SUM(${m(`C${r}:N${r}`)})*10000,0)/12,0)/10000`, num(t.averageVzae), VZAE_FORMAT);
    // The minimum position binds only the Gemeinden in their own responsibility (see totalsOf).
    if (nachweis.kind === 'eigen') formulaCell(cell('O'), `COUNTIF(${m(`C${r}:N${r}`)},"<"&${MINIMUM_CELL})`, t.monthsBelowMinimum.length, '0');
    formulaCell(cell('P'), `ROUND(SUMIF(${range('C')},A${r},${range('F')}),2)`, num(t.allocation), EURO_CENT_FORMAT);
    if (!stated) return;
    formulaCell(cell('Q'), `ROUND(P${r}-I${r},2)`, num(t.allocation.minus(t.expenditure)), EURO_CENT_FORMAT);
    formulaCell(cell('R'), `MAX(0,Q${r})`, num(t.reclaim), EURO_CENT_FORMAT);
    if (t.reclaim.gt(0)) cell('R').font = { bold: true, color: { argb: 'FFC00000' } };
  });

  const totals = filers.map(totalsOf);
  const statedTotals = filers.filter((x) => statedReclaim(x) !== undefined).map(totalsOf);
  const unstated = filers.length - statedTotals.length;
  const total = (col: string) => ws.getCell(`${col}${totalRow}`);
  const moneyTotal = (col: string, value: Decimal) => formulaCell(total(col), `ROUND(SUM(${col}${ROW.first}:${col}${last}),2)`, num(value), EURO_CENT_FORMAT);
  setText(total('B'), `Summe (${n} Gemeinden)`);
  moneyTotal('F', sum(gemeinden.map((g) => nachweisFor(round, g.ags).allocations[g.ags])));
  moneyTotal('G', sum(filers.map((x) => x.data.personnel)));
  moneyTotal('H', sum(filers.map((x) => x.data.other)));
  moneyTotal('I', sum(statedTotals.map((t) => t.expenditure)));
  moneyTotal('J', sum(gemeinden.map((g) => { const x = nachweisFor(round, g.ags); return x.members.length > 1 ? x.data.shares?.[g.ags] : undefined; })));
  moneyTotal('K', sum(filers.map((x) => x.data.eigenmittel)));
  moneyTotal('M', sum(filers.map((x) => x.data.traegerAmount)));
  formulaCell(total('O'), `SUM(O${ROW.first}:O${last})`, totals.reduce((s, t) => s + t.monthsBelowMinimum.length, 0), '0');
  moneyTotal('P', sum(totals.map((t) => t.allocation)));
  moneyTotal('Q', sum(statedTotals.map((t) => t.allocation.minus(t.expenditure))));
  moneyTotal('R', sum(statedTotals.map((t) => t.reclaim)));
  styleTotalRow(ws, totalRow, headers.length);

  const notes = totalRow + 2;
  ws.getCell(`A${notes}`).value = 'Kontrolle: Zuwendungen der Nachweise = Zuwendungen aller Gemeinden';
  formulaCell(ws.getCell(`P${notes}`), `IF(ROUND(P${totalRow}-F${totalRow},2)=0,"OK","FEHLER")`, 'OK');
  ws.getCell(`P${notes}`).font = { bold: true };
  ws.getCell(`A${notes + 1}`).value =
    'Ausgaben gesamt = Personalausgaben + sonstige Ausgaben. Die voraussichtliche Rückforderung ist der Teil der Zuwendung, der nicht ausgegeben wurde; ' +
    'Eigenmittel werden zuletzt eingesetzt. Ein Verbund weist gemeinsam nach (Zeile der federführenden Gemeinde); die Partner stehen mit ihrem Anteil an den Ausgaben darunter.';
  ws.getCell(`A${notes + 2}`).value = 'Ø VZÄ: Mittel der zwölf Monate im Blatt „Stellenbesetzung“ (unbesetzte Monate 0), auf 4 Stellen abgerundet.';
  ws.getCell(`A${notes + 3}`).value =
    unstated === 0
      ? 'Alle Nachweise nennen ihre Ausgaben.'
      : `${unstated} ${unstated === 1 ? 'Nachweis nennt' : 'Nachweise nennen'} noch nicht beide Ausgaben (Personal- und sonstige Ausgaben): ` +
        'Ausgaben gesamt, Differenz und voraussichtliche Rückforderung bleiben dort leer und fehlen in den Summen.';
  ws.getCell(`A${notes + 4}`).value = 'Monate unter Mindeststelle: nur für Gemeinden in eigener Verantwortung (die Mindeststelle gilt nicht für den Landkreis).';

  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: ROW.header }];
  ws.autoFilter = { from: { row: ROW.header, column: 1 }, to: { row: last, column: headers.length } };
  landscapePrint(ws, `${ROW.header}:${ROW.header}`, `Gesamtverwendungsnachweis ${round.year}`);
}

function writeMonths(ws: Worksheet, input: GesamtnachweisInput): void {
  const { round, gemeinden } = input;
  ws.columns = [11, 26, ...MONTH_NAMES.map(() => 10)].map((width) => ({ width }));
  ws.getCell('A1').value = `Besetzte Stelle je Monat (VZÄ) – Berechnungsjahr ${round.year}`;
  styleTitle(ws.getCell('A1'));
  ws.getCell('A2').value = 'Je Nachweis in der Zeile der Gemeinde, die ihn führt; unbesetzte Monate mit 0.';
  writeHeaderRow(ws, ROW.header, ['AGS', 'Gemeinde', ...MONTH_NAMES]);
  gemeinden.forEach((g, i) => {
    const r = ROW.first + i;
    setText(ws.getCell(`A${r}`), g.ags);
    setText(ws.getCell(`B${r}`), g.name);
    const n = nachweisFor(round, g.ags);
    if (n.ags !== g.ags) return;
    n.data.months.forEach((v, month) => {
      if (v === null) return;
      const cell = ws.getCell(r, 3 + month);
      cell.value = Number(v);
      cell.numFmt = VZAE_FORMAT;
    });
  });
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: ROW.header }];
  landscapePrint(ws, `${ROW.header}:${ROW.header}`, `Stellenbesetzung ${round.year}`);
}

function writeReport(ws: Worksheet, input: GesamtnachweisInput): void {
  const { round, gemeinden } = input;
  const figures = round.keyFigures;
  const filers = gemeinden.map((g) => round.nachweise[g.ags]).filter((n): n is Nachweis => !!n);
  const last = ROW.first + filers.length - 1;
  const col = (i: number) => ws.getColumn(5 + i).letter;
  ws.columns = [11, 26, 24, 22, ...figures.map(() => 16), 80].map((width) => ({ width }));
  ws.getCell('A1').value = `Sachbericht – Berechnungsjahr ${round.year}`;
  styleTitle(ws.getCell('A1'));
  ws.getCell('A2').value = 'Kennzahlen je Verwendungsnachweis, wie die Koordinierungsstelle sie für dieses Jahr festgelegt hat.';
  const headers = ['AGS', 'Gemeinde', 'Art', 'Status', ...figures.map((k) => k.label), 'Kurzbericht'];
  headers.forEach((h, i) => setText(ws.getCell(ROW.header, i + 1), h));
  styleHeaderRow(ws, ROW.header, headers.length);
  const name = (ags: string) => gemeinden.find((g) => g.ags === ags)?.name ?? ags;
  filers.forEach((n, i) => {
    const r = ROW.first + i;
    setText(ws.getCell(`A${r}`), n.ags);
    setText(ws.getCell(`B${r}`), n.members.map(name).join(', '));
    setText(ws.getCell(`C${r}`), kindLabel(n, n.ags, name));
    setText(ws.getCell(`D${r}`), NACHWEIS_STATE_LABEL.de[n.state]);
    figures.forEach((k, j) => {
      const v = n.data.figures[k.id];
      if (v !== undefined) ws.getCell(r, 5 + j).value = Number(v);
    });
    setText(ws.getCell(r, 5 + figures.length), n.data.text);
    ws.getCell(r, 5 + figures.length).alignment = { wrapText: true, vertical: 'top' };
  });
  const totalRow = last + 1;
  setText(ws.getCell(`B${totalRow}`), `Summe (${filers.length} Nachweise)`);
  figures.forEach((k, j) => {
    formulaCell(ws.getCell(totalRow, 5 + j), `SUM(${col(j)}${ROW.first}:${col(j)}${last})`, num(sum(filers.map((n) => n.data.figures[k.id]))), '#,##0.##');
  });
  styleTotalRow(ws, totalRow, headers.length);
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: ROW.header }];
  landscapePrint(ws, `${ROW.header}:${ROW.header}`, `Sachbericht ${round.year}`);
}

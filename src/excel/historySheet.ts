/**
 * The overview workbook's sheet „Entwicklung“: each Gemeinde's persons, amount and VZÄ per Berechnungsjahr,
 * when earlier years are in the data. The year of the workbook refers live to the sheet „Übersicht“ (so it
 * can never disagree with it); earlier years are the figures of their own overviews (values). The change
 * of the amount against the year before is a live formula; every formula carries its exact result.
 */
import type { Workbook } from 'exceljs';
import type { OverviewReport } from '../app/overview';
import type { GemeindeHistory } from '../app/riskService';
import { Decimal } from '../domain/money';
import { EURO_CENT_FORMAT, INTEGER_FORMAT, formulaCell, setText, sheetRef, styleHeaderRow, styleTitle, styleTotalRow } from './cells';

export const HISTORY_SHEET = 'Entwicklung';

/** Spreadsheet column letters for 1-based indexes (A … ZZ: enough for decades of three columns). */
function column(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/** The years shown: those before the report's year that any Gemeinde has, and the report's year. */
export function historyYears(report: OverviewReport, history: readonly GemeindeHistory[]): number[] {
  const earlier = new Set(history.flatMap((g) => g.years.map((y) => y.year)).filter((y) => y < report.year));
  return [...earlier].sort((a, b) => a - b).concat(report.year);
}

/**
 * Adds the sheet when earlier years exist. `overviewRow(i)`: the row of report.rows[i] on „Übersicht“;
 * `overviewTotalRow`: its totals row; the columns there: F persons, I amount, J VZÄ.
 */
export function writeHistorySheet(workbook: Workbook, report: OverviewReport, history: readonly GemeindeHistory[], overviewRow: (i: number) => number): void {
  const years = historyYears(report, history);
  if (years.length < 2) return;
  const ws = workbook.addWorksheet(HISTORY_SHEET);
  const byAgs = new Map(history.map((g) => [g.ags, new Map(g.years.map((y) => [y.year, y]))]));
  const header = 3;
  const first = header + 1;
  const last = first + report.rows.length - 1;
  const total = last + 1;
  const amountFormat = report.parameters.unit === '1' ? '#,##0 €' : EURO_CENT_FORMAT;
  // Per year three columns (Personen, Betrag, VZÄ) from C on; then the change of the amount against the year before.
  const col = (yearIndex: number, k: 0 | 1 | 2) => column(3 + yearIndex * 3 + k);
  const changeCol = column(3 + years.length * 3);
  const before = years.length - 2;
  const current = years.length - 1;

  ws.columns = [11, 28, ...years.flatMap(() => [10, 13, 8]), 16].map((width) => ({ width }));
  ws.getCell('A1').value = `Integrationsmanagement – Entwicklung je Gemeinde bis ${report.year}`;
  styleTitle(ws.getCell('A1'));
  ws.getCell('A2').value =
    `Personen, Betrag und VZÄ je Berechnungsjahr. ${report.year} verweist auf das Blatt „Übersicht“; frühere Jahre sind die Zahlen ihrer Übersicht (veröffentlicht, sonst der damalige Stand). Leer: kein Wert in den Daten.`;
  const headers = ['AGS', 'Gemeinde', ...years.flatMap((y) => [`${y} Personen`, `${y} Betrag`, `${y} VZÄ`]), `Betrag ${years[current]} − ${years[before]}`];
  headers.forEach((h, i) => (ws.getCell(header, i + 1).value = h));
  styleHeaderRow(ws, header, headers.length);

  const o = (address: string) => sheetRef('Übersicht', address);
  report.rows.forEach((row, i) => {
    const r = first + i;
    setText(ws.getCell(`A${r}`), row.ags);
    setText(ws.getCell(`B${r}`), row.gemeinde);
    const own = byAgs.get(row.ags);
    years.slice(0, current).forEach((year, y) => {
      const figures = own?.get(year);
      if (!figures) return;
      ws.getCell(`${col(y, 0)}${r}`).value = figures.persons;
      ws.getCell(`${col(y, 0)}${r}`).numFmt = INTEGER_FORMAT;
      ws.getCell(`${col(y, 1)}${r}`).value = Number(figures.amount);
      ws.getCell(`${col(y, 1)}${r}`).numFmt = amountFormat;
      ws.getCell(`${col(y, 2)}${r}`).value = Number(figures.vzae);
      ws.getCell(`${col(y, 2)}${r}`).numFmt = '0.00##';
    });
    const ov = overviewRow(i);
    formulaCell(ws.getCell(`${col(current, 0)}${r}`), o(`F${ov}`), row.persons, INTEGER_FORMAT);
    formulaCell(ws.getCell(`${col(current, 1)}${r}`), o(`I${ov}`), Number(row.amount), amountFormat);
    formulaCell(ws.getCell(`${col(current, 2)}${r}`), o(`J${ov}`), Number(row.vzae), '0.00##');
    const previous = own?.get(years[before]);
    if (previous) {
      // In cents, as integers: no binary fraction can leave a stray 0.0000001 in the difference.
      const change = new Decimal(row.amount).minus(previous.amount);
      formulaCell(ws.getCell(`${changeCol}${r}`), `ROUND((${col(current, 1)}${r}-${col(before, 1)}${r})*100,0)/100`, change.toNumber(), `+${amountFormat};-${amountFormat};0 €`);
    }
  });

  setText(ws.getCell(`B${total}`), `Summe (${report.rows.length} Gemeinden)`);
  years.forEach((year, y) => {
    for (const k of [0, 1] as const) {
      const values = report.rows.map((row) => (year === report.year ? (k === 0 ? row.persons : Number(row.amount)) : k === 0 ? (byAgs.get(row.ags)?.get(year)?.persons ?? 0) : Number(byAgs.get(row.ags)?.get(year)?.amount ?? 0)));
      const sum = values.reduce((s, v) => s.plus(v), new Decimal(0));
      formulaCell(ws.getCell(`${col(y, k)}${total}`), `ROUND(SUM(${col(y, k)}${first}:${col(y, k)}${last}),2)`, sum.toNumber(), k === 0 ? INTEGER_FORMAT : amountFormat);
    }
  });
  styleTotalRow(ws, total, headers.length);
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: header }];
}

/**
 * Allocations the formula checks run on, and the check itself: a formula engine's values (computed
 * without the stored results) must equal both the stored results and the exact report.
 */
import type { OverviewReport } from '../../src/app/overview';
import type { CampaignInput } from '../../src/domain/campaign';
import { GemeindeVerzeichnis } from '../../src/domain/gemeinden';
import { Counts, verzeichnis } from './fixtures';
import { Evaluation, sameValue } from './formulaEngine';
import { readWorkbook, rowsByAgs } from './xlsxFiles';

export interface Scenario {
  name: string;
  input: CampaignInput;
  counts: (Counts | number)[];
  verzeichnis?: () => GemeindeVerzeichnis;
}

/** The Verzeichnis in reverse order: the tie rule must follow the AGS, not the row order. */
export function reversedVerzeichnis(): GemeindeVerzeichnis {
  return new GemeindeVerzeichnis([...verzeichnis().all].reverse());
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'ganze Euro, alle 46 Gemeinden, einige mit 0 Personen',
    input: { year: 2025, kreisAmount: '1508000' },
    counts: Array.from({ length: 46 }, (_, i) => (i * 37) % 61),
  },
  {
    name: 'Gleichstand: drei gleiche Reste, ein übriger Euro geht an den kleinsten AGS',
    input: { year: 2025, kreisAmount: '100' },
    counts: [1, 1, 1],
  },
  {
    name: 'Gleichstand in umgekehrter Zeilenreihenfolge',
    input: { year: 2025, kreisAmount: '1000' },
    counts: [5, 5, 5, 5, 3, 3, 3, 0, 7, 7],
    verzeichnis: reversedVerzeichnis,
  },
  {
    name: 'Cent als Rundungseinheit, Landesmittel × Quote, Vorwegabzug in Prozent',
    input: { year: 2025, landesmittel: '40000000', quotePercent: '3.77', vorwegabzugPercent: '5', unit: '0.01' },
    counts: Array.from({ length: 46 }, (_, i) => ({ listed: (i * 13) % 29, struck: i % 3, added: i % 4 === 0 ? 2 : 0, submitted: true })).map(
      (c) => ({ ...c, struck: Math.min(c.struck, c.listed) }),
    ),
  },
  {
    name: 'ganze Euro mit Vorwegabzug als Betrag, 64.000 € je VZÄ',
    input: { year: 2025, kreisAmount: '1508000', vorwegabzugAmount: '60000', eurPerVzae: '64000' },
    counts: Array.from({ length: 46 }, (_, i) => (i % 5 === 0 ? 0 : 3 + ((i * 7) % 11))),
  },
  {
    name: 'Cent, Kreisbetrag mit Cent, gleiche Reste in Cent',
    input: { year: 2025, kreisAmount: '1507999.99', unit: '0.01', eurPerVzae: '68123.45' },
    counts: Array.from({ length: 46 }, (_, i) => (i < 12 ? 7 : i < 30 ? 3 : 1)),
  },
  {
    // 1.462 € ÷ 68.000 € is exactly 0,0215 VZÄ, but in binary floating point 0.0214999…: a naive
    // ROUNDDOWN(Betrag/Kosten;4) could show 0,0214. The workbook computes VZÄ on integers.
    name: 'VZÄ genau an der Grenze der 4. Nachkommastelle',
    input: { year: 2025, kreisAmount: '2924' },
    counts: [1, 1],
  },
];

/**
 * Compares an engine's evaluation with the workbook's stored results and with the report.
 * Returns the problems found (empty when everything agrees) so a failure names every cell.
 */
export async function checkEvaluation(file: string, report: OverviewReport, evaluation: Evaluation): Promise<string[]> {
  const problems: string[] = [];
  for (const f of evaluation.formulas) {
    if (!sameValue(f.computed, f.stored)) problems.push(`${f.ref} =${f.formula}: berechnet ${String(f.computed)}, gespeichert ${String(f.stored)}`);
  }
  const workbook = await readWorkbook(file);
  const overviewRows = rowsByAgs(workbook.getWorksheet('Übersicht')!);
  const calcRows = rowsByAgs(workbook.getWorksheet('Rechenweg')!);
  const exact = (ref: string, expected: number) => {
    const got = evaluation.computed(ref);
    if (got !== expected) problems.push(`${ref}: berechnet ${String(got)}, erwartet genau ${expected}`);
  };
  const near = (ref: string, expected: number, tolerance: number) => {
    const got = evaluation.computed(ref);
    if (typeof got !== 'number' || Math.abs(got - expected) > tolerance) problems.push(`${ref}: berechnet ${String(got)}, erwartet ≈ ${expected}`);
  };
  for (const row of report.rows) {
    const r = overviewRows.get(row.ags)!;
    const c = calcRows.get(row.ags)!;
    exact(`Übersicht!F${r}`, row.persons);
    near(`Übersicht!G${r}`, Number(row.share), 1e-12);
    near(`Übersicht!H${r}`, Number(row.exactAmount), 1e-6);
    exact(`Übersicht!I${r}`, Number(row.amount));
    exact(`Übersicht!J${r}`, Number(row.vzae));
    exact(`Rechenweg!H${c}`, row.extraUnit ? 1 : 0);
  }
  const total = Math.max(...overviewRows.values()) + 1;
  exact(`Übersicht!F${total}`, report.totals.persons);
  exact(`Übersicht!I${total}`, Number(report.parameters.distributable));
  exact(`Übersicht!I${total}`, Number(report.totals.amount));
  // The control cells (stored "OK") are covered by the loop above: a computed "FEHLER" differs.
  const calcTotal = Math.max(...calcRows.values()) + 1;
  exact(`Rechenweg!H${calcTotal}`, report.leftoverUnits);
  exact(`Rechenweg!J${calcTotal}`, Math.round(Number(report.parameters.distributable) * 100));
  return problems;
}

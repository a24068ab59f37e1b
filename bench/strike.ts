/**
 * Benchmark 3: one persisted strike – `app.review.strike(...)` through LowdbRepository, fsync'ed – in a
 * district of 46 real Gemeinden / ~2,500 persons against a state of 1,101 invented Gemeinden / 100,000
 * persons. A click must cost the same however large the district is: it should touch one Gemeinde's
 * list, not all of them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IntmApp } from '../src/app';
import type { TableReader } from '../src/app/ports';
import type { Actor } from '../src/domain/actor';
import { defaultPeriod } from '../src/domain/campaign';
import { isBetween } from '../src/domain/dates';
import { GemeindeVerzeichnis } from '../src/domain/gemeinden';
import type { Cell } from '../src/domain/importRows';
import { SYNTHETIC_HEADER, type SyntheticExport, syntheticExport } from '../src/demo/syntheticExport';
import { ExcelWorkbookWriter } from '../src/excel/workbookWriter';
import { loadVerzeichnis } from '../src/storage/gemeindenCsv';
import { LowdbRepository } from '../src/storage/lowdbRepository';
import { fixedClock } from '../src/storage/systemClock';
import { medianP95, ms, type Section, stats, timed } from './report';

const GOAL_RATIO = 1.3;
const YEAR = 2025;
const PERIOD = defaultPeriod(YEAR);
/** Strikes measured per scale, spread round-robin over this many Gemeinden. */
const STRIKES = 300;
const GEMEINDEN_STRUCK = 10;
const WARMUP = 20;

const coordinator: Actor = { id: 'bench-koordination', name: 'Bench Koordination', role: 'koordination' };

/**
 * The export's rows straight from memory: the import then runs the real validation and storage path
 * (ImportService → replaceLists) without spending a minute writing and parsing a state-sized .xlsx.
 */
export function memoryTable(exp: SyntheticExport): TableReader {
  const date = (d: string) => new Date(`${d}T00:00:00.000Z`);
  return {
    async *read() {
      yield { rowNumber: 1, cells: [...SYNTHETIC_HEADER] as Cell[] };
      let row = 1;
      for (const p of exp.persons) {
        const cells = [p.ags, p.gemeinde, p.id, p.householdId, p.surname, p.givenName, date(p.birthDate), date(p.assignmentDate), p.zugangsart];
        yield { rowNumber: ++row, cells };
      }
    },
  };
}

interface Scale {
  app: IntmApp;
  dataDir: string;
  /** Persons to strike, in the order they are struck: round-robin over the chosen Gemeinden. */
  targets: { ags: string; personId: string }[];
  importMs: number;
  /** Average persons on the struck lists: what one strike reads, copies and writes. */
  listSize: number;
}

async function openScale(name: string, exp: SyntheticExport, verzeichnis: GemeindeVerzeichnis): Promise<Scale> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `intm-bench-${name}-`));
  const repo = await LowdbRepository.open(dataDir);
  // In the review window of Berechnungsjahr 2025 (lists due 15.01.2024).
  const clock = fixedClock('2024-01-10T09:00:00.000Z');
  const app = new IntmApp({ repo, clock, verzeichnis, tableReader: memoryTable(exp), workbooks: new ExcelWorkbookWriter() });
  await app.campaigns.create({ year: YEAR, kreisAmount: '1508000' }, { actor: coordinator });
  const importMs = await timed(async () => {
    const report = await app.imports.importStep1(YEAR, Buffer.alloc(0), 'bench.xlsx', { actor: coordinator });
    if (!report.stored) throw new Error(`${name}: import refused`);
  });

  // Gemeinden spread evenly over the Verzeichnis; the first WARMUP/… persons of each warm up, the rest are measured.
  const step = Math.floor(verzeichnis.size / GEMEINDEN_STRUCK);
  const chosen = Array.from({ length: GEMEINDEN_STRUCK }, (_, i) => verzeichnis.all[i * step].ags);
  const perGemeinde = (WARMUP + STRIKES) / GEMEINDEN_STRUCK;
  const inList = chosen.map((ags) => exp.persons.filter((p) => p.ags === ags && isBetween(p.assignmentDate, PERIOD.start, PERIOD.end)));
  if (inList.some((persons) => persons.length < perGemeinde)) throw new Error(`${name}: too few persons per Gemeinde to strike`);
  const targets = Array.from({ length: WARMUP + STRIKES }, (_, i) => {
    const g = i % GEMEINDEN_STRUCK;
    return { ags: chosen[g], personId: inList[g][Math.floor(i / GEMEINDEN_STRUCK)].id };
  });
  const listSize = Math.round(inList.reduce((sum, persons) => sum + persons.length, 0) / inList.length);
  return { app, dataDir, targets, importMs, listSize };
}

/** One click of a Gemeinde's staff: strike one person, with the operation id a front end sends. */
function strike(scale: Scale, i: number): Promise<number> {
  const { ags, personId } = scale.targets[i];
  const actor: Actor = { id: `bench-${ags}`, name: `Sachbearbeitung ${ags}`, role: 'gemeinde', ags };
  return timed(async () => {
    const outcome = await scale.app.review.strike(YEAR, ags, { personId, reason: 'weggezogen' }, { actor, opId: `bench-${i}` });
    if (!outcome.changed) throw new Error(`strike ${i} changed nothing`);
  });
}

export async function strikeBenchmark(): Promise<Section> {
  const districtVerzeichnis = loadVerzeichnis();
  const districtExport = syntheticExport({ seed: YEAR, gemeinden: districtVerzeichnis.all, persons: 2_500, period: PERIOD });
  const stateExport = syntheticExport({ seed: YEAR, gemeinden: 1101, persons: 100_000, period: PERIOD });
  const scales: Scale[] = [];
  try {
    scales.push(await openScale('district', districtExport, districtVerzeichnis));
    scales.push(await openScale('state', stateExport, new GemeindeVerzeichnis(stateExport.gemeinden)));
    const [district, state] = scales;

    const samples = { district: [] as number[], state: [] as number[] };
    for (let i = 0; i < WARMUP; i++) {
      await strike(district, i);
      await strike(state, i);
    }
    // Sequential and interleaved: a slow moment of the disk hits both scales alike.
    for (let i = WARMUP; i < WARMUP + STRIKES; i++) {
      samples.district.push(await strike(district, i));
      samples.state.push(await strike(state, i));
    }
    const s = { district: stats(samples.district), state: stats(samples.state) };
    const ratio = s.state.median / s.district.median;

    return {
      title: '3. One persisted strike, district vs. state',
      method: `
The real application path of one click: \`app.review.strike(...)\` (src/app/reviewService.ts) by a
Gemeinde's staff, with an operation id, through \`LowdbRepository\` – lock file, campaign and list read,
the list rewritten and fsync'ed with its directory – in two data directories in the system temp folder.
**District:** the 46 real Gemeinden (\`data/\`, \`loadVerzeichnis\`), ${districtExport.expected.inside.toLocaleString('en')} persons
in the period of an invented export of 2,500. **State:** 1,101 invented Gemeinden,
${stateExport.expected.inside.toLocaleString('en')} persons in the period of an export of 100,000. The lists are stored by
\`app.imports.importStep1\` (rows handed over from memory, so no .xlsx is written or parsed here).

**Baseline:** the district scale, measured in the same run. ${WARMUP} warm-up strikes per scale, then
${STRIKES} sequential strikes per scale of different persons, round-robin over ${GEMEINDEN_STRUCK} Gemeinden spread
over each Verzeichnis, district and state alternating strike by strike.`,
      rows: [
        { measure: 'one strike, median (p95)', result: `state ${medianP95(s.state)}`, baseline: `district ${medianP95(s.district)}`, goal: '–' },
        { measure: 'state / district, medians', result: `${ratio.toFixed(2)}×`, baseline: '1×', goal: `≤ ${GOAL_RATIO}×`, met: ratio <= GOAL_RATIO },
      ],
      notes: [
        `Strike extremes: district min ${ms(s.district.min)}, max ${ms(s.district.max)}; state min ${ms(s.state.min)}, max ${ms(s.state.max)}.`,
        `A strike rewrites one list: the struck lists hold ${district.listSize} persons on average in the district and ${state.listSize} in the state (the export spreads persons evenly), so a small difference is expected even though the number of Gemeinden plays no part.`,
        `Storing the lists (import through the application, every list file fsync'ed): district ${ms(district.importMs)}, state ${ms(state.importMs)}.`,
      ],
    };
  } finally {
    for (const scale of scales) {
      await scale.app.close();
      rmSync(scale.dataDir, { recursive: true, force: true });
    }
  }
}

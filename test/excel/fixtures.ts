/**
 * Test inputs for the workbooks, built with the real domain (createCampaign, buildOverview) so that
 * every figure is consistent: no hand-made numbers.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOverview, OverviewReport } from '../../src/app/overview';
import { CampaignInput, createCampaign } from '../../src/domain/campaign';
import { DecisionBook, emptyDecisionBook } from '../../src/domain/decision';
import { Gemeinde, GemeindeVerzeichnis } from '../../src/domain/gemeinden';
import { emptyList, GemeindeListe, ListPerson } from '../../src/domain/list';

export const NOW = '2024-02-01T09:30:00.000Z';
export const TODAY = '2024-02-01';
const BY = { id: 'u-koord', name: 'Koordinierungsstelle Test' };

/** The 46 Gemeinden of the Landkreis from the project's data file. */
export function verzeichnis(): GemeindeVerzeichnis {
  const lines = readFileSync(join(__dirname, '../../data/gemeinden-landkreis-heilbronn.csv'), 'utf8').trim().split(/\r?\n/);
  const all: Gemeinde[] = lines.slice(1).map((line) => {
    const [ags, name, , typ] = line.split(',');
    return { ags, name, typ };
  });
  return new GemeindeVerzeichnis(all);
}

export interface Counts {
  listed: number;
  struck?: number;
  added?: number;
  pending?: number;
  submitted?: boolean;
}

function importPerson(ags: string, i: number): ListPerson {
  return {
    id: `P-${ags}-${i}`,
    householdId: `H-${ags}-${Math.floor(i / 3)}`,
    surname: `Muster${i}`,
    givenName: 'Alex',
    birthDate: '1990-01-01',
    assignmentDate: '2021-06-01',
    zugangsart: 'zuweisung',
    origin: 'import',
  };
}

/** A list with the given counts: the first `struck` imported persons struck, then accepted and open additions. */
export function listWith(year: number, ags: string, c: Counts): GemeindeListe {
  const list = emptyList(year, ags);
  for (let i = 0; i < c.listed; i++) {
    const p = importPerson(ags, i);
    if (i < (c.struck ?? 0)) p.strike = { at: NOW, by: BY, reason: 'weggezogen' };
    list.persons.push(p);
  }
  const addition = (i: number, review: 'angenommen' | 'offen'): ListPerson => ({
    id: `NT-${ags}-${String(i + 1).padStart(3, '0')}`,
    householdId: `H-${ags}-0`,
    surname: 'Muster0',
    givenName: `Kind${i}`,
    birthDate: '2022-03-01',
    assignmentDate: '2022-03-01',
    zugangsart: 'nachgeboren',
    origin: 'nachtrag',
    addition: { at: NOW, by: BY, kind: review === 'angenommen' ? 'kind' : 'weitere', review },
  });
  const added = c.added ?? 0;
  for (let i = 0; i < added; i++) list.persons.push(addition(i, 'angenommen'));
  for (let i = 0; i < (c.pending ?? 0); i++) list.persons.push(addition(added + i, 'offen'));
  list.sent = { at: NOW, by: BY };
  // Worked on: the list's state is "in Bearbeitung".
  if (c.struck || c.added || c.pending) list.changeCounts = { 'person.strike': 1 };
  if (c.submitted) list.submitted = { at: NOW, by: BY, persons: c.listed - (c.struck ?? 0) + added };
  return list;
}

/**
 * The overview of a campaign where Gemeinde number i of the Verzeichnis has counts[i]
 * (a plain number means that many listed persons, submitted, nothing changed).
 */
export function reportFor(
  input: CampaignInput,
  counts: readonly (Counts | number)[],
  decisions?: DecisionBook,
  v: GemeindeVerzeichnis = verzeichnis(),
): OverviewReport {
  const campaign = createCampaign(input);
  const lists = v.all.map((g, i) => {
    const c = counts[i] ?? 0;
    return listWith(campaign.year, g.ags, typeof c === 'number' ? { listed: c, submitted: true } : c);
  });
  return buildOverview(campaign, lists, decisions ?? emptyDecisionBook(campaign.year), v, NOW, TODAY);
}

const tempDirs: string[] = [];

/** A fresh path in the system's temp folder; every folder made here is removed after the test file. */
export function tempFile(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'intm-excel-'));
  tempDirs.push(dir);
  return join(dir, name);
}

afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

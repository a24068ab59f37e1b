/**
 * Benchmark: the Gesamtverwendungsnachweis workbook at state scale – 1,101 Gemeinden, every one with a
 * complete Nachweis (a third of them in Verbünde of three) – beside the overview workbook of the same
 * size, both built in memory as the bot would attach them. For information: no goal is set yet.
 */
import { buildOverview } from '../src/app/overview';
import { type Campaign, createCampaign } from '../src/domain/campaign';
import { DecisionBook, emptyDecisionBook } from '../src/domain/decision';
import { GemeindeVerzeichnis } from '../src/domain/gemeinden';
import { emptyList, type GemeindeListe } from '../src/domain/list';
import { Decimal } from '../src/domain/money';
import { nachweisPlan, NachweisRound, openRound, saveDraft } from '../src/domain/verwendungsnachweis';
import { gesamtnachweisBuffer } from '../src/excel/gesamtnachweisWorkbook';
import { overviewWorkbookBuffer } from '../src/excel/overviewWorkbook';
import { medianP95, ms, type Section, stats, timed } from './report';

const GEMEINDEN = 1101;
const RUNS = 5;
const NOW = '2026-02-01T09:00:00.000Z';
const stamp = { at: NOW, by: { id: 'bench', name: 'Bench' } };
const coordinator = { id: 'bench', name: 'Bench', role: 'koordination' as const };

function gemeinden() {
  return Array.from({ length: GEMEINDEN }, (_, i) => ({ ags: String(8_000_000 + i).padStart(8, '0'), name: `Gemeinde ${i + 1}`, typ: 'Gemeinde' }));
}

/** Every third Gemeinde leads a Verbund with the next two; the rest decide eigenständig. */
function decisions(all: readonly { ags: string }[]): DecisionBook {
  const book = emptyDecisionBook(2025);
  for (let i = 0; i < all.length; i++) {
    const ags = all[i].ags;
    if (i % 9 === 0 && i + 2 < all.length) {
      const partners = [all[i + 1].ags, all[i + 2].ags];
      book.decisions[ags] = { ags, choice: 'verbund', vzae: '1', partners, confirmations: Object.fromEntries(partners.map((p) => [p, stamp])), decided: stamp };
      for (const p of partners) book.decisions[p] = { ags: p, choice: 'verbund', verbundLead: ags, decided: stamp };
      i += 2;
    } else book.decisions[ags] = { ags, choice: 'eigenstaendig', vzae: '0.5', decided: stamp };
  }
  return book;
}

function completeRound(all: readonly { ags: string }[], amounts: ReadonlyMap<string, Decimal>, book: DecisionBook, campaign: Campaign): NachweisRound {
  let round = openRound(2025, '2026-03-31', nachweisPlan(book, all.map((g) => g.ags), amounts, campaign), amounts, ['Beratene Personen', 'Beratene Haushalte', 'Beratungsstunden je Woche'], {
    actor: coordinator,
    now: NOW,
    today: '2026-01-15',
  });
  // One round with every Nachweis filled in, built directly (the domain's checks run per Nachweis).
  for (const n of Object.values(round.nachweise)) {
    const allocation = Object.values(n.allocations).reduce((s, a) => s.plus(a), new Decimal(0));
    const personnel = allocation.times('0.93').toDecimalPlaces(2);
    const other = allocation.minus(personnel).minus(n.members.length * 7).toFixed(2);
    const shares = n.members.length > 1 ? Object.fromEntries(n.members.map((m, i) => [m, i === 0 ? personnel.plus(other).minus(n.members.length - 1).toFixed(2) : '1'])) : undefined;
    round = saveDraft(
      round,
      n.ags,
      {
        personnel: personnel.toFixed(2),
        other,
        eigenmittel: '0',
        months: Array.from({ length: 12 }, (_, m) => (m === 7 ? '0' : '0.5')),
        ...(shares ? { shares } : {}),
        figures: { k1: 40, k2: 15, k3: 19.5 },
        text: 'Beratung in der Anschlussunterbringung.',
      },
      { actor: coordinator, now: NOW },
    ).round;
  }
  return round;
}

export async function gesamtnachweisBenchmark(): Promise<Section> {
  const all = gemeinden();
  const verzeichnis = new GemeindeVerzeichnis(all);
  const campaign = createCampaign({ year: 2025, kreisAmount: '40000000', unit: '0.01' });
  const lists: GemeindeListe[] = all.map((g, i) => {
    const list = emptyList(2025, g.ags);
    for (let p = 0; p < 20 + (i % 160); p++) {
      list.persons.push({ id: `${g.ags}-${p}`, surname: 'X', givenName: 'Y', birthDate: '1990-01-01', assignmentDate: '2021-06-01', zugangsart: 'zuweisung', origin: 'import' });
    }
    return list;
  });
  const book = decisions(all);
  const report = buildOverview(campaign, lists, book, verzeichnis, NOW, '2026-02-01');
  const amounts = new Map(report.rows.map((r) => [r.ags, new Decimal(r.amount)]));
  const round = completeRound(all, amounts, book, campaign);
  const input = { round, gemeinden: all, generatedAt: NOW };

  const sizes = { overview: 0, nachweis: 0 };
  const samples = { overview: [] as number[], nachweis: [] as number[] };
  // One warm-up each, then interleaved, so that a slow moment of the machine hits both alike.
  await overviewWorkbookBuffer(report);
  await gesamtnachweisBuffer(input);
  for (let i = 0; i < RUNS; i++) {
    samples.overview.push(await timed(async () => (sizes.overview = (await overviewWorkbookBuffer(report)).length)));
    samples.nachweis.push(await timed(async () => (sizes.nachweis = (await gesamtnachweisBuffer(input)).length)));
  }
  const s = { overview: stats(samples.overview), nachweis: stats(samples.nachweis) };
  const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  return {
    title: 'Gesamtverwendungsnachweis workbook, 1,101 Gemeinden',
    method: `
\`gesamtnachweisBuffer\` (src/excel/gesamtnachweisWorkbook.ts) for a round of 1,101 invented Gemeinden,
every Nachweis complete (${Object.keys(round.nachweise).length} Nachweise, a third of the Gemeinden in
Verbünde of three), three key figures: three sheets, every total and difference a live formula with
its stored result. **Baseline:** the overview workbook (\`overviewWorkbookBuffer\`) of the same 1,101
Gemeinden. One warm-up each, then ${RUNS} interleaved runs; both built in memory.`,
    rows: [
      { measure: 'Gesamtverwendungsnachweis, median (p95)', result: medianP95(s.nachweis), baseline: `overview workbook ${medianP95(s.overview)}`, goal: '–' },
      { measure: 'file size', result: kib(sizes.nachweis), baseline: `overview workbook ${kib(sizes.overview)}`, goal: '–' },
    ],
    notes: [`Gesamtverwendungsnachweis min ${ms(s.nachweis.min)}, max ${ms(s.nachweis.max)}; overview workbook min ${ms(s.overview.min)}, max ${ms(s.overview.max)}.`],
  };
}

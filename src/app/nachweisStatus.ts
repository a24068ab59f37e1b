/**
 * Where the Verwendungsnachweis round stands, for the Koordinierungsstelle's views: `intm status`, the
 * bot's status card and the digest, and the questions. One place computes it, so the command line and
 * the bot never disagree, and one sentence (i18n `vn.summary`) says it in German or English.
 *
 * Names, counts and one total only – no Gemeinde's figures: what a single Nachweis says is seen by its
 * Gemeinde and the Koordinierungsstelle on the Nachweis itself.
 */
import type { IsoDate } from '../domain/dates';
import { Decimal } from '../domain/money';
import { Nachweis, NachweisRound, roundStatus, roundSummary, type RoundSummary, totalsOf } from '../domain/verwendungsnachweis';
import type { Locale } from '../i18n/catalogue';
import { translate } from '../i18n/messages';

export interface NachweisRoundStatus {
  year: number;
  deadline: IsoDate;
  summary: RoundSummary;
  /** Gemeinden (names, filing ones) whose own Nachweis is past the deadline and not submitted. */
  overdue: string[];
  /** Own Nachweise not submitted yet (open or in progress), by the filing Gemeinde's name. */
  notSubmitted: string[];
  /** Returned with a question and not submitted again. */
  returned: string[];
  /** Submitted, waiting for the Koordinierungsstelle to accept or return them. */
  submitted: string[];
  /** Gemeinden served by the Landkreis whose figures the Koordinierungsstelle has not completed yet. */
  landkreisMissing: string[];
  /** Likely reclaim over every Nachweis with its expenditure stated (exact, two places). */
  reclaim: string;
  /** How many Nachweise state a likely reclaim. */
  reclaimCount: number;
}

/**
 * The amount likely to be reclaimed from one Nachweis – allocation minus expenditure where positive –
 * once both expenditures are stated; before that nothing is known (not the whole allocation).
 */
export function statedReclaim(n: Pick<Nachweis, 'allocations' | 'data'>): Decimal | undefined {
  if (n.data.personnel === undefined || n.data.other === undefined) return undefined;
  return totalsOf(n).reclaim;
}

/**
 * Each Nachweis likely to be reclaimed from (the filing Gemeinde, the amount; largest first) and how many
 * have not stated their expenditure yet. For the Koordinierungsstelle's eyes: it names each Gemeinde's amount.
 */
export function reclaimsOf(round: NachweisRound): { rows: { ags: string; members: string[]; amount: Decimal }[]; unstated: number } {
  const rows: { ags: string; members: string[]; amount: Decimal }[] = [];
  let unstated = 0;
  for (const n of Object.values(round.nachweise)) {
    const r = statedReclaim(n);
    if (r === undefined) unstated++;
    else if (r.gt(0)) rows.push({ ags: n.ags, members: n.members, amount: r });
  }
  rows.sort((a, b) => b.amount.comparedTo(a.amount) || a.ags.localeCompare(b.ags));
  return { rows, unstated };
}

const byName = (a: string, b: string) => a.localeCompare(b, 'de');

export function nachweisRoundStatus(round: NachweisRound, nameOf: (ags: string) => string, today: IsoDate): NachweisRoundStatus {
  const summary = roundSummary(round, today);
  const all = Object.values(round.nachweise);
  const own = all.filter((n) => n.kind === 'eigen');
  const names = (list: Nachweis[]) => list.map((n) => nameOf(n.ags)).sort(byName);
  const open = own.filter((n) => n.state === 'offen' || n.state === 'in_bearbeitung');
  const reclaims = reclaimsOf(round);
  const reclaim = reclaims.rows.reduce((sum, r) => sum.plus(r.amount), new Decimal(0));
  return {
    year: round.year,
    deadline: round.deadline,
    summary,
    // The domain's rule (roundStatus), applied to the filing Gemeinden.
    overdue: roundStatus(round, Object.keys(round.nachweise), today)
      .filter((r) => r.overdue)
      .map((r) => nameOf(r.ags))
      .sort(byName),
    notSubmitted: names(open),
    returned: names(own.filter((n) => n.state === 'zurueckgegeben')),
    submitted: names(own.filter((n) => n.state === 'eingereicht')),
    landkreisMissing: names(all.filter((n) => n.kind === 'landkreis' && n.state !== 'angenommen')),
    reclaim: reclaim.toFixed(2),
    reclaimCount: reclaims.rows.length,
  };
}

/** One sentence on the round (`intm status`, `verwendungsnachweis status`, the status card and the digest). */
export function roundSummaryText(summary: RoundSummary, locale: Locale): string {
  const s = summary.byState;
  return translate(
    'vn.summary',
    { total: summary.total, angenommen: s.angenommen, eingereicht: s.eingereicht, zurueckgegeben: s.zurueckgegeben, inBearbeitung: s.in_bearbeitung, offen: s.offen, overdue: summary.overdue },
    locale,
  );
}

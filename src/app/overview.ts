/**
 * The overview of step 5/6: per Gemeinde its counts, share, amount and VZÄ, its list status and its
 * decision. JSON-safe (amounts as decimal strings) so it can be printed, stored when published and
 * written to Excel. Contains no personal data.
 */
import { computeAllocation, TIE_RULE_DE } from '../domain/allocation';
import type { Campaign } from '../domain/campaign';
import type { IsoDate } from '../domain/dates';
import { assessDecision, Choice, DecisionBook } from '../domain/decision';
import type { GemeindeVerzeichnis } from '../domain/gemeinden';
import { countList, emptyList, GemeindeListe, ListState } from '../domain/list';
import { Decimal } from '../domain/money';
import { gemeindeStatus } from '../domain/status';

export interface OverviewRow {
  ags: string;
  gemeinde: string;
  listed: number;
  struck: number;
  added: number;
  /** Additions waiting for the Koordinierungsstelle (not counted). */
  pending: number;
  /** Persons at the Stichtag: listed − struck + added. */
  persons: number;
  /** persons / total, 12 decimal places. */
  share: string;
  /** Unrounded amount, 12 decimal places. */
  exactAmount: string;
  /** Amount paid, two decimal places. */
  amount: string;
  /** Got one leftover rounding unit for its remainder. */
  extraUnit: boolean;
  /** VZÄ the amount pays, 4 decimal places. */
  vzae: string;
  listState: ListState;
  overdue: boolean;
  submittedAt?: string;
  decision: Choice | 'offen';
  decisionValid: boolean;
}

export interface OverviewReport {
  year: number;
  generatedAt: string;
  /** Some list is not submitted yet or has additions pending: the figures may still change. */
  provisional: boolean;
  parameters: {
    kreisAmount: string;
    landesmittel?: string;
    quotePercent?: string;
    vorwegabzug: string;
    distributable: string;
    unit: string;
    eurPerVzae: string;
    periodStart: IsoDate;
    periodEnd: IsoDate;
    stichtag: IsoDate;
    deadlines: Campaign['deadlines'];
  };
  totals: { listed: number; struck: number; added: number; pending: number; persons: number; amount: string; vzae: string };
  leftoverUnits: number;
  tieRule: string;
  rows: OverviewRow[];
}

export interface PublishedOverview {
  at: string;
  by: { id: string; name: string };
  report: OverviewReport;
  /** A publication after an earlier one: what it replaced and changed (no personal data: AGS and flags). */
  replaces?: Republication;
}

/** What a re-publication changed against the publication it replaced (the reason stays in the audit log). */
export interface Republication {
  at: string;
  /** AGS of the Gemeinden whose persons or amount changed. */
  changedGemeinden: string[];
  /** AGS of those whose persons changed: the cause; a changed count moves every Gemeinde's amount. */
  personsChanged: string[];
  parametersChanged: boolean;
  /** Published provisionally before, final now. */
  nowFinal: boolean;
}

/**
 * How the allocation as it stands now differs from the last publication. The published figures stay
 * the official ones until the Koordinierungsstelle publishes again (officialFigures.ts), so whoever
 * sees the current figures next to a publication must be told when they are not what was published.
 */
export interface SincePublication {
  /** When the figures were published. */
  at: string;
  /** AGS of the Gemeinden whose persons or amount differ from the published row. */
  changedGemeinden: string[];
  /** The amount, the cost per VZÄ, the period or the Stichtag differ. */
  parametersChanged: boolean;
  /** Published provisionally and now final, or the other way round. */
  provisionalChanged: boolean;
  /** Any of the above: publishing again would change what the Gemeinden were told. */
  changed: boolean;
  /**
   * The personal data was deleted then: the current figures are those at deletion, and the year can no
   * longer be published again – the published figures stay what the Gemeinden were told.
   */
  purgedAt?: string;
}

export function sincePublication(current: OverviewReport, published: PublishedOverview): SincePublication {
  const before = new Map(published.report.rows.map((r) => [r.ags, r]));
  const changedGemeinden = current.rows
    .filter((r) => {
      const old = before.get(r.ags);
      return !old || old.persons !== r.persons || old.amount !== r.amount;
    })
    .map((r) => r.ags);
  const p = current.parameters;
  const q = published.report.parameters;
  const parametersChanged =
    p.kreisAmount !== q.kreisAmount ||
    p.distributable !== q.distributable ||
    p.eurPerVzae !== q.eurPerVzae ||
    p.periodStart !== q.periodStart ||
    p.periodEnd !== q.periodEnd ||
    p.stichtag !== q.stichtag;
  const provisionalChanged = current.provisional !== published.report.provisional;
  return { at: published.at, changedGemeinden, parametersChanged, provisionalChanged, changed: changedGemeinden.length > 0 || parametersChanged || provisionalChanged };
}

export function buildOverview(
  campaign: Campaign,
  lists: readonly GemeindeListe[],
  decisions: DecisionBook,
  verzeichnis: GemeindeVerzeichnis,
  now: string,
  today: IsoDate,
): OverviewReport {
  const byAgs = new Map(lists.map((l) => [l.ags, l]));
  const gemeindeLists = verzeichnis.all.map((g) => ({ g, list: byAgs.get(g.ags) ?? emptyList(campaign.year, g.ags) }));
  const counted = gemeindeLists.map(({ g, list }) => ({ g, list, counts: countList(list) }));
  const allocation = computeAllocation(
    campaign,
    counted.map(({ g, counts }) => ({ ags: g.ags, name: g.name, persons: counts.persons })),
  );
  const amounts = new Map(allocation.rows.map((r) => [r.ags, r.amount]));
  const rows: OverviewRow[] = counted.map(({ g, list, counts }, i) => {
    const a = allocation.rows[i];
    const status = gemeindeStatus(g.name, list, assessDecision(decisions, g.ags, amounts, campaign), campaign, today);
    return {
      ags: g.ags,
      gemeinde: g.name,
      listed: counts.listed,
      struck: counts.struck,
      added: counts.added,
      pending: counts.pending,
      persons: counts.persons,
      share: a.share.toFixed(12),
      exactAmount: a.exactAmount.toFixed(12),
      amount: a.amount.toFixed(2),
      extraUnit: a.extraUnit,
      vzae: a.vzae.toFixed(4),
      listState: status.listState,
      overdue: status.overdue,
      ...(status.submittedAt ? { submittedAt: status.submittedAt } : {}),
      decision: status.decision,
      decisionValid: status.decisionValid,
    };
  });
  const sum = (f: (r: OverviewRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  const source = campaign.kreisAmountSource;
  return {
    year: campaign.year,
    generatedAt: now,
    provisional: rows.some((r) => r.listState !== 'eingereicht' || r.pending > 0),
    parameters: {
      kreisAmount: allocation.kreisAmount.toFixed(2),
      ...(source.kind === 'landesmittel' ? { landesmittel: source.landesmittel, quotePercent: source.quotePercent } : {}),
      vorwegabzug: allocation.vorwegabzug.toFixed(2),
      distributable: allocation.distributable.toFixed(2),
      unit: campaign.unit,
      eurPerVzae: campaign.eurPerVzae,
      periodStart: campaign.period.start,
      periodEnd: campaign.period.end,
      stichtag: campaign.stichtag,
      deadlines: campaign.deadlines,
    },
    totals: {
      listed: sum((r) => r.listed),
      struck: sum((r) => r.struck),
      added: sum((r) => r.added),
      pending: sum((r) => r.pending),
      persons: allocation.totalPersons,
      amount: allocation.rows.reduce((s, r) => s.plus(r.amount), new Decimal(0)).toFixed(2),
      vzae: allocation.rows.reduce((s, r) => s.plus(r.vzae), new Decimal(0)).toFixed(4),
    },
    leftoverUnits: allocation.leftoverUnits,
    tieRule: TIE_RULE_DE,
    rows,
  };
}

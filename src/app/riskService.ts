/**
 * The financing risk in numbers, as application services for bot and command line: a Gemeinde's
 * scenarios (state total ±, its count changing as the year before), its figures year over year, and the
 * Koordinierungsstelle's what-if for another Kreis amount. Nothing here stores anything.
 *
 * The figures of a year are its official ones (officialFigures.ts): the published overview once there is
 * one, the allocation as it stands before – the same the decision card and the answers show.
 */
import { actsFor, isKoordination, type Actor } from '../domain/actor';
import { vorwegabzugAmount, type Campaign } from '../domain/campaign';
import { DomainError } from '../domain/errors';
import { Decimal } from '../domain/money';
import { positionVerdict, riskScenarios, whatIfAllocation, type RiskScenarios, type ScenarioBasis, type ScenarioOutcome } from '../domain/scenarios';
import type { AppContext } from './context';
import type { OverviewReport } from './overview';
import type { OverviewService } from './overviewService';

/** One Berechnungsjahr of a Gemeinde's history (amounts as decimal strings, VZÄ with 4 places). */
export interface HistoryYear {
  year: number;
  persons: number;
  amount: string;
  vzae: string;
  /** The figures are the published ones (otherwise the allocation as it stands). */
  published: boolean;
  provisional: boolean;
}

export interface GemeindeHistory {
  ags: string;
  name: string;
  years: HistoryYear[];
}

/** One scenario, JSON-safe (amounts as decimal strings, VZÄ with 4 places, percent as a decimal string). */
export interface ScenarioLine {
  percent: string;
  kreisAmount: string;
  persons: number;
  amount: string;
  vzae: string;
  difference: string;
  financesMinimum: boolean;
}

/** A Gemeinde's scenarios as cards and answers show them, with what they mean for the 0.5-VZÄ position. */
export interface ScenarioFigures {
  year: number;
  base: { persons: number; amount: string; vzae: string; financesMinimum: boolean };
  stateTotal: ScenarioLine[];
  /** Absent without an earlier year in the data (or nobody counted then). */
  count?: ScenarioLine & { previousYear: number; previousPersons: number };
  verdict: { minimumCost: string; financedToday: boolean; failing: ('stateTotal' | 'count')[]; failingPercents: string[]; worstMissing: string };
  provisional: boolean;
  /** The Gemeinde's own earlier Berechnungsjahre (oldest first), for the line "Bisher: …". */
  earlier?: HistoryYear[];
}

function line(s: ScenarioOutcome): ScenarioLine {
  return {
    percent: s.percent.toString(),
    kreisAmount: s.kreisAmount.toFixed(2),
    persons: s.persons,
    amount: s.amount.toFixed(2),
    vzae: s.vzae.toFixed(4),
    difference: s.difference.toFixed(2),
    financesMinimum: s.financesMinimum,
  };
}

export function scenarioFigures(year: number, r: RiskScenarios, eurPerVzae: string, provisional: boolean): ScenarioFigures {
  const v = positionVerdict(r, eurPerVzae);
  return {
    year,
    base: { persons: r.base.persons, amount: r.base.amount.toFixed(2), vzae: r.base.vzae.toFixed(4), financesMinimum: r.base.financesMinimum },
    stateTotal: r.stateTotal.map(line),
    ...(r.count ? { count: { ...line(r.count), previousYear: r.count.previousYear, previousPersons: r.count.previousPersons } } : {}),
    verdict: {
      minimumCost: v.minimumCost.toFixed(2),
      financedToday: v.financedToday,
      failing: v.failing.map((s) => s.kind),
      failingPercents: v.failing.map((s) => s.percent.toString()),
      worstMissing: v.worstMissing.toFixed(2),
    },
    provisional,
  };
}

export interface WhatIfRow {
  ags: string;
  gemeinde: string;
  persons: number;
  /** The allocation as it stands (stored lists and parameters). */
  storedAmount: string;
  amount: string;
  vzae: string;
  /** amount − storedAmount. */
  difference: string;
}

export interface WhatIfReport {
  year: number;
  /** Never stored: the bot and the command line mark it "Nur zur Ansicht – nicht gespeichert". */
  whatIf: true;
  storedKreisAmount: string;
  kreisAmount: string;
  vorwegabzug: string;
  distributable: string;
  eurPerVzae: string;
  totalPersons: number;
  /** The stored figures are provisional (lists open, additions pending). */
  provisional: boolean;
  rows: WhatIfRow[];
  totals: { storedAmount: string; amount: string; difference: string };
}

export class RiskService {
  constructor(
    private readonly ctx: AppContext,
    private readonly overview: OverviewService,
  ) {}

  /**
   * The official figures of a year (officialFigures.ts: the published overview, else the allocation as it
   * stands; after deletion the figures kept), or undefined when it has none. Reads no lists once published:
   * a decision card per member of staff asks for earlier years.
   */
  private async figuresOf(year: number): Promise<OverviewReport | undefined> {
    const record = await this.ctx.repo.readCampaign(year);
    if (!record) return undefined;
    if (record.published) return record.published.report;
    if (!record.generation) return record.purged?.figures;
    try {
      return await this.overview.overview(year);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'allocation.noPersons') return undefined;
      throw e;
    }
  }

  /** The scenarios of one Gemeinde for a year; the count scenario with its nearest earlier year in the data. */
  async scenarios(year: number, ags: string, actor: Actor): Promise<{ scenarios: RiskScenarios; figures: ScenarioFigures; provisional: boolean; published: boolean }> {
    if (!actsFor(actor, ags)) throw new DomainError('auth.otherGemeinde');
    const record = await this.ctx.repo.readCampaign(year);
    if (!record) throw new DomainError('campaign.notFound', { year });
    const report = await this.figuresOf(year);
    if (!report) throw new DomainError(record.generation ? 'allocation.noPersons' : record.purged ? 'campaign.purged' : 'campaign.notImported', { year });
    const earlier = await this.earlierYears(year, ags);
    const previous = earlier.at(-1);
    const scenarios = riskScenarios(basisOf(record.campaign, report), ags, previous ? { year: previous.year, persons: previous.persons } : undefined);
    return {
      scenarios,
      figures: { ...scenarioFigures(year, scenarios, report.parameters.eurPerVzae, report.provisional), earlier },
      provisional: report.provisional,
      published: !!record.published,
    };
  }

  /** Every Berechnungsjahr with figures (before `before`, if given), oldest first, and whether they are published. */
  private async yearsWithFigures(before?: number): Promise<{ report: OverviewReport; published: boolean }[]> {
    const years = (await this.ctx.repo.years()).filter((y) => before === undefined || y < before).sort((a, b) => a - b);
    const out: { report: OverviewReport; published: boolean }[] = [];
    for (const y of years) {
      const report = await this.figuresOf(y);
      if (report) out.push({ report, published: !!(await this.ctx.repo.readCampaign(y))?.published });
    }
    return out;
  }

  /** The Gemeinde's figures in the Berechnungsjahre before `year` that have figures, oldest first. */
  private async earlierYears(year: number, ags: string): Promise<HistoryYear[]> {
    return (await this.yearsWithFigures(year)).flatMap((y) => historyYear(y.report, y.published, ags));
  }

  /**
   * Persons, amount and VZÄ per Berechnungsjahr (oldest first) of one Gemeinde – or, for the
   * Koordinierungsstelle without `ags`, of every Gemeinde. Years without figures are left out.
   */
  async history(actor: Actor, ags?: string): Promise<GemeindeHistory[]> {
    if (ags !== undefined && !actsFor(actor, ags)) throw new DomainError('auth.otherGemeinde');
    if (ags === undefined && !isKoordination(actor)) throw new DomainError('auth.koordinationOnly');
    const years = await this.yearsWithFigures();
    const gemeinden = ags !== undefined ? [this.ctx.verzeichnis.byKey(ags) ?? { ags, name: ags }] : this.ctx.verzeichnis.all;
    return gemeinden.map((g) => ({ ags: g.ags, name: g.name, years: years.flatMap((y) => historyYear(y.report, y.published, g.ags)) }));
  }

  /**
   * The allocation of a year for another Kreis amount, beside the allocation as it stands (from the stored
   * lists and parameters). For the Koordinierungsstelle; stores nothing.
   */
  async whatIf(year: number, kreisAmount: Decimal, actor: Actor): Promise<WhatIfReport> {
    if (!isKoordination(actor)) throw new DomainError('auth.koordinationOnly');
    const record = await this.ctx.repo.readCampaign(year);
    if (!record) throw new DomainError('campaign.notFound', { year });
    return buildWhatIf(record.campaign, await this.overview.overview(year), kreisAmount);
  }
}

/** A Gemeinde's row of a year's figures as one year of its history (none when the year has no row for it). */
function historyYear(report: OverviewReport, published: boolean, ags: string): HistoryYear[] {
  const row = report.rows.find((r) => r.ags === ags);
  return row ? [{ year: report.year, persons: row.persons, amount: row.amount, vzae: row.vzae, published, provisional: report.provisional }] : [];
}

/** The what-if of a report: its persons and parameters with another Kreis amount, beside its own amounts. */
export function buildWhatIf(campaign: Campaign, report: OverviewReport, kreisAmount: Decimal): WhatIfReport {
  const allocation = whatIfAllocation(basisOf(campaign, report), kreisAmount);
  const rows = report.rows.map((r, i) => {
    const a = allocation.rows[i];
    return {
      ags: r.ags,
      gemeinde: r.gemeinde,
      persons: r.persons,
      storedAmount: r.amount,
      amount: a.amount.toFixed(2),
      vzae: a.vzae.toFixed(4),
      difference: a.amount.minus(r.amount).toFixed(2),
    };
  });
  const total = (f: (r: WhatIfRow) => string) => rows.reduce((s, r) => s.plus(f(r)), new Decimal(0)).toFixed(2);
  return {
    year: report.year,
    whatIf: true,
    storedKreisAmount: report.parameters.kreisAmount,
    kreisAmount: allocation.kreisAmount.toFixed(2),
    vorwegabzug: allocation.vorwegabzug.toFixed(2),
    distributable: allocation.distributable.toFixed(2),
    eurPerVzae: allocation.eurPerVzae.toFixed(2),
    totalPersons: allocation.totalPersons,
    provisional: report.provisional,
    rows,
    totals: { storedAmount: total((r) => r.storedAmount), amount: total((r) => r.amount), difference: total((r) => r.difference) },
  };
}

/**
 * The parameters and counts a report was computed with, as a campaign and allocation inputs: a
 * published report keeps its own Kreis amount, cost per VZÄ and Vorwegabzug even if the campaign
 * changed since (a percentage Vorwegabzug stays a percentage while it still gives the published amount).
 */
export function basisOf(campaign: Campaign, report: OverviewReport): ScenarioBasis {
  const p = report.parameters;
  const base: Campaign = {
    ...campaign,
    kreisAmount: p.kreisAmount,
    kreisAmountSource: p.landesmittel !== undefined && p.quotePercent !== undefined ? { kind: 'landesmittel', landesmittel: p.landesmittel, quotePercent: p.quotePercent } : { kind: 'direct' },
    unit: p.unit === '0.01' ? '0.01' : '1',
    eurPerVzae: p.eurPerVzae,
  };
  const deduction = new Decimal(p.vorwegabzug || '0');
  let withDeduction: Campaign;
  if (deduction.isZero()) {
    const { vorwegabzug: _none, ...rest } = base;
    withDeduction = rest;
  } else {
    withDeduction = vorwegabzugAmount(base).equals(deduction) ? base : { ...base, vorwegabzug: { kind: 'amount', amount: deduction.toFixed(2) } };
  }
  return { campaign: withDeduction, inputs: report.rows.map((r) => ({ ags: r.ags, name: r.gemeinde, persons: r.persons })) };
}

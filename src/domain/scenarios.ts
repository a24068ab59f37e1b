/**
 * The financing risk in numbers: what a Gemeinde's amount and VZÄ would be if the state total or its own
 * count changed – the seed's argument against doing the Integrationsmanagement oneself ("funding changes
 * every year with the state budget and the count"), made concrete. And the Koordinierungsstelle's
 * what-if: the allocation for another Kreis amount.
 *
 * Every scenario is a full allocation recomputed with the rules of allocation.ts (largest remainder,
 * the same tie rule, the same rounding unit), never an approximation: the scenario amounts add up to
 * the scenario's distributable amount to the cent, just like the real ones.
 */
import { computeAllocation, type Allocation, type AllocationInput } from './allocation';
import { MINIMUM_POSITION_VZAE, type Campaign } from './campaign';
import { DomainError } from './errors';
import { Decimal, parseAmount, type DecimalValue } from './money';

/** How the state total may change (percent): the cuts the seed warns about and a rise. */
export const STATE_TOTAL_CHANGES = [-20, -10, 10] as const;

/** The largest Kreis amount a what-if takes: far above any district's share of a state total (typing errors). */
export const MAXIMUM_WHAT_IF_AMOUNT = new Decimal('1000000000');

/** The allocation as it stands: its parameters and every Gemeinde's persons. */
export interface ScenarioBasis {
  campaign: Campaign;
  inputs: readonly AllocationInput[];
}

export interface ScenarioOutcome {
  /** 'stateTotal': the state total changed by `percent`; 'count': the Gemeinde's persons changed as the year before. */
  kind: 'stateTotal' | 'count';
  /** The change of the state total, or of the Gemeinde's count (rounded to one place, display only). */
  percent: Decimal;
  kreisAmount: Decimal;
  persons: number;
  amount: Decimal;
  vzae: Decimal;
  /** amount − today's amount. */
  difference: Decimal;
  /** The amount alone pays the minimum position (0.5 VZÄ) for "eigenverantwortlich". */
  financesMinimum: boolean;
}

export interface RiskScenarios {
  ags: string;
  /** Today's figures the scenarios are compared with. */
  base: { kreisAmount: Decimal; persons: number; amount: Decimal; vzae: Decimal; financesMinimum: boolean };
  stateTotal: ScenarioOutcome[];
  /** Absent when no earlier year with the Gemeinde's count exists, or it had nobody then (no relative change). */
  count?: ScenarioOutcome & { previousYear: number; previousPersons: number };
}

/** The campaign with another Kreis amount, entered directly (the Vorwegabzug stays as configured). */
export function withKreisAmount(campaign: Campaign, kreisAmount: DecimalValue): Campaign {
  return { ...campaign, kreisAmount: new Decimal(kreisAmount).toFixed(2), kreisAmountSource: { kind: 'direct' } };
}

/**
 * The Kreis amount if the state total changed by `percent`: the Zuteilungsquote stays, so the Kreis amount
 * scales with it – from the state total where the campaign was given one, otherwise from the Kreis amount
 * itself; rounded half up to the campaign's rounding unit.
 */
export function scaledKreisAmount(campaign: Campaign, percent: DecimalValue): Decimal {
  const factor = new Decimal(100).plus(percent).dividedBy(100);
  const source = campaign.kreisAmountSource;
  const amount =
    source.kind === 'landesmittel'
      ? new Decimal(source.landesmittel).times(factor).times(source.quotePercent).dividedBy(100)
      : new Decimal(campaign.kreisAmount).times(factor);
  // To the campaign's rounding unit (whole euros or cents): the allocation hands out whole units only.
  return amount.toNearest(campaign.unit, Decimal.ROUND_HALF_UP);
}

function rowOf(allocation: Allocation, ags: string) {
  const row = allocation.rows.find((r) => r.ags === ags);
  if (!row) throw new DomainError('gemeinde.unknownKey', { ags });
  return row;
}

const financesMinimum = (vzae: Decimal) => vzae.gte(MINIMUM_POSITION_VZAE);

function outcome(kind: ScenarioOutcome['kind'], percent: Decimal, allocation: Allocation, ags: string, baseAmount: Decimal): ScenarioOutcome {
  const row = rowOf(allocation, ags);
  return {
    kind,
    percent,
    kreisAmount: allocation.kreisAmount,
    persons: row.persons,
    amount: row.amount,
    vzae: row.vzae,
    difference: row.amount.minus(baseAmount),
    financesMinimum: financesMinimum(row.vzae),
  };
}

/**
 * The persons if the count changed again as from the year before: persons × persons ÷ previous persons,
 * rounded half up to whole persons. Undefined without a relative change (nobody counted the year before).
 */
export function repeatedCountChange(persons: number, previousPersons: number): number | undefined {
  if (!Number.isSafeInteger(previousPersons) || previousPersons <= 0) return undefined;
  return new Decimal(persons).times(persons).dividedBy(previousPersons).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

/**
 * Today's figures for one Gemeinde and what they would be if the state total changed by each of
 * STATE_TOTAL_CHANGES (every Gemeinde's share stays), and – with the Gemeinde's count of an earlier
 * year – if its count changed once more by the same ratio while every other Gemeinde's stays.
 */
export function riskScenarios(basis: ScenarioBasis, ags: string, previous?: { year: number; persons: number }): RiskScenarios {
  const today = computeAllocation(basis.campaign, basis.inputs);
  const own = rowOf(today, ags);
  const stateTotal = STATE_TOTAL_CHANGES.map((percent) =>
    outcome('stateTotal', new Decimal(percent), computeAllocation(withKreisAmount(basis.campaign, scaledKreisAmount(basis.campaign, percent)), basis.inputs), ags, own.amount),
  );
  const result: RiskScenarios = {
    ags,
    base: { kreisAmount: today.kreisAmount, persons: own.persons, amount: own.amount, vzae: own.vzae, financesMinimum: financesMinimum(own.vzae) },
    stateTotal,
  };
  const persons = previous ? repeatedCountChange(own.persons, previous.persons) : undefined;
  if (previous && persons !== undefined) {
    const inputs = basis.inputs.map((g) => (g.ags === ags ? { ...g, persons } : g));
    const percent = new Decimal(own.persons).minus(previous.persons).times(100).dividedBy(previous.persons).toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
    result.count = { ...outcome('count', percent, computeAllocation(basis.campaign, inputs), ags, own.amount), previousYear: previous.year, previousPersons: previous.persons };
  }
  return result;
}

/**
 * A what-if amount as the Koordinierungsstelle typed it, checked: positive, to the cent, and not absurdly
 * large. Refuses with a clear message otherwise.
 */
export function checkWhatIfAmount(amount: Decimal | undefined, typed: string): Decimal {
  if (!amount || !amount.isFinite()) throw new DomainError('whatIf.badAmount', { value: typed });
  // "berechnen 2026" means a year, not a Kreis amount of 2.026 €.
  if (/^\s*20\d\d\s*$/.test(typed)) throw new DomainError('whatIf.looksLikeYear', { value: typed.trim() });
  if (amount.lte(0)) throw new DomainError('whatIf.notPositive', { value: typed });
  if (amount.decimalPlaces() > 2) throw new DomainError('campaign.amountCents', { field: 'Kreisbetrag' });
  if (amount.gt(MAXIMUM_WHAT_IF_AMOUNT)) throw new DomainError('whatIf.tooLarge', { value: typed });
  return amount;
}

/** The allocation for another Kreis amount, with the same persons, parameters and rules. */
export function whatIfAllocation(basis: ScenarioBasis, kreisAmount: Decimal): Allocation {
  return computeAllocation(withKreisAmount(basis.campaign, kreisAmount), basis.inputs);
}

/** "1,4 Mio", "1.4 million", "2 Mio. €": a number of millions. */
const MILLIONS = /^(.*?)\s*(?:mio\.?|millionen|million|millions)\s*(?:€|eur)?$/i;

/**
 * A Kreis amount as people type it: `1.400.000 €`, `1400000`, `1,4 Mio`, `1.4 million` (see parseAmount);
 * undefined when the text is not an amount.
 */
export function parseKreisAmount(text: string): Decimal | undefined {
  const trimmed = text.trim();
  const millions = MILLIONS.exec(trimmed);
  if (!millions) return parseAmount(trimmed);
  const number = millions[1].replace(/\s/g, '');
  // "1,4" / "1.4" / "2": a decimal number of millions (no thousands grouping here).
  if (!/^\d+(?:[.,]\d+)?$/.test(number)) return undefined;
  return new Decimal(number.replace(',', '.')).times(1_000_000);
}

/** What the scenarios mean for the minimum position of "eigenverantwortlich" (0.5 VZÄ). */
export interface PositionVerdict {
  /** What 0.5 VZÄ cost at the cost per VZÄ. */
  minimumCost: Decimal;
  /** Today's amount alone pays it. */
  financedToday: boolean;
  /** The scenarios in which the amount alone does not pay it (in the order shown). */
  failing: ScenarioOutcome[];
  /** The most own money (Eigenmittel) any scenario would need for it; 0 when none does. */
  worstMissing: Decimal;
}

export function positionVerdict(r: RiskScenarios, eurPerVzae: DecimalValue): PositionVerdict {
  const minimumCost = MINIMUM_POSITION_VZAE.times(eurPerVzae);
  const all = [...r.stateTotal, ...(r.count ? [r.count] : [])];
  const failing = all.filter((s) => !s.financesMinimum);
  const worstMissing = Decimal.max(0, ...all.map((s) => minimumCost.minus(s.amount)));
  return { minimumCost, financedToday: r.base.financesMinimum, failing, worstMissing };
}

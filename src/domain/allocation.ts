/**
 * Step 5: the distributable amount is shared in proportion to the persons each Gemeinde houses at the
 * Stichtag, rounded to whole rounding units by the largest-remainder method (Hare–Niemeyer) so that the
 * rounded amounts add up to the distributable amount exactly.
 *
 * Tie rule: when two remainders are exactly equal, the Gemeinde with the smaller AGS
 * (amtlicher Gemeindeschlüssel) gets the leftover unit first. Remainders are compared exactly as
 * integers, never as floats, so "equal" means equal.
 */
import { Campaign, distributableAmount, vorwegabzugAmount } from './campaign';
import { DomainError } from './errors';
import { Decimal, DecimalValue } from './money';

export interface AllocationInput {
  ags: string;
  name: string;
  /** Persons at the Stichtag: listed − struck + added. */
  persons: number;
}

export interface AllocationRow {
  ags: string;
  name: string;
  persons: number;
  /** persons / total persons, exact to 12 decimal places (display and audit only). */
  share: Decimal;
  /** The unrounded amount, exact to 12 decimal places. */
  exactAmount: Decimal;
  /** The amount paid: whole rounding units. */
  amount: Decimal;
  /** Whether the Gemeinde received one of the leftover units for its remainder. */
  extraUnit: boolean;
  /** Full-time equivalents the amount pays at the campaign's cost per VZÄ (exact to 4 places). */
  vzae: Decimal;
}

export interface Allocation {
  year: number;
  kreisAmount: Decimal;
  vorwegabzug: Decimal;
  distributable: Decimal;
  unit: Decimal;
  eurPerVzae: Decimal;
  totalPersons: number;
  /** How many units were handed out by remainder. */
  leftoverUnits: number;
  rows: AllocationRow[];
}

export const TIE_RULE_DE =
  'Bei gleichem Rest erhält die Gemeinde mit dem kleineren Amtlichen Gemeindeschlüssel (AGS) den Restbetrag zuerst.';

/** VZÄ an amount pays for, to 4 decimal places (rounded down: never promise more staff than money). */
export function vzaeFor(amount: DecimalValue, eurPerVzae: DecimalValue): Decimal {
  return new Decimal(amount).dividedBy(eurPerVzae).toDecimalPlaces(4, Decimal.ROUND_DOWN);
}

export function computeAllocation(campaign: Campaign, inputs: readonly AllocationInput[]): Allocation {
  const distributable = distributableAmount(campaign);
  const unit = new Decimal(campaign.unit);
  const eurPerVzae = new Decimal(campaign.eurPerVzae);
  for (const g of inputs) {
    if (!Number.isSafeInteger(g.persons) || g.persons < 0) throw new DomainError('allocation.badCount', { ags: g.ags });
  }
  const totalPersons = inputs.reduce((sum, g) => sum + g.persons, 0);
  if (totalPersons === 0) throw new DomainError('allocation.noPersons');

  // Work in whole rounding units with exact integers: quota_g = units × persons_g / total.
  const units = BigInt(distributable.dividedBy(unit).toFixed(0));
  const total = BigInt(totalPersons);
  const parts = inputs.map((g) => {
    const numerator = units * BigInt(g.persons);
    return { g, floor: numerator / total, remainder: numerator % total };
  });
  const handedOut = parts.reduce((sum, p) => sum + p.floor, 0n);
  const leftover = Number(units - handedOut);
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? (a.g.ags < b.g.ags ? -1 : a.g.ags > b.g.ags ? 1 : 0) : a.remainder > b.remainder ? -1 : 1,
  );
  const extra = new Set(byRemainder.slice(0, leftover).map((p) => p.g.ags));

  const rows = parts.map(({ g, floor }) => {
    const gotExtra = extra.has(g.ags);
    const amount = new Decimal((floor + (gotExtra ? 1n : 0n)).toString()).times(unit);
    return {
      ags: g.ags,
      name: g.name,
      persons: g.persons,
      share: new Decimal(g.persons).dividedBy(totalPersons).toDecimalPlaces(12),
      exactAmount: distributable.times(g.persons).dividedBy(totalPersons).toDecimalPlaces(12),
      amount,
      extraUnit: gotExtra,
      vzae: vzaeFor(amount, eurPerVzae),
    };
  });

  return {
    year: campaign.year,
    kreisAmount: new Decimal(campaign.kreisAmount),
    vorwegabzug: vorwegabzugAmount(campaign),
    distributable,
    unit,
    eurPerVzae,
    totalPersons,
    leftoverUnits: leftover,
    rows,
  };
}

import fc from 'fast-check';
import { AllocationInput, computeAllocation } from '../../src/domain/allocation';
import { createCampaign } from '../../src/domain/campaign';
import { DomainError } from '../../src/domain/errors';
import { Decimal } from '../../src/domain/money';

const gemeinden = (counts: number[]): AllocationInput[] =>
  counts.map((persons, i) => ({ ags: `08125${String(i + 1).padStart(3, '0')}`, name: `G${i + 1}`, persons }));

describe('allocation (step 5)', () => {
  test('a worked example: shares, whole euros, remainders to the largest', () => {
    const c = createCampaign({ year: 2025, kreisAmount: '1000' });
    const a = computeAllocation(c, gemeinden([1, 1, 1]));
    // 333.33… each; one euro left over goes to the smallest AGS (all remainders equal).
    expect(a.rows.map((r) => r.amount.toFixed(2))).toEqual(['334.00', '333.00', '333.00']);
    expect(a.leftoverUnits).toBe(1);
    expect(a.rows[0].extraUnit).toBe(true);
    expect(a.rows[0].exactAmount.toFixed(4)).toBe('333.3333');
    expect(a.rows[0].share.toFixed(6)).toBe('0.333333');
  });

  test('largest remainder wins before the tie rule', () => {
    const c = createCampaign({ year: 2025, kreisAmount: '100' });
    // 100 × 1/7 = 14.2857, × 2/7 = 28.5714, × 4/7 = 57.1428: floors 14+28+57 = 99, the 0.57 remainder wins.
    const a = computeAllocation(c, gemeinden([1, 2, 4]));
    expect(a.rows.map((r) => r.amount.toNumber())).toEqual([14, 29, 57]);
  });

  test('ties are broken by the smaller AGS, whatever the input order', () => {
    const c = createCampaign({ year: 2025, kreisAmount: '10' });
    const input = gemeinden([1, 1, 1]).reverse();
    const a = computeAllocation(c, input);
    const byAgs = Object.fromEntries(a.rows.map((r) => [r.ags, r.amount.toNumber()]));
    expect(byAgs).toEqual({ '08125001': 4, '08125002': 3, '08125003': 3 });
  });

  test('cents as the rounding unit, and the Vorwegabzug comes off first', () => {
    const c = createCampaign({ year: 2025, kreisAmount: '1000', vorwegabzugAmount: '100', unit: '0.01' });
    const a = computeAllocation(c, gemeinden([1, 2]));
    expect(a.distributable.toFixed(2)).toBe('900.00');
    expect(a.rows.map((r) => r.amount.toFixed(2))).toEqual(['300.00', '600.00']);
    const odd = computeAllocation(createCampaign({ year: 2025, kreisAmount: '100', unit: '0.01' }), gemeinden([1, 1, 1]));
    expect(odd.rows.map((r) => r.amount.toFixed(2))).toEqual(['33.34', '33.33', '33.33']);
  });

  test('VZÄ at the configured cost, rounded down', () => {
    const c = createCampaign({ year: 2025, kreisAmount: '34000', eurPerVzae: '68000' });
    const a = computeAllocation(c, gemeinden([2, 1, 1]));
    expect(a.rows.map((r) => r.vzae.toFixed(4))).toEqual(['0.2500', '0.1250', '0.1250']);
    const third = computeAllocation(createCampaign({ year: 2025, kreisAmount: '68000' }), gemeinden([1, 1, 1]));
    expect(third.rows[1].vzae.toFixed(4)).toBe('0.3333');
  });

  test('zero persons in the whole district is a clear error, not a division by zero', () => {
    const c = createCampaign({ year: 2025, kreisAmount: '1508000' });
    expect(() => computeAllocation(c, gemeinden([0, 0]))).toThrow(DomainError);
    expect(() => computeAllocation(c, gemeinden([0, 0]))).toThrow('keine Person');
    expect(() => computeAllocation(c, [])).toThrow(DomainError);
    // A single Gemeinde with persons gets everything; the others nothing.
    const a = computeAllocation(c, gemeinden([0, 5, 0]));
    expect(a.rows.map((r) => r.amount.toNumber())).toEqual([0, 1508000, 0]);
  });

  const amountArb = fc.integer({ min: 1, max: 5_000_000 });
  const countsArb = fc.array(fc.integer({ min: 0, max: 3_000 }), { minLength: 1, maxLength: 60 }).filter((c) => c.some((n) => n > 0));
  const unitArb = fc.constantFrom('1' as const, '0.01' as const);

  test('property: the rounded amounts add up exactly to the distributable amount', () => {
    fc.assert(
      fc.property(amountArb, countsArb, unitArb, (amount, counts, unit) => {
        const a = computeAllocation(createCampaign({ year: 2025, kreisAmount: String(amount), unit }), gemeinden(counts));
        const sum = a.rows.reduce((s, r) => s.plus(r.amount), new Decimal(0));
        return sum.equals(a.distributable) && a.rows.every((r) => r.amount.mod(unit).isZero());
      }),
      { numRuns: 300 },
    );
  });

  test('property: each amount is within one unit of its exact share', () => {
    fc.assert(
      fc.property(amountArb, countsArb, unitArb, (amount, counts, unit) => {
        const a = computeAllocation(createCampaign({ year: 2025, kreisAmount: String(amount), unit }), gemeinden(counts));
        const total = counts.reduce((s, n) => s + n, 0);
        return a.rows.every((r) => {
          const exact = new Decimal(amount).times(r.persons).dividedBy(total);
          return r.amount.minus(exact).abs().lt(unit) && r.amount.gte(exact.minus(unit));
        });
      }),
      { numRuns: 300 },
    );
  });

  test('property: within one allocation, more persons never means less money', () => {
    fc.assert(
      fc.property(amountArb, countsArb, unitArb, (amount, counts, unit) => {
        const rows = computeAllocation(createCampaign({ year: 2025, kreisAmount: String(amount), unit }), gemeinden(counts)).rows;
        return rows.every((x) => rows.every((y) => x.persons <= y.persons || x.amount.gte(y.amount)));
      }),
      { numRuns: 300 },
    );
  });

  test('property: a Gemeinde that gains persons (others unchanged) never gets less', () => {
    fc.assert(
      fc.property(amountArb, countsArb, fc.nat(), fc.integer({ min: 1, max: 500 }), unitArb, (amount, counts, pick, extra, unit) => {
        const c = createCampaign({ year: 2025, kreisAmount: String(amount), unit });
        const i = pick % counts.length;
        const more = [...counts];
        more[i] += extra;
        const before = computeAllocation(c, gemeinden(counts)).rows[i].amount;
        const after = computeAllocation(c, gemeinden(more)).rows[i].amount;
        return after.gte(before);
      }),
      { numRuns: 300 },
    );
  });

  test('state scale: 1,101 Gemeinden and 100,000 persons add up to the cent', () => {
    const counts = Array.from({ length: 1101 }, (_, i) => 50 + ((i * 7919) % 133));
    const scale = 100_000 / counts.reduce((s, n) => s + n, 0);
    const scaled = counts.map((n) => Math.round(n * scale));
    const c = createCampaign({ year: 2025, kreisAmount: '58000000', unit: '0.01' });
    const a = computeAllocation(c, gemeinden(scaled).map((g, i) => ({ ...g, ags: String(10000000 + i) })));
    expect(a.rows.reduce((s, r) => s.plus(r.amount), new Decimal(0)).toFixed(2)).toBe('58000000.00');
  });
});

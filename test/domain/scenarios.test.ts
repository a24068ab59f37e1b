import { AllocationInput, computeAllocation } from '../../src/domain/allocation';
import { createCampaign } from '../../src/domain/campaign';
import { DomainError } from '../../src/domain/errors';
import { Decimal } from '../../src/domain/money';
import {
  checkWhatIfAmount,
  parseKreisAmount,
  positionVerdict,
  repeatedCountChange,
  riskScenarios,
  scaledKreisAmount,
  whatIfAllocation,
  withKreisAmount,
} from '../../src/domain/scenarios';

const gemeinden = (counts: number[]): AllocationInput[] =>
  counts.map((persons, i) => ({ ags: `08125${String(i + 1).padStart(3, '0')}`, name: `G${i + 1}`, persons }));

const sum = (values: Decimal[]) => values.reduce((s, v) => s.plus(v), new Decimal(0));

describe('financing risk scenarios', () => {
  // 40 Mio. € × 3,77 % = 1.508.000 €; a small Gemeinde of 17 among 1,000 persons.
  const campaign = createCampaign({ year: 2026, landesmittel: '40000000', quotePercent: '3.77' });
  const inputs = gemeinden([17, 300, 683]);
  const basis = { campaign, inputs };

  test('the state total −20 %, −10 %, +10 %: the Kreis amount scales, the share stays, amounts exact', () => {
    const r = riskScenarios(basis, '08125001');
    expect(r.base.amount.toFixed(2)).toBe('25636.00');
    expect(r.stateTotal.map((s) => s.percent.toNumber())).toEqual([-20, -10, 10]);
    expect(r.stateTotal.map((s) => s.kreisAmount.toFixed(2))).toEqual(['1206400.00', '1357200.00', '1658800.00']);
    // 17/1000 of each Kreis amount (20,508.80 €, 23,072.40 €, 28,199.60 €), whole euros by the largest remainder.
    expect(r.stateTotal.map((s) => s.amount.toFixed(2))).toEqual(['20509.00', '23072.00', '28200.00']);
    expect(r.stateTotal.map((s) => s.difference.toFixed(2))).toEqual(['-5127.00', '-2564.00', '2564.00']);
    expect(r.stateTotal.map((s) => s.vzae.toFixed(4))).toEqual(['0.3016', '0.3392', '0.4147']);
    expect(r.stateTotal.every((s) => s.persons === 17)).toBe(true);
    expect(r.stateTotal.every((s) => !s.financesMinimum)).toBe(true);
  });

  test('every scenario is a full allocation that adds up to the cent (also with a cent unit and a Vorwegabzug)', () => {
    const odd = createCampaign({ year: 2026, kreisAmount: '1508000.01', unit: '0.01', vorwegabzugPercent: '3' });
    const many = gemeinden([7, 11, 13, 17, 19, 23, 29]);
    for (const percent of [-20, -10, 10]) {
      const kreis = scaledKreisAmount(odd, percent);
      const a = computeAllocation(withKreisAmount(odd, kreis), many);
      expect(sum(a.rows.map((r) => r.amount)).equals(a.distributable)).toBe(true);
      // The share of each Gemeinde is the same as today.
      const today = computeAllocation(odd, many);
      expect(a.rows.map((r) => r.share.toFixed(12))).toEqual(today.rows.map((r) => r.share.toFixed(12)));
    }
  });

  test('a Kreis amount entered directly scales itself, rounded to the rounding unit', () => {
    const direct = createCampaign({ year: 2026, kreisAmount: '1000000.05', unit: '0.01' });
    expect(scaledKreisAmount(direct, -10).toFixed(2)).toBe('900000.05');
    expect(scaledKreisAmount(direct, 10).toFixed(2)).toBe('1100000.06');
    // Whole euros: 1,508,005 × 0.9 = 1,357,204.50 → 1,357,205 (half up), so the allocation still adds up exactly.
    const euros = createCampaign({ year: 2026, kreisAmount: '1508005' });
    expect(scaledKreisAmount(euros, -10).toFixed(2)).toBe('1357205.00');
  });

  test('the ≥ 50 % position: whether the amount alone still finances it', () => {
    // 40,000 € of 68,000 € per VZÄ = 0.5882 VZÄ today; −20 % is 0.4705 and no longer finances half a position.
    const c = createCampaign({ year: 2026, kreisAmount: '100000' });
    const r = riskScenarios({ campaign: c, inputs: gemeinden([40, 60]) }, '08125001');
    expect(r.base.financesMinimum).toBe(true);
    expect(r.stateTotal.map((s) => [s.amount.toFixed(2), s.vzae.toFixed(4), s.financesMinimum])).toEqual([
      ['32000.00', '0.4705', false],
      ['36000.00', '0.5294', true],
      ['44000.00', '0.6470', true],
    ]);
  });

  test('the count changing as the year before: recomputed with the others unchanged', () => {
    // 17 persons now, 20 the year before: −15 % again → 17 × 17 / 20 = 14.45 → 14 persons.
    expect(repeatedCountChange(17, 20)).toBe(14);
    expect(repeatedCountChange(20, 16)).toBe(25);
    const r = riskScenarios(basis, '08125001', { year: 2025, persons: 20 });
    expect(r.count).toBeDefined();
    expect(r.count!.persons).toBe(14);
    expect(r.count!.percent.toFixed(1)).toBe('-15.0');
    expect(r.count!.previousYear).toBe(2025);
    // The Kreis amount stays; 14 of 997 persons.
    const expected = computeAllocation(campaign, gemeinden([14, 300, 683]));
    expect(r.count!.kreisAmount.toFixed(2)).toBe('1508000.00');
    expect(r.count!.amount.toFixed(2)).toBe(expected.rows[0].amount.toFixed(2));
    expect(r.count!.amount.toFixed(2)).toBe('21176.00');
    expect(r.count!.difference.toFixed(2)).toBe('-4460.00');
    expect(sum(expected.rows.map((x) => x.amount)).toFixed(2)).toBe('1508000.00');
  });

  test('no previous year, or nobody counted then: no count scenario', () => {
    expect(riskScenarios(basis, '08125001').count).toBeUndefined();
    expect(riskScenarios(basis, '08125001', { year: 2025, persons: 0 }).count).toBeUndefined();
    expect(repeatedCountChange(5, 0)).toBeUndefined();
  });

  test('an unknown Gemeinde is refused', () => {
    expect(() => riskScenarios(basis, '08125999')).toThrow(DomainError);
  });
});

describe('the Koordinierungsstelle\'s what-if', () => {
  test('amounts as people type them', () => {
    expect(parseKreisAmount('1.400.000 €')!.toFixed(2)).toBe('1400000.00');
    expect(parseKreisAmount('1400000')!.toFixed(2)).toBe('1400000.00');
    expect(parseKreisAmount('1,4 Mio')!.toFixed(2)).toBe('1400000.00');
    expect(parseKreisAmount('1,4 Mio. €')!.toFixed(2)).toBe('1400000.00');
    expect(parseKreisAmount('2 Millionen')!.toFixed(2)).toBe('2000000.00');
    expect(parseKreisAmount('1.5 million')!.toFixed(2)).toBe('1500000.00');
    expect(parseKreisAmount('1.400.000,50')!.toFixed(2)).toBe('1400000.50');
    expect(parseKreisAmount('viel')).toBeUndefined();
    expect(parseKreisAmount('1,4,5 Mio')).toBeUndefined();
  });

  test('bad amounts are refused with a clear German message', () => {
    expect(() => checkWhatIfAmount(parseKreisAmount('abc'), 'abc')).toThrow('„abc“ ist kein Betrag');
    expect(() => checkWhatIfAmount(parseKreisAmount('0'), '0')).toThrow('größer als 0');
    expect(() => checkWhatIfAmount(parseKreisAmount('-5'), '-5')).toThrow('größer als 0');
    expect(() => checkWhatIfAmount(new Decimal('100.001'), '100,001')).toThrow('Cent');
    expect(() => checkWhatIfAmount(parseKreisAmount('5000 Mio'), '5000 Mio')).toThrow('unplausibel');
    expect(() => checkWhatIfAmount(parseKreisAmount('2026'), '2026')).toThrow('„2026“ sieht nach einem Jahr aus');
    expect(checkWhatIfAmount(parseKreisAmount('2.026.000'), '2.026.000').toFixed(0)).toBe('2026000');
    expect(checkWhatIfAmount(parseKreisAmount('1,4 Mio'), '1,4 Mio').toFixed(0)).toBe('1400000');
  });

  test('the allocation for another Kreis amount: same persons and rules, adds up exactly', () => {
    const campaign = createCampaign({ year: 2026, kreisAmount: '1508000', vorwegabzugAmount: '8000' });
    const a = whatIfAllocation({ campaign, inputs: gemeinden([1, 1, 1]) }, new Decimal('1400000'));
    expect(a.kreisAmount.toFixed(2)).toBe('1400000.00');
    expect(a.distributable.toFixed(2)).toBe('1392000.00');
    expect(a.rows.map((r) => r.amount.toFixed(2))).toEqual(['464000.00', '464000.00', '464000.00']);
    // The stored campaign is not touched.
    expect(campaign.kreisAmount).toBe('1508000.00');
  });
});

describe('what the scenarios mean for the 0.5-VZÄ position', () => {
  test('financed today, not at −20 %: the case and the Eigenmittel it would need', () => {
    const c = createCampaign({ year: 2026, kreisAmount: '100000' });
    const r = riskScenarios({ campaign: c, inputs: gemeinden([40, 60]) }, '08125001');
    const v = positionVerdict(r, '68000');
    expect(v.minimumCost.toFixed(2)).toBe('34000.00');
    expect(v.financedToday).toBe(true);
    expect(v.failing.map((s) => s.percent.toNumber())).toEqual([-20]);
    expect(v.worstMissing.toFixed(2)).toBe('2000.00');
  });

  test('financed in every case: nothing missing', () => {
    const c = createCampaign({ year: 2026, kreisAmount: '1000000' });
    const v = positionVerdict(riskScenarios({ campaign: c, inputs: gemeinden([40, 60]) }, '08125001', { year: 2025, persons: 50 }), '68000');
    expect(v.failing).toEqual([]);
    expect(v.worstMissing.toFixed(2)).toBe('0.00');
  });
});

import { createCampaign, defaultDeadlines, defaultPeriod, distributableAmount, vorwegabzugAmount } from '../../src/domain/campaign';
import { DomainError } from '../../src/domain/errors';
import { refusalCode } from '../fixtures';


describe('campaign (Berechnungsjahr)', () => {
  test('defaults: period 01.01.(Y−5)–31.12.(Y−3), Stichtag = period end, the seed calendar', () => {
    const c = createCampaign({ year: 2025, kreisAmount: '1508000' });
    expect(c.period).toEqual({ start: '2020-01-01', end: '2022-12-31' });
    expect(c.stichtag).toBe('2022-12-31');
    expect(c.deadlines).toEqual({ listsSent: '2023-12-01', review: '2024-01-15', publication: '2024-02-05', decision: '2024-05-31' });
    expect(c.unit).toBe('1');
    expect(c.eurPerVzae).toBe('68000.00');
    expect(defaultPeriod(2026)).toEqual({ start: '2021-01-01', end: '2023-12-31' });
    expect(defaultDeadlines(2026).decision).toBe('2025-05-31');
  });

  test('Kreis amount from Landesmittel × Zuteilungsquote, exact and rounded to the cent', () => {
    const c = createCampaign({ year: 2025, landesmittel: '40000000', quotePercent: '3.77' });
    expect(c.kreisAmount).toBe('1508000.00');
    expect(c.kreisAmountSource).toEqual({ kind: 'landesmittel', landesmittel: '40000000', quotePercent: '3.77' });
    const cents = createCampaign({ year: 2025, landesmittel: '58000000', quotePercent: '3.771234', unit: '0.01' });
    expect(cents.kreisAmount).toBe('2187315.72');
  });

  test('a distributable amount that is not a whole number of rounding units is refused, not silently lost', () => {
    expect(refusalCode(() => createCampaign({ year: 2025, landesmittel: '58000000', quotePercent: '3.771234' }))).toBe('campaign.notMultipleOfUnit');
    expect(refusalCode(() => createCampaign({ year: 2025, kreisAmount: '1508000.50' }))).toBe('campaign.notMultipleOfUnit');
  });

  test('pre-deduction for the Koordinierungsstelle, as amount or percent', () => {
    const amount = createCampaign({ year: 2025, kreisAmount: '1508000', vorwegabzugAmount: '75400' });
    expect(distributableAmount(amount).toFixed(2)).toBe('1432600.00');
    const percent = createCampaign({ year: 2025, kreisAmount: '1508000', vorwegabzugPercent: '5', unit: '0.01' });
    expect(vorwegabzugAmount(percent).toFixed(2)).toBe('75400.00');
    // 2.5 % of 1,508,001 € is 37,700.025 €: with whole euros the deduction is rounded half up to 37,700 €.
    const rounded = createCampaign({ year: 2025, kreisAmount: '1508001', vorwegabzugPercent: '2.5' });
    expect(vorwegabzugAmount(rounded).toFixed(2)).toBe('37700.00');
    expect(distributableAmount(rounded).toFixed(2)).toBe('1470301.00');
    expect(refusalCode(() => createCampaign({ year: 2025, kreisAmount: '1000', vorwegabzugAmount: '1000' }))).toBe('campaign.deductionRange');
    expect(refusalCode(() => createCampaign({ year: 2025, kreisAmount: '1000', vorwegabzugAmount: '1', vorwegabzugPercent: '1' }))).toBe('campaign.deductionEitherOr');
  });

  test('a Vorwegabzug of 0 means none (an update with 0 removes it); a negative one is refused', () => {
    for (const zero of [{ vorwegabzugAmount: '0' }, { vorwegabzugAmount: '0.00' }, { vorwegabzugPercent: '0' }]) {
      const c = createCampaign({ year: 2025, kreisAmount: '1508000', ...zero });
      expect(c.vorwegabzug).toBeUndefined();
      expect(distributableAmount(c).toFixed(2)).toBe('1508000.00');
    }
    expect(refusalCode(() => createCampaign({ year: 2025, kreisAmount: '1508000', vorwegabzugAmount: '-1' }))).toBe('campaign.mustBePositive');
  });

  test('bad input is refused with a clear code', () => {
    expect(refusalCode(() => createCampaign({ year: 1999, kreisAmount: '1' }))).toBe('campaign.badYear');
    expect(refusalCode(() => createCampaign({ year: 2025 }))).toBe('campaign.amountEitherOr');
    expect(refusalCode(() => createCampaign({ year: 2025, kreisAmount: '1', landesmittel: '1', quotePercent: '1' }))).toBe('campaign.amountEitherOr');
    expect(refusalCode(() => createCampaign({ year: 2025, landesmittel: '1' }))).toBe('campaign.amountEitherOr');
    expect(refusalCode(() => createCampaign({ year: 2025, kreisAmount: '-5' }))).toBe('campaign.mustBePositive');
    expect(refusalCode(() => createCampaign({ year: 2025, kreisAmount: 'abc' }))).toBe('campaign.notANumber');
    expect(refusalCode(() => createCampaign({ year: 2025, kreisAmount: '10.005' }))).toBe('campaign.amountCents');
    expect(refusalCode(() => createCampaign({ year: 2025, landesmittel: '1000', quotePercent: '101' }))).toBe('campaign.quoteRange');
    expect(refusalCode(() => createCampaign({ year: 2025, kreisAmount: '1', periodStart: '2023-01-01', periodEnd: '2022-01-01' }))).toBe('campaign.periodOrder');
    expect(refusalCode(() => createCampaign({ year: 2025, kreisAmount: '1', stichtag: '2019-12-31' }))).toBe('campaign.stichtagBeforePeriod');
    expect(refusalCode(() => createCampaign({ year: 2025, kreisAmount: '1', deadlines: { review: '2024-03-01' } }))).toBe('campaign.deadlineOrder');
    expect(refusalCode(() => createCampaign({ year: 2025, kreisAmount: '1', eurPerVzae: '0' }))).toBe('campaign.mustBePositive');
  });

  test('period and Stichtag are configurable per year', () => {
    const c = createCampaign({ year: 2027, kreisAmount: '1', periodStart: '2022-01-01', periodEnd: '2024-06-30', stichtag: '2024-09-30' });
    expect(c.period).toEqual({ start: '2022-01-01', end: '2024-06-30' });
    expect(c.stichtag).toBe('2024-09-30');
    expect(createCampaign({ year: 2027, kreisAmount: '1', periodEnd: '2024-06-30' }).stichtag).toBe('2024-06-30');
    // Counted at the Stichtag: a period reaching beyond it would count persons assigned after it.
    expect(refusalCode(() => createCampaign({ year: 2027, kreisAmount: '1', periodEnd: '2024-12-31', stichtag: '2024-06-30' }))).toBe('campaign.stichtagBeforePeriod');
    expect(new DomainError('campaign.stichtagBeforePeriod', { stichtag: '2024-06-30', end: '2024-12-31' }).message).toBe(
      'Der Stichtag 30.06.2024 liegt vor dem Ende des Betrachtungszeitraums (31.12.2024). Gezählt wird am Stichtag; wählen Sie ihn nicht vor dem Ende des Zeitraums, oder kürzen Sie den Zeitraum.',
    );
    expect(new DomainError('campaign.notMultipleOfUnit', { amount: '1508000.50', unit: '1' }).message).toContain('1.508.000,50\u00a0€');
  });
});

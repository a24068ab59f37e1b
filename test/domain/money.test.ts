import { formatEuro, formatNumber, isAmbiguousAmount, parseAmount, toAmountString } from '../../src/domain/money';
import { formatDate, formatDateFor, fromExcelSerial, parseDate } from '../../src/domain/dates';
import { translate } from '../../src/i18n/messages';

describe('money and dates as German users write them', () => {
  test.each([
    ['1508000', '1508000'],
    ['1.508.000', '1508000'],
    ['1.508.000,50', '1508000.5'],
    ['1508000.50', '1508000.5'],
    ['1,508,000.50', '1508000.5'],
    ['1.500', '1500'],
    ['34000 €', '34000'],
    ['0,5', '0.5'],
    // As English users type them (the English forms' own examples): a comma before three digits groups.
    ['15,640', '15640'],
    ['950,000', '950000'],
    ['40,000,000', '40000000'],
    ['€1,508,000', '1508000'],
    ['68,000.50', '68000.5'],
    // A leading zero keeps the mark a decimal mark; two decimals are cents in either language.
    ['0,500', '0.5'],
    ['0.500', '0.5'],
    ['15,64', '15.64'],
    ['15.64', '15.64'],
  ])('parseAmount(%s) = %s', (text, value) => {
    expect(parseAmount(text)?.toString()).toBe(value);
  });

  test.each(['abc', '1.50.0', '', '1,50,0', '--1', '40,000,00', '0,500,000'])('parseAmount(%s) refuses', (text) => {
    expect(parseAmount(text)).toBeUndefined();
  });

  test('ambiguous: one comma before exactly three digits (a thousand in English, a decimal in German)', () => {
    expect(['1,234', '15,640 €', ' 950,000 ', '-1,500', '1,234 EUR'].filter(isAmbiguousAmount)).toHaveLength(5);
    expect(['0,500', '1,23', '1,2345', '1.234', '1.234,56', '40,000,000', '68,000.50', '1234', '0,5', 'abc'].filter(isAmbiguousAmount)).toEqual([]);
  });

  test('formats', () => {
    expect(formatEuro('1508000')).toBe('1.508.000\u00a0€');
    expect(formatEuro('18523.4')).toBe('18.523,40\u00a0€');
    expect(formatEuro('1508000', 'en')).toBe('€1,508,000');
    expect(formatEuro('-15640')).toBe('-15.640\u00a0€');
    expect(formatNumber('0.2699', 2)).toBe('0,27');
    expect(toAmountString('18523')).toBe('18523.00');
    expect(formatDate('2022-12-31')).toBe('31.12.2022');
  });

  test('dates in the reader\'s language: 15.01.2024 / 15 January 2024, in cards and in the rules\' messages', () => {
    expect(formatDateFor('2024-01-15', 'de')).toBe('15.01.2024');
    expect(formatDateFor('2024-01-15', 'en')).toBe('15 January 2024');
    expect(formatDateFor('01.01.2026', 'en')).toBe('01.01.2026'); // already written out: unchanged
    // The rules raise their messages with ISO dates; each language writes them its way.
    expect(translate('list.deadlinePassed', { date: '2024-01-15' }, 'de')).toContain('am 15.01.2024 abgelaufen');
    expect(translate('list.deadlinePassed', { date: '2024-01-15' }, 'en')).toContain('passed on 15 January 2024');
    expect(translate('list.assignmentOutsidePeriod', { start: '2020-01-01', end: '2022-12-31' }, 'en')).toContain('1 January 2020–31 December 2022');
  });

  test('dates: TT.MM.JJJJ, ISO and Excel serials; impossible dates refused', () => {
    expect(parseDate('31.12.2022')).toBe('2022-12-31');
    expect(parseDate('1.2.2021')).toBe('2021-02-01');
    expect(parseDate('2021-02-01')).toBe('2021-02-01');
    expect(parseDate('29.02.2024')).toBe('2024-02-29');
    expect(parseDate('29.02.2023')).toBeUndefined();
    expect(parseDate('31.04.2022')).toBeUndefined();
    expect(parseDate('12/31/2022')).toBeUndefined();
    expect(parseDate('31.12.22')).toBeUndefined();
    expect(fromExcelSerial(44926)).toBe('2022-12-31');
    expect(fromExcelSerial(-3)).toBeUndefined();
  });
});

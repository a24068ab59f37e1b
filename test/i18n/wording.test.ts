/**
 * Grammar of sentences whose numbers change the words: singular and plural, the dative after „aus“,
 * and alternatives joined with „oder“ – checked on the catalogue as every front end renders it.
 */
import { translate } from '../../src/i18n/messages';

test('a change of one person is singular, in German and English', () => {
  expect(translate('q.history.change', { persons: '\u22121', amount: '\u2212500\u00a0€' }, 'de')).toBe('; gegenüber dem Vorjahr \u22121 Person, \u2212500\u00a0€');
  expect(translate('q.history.change', { persons: '+1', amount: '+500\u00a0€' }, 'en')).toBe('; against the year before +1 person, +500\u00a0€');
  expect(translate('q.history.change', { persons: '\u22122', amount: '\u22121.000\u00a0€' }, 'de')).toBe('; gegenüber dem Vorjahr \u22122 Personen, \u22121.000\u00a0€');
  expect(translate('q.history.change', { persons: '±0', amount: '±0\u00a0€' }, 'de')).toContain('±0 Personen');
});

test('the reclaim total: „aus 42 Nachweisen“ (dative), „aus 1 Nachweis“', () => {
  const params = { year: 2025, amount: '37.352\u00a0€' };
  expect(translate('q.vn.reclaimTotal', { ...params, n: 42 }, 'de')).toBe('Voraussichtliche Rückforderung 2025 nach den bisher angegebenen Ausgaben: 37.352\u00a0€ aus 42 Nachweisen:');
  expect(translate('q.vn.reclaimTotal', { ...params, n: 1 }, 'de')).toContain('aus 1 Nachweis:');
});

test('months below the minimum: "In 1 month", "In 2 months"', () => {
  expect(translate('vn.monthsBelowMinimum', { count: 1, months: 'März' }, 'en')).toBe('In 1 month the position was below the minimum of 0.5\u00a0FTE: March.');
  expect(translate('vn.monthsBelowMinimum', { count: 2, months: 'März, April' }, 'en')).toBe('In 2 months the position was below the minimum of 0.5\u00a0FTE: March, April.');
  expect(translate('vn.monthsBelowMinimum', { count: 1, months: 'März' }, 'de')).toBe('In 1 Monat lag die Stelle unter der Mindeststelle von 0,5\u00a0VZÄ: März.');
});

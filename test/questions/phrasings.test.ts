/**
 * The table of everyday phrasings (phrasings.tsv): each line is recognized as its intent, negatives
 * (intent `unknown`) stay unknown. The table is data so that a phrasing users typed and the bot did not
 * understand is one line to add.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { recognize, type IntentKind } from '../../src/app/questions';
import { TOPICS } from '../../src/app/questions/intents';
import { verzeichnis } from '../fixtures';

interface Row {
  line: number;
  locale: 'de' | 'en';
  intent: IntentKind;
  text: string;
}

const KINDS: readonly string[] = [...TOPICS, 'unknown'];

function readTable(file: string): Row[] {
  const rows: Row[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      if (!raw.trim() || raw.startsWith('#')) return;
      const [locale, intent, text, ...rest] = raw.split('\t');
      // A malformed line is a mistake in the table, not a phrasing to skip.
      if (rest.length || !text?.trim() || (locale !== 'de' && locale !== 'en') || !KINDS.includes(intent)) {
        throw new Error(`phrasings.tsv line ${i + 1} is not "de|en <TAB> intent <TAB> text": ${JSON.stringify(raw)}`);
      }
      rows.push({ line: i + 1, locale, intent: intent as IntentKind, text });
    });
  return rows;
}

const ROWS = readTable(path.join(__dirname, 'phrasings.tsv'));
const ctx = { verzeichnis };

test('the table has at least 60 German and 20 English phrasings, each intent covered, with negatives in both languages', () => {
  const count = (locale: string, negative: boolean) => ROWS.filter((r) => r.locale === locale && (r.intent === 'unknown') === negative).length;
  expect(count('de', false)).toBeGreaterThanOrEqual(60);
  expect(count('en', false)).toBeGreaterThanOrEqual(20);
  expect(count('de', true)).toBeGreaterThanOrEqual(10);
  expect(count('en', true)).toBeGreaterThanOrEqual(5);
  for (const topic of TOPICS) expect(ROWS.filter((r) => r.intent === topic).length).toBeGreaterThanOrEqual(2);
  // Each phrasing once: a duplicate line tests nothing new.
  expect(new Set(ROWS.map((r) => r.text)).size).toBe(ROWS.length);
});

test.each(ROWS.map((r) => [r.line, r.locale, r.text, r.intent] as const))('line %i (%s): %s → %s', (_line, _locale, text, intent) => {
  expect(recognize(text, ctx).kind).toBe(intent);
});

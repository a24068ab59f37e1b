/**
 * How a typed question becomes words, and when a typed word counts as a keyword. Both the question
 * and the keyword tables go through `tokenize`, so tables can be written as people spell
 * ("Förderung", "a.N.") and still compare equal to "foerderung", "FORDERUNG" or "am neckar".
 */
import { editDistance, spellOutUmlauts } from '../../domain/gemeinden';

/** Lower case, umlauts spelt out, English contractions opened, punctuation dropped, split into words. */
export function tokenize(text: string): string[] {
  const folded = spellOutUmlauts(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    // "hasn't" → "has not", "what's" → "what is": the tables then need only the long forms.
    .replace(/n['’]t\b/g, ' not')
    .replace(/['’]s\b/g, ' is')
    .replace(/['’]re\b/g, ' are')
    // The same typed without the apostrophe, as on phones: "whats", "hasnt", "dont".
    .replace(/\bwhats\b/g, 'what is')
    .replace(/\b(has|have|is|are|did|do|does|was|were)nt\b/g, '$1 not')
    // "Lauffen a.N.", "Neuenstadt a. K." as the Verzeichnis spells them out.
    .replace(/\ba\.\s*n\.?(?=[\s,;:!?)]|$)/g, ' am neckar ')
    .replace(/\ba\.\s*k\.?(?=[\s,;:!?)]|$)/g, ' am kocher ');
  return folded.split(/[^a-z0-9]+/).filter(Boolean);
}

/** Endings a keyword may carry without being another word: Frist/Fristen, Liste/Listen, option/options. */
const ENDINGS = ['', 'e', 'n', 'en', 'es', 's', 'er', 'ern', 'em'];

/**
 * Typos tolerated, scaled with the keyword's length: none up to five letters (too many short words
 * are one letter apart: "frist"/"first", "stand"/"stadt"), one up to eight, two beyond.
 */
export function typoTolerance(length: number): number {
  if (length < 6) return 0;
  return length < 9 ? 1 : 2;
}

export type WordMatch = 'exact' | 'ending' | 'compound' | 'typo';

/**
 * Whether a typed token is the keyword `word`:
 * - exact, or with an inflection ending ("fristen" for "frist");
 * - inside a compound, for keywords of five letters or more ("abgabefrist", "foerdersumme",
 *   "gesamtbetrag"): German glues nouns together, and the parts still carry the meaning;
 * - with a small typo ("foerderrung", "forderung"), if the first letter is right — first letters are
 *   rarely mistyped, and requiring them keeps "first" from being "frist".
 * `strict` keywords (short function words such as "wie viel") match exactly only.
 */
export function matchWord(token: string, word: string, strict = false): WordMatch | undefined {
  if (token === word) return 'exact';
  if (strict) return undefined;
  const stems = ENDINGS.filter((e) => token.endsWith(e)).map((e) => token.slice(0, token.length - e.length));
  if (stems.includes(word)) return 'ending';
  if (word.length >= 5 && stems.some((stem) => stem.length > word.length && (stem.endsWith(word) || stem.startsWith(word)))) return 'compound';
  const tolerance = typoTolerance(word.length);
  if (tolerance > 0 && token[0] === word[0] && Math.abs(token.length - word.length) <= tolerance && editDistance(token, word) <= tolerance) {
    return 'typo';
  }
  return undefined;
}

/**
 * Deterministic intent recognition: keyword tables with weights (`vocabulary.ts`), no AI, no network.
 *
 * Scoring, in order:
 * 1. The question is tokenized (case, umlaut spelling, punctuation and contractions folded).
 * 2. Exact Gemeinde names are taken out first, so their words are not read as keywords.
 * 3. Each intent scores the sum of the weights of its terms found in the question. Longer phrases are
 *    tried first and each word counts once per intent, so "was fehlt" is not also "fehlt".
 * 4. Words no keyword used may still be a Gemeinde name with a typo.
 * 5. District scope: the totals words ("insgesamt", "gesamt", "Landkreis") add the score of the
 *    funding or persons topic they qualify — "Wie viele Personen insgesamt?" is a totals question, not
 *    a persons one. Scope words do not apply when a Gemeinde is named, nor when "wir/unsere/our"
 *    makes a funding or persons question the asker's own. "Who is missing" questions lose 2 for
 *    "wir/uns" (then it is usually the own list's status) and all for a named Gemeinde; "who has not
 *    decided" questions lose all for either (then it is the own decision: the options answer).
 * 5b. The Verwendungsnachweis questions build on the status and funding ones: see nachweisVocabulary.ts.
 * 6. Context (adjustForContext): "Wann …?" adds to deadlines; everyday words and "du/dir" take from all.
 * 7. Precision first: the best intent needs at least MIN_SCORE (one topic noun) and a lead of
 *    MIN_MARGIN over the next; otherwise `unknown`, and the bot shows examples instead of guessing.
 */
import { spellOutUmlauts, type GemeindeVerzeichnis } from '../../domain/gemeinden';
import { exactMentions, fuzzyMention, Mention } from './gemeindeMention';
import { DISTRICT_INTENTS, DistrictIntentKind, GemeindeIntentKind, Intent, NachweisIntentKind, TOPICS, TopicKind } from './intents';
import { adjustForNachweis } from './nachweisVocabulary';
import { matchWord, tokenize } from './text';
import { DATE_QUESTION_BONUS, DATE_QUESTION_STARTS, FIRST_PERSON, OFF_TOPIC, OFF_TOPIC_PENALTY, SECOND_PERSON, SECOND_PERSON_PENALTY, Term, VOCABULARY } from './vocabulary';

export const MIN_SCORE = 3;
export const MIN_MARGIN = 1;
/** Questions are short; a pasted text is not one. */
const MAX_TOKENS = 40;
/** Phrase words may have up to this many other words between them ("was fehlt uns noch"). */
const MAX_GAP = 2;

interface CompiledTerm {
  words: string[];
  weight: number;
  strict: boolean;
}

const COMPILED: Record<TopicKind, CompiledTerm[]> = Object.fromEntries(
  TOPICS.map((topic) => [
    topic,
    VOCABULARY[topic]
      .map((t: Term) => ({ words: tokenize(t.text), weight: t.weight, strict: !!t.strict }))
      .sort((a, b) => b.words.length - a.words.length || b.weight - a.weight),
  ]),
) as Record<TopicKind, CompiledTerm[]>;

/** Positions of a term's words in order (gaps allowed for phrases), using only free positions. */
function findTerm(tokens: readonly string[], term: CompiledTerm, free: (i: number) => boolean): number[] | undefined {
  const matches = (i: number, word: string) => free(i) && matchWord(tokens[i], word, term.strict) !== undefined;
  for (let start = 0; start < tokens.length; start++) {
    if (!matches(start, term.words[0])) continue;
    const positions = [start];
    for (const word of term.words.slice(1)) {
      const last = positions[positions.length - 1];
      const limit = Math.min(tokens.length - 1, last + 1 + MAX_GAP);
      let next = -1;
      for (let j = last + 1; j <= limit; j++) {
        if (matches(j, word)) {
          next = j;
          break;
        }
      }
      if (next < 0) break;
      positions.push(next);
    }
    if (positions.length === term.words.length) return positions;
  }
  return undefined;
}

function scoreTopic(tokens: readonly string[], topic: TopicKind, blocked: ReadonlySet<number>, usedAnywhere: Set<number>): number {
  const used = new Set<number>();
  let score = 0;
  for (const term of COMPILED[topic]) {
    const positions = findTerm(tokens, term, (i) => !blocked.has(i) && !used.has(i));
    if (!positions) continue;
    score += term.weight;
    positions.forEach((p) => (used.add(p), usedAnywhere.add(p)));
  }
  return score;
}

export interface Recognition {
  intent: Intent;
  /** Every intent's final score (for tests and for tuning the tables). */
  scores: Record<TopicKind, number>;
  mention?: Mention;
}

export function analyse(text: string, ctx: { verzeichnis: GemeindeVerzeichnis }): Recognition {
  const tokens = tokenize(text).slice(0, MAX_TOKENS);
  const exact = exactMentions(tokens, ctx.verzeichnis);
  const nameWords = new Set(exact.flatMap((m) => m.positions));
  const keywordWords = new Set<number>();
  const scores = Object.fromEntries(TOPICS.map((t) => [t, scoreTopic(tokens, t, nameWords, keywordWords)])) as Record<TopicKind, number>;

  let mention = exact.find((m) => m.ags) ?? exact.find((m) => m.stadtkreis);
  mention ??= fuzzyMention(tokens, (i) => !nameWords.has(i) && !keywordWords.has(i), ctx.verzeichnis);
  const namesGemeinde = !!(mention?.ags || mention?.stadtkreis);
  const firstPerson = tokens.some((t) => FIRST_PERSON.has(t));

  const topic = Math.max(scores.funding, scores.persons);
  if (scores.totals > 0) {
    if (namesGemeinde || (firstPerson && topic > 0)) scores.totals = 0;
    else scores.totals += topic;
  }
  if (namesGemeinde) scores.missing = 0;
  else if (firstPerson) scores.missing = Math.max(0, scores.missing - 2);
  // "Haben wir uns schon entschieden?" is about the own decision (the options answer shows it).
  if (namesGemeinde || firstPerson) scores.undecided = 0;
  adjustForNachweis(tokens, scores);

  adjustForContext(tokens, scores);

  const ranked = [...TOPICS].sort((a, b) => scores[b] - scores[a]);
  const [best, second] = ranked;
  if (scores[best] < MIN_SCORE || scores[best] - scores[second] < MIN_MARGIN) return { intent: { kind: 'unknown' }, scores, ...(mention ? { mention } : {}) };

  const year = yearIn(text);
  const extra = { ...(year ? { year } : {}) };
  const intent: Intent = (DISTRICT_INTENTS as readonly string[]).includes(best)
    ? { kind: best as DistrictIntentKind, ...extra }
    : {
        kind: best as GemeindeIntentKind | NachweisIntentKind,
        ...(mention?.ags ? { ags: mention.ags } : {}),
        ...(mention?.stadtkreis ? { stadtkreis: true as const } : {}),
        ...extra,
      };
  return { intent, scores, ...(mention ? { mention } : {}) };
}

/**
 * Step 7 (after the scope rules): a question beginning with "Wann"/"Bis wann" asks for a date when it is
 * about the procedure at all; words of everyday life ("Kantine", "Wetter") and "du/dir" (small talk with
 * the bot) take from every intent. See DATE_QUESTION_STARTS, OFF_TOPIC and SECOND_PERSON.
 */
function adjustForContext(tokens: readonly string[], scores: Record<TopicKind, number>): void {
  const start = tokens.slice(0, 2).join(' ');
  const asksForDate = DATE_QUESTION_STARTS.some((q) => start === q || start.startsWith(q + ' '));
  if (asksForDate && TOPICS.some((t) => t !== 'deadlines' && scores[t] >= MIN_SCORE)) scores.deadlines += DATE_QUESTION_BONUS;
  let penalty = 0;
  if (tokens.some((t) => OFF_TOPIC.has(t))) penalty += OFF_TOPIC_PENALTY;
  if (tokens.some((t) => SECOND_PERSON.has(t))) penalty += SECOND_PERSON_PENALTY;
  if (penalty) for (const t of TOPICS) scores[t] = Math.max(0, scores[t] - penalty);
}

const MONTHS =
  'januar|jaenner|februar|maerz|april|mai|juni|juli|august|september|oktober|november|dezember|' +
  'january|february|march|may|june|july|october|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dez|dec';
/** What stands before a year that belongs to a date: "15.01.", "15. ", "01/", "15. Januar ", "January 15, ". */
const DATE_BEFORE = new RegExp(`(?:\\d{1,2}\\s*[./-]\\s*$|\\b(?:${MONTHS})\\.?(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?,?\\s*$)`);
/** What follows a year that begins an ISO date: "2024-01-15", "2024/01". */
const DATE_AFTER = /^\s*[-/.]\s*\d{1,2}\b/;

/**
 * A Berechnungsjahr named in the question ("Förderung 2026", "für 2025"). A year inside a date
 * ("Gilt die Frist 15.01.2024 noch?", "bis 15. Januar 2024", "2024-01-15") is a day, not the year asked about.
 */
function yearIn(text: string): number | undefined {
  const folded = spellOutUmlauts(text);
  for (const m of folded.matchAll(/(?<![\d.,])\b20[2-9]\d\b(?![.,]?\d)/g)) {
    const before = folded.slice(0, m.index);
    const after = folded.slice(m.index + m[0].length);
    if (DATE_BEFORE.test(before) || DATE_AFTER.test(after)) continue;
    return Number(m[0]);
  }
  return undefined;
}

/** What the question asks for; `unknown` when no intent is clearly ahead. */
export function recognize(text: string, ctx: { verzeichnis: GemeindeVerzeichnis }): Intent {
  return analyse(text, ctx).intent;
}

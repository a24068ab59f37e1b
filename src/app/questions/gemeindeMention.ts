/**
 * Finding a Gemeinde named in a question ("Förderung von Bad Rappenau", "persons in Eppingen",
 * "Lauffen a.N."). Names are compared as word sequences of the tokenized question, so a name is
 * found wherever it stands; short forms people use ("Lauffen", "Rappenau") count when unique.
 *
 * Two passes, because keywords and names must not steal from each other:
 * 1. `exactMentions` before the keyword scoring: exact names ("Offenau" is not the keyword "offen").
 * 2. `fuzzyMention` after it, over the words no keyword used and that are not filler words: a name
 *    with a small typo ("Bad Rapenau"), never "Gemeinde" for "Gemmingen" or "klein" for "Flein".
 *    Everyday words are themselves, not misspelt names: a word of the word lists near a name
 *    (NEAR_NAME_WORDS: "laufen", "anstatt", "Weinberg") is never one. Umlauts typed without their
 *    dots ("mockmuhl") are no typo.
 */
import { GemeindeVerzeichnis, STADTKREIS_HEILBRONN, editDistance } from '../../domain/gemeinden';
import { tokenize, typoTolerance } from './text';
import { NEAR_NAME_WORDS, NOT_A_NAME } from './vocabulary';

/** The Stadtkreis Heilbronn: named alone it is the city, not part of the Landkreis. */
const STADTKREIS = 'stadtkreis';
/** "Landkreis Heilbronn", "LRA Heilbronn", "des Landratsamts Heilbronn": the district itself, not the city. */
const DISTRICT_BEFORE = new Set(['landkreis', 'landkreises', 'landkreise', 'kreis', 'kreises', 'landratsamt', 'landratsamts', 'landratsamtes', 'lra', 'lras', 'lk', 'district']);

interface Alias {
  words: string[];
  ags: string;
  /** The name has an umlaut ("Möckmühl"): typed without its dots it is no typo. */
  umlaut?: boolean;
}

export interface Mention {
  /** Positions of the question's words that make up the name. */
  positions: number[];
  /** The Gemeinde's AGS; absent when the words name the district itself ("Landkreis Heilbronn"). */
  ags?: string;
  stadtkreis?: true;
}

const aliasCache = new WeakMap<GemeindeVerzeichnis, Alias[]>();

/** Every Gemeinde's full name plus its short forms (without "am Neckar"/"am Kocher", without "Bad") where unique. */
function aliases(verzeichnis: GemeindeVerzeichnis): Alias[] {
  const cached = aliasCache.get(verzeichnis);
  if (cached) return cached;
  const full = verzeichnis.all.map((g) => ({ words: tokenize(g.name), ags: g.ags, ...(/[äöü]/i.test(g.name) ? { umlaut: true } : {}) }));
  const short: Alias[] = [];
  for (const a of full) {
    const text = a.words.join(' ');
    const variants = [text.replace(/ am (neckar|kocher)$/, ''), text.replace(/^bad /, '')].filter((v) => v !== text);
    for (const v of variants) short.push({ words: v.split(' '), ags: a.ags, ...(a.umlaut ? { umlaut: true } : {}) });
  }
  const count = new Map<string, number>();
  for (const a of [...full, ...short]) count.set(a.words.join(' '), (count.get(a.words.join(' ')) ?? 0) + 1);
  const list = [
    ...full,
    ...short.filter((a) => count.get(a.words.join(' ')) === 1),
    { words: tokenize(STADTKREIS_HEILBRONN.name), ags: STADTKREIS },
  ];
  aliasCache.set(verzeichnis, list);
  return list;
}

function mention(tokens: readonly string[], start: number, alias: Alias): Mention {
  const positions = alias.words.map((_, k) => start + k);
  if (alias.ags !== STADTKREIS) return { positions, ags: alias.ags };
  return DISTRICT_BEFORE.has(tokens[start - 1] ?? '') ? { positions } : { positions, stadtkreis: true };
}

/** Exact names, longest first, left to right; a word belongs to at most one name. */
export function exactMentions(tokens: readonly string[], verzeichnis: GemeindeVerzeichnis): Mention[] {
  const byLength = [...aliases(verzeichnis)].sort((a, b) => b.words.length - a.words.length);
  const taken = new Set<number>();
  const found: Mention[] = [];
  for (const alias of byLength) {
    for (let i = 0; i + alias.words.length <= tokens.length; i++) {
      if (alias.words.some((word, k) => tokens[i + k] !== word || taken.has(i + k))) continue;
      const m = mention(tokens, i, alias);
      m.positions.forEach((p) => taken.add(p));
      found.push(m);
    }
  }
  return found.sort((a, b) => a.positions[0] - b.positions[0]);
}

/** Words before a person's name ("Herr Schweiger", "Familie Eppinger"): the name after them is a surname. */
const PERSON_BEFORE = new Set(['herr', 'herrn', 'frau', 'familie', 'fam', 'mr', 'mrs', 'ms', 'family']);
/** Words after a street's name ("Weinsberger Straße", "Neckarsulmer Str."). */
const STREET_AFTER = /^(strasse|str|weg|platz|allee|gasse|ring|street|road)$/;

/** Spelt-out umlauts as if typed without dots: "moeckmuehl" → "mockmuhl". */
function withoutDots(text: string): string {
  return text.replace(/([aou])e/g, '$1');
}

/**
 * The closest name within the typo tolerance (scaled with the name's length, first letter right), over
 * runs of up to three free words. Two different Gemeinden equally close: none (precision).
 */
export function fuzzyMention(
  tokens: readonly string[],
  free: (position: number) => boolean,
  verzeichnis: GemeindeVerzeichnis,
): Mention | undefined {
  let best: { m: Mention; distance: number; length: number } | undefined;
  let tied = false;
  for (const alias of aliases(verzeichnis)) {
    const name = alias.words.join(' ');
    const nameTolerance = typoTolerance(name.length);
    if (nameTolerance === 0) continue;
    for (let n = 1; n <= 3; n++) {
      for (let i = 0; i + n <= tokens.length; i++) {
        const run = tokens.slice(i, i + n);
        // Filler words are no name, except where the name has them ("Laufen am Neckar").
        if (run.some((t, k) => !free(i + k) || (NOT_A_NAME.has(t) && alias.words[k] !== t))) continue;
        // A single everyday word is itself; in a longer run ("laufen am neckar") the other words make it the name.
        if (n === 1 && NEAR_NAME_WORDS.has(run[0])) continue;
        // A person's or a street's name is not a misspelt Gemeinde: "Familie Eppinger", "Weinsberger Straße".
        if (PERSON_BEFORE.has(tokens[i - 1] ?? '') || STREET_AFTER.test(tokens[i + n] ?? '')) continue;
        // Everyday words near a name are listed in NEAR_NAME_WORDS (generated from whole word lists), so a
        // word in lower case gets the same tolerance as a capitalised one.
        const tolerance = nameTolerance;
        const typed = run.join(' ');
        if (typed[0] !== name[0] || Math.abs(typed.length - name.length) > tolerance + 2) continue;
        // Umlauts typed without their dots ("mockmuhl" for Möckmühl) are no typo – only for names that have one.
        const distance = alias.umlaut ? Math.min(editDistance(typed, name), editDistance(withoutDots(typed), withoutDots(name))) : editDistance(typed, name);
        if (distance > tolerance) continue;
        const m = mention(tokens, i, { words: run, ags: alias.ags });
        if (!best || distance < best.distance || (distance === best.distance && n > best.length)) {
          tied = false;
          best = { m, distance, length: n };
        } else if (distance === best.distance && n === best.length && m.ags !== best.m.ags) {
          tied = true;
        }
      }
    }
  }
  return best && !tied ? best.m : undefined;
}

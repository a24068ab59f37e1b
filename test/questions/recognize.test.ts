/** Intent recognition: German and English phrasings, typos, word order, Gemeinde names, and what must stay unknown. */
import { analyse, EXAMPLES_BY_INTENT, examplesFor, EXAMPLE_QUESTIONS, recognize } from '../../src/app/questions';
import type { IntentKind } from '../../src/app/questions';
import { matchWord } from '../../src/app/questions/text';
import { NEAR_NAME_WORDS } from '../../src/app/questions/vocabulary';
import { ABSTATT, EPPINGEN, verzeichnis } from '../fixtures';

const ctx = { verzeichnis };
const kind = (text: string) => recognize(text, ctx).kind;
const BAD_RAPPENAU = '08125006';
const LAUFFEN = '08125056';
const BRACKENHEIM = '08125013';

const PHRASINGS: [string, IntentKind][] = [
  // funding
  ['Wie hoch ist unsere voraussichtliche Förderung?', 'funding'],
  ['Wieviel Geld bekommen wir?', 'funding'],
  ['wie viel geld bekommen wir', 'funding'],
  ['Förderung, bitte.', 'funding'],
  ['bitte Förderung', 'funding'],
  ['Förderrung', 'funding'],
  ['forderung', 'funding'],
  ['foerderung bitte', 'funding'],
  ['FÖRDERUNG???', 'funding'],
  ['Zuwendung', 'funding'],
  ['Betrag', 'funding'],
  ['Wie groß ist unser Anteil', 'funding'],
  ['Mittel', 'funding'],
  ['Wie hoch fällt unsere Zuwendung aus', 'funding'],
  ['Wie viele VZÄ bekommen wir?', 'funding'],
  ['Wie hoch ist der Stellenanteil?', 'funding'],
  ['what is our expected funding?', 'funding'],
  ['how much money do we get', 'funding'],
  ['How much will we receive?', 'funding'],
  ["What's our share?", 'funding'],
  ['expected fundng', 'funding'],
  // persons
  ['Wie viele Personen stehen auf unserer Liste?', 'persons'],
  ['Personen auf unserer Liste wie viele', 'persons'],
  ['Wie viele Leute haben wir', 'persons'],
  ['Anzahl Persnen', 'persons'],
  ['how many people are on our list', 'persons'],
  ['number of refugees on our list', 'persons'],
  ['Wie viele Personen haben wir insgesamt?', 'persons'],
  // listStatus
  ['Ist unsere Liste schon eingereicht?', 'listStatus'],
  ['Haben wir schon eingereicht', 'listStatus'],
  ['Was fehlt noch?', 'listStatus'],
  ['Was fehlt uns noch', 'listStatus'],
  ['Wie ist der Stand?', 'listStatus'],
  ['Ist die Liste fertig?', 'listStatus'],
  ['status of our list', 'listStatus'],
  ['What is the status of our list?', 'listStatus'],
  ["What's still missing?", 'listStatus'],
  // deadlines
  ['Bis wann müssen wir die Liste zurückschicken?', 'deadlines'],
  ['bis wann muessen wir die liste zurueckschicken', 'deadlines'],
  ['Welche Fristen gibt es?', 'deadlines'],
  ['Fristen?', 'deadlines'],
  ['Wann ist die Abgabefrist', 'deadlines'],
  ['Wann müssen wir abgeben?', 'deadlines'],
  ['Gibt es eine Fristverlängerung?', 'deadlines'],
  ['Wann wird die Übersicht veröffentlicht?', 'deadlines'],
  ['when is the deadline', 'deadlines'],
  ['deadline when is it', 'deadlines'],
  ['By when do we have to return the list?', 'deadlines'],
  // options
  ['Was bedeutet eigenständig?', 'options'],
  ['Was bedeutet eigenstaendig', 'options'],
  ['Was heißt „in eigener Verantwortung“?', 'options'],
  ['Können wir das in eigener Verantwortung machen?', 'options'],
  ['Was ist ein Verbund?', 'options'],
  ['Was ist ein Verbnd', 'options'],
  ['Welche Möglichkeiten haben wir?', 'options'],
  ['Landkreis oder selbst?', 'options'],
  ['Sollen wir das selbst machen oder dem Landkreis überlassen?', 'options'],
  ['Was sind Eigenmittel?', 'options'],
  ['Reicht unser Anteil für eine halbe Stelle?', 'options'],
  ['Was fehlt uns zur halben Stelle?', 'options'],
  ['Was fehlt für eine 50% Stelle?', 'options'],
  ['Was fehlt uns für 0,5 VZÄ?', 'options'],
  ['Wie viel Eigenmittel brauchen wir?', 'options'],
  ['What is missing for a half position?', 'options'],
  ['What is missing for 0.5 FTE?', 'options'],
  ['what are our options', 'options'],
  ['What does a joint position mean?', 'options'],
  // totals
  ['Wie viele Personen insgesamt?', 'totals'],
  ['insgesamt Personen', 'totals'],
  ['Gesamtsumme', 'totals'],
  ['Wie hoch ist die Gesamtsumme?', 'totals'],
  ['Förderung im ganzen Landkreis', 'totals'],
  ['Förderung Landkreis Heilbronn', 'totals'],
  ['total funding', 'totals'],
  ['How many persons in total?', 'totals'],
  // missing
  ['Wer fehlt noch?', 'missing'],
  ['Welche Gemeinden haben noch nicht eingereicht?', 'missing'],
  ['Wer hat noch nicht eingereicht', 'missing'],
  ['Welche Gemeinden sind überfällig?', 'missing'],
  ['Wie viele Listen fehlen noch?', 'missing'],
  ["who hasn't submitted yet", 'missing'],
  ['Who is missing?', 'missing'],
  ['Which municipalities are overdue?', 'missing'],
  // undecided
  ['Wer hat sich noch nicht entschieden?', 'undecided'],
  ['Welche Gemeinden haben noch keine Entscheidung getroffen?', 'undecided'],
  ['Welche Entscheidungen sind noch offen?', 'undecided'],
  ['Who has not decided yet?', 'undecided'],
  ["Who hasn't decided?", 'undecided'],
  // ... but the own decision is the options answer (which shows it).
  ['Haben wir uns schon entschieden?', 'options'],
];

const NOT_QUESTIONS = [
  '',
  '   ',
  '?!',
  'Hallo',
  'Hallo IntM-Bot',
  'Danke!',
  'thank you',
  'Guten Morgen, wie geht’s?',
  'Wie geht es dir?',
  'Wer bist du?',
  'Wie heißt du?',
  'Wie spät ist es?',
  'Wie viel Uhr ist es?',
  'Wann ist Feierabend?',
  'Erzähl mir einen Witz',
  'Was kostet ein Kaffee?',
  'Gibt es heute Kuchen?',
  'Wie ist das Wetter in Eppingen?',
  "what's the weather like",
  'What time is it?',
  'Ich habe das nicht verstanden',
  'Kannst du mir helfen?',
  'Liste',
  'Stadt',
  'Gemeinde',
  'Eppingen',
];

describe('recognize', () => {
  test.each(PHRASINGS)('%s → %s', (text, expected) => {
    expect(kind(text)).toBe(expected);
  });

  test.each(NOT_QUESTIONS)('small talk and unrelated questions stay unknown: %j', (text) => {
    expect(kind(text)).toBe('unknown');
  });

  test('covers at least 30 phrasings in each language mix, plus negatives', () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(30);
    expect(NOT_QUESTIONS.length).toBeGreaterThanOrEqual(10);
  });

  test('a leading or trailing filler and punctuation change nothing', () => {
    for (const [text, expected] of PHRASINGS.slice(0, 20)) {
      expect(kind(`bitte ${text}`)).toBe(expected);
      expect(kind(`${text.replace(/[?.!]+$/, '')} bitte!`)).toBe(expected);
      expect(kind(`Hallo, ${text.toUpperCase()}`)).toBe(expected);
    }
  });

  test('a tie between intents is unknown (precision over guessing)', () => {
    const r = analyse('Förderung Fristen', ctx);
    expect(r.scores.funding).toBeLessThan(r.scores.deadlines);
    expect(analyse('Status Betrag', ctx).intent.kind).toBe('unknown');
  });
});

describe('Gemeinde named in the question', () => {
  test.each<[string, IntentKind, string]>([
    ['Wie hoch ist die Förderung von Bad Rappenau?', 'funding', BAD_RAPPENAU],
    ['Förderung Lauffen a.N.', 'funding', LAUFFEN],
    ['Förderung Lauffen a. N.', 'funding', LAUFFEN],
    ['Förderung Lauffen am Neckar', 'funding', LAUFFEN],
    ['Lauffen Förderung', 'funding', LAUFFEN],
    ['persons in Eppingen', 'persons', EPPINGEN],
    ['Wie viele Personen hat Eppingen?', 'persons', EPPINGEN],
    ['Förderung der Stadt Eppingen', 'funding', EPPINGEN],
    ['Förderung der Großen Kreisstadt Eppingen', 'funding', EPPINGEN],
    ['Förderung für die Gemeinde Abstatt', 'funding', ABSTATT],
    ['Förderung von Bad Rapenau', 'funding', BAD_RAPPENAU],
    ['Förderung Rappenau', 'funding', BAD_RAPPENAU],
    ['Status von Brakenheim', 'listStatus', BRACKENHEIM],
    ['Hat Brackenheim schon eingereicht?', 'listStatus', BRACKENHEIM],
    ['funding Neckar-Sulm', 'funding', '08125065'],
    ['Förderung Hardthausen a.K.', 'funding', '08125111'],
    ['Förderung Offenau', 'funding', '08125079'],
    ['Förderung Flein', 'funding', '08125030'],
  ])('%s → %s for %s', (text, expected, ags) => {
    expect(recognize(text, ctx)).toMatchObject({ kind: expected, ags });
  });

  test.each([
    'Wie hoch ist die Förderung für unsere Gemeinde?',
    'Wie viele Personen stehen auf der Liste der Stadt?',
    'Förderung Gemeinde',
    'Förderung klein',
    'Förderung Gemeinden',
  ])('ordinary words are not taken for names: %s', (text) => {
    const intent = recognize(text, ctx);
    expect(intent.kind).not.toBe('unknown');
    expect(intent).not.toHaveProperty('ags');
    expect(intent).not.toHaveProperty('stadtkreis');
  });

  test.each<[string, IntentKind]>([
    ['Bis wann laufen die Fristen?', 'deadlines'],
    ['Laufen die Fristen noch?', 'deadlines'],
    ['Können wir das selbst machen anstatt des Landkreises?', 'options'],
    ['Förderung für unseren Weinberg?', 'funding'],
    ['Wie viele Personen stehen im Sternzeichen Widder?', 'persons'],
    ['Wir schweigen lieber: Förderung?', 'funding'],
    ['Förderung in Bernstein', 'funding'],
    ['Förderung Schwager', 'funding'],
  ])('everyday words near a name are not the name: %s', (text, expected) => {
    expect(recognize(text, ctx)).toEqual({ kind: expected });
  });

  test('no word of the generated list of everyday words near a name is taken for one, capitalised or not', () => {
    for (const word of NEAR_NAME_WORDS) {
      const capitalised = word[0].toUpperCase() + word.slice(1);
      expect(recognize(`Förderung ${capitalised}`, ctx)).toEqual({ kind: 'funding' });
      expect(recognize(`förderung ${word}`, ctx)).toEqual({ kind: 'funding' });
    }
  });

  test('a typo in a name, capitalised or not (everyday words near a name are in NEAR_NAME_WORDS); umlauts without dots are no typo', () => {
    expect(recognize('Förderung Abstat', ctx)).toMatchObject({ kind: 'funding', ags: ABSTATT });
    expect(recognize('förderung abstat', ctx)).toMatchObject({ kind: 'funding', ags: ABSTATT });
    expect(recognize('status von brakenheim', ctx)).toMatchObject({ kind: 'listStatus', ags: BRACKENHEIM });
    expect(recognize('Status von Brakenhem', ctx)).toMatchObject({ kind: 'listStatus', ags: BRACKENHEIM });
    expect(recognize('status von brakenhem', ctx)).toMatchObject({ kind: 'listStatus', ags: BRACKENHEIM });
    for (const typed of ['mockmuhl', 'Mockmuhl', 'moeckmuehl', 'eppingn', 'ilsfed', 'talhiem', 'nordhem']) expect(recognize(`förderung ${typed}`, ctx)).toMatchObject({ kind: 'funding', ags: expect.any(String) });
    // Everyday words stay themselves, in any case.
    for (const said of [
      'Bis wann laufen die Fristen?',
      'Können wir das selbst machen anstatt des Landkreises?',
      'Wir haben einen Weinberg.',
      'Förderung nach dem Neustart?',
      'Wie viele Personen hat Familie Eppinger?',
      'wie viele personen hat familie eppinger?',
      'Wie viele Personen wohnen in der Weinsberger Straße?',
      'wie viele personen wohnen in der neckarsulmer str?',
    ]) {
      expect(recognize(said, ctx)).not.toMatchObject({ ags: expect.any(String) });
    }
    // In a run of words the others make it the name.
    expect(recognize('Förderung laufen am neckar', ctx)).toMatchObject({ kind: 'funding', ags: LAUFFEN });
  });

  test('"Heilbronn" alone is the Stadtkreis; "Landkreis Heilbronn" is the district', () => {
    expect(recognize('Förderung Heilbronn', ctx)).toEqual({ kind: 'funding', stadtkreis: true });
    expect(recognize('Wie viele Personen hat die Stadt Heilbronn?', ctx)).toEqual({ kind: 'persons', stadtkreis: true });
    expect(recognize('Förderung Landkreis Heilbronn', ctx)).toEqual({ kind: 'totals' });
    expect(recognize('Förderung Eppingen im Landkreis Heilbronn', ctx)).toMatchObject({ kind: 'funding', ags: EPPINGEN });
    expect(recognize('Förderung des Landratsamts Heilbronn', ctx)).toEqual({ kind: 'funding' });
    expect(recognize('Förderung des Landkreises Heilbronn insgesamt', ctx)).toEqual({ kind: 'totals' });
    expect(recognize('Wie viel Geld bekommt der Heilbronner Landkreis insgesamt?', ctx)).toEqual({ kind: 'totals' });
    expect(recognize('Wie viele Personen hat der Heilbronner Landkreis?', ctx)).toEqual({ kind: 'totals' });
  });

  test('a named Gemeinde makes it a Gemeinde question, not a district one', () => {
    expect(recognize('Wie viele Personen insgesamt in Eppingen?', ctx)).toMatchObject({ kind: 'persons', ags: EPPINGEN });
  });

  test('a Berechnungsjahr in the question is carried along', () => {
    expect(recognize('Förderung 2026', ctx)).toEqual({ kind: 'funding', year: 2026 });
    expect(recognize('Wer fehlt noch für 2025?', ctx)).toEqual({ kind: 'missing', year: 2025 });
    expect(recognize('Förderung für das Berechnungsjahr 2026?', ctx)).toEqual({ kind: 'funding', year: 2026 });
    expect(recognize('funding for year 2026', ctx)).toEqual({ kind: 'funding', year: 2026 });
  });

  test('a year inside a date is a day, not the Berechnungsjahr', () => {
    expect(recognize('Gilt die Frist 15.01.2024 noch?', ctx)).toEqual({ kind: 'deadlines' });
    expect(recognize('Gilt die Frist 15. 01. 2024 noch?', ctx)).toEqual({ kind: 'deadlines' });
    expect(recognize('Gilt die Frist vom 15. Januar 2024 noch?', ctx)).toEqual({ kind: 'deadlines' });
    expect(recognize('Is the deadline of January 15, 2024 still valid?', ctx)).toEqual({ kind: 'deadlines' });
    expect(recognize('Gilt die Frist 2024-01-15 noch?', ctx)).toEqual({ kind: 'deadlines' });
    expect(recognize('Frist 01/2024', ctx)).toEqual({ kind: 'deadlines' });
    // A date and a year: the year is the one asked about.
    expect(recognize('Gilt die Frist 15.01.2024 für 2025?', ctx)).toEqual({ kind: 'deadlines', year: 2025 });
  });
});

describe('examples for the help card', () => {
  test.each(Object.entries(EXAMPLES_BY_INTENT.de).flatMap(([k, qs]) => qs.map((q) => [q, k])))('de: %s → %s', (q, k) => {
    expect(kind(q)).toBe(k);
  });
  test.each(Object.entries(EXAMPLES_BY_INTENT.en).flatMap(([k, qs]) => qs.map((q) => [q, k])))('en: %s → %s', (q, k) => {
    expect(kind(q)).toBe(k);
  });
  test('every list has German and English examples; staff see no district questions', () => {
    expect(EXAMPLE_QUESTIONS.de.length).toBeGreaterThanOrEqual(7);
    expect(EXAMPLE_QUESTIONS.en.length).toBeGreaterThanOrEqual(7);
    for (const locale of ['de', 'en'] as const) {
      expect(examplesFor('gemeinde', locale).map(kind)).toEqual(['funding', 'persons', 'listStatus', 'deadlines', 'options']);
      expect(examplesFor('koordination', locale).map(kind)).toEqual(expect.arrayContaining(['totals', 'missing']));
    }
    const named = examplesFor('koordination', 'de').map((q) => recognize(q, ctx)).find((i) => 'ags' in i);
    expect(named).toBeDefined();
  });
});

describe('keyword matching', () => {
  test('typo tolerance grows with the word: none for short words, one up to eight letters, two beyond', () => {
    expect(matchWord('first', 'frist')).toBeUndefined();
    expect(matchWord('stadt', 'stand')).toBeUndefined();
    expect(matchWord('verbnd', 'verbund')).toBe('typo');
    expect(matchWord('verbnt', 'verbund')).toBeUndefined();
    expect(matchWord('foerdreung', 'foerderung')).toBe('typo');
    expect(matchWord('forderrung', 'foerderung')).toBe('typo');
    expect(matchWord('hoerderung', 'foerderung')).toBeUndefined();
  });
  test('endings and compounds', () => {
    expect(matchWord('fristen', 'frist')).toBe('ending');
    expect(matchWord('abgabefristen', 'frist')).toBe('compound');
    expect(matchWord('foerdersumme', 'summe')).toBe('compound');
    expect(matchWord('wieviele', 'wieviel', true)).toBeUndefined();
  });
  test('recognition is deterministic', () => {
    for (const [text] of PHRASINGS) expect(recognize(text, ctx)).toEqual(recognize(text, ctx));
  });
});

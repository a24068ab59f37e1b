/**
 * The words that point to each intent, with weights — the recognizer's only knowledge. To teach it a
 * new phrasing, add it to `test/questions/phrasings.tsv` (one line: locale, intent, text) and a word or phrase here.
 *
 * Write words as people spell them (umlauts, capitals): they are normalised like the question.
 * A phrase ("bis wann") matches its words in order, with at most two other words between them.
 * Single words also match with an ending ("Fristen"), inside compounds ("Abgabefrist"; five letters
 * or more) and with small typos (six letters or more) — see `matchWord`. `strict` words match exactly
 * only: short function words, and words whose compounds mean something else.
 *
 * Weights: 4 = names the topic unmistakably ("Frist", "Verbund"), 3 = a topic noun ("Förderung",
 * "Personen", "Status"), 2 = points to the topic but is shared with others ("wann", "fehlt"),
 * 1 = question words that only support ("wie viel", "bekommen"). One topic noun (3) is enough to
 * answer; support words alone never are (see `recognize.ts`).
 */
import type { TopicKind } from './intents';
import { RISK_VOCABULARY } from './riskVocabulary';
import { NACHWEIS_VOCABULARY } from './nachweisVocabulary';

export interface Term {
  text: string;
  weight: number;
  strict?: boolean;
}

const w = (weight: number, ...texts: string[]): Term[] => texts.map((text) => ({ text, weight }));
const strict = (weight: number, ...texts: string[]): Term[] => texts.map((text) => ({ text, weight, strict: true }));

export const VOCABULARY: Record<TopicKind, Term[]> = {
  funding: [
    ...w(3, 'Förderung', 'Fördermittel', 'Förderbetrag', 'Zuwendung', 'Zuschuss', 'Betrag', 'Anteil', 'Landesmittel', 'Stellenanteil'),
    ...strict(3, 'Geld', 'VZÄ', 'FTE'),
    ...w(3, 'funding', 'money', 'grant', 'amount', 'allocation'),
    ...strict(3, 'share', 'funds', 'Mittel'),
    // "Mittel" inside another word only supports: "Eigenmittel" is an options word.
    ...w(1, 'Mittel'),
    ...w(2, 'Summe', 'Euro', 'Zuteilung'),
    ...strict(2, 'EUR', 'wie viel', 'wieviel', 'how much'),
    ...strict(1, 'wie hoch'),
    ...w(1, 'bekommen', 'bekommt', 'erhalten', 'kriegen', 'voraussichtlich', 'erwartet', 'zu erwartende', 'expected', 'receive', 'getting'),
    ...strict(1, 'get'),
    // "Was bekommen wir?", "Was steht uns zu?": everyday ways to ask for the own amount without naming it.
    // With "wir/uns" only: "Was bekommt man hier zu essen?" is not about the funding.
    ...strict(3, 'was bekommen wir', 'was kriegen wir', 'was erhalten wir', 'was bekommt unsere', 'was bekommt die gemeinde', 'steht uns zu', 'stehen uns zu'),
    ...strict(3, 'what do we get', 'what will we get', 'what do we receive'),
    ...w(3, 'ausgezahlt', 'Auszahlung', 'zusteht'),
    ...strict(3, 'Kohle'),
  ],
  persons: [
    ...w(3, 'Personen', 'Person', 'Menschen', 'Flüchtlinge', 'Geflüchtete', 'Zielgruppe', 'persons', 'people', 'refugees', 'headcount'),
    ...strict(3, 'Leute'),
    ...w(2, 'Anzahl', 'gezählt', 'number', 'count'),
    ...strict(2, 'wie viele', 'wieviele', 'how many'),
    ...strict(1, 'stehen', 'drauf', 'zählen'),
  ],
  listStatus: [
    ...w(3, 'Status', 'eingereicht', 'einreichen', 'abgegeben', 'abgeschickt', 'submitted', 'progress'),
    ...strict(3, 'was fehlt', 'what is missing', 'what missing', 'stand der liste', 'state of'),
    ...w(2, 'Bearbeitung', 'vollständig', 'versendet', 'Nachträge', 'submit', 'complete', 'finished', 'missing'),
    // "stand" strictly: its compounds ("verstanden", "Abstand") mean something else.
    ...strict(3, 'stand'),
    ...strict(2, 'fehlt', 'done'),
    // What is left to do on the own list: "Was ist noch offen?", "Wo stehen wir?".
    ...strict(3, 'noch zu tun', 'noch tun', 'noch offen', 'left to do', 'still to do', 'wo stehen wir', 'wie weit sind wir', 'where do we stand', 'how far are we'),
    ...w(3, 'fertig', 'erledigt'),
    ...w(1, 'Liste', 'list'),
    ...strict(1, 'schon', 'offen'),
  ],
  deadlines: [
    ...w(4, 'Frist', 'Abgabefrist', 'Deadline', 'Zeitplan', 'Termin', 'Fälligkeit', 'schedule', 'Abgabeschluss', 'Einsendeschluss'),
    // How much time is left: outweighs "wie viel" (funding) in "Wie viel Zeit bleibt uns noch?".
    ...strict(4, 'wie viel zeit', 'wieviel zeit', 'wie lange haben wir', 'how much time', 'how long do we have'),
    ...strict(2, 'zeit'),
    ...w(3, 'dates'),
    ...strict(4, 'bis wann', 'by when', 'until when', 'bis zu welchem'),
    ...w(4, 'wann abgeben', 'wann einreichen', 'wann zurückschicken', 'when submit', 'when return'),
    ...w(2, 'spätestens', 'Verlängerung', 'Datum', 'extension', 'dates', 'veröffentlicht', 'Veröffentlichung', 'published', 'publication'),
    ...strict(2, 'wann', 'when', 'due', 'fällig', 'how long'),
    ...w(1, 'zurückschicken', 'zurücksenden', 'zurückgeben', 'return'),
  ],
  options: [
    ...w(4, 'eigenständig', 'eigenverantwortlich', 'Eigenverantwortung', 'Verbund', 'zusammenschließen', 'Zusammenschluss', 'Kooperation', 'Möglichkeiten', 'Optionen', 'Wahlmöglichkeit', 'options', 'choices', 'Träger', 'Eigenmittel'),
    ...strict(4, 'schritt b', 'step b', 'on our own', 'eigener verantwortung', 'eigene verantwortung', 'selbst machen', 'selber machen', 'do it ourselves'),
    ...w(3, 'gemeinsam'),
    // The minimum position of step B: outweighs "was fehlt" (list status) and "VZÄ" (funding) in
    // "Was fehlt uns zur halben Stelle?", "Was fehlt für 0,5 VZÄ?", "What is missing for a half position?".
    ...strict(5, 'halbe stelle', 'halben stelle', 'half position', 'half a position', '50 stelle', '0 5 stelle', '0 5 vzae', '0 5 fte', 'halbe vzae'),
    ...w(3, 'Entscheidung', 'entscheiden', 'Verwendungsnachweis', 'Alternative', 'decision', 'decide', 'ourselves', 'joint', 'provider'),
    ...w(2, 'Möglichkeit', 'Option', 'selbst', 'selber', 'Unterschied', 'Vorteile', 'Nachteile', 'lohnt', 'choice', 'choose', 'difference', 'pros', 'cons'),
    ...w(2, 'Landkreis', 'district'),
    ...strict(2, 'wahl'),
    ...strict(1, 'oder', 'or', 'bedeutet', 'heißt', 'mean', 'means', 'stelle'),
  ],
  // District scope: these words turn a funding or persons question into one about the whole Landkreis
  // (the recognizer adds the topic's score); alone ("Gesamtsumme") they are a totals question too.
  totals: [
    ...w(3, 'insgesamt', 'gesamt', 'Gesamtsumme', 'kreisweit', 'total', 'overall'),
    ...strict(3, 'alle gemeinden', 'all municipalities', 'ganzen landkreis', 'whole district'),
    ...w(2, 'Landkreis', 'district'),
  ],
  missing: [
    ...strict(5, 'wer hat noch nicht', 'who has not', 'who did not'),
    ...strict(4, 'wer fehlt', 'who is missing', 'who not'),
    ...strict(3, 'welche gemeinden', 'welche kommunen', 'which municipalities', 'which towns'),
    ...strict(3, 'noch aus', 'welche listen', 'which lists'),
    ...w(3, 'säumig', 'ausstehend', 'outstanding', 'overdue', 'überfällig', 'Listen fehlen', 'fehlende Listen', 'missing lists'),
    ...strict(2, 'noch nicht eingereicht', 'nicht abgegeben', 'not submitted', 'not yet submitted', 'fehlen noch', 'wer', 'who'),
  ],
  // Step B across the district: which Gemeinden have not decided yet. Outweighs "wer hat noch nicht" (missing lists).
  undecided: [
    ...strict(6, 'nicht entschieden', 'keine entscheidung', 'entscheidungen offen', 'offene entscheidungen', 'entscheidung offen', 'not decided', 'no decision', 'open decisions', 'decisions open'),
    ...w(4, 'unentschieden', 'undecided'),
    ...strict(2, 'wer', 'who', 'welche gemeinden', 'welche kommunen', 'which municipalities', 'which towns'),
  ],
  ...RISK_VOCABULARY,
  ...NACHWEIS_VOCABULARY,
};

/**
 * A question that begins with "Wann" or "Bis wann" asks for a date, whatever it names: "Wann müssen wir
 * die Entscheidung treffen?" is a deadline question although "Entscheidung" is an options word. The
 * recognizer adds this to the deadlines score – only when the question is about the procedure at all
 * (another intent has a topic noun), so "Wann ist Feierabend?" stays unknown.
 */
export const DATE_QUESTION_STARTS = ['wann', 'bis wann', 'ab wann', 'when', 'by when', 'until when'];
export const DATE_QUESTION_BONUS = 2;

/**
 * Words of everyday life that never belong to the procedure: a question with one of them is not about
 * the funding, the list or the deadlines ("Bis wann hat die Kantine offen?", "Wie viel kostet ein
 * Kaffee?"). Each takes OFF_TOPIC_PENALTY from every intent. Exact words only.
 */
export const OFF_TOPIC = new Set(
  ('kantine mittagessen essen kaffee kuchen wetter urlaub feierabend weihnachten ostern parken parkplatz witz geburtstag ' +
    'lunch coffee cake weather vacation holiday holidays christmas easter parking joke birthday').split(' '),
);
export const OFF_TOPIC_PENALTY = 4;

/** "du/dir": small talk with the bot ("Was fehlt dir?"); users ask the bot about their list with "wir/uns" or without a pronoun. */
export const SECOND_PERSON = new Set(['du', 'dir', 'dich', 'dein', 'deine', 'deiner', 'deinen']);
export const SECOND_PERSON_PENALTY = 2;

/** Words that say "us": the question is about the asker's own Gemeinde, not the district. */
export const FIRST_PERSON = new Set(['wir', 'uns', 'unser', 'unsere', 'unserer', 'unseren', 'unserem', 'unseres', 'we', 'us', 'our', 'ours', 'ich', 'mein', 'meine', 'meiner', 'i', 'my']);

/**
 * Words never taken for a Gemeinde's name even when one is close ("Gemeinde" is near "Gemmingen").
 * Everything the tables above match is excluded too.
 */
export const NOT_A_NAME = new Set(
  ('der die das den dem des ein eine einer einem eines ist sind war wie was wer wo wann warum welche welcher ' +
    'bitte mal doch noch schon denn eigentlich gibt haben hat habe wird werden kann koennen muessen muss sollen ' +
    'von vom fuer in im an am auf aus bei mit zu zum zur und oder nicht kein keine auch ' +
    'stadt gemeinde gemeinden kommune kommunen kreis landratsamt lra liste listen jahr ' +
    // "der Heilbronner Landkreis": the adjective names the district as often as the city.
    'heilbronner ' +
    'hallo danke guten morgen tag abend please thanks hello the a an of for in on at to and is are what how who which ' +
    'our we us my your you this that there does do much many town municipality city').split(' '),
);

/**
 * Everyday words within typo reach of a Gemeinde's name ("laufen" – Lauffen, "anstatt" – Abstatt,
 * "Weinberg" – Weinsberg, "Widder" – Widdern, "schweigen" – Schwaigern, "Bernstein" – Beilstein): a
 * word people write as itself is not a misspelt name. Generated, not picked: every word of Debian's
 * German word list (wngerman, /usr/share/dict/ngerman) and of hunspell's en_US that `fuzzyMention`
 * would have taken for a name (same first letter, within `typoTolerance` of a name or short form),
 * less the names' own genitives ("Heilbronns"). Re-run it when the Gemeinden change.
 */
export const NEAR_NAME_WORDS = new Set(
  ('abstatte anstatt beisein bernstein friedrichshain gelingen gemeinden gemeinen gemeinten gemengen geringen laufen leibgarden northeim ' +
    'schlaegern schlagern schwaegerin schwaengern schwager schwagern schwagers schwangen schwanger schwangere schwangeren schweigen ' +
    'schweizern schwelgern schwingern weinberg weinberge weinbergs widder widders widern wildern').split(' '),
);

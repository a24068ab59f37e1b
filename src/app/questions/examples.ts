/**
 * Example questions for the help card, per intent. Every example is checked by the tests to be
 * recognized as its intent, so the help card never promises a question the bot does not understand.
 */
import type { Role } from '../../domain/actor';
import type { Locale } from '../../i18n/catalogue';
import type { TopicKind } from './intents';

export const EXAMPLES_BY_INTENT: Record<Locale, Record<TopicKind, string[]>> = {
  de: {
    funding: ['Wie hoch ist unsere voraussichtliche Förderung?', 'Wie viel Geld bekommen wir?'],
    persons: ['Wie viele Personen stehen auf unserer Liste?'],
    listStatus: ['Ist unsere Liste schon eingereicht?', 'Was fehlt noch?'],
    deadlines: ['Bis wann müssen wir die Liste zurückschicken?', 'Welche Fristen gibt es?'],
    options: ['Welche Möglichkeiten haben wir?', 'Was heißt „in eigener Verantwortung“?', 'Was ist ein Verbund?'],
    totals: ['Wie viele Personen insgesamt?', 'Wie hoch ist die Gesamtsumme?'],
    missing: ['Welche Gemeinden haben noch nicht eingereicht?', 'Wer fehlt noch?'],
    undecided: ['Wer hat sich noch nicht entschieden?', 'Welche Gemeinden haben noch keine Entscheidung getroffen?'],
    scenarios: ['Was wäre, wenn die Landesmittel sinken?'],
    history: ['Wie hat sich unsere Förderung entwickelt?'],
    nachweisMissing: ['Was fehlt noch im Verwendungsnachweis?'],
    reclaim: ['Müssen wir etwas zurückzahlen?'],
  },
  en: {
    funding: ['What is our expected funding?', 'How much money do we get?'],
    persons: ['How many people are on our list?'],
    listStatus: ['What is the status of our list?', 'What is still missing?'],
    deadlines: ['When is the deadline?', 'By when do we have to return the list?'],
    options: ['What are our options?', 'What does a joint position mean?'],
    totals: ['What is the total funding?', 'How many persons in total?'],
    missing: ["Who hasn't submitted yet?", 'Which municipalities are overdue?'],
    undecided: ['Who has not decided yet?', 'Which municipalities are undecided?'],
    scenarios: ['What if the state cuts its funding?'],
    history: ['How has our funding developed?'],
    nachweisMissing: ['What is still missing in our proof of use?'],
    reclaim: ['Do we have to pay anything back?'],
  },
};

/** Coordinators may also name any Gemeinde; staff ask about their own. */
const NAMED_EXAMPLE: Record<Locale, string> = {
  de: 'Wie hoch ist die Förderung von Bad Rappenau?',
  en: 'How many persons are on the list of Eppingen?',
};

const GEMEINDE_ORDER: TopicKind[] = ['funding', 'persons', 'listStatus', 'deadlines', 'options'];

/**
 * The examples a user of `role` can ask. Coordinators get the district's questions and one about a named
 * Gemeinde – not "unsere Liste", which only a Gemeinde's staff can ask about.
 */
export function examplesFor(role: Role, locale: Locale): string[] {
  const byIntent = EXAMPLES_BY_INTENT[locale];
  if (role !== 'koordination') return GEMEINDE_ORDER.map((k) => byIntent[k][0]);
  const deadlines = byIntent.deadlines.find((q) => !/\b(wir|we)\b/i.test(q)) ?? byIntent.deadlines[0];
  return [byIntent.totals[0], byIntent.missing[0], byIntent.undecided[0], NAMED_EXAMPLE[locale], deadlines, byIntent.options.at(-1)!];
}

/** All examples, staff questions first: for a help card that does not know the user's role. */
export const EXAMPLE_QUESTIONS: Record<Locale, string[]> = {
  de: Object.values(EXAMPLES_BY_INTENT.de).flat(),
  en: Object.values(EXAMPLES_BY_INTENT.en).flat(),
};

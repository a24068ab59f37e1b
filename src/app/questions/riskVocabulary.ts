/**
 * The words of the financing-risk questions (see vocabulary.ts for the weights and the matching rules):
 * "Was wäre, wenn die Landesmittel sinken?" (scenarios) and "Wie hat sich unsere Förderung entwickelt?"
 * (history). Kept apart from the other tables so that each topic's words stay together.
 */
import type { RiskIntentKind } from './intents';
import type { Term } from './vocabulary';

const w = (weight: number, ...texts: string[]): Term[] => texts.map((text) => ({ text, weight }));
const strict = (weight: number, ...texts: string[]): Term[] => texts.map((text) => ({ text, weight, strict: true }));

export const RISK_VOCABULARY: Record<RiskIntentKind, Term[]> = {
  // What if the state total or the count changed: outweighs "Landesmittel"/"Förderung" (funding) and
  // "Personen" (persons) in "Was wäre, wenn die Landesmittel sinken?".
  scenarios: [
    ...w(5, 'Finanzierungsrisiko', 'Risiko', 'Szenario', 'Szenarien', 'Planungssicherheit', 'risk', 'scenario', 'scenarios'),
    // "What if" alone is everyday talk ("Was wäre, wenn es regnet?"): it needs a change of money or count.
    ...strict(2, 'was wäre wenn', 'was waere wenn', 'was wäre', 'was passiert wenn', 'was passiert', 'what if', 'what happens if', 'what would happen', 'what would we get if'),
    ...strict(4, 'wie sicher', 'how safe', 'how secure', 'how stable', 'weniger personen', 'mehr personen', 'weniger leute', 'fewer persons', 'fewer people', 'more persons', 'more people'),
    ...w(3, 'gekürzt', 'Kürzung', 'kürzen', 'kürzt', 'sinken', 'sinkt', 'steigen', 'steigt', 'reduced', 'fluctuate'),
    // Strict: "schwanger" is within typo reach of "schwanken".
    ...strict(3, 'cut', 'cuts', 'drop', 'drops', 'schwanken', 'schwankt', 'Schwankung', 'Schwankungen'),
    ...strict(2, 'weniger', 'mehr', 'fewer', 'less'),
    // English verbs of falling are everyday words ("What if the temperature falls?"): only with the money or
    // the count they change (at most two words between, endings allowed: "funding falls", "funds are lower").
    ...w(3, ...['funds', 'funding', 'money', 'count'].flatMap((noun) => ['fall', 'fell', 'decrease', 'lower', 'go down', 'goes down', 'went down', 'shrink'].map((verb) => `${noun} ${verb}`))),
    // Not "falls": in English it is the verb of "What if my phone falls down?"; "wenn" says the same in German.
    ...strict(1, 'wenn', 'if'),
  ],
  // Persons, amount and VZÄ per Berechnungsjahr: outweighs the topic noun of funding in
  // "Wie hat sich unsere Förderung entwickelt?".
  history: [
    ...w(4, 'entwickelt', 'Entwicklung', 'Verlauf', 'Vorjahr', 'Vorjahren', 'Jahresvergleich', 'history', 'developed', 'development'),
    ...strict(4, 'über die jahre', 'ueber die jahre', 'letzten jahren', 'letzten jahre', 'letztes jahr', 'im vergleich', 'over the years', 'last year', 'previous year', 'previous years', 'past years', 'year over year', 'compared to'),
    ...w(3, 'Vergleich', 'trend', 'changed'),
    ...strict(2, 'bisher', 'so far'),
  ],
};

/**
 * Texts of the financing risk in numbers (src/domain/scenarios.ts): the scenarios on the decision card and
 * in the answers, the year-over-year history, and the Koordinierungsstelle's what-if. German and English.
 */
import type { ScenarioFigures } from '../app/riskService';
import { formatEuro, formatNumber, formatSignedPercent } from '../domain/money';
import { defineMessages, type Locale, type MessageParams } from './catalogue';

/** "1 Person" / "6 Personen" (counts arrive formatted: "1.234"); a change "+1" / "−1" is singular too, "±0" and "+2" plural. */
const one = (v: MessageParams[string]) => /^[+\u2212-]?1$/.test(String(v));
const personsDe = (v: MessageParams[string]) => (one(v) ? `${v} Person` : `${v} Personen`);
const personsEn = (v: MessageParams[string]) => (one(v) ? `${v} person` : `${v} persons`);

export const riskMessages = defineMessages({
  // The scenarios (decision card and answers). Amounts and percentages arrive formatted.
  'risk.title': { de: () => 'Finanzierungsrisiko: Ihr Anteil, wenn sich etwas ändert', en: () => 'Financing risk: your share if things change' },
  'risk.col.case': { de: () => 'Fall', en: () => 'Case' },
  'risk.col.amount': { de: () => 'Betrag', en: () => 'Amount' },
  'risk.col.difference': { de: () => 'Differenz', en: () => 'Change' },
  'risk.col.vzae': { de: () => 'VZÄ', en: () => 'FTE' },
  'risk.case.today': { de: () => 'Heute', en: () => 'Today' },
  'risk.case.stateTotal': { de: (p) => `Landesmittel ${p.percent}`, en: (p) => `State funds ${p.percent}` },
  // The count comes first: the answers put ": amount" after the label.
  'risk.case.count': {
    de: (p) => `${personsDe(p.persons)} (Änderung wie ${p.previous}→${p.year}: ${p.percent})`,
    en: (p) => `${personsEn(p.persons)} (change as ${p.previous}→${p.year}: ${p.percent})`,
  },
  'risk.noPreviousYear': {
    de: () => 'Ein Vorjahr mit Ihrer Personenzahl gibt es in den Daten nicht: Wie sich eine Änderung der Zahl auswirkt, zeigt die Tabelle erst ab dem zweiten Jahr.',
    en: () => 'There is no earlier year with your count in the data: the effect of a changing count can be shown from the second year on.',
  },
  'risk.earlier': { de: (p) => `Ihre Vorjahre: ${p.years}`, en: (p) => `Your earlier years: ${p.years}` },
  'risk.earlierYear': {
    de: (p) => `${p.year}: ${personsDe(p.persons)}, ${p.amount} ≈ ${p.vzae}\u00a0VZÄ`,
    en: (p) => `${p.year}: ${personsEn(p.persons)}, ${p.amount} ≈ ${p.vzae}\u00a0FTE`,
  },
  'risk.hint': {
    de: () => 'Der Kreisbetrag ändert sich mit den Landesmitteln, Ihr Anteil an den Personen bleibt; bei der Personenzahl ändert sich nur Ihre, die der anderen Gemeinden bleibt. Gerechnet wird genau wie die Verteilung.',
    en: () => "The district amount changes with the state funds, your share of the persons stays; for the count only yours changes, the other municipalities' stay. Computed exactly like the allocation.",
  },
  'risk.verdict.safe': {
    de: (p) => `Ihr Anteil allein finanziert in jedem dieser Fälle eine Stelle von 0,5\u00a0VZÄ (${p.cost}).`,
    en: (p) => `Your share alone pays for a 0.5\u00a0FTE position (${p.cost}) in each of these cases.`,
  },
  'risk.verdict.atRisk': {
    de: (p) =>
      `Heute finanziert Ihr Anteil eine Stelle von 0,5\u00a0VZÄ (${p.cost}), ${p.cases} nicht mehr: Dann fehlen bis zu ${p.missing} Eigenmittel. In eigener Verantwortung trägt dieses Risiko die Gemeinde.`,
    en: (p) => `Today your share pays for a 0.5\u00a0FTE position (${p.cost}), ${p.cases} it would not: up to ${p.missing} of own funds would be missing. Doing it yourselves, the municipality carries this risk.`,
  },
  'risk.verdict.never': {
    de: (p) =>
      `Ihr Anteil finanziert schon heute keine Stelle von 0,5\u00a0VZÄ (${p.cost}); im ungünstigsten dieser Fälle fehlen ${p.missing} Eigenmittel. In eigener Verantwortung heißt das: Verbund oder Eigenmittel – und die Schwankungen trägt die Gemeinde.`,
    en: (p) =>
      `Your share does not pay for a 0.5\u00a0FTE position (${p.cost}) even today; in the worst of these cases ${p.missing} of own funds would be missing. Doing it yourselves means a joint position or own funds – and the municipality carries the fluctuations.`,
  },
  // "bei Landesmitteln −20 % oder −10 % oder bei einer wie im Vorjahr veränderten Personenzahl": the percents arrive joined by risk.or.
  'risk.when.stateTotal': { de: (p) => `bei Landesmitteln ${p.percent}`, en: (p) => `with state funds ${p.percent}` },
  'risk.when.count': { de: () => 'bei einer wie im Vorjahr veränderten Personenzahl', en: () => 'with the count changing as in the year before' },
  'risk.or': { de: () => ' oder ', en: () => ' or ' },
  'whatIf.title': {
    de: (p) => `Was-wäre-wenn ${p.year}: Verteilung bei einem Kreisbetrag von ${p.amount} (gespeichert: ${p.stored})`,
    en: (p) => `What-if ${p.year}: allocation for a district amount of ${p.amount} (stored: ${p.stored})`,
  },
  // The answers (src/app/questions/riskAnswers.ts): plain text, one line each.
  'q.risk.head': {
    de: (p) => `Finanzierungsrisiko für ${p.name}, Berechnungsjahr ${p.year}: heute ${p.amount} ≈ ${p.vzae} VZÄ für ${personsDe(p.persons)}. Wenn sich etwas ändert:`,
    en: (p) => `Financing risk for ${p.name}, year ${p.year}: today ${p.amount} ≈ ${p.vzae} FTE for ${personsEn(p.persons)}. If things change:`,
  },
  'q.risk.line': {
    de: (p) => `- ${p.label}: ${p.amount} (${p.difference}) ≈ ${p.vzae} VZÄ`,
    en: (p) => `- ${p.label}: ${p.amount} (${p.difference}) ≈ ${p.vzae} FTE`,
  },
  'q.risk.provisional': {
    de: () => 'Die Zahlen sind vorläufig; die Szenarien ändern sich mit ihnen.',
    en: () => 'The figures are provisional; the scenarios change with them.',
  },
  'q.risk.personalOnly': {
    de: () => 'Hier lesen andere Gemeinden mit: Szenarien und die Entwicklung der Förderung einer Gemeinde nenne ich nur im persönlichen Chat. Fragen Sie mich dort.',
    en: () => "Other municipalities read along here: a municipality's scenarios and funding history I only tell you in our personal chat. Ask me there.",
  },
  'q.risk.nameAGemeinde': {
    de: () =>
      'Für die Szenarien einer Gemeinde nennen Sie sie, zum Beispiel „Was wäre, wenn die Landesmittel für Eppingen sinken?“. Die Verteilung aller Gemeinden für einen anderen Kreisbetrag zeigt „berechnen 1.400.000 €“.',
    en: () => 'For the scenarios of one municipality, please name it, for example "What if the state cuts the funding of Eppingen?". The allocation of all municipalities for another district amount: "calculate 1,400,000".',
  },
  'q.history.head': { de: (p) => `Entwicklung der Förderung für ${p.name}:`, en: (p) => `Funding over the years for ${p.name}:` },
  'q.history.year': {
    de: (p) => `- ${p.year}: ${personsDe(p.persons)}, ${p.amount} ≈ ${p.vzae} VZÄ${p.provisional ? ' (vorläufig)' : ''}`,
    en: (p) => `- ${p.year}: ${personsEn(p.persons)}, ${p.amount} ≈ ${p.vzae} FTE${p.provisional ? ' (provisional)' : ''}`,
  },
  'q.history.change': {
    de: (p) => `; gegenüber dem Vorjahr ${personsDe(p.persons)}, ${p.amount}`,
    en: (p) => `; against the year before ${personsEn(p.persons)}, ${p.amount}`,
  },
  'q.history.onlyOne': {
    de: (p) => `Bisher gibt es nur das Berechnungsjahr ${p.year} in den Daten; die Entwicklung zeigt sich ab dem zweiten Jahr.`,
    en: (p) => `So far only the year ${p.year} is in the data; the development shows from the second year on.`,
  },
  'q.history.none': { de: (p) => `Für ${p.name} gibt es noch keine Zahlen.`, en: (p) => `There are no figures for ${p.name} yet.` },
  'q.history.noneAll': { de: () => 'Es gibt noch keine Zahlen.', en: () => 'There are no figures yet.' },
  'q.history.headAll': {
    de: (p) => `Entwicklung der Förderung aller Gemeinden (Berechnungsjahre ${p.years}; Personen, Betrag, VZÄ):`,
    en: (p) => `Funding of every municipality over the years (${p.years}; persons, amount, FTE):`,
  },
  'q.history.gemeindeLine': { de: (p) => `- ${p.name}: ${p.years}`, en: (p) => `- ${p.name}: ${p.years}` },
  'q.history.compact': { de: (p) => `${p.year} ${p.persons} P., ${p.amount}, ${p.vzae} VZÄ`, en: (p) => `${p.year} ${p.persons} p., ${p.amount}, ${p.vzae} FTE` },
  'history.card.title': { de: (p) => `Entwicklung je Gemeinde bis ${p.year}`, en: (p) => `Each municipality over the years, up to ${p.year}` },
  'history.card.subtitle': {
    de: () => 'Je Berechnungsjahr: Betrag (Personen, VZÄ) – wie in der jeweiligen Übersicht (veröffentlicht, sonst der aktuelle Stand). Nur für die Koordinierungsstelle.',
    en: () => 'Per year: amount (persons, FTE) – as in that year\'s overview (published, otherwise as it stands). For the coordinating office only.',
  },
  'history.card.cell': { de: (p) => `${p.amount} (${p.persons}; ${p.vzae})`, en: (p) => `${p.amount} (${p.persons}; ${p.vzae})` },
  'history.card.none': { de: () => '–', en: () => '–' },
  'history.card.button': { de: () => 'Entwicklung je Gemeinde', en: () => 'Each municipality over the years' },
  'whatIf.card.title': { de: (p) => `Was wäre, wenn: Kreisbetrag ${p.amount} (${p.year})`, en: (p) => `What if: district amount ${p.amount} (${p.year})` },
  'whatIf.card.parameters': {
    de: (p) => `Gespeichert ist ein Kreisbetrag von ${p.stored}. Zu verteilen wären ${p.distributable} auf ${personsDe(p.persons)}, ${p.eurPerVzae} je VZÄ. „Differenz“: gegenüber der gespeicherten Verteilung.`,
    en: (p) => `The stored district amount is ${p.stored}. ${p.distributable} would be distributed among ${personsEn(p.persons)}, ${p.eurPerVzae} per FTE. "Change": against the stored allocation.`,
  },
  'whatIf.card.back': { de: () => 'Gespeicherte Verteilung', en: () => 'Stored allocation' },
  'whatIf.notStored': {
    de: () => 'Nur zur Ansicht – nicht gespeichert. Die gespeicherte Verteilung und die veröffentlichten Zahlen bleiben unverändert.',
    en: () => 'For viewing only – not stored. The stored allocation and the published figures stay unchanged.',
  },
  'whatIf.provisional': {
    de: () => 'Die Personenzahlen sind vorläufig: noch nicht alle Listen sind eingereicht.',
    en: () => 'The counts are provisional: not every list has been submitted yet.',
  },
  'whatIf.badAmount': {
    de: (p) => `„${p.value}“ ist kein Betrag. Beispiele: „berechnen 1.400.000 €“, „berechnen 1400000“, „berechnen 1,4 Mio“.`,
    en: (p) => `"${p.value}" is not an amount. Examples: "calculate 1,400,000", "calculate 1400000", "calculate 1.4 million".`,
  },
  'whatIf.looksLikeYear': {
    de: (p) => `„${p.value}“ sieht nach einem Jahr aus. „berechnen“ zeigt die Verteilung des laufenden Berechnungsjahres; mit einem Betrag („berechnen 1.400.000 €“) die Verteilung für diesen Kreisbetrag.`,
    en: (p) => `"${p.value}" looks like a year. "calculate" shows the current year's allocation; with an amount ("calculate 1,400,000") the allocation for that district amount.`,
  },
  'whatIf.notPositive': {
    de: (p) => `Der Kreisbetrag „${p.value}“ muss größer als 0\u00a0€ sein.`,
    en: (p) => `The district amount "${p.value}" must be greater than €0.`,
  },
  'whatIf.tooLarge': {
    de: (p) => `Der Kreisbetrag „${p.value}“ ist unplausibel hoch (höchstens 1.000.000.000\u00a0€). Bitte prüfen Sie die Eingabe.`,
    en: (p) => `The district amount "${p.value}" is implausibly high (at most €1,000,000,000). Please check what you typed.`,
  },
});

type RiskCode = keyof typeof riskMessages;
const say = (code: RiskCode, locale: Locale, params: MessageParams = {}) => riskMessages[code][locale](params);

/** The row label of a scenario: "Landesmittel −20 %", "14 Personen (Änderung wie 2024→2025: −15 %)". */
export function scenarioLabel(figures: ScenarioFigures, kind: 'stateTotal' | 'count', index: number, locale: Locale): string {
  if (kind === 'stateTotal') return say('risk.case.stateTotal', locale, { percent: formatSignedPercent(figures.stateTotal[index].percent, locale) });
  const c = figures.count!;
  return say('risk.case.count', locale, { previous: c.previousYear, year: figures.year, percent: formatSignedPercent(c.percent, locale), persons: formatNumber(c.persons, 0, locale) });
}

/** What the scenarios mean for the 0.5-VZÄ position of "eigenverantwortlich", in one or two sentences. */
export function verdictSentence(figures: ScenarioFigures, locale: Locale): string {
  const v = figures.verdict;
  const cost = formatEuro(v.minimumCost, locale);
  const missing = formatEuro(v.worstMissing, locale);
  if (!v.financedToday) return say('risk.verdict.never', locale, { cost, missing });
  if (v.failing.length === 0) return say('risk.verdict.safe', locale, { cost });
  // Failing cases are alternatives: the state percents share one "bei Landesmitteln", the count follows.
  const or = say('risk.or', locale);
  const percents = v.failing.flatMap((kind, i) => (kind === 'stateTotal' ? [formatSignedPercent(v.failingPercents[i], locale)] : []));
  const cases = [
    ...(percents.length ? [say('risk.when.stateTotal', locale, { percent: percents.join(or) })] : []),
    ...(v.failing.includes('count') ? [say('risk.when.count', locale)] : []),
  ];
  return say('risk.verdict.atRisk', locale, { cost, missing, cases: cases.join(or) });
}

/**
 * Texts of the financing risk in numbers (src/domain/scenarios.ts): the scenarios on the decision card and
 * in the answers, the year-over-year history, and the Koordinierungsstelle's what-if. German and English.
 */
import { defineMessages } from './catalogue';

export const riskMessages = defineMessages({
  'whatIf.title': {
    de: (p) => `Was-wäre-wenn ${p.year}: Verteilung bei einem Kreisbetrag von ${p.amount} (gespeichert: ${p.stored})`,
    en: (p) => `What-if ${p.year}: allocation for a district amount of ${p.amount} (stored: ${p.stored})`,
  },
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
  'whatIf.notPositive': {
    de: (p) => `Der Kreisbetrag „${p.value}“ muss größer als 0\u00a0€ sein.`,
    en: (p) => `The district amount "${p.value}" must be greater than €0.`,
  },
  'whatIf.tooLarge': {
    de: (p) => `Der Kreisbetrag „${p.value}“ ist unplausibel hoch (höchstens 1.000.000.000\u00a0€). Bitte prüfen Sie die Eingabe.`,
    en: (p) => `The district amount "${p.value}" is implausibly high (at most €1,000,000,000). Please check what you typed.`,
  },
});

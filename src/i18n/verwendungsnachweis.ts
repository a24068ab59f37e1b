/** Messages of the Verwendungsnachweis round (src/domain/verwendungsnachweis.ts), German and English. */
import { formatDateFor } from '../domain/dates';
import { formatEuro } from '../domain/money';
import { MONTH_NAMES } from '../domain/verwendungsnachweis';
import { defineMessages } from './catalogue';

const euro = (v: unknown, locale: 'de' | 'en' = 'de') => formatEuro(String(v ?? '0'), locale);

/** The state of a Nachweis as users read it. */
export const NACHWEIS_STATE_LABEL = {
  de: { offen: 'offen', in_bearbeitung: 'in Bearbeitung', eingereicht: 'eingereicht', zurueckgegeben: 'zurückgegeben (Rückfrage)', angenommen: 'angenommen' },
  en: { offen: 'open', in_bearbeitung: 'in progress', eingereicht: 'submitted', zurueckgegeben: 'returned with a question', angenommen: 'accepted' },
} as const;

/** The months in English; the German ones are the domain's (MONTH_NAMES). */
export const MONTH_NAMES_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The domain names its fields in the users' own words (German); in English they read so. Key figures keep the label the Koordinierungsstelle gave. */
const FIELD_EN: Record<string, string> = {
  Personalausgaben: 'Personnel expenditure',
  'sonstige Ausgaben': 'Other expenditure',
  Eigenmittel: 'Own funds (Eigenmittel)',
  Träger: 'Provider (Träger)',
  'an den Träger weitergeleitet': 'Passed on to the provider',
  Anteile: 'Shares',
  Kennzahlen: 'Key figures',
  Sachbericht: 'Report',
};

const monthEn = (name: string) => MONTH_NAMES_EN[MONTH_NAMES.indexOf(name)] ?? name;

/** "Personalausgaben" → "Personnel expenditure", "VZÄ März" → "FTE March", "Anteil Eppingen" → "Share Eppingen" (the service puts in the name). */
function fieldEn(p: { field?: unknown }): string {
  const field = String(p.field ?? '');
  const month = /^VZÄ (.+)$/.exec(field);
  if (month) return `FTE ${monthEn(month[1])}`;
  const share = /^Anteil (.+)$/.exec(field);
  if (share) return `Share ${share[1]}`;
  return FIELD_EN[field] ?? field;
}

/** "Januar, März" → "January, March". */
const monthsEn = (p: { months?: unknown }) => String(p.months ?? '').split(', ').map(monthEn).join(', ');

export const verwendungsnachweisMessages = defineMessages({
  // `command`: how to open it – the bot's command unless the command line gives its own (src/cli/hints.ts).
  'vn.notOpened': {
    de: (p) => `Für ${p.year} ist die Runde der Verwendungsnachweise noch nicht eröffnet; die Koordinierungsstelle eröffnet sie mit „${p.command ?? `verwendungsnachweis starten ${p.year} TT.MM.JJJJ`}“.`,
    en: (p) => `The Verwendungsnachweis round for ${p.year} has not been opened yet; the coordinating office opens it with "${p.command ?? `verwendungsnachweis start ${p.year} DD.MM.YYYY`}".`,
  },
  'vn.alreadyOpen': {
    de: (p) => `Die Runde der Verwendungsnachweise ${p.year} ist bereits eröffnet.`,
    en: (p) => `The Verwendungsnachweis round for ${p.year} is already open.`,
  },
  'vn.yearNotOver': {
    de: (p) => `Das Berechnungsjahr ${p.year} ist noch nicht vorbei; die Verwendungsnachweise können erst ab 01.01.${Number(p.year) + 1} angefordert werden.`,
    en: (p) => `The year ${p.year} is not over yet; the Verwendungsnachweise can be requested from 1 January ${Number(p.year) + 1}.`,
  },
  'vn.deadlinePast': {
    de: (p) => `Die Frist ${formatDateFor(String(p.date), 'de')} liegt nicht in der Zukunft.`,
    en: (p) => `The deadline ${formatDateFor(String(p.date), 'en')} is not in the future.`,
  },
  'vn.keyFigureCount': {
    de: () => 'Bitte geben Sie 1 bis 12 Kennzahlen für den Sachbericht an.',
    en: () => 'Please give 1 to 12 key figures for the report.',
  },
  'vn.notANumber': {
    de: (p) => `${p.field}: „${p.value}“ ist keine gültige Zahl.`,
    en: (p) => `${fieldEn(p)}: "${p.value}" is not a valid number.`,
  },
  'vn.notText': {
    de: (p) => `${p.field}: diese Angabe hat nicht die erwartete Form (Text bzw. Name=Zahl).`,
    en: (p) => `${fieldEn(p)}: this entry does not have the expected form (text, or name=number).`,
  },
  'vn.importNoKey': {
    de: () => 'Die Tabelle braucht eine Spalte „AGS“ (oder „Gemeinde“) und in jeder Zeile die Gemeinde.',
    en: () => 'The table needs an "AGS" (or "Gemeinde") column and the municipality in every row.',
  },
  'vn.importEmpty': {
    de: () => 'Die Tabelle enthält keine Zeilen mit Zahlen.',
    en: () => 'The table contains no rows with figures.',
  },
  'vn.importTwice': {
    de: (p) => `${p.ags} steht mehrfach in der Tabelle.`,
    en: (p) => `${p.ags} appears more than once in the table.`,
  },
  'vn.negative': {
    de: (p) => `${p.field} darf nicht negativ sein.`,
    en: (p) => `${fieldEn(p)} must not be negative.`,
  },
  'vn.cents': {
    de: (p) => `${p.field}: bitte höchstens zwei Nachkommastellen angeben.`,
    en: (p) => `${fieldEn(p)}: at most two decimal places, please.`,
  },
  'vn.tooLarge': {
    de: (p) => `${p.field}: mehr als ${euro(p.max)} ist sicher ein Tippfehler.`,
    en: (p) => `${fieldEn(p)}: more than ${euro(p.max, 'en')} is surely a typing error.`,
  },
  'vn.vzaeRange': {
    de: (p) => `${p.field}: die Stelle muss zwischen 0 und ${p.max}\u00a0VZÄ liegen (unbesetzt: 0).`,
    en: (p) => `${fieldEn(p)}: the position must be between 0 and ${p.max}\u00a0FTE (vacant: 0).`,
  },
  'vn.vzaePlaces': {
    de: (p) => `${p.field}: bitte höchstens vier Nachkommastellen angeben.`,
    en: (p) => `${fieldEn(p)}: at most four decimal places, please.`,
  },
  'vn.monthCount': {
    de: () => 'Bitte höchstens 12 Monatswerte angeben (Januar bis Dezember).',
    en: () => 'Please give at most 12 monthly values (January to December).',
  },
  'vn.landkreisNoEigenmittel': {
    de: () => 'Für die vom Landkreis betreuten Gemeinden gibt es keine Eigenmittel und keinen Träger.',
    en: () => 'Municipalities served by the district have no own funds and no provider.',
  },
  'vn.sharesOnlyVerbund': {
    de: () => 'Anteile der Partner gibt es nur im Nachweis eines Verbunds.',
    en: () => "Partners' shares exist only in a joint position's proof.",
  },
  'vn.shareNotMember': {
    de: (p) => `${p.ags} gehört nicht zu diesem Verbund.`,
    en: (p) => `${p.ags} is not a member of this joint position.`,
  },
  'vn.unknownFigure': {
    de: (p) => `„${p.name}“ ist keine Kennzahl des Sachberichts in diesem Jahr.`,
    en: (p) => `"${p.name}" is not one of this year's key figures.`,
  },
  'vn.figureRange': {
    de: (p) => `${p.field}: bitte eine Zahl zwischen 0 und ${p.max} angeben.`,
    en: (p) => `${fieldEn(p)}: please give a number between 0 and ${p.max}.`,
  },
  'vn.missing': {
    de: (p) => `${p.field}: noch nicht angegeben.`,
    en: (p) => `${fieldEn(p)}: not given yet.`,
  },
  'vn.monthsMissing': {
    de: (p) => `Besetzte Stelle (VZÄ) fehlt noch für: ${p.months} (unbesetzte Monate bitte mit 0 angeben).`,
    en: (p) => `Position occupied (FTE) still missing for: ${monthsEn(p)} (give vacant months as 0).`,
  },
  'vn.figuresMissing': {
    de: (p) => `Sachbericht: Kennzahlen fehlen noch: ${p.names}.`,
    en: (p) => `Report: key figures still missing: ${p.names}.`,
  },
  'vn.textMissing': {
    de: () => 'Sachbericht: Bitte beschreiben Sie die geleistete Arbeit in einem kurzen Text.',
    en: () => 'Report: please describe the work done in a short text.',
  },
  'vn.traegerNameMissing': {
    de: () => 'Es ist ein Betrag an einen Träger angegeben, aber kein Träger genannt.',
    en: () => 'An amount passed to a provider is given, but no provider is named.',
  },
  'vn.traegerAboveExpenditure': {
    de: (p) => `An den Träger weitergeleitet (${euro(p.amount)}) ist mehr als die Ausgaben insgesamt (${euro(p.expenditure)}).`,
    en: (p) => `Passed to the provider (${euro(p.amount, 'en')}) is more than the total expenditure (${euro(p.expenditure, 'en')}).`,
  },
  'vn.sharesMissing': {
    de: (p) => `Verbund: Anteil an den Ausgaben fehlt noch für ${p.members}.`,
    en: (p) => `Joint position: share of the expenditure still missing for ${p.members}.`,
  },
  'vn.sharesSum': {
    de: (p) => `Verbund: Die Anteile der Partner ergeben ${euro(p.sum)}, die Ausgaben betragen ${euro(p.expenditure)}; beides muss übereinstimmen.`,
    en: (p) => `Joint position: the partners' shares add up to ${euro(p.sum, 'en')}, the expenditure is ${euro(p.expenditure, 'en')}; they must match.`,
  },
  'vn.monthsBelowMinimum': {
    de: (p) => `In ${p.count} ${Number(p.count) === 1 ? 'Monat' : 'Monaten'} lag die Stelle unter der Mindeststelle von 0,5\u00a0VZÄ: ${p.months}.`,
    en: (p) => `In ${p.count} ${Number(p.count) === 1 ? 'month' : 'months'} the position was below the minimum of 0.5\u00a0FTE: ${monthsEn(p)}.`,
  },
  'vn.expenditureBelowAllocation': {
    de: (p) => `Die Ausgaben (${euro(p.expenditure)}) liegen unter der Zuwendung (${euro(p.allocation)}): voraussichtlich werden ${euro(p.reclaim)} zurückgefordert.`,
    en: (p) => `The expenditure (${euro(p.expenditure, 'en')}) is below the allocation (${euro(p.allocation, 'en')}): ${euro(p.reclaim, 'en')} will likely be reclaimed.`,
  },
  'vn.noNachweis': {
    de: (p) => `Für ${p.ags} ist in dieser Runde kein Verwendungsnachweis vorgesehen.`,
    en: (p) => `No Verwendungsnachweis is due from ${p.ags} in this round.`,
  },
  'vn.leadOnly': {
    de: (p) => `Den Verwendungsnachweis des Verbunds reicht die federführende Gemeinde ${p.lead} ein; Sie können ihn ansehen.`,
    en: (p) => `The joint position's proof is filed by the lead municipality, ${p.lead}; you can view it.`,
  },
  'vn.locked': {
    de: (p) => `Der Verwendungsnachweis ist ${p.state === 'angenommen' ? 'angenommen' : 'eingereicht'} und kann nicht mehr geändert werden; bei Bedarf gibt die Koordinierungsstelle ihn mit einer Rückfrage zurück.`,
    en: (p) => `The proof is ${p.state === 'angenommen' ? 'accepted' : 'submitted'} and can no longer be changed; the coordinating office can return it with a question.`,
  },
  // Only the Koordinierungsstelle gets this (staff may not edit the Landkreis' figures). `command` as for vn.notOpened.
  'vn.useLandkreis': {
    de: (p) => `${p.ags} wird vom Landkreis betreut: Die Zahlen des Landkreises trägt die Koordinierungsstelle ein („${p.command ?? `verwendungsnachweis ${p.ags}`}“).`,
    en: (p) => `${p.ags} is served by the district: the coordinating office enters the district's figures ("${p.command ?? `verwendungsnachweis ${p.ags}`}").`,
  },
  'vn.notLandkreis': {
    de: (p) => `${p.ags} macht das Integrationsmanagement in eigener Verantwortung und reicht den Nachweis selbst ein.`,
    en: (p) => `${p.ags} does the work itself and files its own proof.`,
  },
  'vn.questionRequired': {
    de: () => 'Bitte geben Sie die Rückfrage an die Gemeinde an (mindestens 3 Zeichen).',
    en: () => 'Please give the question for the municipality (at least 3 characters).',
  },
  'vn.notSubmitted': {
    de: (p) => `Der Verwendungsnachweis von ${p.ags} ist nicht eingereicht.`,
    en: (p) => `The proof of ${p.ags} has not been submitted.`,
  },

  // --- Rule fixes after the review of issue 15 (h-fixrules): new codes only, kept together. ---
  'vn.keyFigureTwice': {
    de: (p) => `Die Kennzahl „${p.name}“ ist doppelt angegeben; bitte nennen Sie jede Kennzahl nur einmal.`,
    en: (p) => `The key figure "${p.name}" is given twice; please name each key figure once.`,
  },
  'vn.landkreisNoQuestion': {
    de: (p) => `${p.ags} wird vom Landkreis betreut: Die Zahlen trägt die Koordinierungsstelle selbst ein und korrigiert sie bei Bedarf; eine Rückfrage an die Gemeinde ist dafür nicht vorgesehen.`,
    en: (p) => `${p.ags} is served by the district: the coordinating office enters and corrects these figures itself; they cannot be returned to the municipality with a question.`,
  },
  'vn.landkreisAcceptedWhenComplete': {
    de: (p) => `Die Zahlen des Landkreises für ${p.ags} gelten als angenommen, sobald sie vollständig eingetragen sind; bitte tragen Sie zuerst die fehlenden Angaben ein.`,
    en: (p) => `The district's figures for ${p.ags} count as accepted as soon as they are complete; please enter what is still missing first.`,
  },
  'vn.questionAnswered': {
    // Dates as the caller formats them for the reader (TT.MM.JJJJ in German).
    de: (p) => `Rückfrage der Koordinierungsstelle vom ${p.date}, beantwortet mit erneuter Einreichung am ${p.answered}:`,
    en: (p) => `Question from the coordinating office of ${p.date}, answered by submitting again on ${p.answered}:`,
  },
  'vn.notPublished': {
    de: (p) =>
      `Die Übersicht ${p.year} ist noch nicht veröffentlicht: Die Zuwendungen im Verwendungsnachweis werden aus der veröffentlichten Übersicht übernommen. ` +
      `Bitte veröffentlichen Sie sie zuerst (im Bot „veröffentlichen“, auf der Kommandozeile „intm publish --year ${p.year}“).`,
    en: (p) =>
      `The overview ${p.year} has not been published yet: the allocations in the proofs are taken from the published overview. ` +
      `Please publish it first (in the bot "publish", on the command line "intm publish --year ${p.year}").`,
  },
  'vn.ambiguousAmount': {
    de: (p) => `${p.field}: „${p.value}“ ist mehrdeutig (Tausender oder Nachkommastellen?). Bitte schreiben Sie z. B. „1.234“ oder „1234“ für Tausend, „1,23“ für Dezimalstellen.`,
    en: (p) => `${fieldEn(p)}: "${p.value}" is ambiguous (thousands or decimals?). Please write e.g. "1234" for a thousand or "1.23" for decimals.`,
  },
  'vn.importUnchanged': {
    de: () => 'Die Tabelle enthält dieselben Zahlen wie gespeichert: keine Änderung.',
    en: () => 'The table holds the same figures as stored: nothing changed.',
  },
  'vn.importIncomplete': {
    de: (p) => `Noch unvollständig (bleiben in Bearbeitung, bis die fehlenden Angaben eingetragen sind): ${p.names}.`,
    en: (p) => `Still incomplete (stay in progress until the missing entries are made): ${p.names}.`,
  },
  'vn.eigenmittelWithReclaim': {
    de: (p) => `Eigenmittel von ${euro(p.eigenmittel)} sind angegeben, obwohl die Ausgaben unter der Zuwendung liegen. Eigenmittel werden erst nach der Zuwendung verbraucht – bitte prüfen Sie die Angabe.`,
    en: (p) => `Own funds of ${euro(p.eigenmittel, 'en')} are stated although the expenditure is below the allocation. Own funds are spent only after the allocation – please check this entry.`,
  },
  'vn.expenditureNotCovered': {
    de: (p) => `Die Ausgaben (${euro(p.expenditure)}) übersteigen Zuwendung und Eigenmittel (${euro(p.covered)}) um ${euro(p.gap)}. Bitte geben Sie die Eigenmittel vollständig an.`,
    en: (p) => `The expenditure (${euro(p.expenditure, 'en')}) exceeds the allocation and own funds (${euro(p.covered, 'en')}) by ${euro(p.gap, 'en')}. Please state the own funds in full.`,
  },
});

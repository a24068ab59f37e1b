/**
 * The import report's issues by kind, as one line with a count: "108 Zeilen außerhalb des Zeitraums
 * 01.01.2020–31.12.2022 (nicht übernommen)" instead of 108 near-identical lines. Each kind reads after
 * "N Zeilen"; a kind without its own words falls back to "N Zeilen: <first message>".
 */
import type { Locale, MessageParams } from './catalogue';
import type { MessageCode } from './messages';

type Phrase = (p: MessageParams) => string;

const DE: Partial<Record<MessageCode, Phrase>> = {
  'import.outsidePeriod': (p) => `außerhalb des Betrachtungszeitraums ${p.start}–${p.end} (nicht übernommen)`,
  'import.cellTooLong': () => 'mit einem zu langen Eintrag',
  'import.gemeindeMissing': () => 'ohne Gemeindeschlüssel und Gemeinde',
  'import.agsInvalid': () => 'mit einem ungültigen Gemeindeschlüssel',
  'import.agsUnknown': () => 'mit einem Gemeindeschlüssel außerhalb des Landkreises',
  'import.stadtkreisHeilbronn': () => 'aus dem Stadtkreis Heilbronn',
  'import.gemeindeUnknown': () => 'mit einer Gemeinde außerhalb des Landkreises',
  'import.gemeindeMismatch': () => 'mit Gemeindeschlüssel und Gemeinde, die nicht zusammenpassen',
  'import.idMissing': () => 'ohne Personen-ID',
  'import.idDuplicate': () => 'mit einer Personen-ID, die schon in einer früheren Zeile steht',
  'import.nameMissing': () => 'ohne Nachnamen oder Vornamen',
  'import.dateMissing': () => 'ohne Geburts- oder Zuweisungsdatum',
  'import.dateUnreadable': () => 'mit einem Datum, das nicht lesbar ist',
  'import.dateImpossible': () => 'mit einem Datum, das es nicht gibt',
  'import.dateImplausible': () => 'mit einem unplausiblen Datum',
  'import.birthInFuture': () => 'mit einem Geburtsdatum in der Zukunft',
  'import.birthAfterAssignment': () => 'mit einem Geburtsdatum nach dem Zuweisungsdatum',
  'import.zugangsartMissing': () => 'ohne Zugangsart',
  'import.zugangsartUnknown': () => 'mit einer unbekannten Zugangsart',
};

const EN: Partial<Record<MessageCode, Phrase>> = {
  'import.outsidePeriod': (p) => `outside the reference period ${p.start}–${p.end} (not taken over)`,
  'import.cellTooLong': () => 'with a value that is too long',
  'import.gemeindeMissing': () => 'without municipality key or name',
  'import.agsInvalid': () => 'with an invalid municipality key',
  'import.agsUnknown': () => 'with a municipality key outside the district',
  'import.stadtkreisHeilbronn': () => 'from the city of Heilbronn (Stadtkreis)',
  'import.gemeindeUnknown': () => 'with a municipality outside the district',
  'import.gemeindeMismatch': () => 'whose municipality key and name do not match',
  'import.idMissing': () => 'without a person ID',
  'import.idDuplicate': () => 'with a person ID that already appears in an earlier row',
  'import.nameMissing': () => 'without surname or given name',
  'import.dateMissing': () => 'without date of birth or assignment date',
  'import.dateUnreadable': () => 'with a date that cannot be read',
  'import.dateImpossible': () => 'with a date that does not exist',
  'import.dateImplausible': () => 'with an implausible date',
  'import.birthInFuture': () => 'with a date of birth in the future',
  'import.birthAfterAssignment': () => 'with a date of birth after the assignment date',
  'import.zugangsartMissing': () => 'without kind of arrival (Zugangsart)',
  'import.zugangsartUnknown': () => 'with an unknown kind of arrival (Zugangsart)',
};

const PHRASES: Record<Locale, Partial<Record<MessageCode, Phrase>>> = { de: DE, en: EN };

/** "108 Zeilen außerhalb …" / "1 Zeile ohne Personen-ID"; undefined for a kind without its own words. */
export function issueGroupText(code: MessageCode, count: string, n: number, params: MessageParams, locale: Locale): string | undefined {
  const phrase = PHRASES[locale][code];
  if (!phrase) return undefined;
  const rows = locale === 'de' ? (n === 1 ? 'Zeile' : 'Zeilen') : n === 1 ? 'row' : 'rows';
  return `${count}\u00a0${rows} ${phrase(params)}`;
}

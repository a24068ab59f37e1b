/**
 * Calendar dates without time of day or time zone, as the procedure uses them
 * (Stichtag, Zuweisungsdatum, Geburtsdatum, deadlines). Stored as ISO strings
 * `YYYY-MM-DD`, which sort and compare correctly as plain strings.
 */
export type IsoDate = string & { readonly __brand?: 'IsoDate' };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const GERMAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Accepts `TT.MM.JJJJ` (also `T.M.JJJJ`) and ISO `JJJJ-MM-TT`; returns undefined for anything else or an impossible date. */
export function parseDate(text: string): IsoDate | undefined {
  const trimmed = text.trim();
  let y: number, m: number, d: number;
  const iso = ISO.exec(trimmed);
  const german = GERMAN.exec(trimmed);
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (german) {
    [d, m, y] = [Number(german[1]), Number(german[2]), Number(german[3])];
  } else {
    return undefined;
  }
  if (y < 1900 || y > 2999 || !isValidDay(y, m, d)) return undefined;
  return isoDate(y, m, d);
}

const DAY_MS = 86_400_000;

/**
 * The UTC calendar day (days since 01.01.1970) of an instant. A time of day is dropped – a cell
 * "15.03.2021 14:30" is the 15th – except in the last minute before midnight, which counts as the
 * next day: some tools store a date as 23:59:59.999, and floating-point serials land just below.
 */
export function utcDayNumber(ms: number): number {
  const day = Math.floor(ms / DAY_MS);
  return ms - day * DAY_MS >= DAY_MS - 60_000 ? day + 1 : day;
}

/**
 * Excel stores dates as days since 30.12.1899 (its 1900 leap-year bug is
 * absorbed by that epoch for every date after 28.02.1900); a fraction is the time of day.
 */
export function fromExcelSerial(serial: number): IsoDate | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 401768 /* 31.12.2999 */) return undefined;
  return fromUtcDate(new Date(Date.UTC(1899, 11, 30) + serial * DAY_MS));
}

/** A JS Date read from a spreadsheet cell: its UTC calendar day (exceljs gives dates at UTC midnight). */
export function fromUtcDate(date: Date): IsoDate | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  const day = new Date(utcDayNumber(date.getTime()) * DAY_MS);
  const y = day.getUTCFullYear();
  if (y < 1900 || y > 2999) return undefined;
  return isoDate(y, day.getUTCMonth() + 1, day.getUTCDate());
}

const berlinDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Recent answers of berlinDate, by the minute of the instant: a card formats the same few timestamps
 * (and "today") on every click, and a day in Berlin begins and ends on a full minute.
 */
const berlinDays = new Map<number, IsoDate>();

/** The calendar day of an instant in the Landkreis (Europe/Berlin), e.g. for "eingereicht am …". */
export function berlinDate(at: Date | string): IsoDate {
  const instant = typeof at === 'string' ? new Date(at) : at;
  const minute = Math.floor(instant.getTime() / 60_000);
  let day = berlinDays.get(minute);
  if (day === undefined) {
    day = berlinDay.format(instant);
    if (berlinDays.size >= 1_000) berlinDays.clear();
    berlinDays.set(minute, day);
  }
  return day;
}

/** `TT.MM.JJJJ`, the format every German user expects. */
export function formatDate(date: IsoDate): string {
  const m = ISO.exec(date);
  if (!m) return date;
  return `${m[3]}.${m[2]}.${m[1]}`;
}

const ENGLISH_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * A calendar day as the user's language writes it: 15.01.2024 / 15 January 2024 (unambiguous on
 * either side of the Atlantic). Text that is not an ISO date is returned unchanged.
 */
export function formatDateFor(date: string, locale: 'de' | 'en'): string {
  if (locale === 'de' || !ISO.test(date)) return formatDate(date);
  return ENGLISH_DATE.format(new Date(`${date}T00:00:00Z`));
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = from.split('-').map(Number);
  const b = to.split('-').map(Number);
  return Math.round((Date.UTC(b[0], b[1] - 1, b[2]) - Date.UTC(a[0], a[1] - 1, a[2])) / 86_400_000);
}

export function isBetween(date: IsoDate, start: IsoDate, end: IsoDate): boolean {
  return date >= start && date <= end;
}

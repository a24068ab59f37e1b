/** Numbers, money and dates in answers: German style (1.508.000 €, 0,27, 15.01.2024) or English. */
import { berlinDate, formatDateFor, IsoDate } from '../../domain/dates';
import { Decimal, DecimalValue, formatEuro, formatNumber, formatVzae } from '../../domain/money';
import type { Locale } from '../../i18n/catalogue';

export interface Format {
  euro(amount: DecimalValue): string;
  count(n: number): string;
  /**
   * VZÄ to two places, rounded down like the allocation's VZÄ: a share of 0,4999 VZÄ must not read
   * "0,50 VZÄ" next to "es fehlen 7 €".
   */
  vzae(value: DecimalValue): string;
  date(date: IsoDate): string;
  /** The calendar day in the Landkreis of a stored timestamp ("eingereicht am …"). */
  day(timestamp: string): string;
}

export function formatFor(locale: Locale): Format {
  return {
    euro: (amount) => formatEuro(amount, locale),
    count: (n) => formatNumber(n, 0, locale),
    vzae: (value) => formatVzae(value, locale),
    date: (date) => formatDateFor(date, locale),
    day: (timestamp) => formatDateFor(berlinDate(timestamp), locale),
  };
}

/** The minimum position in words: "0,5" / "0.5" (not "0,50": it is a rule, not a computed share). */
export function formatMinimum(value: DecimalValue, locale: Locale): string {
  return formatNumber(value, new Decimal(value).decimalPlaces(), locale);
}

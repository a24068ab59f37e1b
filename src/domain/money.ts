/**
 * Money is exact: every amount is a decimal.js value, never a binary float.
 * This module owns the project's Decimal configuration and the German money format.
 */
import DecimalJs from 'decimal.js';

/** 40 significant digits: far beyond any product of euros, cents and person counts the procedure can reach. */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
export type Decimal = InstanceType<typeof Decimal>;
/** Anything Decimal accepts: a number, a decimal string or a Decimal. */
export type DecimalValue = DecimalJs.Value;

/**
 * Parses an amount as people type it: `1508000`, `1.508.000`, `1.508.000,50`, `1508000.50`, `1,508,000.50`,
 * with or without `€`/`EUR`. Returns undefined when the text is not an amount.
 *
 * German and English users share the bot, and both marks group thousands in one language and mark
 * decimals in the other. Amounts are euros and cents, so a single mark followed by exactly three
 * digits (`1.500`, `15,640`, `950,000`) groups thousands in either language – read as decimals it
 * would be a tenth of a cent. A leading zero (`0,500`) keeps it a decimal mark.
 */
export function parseAmount(text: string): Decimal | undefined {
  let s = text.replace(/\s|€|EUR/gi, '');
  if (!/^[+-]?[\d.,]+$/.test(s)) return undefined;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma > lastDot) {
    if (lastDot === -1 && /^[+-]?[1-9]\d{0,2}(,\d{3})+$/.test(s)) {
      // 15,640 / 40,000,000: English thousands grouping without decimals.
      return decimalOrUndefined(s.replace(/,/g, ''));
    }
    // German: dots group thousands, the comma is the decimal mark.
    if (!/^[+-]?\d{1,3}(\.\d{3})*(,\d+)?$/.test(s) && !/^[+-]?\d+(,\d+)?$/.test(s)) return undefined;
    s = s.replace(/\./g, '').replace(',', '.');
  } else if (lastDot > lastComma) {
    const dots = s.split('.').length - 1;
    if (lastComma === -1 && dots > 1) {
      // 1.508.000: German thousands grouping without decimals.
      if (!/^[+-]?\d{1,3}(\.\d{3})+$/.test(s)) return undefined;
      s = s.replace(/\./g, '');
    } else if (lastComma === -1 && /^[+-]?[1-9]\d{0,2}\.\d{3}$/.test(s)) {
      // "1.500": fifteen hundred (see above), in German as in English.
      s = s.replace('.', '');
    } else {
      if (!/^[+-]?\d{1,3}(,\d{3})*(\.\d+)?$/.test(s) && !/^[+-]?\d+(\.\d+)?$/.test(s)) return undefined;
      s = s.replace(/,/g, '');
    }
  } else if (!/^[+-]?\d+$/.test(s)) {
    return undefined;
  }
  return decimalOrUndefined(s);
}

function decimalOrUndefined(s: string): Decimal | undefined {
  try {
    return new Decimal(s);
  } catch {
    return undefined;
  }
}

function groupThousands(integerDigits: string, separator: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** A no-break space: keeps an amount and its unit on one line ("68.000 €" never breaks before the €). */
export const NBSP = '\u00a0';

/**
 * `1.508.000 €` for whole euros, `18.523,40 €` otherwise, with a no-break space before the € wherever
 * the amount is shown (cards, chat, command line, Excel texts); English: `€1,508,000` / `€18,523.40`.
 * Rounds half up to cents for display only; stored amounts keep their exact value.
 */
export function formatEuro(amount: DecimalValue, locale: 'de' | 'en' = 'de'): string {
  const d = new Decimal(amount);
  const cents = d.toDecimalPlaces(2);
  const whole = cents.isInteger();
  const fixed = cents.abs().toFixed(whole ? 0 : 2);
  const [intPart, frac] = fixed.split('.');
  const sign = cents.isNegative() && !cents.isZero() ? '-' : '';
  if (locale === 'en') {
    return `${sign}€${groupThousands(intPart, ',')}${frac ? '.' + frac : ''}`;
  }
  return `${sign}${groupThousands(intPart, '.')}${frac ? ',' + frac : ''}${NBSP}€`;
}

/** A plain decimal number in German notation, e.g. VZÄ `0,27` or a percentage `3,77`. */
export function formatNumber(value: DecimalValue, decimals: number, locale: 'de' | 'en' = 'de'): string {
  const fixed = new Decimal(value).toFixed(decimals);
  const negative = fixed.startsWith('-');
  const [intPart, frac] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = groupThousands(intPart, locale === 'de' ? '.' : ',');
  const mark = locale === 'de' ? ',' : '.';
  return `${negative ? '-' : ''}${grouped}${frac ? mark + frac : ''}`;
}

/**
 * Staff capacity for display: two places, rounded DOWN – a share of 0,4999 VZÄ must never read
 * "0,50 VZÄ" next to "es fehlen 7 €".
 */
export function formatVzae(value: DecimalValue, locale: 'de' | 'en' = 'de'): string {
  return formatNumber(new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_DOWN), 2, locale);
}

/** Amounts in JSON and on disk: a decimal string with exactly two places ("18523.00"). */
export function toAmountString(amount: DecimalValue): string {
  return new Decimal(amount).toFixed(2);
}

/** A change with its sign, as users read it: "+2.564 €", "−5.127 €" (typographic minus), "±0 €". */
export function formatSignedEuro(amount: DecimalValue, locale: 'de' | 'en' = 'de'): string {
  const d = new Decimal(amount);
  const text = formatEuro(d.abs(), locale);
  return d.isZero() ? `±${text}` : `${d.isNegative() ? '\u2212' : '+'}${text}`;
}

/** A percentage change with its sign: "−20 %", "+10 %", "−15,5 %" (English "−15.5%"). */
export function formatSignedPercent(percent: DecimalValue, locale: 'de' | 'en' = 'de'): string {
  const d = new Decimal(percent);
  const number = formatNumber(d.abs(), d.isInteger() ? 0 : 1, locale);
  const sign = d.isZero() ? '±' : d.isNegative() ? '\u2212' : '+';
  return locale === 'de' ? `${sign}${number}${NBSP}%` : `${sign}${number}%`;
}

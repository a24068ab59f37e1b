/**
 * Binds a JSON template to its data with adaptivecards-templating, and the small helpers every card
 * needs (notices, user text, dates).
 */
import { Template } from 'adaptivecards-templating';
import { berlinDate, formatDateFor } from '../domain/dates';
import { Decimal, formatEuro, formatNumber, formatVzae, NBSP } from '../domain/money';
import type { Locale } from '../i18n/catalogue';
import type { AdaptiveCard, Notice } from './index';

/** Templates are parsed once; expanding does not change a Template, so one instance serves every card. */
const parsed = new WeakMap<object, Template>();

/**
 * Expands `template` with `data` as `$root`. The templating library leaves `${field}` in the card
 * when a field is missing; that is a programming error here, so it throws instead of showing a
 * placeholder to the user. A `${` is allowed only where a data string (user text) contains it, which
 * is why user text always fills a whole property, never part of a sentence.
 */
export function renderCard(template: object, data: object): AdaptiveCard {
  let compiled = parsed.get(template);
  if (!compiled) {
    compiled = new Template(template);
    parsed.set(template, compiled);
  }
  const expanded = compiled.expand({ $root: data }) as AdaptiveCard;
  const card = finishCard(expanded, data) as AdaptiveCard;
  // An empty card-level action bar is valid JSON but an empty row in some clients.
  if (Array.isArray(card.actions) && card.actions.length === 0) return withoutActions(card);
  return card;
}

function withoutActions(card: AdaptiveCard): AdaptiveCard {
  const rest: Record<string, unknown> = {};
  for (const key in card) if (key !== 'actions') rest[key] = card[key];
  return rest as AdaptiveCard;
}

/**
 * A template cannot leave a property out depending on the data, so buttons and text runs are bound
 * with every property; values that only restate the schema's default are removed here. That is
 * about a tenth of a long list page (hundreds of rows and buttons), at no change in rendering.
 */
const DEFAULT_VALUES = new Map<string, unknown>([
  ['style', 'default'],
  ['associatedInputs', 'auto'],
  ['strikethrough', false],
  ['color', 'Default'],
  ['weight', 'Default'],
  ['isSubtle', false],
]);

/** The values any property of DEFAULT_VALUES restates (looked up for every value a row places). */
const DEFAULT_VALUE_SET: ReadonlySet<unknown> = new Set(DEFAULT_VALUES.values());

/** Whether finishCard may leave out a property with this value (it restates a schema default). */
export function isDefaultValue(value: unknown): boolean {
  return DEFAULT_VALUE_SET.has(value);
}

/**
 * One pass over the expanded card (a list page has thousands of nodes): copies it without default
 * values, and throws if a binding was left unexpanded. A copy, not deletions in place: an object that
 * lost a property is slow for V8 to read and to serialise, and the answer is serialised on every click.
 * The data is searched for strings that legitimately contain `${` only when the card has such a string.
 */
function finishCard(card: AdaptiveCard, data: object): unknown {
  let allowed: Set<string> | undefined;
  const check = (text: string) => {
    if (text.includes('${') && !(allowed ??= stringsWithPlaceholder(data)).has(text)) assertExpanded(card, allowed);
  };
  const copy = (node: unknown): unknown => {
    if (typeof node === 'string') {
      check(node);
      return node;
    }
    if (!node || typeof node !== 'object') return node;
    if (Array.isArray(node)) return node.map(copy);
    const obj = node as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key in obj) {
      const value = obj[key];
      if (value !== undefined && DEFAULT_VALUES.get(key) === value) continue;
      out[key] = copy(value);
    }
    return out;
  };
  return copy(card);
}

function stringsWithPlaceholder(data: unknown, found = new Set<string>()): Set<string> {
  if (typeof data === 'string') {
    if (data.includes('${')) found.add(data);
  } else if (Array.isArray(data)) {
    for (const item of data) stringsWithPlaceholder(item, found);
  } else if (data && typeof data === 'object') {
    for (const value of Object.values(data)) stringsWithPlaceholder(value, found);
  }
  return found;
}

/** The slow walk that names where a binding was left: only run to report one finishCard found. */
function assertExpanded(node: unknown, allowed: Set<string>, path = 'card'): void {
  if (typeof node === 'string') {
    if (node.includes('${') && !allowed.has(node)) throw new Error(`card template left a binding unexpanded at ${path}: ${node}`);
  } else if (Array.isArray(node)) {
    node.forEach((item, i) => assertExpanded(item, allowed, `${path}[${i}]`));
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) assertExpanded(value, allowed, `${path}.${key}`);
  }
}

/**
 * Text a user typed, for a TextRun (never Markdown-parsed). The official renderer still rewrites
 * `{{DATE(…)}}` and `{{TIME(…)}}` inside any text; an invisible word joiner between the braces keeps
 * such text as it was typed. Everything else passes unchanged.
 */
export function userText(text: string): string {
  return text.replace(/\{\{(?=(DATE|TIME)\()/g, '{\u2060{');
}

/**
 * The container's style carries the meaning of a notice; its text stays in the default colour. Teams'
 * light theme draws Warning (#f8d22a) and Good (#92c353) text, and Attention text on the attention
 * box, below a readable contrast.
 */
const NOTICE_STYLE: Record<Notice['kind'], { style: string; color: string }> = {
  error: { style: 'attention', color: 'Default' },
  warning: { style: 'warning', color: 'Default' },
  success: { style: 'good', color: 'Default' },
  info: { style: 'emphasis', color: 'Default' },
};

export interface NoticeData {
  text: string;
  style: string;
  color: string;
}

/** A notice as template data: a list of none or one, so the template repeats its block 0 or 1 times. */
export function noticeData(notice: Notice | undefined): NoticeData[] {
  if (!notice || !notice.text) return [];
  return [{ text: userText(notice.text), ...NOTICE_STYLE[notice.kind] }];
}

/** The calendar day of an ISO timestamp in the Landkreis (Europe/Berlin): TT.MM.JJJJ, in English 15 January 2024. */
export function localDate(timestamp: string, locale: Locale): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(timestamp)) return formatDateFor(timestamp, locale);
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return timestamp;
  return formatDateFor(berlinDate(d), locale);
}

const COUNT_FORMAT: Record<Locale, Intl.NumberFormat> = { de: new Intl.NumberFormat('de-DE'), en: new Intl.NumberFormat('en-GB') };

/** Numbers in the user's language: 1.000 / 1,000 (one formatter per language: toLocaleString makes one per call). */
export function formatCount(n: number, locale: Locale): string {
  // Every list card shows five counts: the few hundred numbers a district has are formatted once.
  const known = formattedCounts[locale];
  let text = known.get(n);
  if (text === undefined) {
    if (known.size >= MAX_FORMATTED_COUNTS) known.clear();
    known.set(n, (text = COUNT_FORMAT[locale].format(n)));
  }
  return text;
}

const formattedCounts: Record<Locale, Map<number, string>> = { de: new Map(), en: new Map() };
const MAX_FORMATTED_COUNTS = 10_000;

/** The size Teams counts against its message limit, roughly: the card's JSON in UTF-8 bytes. */
export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** The time of an ISO timestamp in the Landkreis (Europe/Berlin), as TT.MM.JJJJ and HH:MM. */
export function localDateTime(timestamp: string, locale: Locale): { date: string; time: string } {
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return { date: timestamp, time: '' };
  const time = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  return { date: localDate(timestamp, locale), time };
}

/** A no-break space: keeps a number and its unit on one line ("68.000 €", "0,5 VZÄ", "3 Tagen"). */
export { NBSP };

/** A decimal amount string ("18360.00") in the user's language: 18.360 € / €18,360 (formatEuro: no-break space before the €). */
export function euro(amount: string, locale: Locale): string {
  return formatEuro(amount || '0', locale);
}

/** VZÄ an amount pays, to two places: 0,27 / 0.27. */
export function vzaeShare(vzae: string, locale: Locale): string {
  return formatVzae(vzae || '0', locale);
}

/** A position size as declared, without trailing zeros: 0,5 / 1 / 0,75. */
export function vzaePosition(vzae: string, locale: Locale): string {
  let d: Decimal;
  try {
    d = new Decimal(vzae);
  } catch {
    return vzae;
  }
  return formatNumber(d, Math.max(0, d.decimalPlaces()), locale);
}

/** An amount as it goes back into an input: "15640.00" → "15640", "15640.50" stays. */
export function amountInput(amount: string | undefined): string {
  if (!amount) return '';
  return amount.replace(/\.00$/, '');
}

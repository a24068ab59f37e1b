/**
 * A campaign is one Berechnungsjahr of the procedure: how much money there is, which persons count
 * (Betrachtungszeitraum and Stichtag), how it is rounded, and the calendar of the year.
 */
import { DomainError } from './errors';
import { addDays, formatDate, IsoDate, isoDate } from './dates';
import { Decimal, DecimalValue } from './money';

export type RoundingUnit = '1' | '0.01';

/** Where the Kreis amount comes from: entered as a figure, or the state total × the Zuteilungsquote. */
export type KreisAmountSource =
  | { kind: 'direct' }
  | { kind: 'landesmittel'; landesmittel: string; quotePercent: string };

/** Optional pre-deduction for the Koordinierungsstelle, before the rest is distributed. */
export type Vorwegabzug = { kind: 'amount'; amount: string } | { kind: 'percent'; percent: string };

export interface Deadlines {
  /** Lists go out to the Gemeinden (step 2, December). */
  listsSent: IsoDate;
  /** Corrected lists are due back (step 4, mid-January). */
  review: IsoDate;
  /** The overview is published (step 6, early February). */
  publication: IsoDate;
  /** The Gemeinden decide (step B, end of May of the year before the Berechnungsjahr). */
  decision: IsoDate;
}

export interface Campaign {
  /** The Berechnungsjahr. */
  year: number;
  /** Euros for the whole Landkreis, as a decimal string with cents. */
  kreisAmount: string;
  kreisAmountSource: KreisAmountSource;
  vorwegabzug?: Vorwegabzug;
  unit: RoundingUnit;
  /** Cost of one full-time position (VZÄ) used to turn money into staff capacity. */
  eurPerVzae: string;
  /** Betrachtungszeitraum: persons assigned to Anschlussunterbringung in it count. */
  period: { start: IsoDate; end: IsoDate };
  stichtag: IsoDate;
  deadlines: Deadlines;
  /**
   * Until when the year's personal data must be kept (the Landratsamt's retention date: the evidence for
   * the Verwendungsnachweis and its audit); `intm purge` deletes it only afterwards. Absent: the default
   * of the year (defaultRetention), so campaigns stored before this setting need no migration.
   */
  retentionUntil?: IsoDate;
}

export interface CampaignInput {
  year: number;
  kreisAmount?: DecimalValue;
  landesmittel?: DecimalValue;
  quotePercent?: DecimalValue;
  /** 0 means no Vorwegabzug (in an update: remove it, of either kind). */
  vorwegabzugAmount?: DecimalValue;
  /** 0 means no Vorwegabzug (in an update: remove it, of either kind). */
  vorwegabzugPercent?: DecimalValue;
  unit?: RoundingUnit;
  eurPerVzae?: DecimalValue;
  periodStart?: IsoDate;
  periodEnd?: IsoDate;
  stichtag?: IsoDate;
  deadlines?: Partial<Deadlines>;
  retentionUntil?: IsoDate;
}

/** 2025 reports put the cost of a full-time position at about 68,000 €. */
export const DEFAULT_EUR_PER_VZAE = '68000';
/** Eigenverantwortlich needs a position of at least 50 %. */
export const MINIMUM_POSITION_VZAE = new Decimal('0.5');

/** Year Y counts persons assigned 01.01.(Y−5)–31.12.(Y−3); the Stichtag is the period's end. */
export function defaultPeriod(year: number): { start: IsoDate; end: IsoDate } {
  return { start: isoDate(year - 5, 1, 1), end: isoDate(year - 3, 12, 31) };
}

/** The seed's calendar, run in the winter and spring before the Berechnungsjahr. */
export function defaultDeadlines(year: number): Deadlines {
  return {
    listsSent: isoDate(year - 2, 12, 1),
    review: isoDate(year - 1, 1, 15),
    publication: isoDate(year - 1, 2, 5),
    decision: isoDate(year - 1, 5, 31),
  };
}

/**
 * The retention date when the Landratsamt sets none: the end of the year after the Berechnungsjahr. The
 * Verwendungsnachweis for year Y is due within six months after it ends (by 30.06. of Y+1, as usual for
 * grants in Baden-Württemberg); the Koordinierungsstelle's audit of it follows in the second half-year.
 */
export function defaultRetention(year: number): IsoDate {
  return isoDate(year + 1, 12, 31);
}

/** The date until which the year's personal data is kept: the campaign's own, or the default of its year. */
export function retentionUntil(c: Pick<Campaign, 'year' | 'retentionUntil'>): IsoDate {
  return c.retentionUntil ?? defaultRetention(c.year);
}

/**
 * Why the year's personal data may not be deleted on `today` (undefined: it may): the Berechnungsjahr is
 * not over (the procedure runs until its end), or the retention date has not passed. Dates TT.MM.JJJJ.
 */
export function purgeRefusal(c: Pick<Campaign, 'year' | 'retentionUntil'>, today: IsoDate): DomainError | undefined {
  if (today <= isoDate(c.year, 12, 31)) return new DomainError('purge.tooEarly', { year: c.year, date: formatDate(isoDate(c.year + 1, 1, 1)) });
  const until = retentionUntil(c);
  if (today <= until) return new DomainError('purge.retention', { year: c.year, until: formatDate(until), from: formatDate(addDays(until, 1)) });
  return undefined;
}

function positive(value: DecimalValue, field: string): Decimal {
  let d: Decimal;
  try {
    d = new Decimal(value);
  } catch {
    throw new DomainError('campaign.notANumber', { field });
  }
  if (!d.isFinite() || d.lte(0)) throw new DomainError('campaign.mustBePositive', { field });
  return d;
}

/** Exactly zero (`0`, `0.00`); anything unreadable is left to `positive` to refuse. */
function isZero(value: DecimalValue): boolean {
  try {
    return new Decimal(value).isZero();
  } catch {
    return false;
  }
}

function toCents(d: Decimal): Decimal {
  return d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Builds a campaign from what the coordinator entered, with the defaults of the year, or refuses it. */
export function createCampaign(input: CampaignInput): Campaign {
  const { year } = input;
  if (!Number.isInteger(year) || year < 2020 || year > 2100) throw new DomainError('campaign.badYear', { year: String(year) });

  let kreisAmount: Decimal;
  let source: KreisAmountSource;
  const hasDirect = input.kreisAmount !== undefined;
  const hasLand = input.landesmittel !== undefined || input.quotePercent !== undefined;
  if (hasDirect === hasLand) throw new DomainError('campaign.amountEitherOr');
  if (hasDirect) {
    kreisAmount = positive(input.kreisAmount!, 'Kreisbetrag');
    if (!kreisAmount.equals(toCents(kreisAmount))) throw new DomainError('campaign.amountCents', { field: 'Kreisbetrag' });
    source = { kind: 'direct' };
  } else {
    if (input.landesmittel === undefined || input.quotePercent === undefined) throw new DomainError('campaign.amountEitherOr');
    const land = positive(input.landesmittel, 'Landesmittel');
    const quote = positive(input.quotePercent, 'Zuteilungsquote');
    if (quote.gt(100)) throw new DomainError('campaign.quoteRange');
    // The state pays in cents: the product is rounded half up to the cent.
    kreisAmount = toCents(land.times(quote).dividedBy(100));
    source = { kind: 'landesmittel', landesmittel: land.toString(), quotePercent: quote.toString() };
  }

  const unit: RoundingUnit = input.unit ?? '1';
  if (unit !== '1' && unit !== '0.01') throw new DomainError('campaign.badUnit');

  let vorwegabzug: Vorwegabzug | undefined;
  if (input.vorwegabzugAmount !== undefined && input.vorwegabzugPercent !== undefined) throw new DomainError('campaign.deductionEitherOr');
  // A Vorwegabzug of 0 (as amount or percent) means none: that is how an update removes one.
  if (input.vorwegabzugAmount !== undefined && !isZero(input.vorwegabzugAmount)) {
    const amount = positive(input.vorwegabzugAmount, 'Vorwegabzug');
    if (!amount.equals(toCents(amount))) throw new DomainError('campaign.amountCents', { field: 'Vorwegabzug' });
    vorwegabzug = { kind: 'amount', amount: amount.toFixed(2) };
  } else if (input.vorwegabzugPercent !== undefined && !isZero(input.vorwegabzugPercent)) {
    const percent = positive(input.vorwegabzugPercent, 'Vorwegabzug');
    if (percent.gte(100)) throw new DomainError('campaign.deductionRange');
    vorwegabzug = { kind: 'percent', percent: percent.toString() };
  }

  const eurPerVzae = positive(input.eurPerVzae ?? DEFAULT_EUR_PER_VZAE, 'Kosten je VZÄ');
  const defaults = defaultPeriod(year);
  const period = { start: input.periodStart ?? defaults.start, end: input.periodEnd ?? defaults.end };
  if (period.start > period.end) {
    throw new DomainError('campaign.periodOrder', { start: period.start, end: period.end });
  }
  const stichtag = input.stichtag ?? period.end;
  // The count is the count at the Stichtag: a person assigned after it was not there yet, so the period
  // (whose assignments are counted) must not reach beyond it.
  if (stichtag < period.end) throw new DomainError('campaign.stichtagBeforePeriod', { stichtag, end: period.end });

  const deadlines: Deadlines = { ...defaultDeadlines(year), ...definedOnly(input.deadlines ?? {}) };
  if (!(deadlines.listsSent <= deadlines.review && deadlines.review <= deadlines.publication && deadlines.publication <= deadlines.decision)) {
    throw new DomainError('campaign.deadlineOrder');
  }
  if (deadlines.listsSent <= stichtag) throw new DomainError('campaign.deadlineBeforeStichtag', { stichtag });
  // The procedure runs until the Berechnungsjahr's end: the data must be kept at least that long.
  if (input.retentionUntil !== undefined && input.retentionUntil < isoDate(year, 12, 31)) {
    throw new DomainError('campaign.retentionTooEarly', { year, date: formatDate(input.retentionUntil) });
  }

  const campaign: Campaign = {
    year,
    kreisAmount: kreisAmount.toFixed(2),
    kreisAmountSource: source,
    unit,
    eurPerVzae: eurPerVzae.toFixed(2),
    period,
    stichtag,
    deadlines,
    ...(vorwegabzug ? { vorwegabzug } : {}),
    ...(input.retentionUntil !== undefined ? { retentionUntil: input.retentionUntil } : {}),
  };
  // Refuse now what would make the allocation impossible later.
  distributableAmount(campaign);
  return campaign;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The euros taken off first for the Koordinierungsstelle. A percentage is rounded half up to the
 * rounding unit, so that what remains can still be distributed in whole units.
 */
export function vorwegabzugAmount(c: Campaign): Decimal {
  if (!c.vorwegabzug) return new Decimal(0);
  if (c.vorwegabzug.kind === 'amount') return new Decimal(c.vorwegabzug.amount);
  return new Decimal(c.kreisAmount).times(c.vorwegabzug.percent).dividedBy(100).toNearest(c.unit, Decimal.ROUND_HALF_UP);
}

/**
 * What is distributed among the Gemeinden: the Kreis amount less the pre-deduction.
 * It must be a whole number of rounding units, or the rounded amounts could not add up to it exactly.
 */
export function distributableAmount(c: Campaign): Decimal {
  const amount = new Decimal(c.kreisAmount).minus(vorwegabzugAmount(c));
  if (amount.lte(0)) throw new DomainError('campaign.deductionRange');
  if (!amount.mod(c.unit).isZero()) {
    throw new DomainError('campaign.notMultipleOfUnit', { amount: amount.toFixed(2), unit: c.unit });
  }
  return amount;
}

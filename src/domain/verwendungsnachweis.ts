/**
 * The Verwendungsnachweis round (Nr. 6.1 and Nr. 8 VwV IntM): after a Berechnungsjahr is over, every
 * Gemeinde that did the Integrationsmanagement in its own responsibility (alone, or as the lead of a
 * Verbund for the whole Verbund) proves to the Koordinierungsstelle how the money was used
 * (*zahlenmäßiger Nachweis*) and what work was done (*Sachbericht*). For the Gemeinden the Landkreis
 * served, the Koordinierungsstelle enters the Landkreis' own figures, so the Gesamtverwendungsnachweis
 * covers every Gemeinde.
 *
 * States: offen → in Bearbeitung (draft saved) → eingereicht (locked) → angenommen, or back to the
 * Gemeinde as zurückgegeben (with the coordinator's question) and submitted again.
 *
 * Input that is not a number or out of range is refused at once (nothing changes); what is merely
 * incomplete or inconsistent is a finding: errors block the submission, warnings (months below the
 * minimum position, money likely to be reclaimed) are shown and do not.
 *
 * No personal data of refugees is held here: figures per Gemeinde, and the names of the staff who made
 * each change (the audit trail), as in the decision book.
 */
import { Actor, isKoordination } from './actor';
import { AuditAction, AuditEntry, actorRef } from './audit';
import { type Campaign, MINIMUM_POSITION_VZAE } from './campaign';
import type { IsoDate } from './dates';
import { assessDecision, type DecisionBook } from './decision';
import { ConflictError, DomainError } from './errors';
import type { Stamp } from './list';
import { Decimal, DecimalValue, isAmbiguousAmount, parseAmount } from './money';
import type { MessageCode, MessageParams } from '../i18n/messages';

export const NACHWEIS_STATES = ['offen', 'in_bearbeitung', 'eingereicht', 'zurueckgegeben', 'angenommen'] as const;
export type NachweisState = (typeof NACHWEIS_STATES)[number];

/** Who files the Nachweis: the Gemeinde itself (alone or as a Verbund's lead) or the Landkreis for a Gemeinde it served. */
export type NachweisKind = 'eigen' | 'landkreis';

/** A key figure of the Sachbericht the Koordinierungsstelle asks for this year (e.g. persons counselled). */
export interface KeyFigure {
  /** Stable within the year: `k1`, `k2`, … */
  id: string;
  label: string;
}

export const DEFAULT_KEY_FIGURES: readonly string[] = ['Beratene Personen', 'Beratene Haushalte', 'Beratungsstunden je Woche'];

/** What the Gemeinde reports; amounts as decimal strings with two places, VZÄ with up to four. */
export interface NachweisData {
  personnel?: string;
  other?: string;
  eigenmittel?: string;
  traeger?: string;
  traegerAmount?: string;
  /** The position occupied per month, January to December (vacant months 0); `undefined` where not yet given. */
  months: (string | null)[];
  /** For a Verbund: each member's part of the expenditure (AGS → euros); together they are the expenditure. */
  shares?: Record<string, string>;
  /** Key figure id → value. */
  figures: Record<string, string>;
  text?: string;
}

export interface Nachweis {
  /** The Gemeinde (or the Verbund's lead) the Nachweis is filed under. */
  ags: string;
  kind: NachweisKind;
  /** The Gemeinden it covers, the filing one first. */
  members: string[];
  /** The allocation the members received, per member (AGS → euros), from the figures of the year. */
  allocations: Record<string, string>;
  state: NachweisState;
  data: NachweisData;
  /**
   * The coordinator's last question when it was returned. Submitting again answers it (`answered`, the
   * time of the new submission) and keeps it, so the coordinator still sees what was asked.
   */
  question?: Stamp & { text: string; answered?: string };
  submitted?: Stamp;
  accepted?: Stamp;
  /** The round's revision of the Nachweis' last change: a card built on an older one is stale. */
  revision: number;
}

export interface NachweisRound {
  year: number;
  deadline: IsoDate;
  opened: Stamp;
  keyFigures: KeyFigure[];
  nachweise: Record<string, Nachweis>;
  revision: number;
  events: AuditEntry[];
}

export interface NachweisContext {
  actor: Actor;
  now: string;
}

/** One finding of the rule checks: a sentence by code, an error (blocks submit) or a warning. */
export interface Finding {
  severity: 'error' | 'warning';
  code: MessageCode;
  params: MessageParams;
}

/** What the Nachweis adds up to (exact). */
export interface NachweisTotals {
  allocation: Decimal;
  expenditure: Decimal;
  eigenmittel: Decimal;
  /** Allocation − expenditure where positive: the amount the state will likely reclaim. */
  reclaim: Decimal;
  averageVzae: Decimal;
  /** Months (1–12) with a position below the minimum (vacant months included); none for the Landkreis' own figures. */
  monthsBelowMinimum: number[];
}

const MAX_AMOUNT = new Decimal(10_000_000);
const MAX_VZAE = new Decimal(20);
const MAX_FIGURE = new Decimal(1_000_000);
const MAX_TEXT = 2000;
const MAX_NAME = 200;

// ---------------------------------------------------------------------------------------------
// Who must file.

/**
 * The Nachweise of a year from the decisions: one per Gemeinde whose decision eigenständig is valid, one
 * per Verbund lead covering its partners once the Verbund is valid – every partner confirmed, the
 * position at least the minimum (assessDecision, the rule the decision card shows: „Ein Verbund gilt
 * erst, wenn alle Partner bestätigt haben“). Every other Gemeinde (Landkreis, no decision, an invalid
 * decision, a Verbund never confirmed – its lead and its partners) is served by the Landkreis, which
 * files its figures.
 */
export function nachweisPlan(
  book: DecisionBook,
  allAgs: readonly string[],
  amounts: ReadonlyMap<string, Decimal>,
  campaign: Campaign,
): { ags: string; kind: NachweisKind; members: string[] }[] {
  const coveredBy = new Map<string, string>();
  const plan: { ags: string; kind: NachweisKind; members: string[] }[] = [];
  const valid = (ags: string) => assessDecision(book, ags, amounts, campaign).valid;
  for (const ags of allAgs) {
    const d = book.decisions[ags];
    if (d?.choice === 'eigenstaendig' && valid(ags)) plan.push({ ags, kind: 'eigen', members: [ags] });
    if (d?.choice === 'verbund' && !d.verbundLead && valid(ags)) {
      const partners = (d.partners ?? []).filter((p) => book.decisions[p]?.verbundLead === ags && d.confirmations?.[p]);
      plan.push({ ags, kind: 'eigen', members: [ags, ...partners] });
      for (const p of partners) coveredBy.set(p, ags);
    }
  }
  const own = new Set(plan.map((p) => p.ags));
  for (const ags of allAgs) {
    if (!own.has(ags) && !coveredBy.has(ags)) plan.push({ ags, kind: 'landkreis', members: [ags] });
  }
  return plan;
}

export function emptyData(): NachweisData {
  return { months: Array(12).fill(null), figures: {} };
}

/** Opens the round: one Nachweis per filing Gemeinde, with the allocations of the year prefilled. */
export function openRound(
  year: number,
  deadline: IsoDate,
  plan: { ags: string; kind: NachweisKind; members: string[] }[],
  amounts: ReadonlyMap<string, Decimal>,
  keyFigureLabels: readonly string[],
  ctx: NachweisContext & { today: IsoDate },
): NachweisRound {
  if (!isKoordination(ctx.actor)) throw new DomainError('auth.koordinationOnly');
  if (ctx.today <= `${year}-12-31`) throw new DomainError('vn.yearNotOver', { year });
  if (deadline <= ctx.today) throw new DomainError('vn.deadlinePast', { date: deadline });
  const labels = keyFigureLabels.map((l) => l.trim()).filter(Boolean);
  if (labels.length === 0 || labels.length > 12) throw new DomainError('vn.keyFigureCount');
  for (const l of labels) if (l.length > 100) throw new DomainError('input.tooLong', { max: 100 });
  // Figures are found by their label (card, table headings): two alike – ignoring case and spaces – could not be told apart.
  const seen = new Set<string>();
  for (const l of labels) {
    const key = l.toLowerCase().replace(/\s+/g, '');
    if (seen.has(key)) throw new DomainError('vn.keyFigureTwice', { name: l });
    seen.add(key);
  }
  const nachweise: Record<string, Nachweis> = {};
  for (const p of plan) {
    const allocations = Object.fromEntries(p.members.map((m) => [m, (amounts.get(m) ?? new Decimal(0)).toFixed(2)]));
    nachweise[p.ags] = { ags: p.ags, kind: p.kind, members: p.members, allocations, state: 'offen', data: emptyData(), revision: 1 };
  }
  const opened = { at: ctx.now, by: { id: ctx.actor.id, name: ctx.actor.name } };
  const round: NachweisRound = {
    year,
    deadline,
    opened,
    keyFigures: labels.map((label, i) => ({ id: `k${i + 1}`, label })),
    nachweise,
    revision: 1,
    events: [],
  };
  round.events.push(entry(ctx, 'vn.open', undefined, null, { frist: deadline, kennzahlen: labels, nachweise: plan.length }, 1));
  return round;
}

function entry(ctx: NachweisContext, action: AuditAction, ags: string | undefined, before: unknown, after: unknown, revision: number, reason?: string): AuditEntry {
  return {
    at: ctx.now,
    actor: actorRef(ctx.actor),
    action,
    ...(ags ? { ags, subject: ags } : {}),
    before,
    after,
    revision,
    ...(reason ? { reason } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Input: parsed and range-checked, or refused.

export interface NachweisInput {
  personnel?: DecimalValue;
  other?: DecimalValue;
  eigenmittel?: DecimalValue;
  traeger?: string;
  traegerAmount?: DecimalValue;
  /** Up to 12 values, January first; `null` leaves a month open. */
  months?: (DecimalValue | null)[];
  shares?: Record<string, DecimalValue>;
  /** By key figure id (`k1`) or label. */
  figures?: Record<string, DecimalValue>;
  text?: string;
}

/** A number as typed (`1.508,50`, `0,5`) or given (`1508.5`); refused when it is none. */
function number(value: DecimalValue, field: string): Decimal {
  if (typeof value === 'string') {
    // „1,234“ would be read as 1.234 € although a German means 1,234: refused, never guessed.
    if (isAmbiguousAmount(value)) throw new DomainError('vn.ambiguousAmount', { field, value });
    const typed = parseAmount(value) ?? (/^\s*\d+,\d+\s*$/.test(value) ? new Decimal(value.trim().replace(',', '.')) : undefined);
    if (!typed) throw new DomainError('vn.notANumber', { field, value });
    return typed;
  }
  let d: Decimal;
  try {
    d = new Decimal(value);
  } catch {
    throw new DomainError('vn.notANumber', { field, value: String(value) });
  }
  if (!d.isFinite()) throw new DomainError('vn.notANumber', { field, value: String(value) });
  return d;
}

function amount(value: DecimalValue, field: string): string {
  const d = number(value, field);
  if (d.isNegative()) throw new DomainError('vn.negative', { field });
  if (d.decimalPlaces() > 2) throw new DomainError('vn.cents', { field });
  if (d.gt(MAX_AMOUNT)) throw new DomainError('vn.tooLarge', { field, max: MAX_AMOUNT.toString() });
  return d.toFixed(2);
}

function vzae(value: DecimalValue, month: number): string {
  const field = `VZÄ ${MONTH_NAMES[month]}`;
  const d = number(value, field);
  if (d.isNegative() || d.gt(MAX_VZAE)) throw new DomainError('vn.vzaeRange', { field, max: MAX_VZAE.toString() });
  if (d.decimalPlaces() > 4) throw new DomainError('vn.vzaePlaces', { field });
  return d.toString();
}

export const MONTH_NAMES = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

function text(value: unknown, max: number, field: string): string {
  // Input comes from JSON files and card data: a number or list where a text belongs is refused, not crashed on.
  if (typeof value !== 'string') throw new DomainError('vn.notText', { field });
  const t = value.trim();
  if (t.length > max) throw new DomainError('input.tooLong', { max });
  return t;
}

/** Overlays the input on the stored data; what the input leaves out stays as it was. */
export function applyInput(current: NachweisData, input: NachweisInput, nachweis: Pick<Nachweis, 'members' | 'kind'>, keyFigures: readonly KeyFigure[]): NachweisData {
  for (const [field, value] of [['Anteile', input.shares], ['Kennzahlen', input.figures]] as const) {
    if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) throw new DomainError('vn.notText', { field });
  }
  const next: NachweisData = structuredClone(current);
  if (input.personnel !== undefined) next.personnel = amount(input.personnel, 'Personalausgaben');
  if (input.other !== undefined) next.other = amount(input.other, 'sonstige Ausgaben');
  if (nachweis.kind === 'landkreis' && (input.eigenmittel !== undefined || input.traeger !== undefined || input.traegerAmount !== undefined)) {
    throw new DomainError('vn.landkreisNoEigenmittel');
  }
  if (input.eigenmittel !== undefined) next.eigenmittel = amount(input.eigenmittel, 'Eigenmittel');
  if (input.traeger !== undefined) {
    const name = text(input.traeger, MAX_NAME, 'Träger');
    if (name) next.traeger = name;
    else delete next.traeger;
  }
  if (input.traegerAmount !== undefined) next.traegerAmount = amount(input.traegerAmount, 'an den Träger weitergeleitet');
  if (input.months !== undefined) {
    if (!Array.isArray(input.months) || input.months.length > 12) throw new DomainError('vn.monthCount');
    input.months.forEach((m, i) => (next.months[i] = m === null || m === '' ? null : vzae(m, i)));
  }
  if (input.shares !== undefined) {
    if (nachweis.members.length < 2) throw new DomainError('vn.sharesOnlyVerbund');
    const shares: Record<string, string> = { ...(next.shares ?? {}) };
    for (const [ags, value] of Object.entries(input.shares)) {
      if (!nachweis.members.includes(ags)) throw new DomainError('vn.shareNotMember', { ags });
      shares[ags] = amount(value, `Anteil ${ags}`);
    }
    next.shares = shares;
  }
  if (input.figures !== undefined) {
    for (const [key, value] of Object.entries(input.figures)) {
      const figure = keyFigures.find((k) => k.id === key || k.label.toLowerCase() === key.trim().toLowerCase());
      if (!figure) throw new DomainError('vn.unknownFigure', { name: key });
      if (value === null || value === '') {
        delete next.figures[figure.id];
        continue;
      }
      const d = number(value, figure.label);
      if (d.isNegative() || d.gt(MAX_FIGURE)) throw new DomainError('vn.figureRange', { field: figure.label, max: MAX_FIGURE.toString() });
      if (d.decimalPlaces() > 2) throw new DomainError('vn.cents', { field: figure.label });
      next.figures[figure.id] = d.toString();
    }
  }
  if (input.text !== undefined) next.text = text(input.text, MAX_TEXT, 'Sachbericht');
  return next;
}

// ---------------------------------------------------------------------------------------------
// The rule checks.

const zero = new Decimal(0);

export function totalsOf(n: Pick<Nachweis, 'allocations' | 'data' | 'kind'>): NachweisTotals {
  const allocation = Object.values(n.allocations).reduce((s, a) => s.plus(a), zero);
  const expenditure = new Decimal(n.data.personnel ?? 0).plus(n.data.other ?? 0);
  const months = n.data.months.map((m) => new Decimal(m ?? 0));
  const averageVzae = months.reduce((s, m) => s.plus(m), zero).dividedBy(12).toDecimalPlaces(4, Decimal.ROUND_DOWN);
  return {
    allocation,
    expenditure,
    eigenmittel: new Decimal(n.data.eigenmittel ?? 0),
    reclaim: Decimal.max(0, allocation.minus(expenditure)),
    averageVzae,
    // The 0,5-VZÄ minimum is a condition of doing the work in one's own responsibility; the Landkreis' own staff is not bound by it.
    monthsBelowMinimum:
      n.kind === 'eigen' ? n.data.months.flatMap((m, i) => (m !== null && new Decimal(m).lt(MINIMUM_POSITION_VZAE) ? [i + 1] : [])) : [],
  };
}

/** Every rule, in the order a reader fixes them: what is missing, what does not add up, then the warnings. */
export function checkNachweis(n: Nachweis, keyFigures: readonly KeyFigure[]): Finding[] {
  const findings: Finding[] = [];
  const error = (code: MessageCode, params: MessageParams = {}) => findings.push({ severity: 'error', code, params });
  const warning = (code: MessageCode, params: MessageParams = {}) => findings.push({ severity: 'warning', code, params });
  const d = n.data;
  if (d.personnel === undefined) error('vn.missing', { field: 'Personalausgaben' });
  if (d.other === undefined) error('vn.missing', { field: 'sonstige Ausgaben' });
  const open = d.months.flatMap((m, i) => (m === null ? [MONTH_NAMES[i]] : []));
  if (open.length) error('vn.monthsMissing', { months: open.join(', ') });
  const missingFigures = keyFigures.filter((k) => d.figures[k.id] === undefined).map((k) => k.label);
  if (missingFigures.length) error('vn.figuresMissing', { names: missingFigures.join(', ') });
  if (n.kind === 'eigen' && !d.text) error('vn.textMissing');
  const t = totalsOf(n);
  if (d.traegerAmount !== undefined && new Decimal(d.traegerAmount).gt(0) && !d.traeger) error('vn.traegerNameMissing');
  if (d.traegerAmount !== undefined && new Decimal(d.traegerAmount).gt(t.expenditure)) {
    error('vn.traegerAboveExpenditure', { amount: d.traegerAmount, expenditure: t.expenditure.toFixed(2) });
  }
  if (n.members.length > 1) {
    const missing = n.members.filter((m) => d.shares?.[m] === undefined);
    if (missing.length) error('vn.sharesMissing', { members: missing.join(', ') });
    else {
      const sum = n.members.reduce((s, m) => s.plus(d.shares![m]), zero);
      if (!sum.equals(t.expenditure)) error('vn.sharesSum', { sum: sum.toFixed(2), expenditure: t.expenditure.toFixed(2) });
    }
  }
  if (t.monthsBelowMinimum.length) {
    warning('vn.monthsBelowMinimum', { count: t.monthsBelowMinimum.length, months: t.monthsBelowMinimum.map((m) => MONTH_NAMES[m - 1]).join(', ') });
  }
  if (d.personnel !== undefined && d.other !== undefined && t.reclaim.gt(0)) {
    warning('vn.expenditureBelowAllocation', { expenditure: t.expenditure.toFixed(2), allocation: t.allocation.toFixed(2), reclaim: t.reclaim.toFixed(2) });
  }
  // Eigenmittel are spent after the allocation: declared while money is left over, or short of what the
  // allocation does not cover, the figures do not fit together (a warning: the Koordinierungsstelle asks).
  if (n.kind === 'eigen' && d.personnel !== undefined && d.other !== undefined && d.eigenmittel !== undefined) {
    if (t.reclaim.gt(0) && t.eigenmittel.gt(0)) warning('vn.eigenmittelWithReclaim', { eigenmittel: t.eigenmittel.toFixed(2) });
    const uncovered = t.expenditure.minus(t.allocation).minus(t.eigenmittel);
    if (uncovered.gt(0)) {
      warning('vn.expenditureNotCovered', { expenditure: t.expenditure.toFixed(2), covered: t.allocation.plus(t.eigenmittel).toFixed(2), gap: uncovered.toFixed(2) });
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// The transitions.

export interface RoundResult {
  round: NachweisRound;
  entries: AuditEntry[];
}

function mayRead(actor: Actor, n: Nachweis): boolean {
  return isKoordination(actor) || (actor.role === 'gemeinde' && !!actor.ags && n.members.includes(actor.ags));
}

/** A Nachweis is the business of its own Gemeinden and the Koordinierungsstelle only (a Verbund's partners read their lead's). */
export function readableNachweis(round: NachweisRound, ags: string, actor: Actor): Nachweis {
  const n = nachweisFor(round, ags);
  if (!mayRead(actor, n)) throw new DomainError('auth.otherGemeinde');
  return n;
}

/** The Nachweis covering `ags`: its own, or its Verbund lead's. */
export function nachweisFor(round: NachweisRound, ags: string): Nachweis {
  const n = round.nachweise[ags] ?? Object.values(round.nachweise).find((x) => x.members.includes(ags));
  if (!n) throw new DomainError('vn.noNachweis', { ags });
  return n;
}

/** The Nachweis filed under `ags`; a Verbund partner is told that its lead files it. */
function filedNachweis(round: NachweisRound, ags: string): Nachweis {
  const own = round.nachweise[ags];
  if (own) return own;
  const lead = Object.values(round.nachweise).find((x) => x.members.includes(ags));
  throw lead ? new DomainError('vn.leadOnly', { lead: lead.ags }) : new DomainError('vn.noNachweis', { ags });
}

/**
 * The Nachweis an operation of `actor` on `ags` works on: the Koordinierungsstelle naming a Verbund
 * partner means the Verbund's Nachweis (its lead's); a Gemeinde's staff only the one filed under it.
 */
function targetNachweis(round: NachweisRound, ags: string, actor: Actor): Nachweis {
  return isKoordination(actor) ? nachweisFor(round, ags) : filedNachweis(round, ags);
}

function change(
  original: NachweisRound,
  ags: string,
  ctx: NachweisContext,
  action: AuditAction,
  mutate: (n: Nachweis) => { before: unknown; after: unknown; reason?: string } | undefined,
  expectedRevision?: number,
): RoundResult {
  const round = structuredClone(original);
  const n = round.nachweise[ags];
  if (!n) throw new DomainError('vn.noNachweis', { ags });
  if (expectedRevision !== undefined && expectedRevision !== n.revision) throw new ConflictError(n.revision);
  const what = mutate(n);
  if (!what) return { round: original, entries: [] };
  round.revision += 1;
  n.revision = round.revision;
  const e = entry(ctx, action, ags, what.before, what.after, round.revision, what.reason);
  round.events.push(e);
  return { round, entries: [e] };
}

function stamp(ctx: NachweisContext): Stamp {
  return { at: ctx.now, by: { id: ctx.actor.id, name: ctx.actor.name } };
}

/** Who may edit: the filing Gemeinde's own staff, or the Koordinierungsstelle (entering a letter, or the Landkreis' own figures). */
function assertMayEdit(actor: Actor, n: Nachweis): void {
  if (isKoordination(actor)) return;
  if (n.kind === 'landkreis') throw new DomainError('auth.koordinationOnly');
  if (actor.role !== 'gemeinde' || actor.ags !== n.ags) throw new DomainError(n.members.includes(actor.ags ?? '') ? 'vn.leadOnly' : 'auth.otherGemeinde', { lead: n.ags });
}

function assertEditable(n: Nachweis): void {
  if (n.state === 'eingereicht' || n.state === 'angenommen') throw new DomainError('vn.locked', { state: n.state });
}

/** A change of state (submit, return, accept): the audit records the state before and after, and `reason` (the question). */
function moveTo(
  original: NachweisRound,
  ags: string,
  ctx: NachweisContext,
  action: AuditAction,
  state: NachweisState,
  expectedRevision: number | undefined,
  mark: (n: Nachweis) => void,
  reason?: string,
): RoundResult {
  return change(
    original,
    ags,
    ctx,
    action,
    (n) => {
      const before = n.state;
      n.state = state;
      mark(n);
      return { before: { status: before }, after: { status: state }, ...(reason ? { reason } : {}) };
    },
    expectedRevision,
  );
}

/** Saves a draft: refuses bad numbers, keeps what is incomplete (the findings say what is missing). */
export function saveDraft(original: NachweisRound, ags: string, input: NachweisInput, ctx: NachweisContext, expectedRevision?: number): RoundResult {
  const n0 = targetNachweis(original, ags, ctx.actor);
  assertMayEdit(ctx.actor, n0);
  assertEditable(n0);
  if (n0.kind === 'landkreis') throw new DomainError('vn.useLandkreis', { ags });
  return change(
    original,
    n0.ags,
    ctx,
    'vn.save',
    (n) => {
      const data = applyInput(n.data, input, n, original.keyFigures);
      if (JSON.stringify(data) === JSON.stringify(n.data)) return undefined;
      const before = n.data;
      n.data = data;
      if (n.state === 'offen') n.state = 'in_bearbeitung';
      return { before, after: data };
    },
    expectedRevision,
  );
}

/** Submits: refused while any rule reports an error (the first one is the message); locks the Nachweis. */
export function submit(original: NachweisRound, ags: string, ctx: NachweisContext, expectedRevision?: number): RoundResult {
  const n0 = targetNachweis(original, ags, ctx.actor);
  assertMayEdit(ctx.actor, n0);
  if (n0.kind === 'landkreis') throw new DomainError('vn.useLandkreis', { ags });
  if (n0.state === 'eingereicht' || n0.state === 'angenommen') return { round: original, entries: [] };
  const firstError = checkNachweis(n0, original.keyFigures).find((f) => f.severity === 'error');
  if (firstError) throw new DomainError(firstError.code, firstError.params);
  return moveTo(original, n0.ags, ctx, 'vn.submit', 'eingereicht', expectedRevision, (n) => {
    n.submitted = stamp(ctx);
    if (n.question) n.question.answered = ctx.now;
  });
}

/** The Koordinierungsstelle returns a submitted Nachweis with a question; the Gemeinde can edit it again. A card built on an older revision is refused. */
export function returnWithQuestion(original: NachweisRound, ags: string, question: string, ctx: NachweisContext, expectedRevision?: number): RoundResult {
  if (!isKoordination(ctx.actor)) throw new DomainError('auth.koordinationOnly');
  const n0 = targetNachweis(original, ags, ctx.actor);
  // The Landkreis' own figures are the Koordinierungsstelle's to correct: no Gemeinde could answer a question on them.
  if (n0.kind === 'landkreis') throw new DomainError('vn.landkreisNoQuestion', { ags });
  const q = text(question, 1000, 'Rückfrage');
  if (q.length < 3) throw new DomainError('vn.questionRequired');
  if (n0.state === 'zurueckgegeben' && n0.question?.text === q) return { round: original, entries: [] };
  if (n0.state !== 'eingereicht' && n0.state !== 'angenommen') throw new DomainError('vn.notSubmitted', { ags });
  return moveTo(
    original,
    n0.ags,
    ctx,
    'vn.return',
    'zurueckgegeben',
    expectedRevision,
    (n) => {
      n.question = { ...stamp(ctx), text: q };
      delete n.accepted;
    },
    q,
  );
}

/** The Koordinierungsstelle accepts a submitted Nachweis. Accepting twice changes nothing. */
export function accept(original: NachweisRound, ags: string, ctx: NachweisContext, expectedRevision?: number): RoundResult {
  if (!isKoordination(ctx.actor)) throw new DomainError('auth.koordinationOnly');
  const n0 = targetNachweis(original, ags, ctx.actor);
  if (n0.state === 'angenommen') return { round: original, entries: [] };
  // The Landkreis' figures are accepted as they are entered complete (enterLandkreisFigures), never by hand.
  if (n0.kind === 'landkreis') throw new DomainError('vn.landkreisAcceptedWhenComplete', { ags });
  if (n0.state !== 'eingereicht') throw new DomainError('vn.notSubmitted', { ags });
  return moveTo(original, n0.ags, ctx, 'vn.accept', 'angenommen', expectedRevision, (n) => {
    n.accepted = stamp(ctx);
  });
}

/**
 * The Landkreis' own figures for a Gemeinde it served, entered by the Koordinierungsstelle, which is
 * author and reviewer at once: complete and consistent figures are accepted at once, otherwise they
 * stay in Bearbeitung until the rest is entered.
 */
export function enterLandkreisFigures(original: NachweisRound, ags: string, input: NachweisInput, ctx: NachweisContext, expectedRevision?: number): RoundResult {
  if (!isKoordination(ctx.actor)) throw new DomainError('auth.koordinationOnly');
  const n0 = filedNachweis(original, ags);
  if (n0.kind !== 'landkreis') throw new DomainError('vn.notLandkreis', { ags });
  return change(original, ags, ctx, 'vn.landkreis', (n) => {
    const data = applyInput(n.data, input, n, original.keyFigures);
    const complete = !checkNachweis({ ...n, data }, original.keyFigures).some((f) => f.severity === 'error');
    const state: NachweisState = complete ? 'angenommen' : 'in_bearbeitung';
    if (JSON.stringify(data) === JSON.stringify(n.data) && state === n.state) return undefined;
    const before = { status: n.state, daten: n.data };
    n.data = data;
    n.state = state;
    if (complete) n.accepted = stamp(ctx);
    else delete n.accepted;
    return { before, after: { status: state, daten: data } };
  }, expectedRevision);
}

/** The Koordinierungsstelle moves the round's deadline (a setting of the round, like a campaign's deadlines). */
export function setDeadline(original: NachweisRound, deadline: IsoDate, ctx: NachweisContext & { today: IsoDate }): RoundResult {
  if (!isKoordination(ctx.actor)) throw new DomainError('auth.koordinationOnly');
  if (deadline === original.deadline) return { round: original, entries: [] };
  if (deadline <= ctx.today) throw new DomainError('vn.deadlinePast', { date: deadline });
  const round = structuredClone(original);
  round.revision += 1;
  round.deadline = deadline;
  const e = entry(ctx, 'vn.deadline', undefined, { frist: original.deadline }, { frist: deadline }, round.revision);
  round.events.push(e);
  return { round, entries: [e] };
}

/** How the round stands for one Gemeinde (for `status` and the digest). */
export interface NachweisStatusRow {
  ags: string;
  /** The Nachweis covering it (its own, its lead's). */
  filedBy: string;
  kind: NachweisKind;
  state: NachweisState;
  overdue: boolean;
}

function isOverdue(n: Nachweis, deadline: IsoDate, today: IsoDate): boolean {
  return n.kind === 'eigen' && n.state !== 'eingereicht' && n.state !== 'angenommen' && today > deadline;
}

export function roundStatus(round: NachweisRound, allAgs: readonly string[], today: IsoDate): NachweisStatusRow[] {
  return allAgs.map((ags) => {
    const n = nachweisFor(round, ags);
    return { ags, filedBy: n.ags, kind: n.kind, state: n.state, overdue: isOverdue(n, round.deadline, today) };
  });
}

/** How many Nachweise stand where, and how many of the Gemeinden' own are overdue. */
export interface RoundSummary {
  total: number;
  byState: Record<NachweisState, number>;
  overdue: number;
}

export function roundSummary(round: NachweisRound, today: IsoDate): RoundSummary {
  const byState = Object.fromEntries(NACHWEIS_STATES.map((s) => [s, 0])) as Record<NachweisState, number>;
  let overdue = 0;
  for (const n of Object.values(round.nachweise)) {
    byState[n.state]++;
    if (isOverdue(n, round.deadline, today)) overdue++;
  }
  return { total: Object.keys(round.nachweise).length, byState, overdue };
}

/**
 * The Nachweis filed under `ags` if `actor` may change it now (its filing Gemeinde's staff or the
 * Koordinierungsstelle, not submitted or accepted) – for changes outside its data, such as attached files.
 */
export function editableNachweis(round: NachweisRound, ags: string, actor: Actor): Nachweis {
  const n = targetNachweis(round, ags, actor);
  assertMayEdit(actor, n);
  assertEditable(n);
  return n;
}

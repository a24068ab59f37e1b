/**
 * Step B: each Gemeinde decides who does its Integrationsmanagement.
 * - `landkreis` (the default): the Landratsamt's team does it.
 * - `eigenstaendig`: the Gemeinde employs a position of at least 0.5 VZÄ itself (or via a Träger).
 * - `verbund`: several Gemeinden carry one position of at least 0.5 VZÄ together. The Gemeinde that
 *   proposes it (the lead) names its partners; the Verbund is valid once every partner has confirmed.
 * Changeable until the decision deadline, then locked; the Koordinierungsstelle may still override.
 */
import { Actor, actsFor, isKoordination } from './actor';
import { AuditAction, AuditEntry, actorRef } from './audit';
import { Campaign, MINIMUM_POSITION_VZAE } from './campaign';
import { DomainError } from './errors';
import type { Stamp } from './list';
import { Decimal, DecimalValue } from './money';

export const CHOICES = ['landkreis', 'eigenstaendig', 'verbund'] as const;
export type Choice = (typeof CHOICES)[number];

export function isChoice(value: string): value is Choice {
  return (CHOICES as readonly string[]).includes(value);
}

export interface Decision {
  ags: string;
  choice: Choice;
  /** The position's size in VZÄ (eigenständig, and the lead of a Verbund). */
  vzae?: string;
  /** The Gemeinde's own money on top of its share (euros). */
  eigenmittel?: string;
  /** Träger der freien Wohlfahrtspflege the position is passed on to. */
  traeger?: string;
  /** On the lead of a Verbund: the partner Gemeinden. */
  partners?: string[];
  /** On the lead: which partners confirmed, and when. */
  confirmations?: Record<string, Stamp>;
  /** On a partner: the lead whose Verbund it confirmed. */
  verbundLead?: string;
  decided: Stamp;
  /** Set when the Koordinierungsstelle changed it after the deadline. */
  override?: boolean;
}

export interface DecisionBook {
  year: number;
  revision: number;
  decisions: Record<string, Decision>;
  events: AuditEntry[];
}

export interface DecisionContext {
  actor: Actor;
  now: string;
  today: string;
  campaign: Campaign;
  /** Every Gemeinde of the Landkreis, to check partner keys. */
  knownAgs: ReadonlySet<string>;
}

export interface DecideCommand {
  ags: string;
  choice: Choice;
  vzae?: DecimalValue;
  eigenmittel?: DecimalValue;
  traeger?: string;
  partners?: string[];
  /** Why the Koordinierungsstelle changes a decision after the deadline (required then: it is the audit's "why"). */
  reason?: string;
}

export interface DecisionResult {
  book: DecisionBook;
  entries: AuditEntry[];
}

export function emptyDecisionBook(year: number): DecisionBook {
  return { year, revision: 0, decisions: {}, events: [] };
}

function assertMayDecideFor(actor: Actor, ags: string): void {
  if (!actsFor(actor, ags)) throw new DomainError('auth.otherGemeinde');
}

/** How the audit marks a change the Koordinierungsstelle made after the decision deadline. */
const OVERRIDE_NOTE = 'Änderung durch die Koordinierungsstelle nach Fristablauf';

/**
 * The "why" of a decision or confirmation for the audit: after the deadline the Koordinierungsstelle must
 * give one (at least 3 characters), kept beside the override mark; before it, an optional note.
 */
function auditReason(given: string | undefined, override: boolean, ctx: DecisionContext): string | undefined {
  const reason = (given ?? '').trim();
  if (reason.length > 500) throw new DomainError('input.tooLong', { max: 500 });
  if (override && reason.length < 3) throw new DomainError('decision.overrideReasonRequired', { date: ctx.campaign.deadlines.decision });
  return override ? `${OVERRIDE_NOTE}: ${reason}` : reason || undefined;
}

/** After the deadline only the Koordinierungsstelle may change decisions, and that is marked as an override. */
function deadlineOverride(ctx: DecisionContext): boolean {
  if (ctx.today <= ctx.campaign.deadlines.decision) return false;
  if (!isKoordination(ctx.actor)) throw new DomainError('decision.locked', { date: ctx.campaign.deadlines.decision });
  return true;
}

/** Eigenmittel above this are a typing error: 20 VZÄ (the largest position) cost a fraction of it. */
const MAXIMUM_EIGENMITTEL = 10_000_000;

function nonNegativeAmount(value: DecimalValue | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  let d: Decimal;
  try {
    d = new Decimal(value);
  } catch {
    throw new DomainError('campaign.notANumber', { field });
  }
  if (!d.isFinite() || d.isNegative()) throw new DomainError('decision.negative', { field });
  // Money to the cent, and in the range of a position's cost (20 VZÄ are far below it): never rounded silently.
  if (d.decimalPlaces() > 2) throw new DomainError('campaign.amountCents', { field });
  if (d.gt(MAXIMUM_EIGENMITTEL)) throw new DomainError('decision.amountTooLarge', { field, max: MAXIMUM_EIGENMITTEL });
  return d.toFixed(2);
}

class Draft {
  readonly book: DecisionBook;
  readonly entries: AuditEntry[] = [];
  constructor(
    original: DecisionBook,
    private readonly ctx: DecisionContext,
    private readonly override: boolean,
  ) {
    this.book = structuredClone(original);
  }

  record(action: AuditAction, ags: string, before: unknown, after: unknown, reason?: string): void {
    this.entries.push({
      at: this.ctx.now,
      actor: actorRef(this.ctx.actor),
      action,
      ags,
      subject: ags,
      before,
      after,
      ...(reason ? { reason } : this.override ? { reason: OVERRIDE_NOTE } : {}),
    });
  }

  stamp(): Stamp {
    return { at: this.ctx.now, by: { id: this.ctx.actor.id, name: this.ctx.actor.name } };
  }

  finish(): DecisionResult {
    if (this.entries.length === 0) return { book: this.book, entries: [] };
    this.book.revision += 1;
    for (const e of this.entries) {
      e.revision = this.book.revision;
      this.book.events.push(e);
    }
    return { book: this.book, entries: this.entries };
  }

  /** Leaves whatever Verbund `ags` belonged to or led, resetting partners who confirmed the old terms. */
  detach(ags: string): void {
    const current = this.book.decisions[ags];
    if (!current) return;
    if (current.verbundLead) {
      const lead = this.book.decisions[current.verbundLead];
      if (lead?.confirmations?.[ags]) {
        delete lead.confirmations[ags];
        this.record('decision.withdrawConfirmation', lead.ags, { bestaetigt: ags }, { bestaetigt: null });
      }
    }
    if (current.choice === 'verbund' && current.partners) {
      for (const partner of current.partners) {
        const p = this.book.decisions[partner];
        if (p?.verbundLead === ags) {
          delete this.book.decisions[partner];
          this.record('decision.reset', partner, summary(p), null, `Verbund von ${ags} geändert: bitte erneut bestätigen`);
        }
      }
    }
  }
}

/** A short, personal-data-free view of a decision for the audit trail. */
function summary(d: Decision | undefined): unknown {
  if (!d) return null;
  return {
    wahl: d.choice,
    ...(d.vzae ? { vzae: d.vzae } : {}),
    ...(d.eigenmittel ? { eigenmittel: d.eigenmittel } : {}),
    ...(d.traeger ? { traeger: d.traeger } : {}),
    ...(d.partners ? { partner: d.partners } : {}),
    ...(d.verbundLead ? { verbundMit: d.verbundLead } : {}),
  };
}

function sameTerms(a: Decision | undefined, b: Decision): boolean {
  return JSON.stringify(summary(a)) === JSON.stringify(summary(b));
}

/** A Gemeinde decides (or the Koordinierungsstelle records its decision). Deciding the same again changes nothing. */
export function decide(original: DecisionBook, cmd: DecideCommand, ctx: DecisionContext): DecisionResult {
  assertMayDecideFor(ctx.actor, cmd.ags);
  if (!ctx.knownAgs.has(cmd.ags)) throw new DomainError('gemeinde.unknownKey', { ags: cmd.ags });
  if (!isChoice(cmd.choice)) throw new DomainError('decision.badChoice', { choice: String(cmd.choice) });
  const override = deadlineOverride(ctx);
  const reason = auditReason(cmd.reason, override, ctx);

  const next: Decision = { ags: cmd.ags, choice: cmd.choice, decided: { at: ctx.now, by: { id: ctx.actor.id, name: ctx.actor.name } } };
  if (cmd.choice === 'landkreis') {
    if (cmd.vzae !== undefined || cmd.partners?.length) throw new DomainError('decision.landkreisNoPosition');
  } else {
    if (cmd.vzae === undefined) throw new DomainError('decision.positionRequired');
    let vzae: Decimal;
    try {
      vzae = new Decimal(cmd.vzae);
    } catch {
      throw new DomainError('campaign.notANumber', { field: 'VZÄ' });
    }
    if (!vzae.isFinite() || vzae.lt(MINIMUM_POSITION_VZAE)) throw new DomainError('decision.positionTooSmall');
    if (vzae.gt(20)) throw new DomainError('decision.positionTooLarge');
    next.vzae = vzae.toDecimalPlaces(4).toString();
    const eigenmittel = nonNegativeAmount(cmd.eigenmittel, 'Eigenmittel');
    if (eigenmittel) next.eigenmittel = eigenmittel;
    const traeger = (cmd.traeger ?? '').trim();
    if (traeger.length > 200) throw new DomainError('input.tooLong', { max: 200 });
    if (traeger) next.traeger = traeger;
  }
  if (cmd.choice === 'verbund') {
    const partners = [...new Set(cmd.partners ?? [])];
    if (partners.length === 0) throw new DomainError('decision.partnersRequired');
    for (const p of partners) {
      if (!ctx.knownAgs.has(p)) throw new DomainError('gemeinde.unknownKey', { ags: p });
      if (p === cmd.ags) throw new DomainError('decision.partnerSelf');
      const other = original.decisions[p];
      if (other?.choice === 'verbund' && !other.verbundLead) throw new DomainError('decision.partnerIsLead', { ags: p });
      if (other?.verbundLead && other.verbundLead !== cmd.ags) throw new DomainError('decision.partnerInOtherVerbund', { ags: p });
    }
    next.partners = partners.sort();
  } else if (cmd.partners?.length) {
    throw new DomainError('decision.partnersOnlyForVerbund');
  }

  const current = original.decisions[cmd.ags];
  if (sameTerms(current, next) && !current?.verbundLead) return { book: original, entries: [] };

  const draft = new Draft(original, ctx, override);
  draft.detach(cmd.ags);
  if (override) next.override = true;
  next.confirmations = cmd.choice === 'verbund' ? {} : undefined;
  if (!next.confirmations) delete next.confirmations;
  draft.book.decisions[cmd.ags] = next;
  draft.record('decision.set', cmd.ags, summary(current), summary(next), reason);
  return draft.finish();
}

/**
 * The state of a Gemeinde's decision as a card shows it: the book's revision of the last change that
 * concerned the Gemeinde (its own decision, a reset by its Verbund's lead, a partner's confirmation), 0 if
 * none. A card built on one state must not overwrite another unseen (a colleague decided meanwhile), and
 * the same reviewed values on a new state are a new operation.
 */
export function decisionStateOf(book: DecisionBook, ags: string): number {
  for (let i = book.events.length - 1; i >= 0; i--) {
    const e = book.events[i];
    if (e.ags === ags) return e.revision ?? 0;
  }
  return 0;
}

/**
 * Identifies a Gemeinde's current decision – for a lead, its Verbund proposal: the book's revision at
 * which it last decided (0 if never). Unlike the time of the decision it changes with every new
 * decision, even within one millisecond or under a frozen clock (INTM_NOW).
 */
export function proposalOf(book: DecisionBook, ags: string): number {
  for (let i = book.events.length - 1; i >= 0; i--) {
    const e = book.events[i];
    if (e.action === 'decision.set' && e.ags === ags) return e.revision ?? 0;
  }
  return 0;
}

/** A partner confirms the Verbund a lead proposed. Confirming twice changes nothing. */
export function confirmVerbund(
  original: DecisionBook,
  /** `proposal`: the proposal the partner saw (proposalOf); a changed proposal is not confirmed blindly. */
  cmd: { ags: string; lead: string; proposal?: number; reason?: string },
  ctx: DecisionContext,
): DecisionResult {
  assertMayDecideFor(ctx.actor, cmd.ags);
  const lead = original.decisions[cmd.lead];
  if (!lead || lead.choice !== 'verbund' || !lead.partners?.includes(cmd.ags)) throw new DomainError('decision.noSuchVerbund');
  if (cmd.proposal !== undefined && cmd.proposal !== proposalOf(original, cmd.lead)) throw new DomainError('decision.proposalChanged');
  if (lead.confirmations?.[cmd.ags] && original.decisions[cmd.ags]?.verbundLead === cmd.lead) return { book: original, entries: [] };
  const own = original.decisions[cmd.ags];
  if (own?.choice === 'verbund' && !own.verbundLead) throw new DomainError('decision.partnerIsLead', { ags: cmd.ags });
  const override = deadlineOverride(ctx);

  const draft = new Draft(original, ctx, override);
  draft.detach(cmd.ags);
  const stamp = draft.stamp();
  const leadDraft = draft.book.decisions[cmd.lead];
  leadDraft.confirmations = { ...(leadDraft.confirmations ?? {}), [cmd.ags]: stamp };
  const partnerDecision: Decision = { ags: cmd.ags, choice: 'verbund', verbundLead: cmd.lead, decided: stamp, ...(override ? { override } : {}) };
  draft.book.decisions[cmd.ags] = partnerDecision;
  draft.record('decision.confirm', cmd.ags, summary(own), summary(partnerDecision), auditReason(cmd.reason, override, ctx));
  return draft.finish();
}

/** How a Gemeinde stands in step B, with the numbers that matter for the choice. */
export interface DecisionAssessment {
  ags: string;
  /** `offen` while nothing is decided: the Landkreis does it by default. */
  choice: Choice | 'offen';
  /** The Gemeinden carrying the position (lead first), for a Verbund. */
  members: string[];
  /** Partners of a Verbund still to confirm. */
  unconfirmed: string[];
  /** The share(s) of money available for the position. */
  fundedAmount: Decimal;
  /** VZÄ that money pays. */
  fundedVzae: Decimal;
  /** The position declared (or the 0.5-VZÄ minimum when none is declared). */
  positionVzae: Decimal;
  positionCost: Decimal;
  /** What the position costs beyond the share: the Eigenmittel needed. */
  missingEigenmittel: Decimal;
  eigenmittelDeclared: Decimal;
  /** Whether share plus declared Eigenmittel pay for the position. */
  covered: boolean;
  /** Landkreis, or an eigenständig/Verbund decision that meets every rule. */
  valid: boolean;
}

/**
 * Assesses a Gemeinde's decision against its (expected) share. `amounts` maps AGS to the amount of the
 * current allocation. Without a decision it shows what the 0.5-VZÄ minimum would cost.
 */
export function assessDecision(
  book: DecisionBook,
  ags: string,
  amounts: ReadonlyMap<string, Decimal>,
  campaign: Campaign,
): DecisionAssessment {
  const eurPerVzae = new Decimal(campaign.eurPerVzae);
  const own = book.decisions[ags];
  // A confirmed partner is assessed as part of its lead's Verbund.
  const governing = own?.verbundLead ? book.decisions[own.verbundLead] : own;
  const members =
    governing?.choice === 'verbund' ? [governing.ags, ...(governing.partners ?? [])] : [ags];
  const unconfirmed =
    governing?.choice === 'verbund' ? (governing.partners ?? []).filter((p) => !governing.confirmations?.[p]) : [];
  // A partner that has committed its share elsewhere (another lead's Verbund, a position of its own) or
  // declined (chose the Landkreis after the proposal) brings nothing here.
  const committedElsewhere = (m: string) => {
    const d = book.decisions[m];
    // The assessed Gemeinde's own share and the lead's always count.
    if (m === ags || m === governing?.ags || d === undefined) return false;
    if (d.verbundLead !== undefined) return d.verbundLead !== governing?.ags;
    return d.choice !== 'landkreis' || proposalOf(book, m) > proposalOf(book, governing!.ags);
  };
  const fundedAmount = members.filter((m) => !committedElsewhere(m)).reduce((sum, m) => sum.plus(amounts.get(m) ?? 0), new Decimal(0));
  const positionVzae =
    governing && governing.choice !== 'landkreis' && governing.vzae ? new Decimal(governing.vzae) : MINIMUM_POSITION_VZAE;
  const positionCost = positionVzae.times(eurPerVzae).toDecimalPlaces(2);
  const missing = Decimal.max(0, positionCost.minus(fundedAmount));
  const declared = new Decimal(governing?.eigenmittel ?? 0);
  const choice: Choice | 'offen' = own ? own.choice : 'offen';
  const leadMissing = own?.verbundLead !== undefined && governing?.choice !== 'verbund';
  const valid =
    choice === 'offen' ||
    choice === 'landkreis' ||
    (!leadMissing && positionVzae.gte(MINIMUM_POSITION_VZAE) && (choice === 'eigenstaendig' || unconfirmed.length === 0));
  return {
    ags,
    choice,
    members,
    unconfirmed,
    fundedAmount,
    fundedVzae: fundedAmount.dividedBy(eurPerVzae).toDecimalPlaces(4, Decimal.ROUND_DOWN),
    positionVzae,
    positionCost,
    missingEigenmittel: missing,
    eigenmittelDeclared: declared,
    covered: missing.lte(declared),
    valid,
  };
}

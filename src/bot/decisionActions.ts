/**
 * Step B on cards: the decision card with the figures that matter, a confirmation step before a
 * choice is binding, and the partners' confirmations of a Verbund. The same DecisionService as
 * `intm decide` checks rights, the 0.5-VZÄ rule and the deadline.
 */
import { decisionCard, decisionConfirmCard, overrideReasonCard, type DecisionReview, type DecisionView, type Notice } from '../cards';
import { VERBS, type FormInputs, type Verb } from '../cards/actions';
import type { DecisionSituation } from '../app/decisionService';
import type { Actor } from '../domain/actor';
import { MINIMUM_POSITION_VZAE } from '../domain/campaign';
import { formatDateFor } from '../domain/dates';
import { decisionStateOf, isChoice, type Choice, type DecideCommand, type DecisionBook } from '../domain/decision';
import { ConflictError, DomainError } from '../domain/errors';
import { Decimal, parseAmount } from '../domain/money';
import { translate, type Locale } from '../i18n/messages';
import { actionId, actionNumber, actionYear, BadActionData, formInputs, MAX_COUNTER, OPERATION_ID } from './actionData';
import type { BotDeps } from './deps';
import { cardAnswer, type InvokeAnswer } from './invoke';
import { sendToStaff } from './notify';

export const DECISION_VERBS: readonly Verb[] = [VERBS.decisionOpen, VERBS.decisionReview, VERBS.decisionSet, VERBS.verbundConfirm];

const AGS = /^\d{8}$/;

/** Cards the bot sends on its own are built with the Koordinierungsstelle's view of the data. */
export const SYSTEM: Actor = { id: 'system', name: 'IntM-Bot', role: 'koordination' };

function name(deps: BotDeps, ags: string): string {
  return deps.app.ctx.verzeichnis.byKey(ags)?.name ?? ags;
}

export async function decisionView(deps: BotDeps, actor: Actor, locale: Locale, year: number, ags: string, notice?: Notice, values?: FormInputs): Promise<DecisionView> {
  const s: DecisionSituation = await deps.app.decisions.situation(year, ags, actor);
  const a = s.assessment;
  const amount = new Decimal(s.row?.amount ?? 0);
  const minimumCost = MINIMUM_POSITION_VZAE.times(s.eurPerVzae);
  const member = (g: string) => ({ ags: g, name: name(deps, g) });
  const scenarios = s.row ? await scenariosOf(deps, actor, year, ags) : undefined;
  return {
    locale,
    year,
    gemeinde: member(ags),
    computed: s.row !== undefined,
    state: s.state,
    reasonRequired: actor.role === 'koordination' && deps.app.ctx.clock.today() > s.deadline,
    amount: amount.toFixed(2),
    vzae: s.row?.vzae ?? '0.0000',
    persons: s.row?.persons ?? 0,
    provisional: s.provisional,
    published: s.published,
    eurPerVzae: s.eurPerVzae,
    minimumPositionCost: minimumCost.toFixed(2),
    missingForMinimum: Decimal.max(0, minimumCost.minus(amount)).toFixed(2),
    deadline: s.deadline,
    editable: s.editable,
    current: {
      choice: a.choice,
      valid: a.valid,
      ...(s.decision?.vzae ? { vzae: s.decision.vzae } : {}),
      ...(s.decision?.eigenmittel ? { eigenmittel: s.decision.eigenmittel } : {}),
      ...(s.decision?.traeger ? { traeger: s.decision.traeger } : {}),
      ...(a.members.length > 1 ? { members: a.members.map((g) => ({ ...member(g), confirmed: g === a.members[0] || !a.unconfirmed.includes(g) })) } : {}),
      fundedAmount: a.fundedAmount.toFixed(2),
      positionCost: a.positionCost.toFixed(2),
      missingEigenmittel: a.missingEigenmittel.toFixed(2),
      covered: a.covered,
      ...(s.decision ? { decidedAt: s.decision.decided.at } : {}),
    },
    invitations: s.invitations.map((i) => ({ lead: member(i.lead), vzae: i.vzae, members: i.members.map(member), confirmed: i.confirmed, proposal: i.proposal })),
    gemeinden: deps.app.ctx.verzeichnis.all.filter((g) => g.ags !== ags).map((g) => ({ ags: g.ags, name: g.name })),
    ...(notice ? { notice } : {}),
    ...(values ? { values } : {}),
    ...(scenarios ? { scenarios } : {}),
  };
}

/** The financing risk for the card; none when the figures allow no scenario (e.g. a Vorwegabzug above a cut Kreis amount). */
async function scenariosOf(deps: BotDeps, actor: Actor, year: number, ags: string) {
  try {
    return (await deps.app.risk.scenarios(year, ags, actor)).figures;
  } catch (e) {
    if (e instanceof DomainError && !e.code.startsWith('auth.')) return undefined;
    throw e;
  }
}

/** The decision as typed into the form (or carried by the confirmation card), checked for shape. */
function command(ags: string, inputs: FormInputs): DecideCommand {
  const choice = (inputs.choice ?? '').trim();
  if (!choice) throw new DomainError('bot.choiceRequired');
  if (!isChoice(choice)) throw new DomainError('decision.badChoice', { choice });
  const cmd: DecideCommand = { ags, choice: choice as Choice };
  if (inputs.reason?.trim()) cmd.reason = inputs.reason.trim();
  if (choice === 'landkreis') return cmd;
  const vzae = (inputs.vzae ?? '').trim().replace(',', '.');
  if (vzae) {
    if (!/^\d+(\.\d+)?$/.test(vzae)) throw new DomainError('campaign.notANumber', { field: 'VZÄ' });
    cmd.vzae = vzae;
  }
  if (inputs.eigenmittel?.trim()) {
    const amount = parseAmount(inputs.eigenmittel);
    if (!amount) throw new DomainError('input.badAmount', { value: inputs.eigenmittel, field: 'Eigenmittel' });
    cmd.eigenmittel = amount.toString();
  }
  if (inputs.traeger?.trim()) cmd.traeger = inputs.traeger.trim();
  if (choice === 'verbund') {
    const partners = [...new Set((inputs.partners ?? '').split(',').map((p) => p.trim()).filter(Boolean))];
    if (partners.some((p) => !AGS.test(p))) throw new BadActionData('partners');
    cmd.partners = partners;
  }
  return cmd;
}

/** Whether `ags` is a confirmed partner of the Verbund `lead` proposes (as confirmVerbund leaves it). */
function standsConfirmed(book: DecisionBook, ags: string, lead: string): boolean {
  return !!book.decisions[lead]?.confirmations?.[ags] && book.decisions[ags]?.verbundLead === lead;
}

function target(raw: unknown, field: 'ags' | 'lead'): string {
  const v = (raw as Record<string, unknown> | undefined)?.[field];
  if (typeof v !== 'string' || !AGS.test(v)) throw new BadActionData(field);
  return v;
}

export const yearOf = actionYear;

/** After the decision deadline a change is the Koordinierungsstelle's override (and its answer says so). */
async function pastDeadline(deps: BotDeps, year: number): Promise<boolean> {
  return deps.app.ctx.clock.today() > (await deps.app.campaigns.show(year)).campaign.deadlines.decision;
}

/** A refusal naming a Gemeinde by its key reads better with its name (the domain knows keys only). */
function withNames(deps: BotDeps, e: DomainError): DomainError {
  const ags = e.params.ags;
  if (typeof ags !== 'string' || !AGS.test(ags) || !deps.app.ctx.verzeichnis.byKey(ags)) return e;
  return new DomainError(e.code, { ...e.params, ags: name(deps, ags) });
}

/**
 * After a decision: the partners of a proposed Verbund get the invitation card, and Gemeinden whose
 * confirmation the change undid but who are no longer partners are told their decision is open again –
 * each in its own staff's language. Returns the invited partners the bot could not reach at all.
 */
async function tellPartners(deps: BotDeps, year: number, lead: string, before: DecisionBook, after: DecisionBook): Promise<string[]> {
  const invited = after.decisions[lead]?.choice === 'verbund' ? (after.decisions[lead].partners ?? []) : [];
  const dropped = Object.values(before.decisions)
    .filter((d) => d.verbundLead === lead && !after.decisions[d.ags] && !invited.includes(d.ags))
    .map((d) => d.ags);
  const cardWith = (partner: string, code: 'bot.verbundInvitation' | 'bot.verbundLeft') => async (partnerLocale: Locale) => {
    const notice: Notice = { kind: code === 'bot.verbundLeft' ? 'warning' : 'info', text: translate(code, { lead: name(deps, lead) }, partnerLocale) };
    const partnerView = await decisionView(deps, SYSTEM, partnerLocale, year, partner, notice);
    return decisionCard({ ...partnerView, editable: deps.app.ctx.clock.today() <= partnerView.deadline });
  };
  const unreachable: string[] = [];
  for (const partner of invited) {
    const reach = await sendToStaff(deps, partner, cardWith(partner, 'bot.verbundInvitation'), 'verbund.invitation');
    if (reach.sent === 0) unreachable.push(partner);
  }
  for (const partner of dropped) await sendToStaff(deps, partner, cardWith(partner, 'bot.verbundLeft'), 'verbund.left');
  return unreachable;
}

export async function handleDecisionAction(deps: BotDeps, actor: Actor, locale: Locale, verb: Verb, raw: unknown): Promise<InvokeAnswer> {
  const year = yearOf(raw);
  const ags = target(raw, 'ags');
  const inputs = formInputs(raw);
  const say = (kind: Notice['kind'], code: Parameters<typeof translate>[0], params = {}): Notice => ({ kind, text: translate(code, params, locale) });
  const view = (notice?: Notice, values?: FormInputs) => decisionView(deps, actor, locale, year, ags, notice, values);
  /** A decision made meanwhile: the current card, inviting to decide again only while that is possible. */
  const changedMeanwhile = async (values?: FormInputs): Promise<DecisionView> => {
    const current = await view();
    const code = current.editable ? 'card.decisionChanged' : 'card.decisionChangedLocked';
    return { ...current, notice: say('warning', code, { name: name(deps, ags) }), ...(values && current.editable ? { values } : {}) };
  };
  const refused = async (e: unknown, values?: FormInputs): Promise<InvokeAnswer> => {
    if (e instanceof ConflictError) return cardAnswer(decisionCard(await changedMeanwhile()));
    if (e instanceof DomainError && !e.code.startsWith('auth.')) return cardAnswer(decisionCard(await view({ kind: 'error', text: withNames(deps, e).text(locale) }, values)));
    throw e;
  };

  switch (verb) {
    case VERBS.decisionOpen:
      return cardAnswer(decisionCard(await view()));
    case VERBS.decisionReview: {
      try {
        // Filled in on an older state of the decision (a colleague decided meanwhile): show the current one first.
        const formState = actionNumber(raw, 'state', 0, MAX_COUNTER);
        if (formState !== undefined && formState !== decisionStateOf(await deps.app.decisions.read(year), ags)) {
          return cardAnswer(decisionCard(await changedMeanwhile(inputs)));
        }
        // An old card's "Weiter" after the deadline: the card as it now stands, no confirmation to decide.
        const before = await view();
        if (!before.editable) {
          return cardAnswer(decisionCard({ ...before, notice: say('info', 'card.decisionLocked', { date: formatDateFor(before.deadline, locale) }) }));
        }
        const cmd = command(ags, inputs);
        const assessment = await deps.app.decisions.preview(year, cmd, actor);
        const review: DecisionReview = {
          choice: cmd.choice,
          ...(cmd.vzae !== undefined ? { vzae: String(cmd.vzae) } : {}),
          ...(cmd.eigenmittel !== undefined ? { eigenmittel: String(cmd.eigenmittel) } : {}),
          ...(cmd.traeger ? { traeger: cmd.traeger } : {}),
          ...(cmd.partners ? { partners: cmd.partners.map((p) => ({ ags: p, name: name(deps, p) })) } : {}),
          ...(cmd.reason ? { reason: cmd.reason } : {}),
          fundedAmount: assessment.fundedAmount.toFixed(2),
          positionCost: assessment.positionCost.toFixed(2),
          missingEigenmittel: Decimal.max(0, assessment.missingEigenmittel.minus(assessment.eigenmittelDeclared)).toFixed(2),
          covered: assessment.covered,
        };
        return cardAnswer(decisionConfirmCard(before, review));
      } catch (e) {
        return refused(e, inputs);
      }
    }
    case VERBS.decisionSet: {
      try {
        const cmd = command(ags, inputs);
        // No operation id (a card from elsewhere): no replay protection rather than one id for every decision.
        const op = actionId(raw, 'op', OPERATION_ID);
        // The decision state the confirmation card was built on (cards from before this field: not checked).
        const expectedState = actionNumber(raw, 'state', 0, MAX_COUNTER);
        const before = await deps.app.decisions.read(year);
        const outcome = await deps.app.decisions.decide(year, cmd, { actor, ...(op ? { opId: op } : {}), ...(expectedState !== undefined ? { expectedState } : {}) });
        const notices: Notice[] = [];
        if (outcome.changed) {
          deps.summaries.refreshDecisions(year, before, outcome.book);
          const unreachable = await tellPartners(deps, year, ags, before, outcome.book);
          if (unreachable.length) notices.push(say('warning', 'bot.verbundUnreachable', { names: unreachable.map((g) => name(deps, g)).join(', ') }));
        }
        // A retried or double-submitted click (same operation id) was saved by the first try: it says so too.
        const saved = outcome.changed || outcome.replayed;
        // After the deadline only the Koordinierungsstelle decides, and it is recorded as its change.
        const override = saved && (await pastDeadline(deps, year));
        const deadline = formatDateFor((await deps.app.campaigns.show(year)).campaign.deadlines.decision, locale);
        const done = say(saved ? 'success' : 'info', saved ? (override ? 'card.decidedOverride' : 'card.decided') : 'card.noChange', { date: deadline });
        return cardAnswer(decisionCard(await view(notices.length ? { ...done, text: [done.text, ...notices.map((n) => n.text)].join(' ') } : done)));
      } catch (e) {
        return refused(e, inputs);
      }
    }
    default: {
      const lead = target(raw, 'lead');
      try {
        // The proposal the card showed (cards from before this field: the proposal as it stands). No
        // operation id: confirming is idempotent by itself (a double click confirms once), and an id would
        // turn a confirmation given again – after the partner withdrew, or the lead proposed anew – into a replay.
        const proposal = actionNumber(raw, 'proposal', 0, MAX_COUNTER);
        const before = await deps.app.decisions.read(year);
        const reason = inputs.reason?.trim();
        const cmd = { ags, lead, ...(proposal !== undefined ? { proposal } : {}) };
        let outcome;
        try {
          outcome = await deps.app.decisions.confirm(year, { ...cmd, ...(reason ? { reason } : {}) }, { actor });
        } catch (e) {
          // After the deadline the Koordinierungsstelle gives its reason on a card of its own, then confirms from there.
          if (!(e instanceof DomainError && e.code === 'decision.overrideReasonRequired')) throw e;
          return cardAnswer(overrideReasonCard(await view({ kind: reason ? 'error' : 'warning', text: e.text(locale) }), { year, ...cmd }, reason ?? ''));
        }
        if (outcome.changed) deps.summaries.refreshDecisions(year, before, outcome.book);
        // Confirming carries no operation id, so a double click is not a replay but a confirmation that is
        // already there: it answers like the first click did, for the partner stands confirmed.
        const confirmed = outcome.changed || outcome.replayed || standsConfirmed(outcome.book, ags, lead);
        const override = outcome.changed && (await pastDeadline(deps, year));
        const done = confirmed ? (override ? 'card.decidedOverride' : 'card.verbundConfirmed') : 'card.noChange';
        return cardAnswer(decisionCard(await view(say(confirmed ? 'success' : 'info', done))));
      } catch (e) {
        return refused(e);
      }
    }
  }
}

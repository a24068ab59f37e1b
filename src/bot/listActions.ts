/**
 * The Gemeinde's list on cards: open, page, strike, undo, add a child or another person, submit.
 * Every action reloads the list, runs the same application service as the command line (which
 * checks role, deadline and rule) and answers with the updated card. A refusal answers with the
 * current card and the reason; a form keeps what was typed.
 */
import { createHash } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import {
  childFormCard,
  listCard,
  otherFormCard,
  strikeFormCard,
  submitConfirmCard,
  type AdaptiveCard,
  type ListView,
  type Notice,
} from '../cards';
import { VERBS, type FormInputs, type ListActionData, type Verb } from '../cards/actions';
import type { CampaignRecord } from '../app/ports';
import type { Actor } from '../domain/actor';
import { parseDate } from '../domain/dates';
import { personById, type GemeindeListe, type LastChange } from '../domain/list';
import { ConflictError, DomainError } from '../domain/errors';
import { translate, type Locale, type MessageCode } from '../i18n/messages';
import { formInputs, listActionData } from './actionData';
import { alreadyDoneNotice, conflictNotice } from './changeNotices';
import type { BotDeps } from './deps';
import { cardAnswer, type InvokeAnswer } from './invoke';
import { listView } from './views';

/** Refusals caused by what was typed into a form: the form is shown again with the reason. */
const FORM_CODES = new Set<MessageCode>([
  'list.badReason',
  'list.noteRequired',
  'list.nameRequired',
  'list.justificationRequired',
  'list.birthInFuture',
  'list.childBornBeforeAssignment',
  'list.childAfterStichtag',
  'list.bornAfterAssignment',
  'list.assignmentOutsidePeriod',
  'list.duplicateAddition',
  'list.parentNotFound',
  'list.parentNotActive',
  'input.tooLong',
  'input.badDate',
  'bot.reasonRequired',
  'bot.birthDateRequired',
  'bot.assignmentDateRequired',
]);

/**
 * The operation a click stands for: the button's id (verb, list, revision, person) plus what was typed
 * into the form. A double submit of the same form is one operation; the same form sent again with
 * other values (a second child from a still-open form) is another, and is then refused as stale.
 */
export function operationOf(buttonOp: string, inputs: FormInputs): string {
  const typed = Object.entries(inputs)
    .filter(([, v]) => v !== undefined && v !== '')
    .sort(([a], [b]) => a.localeCompare(b));
  if (typed.length === 0) return buttonOp;
  return `${buttonOp}:${createHash('sha256').update(JSON.stringify(typed)).digest('base64url').slice(0, 12)}`;
}

export const LIST_VERBS: readonly Verb[] = [
  VERBS.listOpen,
  VERBS.listPage,
  VERBS.listRefresh,
  VERBS.strikeForm,
  VERBS.strike,
  VERBS.undo,
  VERBS.childForm,
  VERBS.childAdd,
  VERBS.otherForm,
  VERBS.otherAdd,
  VERBS.submitConfirm,
  VERBS.submit,
];

interface Ctx {
  deps: BotDeps;
  actor: Actor;
  locale: Locale;
  data: ListActionData;
  inputs: FormInputs;
  /** The clicking user's Teams id, so that their list card refreshes itself for them too. */
  viewerTeamsId?: string;
}

function notice(kind: Notice['kind'], code: MessageCode, locale: Locale, params = {}): Notice {
  return { kind, text: translate(code, params, locale) };
}

/** Empty fields get the form's own "please enter" (clients that skip isRequired send ""), not „“ is no date. */
const DATE_REQUIRED: Record<string, MessageCode> = { Geburtsdatum: 'bot.birthDateRequired', Zuweisungsdatum: 'bot.assignmentDateRequired' };

function date(text: string | undefined, field: 'Geburtsdatum' | 'Zuweisungsdatum'): string {
  if (!text?.trim()) throw new DomainError(DATE_REQUIRED[field]);
  const d = parseDate(text);
  if (!d) throw new DomainError('input.badDate', { value: text ?? '', field });
  return d;
}

async function view(c: Ctx, n?: Notice, stored?: GemeindeListe, storedCampaign?: CampaignRecord): Promise<ListView> {
  return listView(c.deps, c.actor, c.locale, c.data.year, c.data.ags, c.data.page ?? 0, n, stored, c.viewerTeamsId, storedCampaign);
}

interface ChangeOutcome {
  changed: boolean;
  replayed: boolean;
  list: GemeindeListe;
  alreadyDone?: LastChange;
  /** The campaign record the change was decided against. */
  campaign?: CampaignRecord;
}

/**
 * Runs a change; on success the list card with a confirmation, on a refusal the form or the list with
 * the reason. A conflict – what the click acted on changed since the card was shown – is answered with
 * what happened, in words, on the current card (`onConflict`: the form again, or the confirmation).
 */
async function change(
  c: Ctx,
  run: () => Promise<ChangeOutcome>,
  done: MessageCode,
  form: (v: ListView) => AdaptiveCard,
  options: { channelCard?: 'whenQuiet' | 'now'; onConflict?: (v: ListView) => AdaptiveCard } = {},
): Promise<AdaptiveCard> {
  try {
    const outcome = await run();
    // While the Gemeinde works on its list, its channel card waits until the clicks stop (refreshWhenQuiet says why).
    if (outcome.changed) {
      if (options.channelCard === 'now') c.deps.summaries.refresh(c.data.year);
      else c.deps.summaries.refreshWhenQuiet(c.data.year);
    }
    const today = c.deps.app.ctx.clock.today();
    // A colleague (or this user, from another card) did it already: who and when, as information.
    const earlier = outcome.alreadyDone && alreadyDoneNotice(outcome.list, c.data.personId, outcome.alreadyDone, c.actor, c.locale, today);
    const text: MessageCode = outcome.changed || outcome.replayed ? done : 'card.noChange';
    const n = earlier && !outcome.changed && !outcome.replayed ? earlier : notice(outcome.changed || outcome.replayed ? 'success' : 'info', text, c.locale);
    // The outcome carries the list as stored, and the campaign record it was decided against: the card shows exactly these.
    return listCard(await view(c, n, outcome.list, outcome.campaign));
  } catch (e) {
    if (e instanceof ConflictError) {
      // Told what happened only where acting again can work: a list submitted or closed meanwhile comes
      // back read-only, and its card says why.
      const current = await view(c);
      if (!current.editable) return listCard(current);
      const n = conflictNotice(e, current.list, c.actor, c.locale, current.today) ?? notice('warning', 'conflict.staleRevision', c.locale);
      return (options.onConflict ?? listCard)({ ...current, notice: n });
    }
    if (e instanceof DomainError && !e.code.startsWith('auth.')) {
      const n: Notice = { kind: 'error', text: e.text(c.locale) };
      return FORM_CODES.has(e.code) ? form(await view(c, n)) : listCard(await view(c, n));
    }
    throw e;
  }
}

export async function handleListAction(deps: BotDeps, actor: Actor, locale: Locale, verb: Verb, raw: unknown, context?: TurnContext): Promise<InvokeAnswer> {
  const needsPerson = verb === VERBS.strikeForm || verb === VERBS.strike || verb === VERBS.undo;
  const data = listActionData(raw, { person: needsPerson, household: verb === VERBS.childForm });
  const inputs = formInputs(raw);
  const viewerTeamsId = context?.activity.from?.id;
  const c: Ctx = { deps, actor, locale, data, inputs, ...(viewerTeamsId ? { viewerTeamsId } : {}) };
  const { year, ags } = data;
  const opts = { actor, ...(data.op ? { opId: operationOf(data.op, inputs) } : {}), ...(data.rev !== undefined ? { expectedRevision: data.rev } : {}) };
  const review = deps.app.review;

  switch (verb) {
    case VERBS.listOpen:
    case VERBS.listPage:
    case VERBS.listRefresh:
      return cardAnswer(listCard(await view(c)));
    case VERBS.strikeForm: {
      const v = await view(c);
      // Struck meanwhile (by a colleague): who and when, on the list, instead of the form.
      const person = personById(v.list, data.personId!);
      const done = person?.strike && person.last && alreadyDoneNotice(v.list, person.id, person.last, actor, locale, v.today);
      return cardAnswer(done && v.editable ? listCard({ ...v, notice: done }) : strikeFormCard(v, data.personId!));
    }
    case VERBS.strike:
      return cardAnswer(
        await change(
          c,
          () => {
            if (!inputs.reason?.trim()) throw new DomainError('bot.reasonRequired');
            return review.strike(year, ags, { personId: data.personId!, reason: inputs.reason, note: inputs.note }, opts);
          },
          'card.struck',
          (v) => strikeFormCard(v, data.personId!, inputs),
        ),
      );
    case VERBS.undo:
      return cardAnswer(await change(c, () => review.undo(year, ags, data.personId!, opts), 'card.undone', (v) => listCard(v)));
    case VERBS.childForm:
      return cardAnswer(childFormCard(await view(c), data.householdId!));
    case VERBS.childAdd: {
      const household = inputs.householdId ?? data.householdId ?? '';
      return cardAnswer(
        await change(
          c,
          async () =>
            review.addChild(
              year,
              ags,
              { parentId: inputs.parentId ?? '', surname: inputs.surname ?? '', givenName: inputs.givenName ?? '', birthDate: date(inputs.birthDate, 'Geburtsdatum') },
              opts,
            ),
          'card.childAdded',
          (v) => childFormCard(v, household, inputs),
          // The household changed (a parent struck, a child added): the form again, with what was typed – or the list, if no parent is left.
          { onConflict: (v) => childFormCard(v, household, inputs) },
        ),
      );
    }
    case VERBS.otherForm:
      return cardAnswer(otherFormCard(await view(c)));
    case VERBS.otherAdd:
      return cardAnswer(
        await change(
          c,
          async () =>
            review.addOther(
              year,
              ags,
              {
                surname: inputs.surname ?? '',
                givenName: inputs.givenName ?? '',
                birthDate: date(inputs.birthDate, 'Geburtsdatum'),
                assignmentDate: date(inputs.assignmentDate, 'Zuweisungsdatum'),
                zugangsart: inputs.zugangsart === 'zuweisung' ? 'zuweisung' : 'familiennachzug',
                ...(inputs.householdId ? { householdId: inputs.householdId } : {}),
                justification: inputs.justification ?? '',
              },
              opts,
            ),
          'card.otherAdded',
          (v) => otherFormCard(v, inputs),
        ),
      );
    case VERBS.submitConfirm:
      return cardAnswer(submitConfirmCard(await view(c)));
    case VERBS.submit:
      // Changed since the confirmation was shown: the new confirmation, with the new count.
      return cardAnswer(
        await change(c, () => review.submit(year, ags, opts), 'card.submitted', (v) => submitConfirmCard(v), { channelCard: 'now', onConflict: submitConfirmCard }),
      );
    default:
      throw new Error(`not a list verb: ${verb}`);
  }
}

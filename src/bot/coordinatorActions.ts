/** The Koordinierungsstelle's cards: the dashboard of all Gemeinden and the additions to decide. */
import type { TurnContext } from 'botbuilder';
import { additionsCard, listCard, rejectFormCard, type AdditionsView, type Notice } from '../cards';
import { VERBS, type Verb } from '../cards/actions';
import { isKoordination, type Actor } from '../domain/actor';
import { parseDate } from '../domain/dates';
import { personVersion } from '../domain/list';
import { ConflictError, DomainError } from '../domain/errors';
import { translate, type Locale, type MessageCode } from '../i18n/messages';
import { actionNumber, actionYear, formInputs, listActionData, MAX_PAGE } from './actionData';
import { conflictNotice } from './changeNotices';
import type { BotDeps } from './deps';
import { cardAnswer, type InvokeAnswer } from './invoke';
import { dashboardFor, listView } from './views';

export const COORDINATOR_VERBS: readonly Verb[] = [
  VERBS.dashboard,
  VERBS.additions,
  VERBS.additionAccept,
  VERBS.additionRejectForm,
  VERBS.additionReject,
  VERBS.reopen,
];

export async function additionsView(deps: BotDeps, actor: Actor, locale: Locale, year: number, notice?: Notice): Promise<AdditionsView> {
  const pending = await deps.app.review.pendingAdditions(year, { actor });
  return {
    locale,
    year,
    // Accepting or rejecting acts on the person: its version, so only a change to it conflicts.
    items: pending.map(({ ags, person }) => ({ ags, gemeinde: deps.app.ctx.verzeichnis.byKey(ags)?.name ?? ags, rev: personVersion(person), person })),
    ...(notice ? { notice } : {}),
  };
}

export async function handleCoordinatorAction(deps: BotDeps, actor: Actor, locale: Locale, verb: Verb, raw: unknown, context: TurnContext): Promise<InvokeAnswer> {
  if (!isKoordination(actor)) throw new DomainError('auth.koordinationOnly');
  const say = (kind: Notice['kind'], code: MessageCode): Notice => ({ kind, text: translate(code, {}, locale) });

  if (verb === VERBS.dashboard) {
    return cardAnswer(await dashboardFor(deps, actionYear(raw), locale, actionNumber(raw, 'page', 0, MAX_PAGE) ?? 0, context.activity));
  }
  if (verb === VERBS.additions) return cardAnswer(additionsCard(await additionsView(deps, actor, locale, actionYear(raw))));

  const data = listActionData(raw, { person: verb !== VERBS.reopen });
  const inputs = formInputs(raw);
  const opts = { actor, ...(data.op ? { opId: data.op } : {}), ...(data.rev !== undefined ? { expectedRevision: data.rev } : {}) };
  const decided = async (accept: boolean): Promise<InvokeAnswer> => {
    try {
      const outcome = await deps.app.review.reviewAddition(data.year, data.ags, { personId: data.personId!, accept, note: inputs.note }, opts);
      if (outcome.changed) deps.summaries.refresh(data.year);
      return cardAnswer(additionsCard(await additionsView(deps, actor, locale, data.year, say('success', accept ? 'card.accepted' : 'card.rejected'))));
    } catch (e) {
      if (e instanceof ConflictError) {
        const list = await deps.app.review.getList(data.year, data.ags, { actor });
        const n = conflictNotice(e, list, actor, locale, deps.app.ctx.clock.today()) ?? say('warning', 'conflict.staleRevision');
        return cardAnswer(additionsCard(await additionsView(deps, actor, locale, data.year, n)));
      }
      if (!(e instanceof DomainError) || e.code.startsWith('auth.')) throw e;
      const notice: Notice = { kind: 'error', text: e.text(locale) };
      const view = await additionsView(deps, actor, locale, data.year, notice);
      return cardAnswer(accept ? additionsCard(view) : rejectFormCard(view, data.ags, data.personId!, inputs));
    }
  };

  switch (verb) {
    case VERBS.additionAccept:
      return decided(true);
    case VERBS.additionRejectForm:
      return cardAnswer(rejectFormCard(await additionsView(deps, actor, locale, data.year), data.ags, data.personId!));
    case VERBS.additionReject:
      return decided(false);
    default: {
      // Reopen, from a read-only list card the coordinator is looking at.
      const until = inputs.until ? parseDate(inputs.until) : undefined;
      try {
        if (inputs.until && !until) throw new DomainError('input.badDate', { value: inputs.until, field: locale === 'en' ? 'until' : 'bis' });
        const outcome = await deps.app.review.reopen(data.year, data.ags, { ...(until ? { until } : {}), reason: inputs.reason }, opts);
        if (outcome.changed) deps.summaries.refresh(data.year);
        // A retried click (same operation id) was reopened by the first try: it says so too.
        const reopened = outcome.changed || outcome.replayed;
        return cardAnswer(listCard(await listView(deps, actor, locale, data.year, data.ags, 0, say(reopened ? 'success' : 'info', reopened ? 'card.reopened' : 'card.noChange'))));
      } catch (e) {
        if (!(e instanceof DomainError) || e.code.startsWith('auth.')) throw e;
        return cardAnswer(listCard(await listView(deps, actor, locale, data.year, data.ags, 0, { kind: 'error', text: e.text(locale) })));
      }
    }
  }
}

/**
 * The buttons of every card as template data: always Action.Execute, a verb from VERBS, and data of
 * ids and numbers only (see actions.ts). Changing verbs carry an operation id so a retried or
 * double-clicked button is applied once.
 */
import { versionOf, type ConflictScope, type GemeindeListe } from '../domain/list';
import { ListActionData, operationId, Verb, VERBS } from './actions';
import type { ListView } from './index';

/** Data of a button that is not about one list: ids, numbers, the reviewed decision values, a flag. */
export type ActionData = Record<string, string | number | boolean>;

export interface ButtonData {
  verb: Verb;
  title: string;
  data: ListActionData | { year: number; page?: number } | ActionData;
  style: 'default' | 'positive' | 'destructive';
  /** 'none' for buttons that leave a form: they must neither validate nor send its inputs. */
  inputs: 'auto' | 'none';
}

const CHANGING_VERBS: ReadonlySet<Verb> = new Set<Verb>([
  VERBS.strike,
  VERBS.undo,
  VERBS.childAdd,
  VERBS.otherAdd,
  VERBS.submit,
  VERBS.additionAccept,
  VERBS.additionReject,
  VERBS.reopen,
  // The Verwendungsnachweis' changes: their `rev` is the Nachweis' revision (verwendungsnachweisCard.nachweisActionData).
  VERBS.vnSave,
  VERBS.vnReview,
  VERBS.vnSubmit,
  VERBS.vnReturn,
  VERBS.vnAccept,
]);

export function isChangingVerb(verb: Verb): boolean {
  return CHANGING_VERBS.has(verb);
}

export interface ButtonOptions {
  personId?: string;
  householdId?: string;
  /** The page the data carries; default: the page the view shows. */
  page?: number;
  style?: ButtonData['style'];
  inputs?: ButtonData['inputs'];
}

/**
 * What a changing button acts on (domain/list.ts ConflictScope): its `rev` is that thing's version, so
 * the click conflicts only with a change to it. Adding another person acts on nothing that can change
 * under it; its `rev` (the list's) only makes its operation id new after every change.
 */
function scopeOf(verb: Verb, opts: { personId?: string; householdId?: string }): ConflictScope {
  switch (verb) {
    case VERBS.strike:
    case VERBS.undo:
    case VERBS.additionAccept:
    case VERBS.additionReject:
      return { kind: 'person', personId: opts.personId ?? '' };
    case VERBS.childAdd:
      return { kind: 'household', key: opts.householdId ?? '' };
    default:
      return { kind: 'list' };
  }
}

/**
 * Data for an action on one Gemeinde's list: year, ags, page; for a change also `rev` (the version of
 * what it acts on, see scopeOf) and an operation id. Buttons that change nothing (paging, opening a
 * form) carry no revision: they never conflict, and a card's rows do not change with every click.
 */
export function listActionData(
  target: { year: number; ags: string; rev: number },
  verb: Verb,
  opts: { page?: number; personId?: string; householdId?: string },
): ListActionData {
  const data: ListActionData = { year: target.year, ags: target.ags };
  if (opts.page !== undefined) data.page = opts.page;
  if (opts.personId !== undefined) data.personId = opts.personId;
  if (opts.householdId !== undefined) data.householdId = opts.householdId;
  if (isChangingVerb(verb)) {
    data.rev = target.rev;
    data.op = operationId(verb, { ags: target.ags, rev: target.rev, personId: opts.personId, householdId: opts.householdId });
  }
  return data;
}

/** The version a changing button on a card about `list` carries (see scopeOf). */
export function buttonVersion(verb: Verb, list: GemeindeListe, opts: { personId?: string; householdId?: string }): number {
  return versionOf(list, scopeOf(verb, opts));
}

/** A button on a card about `view.list`. */
export function listButton(view: ListView, verb: Verb, title: string, opts: ButtonOptions = {}): ButtonData {
  const rev = isChangingVerb(verb) ? buttonVersion(verb, view.list, opts) : 0;
  const data = listActionData({ year: view.list.year, ags: view.list.ags, rev }, verb, {
    page: opts.page ?? view.page,
    personId: opts.personId,
    householdId: opts.householdId,
  });
  return { verb, title, data, style: opts.style ?? 'default', inputs: opts.inputs ?? 'auto' };
}

/** "Zurück" from a form to the list page it came from. */
export function backToList(view: ListView, title: string): ButtonData {
  return listButton(view, VERBS.listPage, title, { inputs: 'none' });
}

/** A coordinator's button that is not about one list (dashboard, additions). */
export function yearButton(verb: Verb, title: string, year: number, page?: number, inputs: ButtonData['inputs'] = 'auto'): ButtonData {
  return { verb, title, data: page === undefined ? { year } : { year, page }, style: 'default', inputs };
}

/** Any other button: the verb, its title and the data it carries as given. */
export function actionButton(verb: Verb, title: string, data: ActionData, opts: { style?: ButtonData['style']; inputs?: ButtonData['inputs'] } = {}): ButtonData {
  return { verb, title, data, style: opts.style ?? 'default', inputs: opts.inputs ?? 'auto' };
}

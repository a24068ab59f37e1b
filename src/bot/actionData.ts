/**
 * Card data is input from the outside: every field is checked for type and shape before use.
 * What it may say (ids, revision, page) decides nothing about rights – the roster does.
 */
import type { FormInputs, ListActionData } from '../cards/actions';

export class BadActionData extends Error {
  constructor(readonly field: string) {
    super(`bad action data: ${field}`);
    this.name = 'BadActionData';
  }
}

type Raw = Record<string, unknown>;

/**
 * Ranges of the numbers cards carry. Card data comes from the client and may be forged: a `year` of
 * 1e308 is an integer to JavaScript, a revision of 2^60 is one too. Anything outside these ranges is
 * refused as invalid input before any lookup (the same limits as the domain's Berechnungsjahr).
 */
export const YEAR_RANGE = { min: 2020, max: 2100 } as const;
/** Pages of a list card: 46 Gemeinden' lists are at most a few hundred persons; 10,000 pages is far beyond. */
export const MAX_PAGE = 10_000;
/** Revisions and state counters grow by one per change: a billion is more than any year will see. */
export const MAX_COUNTER = 1_000_000_000;

function int(raw: Raw, field: string, min: number, max: number, required: boolean): number | undefined {
  const v = raw[field];
  if (v === undefined || v === null || v === '') {
    if (required) throw new BadActionData(field);
    return undefined;
  }
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) throw new BadActionData(field);
  return n;
}

function id(raw: Raw, field: string, required: boolean, pattern = /^[\w.:/-]{1,80}$/): string | undefined {
  const v = raw[field];
  if (v === undefined || v === null || v === '') {
    if (required) throw new BadActionData(field);
    return undefined;
  }
  if (typeof v !== 'string' || !pattern.test(v)) throw new BadActionData(field);
  return v;
}

/** Operation ids as the cards make them (verb, keys, a hash); stored in the audit log, so bounded. */
export const OPERATION_ID = /^[\w.:/-]{1,120}$/;
/** An optional id-like field of a card's data, checked against `pattern`; a malformed one is refused. */
export function actionId(raw: unknown, field: string, pattern: RegExp): string | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new BadActionData('data');
  return id(raw as Raw, field, false, pattern);
}

/** The Berechnungsjahr of a card's data: a whole number in YEAR_RANGE, or BadActionData. */
export function actionYear(raw: unknown): number {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new BadActionData('data');
  return int(raw as Raw, 'year', YEAR_RANGE.min, YEAR_RANGE.max, true)!;
}

/** An optional whole number of a card's data within [min, max]; anything else is refused. */
export function actionNumber(raw: unknown, field: string, min: number, max: number): number | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new BadActionData('data');
  return int(raw as Raw, field, min, max, false);
}

export function listActionData(raw: unknown, need: { person?: boolean; household?: boolean } = {}): ListActionData {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new BadActionData('data');
  const r = raw as Raw;
  const data: ListActionData = {
    year: actionYear(r),
    ags: id(r, 'ags', true, /^\d{8}$/)!,
  };
  const page = int(r, 'page', 0, MAX_PAGE, false);
  const rev = int(r, 'rev', 0, MAX_COUNTER, false);
  const op = id(r, 'op', false, OPERATION_ID);
  const personId = id(r, 'personId', !!need.person);
  const householdId = id(r, 'householdId', !!need.household, /^[^\n\r]{1,255}$/);
  return {
    ...data,
    ...(page !== undefined ? { page } : {}),
    ...(rev !== undefined ? { rev } : {}),
    ...(op ? { op } : {}),
    ...(personId ? { personId } : {}),
    ...(householdId ? { householdId } : {}),
  };
}

const INPUT_FIELDS: (keyof FormInputs)[] = [
  'reason', 'note', 'parentId', 'surname', 'givenName', 'birthDate', 'assignmentDate', 'zugangsart', 'householdId', 'justification', 'until',
  'choice', 'vzae', 'eigenmittel', 'traeger', 'partners',
  'kreisAmount', 'landesmittel', 'quote', 'unit', 'eurPerVzae',
];

/** The form's inputs as strings (anything else is dropped); length is checked by the domain rules. */
export function formInputs(raw: unknown): FormInputs {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Raw;
  const inputs: FormInputs = {};
  for (const field of INPUT_FIELDS) {
    const v = r[field];
    if (typeof v === 'string') inputs[field] = v.slice(0, 2000);
  }
  return inputs;
}

/**
 * A refusal the user should read: a message code from the catalogue in `src/i18n/` and its parameters.
 * Domain rules throw these; every front end turns them into a German (or English) sentence and
 * changes nothing. Anything else that is thrown is a bug and never reaches a user verbatim.
 */
import type { MessageCode, MessageParams } from '../i18n/messages';
import type { LastChange } from './list';
import { translate } from '../i18n/messages';

export class DomainError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly params: MessageParams = {},
  ) {
    super(translate(code, params, 'de'));
    this.name = 'DomainError';
  }

  /** The sentence for the user, in their language. */
  text(locale: 'de' | 'en' = 'de'): string {
    return translate(this.code, this.params, locale);
  }
}

/**
 * What changed since the user saw it, for telling them in words: the scope the change acted on and,
 * for a person or household, the person whose change came last and who made it. For the front end
 * only: the error's message (which a log may show) names no one; the front end looks up the person's
 * name on the list it shows the user.
 */
export interface ConflictDetail {
  scope?: 'person' | 'household' | 'list';
  personId?: string;
  last?: LastChange;
}

/** A change made against an outdated state (a stale card, a concurrent editor). */
export class ConflictError extends DomainError {
  constructor(
    readonly currentRevision: number,
    readonly detail: ConflictDetail = {},
  ) {
    super('conflict.staleRevision', { current: currentRevision });
    this.name = 'ConflictError';
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

/**
 * A refusal the user should read: a message code from the catalogue in `src/i18n/` and its parameters.
 * Domain rules throw these; every front end turns them into a German (or English) sentence and
 * changes nothing. Anything else that is thrown is a bug and never reaches a user verbatim.
 */
import type { MessageCode, MessageParams } from '../i18n/messages';
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

/** A change made against an outdated revision (a stale card, a concurrent editor). */
export class ConflictError extends DomainError {
  constructor(readonly currentRevision: number, params: MessageParams = {}) {
    super('conflict.staleRevision', { ...params, current: currentRevision });
    this.name = 'ConflictError';
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

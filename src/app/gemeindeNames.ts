/**
 * The domain names Gemeinden by AGS in its refusals and findings (it has no Verzeichnis); users read
 * names. The Verwendungsnachweis service puts the names into the message params before a refusal or a
 * finding leaves it, so the bot and the command line show the same sentence („… fehlt noch für
 * Beilstein, Ilsfeld“) – one mechanism for both front ends, like withNames for the decision card.
 */
import { ConflictError, DomainError } from '../domain/errors';
import type { MessageParams } from '../i18n/messages';

export type NameOf = (ags: string) => string;

const AGS = /^\d{8}$/;

/** An AGS, or a list of them („08125013, 08125026“), with each AGS replaced by its name (unknown ones stay). */
function named(value: string, nameOf: NameOf): string {
  return value
    .split(', ')
    .map((part) => (AGS.test(part) ? nameOf(part) : part))
    .join(', ');
}

/**
 * The params with names for the AGS in `ags` and `lead` (one Gemeinde), `members` (a list) and a
 * Verbund share's field („Anteil 08125013“ → „Anteil Beilstein“); other params unchanged.
 */
export function namedParams(params: MessageParams, nameOf: NameOf): MessageParams {
  const out: MessageParams = { ...params };
  for (const key of ['ags', 'lead', 'members'] as const) {
    const v = params[key];
    if (typeof v === 'string') out[key] = named(v, nameOf);
  }
  const share = typeof params.field === 'string' ? /^Anteil (\d{8})$/.exec(params.field) : null;
  if (share) out.field = `Anteil ${nameOf(share[1])}`;
  return out;
}

/** A refusal with names in its params; anything else (and a conflict, which carries more than params) as it was. */
export function withGemeindeNames(e: unknown, nameOf: NameOf): unknown {
  if (!(e instanceof DomainError) || e instanceof ConflictError) return e;
  return new DomainError(e.code, namedParams(e.params, nameOf));
}

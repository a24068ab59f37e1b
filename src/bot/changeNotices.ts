/**
 * What a clerk is told when a colleague was quicker: a conflict ("„Muster, Anna“ wurde inzwischen um
 * 10:42 Uhr von Bert Beispiel gestrichen …") or a change that had been made already. The name is shown
 * only in the answer to the clicking user (an invoke answer, which no one else sees).
 */
import type { Notice } from '../cards';
import { formatCount, localDateTime } from '../cards/render';
import type { Actor } from '../domain/actor';
import { berlinDate, type IsoDate } from '../domain/dates';
import type { ConflictError } from '../domain/errors';
import { countList, personById, type GemeindeListe, type LastChange, type ListPerson } from '../domain/list';
import { STRIKE_REASON_LABEL } from '../i18n/cards';
import { translate, type Locale, type MessageCode } from '../i18n/messages';

/** "gestrichen (Grund: weggezogen)", "wieder aufgenommen …": what the person's last change did. */
function whatHappened(person: ListPerson, last: LastChange, locale: Locale): string {
  switch (last.action) {
    case 'person.strike':
      return translate('change.struck', { reason: person.strike ? STRIKE_REASON_LABEL[locale][person.strike.reason] : '–' }, locale);
    case 'person.unstrike':
      return translate('change.unstruck', {}, locale);
    case 'person.withdraw':
      return translate('change.withdrawn', {}, locale);
    case 'person.addChild':
    case 'person.addOther':
      return translate('change.added', {}, locale);
    case 'person.accept':
      return translate('change.accepted', {}, locale);
    case 'person.reject':
      return translate('change.rejected', {}, locale);
    default:
      return translate('change.changed', {}, locale);
  }
}

/** The parameters of a sentence about a person's last change: name, what, when (time today, else day and time), who. */
function aboutChange(person: ListPerson, last: LastChange, actor: Actor, locale: Locale, today: IsoDate) {
  const { date, time } = localDateTime(last.at, locale);
  const when = berlinDate(last.at) === today ? translate('change.today', { time }, locale) : translate('change.onDay', { date, time }, locale);
  const who = last.by.id === actor.id ? translate('change.byYou', {}, locale) : last.by.name;
  // Plain text: the notice is shown as a TextRun, escaped as user text there (noticeData).
  return { name: `${person.surname}, ${person.givenName}`, what: whatHappened(person, last, locale), when, who };
}

/**
 * The notice for a refused change: what changed since the user saw it, in words. Undefined when there
 * is nothing to name (the list scope, or a person no longer on the list): the caller says it its way.
 */
export function conflictNotice(e: ConflictError, list: GemeindeListe, actor: Actor, locale: Locale, today: IsoDate): Notice | undefined {
  const { scope, personId, last } = e.detail;
  const person = personId ? personById(list, personId) : undefined;
  if (scope === 'list') return { kind: 'warning', text: translate('conflict.submit', { n: formatCount(countList(list).persons, locale) }, locale) };
  if (!person || !last) return undefined;
  const code: MessageCode = scope === 'household' ? 'conflict.household' : 'conflict.person';
  return { kind: 'warning', text: translate(code, aboutChange(person, last, actor, locale, today), locale) };
}

/** The notice for a change that had been made already (by a colleague, or by the user from another card). */
export function alreadyDoneNotice(list: GemeindeListe, personId: string | undefined, last: LastChange, actor: Actor, locale: Locale, today: IsoDate): Notice | undefined {
  const person = personId ? personById(list, personId) : undefined;
  if (!person) return undefined;
  return { kind: 'info', text: translate('done.person', aboutChange(person, last, actor, locale, today), locale) };
}

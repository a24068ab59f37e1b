/** How one person reads on a card: name, the facts line and the status. Shared by the list and the forms. */
import { formatDateFor } from '../domain/dates';
import type { ListPerson } from '../domain/list';
import type { Locale } from '../i18n/catalogue';
import { cardText, PERSON_STATUS_LABEL, PersonStatus, STRIKE_REASON_LABEL } from '../i18n/cards';
import { userText } from './render';

export function personStatus(p: ListPerson): PersonStatus {
  if (p.origin === 'import') return p.strike ? 'struck' : 'counted';
  if (p.withdrawn) return 'withdrawn';
  switch (p.addition?.review) {
    case 'angenommen':
      return 'added';
    case 'offen':
      return 'pending';
    default:
      return 'rejected';
  }
}

/**
 * Adaptive Card text colours for each status: what no longer counts stands out, an addition still
 * waiting for the Koordinierungsstelle is marked in Accent. Not Good or Warning: Teams' light theme
 * draws those (#92c353, #f8d22a) too pale to read on white.
 */
export const STATUS_COLOR: Record<PersonStatus, string> = {
  counted: 'Default',
  struck: 'Attention',
  added: 'Default',
  pending: 'Accent',
  rejected: 'Attention',
  withdrawn: 'Default',
};

export function statusText(p: ListPerson, locale: Locale): string {
  const status = personStatus(p);
  if (status === 'struck' && p.strike) return cardText('person.struckBecause', locale, { reason: STRIKE_REASON_LABEL[locale][p.strike.reason] });
  return PERSON_STATUS_LABEL[locale][status];
}

/** "Surname, Given name", user text for a TextRun. */
export function personName(p: ListPerson): string {
  return userText(`${p.surname}, ${p.givenName}`);
}

/** "geb. 14.05.1990 · Zuweisung am 15.03.2021": birth date, Zugangsart and assignment date in one line. */
export function personFacts(p: ListPerson, locale: Locale): string {
  const born = cardText('person.born', locale, { date: formatDateFor(p.birthDate, locale) });
  const date = formatDateFor(p.assignmentDate, locale);
  const arrival =
    p.zugangsart === 'nachgeboren'
      ? cardText('person.nachgeboren', locale)
      : cardText(p.zugangsart === 'familiennachzug' ? 'person.familiennachzug' : 'person.zuweisung', locale, { date });
  return `${born} · ${arrival}`;
}

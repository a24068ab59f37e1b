/**
 * A Gemeinde's list after a realistic review, made with the real domain operations: struck persons,
 * a lifted strike, a later-born child, other additions accepted, rejected, withdrawn and pending,
 * submission. Some user texts start with =, +, - or @ as an attacker's would.
 */
import type { Actor } from '../../src/domain/actor';
import type { AuditEntry } from '../../src/domain/audit';
import { Campaign, createCampaign } from '../../src/domain/campaign';
import {
  addChild,
  addOtherPerson,
  ChangeContext,
  ChangeResult,
  emptyList,
  GemeindeListe,
  ListPerson,
  markSent,
  reviewAddition,
  strikePerson,
  submitList,
  undoPerson,
} from '../../src/domain/list';

export const GEMEINDE = { ags: '08125001', name: 'Abstatt' };
export const KOORD: Actor = { id: 'k-1', name: 'Karla Koordination', role: 'koordination' };
export const STAFF: Actor = { id: 'g-1', name: 'Gerd Gemeinde', role: 'gemeinde', ags: GEMEINDE.ags };
export const FORMULA_SURNAME = '=HYPERLINK("http://example.invalid","klick")';
export const PLUS_JUSTIFICATION = '+49 7131 000000 angerufen: Familiennachzug im März 2022 bestätigt';
export const MINUS_NOTE = '-SUM(1;2) zieht nach Stuttgart';
export const AT_NOTE = '@Leitung: Nachweis fehlt trotz Nachfrage';

function imported(i: number, household: string): ListPerson {
  return {
    id: `P-${1000 + i}`,
    householdId: household,
    surname: `Muster${i}`,
    givenName: 'Alex',
    birthDate: `198${i}-02-0${i}`,
    assignmentDate: '2021-06-01',
    zugangsart: i === 5 ? 'familiennachzug' : 'zuweisung',
    origin: 'import',
  };
}

export interface ReviewedList {
  campaign: Campaign;
  list: GemeindeListe;
  /** The list's change log, as storage keeps it beside the list. */
  history: AuditEntry[];
  ids: { child: string; accepted: string; rejected: string; withdrawn: string; pending: string };
}

export function reviewedList(): ReviewedList {
  const campaign = createCampaign({ year: 2025, kreisAmount: '1508000' });
  let minute = 0;
  const ctx = (actor: Actor): ChangeContext => ({
    actor,
    now: `2024-01-10T08:${String(minute++).padStart(2, '0')}:00.000Z`,
    today: '2024-01-10',
    campaign,
    published: false,
  });
  let list = emptyList(2025, GEMEINDE.ags);
  const history: AuditEntry[] = [];
  const logged = <T extends ChangeResult>(r: T): T => {
    if (r.entry) history.push(r.entry);
    return r;
  };
  // Household H-2 is listed first in the export but sorts after H-1.
  list.persons.push(imported(3, 'H-2'), imported(1, 'H-1'), imported(2, 'H-1'), imported(4, 'H-2'), imported(5, 'H-10'), imported(6, 'H-3'));
  list = logged(markSent(list, ctx(KOORD))).list;
  list = logged(strikePerson(list, { personId: 'P-1002', reason: 'weggezogen' }, ctx(STAFF))).list;
  list = logged(strikePerson(list, { personId: 'P-1003', reason: 'sonstiges', note: MINUS_NOTE }, ctx(STAFF))).list;
  list = logged(strikePerson(list, { personId: 'P-1004', reason: 'verstorben' }, ctx(STAFF))).list;
  list = logged(undoPerson(list, 'P-1004', ctx(STAFF))).list;
  const child = logged(addChild(list, { parentId: 'P-1001', surname: 'Muster1', givenName: 'Mia', birthDate: '2022-03-01' }, ctx(STAFF)));
  list = child.list;
  const other = (surname: string, justification: string) => {
    const r = logged(
      addOtherPerson(
        list,
        { surname, givenName: '@Vorname', birthDate: '1995-05-05', assignmentDate: '2022-04-01', zugangsart: 'familiennachzug', householdId: 'H-3', justification },
        ctx(STAFF),
      ),
    );
    list = r.list;
    return r.personId;
  };
  const accepted = other(FORMULA_SURNAME, PLUS_JUSTIFICATION);
  const rejected = other('Abgelehnt', 'Zuzug laut Meldeamt im April 2022, Nachweis folgt');
  const withdrawn = other('Zurueck', 'versehentlich erfasst, bitte ignorieren');
  const pending = other('Offen', 'Familiennachzug, Bescheid liegt der Gemeinde vor');
  list = logged(undoPerson(list, withdrawn, ctx(STAFF))).list;
  list = logged(submitList(list, ctx(STAFF))).list;
  list = logged(reviewAddition(list, { personId: accepted, accept: true }, ctx(KOORD))).list;
  list = logged(reviewAddition(list, { personId: rejected, accept: false, note: AT_NOTE }, ctx(KOORD))).list;
  return { campaign, list, history, ids: { child: child.personId, accepted, rejected, withdrawn, pending } };
}

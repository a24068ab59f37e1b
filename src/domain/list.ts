/**
 * Steps 3 and 4: a Gemeinde checks its list against its Meldedaten. It strikes persons who are no
 * longer registered there, adds children born later (nachgeborene Kinder) and, with a justification
 * the Koordinierungsstelle must accept, other missing persons; then it submits the list.
 *
 * Every operation here is pure: it takes the list as stored and returns the changed copy plus the
 * audit entry, or throws a DomainError and changes nothing.
 */
import { Actor, actsFor, isKoordination } from './actor';
import { AuditAction, AuditEntry, actorRef } from './audit';
import type { Campaign } from './campaign';
import { IsoDate, berlinDate, isBetween } from './dates';
import { ConflictError, DomainError } from './errors';

export type Zugangsart = 'zuweisung' | 'familiennachzug' | 'nachgeboren';

export const STRIKE_REASONS = ['weggezogen', 'verstorben', 'nicht-zugezogen', 'doppelt', 'sonstiges'] as const;
export type StrikeReason = (typeof STRIKE_REASONS)[number];

export function isStrikeReason(value: string): value is StrikeReason {
  return (STRIKE_REASONS as readonly string[]).includes(value);
}

export interface Stamp {
  /** ISO timestamp. */
  at: string;
  by: { id: string; name: string };
}

/**
 * The last change to a person: what, when, by whom, and the list revision it made. A card shows a
 * person at this version; a click on it conflicts only if the person changed since (see ConflictScope).
 */
export interface LastChange extends Stamp {
  rev: number;
  action: AuditAction;
}

export interface ListPerson {
  /** LRA Personen-ID; for persons added by the Gemeinde an id the bot assigns (`NT-…`). */
  id: string;
  householdId?: string;
  surname: string;
  givenName: string;
  birthDate: IsoDate;
  /** Zuweisungsdatum; for a later-born child its birth date. */
  assignmentDate: IsoDate;
  zugangsart: Zugangsart;
  origin: 'import' | 'nachtrag';
  strike?: Stamp & { reason: StrikeReason; note?: string };
  addition?: Stamp & {
    kind: 'kind' | 'weitere';
    parentId?: string;
    justification?: string;
    /** Later-born children count at once; other persons only once the Koordinierungsstelle accepts them. */
    review: 'angenommen' | 'offen' | 'abgelehnt';
    reviewed?: Stamp & { note?: string };
  };
  /** An addition taken back with "rückgängig". */
  withdrawn?: Stamp;
  /** Set by every change to the person (applyListChange); absent while it is as imported. */
  last?: LastChange;
}

/**
 * A Gemeinde's list as it stands. Its change log (the audit entries) is not part of it: every change
 * is one small ListChange, which storage appends to its log and applies here (applyListChange).
 */
export interface GemeindeListe {
  year: number;
  ags: string;
  /** Goes up by one with every change: the list's clock. Persons carry the revision of their last change. */
  revision: number;
  persons: ListPerson[];
  /** Step 2: when the list went out to the Gemeinde. */
  sent?: Stamp;
  /** Step 4: submitted lists are locked until the Koordinierungsstelle reopens them. */
  submitted?: Stamp & { persons: number };
  /** A later due date granted by the Koordinierungsstelle (reopening after the deadline). */
  extendedUntil?: IsoDate;
  /** How many changes of each kind the list has had (the change log's shape, without its content). */
  changeCounts: Partial<Record<AuditAction, number>>;
  /**
   * The version of a person as imported, when not 0: a re-import starts above every version the year's
   * lists had, so that a card from before it conflicts instead of acting on the new lists.
   */
  base?: number;
}

/**
 * One change of a list: the audit entry (who, when, what, why; `revision` is the list's revision after
 * it) and what it sets – the person as it is afterwards (replacing the one with its id, or added), and
 * list fields (null removes one). Small and self-contained: storage appends exactly this.
 */
export interface ListChange {
  entry: AuditEntry & { revision: number; ags: string };
  person?: ListPerson;
  fields?: {
    sent?: Stamp | null;
    submitted?: (Stamp & { persons: number }) | null;
    extendedUntil?: IsoDate | null;
  };
}

export type ListState = 'importiert' | 'versendet' | 'in-bearbeitung' | 'eingereicht';

export interface ListCounts {
  /** On the imported list. */
  listed: number;
  struck: number;
  /** Added and counted: later-born children and accepted other persons. */
  added: number;
  /** Other persons waiting for the Koordinierungsstelle. */
  pending: number;
  /** Persons at the Stichtag: listed − struck + added. */
  persons: number;
}

export interface ChangeContext {
  actor: Actor;
  /**
   * The version of what the change acts on as the user saw it (a card's `rev`): the person's, the
   * household's or the list's revision (versionOf). Changed since, the change is refused with what
   * happened (ConflictError). Undefined: no check (the command line).
   */
  seen?: number;
  /** ISO timestamp of the change. */
  now: string;
  /** Today's calendar date in the Landkreis (Europe/Berlin). */
  today: IsoDate;
  campaign: Campaign;
  /**
   * The overview is published as final: only the Koordinierungsstelle may still change lists. A
   * provisional publication (lists still open) leaves each open list to its Gemeinde until the due date.
   */
  published: boolean;
}

export interface ChangeResult {
  list: GemeindeListe;
  /** Absent when the operation changed nothing (striking a struck person, undoing twice). */
  change?: ListChange;
  /** The change's audit entry (change.entry). */
  entry?: AuditEntry;
  /** When nothing changed because it was done already: the person's last change (who did it, when). */
  alreadyDone?: LastChange;
}

export function emptyList(year: number, ags: string): GemeindeListe {
  return { year, ags, revision: 0, persons: [], changeCounts: {} };
}

/**
 * The list after `change`: the one function that applies a change, for the rules (the result they
 * return), for storage (replaying its log) and for every adapter alike. Persons that did not change
 * stay the same objects; the changed one is a new object that carries `last`.
 */
export function applyListChange(list: GemeindeListe, change: ListChange): GemeindeListe {
  const { entry } = change;
  if (entry.revision !== list.revision + 1) throw new Error(`list ${list.ags}: change to revision ${entry.revision} applied at revision ${list.revision}`);
  const next: GemeindeListe = {
    ...list,
    revision: entry.revision,
    changeCounts: { ...list.changeCounts, [entry.action]: (list.changeCounts[entry.action] ?? 0) + 1 },
  };
  if (change.person) {
    const changed: ListPerson = { ...change.person, last: { at: entry.at, by: { id: entry.actor.id, name: entry.actor.name }, rev: entry.revision, action: entry.action } };
    const index = personIndex(list, changed.id);
    // Spread, not slice(): slice takes a slow path on a frozen array (storage freezes lists), some 50 times slower.
    const persons = [...list.persons];
    if (index < 0) persons.push(changed);
    else persons[index] = changed;
    carryPositions(list.persons, persons, index < 0 ? changed.id : undefined);
    next.persons = persons;
    // Counted already (a card showed it): the next version's counts follow from the one person.
    const before = counts.get(list);
    if (before) counts.set(next, countsAfter(before, index < 0 ? undefined : list.persons[index], changed));
  }
  for (const [key, value] of Object.entries(change.fields ?? {}) as [keyof NonNullable<ListChange['fields']>, unknown][]) {
    if (value === null || value === undefined) delete next[key];
    else (next as unknown as Record<string, unknown>)[key] = value;
  }
  return next;
}

/**
 * Where each person stands in a persons array, by id – the first with that id, as `find` would answer
 * (a valid list has no two). A list as stored is frozen (never changed, only replaced): its positions
 * are worked out on the first lookup, and applyListChange hands them on to the next version's array
 * (the same ids at the same places; after an addition one more at the end), which storage freezes as
 * it is. So a click finds its person without walking the list, whose persons are objects of many
 * shapes. An array that is not frozen (a list being assembled, a test's) is searched through, and
 * positions handed on are used only for an array of the length they were made for.
 */
interface Positions {
  length: number;
  byId: ReadonlyMap<string, number>;
}
const positions = new WeakMap<readonly ListPerson[], Positions>();

function positionsIn(persons: readonly ListPerson[]): ReadonlyMap<string, number> {
  let known = positions.get(persons);
  if (!known || known.length !== persons.length) {
    const byId = new Map<string, number>();
    for (let i = 0; i < persons.length; i++) if (!byId.has(persons[i].id)) byId.set(persons[i].id, i);
    positions.set(persons, (known = { length: persons.length, byId }));
  }
  return known.byId;
}

/** The next version's array, made by applyListChange: as `before` with one person replaced in place, or with `added` appended. */
function carryPositions(before: readonly ListPerson[], after: readonly ListPerson[], added?: string): void {
  const known = positions.get(before);
  if (!known || known.length !== before.length || !Object.isFrozen(before)) return;
  positions.set(after, added === undefined ? known : { length: after.length, byId: new Map(known.byId).set(added, before.length) });
}

/** The place of the person with this id in `list.persons` (the first such, as findIndex), or -1. */
export function personIndex(list: GemeindeListe, personId: string): number {
  if (!Object.isFrozen(list.persons)) return list.persons.findIndex((p) => p.id === personId);
  return positionsIn(list.persons).get(personId) ?? -1;
}

/** The person with this id (the first such, as `find`), or undefined. */
export function personById(list: GemeindeListe, personId: string): ListPerson | undefined {
  const i = personIndex(list, personId);
  return i < 0 ? undefined : list.persons[i];
}

/**
 * What a click acts on, and so what it can conflict with: striking, restoring or deciding on a person
 * conflicts only with a change to that person; adding a child only with a change to its household
 * (e.g. the parent struck); submitting or reopening with any change to the list. Paging and opening
 * forms act on nothing.
 */
export type ConflictScope = { kind: 'person'; personId: string } | { kind: 'household'; key: string } | { kind: 'list' };

/** The household a person belongs to: its household id, or (without one) its own id. */
export function householdOf(p: ListPerson): string {
  return p.householdId ?? p.id;
}

/** The revision of the last change to a person; as imported, the list's base version (0 after the year's first import). */
export function personVersion(p: ListPerson, base = 0): number {
  return p.last?.rev ?? base;
}

/** The version of what a scope names: the revision of its last change. */
export function versionOf(list: GemeindeListe, scope: ConflictScope): number {
  switch (scope.kind) {
    case 'list':
      return list.revision;
    case 'person': {
      const p = personById(list, scope.personId);
      return p ? personVersion(p, list.base) : (list.base ?? 0);
    }
    default: {
      let v = list.base ?? 0;
      for (const p of list.persons) if (householdOf(p) === scope.key && personVersion(p) > v) v = personVersion(p);
      return v;
    }
  }
}

/** The latest change within a scope, for telling the user what happened (the list scope has none to name). */
function latestIn(list: GemeindeListe, scope: ConflictScope): ListPerson | undefined {
  if (scope.kind === 'list') return undefined;
  let latest: ListPerson | undefined;
  for (const p of list.persons) {
    const inside = scope.kind === 'person' ? p.id === scope.personId : householdOf(p) === scope.key;
    if (inside && p.last && (!latest || p.last.rev > latest.last!.rev)) latest = p;
  }
  return latest;
}

/** Refuses a change when what it acts on changed since the version the user saw (ctx.seen). */
function assertUnchangedSince(list: GemeindeListe, scope: ConflictScope, ctx: ChangeContext): void {
  if (ctx.seen === undefined || versionOf(list, scope) === ctx.seen) return;
  const latest = latestIn(list, scope);
  throw new ConflictError(list.revision, {
    scope: scope.kind,
    ...(latest ? { personId: latest.id, last: latest.last } : {}),
  });
}

export function isActive(p: ListPerson): boolean {
  if (p.origin === 'import') return !p.strike;
  return !p.withdrawn && p.addition?.review === 'angenommen';
}

/** The counts of each version of a list (a list is never changed, only replaced), as worked out once. */
const counts = new WeakMap<GemeindeListe, ListCounts>();

export function countList(list: GemeindeListe): ListCounts {
  let known = counts.get(list);
  if (!known) counts.set(list, (known = countPersons(list)));
  return { ...known };
}

function countPersons(list: GemeindeListe): ListCounts {
  const c: ListCounts = { listed: 0, struck: 0, added: 0, pending: 0, persons: 0 };
  for (const p of list.persons) countPerson(c, p, 1);
  return c;
}

/** Adds (sign 1) or takes away (sign -1) what one person counts for. */
function countPerson(c: ListCounts, p: ListPerson, sign: 1 | -1): void {
  if (p.origin === 'import') {
    c.listed += sign;
    if (p.strike) c.struck += sign;
  } else if (!p.withdrawn) {
    if (p.addition?.review === 'angenommen') c.added += sign;
    else if (p.addition?.review === 'offen') c.pending += sign;
  }
  c.persons = c.listed - c.struck + c.added;
}

/** The counts of a list one person changed in (or was added to), from the counts before: no walk through the list. */
function countsAfter(before: ListCounts, replaced: ListPerson | undefined, changed: ListPerson): ListCounts {
  const c = { ...before };
  if (replaced) countPerson(c, replaced, -1);
  countPerson(c, changed, 1);
  return c;
}

function counted(list: GemeindeListe, wanted: (action: string) => boolean): boolean {
  return Object.entries(list.changeCounts).some(([action, n]) => !!n && wanted(action));
}

/** Whether the Gemeinde has worked on the list (struck, added, submitted): what a new import or a new period would discard. */
export function workedOn(list: GemeindeListe): boolean {
  return counted(list, (a) => a.startsWith('person.') || a === 'list.submit');
}

export function listState(list: GemeindeListe): ListState {
  if (list.submitted) return 'eingereicht';
  if (counted(list, (a) => a.startsWith('person.') || a === 'list.reopen')) return 'in-bearbeitung';
  if (list.sent) return 'versendet';
  return 'importiert';
}

/** The day the list is due: the campaign's review deadline, or a later one the Koordinierungsstelle granted. */
export function dueDate(list: GemeindeListe, campaign: Campaign): IsoDate {
  return list.extendedUntil && list.extendedUntil > campaign.deadlines.review ? list.extendedUntil : campaign.deadlines.review;
}

/** Sent to the Gemeinde, not submitted and past its due date. A list never sent cannot be late. */
export function isOverdue(list: GemeindeListe, campaign: Campaign, today: IsoDate): boolean {
  return !!list.sent && !list.submitted && today > dueDate(list, campaign);
}

function findPerson(list: GemeindeListe, personId: string): ListPerson {
  const person = personById(list, personId);
  if (!person) throw new DomainError('list.personNotFound', { ags: list.ags });
  return person;
}

function stamp(ctx: ChangeContext): Stamp {
  return { at: ctx.now, by: { id: ctx.actor.id, name: ctx.actor.name } };
}

/** Staff may change only their own Gemeinde's list; the Koordinierungsstelle any. */
export function assertMayAccessList(actor: Actor, ags: string): void {
  if (!actsFor(actor, ags)) throw new DomainError('auth.otherGemeinde');
}

/** What every change by the Gemeinde must pass: its own list, not submitted, not past the due date. */
function assertEditable(list: GemeindeListe, ctx: ChangeContext): void {
  assertMayAccessList(ctx.actor, list.ags);
  if (list.submitted) {
    throw new DomainError('list.locked', { date: berlinDate(list.submitted.at), name: list.submitted.by.name });
  }
  if (isKoordination(ctx.actor)) return;
  if (ctx.published) throw new DomainError('list.published');
  const due = dueDate(list, ctx.campaign);
  if (ctx.today > due) throw new DomainError('list.deadlinePassed', { date: due });
}

/** Whether `actor` may change the list now (the rules of every change, without making one): drives which buttons a card shows. */
export function isEditableFor(list: GemeindeListe, ctx: Omit<ChangeContext, 'now'>): boolean {
  try {
    assertEditable(list, { ...ctx, now: '' });
    return true;
  } catch (e) {
    if (e instanceof DomainError) return false;
    throw e;
  }
}

/**
 * Makes the change: its audit entry (revision = the list's next one) and what it sets, applied to the
 * list by applyListChange – `before` itself is never changed.
 */
function commit(
  before: GemeindeListe,
  ctx: ChangeContext,
  action: AuditAction,
  sets: Pick<ListChange, 'person' | 'fields'>,
  details: Pick<AuditEntry, 'subject' | 'before' | 'after' | 'reason'>,
): ChangeResult {
  const entry: ListChange['entry'] = {
    at: ctx.now,
    actor: actorRef(ctx.actor),
    action,
    ags: before.ags,
    ...details,
    revision: before.revision + 1,
  };
  const change: ListChange = { entry, ...sets };
  return { list: applyListChange(before, change), change, entry };
}

function unchanged(list: GemeindeListe, done?: ListPerson): ChangeResult {
  return done?.last ? { list, alreadyDone: done.last } : { list };
}

function requiredText(value: string | undefined, code: 'list.noteRequired' | 'list.rejectNoteRequired' | 'list.justificationRequired', min = 3): string {
  const text = (value ?? '').trim();
  if (text.length < min) throw new DomainError(code);
  if (text.length > 500) throw new DomainError('input.tooLong', { max: 500 });
  return text;
}

function optionalText(value: string | undefined): string | undefined {
  const text = (value ?? '').trim();
  if (!text) return undefined;
  if (text.length > 500) throw new DomainError('input.tooLong', { max: 500 });
  return text;
}

export interface StrikeCommand {
  personId: string;
  reason: string;
  note?: string;
}

/** A person with some fields set or removed (undefined removes), without its `last` (applyListChange sets that). */
function updated(person: ListPerson, fields: Partial<ListPerson>): ListPerson {
  const next: Partial<ListPerson> = { ...person, ...fields };
  delete next.last;
  for (const key of Object.keys(fields) as (keyof ListPerson)[]) if (fields[key] === undefined) delete next[key];
  return next as ListPerson;
}

/**
 * Strikes a person no longer registered in the Gemeinde at the end of the period. Striking a person
 * already struck for the same reason changes nothing and is no error (a colleague was quicker: the
 * result says who); struck for another reason since the user saw the person, it is a conflict.
 */
export function strikePerson(list: GemeindeListe, cmd: StrikeCommand, ctx: ChangeContext): ChangeResult {
  assertMayAccessList(ctx.actor, list.ags);
  const person = findPerson(list, cmd.personId);
  if (!isStrikeReason(cmd.reason)) throw new DomainError('list.badReason', { reason: cmd.reason });
  if (person.origin !== 'import') throw new DomainError('list.strikeAddition');
  if (person.strike?.reason === cmd.reason) return unchanged(list, person);
  // A list closed meanwhile says so first: that is why nothing can be changed at all.
  assertEditable(list, ctx);
  assertUnchangedSince(list, { kind: 'person', personId: person.id }, ctx);
  if (person.strike) return unchanged(list, person);
  const note = cmd.reason === 'sonstiges' ? requiredText(cmd.note, 'list.noteRequired') : optionalText(cmd.note);
  return commit(
    list,
    ctx,
    'person.strike',
    { person: updated(person, { strike: { ...stamp(ctx), reason: cmd.reason as StrikeReason, ...(note ? { note } : {}) } }) },
    { subject: person.id, before: { status: 'aktiv' }, after: { status: 'gestrichen', grund: cmd.reason }, reason: note },
  );
}

/**
 * Takes back the last change to a person: a strike is lifted, an addition withdrawn.
 * Undoing what is already undone changes nothing.
 */
export function undoPerson(list: GemeindeListe, personId: string, ctx: ChangeContext): ChangeResult {
  assertMayAccessList(ctx.actor, list.ags);
  const person = findPerson(list, personId);
  if (person.origin === 'import') {
    if (!person.strike) return unchanged(list, person);
    assertEditable(list, ctx);
    assertUnchangedSince(list, { kind: 'person', personId }, ctx);
    const was = person.strike;
    return commit(
      list,
      ctx,
      'person.unstrike',
      { person: updated(person, { strike: undefined }) },
      { subject: personId, before: { status: 'gestrichen', grund: was.reason }, after: { status: 'aktiv' } },
    );
  }
  if (person.withdrawn) return unchanged(list, person);
  assertEditable(list, ctx);
  assertUnchangedSince(list, { kind: 'person', personId }, ctx);
  return commit(
    list,
    ctx,
    'person.withdraw',
    { person: updated(person, { withdrawn: stamp(ctx) }) },
    { subject: personId, before: { status: additionStatus(person) }, after: { status: 'zurückgenommen' } },
  );
}

function additionStatus(p: ListPerson): string {
  return p.addition?.review === 'angenommen' ? 'nachgetragen' : p.addition?.review === 'offen' ? 'offen' : 'abgelehnt';
}

function nextAdditionId(list: GemeindeListe): string {
  const taken = new Set(list.persons.map((p) => p.id));
  let n = list.persons.filter((p) => p.origin === 'nachtrag').length + 1;
  let id: string;
  do {
    id = `NT-${list.ags}-${String(n).padStart(3, '0')}`;
    n++;
  } while (taken.has(id));
  return id;
}

function cleanName(value: string, field: 'Nachname' | 'Vorname'): string {
  const name = value.trim().replace(/\s+/g, ' ');
  if (!name) throw new DomainError('list.nameRequired', { field });
  if (name.length > 100) throw new DomainError('input.tooLong', { max: 100 });
  return name;
}

export interface AddChildCommand {
  parentId: string;
  surname: string;
  givenName: string;
  birthDate: IsoDate;
}

/**
 * Adds a child born after its parent's assignment and not after the Stichtag (nachgeborenes Kind).
 * It counts at once, in the parent's household.
 */
export function addChild(list: GemeindeListe, cmd: AddChildCommand, ctx: ChangeContext): ChangeResult & { personId: string } {
  assertEditable(list, ctx);
  const parent = personById(list, cmd.parentId);
  if (!parent) throw new DomainError('list.parentNotFound');
  assertUnchangedSince(list, { kind: 'household', key: householdOf(parent) }, ctx);
  if (!isActive(parent)) throw new DomainError('list.parentNotActive');
  const surname = cleanName(cmd.surname, 'Nachname');
  const givenName = cleanName(cmd.givenName, 'Vorname');
  if (cmd.birthDate > ctx.today) throw new DomainError('list.birthInFuture');
  if (cmd.birthDate <= parent.assignmentDate) {
    throw new DomainError('list.childBornBeforeAssignment', { date: parent.assignmentDate });
  }
  if (cmd.birthDate > ctx.campaign.stichtag) throw new DomainError('list.childAfterStichtag', { date: ctx.campaign.stichtag });
  const duplicate = list.persons.some(
    (p) =>
      !p.withdrawn &&
      p.birthDate === cmd.birthDate &&
      p.givenName.toLowerCase() === givenName.toLowerCase() &&
      householdOf(p) === householdOf(parent),
  );
  if (duplicate) throw new DomainError('list.duplicateAddition');
  const id = nextAdditionId(list);
  const child: ListPerson = {
    id,
    ...(parent.householdId ? { householdId: parent.householdId } : { householdId: parent.id }),
    surname,
    givenName,
    birthDate: cmd.birthDate,
    assignmentDate: cmd.birthDate,
    zugangsart: 'nachgeboren',
    origin: 'nachtrag',
    addition: { ...stamp(ctx), kind: 'kind', parentId: parent.id, review: 'angenommen' },
  };
  const result = commit(list, ctx, 'person.addChild', { person: child }, {
    subject: id,
    after: { nachname: surname, vorname: givenName, geburtsdatum: cmd.birthDate, elternteil: parent.id },
  });
  return { ...result, personId: id };
}

export interface AddOtherCommand {
  surname: string;
  givenName: string;
  birthDate: IsoDate;
  assignmentDate: IsoDate;
  zugangsart: 'zuweisung' | 'familiennachzug';
  householdId?: string;
  justification: string;
}

/**
 * Adds a person missing from the LRA's export (e.g. a Familiennachzug). It needs a justification and
 * counts only once the Koordinierungsstelle has accepted it.
 */
export function addOtherPerson(list: GemeindeListe, cmd: AddOtherCommand, ctx: ChangeContext): ChangeResult & { personId: string } {
  assertEditable(list, ctx);
  const surname = cleanName(cmd.surname, 'Nachname');
  const givenName = cleanName(cmd.givenName, 'Vorname');
  const justification = requiredText(cmd.justification, 'list.justificationRequired', 10);
  if (cmd.birthDate > ctx.today) throw new DomainError('list.birthInFuture');
  if (cmd.birthDate > cmd.assignmentDate) throw new DomainError('list.bornAfterAssignment');
  const { start, end } = ctx.campaign.period;
  if (!isBetween(cmd.assignmentDate, start, end)) {
    throw new DomainError('list.assignmentOutsidePeriod', { start, end });
  }
  const householdId = optionalText(cmd.householdId);
  const duplicate = list.persons.some(
    (p) =>
      !p.withdrawn &&
      p.birthDate === cmd.birthDate &&
      p.givenName.toLowerCase() === givenName.toLowerCase() &&
      p.surname.toLowerCase() === surname.toLowerCase(),
  );
  if (duplicate) throw new DomainError('list.duplicateAddition');
  const id = nextAdditionId(list);
  const person: ListPerson = {
    id,
    ...(householdId ? { householdId } : {}),
    surname,
    givenName,
    birthDate: cmd.birthDate,
    assignmentDate: cmd.assignmentDate,
    zugangsart: cmd.zugangsart,
    origin: 'nachtrag',
    addition: { ...stamp(ctx), kind: 'weitere', justification, review: 'offen' },
  };
  const result = commit(list, ctx, 'person.addOther', { person }, {
    subject: id,
    after: { nachname: surname, vorname: givenName, geburtsdatum: cmd.birthDate, zuweisungsdatum: cmd.assignmentDate, zugangsart: cmd.zugangsart },
    reason: justification,
  });
  return { ...result, personId: id };
}

/** The Koordinierungsstelle accepts or rejects a pending addition. Deciding the same way twice changes nothing. */
export function reviewAddition(
  list: GemeindeListe,
  cmd: { personId: string; accept: boolean; note?: string },
  ctx: ChangeContext,
): ChangeResult {
  if (!isKoordination(ctx.actor)) throw new DomainError('auth.koordinationOnly');
  const person = findPerson(list, cmd.personId);
  if (person.origin !== 'nachtrag' || person.addition?.kind !== 'weitere') throw new DomainError('list.notPendingAddition');
  if (person.withdrawn) throw new DomainError('list.additionWithdrawn');
  const target = cmd.accept ? 'angenommen' : 'abgelehnt';
  if (person.addition.review === target) return unchanged(list, person);
  assertUnchangedSince(list, { kind: 'person', personId: person.id }, ctx);
  const note = cmd.accept ? optionalText(cmd.note) : requiredText(cmd.note, 'list.rejectNoteRequired');
  return commit(
    list,
    ctx,
    cmd.accept ? 'person.accept' : 'person.reject',
    { person: updated(person, { addition: { ...person.addition, review: target, reviewed: { ...stamp(ctx), ...(note ? { note } : {}) } } }) },
    { subject: person.id, before: { status: person.addition.review }, after: { status: target }, reason: note },
  );
}

/**
 * Step 4: the Gemeinde submits; the list is locked. Submitting a submitted list changes nothing. The
 * confirmation showed the count: changed since (ctx.seen is the list revision), the submit is refused.
 */
export function submitList(list: GemeindeListe, ctx: ChangeContext): ChangeResult {
  assertMayAccessList(ctx.actor, list.ags);
  if (list.submitted) return unchanged(list);
  assertEditable(list, ctx);
  assertUnchangedSince(list, { kind: 'list' }, ctx);
  const counts = countList(list);
  return commit(
    list,
    ctx,
    'list.submit',
    { fields: { submitted: { ...stamp(ctx), persons: counts.persons } } },
    { before: { status: listState(list) }, after: { status: 'eingereicht', ...counts } },
  );
}

/**
 * The Koordinierungsstelle reopens a submitted list, or grants a later due date to one that is not
 * yet submitted. After the deadline a new due date is required so the Gemeinde can work again.
 */
export function reopenList(list: GemeindeListe, cmd: { until?: IsoDate; reason?: string }, ctx: ChangeContext): ChangeResult {
  if (!isKoordination(ctx.actor)) throw new DomainError('auth.koordinationOnly');
  const reason = optionalText(cmd.reason);
  if (cmd.until && cmd.until < ctx.today) throw new DomainError('list.extensionInPast');
  const needsExtension = ctx.today > dueDate(list, ctx.campaign);
  if (needsExtension && !cmd.until) throw new DomainError('list.extensionRequired', { date: dueDate(list, ctx.campaign) });
  if (!list.submitted && !cmd.until) return unchanged(list);
  assertUnchangedSince(list, { kind: 'list' }, ctx);
  return commit(
    list,
    ctx,
    'list.reopen',
    { fields: { submitted: null, ...(cmd.until ? { extendedUntil: cmd.until } : {}) } },
    {
      before: { status: listState(list), frist: dueDate(list, ctx.campaign) },
      after: { status: 'in-bearbeitung', frist: cmd.until ?? dueDate(list, ctx.campaign) },
      reason,
    },
  );
}

/** Step 2: records that the list went out to the Gemeinde. Sending again changes nothing. */
export function markSent(list: GemeindeListe, ctx: ChangeContext): ChangeResult {
  if (!isKoordination(ctx.actor)) throw new DomainError('auth.koordinationOnly');
  if (list.sent) return unchanged(list);
  return commit(
    list,
    ctx,
    'list.sent',
    { fields: { sent: stamp(ctx) } },
    { after: { status: 'versendet' } },
  );
}

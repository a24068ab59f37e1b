import {
  addChild,
  addOtherPerson,
  countList,
  isOverdue,
  listState,
  markSent,
  reopenList,
  reviewAddition,
  strikePerson,
  submitList,
  undoPerson,
  type GemeindeListe,
} from '../../src/domain/list';
import { deepFreeze } from '../../src/storage/documentCache';
import { ABSTATT, BRACKENHEIM, campaign2025, changeContext, coordinator, listWith, person, refusalCode, staff } from '../fixtures';


const gemeinde = staff(ABSTATT);
const ctx = changeContext(gemeinde);
const base = () => listWith(ABSTATT, [person('P1', { householdId: 'H1' }), person('P2', { householdId: 'H1', birthDate: '2015-02-02' }), person('P3')]);

describe('list review (steps 3 and 4)', () => {
  test('strike with a reason: counts, audit entry with before/after, revision', () => {
    const { list, entry } = strikePerson(base(), { personId: 'P1', reason: 'weggezogen' }, ctx);
    expect(countList(list)).toEqual({ listed: 3, struck: 1, added: 0, pending: 0, persons: 2 });
    expect(list.revision).toBe(2);
    expect(entry).toMatchObject({ action: 'person.strike', ags: ABSTATT, subject: 'P1', actor: { id: gemeinde.id, role: 'gemeinde' } });
    expect(entry!.before).toEqual({ status: 'aktiv' });
    expect(entry!.after).toEqual({ status: 'gestrichen', grund: 'weggezogen' });
    expect(list.changeCounts).toEqual({ 'person.strike': 1 });
    expect(list.persons[0].last).toEqual({ at: ctx.now, by: { id: gemeinde.id, name: gemeinde.name }, rev: 2, action: 'person.strike' });
    expect(listState(list)).toBe('in-bearbeitung');
  });

  test('striking a struck person, or undoing twice, changes nothing', () => {
    const once = strikePerson(base(), { personId: 'P1', reason: 'verstorben' }, ctx).list;
    const twice = strikePerson(once, { personId: 'P1', reason: 'doppelt' }, ctx);
    expect(twice.entry).toBeUndefined();
    expect(twice.list).toBe(once);
    const undone = undoPerson(once, 'P1', ctx);
    expect(countList(undone.list).struck).toBe(0);
    expect(undone.entry!.action).toBe('person.unstrike');
    const again = undoPerson(undone.list, 'P1', ctx);
    expect(again.entry).toBeUndefined();
    expect(again.list.revision).toBe(undone.list.revision);
  });

  test('reasons: only the fixed list; sonstiges needs a note', () => {
    expect(refusalCode(() => strikePerson(base(), { personId: 'P1', reason: 'urlaub' }, ctx))).toBe('list.badReason');
    expect(refusalCode(() => strikePerson(base(), { personId: 'P1', reason: 'sonstiges' }, ctx))).toBe('list.noteRequired');
    expect(refusalCode(() => strikePerson(base(), { personId: 'P1', reason: 'sonstiges', note: '  ' }, ctx))).toBe('list.noteRequired');
    const ok = strikePerson(base(), { personId: 'P1', reason: 'sonstiges', note: 'Abschiebung' }, ctx);
    expect(ok.list.persons[0].strike).toMatchObject({ reason: 'sonstiges', note: 'Abschiebung' });
    expect(ok.entry!.reason).toBe('Abschiebung');
  });

  test('staff of another Gemeinde can neither change nor probe the list', () => {
    const other = changeContext(staff(BRACKENHEIM));
    expect(refusalCode(() => strikePerson(base(), { personId: 'P1', reason: 'weggezogen' }, other))).toBe('auth.otherGemeinde');
    expect(refusalCode(() => strikePerson(base(), { personId: 'NOPE', reason: 'weggezogen' }, other))).toBe('auth.otherGemeinde');
    expect(refusalCode(() => submitList(base(), other))).toBe('auth.otherGemeinde');
    expect(refusalCode(() => undoPerson(base(), 'P1', other))).toBe('auth.otherGemeinde');
  });

  test('later-born child: parent on the list, born after the assignment, not after the Stichtag', () => {
    const { list, personId, entry } = addChild(base(), { parentId: 'P1', surname: 'Testperson', givenName: 'Mia', birthDate: '2022-04-01' }, ctx);
    expect(personId).toBe(`NT-${ABSTATT}-001`);
    expect(countList(list)).toEqual({ listed: 3, struck: 0, added: 1, pending: 0, persons: 4 });
    const child = list.persons.find((p) => p.id === personId)!;
    expect(child).toMatchObject({ householdId: 'H1', zugangsart: 'nachgeboren', origin: 'nachtrag', assignmentDate: '2022-04-01' });
    expect(entry!.action).toBe('person.addChild');
    expect(refusalCode(() => addChild(base(), { parentId: 'P1', surname: 'T', givenName: 'Ben', birthDate: '2021-03-15' }, ctx))).toBe('list.childBornBeforeAssignment');
    expect(refusalCode(() => addChild(base(), { parentId: 'P1', surname: 'T', givenName: 'Ben', birthDate: '2023-01-01' }, ctx))).toBe('list.childAfterStichtag');
    expect(refusalCode(() => addChild(base(), { parentId: 'P1', surname: 'T', givenName: 'Ben', birthDate: '2024-02-01' }, ctx))).toBe('list.birthInFuture');
    expect(refusalCode(() => addChild(base(), { parentId: 'X9', surname: 'T', givenName: 'Ben', birthDate: '2022-01-01' }, ctx))).toBe('list.parentNotFound');
    expect(refusalCode(() => addChild(base(), { parentId: 'P1', surname: ' ', givenName: 'Ben', birthDate: '2022-01-01' }, ctx))).toBe('list.nameRequired');
    expect(refusalCode(() => addChild(list, { parentId: 'P1', surname: 'Testperson', givenName: 'mia', birthDate: '2022-04-01' }, ctx))).toBe('list.duplicateAddition');
    const struckParent = strikePerson(base(), { personId: 'P1', reason: 'weggezogen' }, ctx).list;
    expect(refusalCode(() => addChild(struckParent, { parentId: 'P1', surname: 'T', givenName: 'Ben', birthDate: '2022-01-01' }, ctx))).toBe('list.parentNotActive');
  });

  test('undo withdraws an addition; nachgetragene persons are not struck', () => {
    const { list, personId } = addChild(base(), { parentId: 'P1', surname: 'T', givenName: 'Mia', birthDate: '2022-04-01' }, ctx);
    expect(refusalCode(() => strikePerson(list, { personId, reason: 'weggezogen' }, ctx))).toBe('list.strikeAddition');
    const withdrawn = undoPerson(list, personId, ctx);
    expect(countList(withdrawn.list).added).toBe(0);
    expect(withdrawn.entry!.action).toBe('person.withdraw');
    expect(undoPerson(withdrawn.list, personId, ctx).entry).toBeUndefined();
  });

  test('another person needs a justification and counts only once the Koordinierungsstelle accepts it', () => {
    const cmd = { surname: 'Neu', givenName: 'Nora', birthDate: '1988-01-01', assignmentDate: '2022-06-01', zugangsart: 'familiennachzug' as const, justification: 'Familiennachzug laut Meldedaten 06/2022' };
    expect(refusalCode(() => addOtherPerson(base(), { ...cmd, justification: 'kurz' }, ctx))).toBe('list.justificationRequired');
    expect(refusalCode(() => addOtherPerson(base(), { ...cmd, assignmentDate: '2019-12-31' }, ctx))).toBe('list.assignmentOutsidePeriod');
    expect(refusalCode(() => addOtherPerson(base(), { ...cmd, birthDate: '2022-07-01' }, ctx))).toBe('list.bornAfterAssignment');
    const { list, personId } = addOtherPerson(base(), cmd, ctx);
    expect(countList(list)).toMatchObject({ added: 0, pending: 1, persons: 3 });
    expect(refusalCode(() => reviewAddition(list, { personId, accept: true }, ctx))).toBe('auth.koordinationOnly');
    const koord = changeContext(coordinator);
    const accepted = reviewAddition(list, { personId, accept: true }, koord);
    expect(countList(accepted.list)).toMatchObject({ added: 1, pending: 0, persons: 4 });
    expect(reviewAddition(accepted.list, { personId, accept: true }, koord).entry).toBeUndefined();
    expect(refusalCode(() => reviewAddition(list, { personId, accept: false }, koord))).toBe('list.rejectNoteRequired');
    const rejected = reviewAddition(list, { personId, accept: false, note: 'Zuzug erst 2023' }, koord);
    expect(countList(rejected.list)).toMatchObject({ added: 0, pending: 0, persons: 3 });
    expect(refusalCode(() => reviewAddition(base(), { personId: 'P1', accept: true }, koord))).toBe('list.notPendingAddition');
  });

  test('counts carried from version to version (each card counts its list) equal counting the list afresh', () => {
    const koord = changeContext(coordinator);
    const fresh = (l: GemeindeListe) => countList(JSON.parse(JSON.stringify(l)) as GemeindeListe);
    const steps: ((l: GemeindeListe) => GemeindeListe)[] = [
      (l) => strikePerson(l, { personId: 'P1', reason: 'weggezogen' }, ctx).list,
      (l) => strikePerson(l, { personId: 'P1', reason: 'verstorben' }, ctx).list,
      (l) => addChild(l, { parentId: 'P3', surname: 'Kind', givenName: 'Karl', birthDate: '2021-05-05' }, ctx).list,
      (l) => addOtherPerson(l, { surname: 'Neu', givenName: 'Nora', birthDate: '1988-01-01', assignmentDate: '2022-06-01', zugangsart: 'familiennachzug', justification: 'Familiennachzug laut Meldedaten 06/2022' }, ctx).list,
      (l) => reviewAddition(l, { personId: l.persons.at(-1)!.id, accept: true }, koord).list,
      (l) => undoPerson(l, l.persons.at(-1)!.id, ctx).list,
      (l) => undoPerson(l, 'P1', ctx).list,
      (l) => strikePerson(l, { personId: 'P2', reason: 'doppelt' }, ctx).list,
    ];
    let list = base();
    for (const step of steps) {
      expect(countList(list)).toEqual(fresh(list));
      list = step(list);
    }
    expect(countList(list)).toEqual(fresh(list));
  });

  test('submit locks the list; only the Koordinierungsstelle reopens it', () => {
    const struck = strikePerson(base(), { personId: 'P3', reason: 'doppelt' }, ctx).list;
    const submitted = submitList(struck, ctx);
    expect(listState(submitted.list)).toBe('eingereicht');
    expect(submitted.list.submitted).toMatchObject({ by: { name: gemeinde.name }, persons: 2 });
    expect(submitList(submitted.list, ctx).entry).toBeUndefined();
    expect(refusalCode(() => strikePerson(submitted.list, { personId: 'P1', reason: 'weggezogen' }, ctx))).toBe('list.locked');
    expect(refusalCode(() => undoPerson(submitted.list, 'P3', ctx))).toBe('list.locked');
    expect(refusalCode(() => reopenList(submitted.list, {}, ctx))).toBe('auth.koordinationOnly');
    const reopened = reopenList(submitted.list, { reason: 'Nachmeldung' }, changeContext(coordinator));
    expect(listState(reopened.list)).toBe('in-bearbeitung');
    expect(strikePerson(reopened.list, { personId: 'P1', reason: 'weggezogen' }, ctx).entry).toBeDefined();
  });

  test('the review deadline: overdue, then locked for the Gemeinde until the Koordinierungsstelle grants a new date', () => {
    const late = changeContext(gemeinde, { today: '2024-01-16', now: '2024-01-16T08:00:00.000Z' });
    const list = markSent(base(), changeContext(coordinator)).list;
    expect(isOverdue(list, campaign2025(), '2024-01-15')).toBe(false);
    expect(isOverdue(list, campaign2025(), '2024-01-16')).toBe(true);
    // A list that was never sent to the Gemeinde is not overdue: it could not be returned.
    expect(isOverdue(base(), campaign2025(), '2024-01-16')).toBe(false);
    expect(refusalCode(() => strikePerson(list, { personId: 'P1', reason: 'weggezogen' }, late))).toBe('list.deadlinePassed');
    expect(refusalCode(() => submitList(list, late))).toBe('list.deadlinePassed');
    const koordLate = changeContext(coordinator, { today: '2024-01-16' });
    expect(refusalCode(() => reopenList(list, {}, koordLate))).toBe('list.extensionRequired');
    expect(refusalCode(() => reopenList(list, { until: '2024-01-10' }, koordLate))).toBe('list.extensionInPast');
    const extended = reopenList(list, { until: '2024-01-31' }, koordLate).list;
    expect(extended.extendedUntil).toBe('2024-01-31');
    expect(isOverdue(extended, campaign2025(), '2024-01-20')).toBe(false);
    expect(submitList(extended, late).entry).toBeDefined();
    // The Koordinierungsstelle itself may still correct a list after the deadline.
    expect(strikePerson(list, { personId: 'P1', reason: 'weggezogen' }, koordLate).entry).toBeDefined();
  });

  test('after publication only the Koordinierungsstelle changes lists', () => {
    const published = changeContext(gemeinde, { published: true });
    expect(refusalCode(() => strikePerson(base(), { personId: 'P1', reason: 'weggezogen' }, published))).toBe('list.published');
    expect(strikePerson(base(), { personId: 'P1', reason: 'weggezogen' }, changeContext(coordinator, { published: true })).entry).toBeDefined();
  });

  test('step 2: marking as sent is for the Koordinierungsstelle and happens once', () => {
    expect(refusalCode(() => markSent(base(), ctx))).toBe('auth.koordinationOnly');
    const sent = markSent(base(), changeContext(coordinator));
    expect(listState(sent.list)).toBe('versendet');
    expect(markSent(sent.list, changeContext(coordinator)).entry).toBeUndefined();
  });

  test('the original is never mutated (operations are pure)', () => {
    const original = base();
    const snapshot = JSON.stringify(original);
    strikePerson(original, { personId: 'P1', reason: 'weggezogen' }, ctx);
    addChild(original, { parentId: 'P1', surname: 'T', givenName: 'Mia', birthDate: '2022-04-01' }, ctx);
    submitList(original, ctx);
    expect(JSON.stringify(original)).toBe(snapshot);
  });

  test('every change leaves its input untouched, down to nested objects (each runs on a deep-frozen list)', () => {
    const koord = changeContext(coordinator);
    const other = { surname: 'Neu', givenName: 'Nora', birthDate: '1988-01-01', assignmentDate: '2022-06-01', zugangsart: 'familiennachzug' as const, justification: 'Familiennachzug laut Meldedaten 06/2022' };
    // A change that wrote into its input (the list, a person, a stamp, an addition, the log) throws here.
    const steps: [string, (l: GemeindeListe) => ReturnType<typeof strikePerson>][] = [
      ['markSent', (l) => markSent(l, koord)],
      ['strike', (l) => strikePerson(l, { personId: 'P1', reason: 'sonstiges', note: 'Abschiebung' }, ctx)],
      ['unstrike', (l) => undoPerson(l, 'P1', ctx)],
      ['strike again', (l) => strikePerson(l, { personId: 'P1', reason: 'weggezogen' }, ctx)],
      ['addChild', (l) => addChild(l, { parentId: 'P2', surname: 'T', givenName: 'Mia', birthDate: '2022-04-01' }, ctx)],
      ['withdraw the child', (l) => undoPerson(l, l.persons[l.persons.length - 1].id, ctx)],
      ['addOther', (l) => addOtherPerson(l, other, ctx)],
      ['accept', (l) => reviewAddition(l, { personId: l.persons[l.persons.length - 1].id, accept: true }, koord)],
      ['reject', (l) => reviewAddition(l, { personId: l.persons[l.persons.length - 1].id, accept: false, note: 'Zuzug erst 2023' }, koord)],
      ['submit', (l) => submitList(l, ctx)],
      ['reopen', (l) => reopenList(l, { reason: 'Nachmeldung', until: '2024-02-01' }, koord)],
    ];
    let list = base();
    for (const [name, step] of steps) {
      const input = deepFreeze(list);
      const snapshot = JSON.stringify(input);
      const { list: next, entry } = step(input);
      expect([name, entry?.revision]).toEqual([name, input.revision + 1]);
      expect(JSON.stringify(input)).toBe(snapshot);
      list = next;
    }
    expect(Object.values(list.changeCounts).reduce((a, b) => a + (b ?? 0), 0)).toBe(steps.length);
  });
});

import {
  addChild,
  addOtherPerson,
  personById,
  personIndex,
  personVersion,
  reviewAddition,
  strikePerson,
  undoPerson,
  versionOf,
  type GemeindeListe,
} from '../../src/domain/list';
import { deepFreeze } from '../../src/storage/documentCache';
import { ABSTATT, changeContext, coordinator, listWith, person, staff } from '../fixtures';

const ctx = changeContext(staff(ABSTATT));
const koord = changeContext(coordinator);
/** Lists as storage keeps them: frozen (the index serves frozen arrays only; any other is searched through). */
const stored = (list: GemeindeListe) => deepFreeze(list);
const base = () => stored(listWith(ABSTATT, [person('P1', { householdId: 'H1' }), person('P2', { householdId: 'H1', birthDate: '2015-02-02' }), person('P3')]));
const other = { surname: 'Neu', givenName: 'Nora', birthDate: '1988-01-01', assignmentDate: '2022-06-01', zugangsart: 'familiennachzug' as const, justification: 'Familiennachzug laut Meldedaten 06/2022' };

/** The index answers as a walk through the list does, for every id on it and one that is not. */
function expectSameAsFind(list: GemeindeListe): void {
  for (const id of [...list.persons.map((p) => p.id), 'NOPE']) {
    expect([id, personIndex(list, id)]).toEqual([id, list.persons.findIndex((p) => p.id === id)]);
    expect(personById(list, id)).toBe(list.persons.find((p) => p.id === id));
    const p = list.persons.find((x) => x.id === id);
    expect(versionOf(list, { kind: 'person', personId: id })).toBe(p ? personVersion(p, list.base) : (list.base ?? 0));
  }
}

describe('the person index (personIndex, personById)', () => {
  test('gives the person find gives after every kind of change, looked up at each version and again afterwards', () => {
    const steps: ((l: GemeindeListe) => GemeindeListe)[] = [
      (l) => strikePerson(l, { personId: 'P1', reason: 'weggezogen' }, ctx).list,
      (l) => undoPerson(l, 'P1', ctx).list,
      (l) => addChild(l, { parentId: 'P3', surname: 'Kind', givenName: 'Karl', birthDate: '2021-05-05' }, ctx).list,
      (l) => addOtherPerson(l, other, ctx).list,
      (l) => reviewAddition(l, { personId: l.persons.at(-1)!.id, accept: true }, koord).list,
      (l) => undoPerson(l, l.persons.at(-1)!.id, ctx).list,
      (l) => strikePerson(l, { personId: 'P2', reason: 'doppelt' }, ctx).list,
      (l) => addChild(l, { parentId: 'P1', surname: 'Kind', givenName: 'Kim', birthDate: '2022-05-05' }, ctx).list,
    ];
    const versions = [base()];
    for (const step of steps) {
      expectSameAsFind(versions.at(-1)!);
      versions.push(stored(step(versions.at(-1)!)));
    }
    expectSameAsFind(versions.at(-1)!);
    expect(versions.at(-1)!.persons).toHaveLength(6);
    // Earlier versions still answer for themselves (their arrays are other arrays).
    for (const v of versions) expectSameAsFind(v);
  });

  test('on a list never looked up before a change, and on a list read from disk (frozen)', () => {
    const struck = stored(strikePerson(base(), { personId: 'P3', reason: 'verstorben' }, ctx).list);
    expectSameAsFind(struck);
    const loaded = stored(JSON.parse(JSON.stringify(struck)) as GemeindeListe);
    expectSameAsFind(loaded);
    const added = addChild(loaded, { parentId: 'P1', surname: 'Kind', givenName: 'Karl', birthDate: '2021-05-05' }, ctx);
    expectSameAsFind(stored(added.list));
    expect(personById(added.list, added.personId)?.givenName).toBe('Karl');
    expectSameAsFind(stored(undoPerson(added.list, 'P3', ctx).list));
  });

  test('two versions made from the same list each answer for themselves', () => {
    const list = base();
    expectSameAsFind(list);
    const a = stored(strikePerson(list, { personId: 'P1', reason: 'weggezogen' }, ctx).list);
    const b = stored(strikePerson(list, { personId: 'P2', reason: 'doppelt' }, ctx).list);
    expect(personById(a, 'P1')?.strike?.reason).toBe('weggezogen');
    expect(personById(a, 'P2')?.strike).toBeUndefined();
    expect(personById(b, 'P2')?.strike?.reason).toBe('doppelt');
    expect(personById(b, 'P1')?.strike).toBeUndefined();
    // Two additions to the same list take the same id and place: each version has its own person there.
    const child = addChild(list, { parentId: 'P3', surname: 'Kind', givenName: 'Karl', birthDate: '2021-05-05' }, ctx);
    const grown = addOtherPerson(list, other, ctx);
    stored(child.list);
    stored(grown.list);
    expect(child.personId).toBe(grown.personId);
    expect(personById(child.list, child.personId)?.givenName).toBe('Karl');
    expect(personById(grown.list, grown.personId)?.givenName).toBe('Nora');
    for (const v of [list, a, b, child.list, grown.list]) expectSameAsFind(v);
    expect(personIndex(list, child.personId)).toBe(-1);
  });

  test('a duplicated id (never on a valid list) gives the first, as find does', () => {
    const list = stored(listWith(ABSTATT, [person('P1'), person('P2', { givenName: 'Erste' }), person('P2', { givenName: 'Zweite' })]));
    expect(personById(list, 'P2')?.givenName).toBe('Erste');
    expectSameAsFind(list);
    const struck = stored(strikePerson(list, { personId: 'P2', reason: 'doppelt' }, ctx).list);
    expect(struck.persons.map((p) => !!p.strike)).toEqual([false, true, false]);
    expectSameAsFind(struck);
  });

  test('a list not frozen is searched through; a version grown before storage froze it is looked up afresh', () => {
    const list = listWith(ABSTATT, [person('P1')]);
    expect(personIndex(list, 'P2')).toBe(-1);
    list.persons.push(person('P2'));
    expect(personIndex(list, 'P2')).toBe(1);
    expectSameAsFind(list);
    const frozen = base();
    expectSameAsFind(frozen);
    const next = strikePerson(frozen, { personId: 'P1', reason: 'weggezogen' }, ctx).list;
    next.persons.push(person('P4'));
    expectSameAsFind(next);
    expectSameAsFind(stored(next));
    expect(personIndex(next, 'P4')).toBe(3);
  });
});

import { assignRole, emptyRoster, removeRole, resolveActor } from '../../src/domain/roster';
import { coordinator, refusalCode, staff } from '../fixtures';

const ANNA = { aadObjectId: '00000002-0000-4000-8000-000000000000', tenantId: 't1', name: 'Anna' };

describe('roster (who is who)', () => {
  test('configured coordinators, assigned staff, and nobody else', () => {
    const { roster, entry } = assignRole(emptyRoster(), { ...ANNA, role: 'gemeinde', ags: '08125001' }, coordinator, '2024-01-01T00:00:00Z');
    expect(entry).toMatchObject({ action: 'roster.assign', ags: '08125001', after: { rolle: 'gemeinde', ags: '08125001' } });
    expect(resolveActor(roster, ANNA, [])).toMatchObject({ role: 'gemeinde', ags: '08125001', name: 'Anna' });
    expect(resolveActor(roster, { ...ANNA, tenantId: 'other' }, [])).toBeUndefined();
    expect(resolveActor(roster, { aadObjectId: 'c0ffee00-0000-4000-8000-000000000000', name: 'K' }, ['C0FFEE00-0000-4000-8000-000000000000'])).toMatchObject({ role: 'koordination' });
    expect(resolveActor(roster, { aadObjectId: 'deadbeef-0000-4000-8000-000000000000', name: 'X' }, [])).toBeUndefined();
    expect(assignRole(roster, { ...ANNA, role: 'gemeinde', ags: '08125001' }, coordinator, 'x').entry).toBeUndefined();
    const removed = removeRole(roster, ANNA, coordinator, '2024-01-02T00:00:00Z');
    expect(resolveActor(removed.roster, ANNA, [])).toBeUndefined();
    expect(removed.roster.events.map((e) => e.action)).toEqual(['roster.assign', 'roster.remove']);
  });

  test('only the Koordinierungsstelle assigns; bad input is refused', () => {
    expect(refusalCode(() => assignRole(emptyRoster(), { ...ANNA, role: 'gemeinde', ags: '08125001' }, staff('08125001'), 'x'))).toBe('auth.koordinationOnly');
    expect(refusalCode(() => assignRole(emptyRoster(), { ...ANNA, aadObjectId: 'max@abstatt.de', role: 'gemeinde', ags: '08125001' }, coordinator, 'x'))).toBe('roster.badObjectId');
    expect(refusalCode(() => assignRole(emptyRoster(), { ...ANNA, role: 'gemeinde' }, coordinator, 'x'))).toBe('roster.agsRequired');
    expect(refusalCode(() => assignRole(emptyRoster(), { ...ANNA, role: 'koordination', ags: '08125001' }, coordinator, 'x'))).toBe('roster.noAgsForKoordination');
  });

  test('a clerk of several Gemeinden: "additionally" adds one, a plain assignment moves her, removing takes every one', () => {
    const at = '2024-01-01T00:00:00Z';
    let { roster } = assignRole(emptyRoster(), { ...ANNA, role: 'gemeinde', ags: '08125001' }, coordinator, at);
    const added = assignRole(roster, { ...ANNA, role: 'gemeinde', ags: '08125013', additional: true }, coordinator, at);
    expect(added.entry).toMatchObject({ ags: '08125013', before: null, after: { rolle: 'gemeinde', ags: '08125013', zusaetzlich: true } });
    roster = added.roster;
    expect(resolveActor(roster, ANNA, [])).toMatchObject({ role: 'gemeinde', ags: '08125001', gemeinden: ['08125001', '08125013'] });
    // The same again changes nothing, with or without "additionally".
    expect(assignRole(roster, { ...ANNA, role: 'gemeinde', ags: '08125013', additional: true }, coordinator, at).entry).toBeUndefined();
    // A plain assignment replaces both (a move), audited with both.
    const moved = assignRole(roster, { ...ANNA, role: 'gemeinde', ags: '08125026' }, coordinator, at);
    expect(moved.entry).toMatchObject({ before: { rolle: 'gemeinde', ags: '08125001, 08125013' } });
    expect(resolveActor(moved.roster, ANNA, [])).toEqual({ id: ANNA.aadObjectId, name: 'Anna', role: 'gemeinde', ags: '08125026' });
    // "Additionally" does not make a coordinator staff on the side: it is a plain assignment then.
    const kora = assignRole(emptyRoster(), { ...ANNA, role: 'koordination' }, coordinator, at).roster;
    expect(resolveActor(assignRole(kora, { ...ANNA, role: 'gemeinde', ags: '08125001', additional: true }, coordinator, at).roster, ANNA, [])).toMatchObject({ role: 'gemeinde', ags: '08125001' });
    const removed = removeRole(roster, ANNA, coordinator, at);
    expect(resolveActor(removed.roster, ANNA, [])).toBeUndefined();
    expect(removed.roster.events.filter((e) => e.action === 'roster.remove').map((e) => e.ags)).toEqual(['08125001', '08125013']);
  });
});

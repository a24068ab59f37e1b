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
});

/** The data the HTTP tests start from: campaign 2025, three persons per Gemeinde („Geheim…“), Anna as Abstatt's staff. */
import { openApp } from '../../src/compose';
import { fixedClock } from '../../src/storage/systemClock';
import type { Clock } from '../../src/app/ports';
import { coordinator, listWith, person, publishForRound, verzeichnis } from '../fixtures';
import { ABSTATT, ANNA, TENANT, type User } from './botHarness';

export async function seedThreePerGemeinde(dir: string): Promise<void> {
  const app = await openApp({ dataDir: dir, clock: fixedClock('2024-01-10T09:00:00Z') });
  await app.campaigns.create({ year: 2025, kreisAmount: '1508000' }, { actor: coordinator });
  const lists = verzeichnis.all.map((g) => listWith(g.ags, [1, 2, 3].map((i) => person(`${g.ags}-${i}`, { surname: `Geheim${g.ags.slice(-3)}${i}` }))));
  await app.ctx.repo.replaceLists(2025, lists, (c) => ({ next: { ...c, revision: c.revision + 1 }, result: undefined }));
  await app.roster.assign({ aadObjectId: ANNA.aadObjectId, name: ANNA.name, role: 'gemeinde', ags: ABSTATT, tenantId: TENANT }, coordinator);
  await app.close();
}

/** Ella, Eppingen's staff (not rostered by seedThreePerGemeinde). */
export const ELLA: User = { aadObjectId: '00000009-0000-4000-8000-000000000000', name: 'Ella Eppingen', teamsId: '29:user-9' };

/**
 * The data of seedThreePerGemeinde, then the Verwendungsnachweis round of 2025 open (deadline 31.03.2026):
 * `eigenstaendig` Gemeinden decided in their own responsibility, `staff` rostered, the overview published.
 */
export async function seedOpenRound(dir: string, clock: Clock, options: { eigenstaendig: readonly string[]; staff: readonly (readonly [User, string])[] }): Promise<void> {
  await seedThreePerGemeinde(dir);
  const app = await openApp({ dataDir: dir, clock: fixedClock('2024-01-10T09:00:00Z') });
  for (const ags of options.eigenstaendig) await app.decisions.decide(2025, { ags, choice: 'eigenstaendig', vzae: '0.5' }, { actor: coordinator });
  for (const [u, ags] of options.staff) await app.roster.assign({ aadObjectId: u.aadObjectId, name: u.name, role: 'gemeinde', ags, tenantId: TENANT }, coordinator);
  await app.close();
  const later = await openApp({ dataDir: dir, clock });
  await publishForRound(later);
  await later.verwendungsnachweis.open(2025, { deadline: '2026-03-31' }, { actor: coordinator });
  await later.close();
}

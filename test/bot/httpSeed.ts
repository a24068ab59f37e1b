/** The data the HTTP tests start from: campaign 2025, three persons per Gemeinde („Geheim…“), Anna as Abstatt's staff. */
import { openApp } from '../../src/compose';
import { fixedClock } from '../../src/storage/systemClock';
import { coordinator, listWith, person, verzeichnis } from '../fixtures';
import { ABSTATT, ANNA, TENANT } from './botHarness';

export async function seedThreePerGemeinde(dir: string): Promise<void> {
  const app = await openApp({ dataDir: dir, clock: fixedClock('2024-01-10T09:00:00Z') });
  await app.campaigns.create({ year: 2025, kreisAmount: '1508000' }, { actor: coordinator });
  const lists = verzeichnis.all.map((g) => listWith(g.ags, [1, 2, 3].map((i) => person(`${g.ags}-${i}`, { surname: `Geheim${g.ags.slice(-3)}${i}` }))));
  await app.ctx.repo.replaceLists(2025, lists, (c) => ({ next: { ...c, revision: c.revision + 1 }, result: undefined }));
  await app.roster.assign({ aadObjectId: ANNA.aadObjectId, name: ANNA.name, role: 'gemeinde', ags: ABSTATT, tenantId: TENANT }, coordinator);
  await app.close();
}

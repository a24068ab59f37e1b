/** Several Berechnungsjahre in one store, for the financing risk's scenarios, history and what-if. */
import type { IntmApp } from '../src/app';
import { coordinator, listWith, person, verzeichnis } from './fixtures';

/** Creates the year's campaign and stores a list per Gemeinde with `count(ags)` invented persons. */
export async function seedYear(app: IntmApp, year: number, count: (ags: string) => number, kreisAmount = '1508000'): Promise<void> {
  await app.campaigns.create({ year, kreisAmount }, { actor: coordinator });
  const lists = verzeichnis.all.map((g) => listWith(g.ags, Array.from({ length: count(g.ags) }, (_, i) => person(`${year}-${g.ags}-${i + 1}`)), year));
  await app.ctx.repo.replaceLists(year, lists, (current) => ({ next: { ...current, revision: current.revision + 1 }, result: undefined }));
}

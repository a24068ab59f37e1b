/** `intm roster add|remove|list`: who belongs to the Koordinierungsstelle and who to which Gemeinde. */
import { resolveAgs } from '../../app/context';
import * as a from '../args';
import { table } from '../format';
import type { CommandEnv } from '../io';
import { UsageError } from '../io';

export const ROSTER_USAGE = `intm roster add --aad-object-id ID --name NAME (--ags AGS | --koordination) [--tenant ID]
intm roster remove --aad-object-id ID [--tenant ID]
intm roster list [--json]`;

const OPTIONS = {
  'aad-object-id': { type: 'string' },
  name: { type: 'string' },
  ags: { type: 'string' },
  koordination: { type: 'boolean' },
  tenant: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export async function rosterCommand(env: CommandEnv, sub: string | undefined, argv: string[]): Promise<number> {
  const u = ROSTER_USAGE;
  const p = a.parse(argv, OPTIONS, u);
  const tenant = a.optional(p, 'tenant');
  if (sub === 'add') {
    const koordination = a.flag(p, 'koordination');
    const agsText = a.optional(p, 'ags');
    if (koordination === !!agsText) throw new UsageError('Bitte genau eines angeben: --ags (Gemeinde) oder --koordination.', u);
    const ags = agsText ? resolveAgs(env.app.ctx, agsText) : undefined;
    const outcome = await env.app.roster.assign(
      {
        aadObjectId: a.required(p, 'aad-object-id', u),
        name: a.required(p, 'name', u),
        role: koordination ? 'koordination' : 'gemeinde',
        ...(ags ? { ags } : {}),
        ...(tenant ? { tenantId: tenant } : {}),
      },
      env.actor,
    );
    env.io.out(outcome.changed ? 'Zuordnung gespeichert.' : 'Keine Änderung: die Zuordnung besteht bereits.');
    return 0;
  }
  if (sub === 'remove') {
    const outcome = await env.app.roster.remove({ aadObjectId: a.required(p, 'aad-object-id', u), ...(tenant ? { tenantId: tenant } : {}) }, env.actor);
    env.io.out(outcome.changed ? 'Zuordnung entfernt.' : 'Keine Änderung: keine solche Zuordnung.');
    return 0;
  }
  if (sub === 'list') {
    const entries = await env.app.roster.entries();
    if (a.flag(p, 'json')) env.io.out(JSON.stringify(entries, null, 2));
    else if (entries.length === 0) env.io.out('Noch keine Zuordnungen.');
    else {
      env.io.out(
        table(
          ['Entra-Objekt-ID', 'Name', 'Rolle', 'Gemeinde'],
          entries.map((e) => [e.aadObjectId, e.name, e.role === 'koordination' ? 'Koordinierungsstelle' : 'Gemeinde', e.ags ? `${e.ags} ${env.app.ctx.verzeichnis.byKey(e.ags)?.name ?? ''}` : '']),
        ),
      );
    }
    return 0;
  }
  throw new UsageError(sub ? `Unbekannter Befehl „roster ${sub}“.` : 'add, remove oder list?', u);
}

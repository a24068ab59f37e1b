/** `intm audit`: who changed what, when and why. */
import { resolveAgs } from '../../app/context';
import { actorRoleDe, AUDIT_ACTION } from '../../i18n/labels';
import * as a from '../args';
import { formatTimestamp, table } from '../format';
import type { CommandEnv } from '../io';

export const AUDIT_USAGE = 'intm audit --year Y [--ags AGS] [--json]';


function compact(value: unknown): string {
  if (value === undefined || value === null) return '';
  return JSON.stringify(value).replace(/[{}"]/g, '').replace(/,/g, ', ').replace(/:/g, ': ');
}

export async function auditCommand(env: CommandEnv, argv: string[]): Promise<number> {
  const p = a.parse(argv, { year: { type: 'string' }, ags: { type: 'string' }, json: { type: 'boolean' } }, AUDIT_USAGE);
  const agsText = a.optional(p, 'ags');
  const entries = await env.app.audit.entries(a.year(p, AUDIT_USAGE), {
    actor: env.actor,
    ...(agsText ? { ags: resolveAgs(env.app.ctx, agsText) } : {}),
  });
  if (a.flag(p, 'json')) {
    env.io.out(JSON.stringify(entries, null, 2));
    return 0;
  }
  if (entries.length === 0) {
    env.io.out('Keine Einträge.');
    return 0;
  }
  env.io.out(
    table(
      ['Zeitpunkt', 'Bearbeiter', 'Aktion', 'Gemeinde', 'Betrifft', 'vorher', 'nachher', 'Begründung'],
      entries.map((e) => [formatTimestamp(e.at), `${e.actor.name} (${actorRoleDe(e.actor, { account: true })})`, AUDIT_ACTION.de[e.action], e.ags ?? '', e.subject ?? '', compact(e.before), compact(e.after), e.reason ?? '']),
    ),
  );
  return 0;
}

/**
 * `intm purge --year Y --yes [--force --reason TEXT]`: deletes a finished year's personal data, keeping
 * the figures. Refused before the Berechnungsjahr's end and before the campaign's retention date; with
 * --force and a reason earlier, recorded in the change log.
 */
import { purgeRefusal } from '../../domain/campaign';
import * as a from '../args';
import type { CommandEnv } from '../io';
import { UsageError } from '../io';

export const PURGE_USAGE = `intm purge --year Y --yes [--force --reason TEXT]
  löscht alle Listen des Berechnungsjahres (Personen, Änderungsprotokolle); erhalten bleiben die
  Übersicht (Zahlen und Beträge je Gemeinde), die Entscheidungen, die Zahl der Änderungen je Liste und
  die Verwendungsnachweise mit ihren Dateien (sie sind der Nachweis, gegen den das Land zahlt).
  Erst nach Ende des Berechnungsjahres und nach der Aufbewahrungsfrist der Kampagne möglich
  (intm campaign show; Standard: 31.12. des Folgejahres, ändern mit campaign update --retention-until).
  --force --reason TEXT löscht früher; der Grund wird im Änderungsprotokoll festgehalten.
  Vorher eine Sicherung des Datenverzeichnisses prüfen.`;

export async function purgeCommand(env: CommandEnv, argv: string[]): Promise<number> {
  const p = a.parse(argv, { year: { type: 'string' }, yes: { type: 'boolean' }, force: { type: 'boolean' }, reason: { type: 'string' } }, PURGE_USAGE);
  const year = a.year(p, PURGE_USAGE);
  if (!a.flag(p, 'yes')) throw new UsageError('Das Löschen muss mit --yes bestätigt werden; es lässt sich nicht rückgängig machen.', PURGE_USAGE);
  const force = a.flag(p, 'force');
  const reason = a.optional(p, 'reason');
  if (force && !reason) throw new UsageError('--force braucht --reason „…“: Der Grund für das vorzeitige Löschen wird protokolliert.', PURGE_USAGE);
  if (reason && !force) throw new UsageError('--reason gilt nur zusammen mit --force (vorzeitiges Löschen).', PURGE_USAGE);
  // Whether --force is needed at all today (said in the answer: the change log then holds the reason).
  const early = force ? purgeRefusal((await env.app.campaigns.show(year)).campaign, env.app.ctx.clock.today()) : undefined;
  const { gemeinden, persons } = await env.app.campaigns.purge(year, { actor: env.actor, ...(force ? { force, reason } : {}) });
  if (gemeinden === 0) {
    env.io.out(`Für ${year} sind keine Personendaten (mehr) gespeichert.`);
    return 0;
  }
  const note = early ? ' Vorzeitig gelöscht, vor Ablauf der Aufbewahrungsfrist; der Grund steht im Änderungsprotokoll.' : '';
  env.io.out(`Personendaten ${year} gelöscht: ${persons} Personen in ${gemeinden} Listen. Erhalten: Übersicht, Entscheidungen, Zahl der Änderungen je Liste, Verwendungsnachweise mit ihren Dateien.${note}`);
  return 0;
}

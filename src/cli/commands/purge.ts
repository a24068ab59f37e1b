/** `intm purge --year Y --yes`: deletes a finished year's personal data, keeping the figures. */
import * as a from '../args';
import type { CommandEnv } from '../io';
import { UsageError } from '../io';

export const PURGE_USAGE = `intm purge --year Y --yes
  löscht alle Listen des Berechnungsjahres (Personen, Änderungsprotokolle); erhalten bleiben die
  Übersicht (Zahlen und Beträge je Gemeinde), die Entscheidungen und die Zahl der Änderungen je Liste.
  Erst nach Ende des Berechnungsjahres möglich. Vorher eine Sicherung des Datenverzeichnisses prüfen.`;

export async function purgeCommand(env: CommandEnv, argv: string[]): Promise<number> {
  const p = a.parse(argv, { year: { type: 'string' }, yes: { type: 'boolean' } }, PURGE_USAGE);
  const year = a.year(p, PURGE_USAGE);
  if (!a.flag(p, 'yes')) throw new UsageError('Das Löschen muss mit --yes bestätigt werden; es lässt sich nicht rückgängig machen.', PURGE_USAGE);
  const { gemeinden, persons } = await env.app.campaigns.purge(year, { actor: env.actor });
  env.io.out(
    gemeinden === 0
      ? `Für ${year} sind keine Personendaten (mehr) gespeichert.`
      : `Personendaten ${year} gelöscht: ${persons} Personen in ${gemeinden} Listen. Erhalten: Übersicht, Entscheidungen, Zahl der Änderungen je Liste.`,
  );
  return 0;
}

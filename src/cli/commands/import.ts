/** `intm import FILE --year Y [--replace]`: step 1, the LRA's export becomes the Gemeinden's lists. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { importIssueLines } from '../../cards';
import { formatReport, importLimits } from '../../domain/importRows';
import * as a from '../args';
import type { CommandEnv } from '../io';
import { UsageError } from '../io';
import { table } from '../format';

export const IMPORT_USAGE = `intm import DATEI --year Y [--replace] [--json]
  DATEI: .xlsx oder .csv (Trennzeichen ; oder ,; UTF-8 oder Windows-1252)
  --replace  verwirft bereits begonnene Prüfungen der Gemeinden (wird protokolliert)`;

/** Larger files are refused before they are read: the reader's own limit, checked before loading the file. */
const MAX_FILE_BYTES = importLimits().maxFileBytes;

export async function importCommand(env: CommandEnv, argv: string[]): Promise<number> {
  const p = a.parse(argv, { year: { type: 'string' }, replace: { type: 'boolean' }, json: { type: 'boolean' } }, IMPORT_USAGE, 1);
  const file = p.positionals[0];
  if (!file) throw new UsageError('Welche Datei soll importiert werden?', IMPORT_USAGE);
  const year = a.year(p, IMPORT_USAGE);
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new UsageError(`„${file}“ ist keine Datei.`, IMPORT_USAGE);
    if (stat.size > MAX_FILE_BYTES) {
      env.io.err(`Die Datei ist zu groß (${Math.round(stat.size / 1024 / 1024)} MB; höchstens ${MAX_FILE_BYTES / 1024 / 1024} MB).`);
      return 1;
    }
    bytes = await fs.readFile(file);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'gibt es nicht' : code === 'EACCES' || code === 'EPERM' ? 'darf nicht gelesen werden (Zugriffsrechte)' : 'lässt sich nicht lesen';
    env.io.err(`Die Datei „${file}“ ${why}.`);
    return 1;
  }

  const report = await env.app.imports.importStep1(year, bytes, path.basename(file), { actor: env.actor, replace: a.flag(p, 'replace') });
  const { outcome } = report;
  if (a.flag(p, 'json')) {
    env.io.out(
      JSON.stringify(
        {
          stored: report.stored,
          rowsRead: outcome.rowsRead,
          persons: outcome.persons.length,
          leftOut: outcome.leftOut,
          errors: formatReport(outcome, 'de').errors,
          warnings: formatReport(outcome, 'de').warnings,
          perGemeinde: report.perGemeinde,
        },
        null,
        2,
      ),
    );
    return report.stored ? 0 : 1;
  }
  if (!report.stored) {
    const total = outcome.errors.length + outcome.errorsOmitted;
    env.io.err(`Import abgelehnt: ${total} Fehler in ${outcome.rowsRead} Zeilen. Es wurde nichts gespeichert.`);
    for (const line of formatReport(outcome, 'de').errors) env.io.err(line);
    return 1;
  }
  // On the terminal the warnings by kind with a count, as on the bot's report card ("108 Zeilen
  // außerhalb des Betrachtungszeitraums …"); every single row is in the JSON report.
  const groups = importIssueLines(outcome.warnings, outcome.warningKinds, 'de', { rowNumbers: true });
  for (const line of groups) env.io.err(`Hinweis: ${line.text}${line.rows ? ` (${line.rows})` : ''}`);
  if (groups.length) env.io.err('Jede einzelne Zeile steht im Bericht mit --json.');
  env.io.out(
    `Import gespeichert: ${outcome.persons.length} Personen für ${report.perGemeinde!.filter((g) => g.persons > 0).length} Gemeinden` +
      (outcome.leftOut ? `; ${outcome.leftOut} Person(en) außerhalb des Betrachtungszeitraums ausgelassen.` : '.'),
  );
  env.io.out(table(['AGS', 'Gemeinde', 'Personen'], report.perGemeinde!.map((g) => [g.ags, g.name, String(g.persons)]), ['left', 'left', 'right']));
  return 0;
}

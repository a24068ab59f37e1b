/** `intm allocate --what-if BETRAG`: the allocation for another Kreis amount, shown and never stored. */
import type { WhatIfReport } from '../../app/riskService';
import { checkWhatIfAmount, parseKreisAmount } from '../../domain/scenarios';
import { formatEuro, formatSignedEuro, formatVzae } from '../../domain/money';
import { translate } from '../../i18n/messages';
import { table } from '../format';
import type { CommandEnv } from '../io';

export function printWhatIf(env: CommandEnv, r: WhatIfReport): void {
  env.io.out(translate('whatIf.title', { year: r.year, amount: formatEuro(r.kreisAmount), stored: formatEuro(r.storedKreisAmount) }, 'de'));
  env.io.out(translate('whatIf.notStored', {}, 'de'));
  const rows = r.rows.map((row) => [row.ags, row.gemeinde, String(row.persons), formatEuro(row.storedAmount), formatEuro(row.amount), formatVzae(row.vzae), formatSignedEuro(row.difference)]);
  rows.push(['', 'Summe', String(r.totalPersons), formatEuro(r.totals.storedAmount), formatEuro(r.totals.amount), '', formatSignedEuro(r.totals.difference)]);
  env.io.out(
    table(['AGS', 'Gemeinde', 'Personen', 'Gespeichert', 'Was-wäre-wenn', 'VZÄ', 'Differenz'], rows, ['left', 'left', 'right', 'right', 'right', 'right', 'right']),
  );
  if (r.provisional) env.io.out(translate('whatIf.provisional', {}, 'de'));
}

export async function whatIfCommand(env: CommandEnv, year: number, typed: string, json: boolean): Promise<number> {
  const amount = checkWhatIfAmount(parseKreisAmount(typed), typed);
  const report = await env.app.risk.whatIf(year, amount, env.actor);
  if (json) env.io.out(JSON.stringify(report, null, 2));
  else printWhatIf(env, report);
  return 0;
}

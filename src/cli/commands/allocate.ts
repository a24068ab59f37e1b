/** `intm allocate` (step 5) and `intm publish` (step 6). */
import type { OverviewReport } from '../../app/overview';
import { berlinDate, formatDate } from '../../domain/dates';
import { Decimal, formatEuro, formatNumber, formatVzae } from '../../domain/money';
import * as a from '../args';
import { changesSincePublicationDe } from '../../i18n/labels';
import { CHOICE_DE, LIST_STATE_DE, table } from '../format';
import type { CommandEnv } from '../io';
import { whatIfCommand } from './whatIf';

export const ALLOCATE_USAGE = `intm allocate --year Y [--json] [--what-if BETRAG]   (--what-if: Verteilung für einen anderen Kreisbetrag,
                                                  z. B. 1.400.000 oder "1,4 Mio"; nur zur Ansicht, nichts wird gespeichert)
intm publish --year Y [--force] [--reason TEXT]   (--force: auch mit noch vorläufigen Zahlen veröffentlichen;
                                                  --reason: Grund, Pflicht bei erneuter Veröffentlichung)`;

/** The JSON the issue promises scripts: amounts as decimal strings ("18523.00"). */
export function allocationJson(r: OverviewReport) {
  return {
    year: r.year,
    kreisAmount: r.parameters.kreisAmount,
    vorwegabzug: r.parameters.vorwegabzug,
    distributable: r.parameters.distributable,
    unit: r.parameters.unit,
    eurPerVzae: r.parameters.eurPerVzae,
    stichtag: r.parameters.stichtag,
    totalPersons: r.totals.persons,
    totalAmount: r.totals.amount,
    provisional: r.provisional,
    leftoverUnits: r.leftoverUnits,
    tieRule: r.tieRule,
    rows: r.rows.map((row) => ({
      ags: row.ags,
      gemeinde: row.gemeinde,
      listed: row.listed,
      struck: row.struck,
      added: row.added,
      pending: row.pending,
      persons: row.persons,
      share: row.share,
      exactAmount: row.exactAmount,
      amount: row.amount,
      vzae: row.vzae,
      listState: row.listState,
      submitted: row.listState === 'eingereicht',
      overdue: row.overdue,
      decision: row.decision,
    })),
  };
}

export function printOverview(env: CommandEnv, r: OverviewReport): void {
  env.io.out(
    `Verteilung Berechnungsjahr ${r.year}${r.provisional ? ' (VORLÄUFIG: noch nicht alle Listen eingereicht)' : ''}: ` +
      `${formatEuro(r.parameters.distributable)} auf ${r.totals.persons} Personen zum Stichtag ${formatDate(r.parameters.stichtag)}`,
  );
  const rows = r.rows.map((row) => [
    row.ags,
    row.gemeinde,
    String(row.persons),
    formatNumber(new Decimal(row.share).times(100), 3) + ' %',
    formatEuro(row.amount),
    formatVzae(row.vzae),
    LIST_STATE_DE[row.listState] + (row.overdue ? ' (überfällig)' : '') + (row.pending ? ` (${row.pending} offen)` : ''),
    CHOICE_DE[row.decision],
  ]);
  rows.push(['', 'Summe', String(r.totals.persons), '100,000 %', formatEuro(r.totals.amount), formatVzae(r.totals.vzae), '', '']);
  env.io.out(table(['AGS', 'Gemeinde', 'Personen', 'Anteil', 'Betrag', 'VZÄ', 'Liste', 'Entscheidung'], rows, ['left', 'left', 'right', 'right', 'right', 'right']));
  env.io.out(`Rundung: ${r.leftoverUnits} Resteinheit(en) nach größtem Rest verteilt. ${r.tieRule}`);
}

export async function allocateCommand(env: CommandEnv, argv: string[]): Promise<number> {
  const p = a.parse(argv, { year: { type: 'string' }, json: { type: 'boolean' }, 'what-if': { type: 'string' } }, ALLOCATE_USAGE);
  const whatIf = a.optional(p, 'what-if');
  if (whatIf !== undefined) return whatIfCommand(env, a.year(p, ALLOCATE_USAGE), whatIf, a.flag(p, 'json'));
  const { report, sincePublication } = await env.app.overview.current(a.year(p, ALLOCATE_USAGE));
  // Scripts learn, as readers do, when the current figures are not the published ones.
  if (a.flag(p, 'json')) env.io.out(JSON.stringify({ ...allocationJson(report), ...(sincePublication ? { sincePublication } : {}) }, null, 2));
  else {
    printOverview(env, report);
    // The Gemeinden see the published figures until the next publication: say when these are not them.
    if (sincePublication) {
      const changes = changesSincePublicationDe(sincePublication);
      env.io.out(
        `Veröffentlicht am ${formatDate(berlinDate(sincePublication.at))}. ` +
          (!changes
            ? 'Die Zahlen sind unverändert.'
            : sincePublication.purgedAt
              ? `${changes} Die Personendaten wurden am ${formatDate(berlinDate(sincePublication.purgedAt))} gelöscht; oben stehen die Zahlen von diesem Tag. Es gelten die veröffentlichten Zahlen – veröffentlichen lässt sich das Jahr nicht mehr.`
              : `${changes} Die Gemeinden sehen die veröffentlichten Zahlen, bis Sie erneut veröffentlichen (publish).`),
      );
    }
  }
  return 0;
}

export async function publishCommand(env: CommandEnv, argv: string[]): Promise<number> {
  const p = a.parse(argv, { year: { type: 'string' }, force: { type: 'boolean' }, reason: { type: 'string' } }, ALLOCATE_USAGE);
  const reason = a.optional(p, 'reason');
  const { report, replaces } = await env.app.campaigns.publish(a.year(p, ALLOCATE_USAGE), { actor: env.actor, force: a.flag(p, 'force'), ...(reason ? { reason } : {}) });
  env.io.out(`Übersicht ${report.year} ${replaces ? 'erneut ' : ''}veröffentlicht${report.provisional ? ' (vorläufig)' : ''}.`);
  printOverview(env, report);
  return 0;
}

/** `intm status`: where every Gemeinde stands, with deadlines and what is overdue. */
import { berlinDate, formatDate } from '../../domain/dates';
import * as a from '../args';
import { CHOICE_DE, LIST_STATE_DE, table } from '../format';
import type { CommandEnv } from '../io';
import { roundSummaryText } from '../../app/nachweisStatus';
import { translate } from '../../i18n/messages';

export const STATUS_USAGE = 'intm status --year Y [--json]';

export async function statusCommand(env: CommandEnv, argv: string[]): Promise<number> {
  const p = a.parse(argv, { year: { type: 'string' }, json: { type: 'boolean' } }, STATUS_USAGE);
  const s = await env.app.overview.status(a.year(p, STATUS_USAGE));
  // The round of this year or the latest before (it runs while the next years' lists are reviewed), as on the bot's status card.
  const nachweis = await env.app.verwendungsnachweis.roundStatus(s.year);
  if (a.flag(p, 'json')) {
    // The same figures as the text below; null before any round is opened.
    env.io.out(JSON.stringify({ ...s, verwendungsnachweis: nachweis ?? null }, null, 2));
    return 0;
  }
  const { summary } = s;
  env.io.out(
    `Stand ${formatDate(s.today)}, Berechnungsjahr ${s.year}: ${summary.submitted} von ${summary.total} Listen eingereicht, ` +
      `${summary.byState['in-bearbeitung']} in Bearbeitung, ${summary.byState.versendet} versendet, ${summary.byState.importiert} nur importiert; ` +
      `${summary.overdue} überfällig. Rückmeldefrist ${formatDate(s.deadlines.review)}, Entscheidungsfrist ${formatDate(s.deadlines.decision)}.`,
  );
  env.io.out(
    `Entscheidungen: ${summary.decisions.landkreis} Landkreis, ${summary.decisions.eigenstaendig} in eigener Verantwortung, ` +
      `${summary.decisions.verbund} Verbund, ${summary.decisions.offen} offen.` +
      (s.published ? ` Übersicht veröffentlicht am ${formatDate(berlinDate(s.published.at))}.` : '') +
      (s.purged
        ? ` Personendaten gelöscht am ${formatDate(berlinDate(s.purged.at))}: Stand und Zahlen der Listen wie an diesem Tag.`
        : s.retentionUntil
          ? ` Personendaten werden aufbewahrt bis ${formatDate(s.retentionUntil)}.`
          : ''),
  );
  if (nachweis) {
    const overdue = nachweis.overdue.length ? ` ${translate('vnStatus.overdue', { n: nachweis.overdue.length })}${nachweis.overdue.join(', ')}.` : '';
    const reclaim = Number(nachweis.reclaim) > 0 ? translate('vnStatus.reclaim', { amount: nachweis.reclaim, n: nachweis.reclaimCount }) : translate('vnStatus.noReclaim', {});
    env.io.out(`Verwendungsnachweise ${nachweis.year} (Frist ${formatDate(nachweis.deadline)}): ${roundSummaryText(nachweis.summary, 'de')}${overdue} ${reclaim}`);
  }
  const rows = s.rows.map((r) => [
    r.ags,
    r.name,
    LIST_STATE_DE[r.listState] + (r.overdue ? ' – ÜBERFÄLLIG' : ''),
    formatDate(r.due),
    String(r.counts.listed),
    String(r.counts.struck),
    String(r.counts.added),
    String(r.counts.pending),
    String(r.counts.persons),
    CHOICE_DE[r.decision] + (r.decisionValid ? '' : ' (unvollständig)') + (r.decisionDefaulted ? ' → Landkreis' : ''),
  ]);
  env.io.out(
    table(['AGS', 'Gemeinde', 'Liste', 'Frist', 'gelistet', 'gestr.', 'nachgetr.', 'offen', 'Personen', 'Entscheidung'], rows, [
      'left', 'left', 'left', 'left', 'right', 'right', 'right', 'right', 'right',
    ]),
  );
  return 0;
}

/** `intm campaign create|update|show`: the Berechnungsjahr's money, period and calendar. */
import { createCampaign, retentionUntil, type CampaignInput, type Deadlines } from '../../domain/campaign';
import { berlinDate, formatDate } from '../../domain/dates';
import { formatEuro, formatNumber } from '../../domain/money';
import type { CampaignUpdate } from '../../app/campaignService';
import * as a from '../args';
import type { CommandEnv } from '../io';
import { UsageError } from '../io';

export const CAMPAIGN_USAGE = `intm campaign create --year Y (--kreis-amount EUR | --landesmittel EUR --quote PROZENT)
                    [--unit 1|0.01] [--eur-per-vzae EUR] [--deduction EUR | --deduction-percent PROZENT]
                    [--period-start DATUM --period-end DATUM] [--stichtag DATUM]
                    [--deadline-sent DATUM] [--deadline-review DATUM] [--deadline-publication DATUM] [--deadline-decision DATUM]
                    [--retention-until DATUM]  (Personendaten aufbewahren bis; Standard 31.12. des Folgejahres)
intm campaign update --year Y [dieselben Optionen wie create] [--replace]
                    (--deduction 0 oder --deduction-percent 0 entfernt den Vorwegabzug)
                    (--replace: Zeitraum/Stichtag nach dem Import ändern – verwirft die Listen; danach neu importieren)
intm campaign show --year Y [--json]`;

const OPTIONS = {
  year: { type: 'string' },
  'kreis-amount': { type: 'string' },
  landesmittel: { type: 'string' },
  quote: { type: 'string' },
  unit: { type: 'string' },
  'eur-per-vzae': { type: 'string' },
  deduction: { type: 'string' },
  'deduction-percent': { type: 'string' },
  'period-start': { type: 'string' },
  'period-end': { type: 'string' },
  stichtag: { type: 'string' },
  'deadline-sent': { type: 'string' },
  'deadline-review': { type: 'string' },
  'deadline-publication': { type: 'string' },
  'deadline-decision': { type: 'string' },
  'retention-until': { type: 'string' },
  json: { type: 'boolean' },
  replace: { type: 'boolean' },
} as const;

function input(p: a.Parsed): CampaignInput {
  const u = CAMPAIGN_USAGE;
  const unit = a.optional(p, 'unit');
  if (unit !== undefined && unit !== '1' && unit !== '0.01' && unit !== '0,01') {
    throw new UsageError(`--unit: „${unit}“ – erlaubt sind 1 (ganze Euro) und 0.01 (Cent).`, u);
  }
  const deadlines: Partial<Deadlines> = {
    listsSent: a.date(a.optional(p, 'deadline-sent'), 'deadline-sent', u),
    review: a.date(a.optional(p, 'deadline-review'), 'deadline-review', u),
    publication: a.date(a.optional(p, 'deadline-publication'), 'deadline-publication', u),
    decision: a.date(a.optional(p, 'deadline-decision'), 'deadline-decision', u),
  };
  return {
    year: a.year(p, u),
    kreisAmount: a.amount(a.optional(p, 'kreis-amount'), 'kreis-amount', u),
    landesmittel: a.amount(a.optional(p, 'landesmittel'), 'landesmittel', u),
    quotePercent: a.decimal(a.optional(p, 'quote'), 'quote', u),
    vorwegabzugAmount: a.amount(a.optional(p, 'deduction'), 'deduction', u),
    vorwegabzugPercent: a.decimal(a.optional(p, 'deduction-percent'), 'deduction-percent', u),
    unit: unit === undefined ? undefined : unit === '1' ? '1' : '0.01',
    eurPerVzae: a.amount(a.optional(p, 'eur-per-vzae'), 'eur-per-vzae', u),
    periodStart: a.date(a.optional(p, 'period-start'), 'period-start', u),
    periodEnd: a.date(a.optional(p, 'period-end'), 'period-end', u),
    stichtag: a.date(a.optional(p, 'stichtag'), 'stichtag', u),
    deadlines,
    retentionUntil: a.date(a.optional(p, 'retention-until'), 'retention-until', u),
  };
}

function describe(env: CommandEnv, c: Awaited<ReturnType<CommandEnv['app']['campaigns']['show']>>): void {
  const k = c.campaign;
  const lines = [
    `Berechnungsjahr ${k.year}`,
    `  Kreisbetrag:           ${formatEuro(k.kreisAmount)}` +
      (k.kreisAmountSource.kind === 'landesmittel'
        ? ` (Landesmittel ${formatEuro(k.kreisAmountSource.landesmittel)} × Zuteilungsquote ${formatNumber(k.kreisAmountSource.quotePercent, 4)} %)`
        : ''),
    ...(k.vorwegabzug
      ? [`  Vorwegabzug:           ${k.vorwegabzug.kind === 'amount' ? formatEuro(k.vorwegabzug.amount) : formatNumber(k.vorwegabzug.percent, 2) + ' %'} (Koordinierungsstelle)`]
      : []),
    `  Rundungseinheit:       ${k.unit === '1' ? '1\u00a0€ (ganze Euro)' : '0,01\u00a0€ (Cent)'}`,
    `  Kosten je VZÄ:         ${formatEuro(k.eurPerVzae)}`,
    `  Betrachtungszeitraum:  ${formatDate(k.period.start)} – ${formatDate(k.period.end)}`,
    `  Stichtag:              ${formatDate(k.stichtag)}`,
    `  Fristen:               Versand ${formatDate(k.deadlines.listsSent)}, Rückmeldung ${formatDate(k.deadlines.review)}, ` +
      `Veröffentlichung ${formatDate(k.deadlines.publication)}, Entscheidung ${formatDate(k.deadlines.decision)}`,
    `  Aufbewahrung bis:      ${formatDate(retentionUntil(k))}${k.retentionUntil ? '' : ' (Standard: Ende des Folgejahres)'} – erst danach intm purge`,
    `  Import:                ${c.imported ? `${c.imported.persons} Personen aus „${c.imported.fileName}“ (${formatDate(berlinDate(c.imported.at))})` : 'noch keiner'}`,
    `  Veröffentlicht:        ${c.published ? `${formatDate(berlinDate(c.published.at))} von ${c.published.by.name}` : 'nein'}`,
    ...(c.purged ? [`  Personendaten:         gelöscht am ${formatDate(berlinDate(c.purged.at))} von ${c.purged.by.name}; die Zahlen sind erhalten`] : []),
  ];
  env.io.out(lines.join('\n'));
}

function updateSummary(u: CampaignUpdate, year: number): string {
  if (!u.changed) return 'Keine Änderung.';
  const d = u.discarded;
  if (!d || (d.lists === 0 && !d.publishedAt)) return 'Kampagne geändert.';
  const what = [
    ...(d.lists ? [`${d.lists} importierte Liste(n), davon ${d.workedOn} von den Gemeinden bearbeitet`] : []),
    ...(d.publishedAt ? [`die Veröffentlichung vom ${formatDate(berlinDate(d.publishedAt))}`] : []),
  ];
  return `Kampagne geändert. Verworfen: ${what.join('; ')}. Bitte importieren Sie den Export neu (intm import DATEI --year ${year}).`;
}

/** Refuses what `campaign create` would refuse, before anything is opened or created (a new data directory). */
export function checkCampaignCreate(argv: string[]): void {
  createCampaign(input(a.parse(argv, OPTIONS, CAMPAIGN_USAGE)));
}

export async function campaignCommand(env: CommandEnv, sub: string | undefined, argv: string[]): Promise<number> {
  const p = a.parse(argv, OPTIONS, CAMPAIGN_USAGE);
  let update: CampaignUpdate | undefined;
  if (sub === 'create') {
    await env.app.campaigns.create(input(p), { actor: env.actor });
  } else if (sub === 'update') {
    const { year, ...changes } = input(p);
    update = await env.app.campaigns.change(year, changes, { actor: env.actor, replace: a.flag(p, 'replace') });
  } else if (sub === 'show') {
    // show needs only the year
  } else {
    throw new UsageError(sub ? `Unbekannter Befehl „campaign ${sub}“.` : 'Was soll mit der Kampagne geschehen?', CAMPAIGN_USAGE);
  }
  const record = await env.app.campaigns.show(a.year(p, CAMPAIGN_USAGE));
  if (a.flag(p, 'json')) env.io.out(JSON.stringify(record.campaign, null, 2));
  else {
    if (sub === 'create') env.io.out('Kampagne angelegt.');
    if (update) env.io.out(updateSummary(update, record.campaign.year));
    describe(env, record);
  }
  return 0;
}

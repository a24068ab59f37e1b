/**
 * `intm verwendungsnachweis …`: the Verwendungsnachweis round on the command line – the coordinator
 * opens it, enters what a Gemeinde sent by letter or mail, returns or accepts, enters the Landkreis'
 * own figures, and sees the status. Same service as the bot (src/app/verwendungsnachweisService.ts).
 */
import { readFile } from 'node:fs/promises';
import { resolveAgs } from '../../app/context';
import { roundSummaryText } from '../../app/nachweisStatus';
import type { NachweisView } from '../../app/verwendungsnachweisService';
import { formatDate } from '../../domain/dates';
import { Decimal, formatEuro, formatNumber, formatVzae } from '../../domain/money';
import { MONTH_NAMES, NachweisInput, roundSummary } from '../../domain/verwendungsnachweis';
import { translate } from '../../i18n/messages';
import { NACHWEIS_STATE_LABEL } from '../../i18n/verwendungsnachweis';
import { fileSizeText } from '../../i18n/nachweisFiles';
import { nachweisFilesCommand } from './nachweisFiles';
import * as a from '../args';
import type { CommandEnv } from '../io';
import { Refusal, UsageError } from '../io';

export const VERWENDUNGSNACHWEIS_USAGE = `intm verwendungsnachweis start --year Y --deadline TT.MM.JJJJ [--kennzahlen "Beratene Personen;Beratene Haushalte;…"]
intm verwendungsnachweis deadline --year Y --deadline TT.MM.JJJJ   (Frist ändern)
intm verwendungsnachweis show --year Y --ags AGS
intm verwendungsnachweis save --year Y --ags AGS [--file NACHWEIS.json] [--personal EUR] [--sonstige EUR] [--eigenmittel EUR]
            [--traeger NAME] [--traeger-betrag EUR] [--monate "0,5;0,5;…" (12 Werte, VZÄ, unbesetzt 0)]
            [--kennzahlen "Beratene Personen=80;…"] [--text TEXT]      (Entwurf; für die Gemeinde eingetragen)
intm verwendungsnachweis submit --year Y --ags AGS
intm verwendungsnachweis return --year Y --ags AGS --reason RÜCKFRAGE
intm verwendungsnachweis accept --year Y --ags AGS
intm verwendungsnachweis landkreis --year Y --ags AGS [wie save]   (Zahlen des Landkreises für eine von ihm betreute Gemeinde)
intm verwendungsnachweis landkreis-import --year Y --file ZAHLEN.xlsx|.csv   (Spalten AGS, Personalausgaben, sonstige Ausgaben,
            Januar … Dezember, die Kennzahlen; eine Zeile je vom Landkreis betreuter Gemeinde; ein Fehler: nichts gespeichert)
intm verwendungsnachweis status --year Y
intm verwendungsnachweis files --year Y --gemeinde AGS|NAME [--out ORDNER]   (angehängte PDF-Dateien; mit --out dorthin gespeichert)
intm verwendungsnachweis attach --year Y --gemeinde AGS|NAME --file DATEI.pdf   (eine PDF-Datei anhängen, z. B. per Post erhalten)
intm verwendungsnachweis remove-file --year Y --gemeinde AGS|NAME --sha256 HASH`;

const U = VERWENDUNGSNACHWEIS_USAGE;

const OPTIONS = {
  year: { type: 'string' },
  ags: { type: 'string' },
  deadline: { type: 'string' },
  kennzahlen: { type: 'string' },
  file: { type: 'string' },
  personal: { type: 'string' },
  sonstige: { type: 'string' },
  eigenmittel: { type: 'string' },
  traeger: { type: 'string' },
  'traeger-betrag': { type: 'string' },
  monate: { type: 'string' },
  text: { type: 'string' },
  reason: { type: 'string' },
  'op-id': { type: 'string' },
  gemeinde: { type: 'string' },
  out: { type: 'string' },
  sha256: { type: 'string' },
} as const;

/** The JSON file's fields (the same names as NachweisInput); anything else is a typo worth a clear word. */
const FILE_FIELDS = ['personnel', 'other', 'eigenmittel', 'traeger', 'traegerAmount', 'months', 'shares', 'figures', 'text'];

async function inputFrom(p: a.Parsed): Promise<NachweisInput> {
  let input: NachweisInput = {};
  const file = a.optional(p, 'file');
  if (file) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, 'utf8'));
    } catch (e) {
      throw new Refusal((e as NodeJS.ErrnoException).code ? `Die Datei „${file}“ kann nicht gelesen werden.` : `Die Datei „${file}“ ist kein gültiges JSON.`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Refusal(`Die Datei „${file}“ muss ein JSON-Objekt enthalten.`);
    const unknown = Object.keys(parsed).filter((k) => !FILE_FIELDS.includes(k));
    if (unknown.length) throw new Refusal(`Unbekannte Felder in „${file}“: ${unknown.join(', ')} (erlaubt: ${FILE_FIELDS.join(', ')}).`);
    input = parsed as NachweisInput;
  }
  const flag = (name: string) => a.optional(p, name);
  if (flag('personal')) input.personnel = flag('personal');
  if (flag('sonstige')) input.other = flag('sonstige');
  if (flag('eigenmittel')) input.eigenmittel = flag('eigenmittel');
  if (p.values.traeger !== undefined) input.traeger = String(p.values.traeger);
  if (flag('traeger-betrag')) input.traegerAmount = flag('traeger-betrag');
  if (flag('monate')) input.months = flag('monate')!.split(';').map((m) => m.trim());
  if (flag('text')) input.text = flag('text');
  if (flag('kennzahlen')) {
    const figures: Record<string, string> = { ...((input.figures as Record<string, string>) ?? {}) };
    for (const pair of flag('kennzahlen')!.split(';').filter((x) => x.trim())) {
      const at = pair.lastIndexOf('=');
      if (at < 1) throw new UsageError(`--kennzahlen: „${pair}“ ist nicht NAME=ZAHL.`, U);
      figures[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
    }
    input.figures = figures;
  }
  return input;
}

function describe(env: CommandEnv, view: NachweisView): void {
  const name = (ags: string) => env.app.ctx.verzeichnis.byKey(ags)?.name ?? ags;
  const n = view.nachweis;
  const d = n.data;
  const t = view.totals;
  const money = (v: string | undefined) => (v === undefined ? '–' : formatEuro(v));
  env.io.out(`Verwendungsnachweis ${view.year}: ${n.members.map(name).join(', ')} – ${NACHWEIS_STATE_LABEL.de[n.state]}${n.kind === 'landkreis' ? ' (Zahlen des Landkreises)' : ''}`);
  env.io.out(`  Frist: ${formatDate(view.deadline)}`);
  if (n.question) env.io.out(`  Rückfrage der Koordinierungsstelle: ${n.question.text}`);
  env.io.out(`  Zuwendung: ${formatEuro(t.allocation)}`);
  env.io.out(`  Personalausgaben: ${money(d.personnel)} · sonstige Ausgaben: ${money(d.other)} · zusammen ${formatEuro(t.expenditure)}`);
  if (n.kind === 'eigen') env.io.out(`  Eigenmittel: ${money(d.eigenmittel)}${d.traeger ? ` · Träger: ${d.traeger} (${money(d.traegerAmount)})` : ''}`);
  if (n.members.length > 1) env.io.out(`  Anteile an den Ausgaben: ${n.members.map((m) => `${name(m)} ${money(d.shares?.[m])}`).join(', ')}`);
  env.io.out(`  Stelle (VZÄ): ${d.months.map((m, i) => `${MONTH_NAMES[i].slice(0, 3)} ${m === null ? '–' : formatNumber(m, 2)}`).join(', ')}; Ø ${formatVzae(t.averageVzae)}`);
  for (const k of view.keyFigures) env.io.out(`  ${k.label}: ${d.figures[k.id] === undefined ? '–' : formatNumber(d.figures[k.id], new Decimal(d.figures[k.id]).decimalPlaces())}`);
  if (d.text) env.io.out(`  Sachbericht: ${d.text}`);
  if (view.attachments?.length) env.io.out(`  Angehängte Dateien: ${view.attachments.map((f) => `${f.name} (${fileSizeText(f.size)})`).join(', ')}`);
  if (t.reclaim.gt(0) && d.personnel !== undefined && d.other !== undefined) env.io.out(`  Voraussichtliche Rückforderung: ${formatEuro(t.reclaim)}`);
  for (const f of view.findings) env.io.out(`  ${f.severity === 'error' ? 'Fehlt/Fehler' : 'Hinweis'}: ${translate(f.code, f.params)}`);
  if (!view.findings.some((f) => f.severity === 'error') && (n.state === 'in_bearbeitung' || n.state === 'zurueckgegeben') && n.kind === 'eigen') {
    env.io.out('  Vollständig: kann eingereicht werden.');
  }
}


export async function verwendungsnachweisCommand(env: CommandEnv, sub: string | undefined, argv: string[]): Promise<number> {
  const p = a.parse(argv, OPTIONS, U);
  const year = a.year(p, U);
  const service = env.app.verwendungsnachweis;
  const opts = { actor: env.actor, ...(a.optional(p, 'op-id') ? { opId: a.optional(p, 'op-id') } : {}) };
  const ags = () => resolveAgs(env.app.ctx, a.optional(p, 'gemeinde') ?? a.required(p, 'ags', U));
  const report = (outcome: { changed: boolean; replayed: boolean; view: NachweisView }, done: string) => {
    env.io.out(outcome.replayed ? 'Diese Operation wurde bereits ausgeführt; keine Änderung.' : outcome.changed ? done : 'Keine Änderung.');
    describe(env, outcome.view);
    return 0;
  };
  switch (sub) {
    case 'start': {
      const deadline = a.date(a.required(p, 'deadline', U), 'deadline', U)!;
      const labels = a.optional(p, 'kennzahlen')?.split(';');
      const round = await service.open(year, { deadline, ...(labels ? { keyFigures: labels } : {}) }, opts);
      const due = Object.values(round.nachweise).filter((n) => n.kind === 'eigen').length;
      env.io.out(`Runde der Verwendungsnachweise ${year} eröffnet, Frist ${formatDate(round.deadline)}: ${due} Nachweis(e) der Gemeinden in eigener Verantwortung, die übrigen Gemeinden mit den Zahlen des Landkreises.`);
      env.io.out(`Kennzahlen des Sachberichts: ${round.keyFigures.map((k) => k.label).join('; ')}`);
      return 0;
    }
    case 'deadline': {
      const round = await service.setDeadline(year, a.date(a.required(p, 'deadline', U), 'deadline', U)!, opts);
      env.io.out(`Frist der Verwendungsnachweise ${year}: ${formatDate(round.deadline)}.`);
      return 0;
    }
    case 'show':
      describe(env, await service.show(year, ags(), env.actor));
      return 0;
    case 'save':
      return report(await service.save(year, ags(), await inputFrom(p), opts), 'Entwurf gespeichert.');
    case 'landkreis':
      return report(await service.landkreis(year, ags(), await inputFrom(p), opts), 'Zahlen des Landkreises gespeichert.');
    case 'landkreis-import': {
      const file = a.required(p, 'file', U);
      const bytes = await readFile(file).catch(() => {
        throw new Refusal(`Die Datei „${file}“ kann nicht gelesen werden.`);
      });
      const result = await service.importLandkreis(year, bytes, file, opts);
      if (!result.stored) {
        for (const e of result.errors) env.io.err(`Zeile ${e.rowNumber}: ${translate(e.code, e.params)}`);
        env.io.err('Nichts gespeichert.');
        return 1;
      }
      env.io.out(`Zahlen des Landkreises für ${result.gemeinden} Gemeinde(n) gespeichert.`);
      return 0;
    }
    case 'submit':
      return report(await service.submit(year, ags(), opts), 'Verwendungsnachweis eingereicht.');
    case 'return':
      return report(await service.returnWithQuestion(year, ags(), a.required(p, 'reason', U), opts), 'Mit Rückfrage an die Gemeinde zurückgegeben.');
    case 'accept':
      return report(await service.accept(year, ags(), opts), 'Verwendungsnachweis angenommen.');
    case 'status': {
      const { round, rows } = await service.status(year, env.actor);
      env.io.out(`Verwendungsnachweise ${year}, Frist ${formatDate(round.deadline)}:`);
      for (const r of rows) {
        const via = r.filedBy !== r.ags ? ` (im Verbund, Nachweis durch ${env.app.ctx.verzeichnis.byKey(r.filedBy)?.name ?? r.filedBy})` : r.kind === 'landkreis' ? ' (Zahlen des Landkreises)' : '';
        env.io.out(`  ${r.ags} ${env.app.ctx.verzeichnis.byKey(r.ags)?.name ?? ''}: ${NACHWEIS_STATE_LABEL.de[r.state]}${r.overdue ? ', überfällig' : ''}${via}`);
      }
      env.io.out(roundSummaryText(roundSummary(round, env.app.ctx.clock.today()), 'de'));
      return 0;
    }
    case 'files':
    case 'attach':
    case 'remove-file':
      return nachweisFilesCommand(env, sub, year, ags(), p);
    default:
      throw new UsageError(sub ? `Unbekannter Unterbefehl „${sub}“.` : 'Welcher Schritt: start, deadline, show, save, submit, return, accept, landkreis, landkreis-import, status, files, attach oder remove-file?', U);
  }
}

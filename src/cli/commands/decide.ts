/** `intm decide …`: step B, recorded by the Koordinierungsstelle (e.g. from a letter) or shown. */
import { resolveAgs } from '../../app/context';
import type { DecisionSituation } from '../../app/decisionService';
import type { Choice } from '../../domain/decision';
import { formatDate } from '../../domain/dates';
import { formatEuro, formatNumber, formatVzae } from '../../domain/money';
import * as a from '../args';
import { CHOICE_DE } from '../format';
import type { CommandEnv } from '../io';

export const DECIDE_USAGE = `intm decide --year Y --ags AGS --choice landkreis|eigenstaendig|verbund [--vzae N] [--eigenmittel EUR]
            [--traeger NAME] [--partners AGS,AGS] [--note TEXT]   (--note: Begründung, nach Fristablauf Pflicht)
intm decide confirm --year Y --ags PARTNER --lead AGS [--note TEXT]   (Partner bestätigt den Verbund)
intm decide show --year Y --ags AGS [--json]            (Entscheidungshilfe: Anteil, VZÄ, fehlende Eigenmittel)`;

const OPTIONS = {
  year: { type: 'string' },
  ags: { type: 'string' },
  choice: { type: 'string' },
  vzae: { type: 'string' },
  eigenmittel: { type: 'string' },
  traeger: { type: 'string' },
  partners: { type: 'string' },
  note: { type: 'string' },
  lead: { type: 'string' },
  'op-id': { type: 'string' },
  json: { type: 'boolean' },
} as const;

/**
 * The decision and what it means for the money, as the Teams card shows it: a Landkreis decision has no
 * position and needs no Eigenmittel; before any figures exist there is no share to compare with.
 */
export function describeAssessment(env: CommandEnv, name: string, situation: DecisionSituation): void {
  const s = situation.assessment;
  const names = (list: string[]) => list.map((g) => env.app.ctx.verzeichnis.byKey(g)?.name ?? g).join(', ');
  env.io.out(`${name}: ${CHOICE_DE[s.choice]}${s.choice === 'offen' ? ' (ohne Entscheidung übernimmt der Landkreis)' : ''}`);
  if (s.members.length > 1) {
    env.io.out(`  Verbund: ${names(s.members)}${s.unconfirmed.length ? `; noch nicht bestätigt: ${names(s.unconfirmed)}` : '; alle Partner haben bestätigt'}`);
  }
  if (!situation.row) {
    env.io.out('  Anteil: noch nicht berechnet (es sind noch keine Personen gezählt, d. h. keine Listen importiert).');
  } else {
    env.io.out(`  Anteil: ${formatEuro(s.fundedAmount)} ≈ ${formatVzae(s.fundedVzae)} VZÄ${situation.provisional ? ' (vorläufig)' : ''}`);
  }
  if (s.choice !== 'landkreis') {
    env.io.out(`  Stelle: ${formatNumber(s.positionVzae, 2)} VZÄ kosten ${formatEuro(s.positionCost)}`);
    if (situation.row) {
      env.io.out(
        s.missingEigenmittel.isZero()
          ? '  Der Anteil deckt die Stelle.'
          : `  Es fehlen ${formatEuro(s.missingEigenmittel)} Eigenmittel` +
              (s.eigenmittelDeclared.isZero() ? '.' : ` (zugesagt: ${formatEuro(s.eigenmittelDeclared)}; ${s.covered ? 'reicht' : 'reicht nicht'}).`),
      );
    } else if (!s.eigenmittelDeclared.isZero()) {
      env.io.out(`  Zugesagte Eigenmittel: ${formatEuro(s.eigenmittelDeclared)}; ob sie reichen, zeigt sich, wenn der Anteil berechnet ist.`);
    }
  }
  if (!s.valid) env.io.out('  Die Entscheidung ist noch nicht gültig.');
}

export async function decideCommand(env: CommandEnv, argv: string[]): Promise<number> {
  const u = DECIDE_USAGE;
  const sub = argv[0] === 'confirm' || argv[0] === 'show' ? argv[0] : undefined;
  const p = a.parse(sub ? argv.slice(1) : argv, OPTIONS, u);
  const year = a.year(p, u);
  const ags = resolveAgs(env.app.ctx, a.required(p, 'ags', u));
  const opts = { actor: env.actor, ...(a.optional(p, 'op-id') ? { opId: a.optional(p, 'op-id') } : {}) };
  const name = env.app.ctx.verzeichnis.byKey(ags)!.name;

  if (sub === 'show') {
    const situation = await env.app.decisions.situation(year, ags, env.actor);
    if (a.flag(p, 'json')) env.io.out(JSON.stringify(situation.assessment, null, 2));
    else describeAssessment(env, name, situation);
    return 0;
  }
  let outcome;
  if (sub === 'confirm') {
    const lead = resolveAgs(env.app.ctx, a.required(p, 'lead', u));
    const note = a.optional(p, 'note');
    outcome = await env.app.decisions.confirm(year, { ags, lead, ...(note ? { reason: note } : {}) }, opts);
  } else {
    const choice = a.required(p, 'choice', u);
    const partners = a.optional(p, 'partners')?.split(',').map((x) => resolveAgs(env.app.ctx, x.trim())).filter(Boolean);
    outcome = await env.app.decisions.decide(
      year,
      {
        ags,
        choice: choice as Choice,
        vzae: a.decimal(a.optional(p, 'vzae'), 'vzae', u),
        eigenmittel: a.amount(a.optional(p, 'eigenmittel'), 'eigenmittel', u),
        traeger: a.optional(p, 'traeger'),
        partners,
        reason: a.optional(p, 'note'),
      },
      opts,
    );
  }
  const situation = await env.app.decisions.situation(year, ags, env.actor);
  const deadline = formatDate(situation.deadline);
  if (outcome.replayed) env.io.out('Diese Operation wurde bereits ausgeführt; keine Änderung.');
  else if (!outcome.changed) env.io.out('Keine Änderung: das ist bereits so entschieden.');
  else if (env.app.ctx.clock.today() > situation.deadline) {
    // Past the deadline the Gemeinde can no longer change it: this is the Koordinierungsstelle's override.
    env.io.out(`Entscheidung gespeichert als Änderung durch die Koordinierungsstelle nach Ablauf der Entscheidungsfrist (${deadline}); so steht es im Protokoll.`);
  } else env.io.out(`Entscheidung gespeichert (änderbar bis ${deadline}).`);
  describeAssessment(env, name, situation);
  return 0;
}

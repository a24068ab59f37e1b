/** `intm review …`: steps 2–4 from the command line, the operator's fallback when Teams is down. */
import { resolveAgs } from '../../app/context';
import type { ListChangeOutcome } from '../../app/reviewService';
import { berlinDate, formatDate } from '../../domain/dates';
import { countList, GemeindeListe, listState, ListPerson, STRIKE_REASONS } from '../../domain/list';
import * as a from '../args';
import { LIST_STATE_DE, table } from '../format';
import type { CommandEnv } from '../io';
import { UsageError } from '../io';

export const REVIEW_USAGE = `intm review show --year Y --ags AGS [--json]
intm review strike --year Y --person ID --reason ${STRIKE_REASONS.join('|')} [--note TEXT]
intm review undo --year Y --person ID
intm review add-child --year Y --parent ID --surname NAME --given NAME --born DATUM
intm review add-person --year Y --ags AGS --surname NAME --given NAME --born DATUM --assigned DATUM
                       [--art zuweisung|familiennachzug] [--household ID] --justification TEXT
intm review pending --year Y
intm review accept --year Y --person ID [--note TEXT]
intm review reject --year Y --person ID --note TEXT
intm review submit --year Y --ags AGS
intm review reopen --year Y --ags AGS [--until DATUM] [--reason TEXT]
intm review mark-sent --year Y [--ags AGS]   (vermerkt den Versand, z. B. nach Versand per E-Mail)
Gemeinden können mit AGS oder Namen angegeben werden; --by NAME vermerkt den Bearbeiter.`;

const OPTIONS = {
  year: { type: 'string' },
  ags: { type: 'string' },
  person: { type: 'string' },
  reason: { type: 'string' },
  note: { type: 'string' },
  parent: { type: 'string' },
  surname: { type: 'string' },
  given: { type: 'string' },
  born: { type: 'string' },
  assigned: { type: 'string' },
  art: { type: 'string' },
  household: { type: 'string' },
  justification: { type: 'string' },
  until: { type: 'string' },
  'op-id': { type: 'string' },
  json: { type: 'boolean' },
} as const;

function personStatus(p: ListPerson): string {
  if (p.origin === 'import') return p.strike ? `gestrichen (${p.strike.reason}${p.strike.note ? ': ' + p.strike.note : ''})` : 'gezählt';
  if (p.withdrawn) return 'zurückgenommen';
  if (p.addition?.kind === 'kind') return 'nachgetragen (Kind)';
  return { angenommen: 'nachgetragen (angenommen)', offen: 'Nachtrag offen', abgelehnt: 'Nachtrag abgelehnt' }[p.addition!.review];
}

function printList(env: CommandEnv, list: GemeindeListe, name: string): void {
  const c = countList(list);
  env.io.out(
    `${name} (${list.ags}), Berechnungsjahr ${list.year}: ${LIST_STATE_DE[listState(list)]}` +
      (list.submitted ? ` am ${formatDate(berlinDate(list.submitted.at))} von ${list.submitted.by.name}` : ''),
  );
  env.io.out(`gelistet ${c.listed}, gestrichen ${c.struck}, nachgetragen ${c.added}, offen ${c.pending} → Personen zum Stichtag: ${c.persons}`);
  const rows = [...list.persons]
    .sort((x, y) => (x.householdId ?? x.id).localeCompare(y.householdId ?? y.id) || x.birthDate.localeCompare(y.birthDate))
    .map((p) => [p.householdId ?? '', p.id, p.surname, p.givenName, formatDate(p.birthDate), formatDate(p.assignmentDate), p.zugangsart, personStatus(p)]);
  env.io.out(table(['Haushalt', 'Personen-ID', 'Nachname', 'Vorname', 'geboren', 'Zuweisung', 'Zugangsart', 'Status'], rows));
}

function report(env: CommandEnv, outcome: ListChangeOutcome, done: string): number {
  if (outcome.replayed) env.io.out('Diese Operation wurde bereits ausgeführt; keine Änderung.');
  else if (!outcome.changed) env.io.out('Keine Änderung: das ist bereits so.');
  else env.io.out(done);
  const c = countList(outcome.list);
  env.io.out(`Liste ${outcome.list.ags}: ${c.persons} Personen zum Stichtag (gelistet ${c.listed}, gestrichen ${c.struck}, nachgetragen ${c.added}, offen ${c.pending}); Revision ${outcome.list.revision}.`);
  return 0;
}

export async function reviewCommand(env: CommandEnv, sub: string | undefined, argv: string[]): Promise<number> {
  const u = REVIEW_USAGE;
  const p = a.parse(argv, OPTIONS, u);
  const year = () => a.year(p, u);
  const ags = () => resolveAgs(env.app.ctx, a.required(p, 'ags', u));
  const opts = { actor: env.actor, ...(a.optional(p, 'op-id') ? { opId: a.optional(p, 'op-id') } : {}) };
  const byPerson = async (option: 'person' | 'parent') => {
    const id = a.required(p, option, u);
    return { id, ags: await env.app.review.findPerson(year(), id, opts) };
  };
  switch (sub) {
    case 'show': {
      const g = ags();
      const list = await env.app.review.getList(year(), g, opts);
      if (a.flag(p, 'json')) env.io.out(JSON.stringify({ ...list, counts: countList(list), status: listState(list) }, null, 2));
      else printList(env, list, env.app.ctx.verzeichnis.byKey(g)!.name);
      return 0;
    }
    case 'strike': {
      const person = await byPerson('person');
      const reason = a.required(p, 'reason', u);
      return report(env, await env.app.review.strike(year(), person.ags, { personId: person.id, reason, note: a.optional(p, 'note') }, opts), 'Person gestrichen.');
    }
    case 'undo': {
      const person = await byPerson('person');
      return report(env, await env.app.review.undo(year(), person.ags, person.id, opts), 'Rückgängig gemacht.');
    }
    case 'add-child': {
      const parent = await byPerson('parent');
      const outcome = await env.app.review.addChild(
        year(),
        parent.ags,
        {
          parentId: parent.id,
          surname: a.required(p, 'surname', u),
          givenName: a.required(p, 'given', u),
          birthDate: a.date(a.required(p, 'born', u), 'born', u)!,
        },
        opts,
      );
      return report(env, outcome, `Kind nachgetragen (Personen-ID ${outcome.personId}).`);
    }
    case 'add-person': {
      const art = a.optional(p, 'art') ?? 'familiennachzug';
      if (art !== 'zuweisung' && art !== 'familiennachzug') throw new UsageError(`--art: „${art}“ – erlaubt sind zuweisung und familiennachzug.`, u);
      const outcome = await env.app.review.addOther(
        year(),
        ags(),
        {
          surname: a.required(p, 'surname', u),
          givenName: a.required(p, 'given', u),
          birthDate: a.date(a.required(p, 'born', u), 'born', u)!,
          assignmentDate: a.date(a.required(p, 'assigned', u), 'assigned', u)!,
          zugangsart: art,
          householdId: a.optional(p, 'household'),
          justification: a.optional(p, 'justification') ?? '',
        },
        opts,
      );
      return report(env, outcome, `Person nachgetragen (Personen-ID ${outcome.personId}); sie zählt, sobald die Koordinierungsstelle den Nachtrag annimmt.`);
    }
    case 'pending': {
      const rows = (await env.app.review.pendingAdditions(year(), opts)).map(({ ags: g, person }) => [
        g,
        env.app.ctx.verzeichnis.byKey(g)?.name ?? '',
        person.id,
        `${person.surname}, ${person.givenName}`,
        formatDate(person.birthDate),
        person.addition!.justification ?? '',
      ]);
      env.io.out(rows.length ? table(['AGS', 'Gemeinde', 'Personen-ID', 'Name', 'geboren', 'Begründung'], rows) : 'Keine offenen Nachträge.');
      return 0;
    }
    case 'accept':
    case 'reject': {
      const person = await byPerson('person');
      const outcome = await env.app.review.reviewAddition(year(), person.ags, { personId: person.id, accept: sub === 'accept', note: a.optional(p, 'note') }, opts);
      return report(env, outcome, sub === 'accept' ? 'Nachtrag angenommen.' : 'Nachtrag abgelehnt.');
    }
    case 'submit':
      return report(env, await env.app.review.submit(year(), ags(), opts), 'Liste eingereicht.');
    case 'reopen': {
      const until = a.date(a.optional(p, 'until'), 'until', u);
      const outcome = await env.app.review.reopen(year(), ags(), { until, reason: a.optional(p, 'reason') }, opts);
      return report(env, outcome, until ? `Liste wiedereröffnet; neue Frist ${formatDate(until)}.` : 'Liste wiedereröffnet.');
    }
    case 'mark-sent': {
      const targets = a.optional(p, 'ags') ? [ags()] : env.app.ctx.verzeichnis.all.map((g) => g.ags);
      let changed = 0;
      for (const g of targets) if ((await env.app.review.markSent(year(), g, opts)).changed) changed++;
      env.io.out(`Versand für ${changed} Liste(n) vermerkt${changed < targets.length ? ` (${targets.length - changed} bereits vermerkt)` : ''}.`);
      return 0;
    }
    default:
      throw new UsageError(sub ? `Unbekannter Befehl „review ${sub}“.` : 'Welcher Prüfschritt?', u);
  }
}

/**
 * Step 1: the LRA's export becomes one list per Gemeinde. The whole file is validated before anything
 * is stored; one bad row refuses the file. An import replaces all lists of the year at once; once a
 * Gemeinde has worked on its list, that takes an explicit `replace`.
 */
import { actorRef, AuditEntry } from '../domain/audit';
import { isKoordination } from '../domain/actor';
import { DomainError } from '../domain/errors';
import { ImportOutcome, Step1Validator } from '../domain/importRows';
import { emptyList, GemeindeListe, ListPerson, workedOn } from '../domain/list';
import type { AppContext, OperationOptions } from './context';
import { requireCampaign } from './context';

export interface ImportReport {
  /** True when the lists were stored. */
  stored: boolean;
  outcome: ImportOutcome;
  /** Persons per Gemeinde as imported. */
  perGemeinde?: { ags: string; name: string; persons: number }[];
}

export class ImportService {
  constructor(private readonly ctx: AppContext) {}

  async importStep1(
    year: number,
    bytes: Buffer,
    fileName: string,
    opts: OperationOptions & { replace?: boolean },
  ): Promise<ImportReport> {
    if (!isKoordination(opts.actor)) throw new DomainError('auth.koordinationOnly');
    const record = await requireCampaign(this.ctx, year);
    // A purged year is closed: its personal data must not come back (and its figures would no longer match).
    if (record.purged) throw new DomainError('campaign.purged', { year });
    if (record.published && !opts.replace) throw new DomainError('campaign.published', { year });

    const validator = new Step1Validator({
      verzeichnis: this.ctx.verzeichnis,
      period: record.campaign.period,
      today: this.ctx.clock.today(),
    });
    let headerSeen = false;
    for await (const { rowNumber, cells } of this.ctx.tableReader.read(bytes, fileName)) {
      if (!headerSeen) headerSeen = validator.header(rowNumber, cells);
      else validator.row(rowNumber, cells);
    }
    const outcome = validator.finish();
    if (!outcome.ok) return { stored: false, outcome };

    const now = this.ctx.clock.now();
    const byAgs = new Map<string, ListPerson[]>();
    for (const p of outcome.persons) {
      const person: ListPerson = {
        id: p.id,
        ...(p.householdId ? { householdId: p.householdId } : {}),
        surname: p.surname,
        givenName: p.givenName,
        birthDate: p.birthDate,
        assignmentDate: p.assignmentDate,
        zugangsart: p.zugangsart,
        origin: 'import',
      };
      byAgs.set(p.ags, [...(byAgs.get(p.ags) ?? []), person]);
    }
    // Each list starts with the import as the first entry of its change log.
    const history: AuditEntry[] = [];
    const lists: GemeindeListe[] = this.ctx.verzeichnis.all.map((g) => {
      const persons = byAgs.get(g.ags) ?? [];
      history.push({ at: now, actor: actorRef(opts.actor), action: 'campaign.import', ags: g.ags, after: { personen: persons.length, datei: fileName }, revision: 1 });
      return { ...emptyList(year, g.ags), persons, revision: 1, changeCounts: { 'campaign.import': 1 } };
    });
    /**
     * A re-import's lists start above every revision the year's lists had (their revision and the
     * version of their persons, see domain/list.ts `base`): a card from before it conflicts.
     */
    const startAbove = (currentLists: GemeindeListe[]) => {
      if (!currentLists.length) return;
      const base = Math.max(...currentLists.map((l) => l.revision)) + 1;
      for (const list of lists) Object.assign(list, { revision: base, base });
      for (const entry of history) entry.revision = base;
    };

    const perGemeinde = this.ctx.verzeichnis.all.map((g) => ({ ags: g.ags, name: g.name, persons: byAgs.get(g.ags)?.length ?? 0 }));
    await this.ctx.repo.replaceLists(year, lists, (current, currentLists) => {
      if (current.purged) throw new DomainError('campaign.purged', { year });
      // The file was checked against the period read before the lock: it must still be the campaign's.
      if (JSON.stringify(current.campaign.period) !== JSON.stringify(record.campaign.period)) throw new DomainError('campaign.changedDuringImport', { year });
      const worked = currentLists.filter(workedOn);
      if (worked.length > 0 && !opts.replace) throw new DomainError('campaign.reviewStarted', { count: worked.length });
      startAbove(currentLists);
      const revision = current.revision + 1;
      const e: AuditEntry = {
        at: now,
        actor: actorRef(opts.actor),
        action: 'campaign.import',
        before: current.imported ? { personen: current.imported.persons, datei: current.imported.fileName } : null,
        after: { personen: outcome.persons.length, ausgelassen: outcome.leftOut, datei: fileName, verworfeneBearbeitungen: worked.length },
        revision,
        ...(opts.opId ? { opId: opts.opId } : {}),
      };
      const imported = {
        at: now,
        by: { id: opts.actor.id, name: opts.actor.name },
        fileName,
        persons: outcome.persons.length,
        leftOut: outcome.leftOut,
        gemeinden: perGemeinde.filter((g) => g.persons > 0).length,
      };
      // A new import invalidates an earlier publication: its figures no longer match the lists.
      const { published: _dropped, ...rest } = current;
      return { next: { ...rest, imported, revision, events: [...current.events, e] }, result: undefined };
    }, history);
    return { stored: true, outcome, perGemeinde };
  }
}

/** The audit trail, queried for the whole year or for one Gemeinde (evidence for the Verwendungsnachweis). */
import { actsFor, isKoordination, Actor } from '../domain/actor';
import type { AuditEntry } from '../domain/audit';
import { DomainError } from '../domain/errors';
import type { AppContext } from './context';
import { requireCampaign } from './context';
import { ROSTER_DOCUMENT } from './rosterService';
import type { Roster } from '../domain/roster';

export class AuditService {
  constructor(private readonly ctx: AppContext) {}

  /**
   * Every change of the year, oldest first; with `ags` only those concerning that Gemeinde. Who was
   * given access to a Gemeinde's list, and by whom, belongs to the evidence: the roster's changes
   * (not tied to a year) are included up to the year's end, a move between Gemeinden under both.
   */
  async entries(year: number, opts: { actor: Actor; ags?: string }): Promise<AuditEntry[]> {
    if (!opts.ags ? !isKoordination(opts.actor) : !actsFor(opts.actor, opts.ags)) throw new DomainError('auth.otherGemeinde');
    const record = await requireCampaign(this.ctx, year);
    const [lists, decisions, roster] = await Promise.all([
      this.ctx.repo.readListHistory(year),
      this.ctx.repo.readDecisions(year),
      this.ctx.repo.readDocument<Roster>(ROSTER_DOCUMENT),
    ]);
    const all: AuditEntry[] = [
      ...record.events,
      ...lists,
      ...decisions.events,
      ...(roster?.events ?? []).filter((e) => e.at < `${year + 1}-01-01`),
    ];
    // By the Gemeinde the entry names, never by its subject: a person id from the LRA's file may look like an AGS.
    // A role change concerns the Gemeinde it was given for and those it replaced ("A, B" for a clerk of several).
    const was = (e: AuditEntry) => String((e.before as { ags?: unknown } | null | undefined)?.ags ?? '').split(', ');
    const concerns = (e: AuditEntry, ags: string) => e.ags === ags || was(e).includes(ags);
    const wanted = opts.ags ? all.filter((e) => concerns(e, opts.ags!)) : all;
    // Stable sort by time: entries of one document keep their order when timestamps tie.
    return wanted.map((e, i) => ({ e, i })).sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : a.i - b.i)).map(({ e }) => e);
  }
}

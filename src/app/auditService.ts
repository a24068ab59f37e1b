/** The audit trail, queried for the whole year or for one Gemeinde (evidence for the Verwendungsnachweis). */
import { isKoordination, Actor } from '../domain/actor';
import type { AuditEntry } from '../domain/audit';
import { DomainError } from '../domain/errors';
import type { AppContext } from './context';
import { requireCampaign } from './context';

export class AuditService {
  constructor(private readonly ctx: AppContext) {}

  /** Every change of the year, oldest first; with `ags` only those concerning that Gemeinde. */
  async entries(year: number, opts: { actor: Actor; ags?: string }): Promise<AuditEntry[]> {
    if (!isKoordination(opts.actor) && (!opts.ags || opts.ags !== opts.actor.ags)) throw new DomainError('auth.otherGemeinde');
    const record = await requireCampaign(this.ctx, year);
    const [lists, decisions] = await Promise.all([this.ctx.repo.readLists(year), this.ctx.repo.readDecisions(year)]);
    const all: AuditEntry[] = [
      ...record.events,
      ...lists.flatMap((l) => l.events),
      ...decisions.events,
    ];
    const wanted = opts.ags ? all.filter((e) => e.ags === opts.ags || e.subject === opts.ags) : all;
    // Stable sort by time: entries of one document keep their order when timestamps tie.
    return wanted.map((e, i) => ({ e, i })).sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : a.i - b.i)).map(({ e }) => e);
  }
}

/** Roles: who belongs to the Koordinierungsstelle and who to which Gemeinde (stored in the data directory). */
import type { Actor } from '../domain/actor';
import { AssignCommand, assignRole, emptyRoster, Identity, removeRole, resolveActor, Roster, RosterEntry } from '../domain/roster';
import type { AppContext } from './context';

export const ROSTER_DOCUMENT = 'roster';
const DOCUMENT = ROSTER_DOCUMENT;

export class RosterService {
  constructor(private readonly ctx: AppContext) {}

  private get configuredCoordinators(): readonly string[] {
    return this.ctx.coordinators ?? [];
  }

  async actorFor(identity: Identity): Promise<Actor | undefined> {
    return resolveActor(await this.read(), identity, this.configuredCoordinators);
  }

  async assign(cmd: AssignCommand, actor: Actor): Promise<{ changed: boolean }> {
    return this.ctx.repo.updateDocument<Roster, { changed: boolean }>(DOCUMENT, (current) => {
      const { roster, entry } = assignRole(current ?? emptyRoster(), cmd, actor, this.ctx.clock.now());
      return entry ? { next: roster, result: { changed: true } } : { result: { changed: false } };
    });
  }

  async remove(who: { aadObjectId: string; tenantId?: string }, actor: Actor): Promise<{ changed: boolean }> {
    return this.ctx.repo.updateDocument<Roster, { changed: boolean }>(DOCUMENT, (current) => {
      const { roster, entry } = removeRole(current ?? emptyRoster(), who, actor, this.ctx.clock.now());
      return entry ? { next: roster, result: { changed: true } } : { result: { changed: false } };
    });
  }

  async entries(): Promise<RosterEntry[]> {
    return (await this.read()).entries;
  }

  /** Staff of a Gemeinde (for reminders and questions later). */
  async staffOf(ags: string): Promise<RosterEntry[]> {
    return (await this.read()).entries.filter((e) => e.role === 'gemeinde' && e.ags === ags);
  }

  /** The roster as stored (the same object until it changes: callers may key what they derive from it on it). */
  async read(): Promise<Roster> {
    return (await this.ctx.repo.readDocument<Roster>(DOCUMENT)) ?? emptyRoster();
  }
}

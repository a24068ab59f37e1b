/**
 * What every application service shares: the repository, the clock, the Gemeinden and the adapters,
 * plus the options every changing operation accepts from a front end.
 */
import type { Actor } from '../domain/actor';
import type { GemeindeVerzeichnis } from '../domain/gemeinden';
import { DomainError } from '../domain/errors';
import type { Clock, InstanceCoordination, Repository, TableReader } from './ports';
import type { WorkbookWriter } from './workbooks';

export interface AppContext {
  repo: Repository;
  clock: Clock;
  verzeichnis: GemeindeVerzeichnis;
  tableReader: TableReader;
  workbooks: WorkbookWriter;
  /** Entra object ids of the first coordinators (INTM_COORDINATORS), who can assign everyone else. */
  coordinators?: readonly string[];
  /** How instances sharing the store agree (PostgreSQL); one process alone when absent (embedded store). */
  coordination?: InstanceCoordination;
}

export interface OperationOptions {
  actor: Actor;
  /** A client-chosen id: repeating an operation with the same id applies it once. */
  opId?: string;
  /** The revision the client saw; a change against another revision is refused as a conflict. */
  expectedRevision?: number;
}

/** Resolves what a user typed (AGS or name) to a Gemeinde's AGS, or refuses with a suggestion. */
export function resolveAgs(ctx: AppContext, keyOrName: string): string {
  const g = ctx.verzeichnis.find(keyOrName);
  if (g) return g.ags;
  throw new DomainError('gemeinde.unknownKey', { ags: keyOrName });
}

export async function requireCampaign(ctx: AppContext, year: number) {
  const record = await ctx.repo.readCampaign(year);
  if (!record) throw new DomainError('campaign.notFound', { year });
  return record;
}

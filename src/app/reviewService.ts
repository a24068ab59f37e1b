/**
 * Steps 2–4 as application services: the list of a Gemeinde is read, changed and submitted here by
 * every front end (command line, Teams). Each change: authorised, checked against the version of what
 * it acts on as the client saw it (a person, a household, the list), applied once per operation id,
 * stored durably as one small record, audited.
 */
import { isKoordination } from '../domain/actor';
import { DomainError } from '../domain/errors';
import type { IsoDate } from '../domain/dates';
import {
  addChild,
  AddChildCommand,
  addOtherPerson,
  AddOtherCommand,
  assertMayAccessList,
  ChangeContext,
  ChangeResult,
  GemeindeListe,
  LastChange,
  ListPerson,
  markSent,
  personById,
  reopenList,
  reviewAddition,
  StrikeCommand,
  strikePerson,
  submitList,
  undoPerson,
} from '../domain/list';
import type { AppContext, OperationOptions } from './context';
import type { CampaignRecord } from './ports';

export interface ListChangeOutcome {
  /** False when the operation changed nothing (already done, or a repeated operation id). */
  changed: boolean;
  /** True when the operation id had been applied before. */
  replayed: boolean;
  list: GemeindeListe;
  /** The id of a person the operation added. */
  personId?: string;
  /** Nothing changed because someone had done it already: who, and when. */
  alreadyDone?: LastChange;
  /**
   * The campaign record the change was decided against (read with it, under the year's lock): the
   * answer shows the list with it instead of reading it once more. Absent for a repeated operation id.
   */
  campaign?: CampaignRecord;
}

export class ReviewService {
  constructor(private readonly ctx: AppContext) {}

  /** A Gemeinde's list, for its own staff or the Koordinierungsstelle. */
  async getList(year: number, ags: string, opts: Pick<OperationOptions, 'actor'>): Promise<GemeindeListe> {
    assertMayAccessList(opts.actor, ags);
    const record = await this.ctx.repo.readCampaign(year);
    if (!record) throw new DomainError('campaign.notFound', { year });
    if (!record.generation) throw new DomainError(record.purged ? 'campaign.purged' : 'campaign.notImported', { year });
    const list = await this.ctx.repo.readList(year, ags);
    if (!list) throw new DomainError('list.notFound', { ags, year });
    return list;
  }

  /** Finds the Gemeinde whose list holds a person (the command line names persons by id only). */
  async findPerson(year: number, personId: string, opts: Pick<OperationOptions, 'actor'>): Promise<string> {
    if (!isKoordination(opts.actor)) {
      const own = opts.actor.ags ? await this.ctx.repo.readList(year, opts.actor.ags) : undefined;
      if (own && personById(own, personId)) return own.ags;
      throw new DomainError('list.personNotFound', {});
    }
    for (const list of await this.ctx.repo.readLists(year)) {
      if (personById(list, personId)) return list.ags;
    }
    throw new DomainError('list.personNotInYear', { id: personId, year });
  }

  /** Additions waiting for the Koordinierungsstelle's decision, district-wide. */
  async pendingAdditions(year: number, opts: Pick<OperationOptions, 'actor'>): Promise<{ ags: string; person: ListPerson }[]> {
    if (!isKoordination(opts.actor)) throw new DomainError('auth.koordinationOnly');
    const lists = await this.ctx.repo.readLists(year);
    return lists.flatMap((l) => l.persons.filter((p) => p.addition?.review === 'offen' && !p.withdrawn).map((person) => ({ ags: l.ags, person })));
  }

  strike(year: number, ags: string, cmd: StrikeCommand, opts: OperationOptions) {
    return this.change(year, ags, opts, (list, c) => strikePerson(list, cmd, c));
  }

  undo(year: number, ags: string, personId: string, opts: OperationOptions) {
    return this.change(year, ags, opts, (list, c) => undoPerson(list, personId, c));
  }

  addChild(year: number, ags: string, cmd: AddChildCommand, opts: OperationOptions) {
    return this.change(year, ags, opts, (list, c) => addChild(list, cmd, c));
  }

  addOther(year: number, ags: string, cmd: AddOtherCommand, opts: OperationOptions) {
    return this.change(year, ags, opts, (list, c) => addOtherPerson(list, cmd, c));
  }

  reviewAddition(year: number, ags: string, cmd: { personId: string; accept: boolean; note?: string }, opts: OperationOptions) {
    return this.change(year, ags, opts, (list, c) => reviewAddition(list, cmd, c));
  }

  submit(year: number, ags: string, opts: OperationOptions) {
    return this.change(year, ags, opts, (list, c) => submitList(list, c));
  }

  reopen(year: number, ags: string, cmd: { until?: IsoDate; reason?: string }, opts: OperationOptions) {
    return this.change(year, ags, opts, (list, c) => reopenList(list, cmd, c));
  }

  markSent(year: number, ags: string, opts: OperationOptions) {
    return this.change(year, ags, opts, (list, c) => markSent(list, c));
  }

  private async change(
    year: number,
    ags: string,
    opts: OperationOptions,
    operation: (list: GemeindeListe, ctx: ChangeContext) => ChangeResult & { personId?: string },
  ): Promise<ListChangeOutcome> {
    // Authorise before touching storage, so a forged request learns nothing about other lists.
    assertMayAccessList(opts.actor, ags);
    // A replay is the same operation from the same person; another user's click with an equal id is a new one.
    const op = opts.opId ? { actorId: opts.actor.id, opId: opts.opId } : undefined;
    let decidedWith: CampaignRecord | undefined;
    const outcome = await this.ctx.repo.changeList(year, ags, op, (list, record) => {
      decidedWith = record;
      const result = operation(list, this.changeContext(record, opts));
      // Stored with the change, so a retry of it is found (the journal's index is keyed by actor and id).
      if (result.change && opts.opId) result.change.entry.opId = opts.opId;
      return { ...(result.change ? { change: result.change } : {}), result };
    });
    if (outcome.replayed) {
      return { changed: false, replayed: true, list: outcome.list, ...(outcome.entry.subject ? { personId: outcome.entry.subject } : {}) };
    }
    const { result } = outcome;
    return {
      changed: !!result.change,
      replayed: false,
      list: outcome.list,
      ...(result.personId ? { personId: result.personId } : {}),
      ...(result.alreadyDone ? { alreadyDone: result.alreadyDone } : {}),
      ...(decidedWith ? { campaign: decidedWith } : {}),
    };
  }

  private changeContext(record: CampaignRecord, opts: OperationOptions): ChangeContext {
    return {
      actor: opts.actor,
      ...(opts.expectedRevision !== undefined ? { seen: opts.expectedRevision } : {}),
      now: this.ctx.clock.now(),
      today: this.ctx.clock.today(),
      campaign: record.campaign,
      published: listsLockedByPublication(record),
    };
  }
}

/**
 * Whether publication has closed the lists to the Gemeinden: only a final one does. A publication
 * forced while lists were open is provisional – those Gemeinden keep their list until its due date,
 * and the Koordinierungsstelle publishes again once they have submitted.
 */
export function listsLockedByPublication(record: CampaignRecord): boolean {
  return !!record.published && !record.published.report.provisional;
}

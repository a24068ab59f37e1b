/** Step B as application services: a Gemeinde's decision and the confirmations of a Verbund. */
import { actsFor, type Actor } from '../domain/actor';
import {
  assessDecision,
  confirmVerbund,
  decide,
  decisionStateOf,
  proposalOf,
  DecideCommand,
  Decision,
  DecisionAssessment,
  DecisionBook,
  DecisionContext,
  DecisionResult,
} from '../domain/decision';
import { ConflictError, DomainError } from '../domain/errors';
import type { IsoDate } from '../domain/dates';
import type { GemeindeListe } from '../domain/list';
import type { AppContext, OperationOptions } from './context';
import { requireCampaign } from './context';
import { officialFigures, type OfficialFigures } from './officialFigures';
import type { OverviewRow } from './overview';
import type { CampaignRecord } from './ports';

/** Everything a Gemeinde needs to decide: its figures, its decision as it stands, proposals naming it. */
export interface DecisionSituation {
  year: number;
  ags: string;
  /** The Gemeinde's row of the official figures (persons, amount, VZÄ; see officialFigures), or undefined before any persons exist. */
  row?: OverviewRow;
  /** The figures may still change (lists open or additions pending when computed, or not yet published). */
  provisional: boolean;
  published: boolean;
  eurPerVzae: string;
  deadline: IsoDate;
  /** Whether the actor may decide for this Gemeinde now. */
  editable: boolean;
  decision?: Decision;
  assessment: DecisionAssessment;
  /** Verbund proposals of other Gemeinden naming this one as a partner. */
  /** `proposal`: which proposal of the lead it is (proposalOf), for the confirm button. */
  invitations: { lead: string; vzae: string; members: string[]; confirmed: boolean; proposal: number }[];
  revision: number;
  /** The state of this Gemeinde's decision (decisionStateOf): what a decision made on this view expects. */
  state: number;
}

export interface DecisionOutcome {
  changed: boolean;
  replayed: boolean;
  book: DecisionBook;
}

export class DecisionService {
  constructor(private readonly ctx: AppContext) {}

  /**
   * `expectedState`: the state of the Gemeinde's decision the card was built on (decisionStateOf); a
   * decision made meanwhile by someone else is refused as a conflict instead of being overwritten unseen.
   */
  decide(year: number, cmd: DecideCommand, opts: OperationOptions & { expectedState?: number }): Promise<DecisionOutcome> {
    return this.change(year, opts, (book, c) => {
      if (opts.expectedState !== undefined && opts.expectedState !== decisionStateOf(book, cmd.ags)) throw new ConflictError(decisionStateOf(book, cmd.ags));
      return decide(book, cmd, c);
    });
  }

  confirm(year: number, cmd: { ags: string; lead: string; proposal?: number; reason?: string }, opts: OperationOptions): Promise<DecisionOutcome> {
    return this.change(year, opts, (book, c) => confirmVerbund(book, cmd, c));
  }

  read(year: number): Promise<DecisionBook> {
    return this.ctx.repo.readDecisions(year);
  }

  async situation(year: number, ags: string, actor: Actor): Promise<DecisionSituation> {
    if (!actsFor(actor, ags)) throw new DomainError('auth.otherGemeinde');
    const record = await requireCampaign(this.ctx, year);
    const [lists, book] = await Promise.all([this.ctx.repo.readLists(year), this.ctx.repo.readDecisions(year)]);
    const figures = this.figures(record, lists, book);
    const row = figures.report?.rows.find((r) => r.ags === ags);
    const today = this.ctx.clock.today();
    const deadline = record.campaign.deadlines.decision;
    const invitations = Object.values(book.decisions)
      .filter((d) => d.choice === 'verbund' && !d.verbundLead && d.partners?.includes(ags))
      .map((d) => ({ lead: d.ags, vzae: d.vzae ?? '', members: [d.ags, ...(d.partners ?? [])], confirmed: !!d.confirmations?.[ags], proposal: proposalOf(book, d.ags) }));
    return {
      year,
      ags,
      ...(row ? { row } : {}),
      provisional: figures.provisional,
      published: figures.published,
      eurPerVzae: figures.campaign.eurPerVzae,
      deadline,
      editable: actor.role === 'koordination' || today <= deadline,
      ...(book.decisions[ags] ? { decision: book.decisions[ags] } : {}),
      assessment: assessDecision(book, ags, figures.amounts, figures.campaign),
      invitations,
      revision: book.revision,
      state: decisionStateOf(book, ags),
    };
  }

  /**
   * What a decision would mean, without making it: the same rules as `decide` (so an invalid choice
   * is refused here already) and the assessment of the result.
   */
  async preview(year: number, cmd: DecideCommand, actor: Actor): Promise<DecisionAssessment> {
    const record = await requireCampaign(this.ctx, year);
    const [lists, book] = await Promise.all([this.ctx.repo.readLists(year), this.ctx.repo.readDecisions(year)]);
    const { book: next } = decide(book, cmd, this.decisionContext(record, { actor }));
    const figures = this.figures(record, lists, next);
    return assessDecision(next, cmd.ags, figures.amounts, figures.campaign);
  }

  private figures(record: CampaignRecord, lists: readonly GemeindeListe[], book: DecisionBook): OfficialFigures {
    return officialFigures(record, lists, book, this.ctx.verzeichnis, { now: this.ctx.clock.now(), today: this.ctx.clock.today() });
  }

  private change(year: number, opts: OperationOptions, operation: (book: DecisionBook, ctx: DecisionContext) => DecisionResult) {
    return this.ctx.repo.updateDecisions(year, (book, record) => {
      if (opts.opId && book.events.some((e) => e.opId === opts.opId && e.actor.id === opts.actor.id)) return { result: { changed: false, replayed: true, book } };
      if (opts.expectedRevision !== undefined && opts.expectedRevision !== book.revision) throw new ConflictError(book.revision);
      const { book: next, entries } = operation(book, this.decisionContext(record, opts));
      if (entries.length === 0) return { result: { changed: false, replayed: false, book } };
      if (opts.opId) for (const e of entries) e.opId = opts.opId;
      return { next, result: { changed: true, replayed: false, book: next } };
    });
  }

  private decisionContext(record: CampaignRecord, opts: Pick<OperationOptions, 'actor'>): DecisionContext {
    return {
      actor: opts.actor,
      now: this.ctx.clock.now(),
      today: this.ctx.clock.today(),
      campaign: record.campaign,
      knownAgs: new Set(this.ctx.verzeichnis.all.map((g) => g.ags)),
    };
  }
}

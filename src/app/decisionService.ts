/** Step B as application services: a Gemeinde's decision and the confirmations of a Verbund. */
import { confirmVerbund, decide, DecideCommand, DecisionBook, DecisionContext, DecisionResult } from '../domain/decision';
import { ConflictError } from '../domain/errors';
import type { AppContext, OperationOptions } from './context';
import type { CampaignRecord } from './ports';

export interface DecisionOutcome {
  changed: boolean;
  replayed: boolean;
  book: DecisionBook;
}

export class DecisionService {
  constructor(private readonly ctx: AppContext) {}

  decide(year: number, cmd: DecideCommand, opts: OperationOptions): Promise<DecisionOutcome> {
    return this.change(year, opts, (book, c) => decide(book, cmd, c));
  }

  confirm(year: number, cmd: { ags: string; lead: string }, opts: OperationOptions): Promise<DecisionOutcome> {
    return this.change(year, opts, (book, c) => confirmVerbund(book, cmd, c));
  }

  read(year: number): Promise<DecisionBook> {
    return this.ctx.repo.readDecisions(year);
  }

  private change(year: number, opts: OperationOptions, operation: (book: DecisionBook, ctx: DecisionContext) => DecisionResult) {
    return this.ctx.repo.updateDecisions(year, (book, record) => {
      if (opts.opId && book.events.some((e) => e.opId === opts.opId)) return { result: { changed: false, replayed: true, book } };
      if (opts.expectedRevision !== undefined && opts.expectedRevision !== book.revision) throw new ConflictError(book.revision);
      const { book: next, entries } = operation(book, this.decisionContext(record, opts));
      if (entries.length === 0) return { result: { changed: false, replayed: false, book } };
      if (opts.opId) for (const e of entries) e.opId = opts.opId;
      return { next, result: { changed: true, replayed: false, book: next } };
    });
  }

  private decisionContext(record: CampaignRecord, opts: OperationOptions): DecisionContext {
    return {
      actor: opts.actor,
      now: this.ctx.clock.now(),
      today: this.ctx.clock.today(),
      campaign: record.campaign,
      knownAgs: new Set(this.ctx.verzeichnis.all.map((g) => g.ags)),
    };
  }
}

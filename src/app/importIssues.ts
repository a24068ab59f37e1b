/**
 * The rows behind an import report: the Koordinierungsstelle gets the report's issues grouped by kind on
 * the card, and every row of each group in a workbook behind a download link. The rows name persons, so
 * they are kept in the repository (not in the process: a second bot instance on the same database must
 * serve the link), for the Koordinierungsstelle only, until the link expires – then, and when the year's
 * personal data is purged, they are removed.
 */
import { randomBytes } from 'node:crypto';
import { isKoordination, type Actor } from '../domain/actor';
import { DomainError } from '../domain/errors';
import type { ImportIssue, ImportOutcome } from '../domain/importRows';
import type { Locale } from '../i18n/messages';
import type { AppContext } from './context';

/** As long as a download link lives (DownloadLinks' default): the rows are not kept past their link. */
export const IMPORT_ISSUES_TTL_MS = 24 * 3600_000;

export interface StoredImportIssues {
  id: string;
  year: number;
  fileName: string;
  locale: Locale;
  at: string;
  expiresAt: string;
  /** Whether the import was stored (warnings only) or refused (errors). */
  stored: boolean;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** Counted beyond the report's cap, not listed. */
  omitted: { errors: number; warnings: number };
}

interface Document {
  reports: Record<string, StoredImportIssues>;
}

const DOCUMENT = 'import-issues';

const live = (doc: Document | undefined, now: string) =>
  Object.fromEntries(Object.entries(doc?.reports ?? {}).filter(([, r]) => r.expiresAt > now));

export class ImportIssuesService {
  constructor(private readonly ctx: AppContext) {}

  /**
   * Keeps the rows of an import report for its workbook; returns the id a download link names, or
   * undefined when no row has an issue. Expired reports are dropped in the same write.
   */
  async keep(year: number, fileName: string, outcome: ImportOutcome, opts: { actor: Actor; locale: Locale; stored: boolean }): Promise<{ id: string; expiresAt: string } | undefined> {
    if (!isKoordination(opts.actor)) throw new DomainError('auth.koordinationOnly');
    const rows = (issues: ImportIssue[]) => issues.filter((i) => i.row !== undefined);
    const errors = rows(outcome.errors);
    const warnings = rows(outcome.warnings);
    if (!errors.length && !warnings.length) return undefined;
    const at = this.ctx.clock.now();
    const expiresAt = new Date(Date.parse(at) + IMPORT_ISSUES_TTL_MS).toISOString();
    const id = randomBytes(12).toString('hex');
    const report: StoredImportIssues = {
      id,
      year,
      fileName,
      locale: opts.locale,
      at,
      expiresAt,
      stored: opts.stored,
      errors,
      warnings,
      omitted: { errors: outcome.errorsOmitted, warnings: outcome.warningsOmitted },
    };
    await this.ctx.repo.updateDocument<Document, void>(DOCUMENT, (doc) => ({ next: { reports: { ...live(doc, at), [id]: report } }, result: undefined }));
    return { id, expiresAt };
  }

  /** The report's rows, for the Koordinierungsstelle, while its link lives; an expired one is removed now. */
  async read(id: string, actor: Actor): Promise<StoredImportIssues> {
    if (!isKoordination(actor)) throw new DomainError('auth.koordinationOnly');
    const now = this.ctx.clock.now();
    const report = (await this.ctx.repo.readDocument<Document>(DOCUMENT))?.reports[id];
    if (report && report.expiresAt > now) return report;
    if (report) await this.sweep();
    throw new DomainError('import.issuesGone');
  }

  /** Writes the report's rows as a workbook (the download behind the report card's link). */
  async workbook(id: string, out: string, actor: Actor): Promise<StoredImportIssues> {
    const report = await this.read(id, actor);
    await this.ctx.workbooks.importIssues(report, out);
    return report;
  }

  /** Removes every expired report; returns how many. */
  async sweep(): Promise<number> {
    return this.remove((r) => r.expiresAt <= this.ctx.clock.now());
  }

  /** Removes the reports of a year whose personal data is deleted (`intm purge`); returns how many. */
  async forgetYear(year: number): Promise<number> {
    return this.remove((r) => r.year === year || r.expiresAt <= this.ctx.clock.now());
  }

  private async remove(gone: (r: StoredImportIssues) => boolean): Promise<number> {
    return this.ctx.repo.updateDocument<Document, number>(DOCUMENT, (doc) => {
      const all = Object.entries(doc?.reports ?? {});
      const kept = all.filter(([, r]) => !gone(r));
      if (kept.length === all.length) return { result: 0 };
      return { next: { reports: Object.fromEntries(kept) }, result: all.length - kept.length };
    });
  }
}

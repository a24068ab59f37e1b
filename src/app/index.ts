/**
 * The application: every service a front end (command line, Teams bot) uses, over one context.
 * Front ends call these and nothing below them, so no rule is implemented twice.
 */
import { AuditService } from './auditService';
import { CampaignService } from './campaignService';
import type { AppContext } from './context';
import { DecisionService } from './decisionService';
import { DigestService } from './digestService';
import { ExportService } from './exportService';
import { ImportIssuesService } from './importIssues';
import { ImportService } from './importService';
import { InProcessCoordination } from './inProcessCoordination';
import { OverviewService } from './overviewService';
import type { InstanceCoordination } from './ports';
import { ReminderService } from './reminderService';
import { ReviewService } from './reviewService';
import { RiskService } from './riskService';
import { RosterService } from './rosterService';
import { VerwendungsnachweisService } from './verwendungsnachweisService';

export class IntmApp {
  readonly campaigns: CampaignService;
  readonly imports: ImportService;
  readonly importIssues: ImportIssuesService;
  readonly review: ReviewService;
  readonly overview: OverviewService;
  readonly decisions: DecisionService;
  readonly audit: AuditService;
  readonly exports: ExportService;
  readonly roster: RosterService;
  readonly digests: DigestService;
  readonly reminders: ReminderService;
  readonly verwendungsnachweis: VerwendungsnachweisService;
  /** Scenarios, year over year, what-if: the financing risk in numbers. */
  readonly risk: RiskService;
  /** Shared with the other instances on the same store (or this process alone). */
  readonly coordination: InstanceCoordination;

  constructor(readonly ctx: AppContext) {
    this.campaigns = new CampaignService(ctx);
    this.imports = new ImportService(ctx);
    this.importIssues = new ImportIssuesService(ctx);
    this.review = new ReviewService(ctx);
    this.overview = new OverviewService(ctx);
    this.decisions = new DecisionService(ctx);
    this.audit = new AuditService(ctx);
    this.risk = new RiskService(ctx, this.overview);
    this.exports = new ExportService(ctx, this.overview, this.risk);
    this.roster = new RosterService(ctx);
    this.verwendungsnachweis = new VerwendungsnachweisService(ctx);
    this.digests = new DigestService(ctx, this.overview, this.verwendungsnachweis);
    this.reminders = new ReminderService(ctx, this.overview, this.verwendungsnachweis);
    this.coordination = ctx.coordination ?? new InProcessCoordination();
  }

  close(): Promise<void> {
    return this.ctx.repo.close();
  }
}

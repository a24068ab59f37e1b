/** Step 5 (the allocation) and the status of every Gemeinde, computed from the stored lists. */
import { actsFor, type Actor } from '../domain/actor';
import { retentionUntil } from '../domain/campaign';
import { assessDecision, DecisionAssessment, type DecisionBook } from '../domain/decision';
import { DomainError } from '../domain/errors';
import { emptyList, type GemeindeListe } from '../domain/list';
import { GemeindeStatus, gemeindeStatus, gemeindeStatusFromFigures, StatusSummary, summarise } from '../domain/status';
import type { AppContext } from './context';
import { requireCampaign } from './context';
import { officialFigures, type OfficialFigures } from './officialFigures';
import { buildOverview, OverviewReport, PublishedOverview, sincePublication, type SincePublication } from './overview';
import type { CampaignRecord } from './ports';

export interface StatusReport {
  year: number;
  today: string;
  deadlines: { review: string; publication: string; decision: string };
  /** Until when the personal data is kept (the campaign's retention date, or its year's default). */
  retentionUntil?: string;
  published?: { at: string; by: string };
  /** The personal data was deleted: the rows show the lists as they were then. */
  purged?: { at: string };
  rows: GemeindeStatus[];
  summary: StatusSummary;
}

export class OverviewService {
  constructor(private readonly ctx: AppContext) {}

  /** The allocation as it stands now (provisional until every list is submitted). */
  async overview(year: number): Promise<OverviewReport> {
    return this.reportOf(await requireCampaign(this.ctx, year));
  }

  private async reportOf(record: CampaignRecord): Promise<OverviewReport> {
    const year = record.campaign.year;
    // After deletion of the personal data the figures as they were are all there is.
    if (!record.generation && record.purged?.figures) return record.purged.figures;
    if (!record.generation) throw new DomainError(record.purged ? 'campaign.purged' : 'campaign.notImported', { year });
    const [lists, decisions] = await Promise.all([this.ctx.repo.readLists(year), this.ctx.repo.readDecisions(year)]);
    return buildOverview(record.campaign, lists, decisions, this.ctx.verzeichnis, this.ctx.clock.now(), this.ctx.clock.today());
  }

  /**
   * The allocation as it stands now, for the Koordinierungsstelle, and – once published – how it
   * differs from what the Gemeinden were told.
   */
  async current(year: number): Promise<{ report: OverviewReport; sincePublication?: SincePublication }> {
    const record = await requireCampaign(this.ctx, year);
    const report = await this.reportOf(record);
    return { report, ...(record.published ? { sincePublication: this.since(record, report, record.published) } : {}) };
  }

  /**
   * The official figures (see officialFigures.ts): the published overview once there is one, and how
   * the lists as they stand now differ from it; before, the allocation as it stands.
   */
  async official(year: number): Promise<{ report: OverviewReport; sincePublication?: SincePublication }> {
    const record = await requireCampaign(this.ctx, year);
    if (!record.published) return { report: await this.reportOf(record) };
    // Purged: the lists are gone; compared is what they were at deletion (kept with the purge, none: as published).
    const current = record.generation || record.purged?.figures ? await this.reportOf(record) : record.published.report;
    return { report: record.published.report, sincePublication: this.since(record, current, record.published) };
  }

  private since(record: CampaignRecord, current: OverviewReport, published: PublishedOverview): SincePublication {
    const since = sincePublication(current, published);
    return !record.generation && record.purged ? { ...since, purgedAt: record.purged.at } : since;
  }

  async published(year: number): Promise<PublishedOverview | undefined> {
    return (await requireCampaign(this.ctx, year)).published;
  }

  /** Each Gemeinde's progress through the steps, with deadlines, overdue lists and decisions. */
  async status(year: number): Promise<StatusReport> {
    const record = await requireCampaign(this.ctx, year);
    const { campaign } = record;
    const [lists, decisions] = await Promise.all([this.ctx.repo.readLists(year), this.ctx.repo.readDecisions(year)]);
    const byAgs = new Map(lists.map((l) => [l.ags, l]));
    const figures = this.figures(record, lists, decisions);
    const today = this.ctx.clock.today();
    const assessment = (ags: string) => assessDecision(decisions, ags, figures.amounts, figures.campaign);
    // After deletion the lists are gone: their state and counts as kept with the figures (none kept: nobody was counted).
    const kept = !record.generation && record.purged ? new Map((record.purged.figures?.rows ?? []).map((r) => [r.ags, r])) : undefined;
    const rows = this.ctx.verzeichnis.all.map((g) => {
      if (!kept) return gemeindeStatus(g.name, byAgs.get(g.ags) ?? emptyList(year, g.ags), assessment(g.ags), campaign, today);
      const row = kept.get(g.ags);
      const counts = row ? { listed: row.listed, struck: row.struck, added: row.added, pending: row.pending, persons: row.persons } : { listed: 0, struck: 0, added: 0, pending: 0, persons: 0 };
      return gemeindeStatusFromFigures(g.name, { ags: g.ags, listState: row?.listState ?? 'importiert', counts, ...(row?.submittedAt ? { submittedAt: row.submittedAt } : {}) }, assessment(g.ags), campaign, today);
    });
    return {
      year,
      today,
      deadlines: { review: campaign.deadlines.review, publication: campaign.deadlines.publication, decision: campaign.deadlines.decision },
      retentionUntil: retentionUntil(campaign),
      ...(record.published ? { published: { at: record.published.at, by: record.published.by.name } } : {}),
      ...(kept && record.purged ? { purged: { at: record.purged.at } } : {}),
      rows,
      summary: summarise(rows),
    };
  }

  /** Decision support for one Gemeinde: its share, the VZÄ it pays and what a position would still need. */
  async assessment(year: number, ags: string, actor: Actor): Promise<DecisionAssessment> {
    if (!actsFor(actor, ags)) throw new DomainError('auth.otherGemeinde');
    const record = await requireCampaign(this.ctx, year);
    const [lists, decisions] = await Promise.all([this.ctx.repo.readLists(year), this.ctx.repo.readDecisions(year)]);
    const figures = this.figures(record, lists, decisions);
    return assessDecision(decisions, ags, figures.amounts, figures.campaign);
  }

  private figures(record: CampaignRecord, lists: readonly GemeindeListe[], decisions: DecisionBook): OfficialFigures {
    return officialFigures(record, lists, decisions, this.ctx.verzeichnis, { now: this.ctx.clock.now(), today: this.ctx.clock.today() });
  }
}

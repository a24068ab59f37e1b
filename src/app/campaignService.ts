/** Creating and changing a campaign (one Berechnungsjahr), and publishing its overview (step 6). */
import { actorRef, AuditEntry } from '../domain/audit';
import { Campaign, CampaignInput, createCampaign, purgeRefusal, retentionUntil } from '../domain/campaign';
import { isKoordination } from '../domain/actor';
import { berlinDate } from '../domain/dates';
import { DomainError } from '../domain/errors';
import { workedOn } from '../domain/list';
import type { AppContext, OperationOptions } from './context';
import { requireCampaign } from './context';
import { ImportIssuesService } from './importIssues';
import { buildOverview, OverviewReport, sincePublication, type PublishedOverview, type Republication } from './overview';
import type { CampaignRecord } from './ports';

function assertKoordination(opts: OperationOptions): void {
  if (!isKoordination(opts.actor)) throw new DomainError('auth.koordinationOnly');
}

function entry(ctx: AppContext, opts: OperationOptions, action: AuditEntry['action'], before: unknown, after: unknown, revision: number): AuditEntry {
  return { at: ctx.clock.now(), actor: actorRef(opts.actor), action, before, after, revision, ...(opts.opId ? { opId: opts.opId } : {}) };
}

/** The same operation from the same person was applied before (a retried request). */
function replayed(record: CampaignRecord | undefined, opts: OperationOptions): boolean {
  return !!opts.opId && !!record?.events.some((e) => e.opId === opts.opId && e.actor.id === opts.actor.id);
}

/** What of a campaign decides who is on the imported lists. */
function listsDependOn(c: Campaign): string {
  return JSON.stringify([c.period.start, c.period.end, c.stichtag]);
}

/** The input that reproduces a stored campaign, so an update can change some fields and keep the rest. */
export function campaignToInput(c: Campaign): CampaignInput {
  return {
    year: c.year,
    ...(c.kreisAmountSource.kind === 'direct'
      ? { kreisAmount: c.kreisAmount }
      : { landesmittel: c.kreisAmountSource.landesmittel, quotePercent: c.kreisAmountSource.quotePercent }),
    ...(c.vorwegabzug?.kind === 'amount' ? { vorwegabzugAmount: c.vorwegabzug.amount } : {}),
    ...(c.vorwegabzug?.kind === 'percent' ? { vorwegabzugPercent: c.vorwegabzug.percent } : {}),
    unit: c.unit,
    eurPerVzae: c.eurPerVzae,
    periodStart: c.period.start,
    periodEnd: c.period.end,
    stichtag: c.stichtag,
    deadlines: c.deadlines,
    ...(c.retentionUntil ? { retentionUntil: c.retentionUntil } : {}),
  };
}

/** Overlays what the coordinator changed; a newly given amount replaces the other way of giving it. */
export function mergeCampaignInput(current: Campaign, changes: Partial<CampaignInput>): CampaignInput {
  const base = campaignToInput(current);
  if (changes.kreisAmount !== undefined) {
    delete base.landesmittel;
    delete base.quotePercent;
  }
  if (changes.landesmittel !== undefined || changes.quotePercent !== undefined) delete base.kreisAmount;
  if (changes.vorwegabzugAmount !== undefined) delete base.vorwegabzugPercent;
  if (changes.vorwegabzugPercent !== undefined) delete base.vorwegabzugAmount;
  // A Stichtag that simply followed the period's end keeps following it.
  if (changes.periodEnd !== undefined && changes.stichtag === undefined && current.stichtag === current.period.end) {
    delete base.stichtag;
  }
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  return { ...base, ...defined, deadlines: { ...base.deadlines, ...(changes.deadlines ?? {}) } };
}

/** What `campaign update` did: the campaign as it now stands, whether it changed, and what a replace discarded. */
export interface CampaignUpdate {
  campaign: Campaign;
  changed: boolean;
  /** Only when a change of period or Stichtag with `replace` discarded imported lists. */
  discarded?: { lists: number; workedOn: number; publishedAt: string | null };
}

export class CampaignService {
  constructor(private readonly ctx: AppContext) {}

  async create(input: CampaignInput, opts: OperationOptions): Promise<Campaign> {
    assertKoordination(opts);
    const campaign = createCampaign(input);
    return this.ctx.repo.updateCampaign(input.year, (current) => {
      if (current && replayed(current, opts)) return { result: current.campaign };
      if (current) throw new DomainError('campaign.exists', { year: input.year });
      const record: CampaignRecord = { campaign, revision: 1, events: [entry(this.ctx, opts, 'campaign.create', null, campaign, 1)] };
      return { next: record, result: campaign };
    });
  }

  /**
   * Changes a campaign. Period and Stichtag decide who is on the lists, so once lists are imported they
   * change only with `replace`: the lists (with everything the Gemeinden did on them) and a publication
   * are discarded, and the export has to be imported again under the new period.
   */
  async update(year: number, changes: Partial<CampaignInput>, opts: OperationOptions & { replace?: boolean }): Promise<Campaign> {
    return (await this.change(year, changes, opts)).campaign;
  }

  /** `update`, telling whether anything changed and what a replace discarded. */
  async change(year: number, changes: Partial<CampaignInput>, opts: OperationOptions & { replace?: boolean }): Promise<CampaignUpdate> {
    assertKoordination(opts);
    const seen = await requireCampaign(this.ctx, year);
    // A purged year is closed: its published figures are all that is left of it, and they stay as they were.
    if (seen.purged) throw new DomainError('campaign.purged', { year });
    const wanted = createCampaign(mergeCampaignInput(seen.campaign, { ...changes, year }));
    if (!replayed(seen, opts) && listsDependOn(wanted) !== listsDependOn(seen.campaign)) {
      // With replace always under every lock of the year: an import may be switching the lists right now.
      if (opts.replace) return this.updateDiscardingLists(year, changes, opts);
      if (seen.generation) throw new DomainError('campaign.periodFixedByImport', { year });
    }
    return this.ctx.repo.updateCampaign<CampaignUpdate>(year, (current) => {
      if (!current) throw new DomainError('campaign.notFound', { year });
      if (replayed(current, opts)) return { result: { campaign: current.campaign, changed: false } };
      if (current.purged) throw new DomainError('campaign.purged', { year });
      const campaign = createCampaign(mergeCampaignInput(current.campaign, { ...changes, year }));
      // An import may have happened since the check above.
      if (current.generation && listsDependOn(campaign) !== listsDependOn(current.campaign)) throw new DomainError('campaign.periodFixedByImport', { year });
      if (JSON.stringify(campaign) === JSON.stringify(current.campaign)) return { result: { campaign, changed: false } };
      const revision = current.revision + 1;
      const e = entry(this.ctx, opts, 'campaign.update', current.campaign, campaign, revision);
      return { next: { ...current, campaign, revision, events: [...current.events, e] }, result: { campaign, changed: true } };
    });
  }

  /** `update` with `replace` of a period or Stichtag after the import: the change, the lists gone, in one step under every lock of the year. */
  private updateDiscardingLists(year: number, changes: Partial<CampaignInput>, opts: OperationOptions): Promise<CampaignUpdate> {
    return this.ctx.repo.purgeLists<CampaignUpdate>(year, (current, lists) => {
      if (current.purged) throw new DomainError('campaign.purged', { year });
      const campaign = createCampaign(mergeCampaignInput(current.campaign, { ...changes, year }));
      // Someone changed the period meanwhile (to this one): nothing to discard; let the coordinator look again.
      if (listsDependOn(campaign) === listsDependOn(current.campaign)) throw new DomainError('campaign.changedMeanwhile', { year });
      const { published, imported: _imported, ...rest } = current;
      const revision = current.revision + 1;
      // As the import counts them: lists a Gemeinde worked on; and the publication that goes with them.
      const discarded = { verworfeneListen: lists.length, verworfeneBearbeitungen: lists.filter(workedOn).length, verworfeneVeroeffentlichung: published?.at ?? null };
      const e = entry(this.ctx, opts, 'campaign.update', current.campaign, { ...campaign, ...discarded }, revision);
      const result = { campaign, changed: true, discarded: { lists: discarded.verworfeneListen, workedOn: discarded.verworfeneBearbeitungen, publishedAt: discarded.verworfeneVeroeffentlichung } };
      return { next: { ...rest, campaign, revision, events: [...current.events, e] }, result };
    });
  }

  async show(year: number): Promise<CampaignRecord> {
    return requireCampaign(this.ctx, year);
  }

  /**
   * Deletes the year's personal data (every list with its persons and change log) once the
   * Berechnungsjahr is over, keeping the aggregated figures (the overview per Gemeinde), the
   * decisions and how many changes of each kind each list had.
   */
  async purge(year: number, opts: OperationOptions & { force?: boolean; reason?: string }): Promise<{ gemeinden: number; persons: number }> {
    assertKoordination(opts);
    const today = this.ctx.clock.today();
    // Before the year's end or its retention date only with `force` and a reason, which the audit keeps.
    const reason = opts.reason?.trim();
    if (opts.force && !reason) throw new DomainError('purge.reasonRequired');
    if (reason && reason.length > 500) throw new DomainError('input.tooLong', { max: 500 });
    const decisions = await this.ctx.repo.readDecisions(year);
    const result = await this.ctx.repo.purgeLists(year, (current, lists) => {
      const refusal = purgeRefusal(current.campaign, today);
      if (refusal && !opts.force) throw refusal;
      if (current.purged && lists.length === 0) return { result: { gemeinden: 0, persons: 0 } };
      // The figures as the lists stand at deletion (the published ones stay in `published`): what changed
      // since publication can still be told afterwards.
      let figures: OverviewReport | undefined;
      if (lists.length) {
        try {
          figures = buildOverview(current.campaign, lists, decisions, this.ctx.verzeichnis, this.ctx.clock.now(), today);
        } catch (e) {
          if (!(e instanceof DomainError) || e.code !== 'allocation.noPersons') throw e;
        }
      }
      const changes: Record<string, Record<string, number>> = {};
      for (const list of lists) {
        changes[list.ags] = { ...list.changeCounts } as Record<string, number>;
      }
      const persons = lists.reduce((s, l) => s + l.persons.length, 0);
      const revision = current.revision + 1;
      const early = refusal ? { vorzeitig: true, aufbewahrungBis: retentionUntil(current.campaign) } : {};
      const e = {
        ...entry(this.ctx, opts, 'campaign.purge', { listen: lists.length, personen: persons }, { listen: 0, personen: 0, ...early }, revision),
        ...(refusal && reason ? { reason } : {}),
      };
      const now = this.ctx.clock.now();
      const purged = { at: now, by: { id: opts.actor.id, name: opts.actor.name }, ...(figures ? { figures } : {}), changes };
      return { next: { ...current, purged, revision, events: [...current.events, e] }, result: { gemeinden: lists.length, persons } };
    });
    // The rows of the year's import reports name persons too (ImportIssuesService).
    await new ImportIssuesService(this.ctx).forgetYear(year);
    return result;
  }

  /**
   * Step 6: fixes the overview as published. Refused while lists are missing or additions pending,
   * unless `force` (the coordinator publishes provisional figures knowingly). Once published, publishing
   * again is refused while nothing has changed, and needs a `reason` (audited) when something has: the
   * Gemeinden were told the published figures and are told again only on purpose.
   */
  async publish(year: number, opts: OperationOptions & { force?: boolean; reason?: string }): Promise<{ report: OverviewReport; replayed: boolean; replaces?: Republication }> {
    assertKoordination(opts);
    const decisions = await this.ctx.repo.readDecisions(year);
    const reason = (opts.reason ?? '').trim();
    if (reason.length > 500) throw new DomainError('input.tooLong', { max: 500 });
    // The lists are read under their locks: the figures published are those of the lists as they stand when the record is written.
    return this.ctx.repo.updateCampaignWithLists<{ report: OverviewReport; replayed: boolean; replaces?: Republication }>(year, (current, lists) => {
      if (!current.generation) throw new DomainError(current.purged ? 'campaign.purged' : 'campaign.notImported', { year });
      if (replayed(current, opts) && current.published) return { result: { report: current.published.report, replayed: true } };
      const now = this.ctx.clock.now();
      const report = buildOverview(current.campaign, lists, decisions, this.ctx.verzeichnis, now, this.ctx.clock.today());
      const replaces = current.published ? republication(report, current.published, reason) : undefined;
      if (report.provisional && !opts.force) {
        const open = report.rows.filter((r) => r.listState !== 'eingereicht').length;
        const pending = report.rows.reduce((s, r) => s + r.pending, 0);
        throw new DomainError('publish.provisional', { open, pending });
      }
      const revision = current.revision + 1;
      const summary = { personen: report.totals.persons, betrag: report.totals.amount, vorlaeufig: report.provisional, ...(replaces ? { geaenderteGemeinden: replaces.changedGemeinden } : {}) };
      const e = { ...entry(this.ctx, opts, 'campaign.publish', current.published ? { veroeffentlicht: current.published.at } : null, summary, revision), ...(replaces ? { reason } : {}) };
      const published = { at: now, by: { id: opts.actor.id, name: opts.actor.name }, report, ...(replaces ? { replaces } : {}) };
      return { next: { ...current, published, revision, events: [...current.events, e] }, result: { report, replayed: false, ...(replaces ? { replaces } : {}) } };
    });
  }
}

/** Shortest reason accepted for publishing again (as for the Koordinierungsstelle's other overrides). */
export const REPUBLISH_REASON_MIN = 3;

/** Publishing again: refused when nothing changed, or without a reason; otherwise what it changes. */
function republication(report: OverviewReport, published: PublishedOverview, reason: string): Republication {
  const since = sincePublication(report, published);
  const date = berlinDate(published.at);
  if (!since.changed) throw new DomainError('publish.unchanged', { date });
  if (reason.length < REPUBLISH_REASON_MIN) throw new DomainError('publish.reasonRequired', { date, min: REPUBLISH_REASON_MIN });
  const before = new Map(published.report.rows.map((r) => [r.ags, r.persons]));
  return {
    at: published.at,
    changedGemeinden: since.changedGemeinden,
    personsChanged: report.rows.filter((r) => before.get(r.ags) !== r.persons).map((r) => r.ags),
    parametersChanged: since.parametersChanged,
    nowFinal: published.report.provisional && !report.provisional,
  };
}

/**
 * What every answer needs: the asker's language, the app's figures, and whether those are final.
 * Money always comes from one place — the published overview once there is one (the official
 * figures), the current allocation before — so two answers never disagree about an amount.
 */
import type { Actor } from '../../domain/actor';
import { MINIMUM_POSITION_VZAE } from '../../domain/campaign';
import { DomainError } from '../../domain/errors';
import { Decimal } from '../../domain/money';
import type { Locale, MessageParams } from '../../i18n/catalogue';
import { translate, type MessageCode } from '../../i18n/messages';
import type { IntmApp } from '../index';
import type { OverviewReport, OverviewRow } from '../overview';
import type { StatusReport } from '../overviewService';
import type { CampaignRecord } from '../ports';
import { Format, formatFor, formatMinimum } from './format';

export interface AnswerEnv {
  app: IntmApp;
  actor: Actor;
  locale: Locale;
  year: number;
  t(code: MessageCode, params?: MessageParams): string;
  f: Format;
  nameOf(ags: string): string;
}

export function answerEnv(app: IntmApp, actor: Actor, locale: Locale, year: number): AnswerEnv {
  return {
    app,
    actor,
    locale,
    year,
    t: (code, params = {}) => translate(code, params, locale),
    f: formatFor(locale),
    nameOf: (ags) => app.ctx.verzeichnis.byKey(ags)?.name ?? ags,
  };
}

/** The campaign with imported lists; refuses (as a sentence for the user) when there is none. */
export async function importedCampaign(env: AnswerEnv): Promise<CampaignRecord> {
  const record = await env.app.campaigns.show(env.year);
  if (!record.generation) throw new DomainError(record.purged ? 'campaign.purged' : 'campaign.notImported', { year: env.year });
  return record;
}

/**
 * The campaign with figures: imported lists, or – once the personal data is deleted – the figures kept
 * with it (the published overview, or the overview at deletion). Refuses like `importedCampaign` otherwise.
 */
export async function campaignWithFigures(env: AnswerEnv): Promise<CampaignRecord> {
  const record = await env.app.campaigns.show(env.year);
  if (record.generation || record.published || record.purged?.figures) return record;
  throw new DomainError(record.purged ? 'campaign.purged' : 'campaign.notImported', { year: env.year });
}

/** For a year whose personal data is deleted: the line saying so (the figures are what was kept). */
export function purgedNote(env: AnswerEnv, record: CampaignRecord): string[] {
  return !record.generation && record.purged ? [env.t('q.purged.note', { year: env.year, date: env.f.day(record.purged.at) })] : [];
}

export async function moneyFigures(env: AnswerEnv, record: CampaignRecord): Promise<OverviewReport> {
  return record.published?.report ?? (await env.app.overview.overview(env.year));
}

export function rowOf(report: OverviewReport, ags: string): OverviewRow {
  const row = report.rows.find((r) => r.ags === ags);
  if (!row) throw new DomainError('gemeinde.unknownKey', { ags });
  return row;
}

/**
 * "Stand: veröffentlicht am …" or why the figures are still provisional. What is still open is always
 * the state now: after a provisional publication the published rows show the lists as they were then
 * (`status`: the current status if the caller has it already).
 */
export async function provenance(env: AnswerEnv, record: CampaignRecord, report: OverviewReport, ownAgs?: string, status?: StatusReport): Promise<string> {
  const published = record.published;
  if (published && !report.provisional) return env.t('q.published', { date: env.f.day(published.at) });
  const rows = published
    ? (status ?? (await env.app.overview.status(env.year))).rows.map((r) => ({ ags: r.ags, listState: r.listState, pending: r.counts.pending }))
    : report.rows; // not published: the report is the allocation as it stands now
  const reasons: string[] = [];
  if (published) reasons.push(env.t('q.reason.publishedProvisional', { date: env.f.day(published.at) }));
  else reasons.push(env.t('q.reason.notPublished'));
  const open = rows.filter((r) => r.listState !== 'eingereicht');
  const pending = rows.reduce((sum, r) => sum + r.pending, 0);
  if (open.length > 0) {
    const ownOpen = ownAgs !== undefined && open.some((r) => r.ags === ownAgs);
    reasons.push(env.t('q.reason.openLists', { open: open.length, total: rows.length, own: ownOpen ? env.nameOf(ownAgs) : undefined }));
  }
  if (pending > 0) reasons.push(env.t('q.reason.pending', { pending: env.f.count(pending) }));
  if (published && open.length === 0 && pending === 0) reasons.push(env.t('q.reason.completeSince'));
  return env.t('q.provisional', { reasons: reasons.join('; ') });
}

/** The decision-support line: what 0.5 VZÄ cost and how far the share is from it. */
export function gapLine(env: AnswerEnv, amount: string, eurPerVzae: string): { text: string; covered: boolean } {
  const cost = MINIMUM_POSITION_VZAE.times(eurPerVzae).toDecimalPlaces(2);
  const missing = Decimal.max(0, cost.minus(amount));
  const minVzae = formatMinimum(MINIMUM_POSITION_VZAE, env.locale);
  if (missing.isZero()) return { text: env.t('q.gap.covered', { minVzae, cost: env.f.euro(cost) }), covered: true };
  return { text: env.t('q.gap.short', { minVzae, cost: env.f.euro(cost), missing: env.f.euro(missing) }), covered: false };
}

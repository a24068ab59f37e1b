/**
 * The money every Gemeinde is shown and assessed against. Once the overview is published, the
 * published figures are the official ones – until the Koordinierungsstelle publishes again, even if a
 * list or a parameter changed since; before, the allocation of the lists as they stand. Decision card,
 * preview, assessment, status and digest take their amounts from here; the answers follow the same
 * rule (questions/figures.ts) and the channel cards show the published amounts – so no two of them
 * disagree about an amount.
 */
import type { Campaign } from '../domain/campaign';
import type { DecisionBook } from '../domain/decision';
import { DomainError } from '../domain/errors';
import type { GemeindeVerzeichnis } from '../domain/gemeinden';
import type { GemeindeListe } from '../domain/list';
import { Decimal } from '../domain/money';
import { buildOverview, type OverviewReport } from './overview';
import type { CampaignRecord } from './ports';

export interface OfficialFigures {
  /** The report the amounts come from; undefined while nothing can be allocated (no persons yet). */
  report?: OverviewReport;
  /** Amount per AGS. */
  amounts: Map<string, Decimal>;
  /** The campaign with the cost per VZÄ the figures were computed with (a later change applies from the next publication). */
  campaign: Campaign;
  /** True when the figures are the published ones. */
  published: boolean;
  /** The figures may still change: lists open or additions pending when computed, or not published yet. */
  provisional: boolean;
}

export function officialFigures(
  record: CampaignRecord,
  lists: readonly GemeindeListe[],
  decisions: DecisionBook,
  verzeichnis: GemeindeVerzeichnis,
  clock: { now: string; today: string },
): OfficialFigures {
  const published = publishedFigures(record);
  if (published) return published;
  let report: OverviewReport | undefined;
  try {
    report = buildOverview(record.campaign, [...lists], decisions, verzeichnis, clock.now, clock.today);
  } catch (e) {
    if (!(e instanceof DomainError) || e.code !== 'allocation.noPersons') throw e;
  }
  return { ...(report ? { report } : {}), amounts: report ? amountsOf(report) : new Map(), campaign: record.campaign, published: false, provisional: true };
}

/** The published figures alone (no lists needed); undefined before the first publication. */
export function publishedFigures(record: CampaignRecord): OfficialFigures | undefined {
  const published = record.published?.report;
  if (!published) return undefined;
  return {
    report: published,
    amounts: amountsOf(published),
    campaign: { ...record.campaign, eurPerVzae: published.parameters.eurPerVzae },
    published: true,
    provisional: published.provisional,
  };
}

function amountsOf(report: OverviewReport): Map<string, Decimal> {
  return new Map(report.rows.map((r) => [r.ags, new Decimal(r.amount)]));
}

/**
 * Where each Gemeinde stands in the year's procedure, for the dashboard, the digest and reminders.
 */
import type { Campaign } from './campaign';
import { IsoDate, daysBetween } from './dates';
import type { DecisionAssessment } from './decision';
import { GemeindeListe, ListCounts, ListState, countList, dueDate, isOverdue, listState } from './list';

export interface GemeindeStatus {
  ags: string;
  name: string;
  listState: ListState;
  counts: ListCounts;
  /** When the list is due (the review deadline or a granted extension). */
  due: IsoDate;
  /** Days until the due date (negative once past). */
  daysLeft: number;
  /** The Koordinierungsstelle has sent the list to the Gemeinde (worked on or not). */
  sent: boolean;
  /** Sent, not submitted and past its due date (a list never sent is not overdue). */
  overdue: boolean;
  submittedAt?: string;
  submittedBy?: string;
  decision: DecisionAssessment['choice'];
  /** A Verbund still waiting for partners, or a decision that breaks a rule. */
  decisionValid: boolean;
  /** The decision deadline has passed without a decision: the Landkreis does it (the default). */
  decisionDefaulted: boolean;
}

export function gemeindeStatus(
  name: string,
  list: GemeindeListe,
  decision: DecisionAssessment | undefined,
  campaign: Campaign,
  today: IsoDate,
): GemeindeStatus {
  const due = dueDate(list, campaign);
  const choice = decision?.choice ?? 'offen';
  return {
    ags: list.ags,
    name,
    listState: listState(list),
    counts: countList(list),
    due,
    daysLeft: daysBetween(today, due),
    sent: Boolean(list.sent),
    overdue: isOverdue(list, campaign, today),
    ...(list.submitted ? { submittedAt: list.submitted.at, submittedBy: list.submitted.by.name } : {}),
    decision: choice,
    decisionValid: decision?.valid ?? true,
    decisionDefaulted: choice === 'offen' && today > campaign.deadlines.decision,
  };
}

/**
 * A Gemeinde's status after its year's personal data was deleted: the list is gone, so its state and
 * counts come from the figures kept at deletion. Nothing is overdue any more; the deadline shown is
 * the year's review deadline (an extension was part of the deleted list).
 */
export function gemeindeStatusFromFigures(
  name: string,
  kept: { ags: string; listState: ListState; counts: ListCounts; submittedAt?: string },
  decision: DecisionAssessment | undefined,
  campaign: Campaign,
  today: IsoDate,
): GemeindeStatus {
  const due = campaign.deadlines.review;
  const choice = decision?.choice ?? 'offen';
  return {
    ags: kept.ags,
    name,
    listState: kept.listState,
    counts: kept.counts,
    due,
    daysLeft: daysBetween(today, due),
    sent: kept.listState !== 'importiert',
    overdue: false,
    ...(kept.submittedAt ? { submittedAt: kept.submittedAt } : {}),
    decision: choice,
    decisionValid: decision?.valid ?? true,
    decisionDefaulted: choice === 'offen' && today > campaign.deadlines.decision,
  };
}

export interface StatusSummary {
  byState: Record<ListState, number>;
  overdue: number;
  submitted: number;
  total: number;
  decisions: Record<DecisionAssessment['choice'], number>;
}

export function summarise(statuses: readonly GemeindeStatus[]): StatusSummary {
  const byState: Record<ListState, number> = { importiert: 0, versendet: 0, 'in-bearbeitung': 0, eingereicht: 0 };
  const decisions: Record<DecisionAssessment['choice'], number> = { offen: 0, landkreis: 0, eigenstaendig: 0, verbund: 0 };
  let overdue = 0;
  for (const s of statuses) {
    byState[s.listState]++;
    decisions[s.decision]++;
    if (s.overdue) overdue++;
  }
  return { byState, overdue, submitted: byState.eingereicht, total: statuses.length, decisions };
}

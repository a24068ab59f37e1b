/**
 * Reminders to the Gemeinden: before the review deadline (by default 7 and 1 days before) and once
 * when overdue; before the decision deadline for Gemeinden without a valid decision. Each reminder
 * is sent once – the log of sent reminders is kept in the data directory, so a restart sends nothing
 * twice. A granted extension (a new due date) arms the reminders again. Once a Verwendungsnachweis
 * round is open (of this year or the latest before), the same stages remind the Gemeinden whose own
 * Nachweis is not submitted yet; a moved deadline arms them again.
 */
import { daysBetween, type IsoDate } from '../domain/dates';
import { dueDate, emptyList } from '../domain/list';
import type { AppContext } from './context';
import { requireCampaign } from './context';
import type { OverviewService } from './overviewService';
import { listsLockedByPublication } from './reviewService';
import type { VerwendungsnachweisService } from './verwendungsnachweisService';

export type ReminderKind = 'review' | 'decision' | 'nachweis';

export interface Reminder {
  key: string;
  kind: ReminderKind;
  ags: string;
  due: IsoDate;
  daysLeft: number;
  /** `d7`, `d1` …, `overdue`, or `manual-<date>` for reminders the Koordinierungsstelle asked for. */
  stage: string;
  /** The Berechnungsjahr a Verwendungsnachweis reminder is about (its round's, not the campaign's). */
  year?: number;
}

interface ReminderLog {
  sent: Record<string, string>;
}

const DOCUMENT = 'reminders';

export const DEFAULT_REMINDER_DAYS = [7, 1];

/** The stage a deadline is in: the smallest configured day count not yet passed, or overdue. */
export function stageFor(daysLeft: number, days: readonly number[]): string | undefined {
  if (daysLeft < 0) return 'overdue';
  const due = [...days].sort((a, b) => a - b).find((d) => daysLeft <= d);
  return due === undefined ? undefined : `d${due}`;
}

export class ReminderService {
  constructor(
    private readonly ctx: AppContext,
    private readonly overview: OverviewService,
    private readonly nachweise: VerwendungsnachweisService,
  ) {}

  /** Reminders due now and not sent before. `manual`: every open Gemeinde, once per day. */
  async due(year: number, days: readonly number[] = DEFAULT_REMINDER_DAYS, manual = false): Promise<Reminder[]> {
    const record = await requireCampaign(this.ctx, year);
    if (!record.generation) return [];
    const today = this.ctx.clock.today();
    const [lists, status, log, round] = await Promise.all([
      this.ctx.repo.readLists(year),
      this.overview.status(year),
      this.ctx.repo.readDocument<ReminderLog>(DOCUMENT).then((l) => l ?? { sent: {} }),
      this.nachweise.latestRound(year),
    ]);
    const byAgs = new Map(lists.map((l) => [l.ags, l]));
    const reminders: Reminder[] = [];
    const add = (kind: ReminderKind, ags: string, due: IsoDate, stage: string | undefined, of = year) => {
      if (!stage) return;
      const key = `${of}:${kind}:${ags}:${due}:${stage}`;
      if (!log.sent[key]) reminders.push({ key, kind, ags, due, daysLeft: daysBetween(today, due), stage, ...(kind === 'nachweis' ? { year: of } : {}) });
    };
    // After a final publication a reopened list is the Koordinierungsstelle's to finish: no reminder asks the Gemeinde.
    const locked = listsLockedByPublication(record);
    for (const row of status.rows) {
      const list = byAgs.get(row.ags) ?? emptyList(year, row.ags);
      if (list.sent && !list.submitted && !locked) {
        const due = dueDate(list, record.campaign);
        add('review', row.ags, due, manual ? `manual-${today}` : stageFor(daysBetween(today, due), days));
      }
      const decisionDue = record.campaign.deadlines.decision;
      const openDecision = row.decision === 'offen' || !row.decisionValid;
      if (record.published && openDecision && today <= decisionDue) {
        add('decision', row.ags, decisionDue, manual ? `manual-${today}` : stageFor(daysBetween(today, decisionDue), days));
      }
    }
    // The Gemeinden' own Nachweise not submitted yet (a returned one included); the Landkreis' figures are the Koordinierungsstelle's.
    for (const n of Object.values(round?.nachweise ?? {})) {
      if (n.kind !== 'eigen' || n.state === 'eingereicht' || n.state === 'angenommen') continue;
      add('nachweis', n.ags, round!.deadline, manual ? `manual-${today}` : stageFor(daysBetween(today, round!.deadline), days), round!.year);
    }
    return reminders;
  }

  async markSent(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    const at = this.ctx.clock.now();
    await this.ctx.repo.updateDocument<ReminderLog, void>(DOCUMENT, (current) => ({
      next: { sent: { ...(current?.sent ?? {}), ...Object.fromEntries(keys.map((k) => [k, at])) } },
      result: undefined,
    }));
  }
}

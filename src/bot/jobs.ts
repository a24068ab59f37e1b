/**
 * The bot's automatic work: the status digest to the coordinators' channel and the reminders to the
 * Gemeinden. Run by the scheduler (workdays 08:00 by default) and on demand (`digest`, `erinnern`).
 */
import { CardFactory } from 'botbuilder';
import { digestCard, reminderCard } from '../cards';
import type { Digest } from '../app/digestService';
import type { Locale } from '../i18n/messages';
import type { BotDeps } from './deps';
import { errorKind } from './log';
import { sendToStaff, type Reach } from './notify';
import { currentYear } from './turn';

/** `withNachweis`: false where others than the coordinators read – the Verwendungsnachweis round is left out. */
export function digestCardFor(digest: Digest, locale: Locale, withNachweis = true) {
  const { snapshot: _stored, nachweis, nachweisSubmitted, ...view } = digest;
  return digestCard({
    locale,
    ...view,
    ...(withNachweis && nachweis ? { nachweis, nachweisSubmitted } : {}),
    changes: { ...view.changes, decided: view.changes.decided.map((d) => ({ name: d.name, choice: d.choice })) },
  });
}

/** Posts the digest to the coordinators' channel; returns false when there is none (or posting failed). */
export async function sendDigest(deps: BotDeps, year: number): Promise<boolean> {
  const channel = (await deps.conversations.read()).channels.koordination;
  if (!channel) {
    deps.logger.warn('digest.noChannel', { year });
    return false;
  }
  const digest = await deps.app.digests.compose(year);
  try {
    await deps.outbound.send(channel, { type: 'message', attachments: [CardFactory.adaptiveCard(digestCardFor(digest, 'de'))] });
  } catch (e) {
    deps.logger.error('digest.failed', { year, error: errorKind(e) });
    return false;
  }
  await deps.app.digests.delivered(digest);
  deps.logger.info('digest.sent', { year });
  return true;
}

export interface ReminderRun {
  due: number;
  /** Gemeinden reached (at least one of their staff got a reminder), each counted once. */
  sent: number;
  /** Gemeinden whose every send failed: tried again on the next run. */
  failed: string[];
  /** Gemeinden without any staff assigned in the roster. */
  noStaff: string[];
  /** Gemeinden none of whose staff has installed the bot (no personal chat). */
  notInstalled: string[];
}

/**
 * One run of the jobs at a time: a second run (`erinnern` twice, or `erinnern` while the scheduled run
 * is going, on this instance or another one on the same database) waits for the first and then finds
 * what that one already sent. The chain per application lets a clean stop wait for this instance's runs.
 */
const running = new WeakMap<object, Promise<unknown>>();

function oneAtATime<T>(deps: BotDeps, work: () => Promise<T>): Promise<T> {
  const before = running.get(deps.app) ?? Promise.resolve();
  const acrossInstances = () => deps.app.coordination.exclusively('jobs', work);
  const run = before.then(acrossInstances, acrossInstances);
  running.set(deps.app, run.catch(() => undefined));
  return run;
}

/** Resolves once no run of the jobs is in progress (or queued): for a clean stop. */
export async function jobsIdle(deps: BotDeps): Promise<void> {
  for (let tail = running.get(deps.app); tail; ) {
    await tail;
    const next = running.get(deps.app);
    tail = next === tail ? undefined : next;
  }
}

/** Sends the reminders that are due (or, `manual`, one to every open Gemeinde now), each once. */
export function sendReminders(deps: BotDeps, year: number, days: readonly number[], manual = false): Promise<ReminderRun> {
  return oneAtATime(deps, () => remind(deps, year, days, manual));
}

async function remind(deps: BotDeps, year: number, days: readonly number[], manual: boolean): Promise<ReminderRun> {
  const due = await deps.app.reminders.due(year, days, manual);
  // A Gemeinde can be due for two reminders at once (its list and its decision): counted and named once.
  const byGemeinde = new Map<string, typeof due>();
  for (const r of due) byGemeinde.set(r.ags, [...(byGemeinde.get(r.ags) ?? []), r]);
  const run: ReminderRun = { due: due.length, sent: 0, failed: [], noStaff: [], notInstalled: [] };
  for (const [ags, reminders] of byGemeinde) {
    const gemeinde = { ags, name: deps.app.ctx.verzeichnis.byKey(ags)?.name ?? ags };
    const reach: Omit<Reach, 'delivered'> = { sent: 0, unreachable: 0, failed: 0 };
    for (const r of reminders) {
      const card = (locale: Locale) => reminderCard({ locale, year: r.year ?? year, kind: r.kind, gemeinde, due: r.due, daysLeft: r.daysLeft });
      const one = await sendToStaff(deps, r.ags, card, `reminder.${r.kind}`);
      // Recorded right after delivery, so a run cut off by a crash or a stop sends it no second time;
      // only what was delivered: an unreachable Gemeinde is tried again on the next run.
      if (one.sent > 0) await deps.app.reminders.markSent([r.key]);
      reach.sent += one.sent;
      reach.failed += one.failed;
      reach.unreachable += one.unreachable;
    }
    if (reach.sent > 0) run.sent++;
    else if (reach.failed > 0) run.failed.push(gemeinde.name);
    else if (reach.unreachable > 0) run.notInstalled.push(gemeinde.name);
    else run.noStaff.push(gemeinde.name);
  }
  deps.logger.info('reminders', { year, due: run.due, sent: run.sent, failed: run.failed.length, noStaff: run.noStaff.length, notInstalled: run.notInstalled.length });
  return run;
}

/**
 * The scheduled run: digest, then reminders, for the current Berechnungsjahr. The digest at most once a
 * day (a run made up after a restart, or one after a crash mid-run, posts none twice); reminders are sent
 * once each anyway. Never throws; resolves true when the run went through without an error.
 */
export function runScheduledJobs(deps: BotDeps, reminderDays: readonly number[]): Promise<boolean> {
  return oneAtATime(deps, async () => {
    try {
      // The rows behind expired import-report links name persons: removed with the daily run at the latest.
      await deps.app.importIssues.sweep();
      const year = await currentYear(deps);
      if (!year) return true;
      if (await deps.app.digests.deliveredToday()) deps.logger.info('digest.alreadyToday', { year });
      else await sendDigest(deps, year);
      await remind(deps, year, reminderDays, false);
      return true;
    } catch (e) {
      deps.logger.error('jobs.failed', { error: errorKind(e) });
      return false;
    }
  });
}

/**
 * Runs the daily jobs on a cron schedule in the Landkreis's time zone (croner). When the last run that
 * went through without an error started is kept in the data directory: a run missed while the bot was
 * down is made up once, soon after the next start.
 */
import { Cron } from 'croner';
import type { BotDeps } from './deps';
import { runScheduledJobs } from './jobs';
import { errorKind } from './log';

export const DEFAULT_CRON = '0 8 * * 1-5';
export const DEFAULT_TIMEZONE = 'Europe/Berlin';

export interface ScheduleConfig {
  cron: string;
  timezone: string;
  reminderDays: number[];
}

/** Whether the runtime knows the IANA time zone (Intl throws a RangeError for an unknown one). */
export function checkTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('de-DE', { timeZone: timezone }).format(0);
    return true;
  } catch {
    return false;
  }
}

/** Throws a German sentence when the expression or the time zone is not usable. */
export function checkSchedule(cron: string, timezone: string): void {
  try {
    const job = new Cron(cron, { timezone, paused: true });
    job.nextRun();
    job.stop();
  } catch {
    throw new Error(`Zeitplan „${cron}“ (Zeitzone ${timezone}) ist ungültig.`);
  }
}

export function nextRun(schedule: Pick<ScheduleConfig, 'cron' | 'timezone'>, from: Date): Date | null {
  const job = new Cron(schedule.cron, { timezone: schedule.timezone, paused: true });
  const next = job.nextRun(from);
  job.stop();
  return next;
}

/** A run missed since `lastRun`: the first scheduled time after it, if that has already passed by `now`. */
export function missedRun(schedule: Pick<ScheduleConfig, 'cron' | 'timezone'>, lastRun: Date, now: Date): Date | null {
  const next = nextRun(schedule, lastRun);
  return next && next.getTime() <= now.getTime() ? next : null;
}

interface ScheduleState {
  /** When the last scheduled run (that went through) started. */
  lastRun?: string;
}

const DOCUMENT = 'schedule';

async function lastRun(deps: BotDeps): Promise<Date | undefined> {
  const at = (await deps.app.ctx.repo.readDocument<ScheduleState>(DOCUMENT))?.lastRun;
  return at ? new Date(at) : undefined;
}

async function recordRun(deps: BotDeps, at: string): Promise<void> {
  await deps.app.ctx.repo.updateDocument<ScheduleState, void>(DOCUMENT, (current) => ({
    // Never backwards: a run made up late does not hide a later one.
    next: { lastRun: current?.lastRun && current.lastRun > at ? current.lastRun : at },
    result: undefined,
  }));
}

export interface SchedulerOptions {
  /** How long after the start a missed run is made up (default half a minute: the bot is up by then). */
  catchUpDelayMs?: number;
}

export interface Scheduler {
  /** No further runs; resolves once a run in progress has finished (and recorded what it sent). */
  stop(): Promise<void>;
}

export function startScheduler(deps: BotDeps, schedule: ScheduleConfig, options: SchedulerOptions = {}): Scheduler {
  const now = () => new Date(deps.app.ctx.clock.now());
  let current: Promise<void> | undefined;
  let stopped = false;
  let catchUp: NodeJS.Timeout | undefined;
  // A run still in progress is not started a second time; its promise is kept so stop() can wait for it.
  const run = (): Promise<void> | undefined => {
    if (stopped || current) return current;
    const at = now().toISOString();
    current = (async () => {
      try {
        if (await runScheduledJobs(deps, schedule.reminderDays)) await recordRun(deps, at);
      } catch (e) {
        deps.logger.error('scheduler.recordFailed', { error: errorKind(e) });
      }
    })().finally(() => (current = undefined));
    return current;
  };
  const job = new Cron(schedule.cron, { timezone: schedule.timezone, protect: true }, () => run());
  deps.logger.info('scheduler.started', { cron: schedule.cron, timezone: schedule.timezone, next: job.nextRun()?.toISOString() });

  // Was a run missed while the bot was down? Checked again when the catch-up is due (the cron may have run meanwhile).
  const missed = async (): Promise<Date | null> => {
    const last = await lastRun(deps);
    if (last) return missedRun(schedule, last, now());
    await recordRun(deps, now().toISOString()); // first start: nothing to make up, from now on
    return null;
  };
  const checked = missed()
    .then((slot) => {
      if (!slot || stopped) return;
      deps.logger.info('scheduler.missed', { missed: slot.toISOString() });
      catchUp = setTimeout(() => {
        void missed()
          .then((still) => (still ? run() : undefined))
          .catch((e) => deps.logger.error('scheduler.catchUpFailed', { error: errorKind(e) }));
      }, options.catchUpDelayMs ?? 30_000);
    })
    .catch((e) => deps.logger.error('scheduler.catchUpFailed', { error: errorKind(e) }));

  return {
    async stop() {
      stopped = true;
      job.stop();
      await checked;
      if (catchUp) clearTimeout(catchUp);
      await current;
    },
  };
}

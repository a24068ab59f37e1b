/** Runs the daily jobs on a cron schedule in the Landkreis's time zone (croner). */
import { Cron } from 'croner';
import type { BotDeps } from './deps';
import { runScheduledJobs } from './jobs';

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

export interface Scheduler {
  /** No further runs; resolves once a run in progress has finished (and recorded what it sent). */
  stop(): Promise<void>;
}

export function startScheduler(deps: BotDeps, schedule: ScheduleConfig): Scheduler {
  let current: Promise<void> | undefined;
  let stopped = false;
  // A run still in progress is not started a second time; its promise is kept so stop() can wait for it.
  const run = (): Promise<void> | undefined => {
    if (stopped || current) return current;
    current = runScheduledJobs(deps, schedule.reminderDays).finally(() => (current = undefined));
    return current;
  };
  const job = new Cron(schedule.cron, { timezone: schedule.timezone, protect: true }, () => run());
  deps.logger.info('scheduler.started', { cron: schedule.cron, timezone: schedule.timezone, next: job.nextRun()?.toISOString() });
  return {
    async stop() {
      stopped = true;
      job.stop();
      await current;
    },
  };
}

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
  /** When the last scheduled run (that went through) started, by the application's clock. */
  lastRun?: string;
  /** The cron time (real time) of the last run started by the cron: another instance's cron then skips it. */
  lastSlot?: string;
}

const DOCUMENT = 'schedule';
/** The lease whose holder runs the scheduled jobs; another instance's run of the same slot skips. */
const LEASE = 'schedule';

async function readState(deps: BotDeps): Promise<ScheduleState> {
  return (await deps.app.ctx.repo.readDocument<ScheduleState>(DOCUMENT)) ?? {};
}

async function recordRun(deps: BotDeps, at: string, slot?: string): Promise<void> {
  await deps.app.ctx.repo.updateDocument<ScheduleState, void>(DOCUMENT, (current) => ({
    // Never backwards: a run made up late does not hide a later one.
    next: {
      lastRun: current?.lastRun && current.lastRun > at ? current.lastRun : at,
      ...(slot || current?.lastSlot ? { lastSlot: current?.lastSlot && (!slot || current.lastSlot > slot) ? current.lastSlot : slot } : {}),
    },
    result: undefined,
  }));
}

export interface SchedulerOptions {
  /** How long after the start a missed run is first looked for (default half a minute: the bot is up by then). */
  catchUpDelayMs?: number;
  /**
   * How often a missed run is looked for afterwards (default 15 s): when the instance running the jobs
   * dies, another one makes its run up within this time plus the database's notice of the death.
   */
  checkEveryMs?: number;
}

/** After a run that failed, the next attempt waits 1, 2, 4 … minutes, at most an hour. */
export function retryDelayMs(failures: number): number {
  return Math.min(60, 2 ** Math.max(0, failures - 1)) * 60_000;
}

export interface Scheduler {
  /** No further runs; resolves once a run in progress has finished (and recorded what it sent). */
  stop(): Promise<void>;
}

/**
 * Every instance runs the cron and looks for missed runs; a run happens only under the `schedule`
 * lease and only when the slot has not been run yet, so with several instances each slot is run by
 * one of them, and when that one dies mid-run another makes the run up (reminders and the day's
 * digest are recorded as they go out, so nothing is sent twice).
 */
export function startScheduler(deps: BotDeps, schedule: ScheduleConfig, options: SchedulerOptions = {}): Scheduler {
  const now = () => new Date(deps.app.ctx.clock.now());
  let current: Promise<void> | undefined;
  let stopped = false;
  let failures = 0;
  let retryAfter = 0;
  let timer: NodeJS.Timeout | undefined;

  /** Runs the jobs under the lease when `stillDue` (read under the lease) says the run is still to be made. */
  const runUnderLease = (stillDue: (state: ScheduleState) => boolean, slot?: string): Promise<void> | undefined => {
    if (stopped || current) return current;
    current = (async () => {
      const lease = await deps.app.coordination.tryLease(LEASE);
      if (!lease) return; // another instance is running the jobs now
      try {
        if (!stillDue(await readState(deps))) return;
        const at = now().toISOString();
        if (await runScheduledJobs(deps, schedule.reminderDays)) {
          await recordRun(deps, at, slot);
          failures = 0;
          retryAfter = 0;
        } else {
          failures++;
          retryAfter = Date.now() + retryDelayMs(failures);
          deps.logger.warn('scheduler.retryLater', { failures, inMinutes: retryDelayMs(failures) / 60_000 });
        }
      } finally {
        await lease.release();
      }
    })()
      .catch((e) => deps.logger.error('scheduler.recordFailed', { error: errorKind(e) }))
      .finally(() => (current = undefined));
    return current;
  };

  // The cron's own slot: run unless an instance already ran this slot (or a made-up run covered it).
  const job = new Cron(schedule.cron, { timezone: schedule.timezone, protect: true }, (self: Cron) => {
    const slot = (self.currentRun() ?? new Date()).toISOString();
    return runUnderLease((state) => !(state.lastSlot && state.lastSlot >= slot), slot);
  });
  deps.logger.info('scheduler.started', { cron: schedule.cron, timezone: schedule.timezone, next: job.nextRun()?.toISOString() });

  // A slot passed without a recorded run (this or another instance was down, or died mid-run)?
  const missed = (state: ScheduleState): Date | null => (state.lastRun ? missedRun(schedule, new Date(state.lastRun), now()) : null);
  let reported = '';
  // The first start ever: nothing to make up, but from now on a missed slot counts.
  const first = readState(deps)
    .then((state) => (state.lastRun ? undefined : recordRun(deps, now().toISOString())))
    .catch((e) => deps.logger.error('scheduler.catchUpFailed', { error: errorKind(e) }));
  const check = async (): Promise<void> => {
    await first;
    if (stopped || current || Date.now() < retryAfter) return;
    const slot = missed(await readState(deps));
    if (!slot) return;
    if (reported !== slot.toISOString()) {
      reported = slot.toISOString();
      deps.logger.info('scheduler.missed', { missed: reported });
    }
    await runUnderLease((fresh) => missed(fresh) !== null);
  };
  const tick = (delay: number): void => {
    timer = setTimeout(() => {
      void check()
        .catch((e) => deps.logger.error('scheduler.catchUpFailed', { error: errorKind(e) }))
        .finally(() => {
          if (!stopped) tick(options.checkEveryMs ?? 15_000);
        });
    }, delay);
    timer.unref?.();
  };
  tick(options.catchUpDelayMs ?? 30_000);

  return {
    async stop() {
      stopped = true;
      job.stop();
      if (timer) clearTimeout(timer);
      await first;
      await current;
    },
  };
}

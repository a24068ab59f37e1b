/**
 * The schedule across restarts: a run missed while the bot was down is made up once soon after the
 * start; the digest is never posted twice on one day.
 */
import { loadConfig } from '../../src/bot/config';
import { memoryLogger } from '../../src/bot/log';
import { RecordingOutbound } from '../../src/bot/outbound';
import { missedRun, retryDelayMs } from '../../src/bot/scheduler';
import { startBot, type RunningBot } from '../../src/bot/start';
import { LowdbRepository } from '../../src/storage/lowdbRepository';
import { fixedClock } from '../../src/storage/systemClock';
import { ANNA, KORA, TENANT, messageActivity, openBotHarness } from './botHarness';

const SCHEDULE = { cron: '0 8 * * 1-5', timezone: 'Europe/Berlin' };
let dataDir: string;

beforeEach(async () => {
  const h = await openBotHarness();
  await h.send({ ...messageActivity(ANNA, ''), type: 'installationUpdate', action: 'add', text: undefined } as never);
  await h.say(KORA, 'kanal registrieren gemeinden', { kind: 'channel' });
  await h.say(KORA, 'listen versenden');
  await h.say(KORA, 'kanal registrieren koordination', { kind: 'channel' });
  dataDir = h.dataDir;
  await h.cleanup(true);
});

async function setLastRun(at: string | undefined): Promise<void> {
  const repo = await LowdbRepository.open(dataDir);
  await repo.updateDocument<{ lastRun?: string }, void>('schedule', () => ({ next: at ? { lastRun: at } : {}, result: undefined }));
  await repo.close();
}

async function lastRun(): Promise<string | undefined> {
  const repo = await LowdbRepository.open(dataDir);
  const doc = await repo.readDocument<{ lastRun?: string }>('schedule');
  await repo.close();
  return doc?.lastRun;
}

/** Starts the bot with the scheduler on, at `at`, and lets it settle; returns what it sent. */
async function startAt(at: string): Promise<{ bot: RunningBot; sent: RecordingOutbound; logger: ReturnType<typeof memoryLogger> }> {
  const sent = new RecordingOutbound();
  const logger = memoryLogger();
  const config = loadConfig({ INTM_LOCAL: '1', PORT: '0', INTM_DATA_DIR: dataDir, INTM_COORDINATORS: KORA.aadObjectId, INTM_TENANTS: TENANT });
  const bot = await startBot(config, { clock: fixedClock(at), logger, outbound: () => sent, scheduler: { catchUpDelayMs: 10 } });
  await new Promise((r) => setTimeout(r, 400));
  return { bot, sent, logger };
}

const digests = (o: RecordingOutbound) => o.sent.filter((s) => s.reference.conversation?.id?.startsWith('19:')).length;
const toAnna = (o: RecordingOutbound) => o.sent.filter((s) => s.reference.conversation?.id === `a:personal-${ANNA.aadObjectId}`).length;

test('missedRun: the first scheduled time after the last run, once it has passed', () => {
  const friday = new Date('2024-01-05T07:00:00.000Z'); // Friday 08:00 in Berlin
  expect(missedRun(SCHEDULE, friday, new Date('2024-01-08T06:59:00.000Z'))).toBeNull(); // Monday 07:59
  expect(missedRun(SCHEDULE, friday, new Date('2024-01-08T09:00:00.000Z'))!.toISOString()).toBe('2024-01-08T07:00:00.000Z');
  expect(missedRun(SCHEDULE, new Date('2024-01-08T07:00:00.500Z'), new Date('2024-01-08T16:00:00.000Z'))).toBeNull();
});

test('down at 08:00: the run is made up once after the start, and not again on the next start', async () => {
  await setLastRun('2024-01-05T07:00:00.000Z'); // the last run: Friday 08:00
  // Monday 10:00: the bot was down at 08:00 (7 days before the deadline of 15.01.).
  const first = await startAt('2024-01-08T09:00:00.000Z');
  await first.bot.stop();
  expect(digests(first.sent)).toBe(1);
  expect(toAnna(first.sent)).toBe(1);
  expect(first.logger.lines.join('\n')).toContain('"event":"scheduler.missed","missed":"2024-01-08T07:00:00.000Z"');
  expect(await lastRun()).toBe('2024-01-08T09:00:00.000Z');

  const second = await startAt('2024-01-08T11:00:00.000Z');
  await second.bot.stop();
  expect(second.sent.sent).toHaveLength(0);
});

test('a run cut off before it was recorded is made up without a second digest that day', async () => {
  await setLastRun('2024-01-05T07:00:00.000Z');
  const first = await startAt('2024-01-08T09:00:00.000Z');
  await first.bot.stop();
  expect(digests(first.sent)).toBe(1);
  // As if the process had died after the digest and the reminders but before recording the run.
  await setLastRun('2024-01-05T07:00:00.000Z');
  const second = await startAt('2024-01-08T10:00:00.000Z');
  await second.bot.stop();
  expect(second.sent.sent).toHaveLength(0);
  expect(second.logger.lines.join('\n')).toContain('digest.alreadyToday');
  expect(await lastRun()).toBe('2024-01-08T10:00:00.000Z');
  // The next day's missed run posts the next day's digest.
  const third = await startAt('2024-01-09T09:00:00.000Z');
  await third.bot.stop();
  expect(digests(third.sent)).toBe(1);
});

test('the first start ever makes nothing up, but remembers it was running from then on', async () => {
  const first = await startAt('2024-01-08T09:00:00.000Z');
  await first.bot.stop();
  expect(first.sent.sent).toHaveLength(0);
  expect(await lastRun()).toBe('2024-01-08T09:00:00.000Z');
  const next = await startAt('2024-01-09T09:00:00.000Z'); // Tuesday's 08:00 was missed
  await next.bot.stop();
  expect(digests(next.sent)).toBe(1);
});

test('while another instance holds the schedule lease nothing is run here; once it is free (that instance died), the missed run is made up here, once', async () => {
  await setLastRun('2024-01-05T07:00:00.000Z');
  const sent = new RecordingOutbound();
  const logger = memoryLogger();
  const config = loadConfig({ INTM_LOCAL: '1', PORT: '0', INTM_DATA_DIR: dataDir, INTM_COORDINATORS: KORA.aadObjectId, INTM_TENANTS: TENANT });
  const bot = await startBot(config, { clock: fixedClock('2024-01-08T09:00:00.000Z'), logger, outbound: () => sent, scheduler: { catchUpDelayMs: 300, checkEveryMs: 100 } });
  try {
    // Stands for the other instance, which is running the jobs (or died holding the lease).
    const other = await bot.deps.app.coordination.tryLease('schedule');
    expect(other).toBeDefined();
    await new Promise((r) => setTimeout(r, 900));
    expect(sent.sent).toHaveLength(0);
    await other!.release();
    await new Promise((r) => setTimeout(r, 900));
    expect(digests(sent)).toBe(1);
    expect(toAnna(sent)).toBe(1);
    await new Promise((r) => setTimeout(r, 400));
    expect(digests(sent)).toBe(1); // later checks find the run recorded
  } finally {
    await bot.stop();
  }
});

test('after a failed run the next attempt waits 1, 2, 4 … minutes, at most an hour', () => {
  expect([1, 2, 3, 4, 7, 8, 20].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 2, 4, 8, 60, 60, 60]);
});

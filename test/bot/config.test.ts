/** The bot's configuration check: the schedule's time zone and the frozen clock (INTM_NOW). */
import { ConfigError, loadConfig } from '../../src/bot/config';
import { tenantOf } from '../../src/bot/identity';
import { clockFromEnvironment } from '../../src/compose';
import { systemClock } from '../../src/storage/systemClock';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

const BOT = { BOT_ID: '11111111-2222-4333-8444-555555555555', BOT_PASSWORD: 'secret', BOT_TENANT_ID: 'f0000000-0000-4000-8000-00000000000f' };

test('a mistyped INTM_TIMEZONE is refused at the check, in German, before anything starts', () => {
  const problems = problemsOf({ INTM_LOCAL: '1', INTM_TIMEZONE: 'Europe/Berln' });
  expect(problems).toHaveLength(1);
  expect(problems[0]).toContain('INTM_TIMEZONE „Europe/Berln“ ist keine bekannte Zeitzone');
  expect(problems[0]).toContain('Europe/Berlin');
  expect(loadConfig({ INTM_LOCAL: '1', INTM_TIMEZONE: 'Europe/Vienna' }).schedule).toMatchObject({ timezone: 'Europe/Vienna' });
  expect(loadConfig({ INTM_LOCAL: '1' }).schedule).toMatchObject({ timezone: 'Europe/Berlin', cron: '0 8 * * 1-5' });
  expect(problemsOf({ INTM_LOCAL: '1', INTM_DIGEST_CRON: '0 8 * *' }).join('\n')).toContain('INTM_DIGEST_CRON');
});

test('INTM_NOW: empty counts as unset; set, it needs local mode; nonsense is refused', () => {
  expect(problemsOf({ INTM_LOCAL: '1', INTM_NOW: '' })).toEqual([]);
  expect(problemsOf({ ...BOT, INTM_NOW: ' ' })).toEqual([]);
  expect(problemsOf({ INTM_LOCAL: '1', INTM_NOW: '2024-01-10T09:00:00Z' })).toEqual([]);
  const withCredentials = problemsOf({ ...BOT, INTM_NOW: '2024-01-10T09:00:00Z' });
  expect(withCredentials).toHaveLength(1);
  expect(withCredentials[0]).toMatch(/^INTM_NOW .*nur im lokalen Betrieb erlaubt \(INTM_LOCAL=1/);
  expect(problemsOf({ INTM_LOCAL: '1', INTM_NOW: 'gestern' })).toEqual(['INTM_NOW „gestern“ ist kein Zeitpunkt (ISO, z. B. 2027-01-10T09:00:00Z).']);
});

test('the clock reads INTM_NOW the same way: blank is the real clock', () => {
  const before = process.env.INTM_NOW;
  try {
    process.env.INTM_NOW = ' ';
    expect(clockFromEnvironment()).toBe(systemClock);
    process.env.INTM_NOW = '2024-01-10T09:00:00Z';
    expect(clockFromEnvironment().now()).toBe('2024-01-10T09:00:00.000Z');
  } finally {
    if (before === undefined) delete process.env.INTM_NOW;
    else process.env.INTM_NOW = before;
  }
});

test('tenant ids are compared in lower case: one written in upper case in the settings still lets its users in', () => {
  const upper = BOT.BOT_TENANT_ID.toUpperCase();
  expect(loadConfig({ ...BOT, BOT_TENANT_ID: upper }).tenants).toEqual([BOT.BOT_TENANT_ID]);
  expect(loadConfig({ INTM_LOCAL: '1', INTM_TENANTS: `${upper}, A0000000-0000-4000-8000-00000000000A` }).tenants).toEqual([BOT.BOT_TENANT_ID, 'a0000000-0000-4000-8000-00000000000a']);
  expect(tenantOf({ conversation: { tenantId: upper } } as never)).toBe(BOT.BOT_TENANT_ID);
  expect(tenantOf({ channelData: { tenant: { id: upper } } } as never)).toBe(BOT.BOT_TENANT_ID);
});

test('INTM_SCHEDULER takes only off; INTM_REMINDER_DAYS only whole days, no empty items', () => {
  expect(loadConfig({ INTM_LOCAL: '1', INTM_SCHEDULER: 'off' }).schedule).toBeUndefined();
  expect(loadConfig({ INTM_LOCAL: '1', INTM_SCHEDULER: ' ' }).schedule).toBeDefined();
  for (const typo of ['aus', 'OFF', '0', 'false']) expect(problemsOf({ INTM_LOCAL: '1', INTM_SCHEDULER: typo })).toEqual([expect.stringContaining(`INTM_SCHEDULER „${typo}“`)]);
  expect(loadConfig({ INTM_LOCAL: '1', INTM_REMINDER_DAYS: '14, 7 ,1' }).schedule!.reminderDays).toEqual([14, 7, 1]);
  expect(loadConfig({ INTM_LOCAL: '1', INTM_REMINDER_DAYS: '7 1' }).schedule!.reminderDays).toEqual([7, 1]);
  expect(loadConfig({ INTM_LOCAL: '1', INTM_REMINDER_DAYS: '0' }).schedule!.reminderDays).toEqual([0]);
  for (const bad of ['7,', ',', '7,,1', '-1', '1.5', '61', 'sieben']) expect(problemsOf({ INTM_LOCAL: '1', INTM_REMINDER_DAYS: bad })).toEqual([`INTM_REMINDER_DAYS „${bad}“: ganze Tage 0–60, durch Komma getrennt.`]);
});

test('INTM_DATABASE_URL needs a shared INTM_LINK_SECRET of at least 32 characters and excludes INTM_DATA_DIR', () => {
  const url = 'postgres://intm:geheim@db.example:5432/intm?sslmode=verify-full';
  const missing = problemsOf({ ...BOT, INTM_DATABASE_URL: url });
  expect(missing).toHaveLength(1);
  expect(missing[0]).toMatch(/^INTM_LINK_SECRET fehlt: mit INTM_DATABASE_URL/);
  expect(missing[0]).not.toContain('geheim'); // the password never appears in a message
  expect(problemsOf({ ...BOT, INTM_DATABASE_URL: url, INTM_LINK_SECRET: 'zu-kurz' })).toEqual(['INTM_LINK_SECRET muss mindestens 32 Zeichen lang sein.']);
  const secret = 'x'.repeat(32);
  expect(loadConfig({ ...BOT, INTM_DATABASE_URL: url, INTM_LINK_SECRET: secret }).databaseUrl).toBe(url);
  expect(problemsOf({ ...BOT, INTM_DATABASE_URL: url, INTM_LINK_SECRET: secret, INTM_DATA_DIR: '/srv/intm' }).join('\n')).toContain('INTM_DATA_DIR und INTM_DATABASE_URL schließen sich aus');
  expect(problemsOf({ ...BOT, INTM_DATABASE_URL: 'mysql://db/intm', INTM_LINK_SECRET: secret }).join('\n')).toContain('postgres://');
  expect(loadConfig({ ...BOT }).databaseUrl).toBeUndefined();
});

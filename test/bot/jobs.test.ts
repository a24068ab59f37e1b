/**
 * The bot's automatic work under stress: a run cut off by a crash or a stop, two runs at once, a failing
 * send, a clean stop during a scheduled run.
 */
import { loadConfig } from '../../src/bot/config';
import { runScheduledJobs, sendReminders } from '../../src/bot/jobs';
import { memoryLogger } from '../../src/bot/log';
import type { Outbound } from '../../src/bot/outbound';
import { startBot } from '../../src/bot/start';
import { LowdbRepository } from '../../src/storage/lowdbRepository';
import { fixedClock } from '../../src/storage/systemClock';
import { EPPINGEN } from '../fixtures';
import { ABSTATT, ANNA, BERT, BRACKENHEIM, KORA, NOBODY, TENANT, cardText, messageActivity, openBotHarness, type BotHarness } from './botHarness';

const ILSFELD = '08125046';

let h: BotHarness;
beforeEach(async () => {
  h = await openBotHarness();
});
afterEach(() => h.cleanup());

async function install(u: typeof ANNA) {
  await h.send({ ...messageActivity(u, ''), type: 'installationUpdate', action: 'add', text: undefined } as never);
}
/** The notice that the list is there ("listen versenden") is not a reminder. */
const isListNotice = (s: { activity: unknown }) => /Ihre Personenliste \d+ ist da|Your list of persons \d+ has arrived/.test(JSON.stringify(s.activity));
const personalSends = (u: typeof ANNA) => h.outbound.sent.filter((s) => s.reference.conversation?.id === `a:personal-${u.aadObjectId}` && !isListNotice(s)).length;

async function listsSent() {
  await h.say(KORA, 'kanal registrieren gemeinden', { kind: 'channel' });
  await h.say(KORA, 'listen versenden');
}

test('a run cut off after delivering a reminder does not send it again after a restart', async () => {
  await install(ANNA);
  await install(BERT);
  await listsSent();
  h.clock.set('2024-01-08T07:00:00.000Z'); // 7 days before the deadline
  // Anna's reminder (Abstatt, first) goes out; then the process dies while Bert's is on the wire.
  const real = h.deps.outbound;
  let calls = 0;
  h.deps.outbound = {
    send: (ref, act) => (++calls === 1 ? real.send(ref, act) : new Promise(() => {})),
    update: (ref, id, act) => real.update(ref, id, act),
  } satisfies Outbound;
  void sendReminders(h.deps, 2025, [7, 1]);
  for (let i = 0; i < 50 && calls < 2; i++) await new Promise((r) => setTimeout(r, 20));
  expect(calls).toBe(2);
  expect(personalSends(ANNA)).toBe(1);

  const dataDir = h.dataDir;
  await h.cleanup(true);
  h = await openBotHarness(6, '2024-01-08T07:00:00.000Z', dataDir);
  await runScheduledJobs(h.deps, [7, 1]);
  expect(personalSends(ANNA)).toBe(0); // already delivered before the crash
  expect(personalSends(BERT)).toBe(1); // never delivered: sent now
});

test('two "erinnern" at once remind every Gemeinde once', async () => {
  await install(ANNA);
  await listsSent();
  const [a, b] = await Promise.all([sendReminders(h.deps, 2025, [7, 1], true), sendReminders(h.deps, 2025, [7, 1], true)]);
  expect(personalSends(ANNA)).toBe(1);
  expect(a.sent + b.sent).toBe(1);
  // the scheduled run at the same time neither (Anna's d7 reminder is not yet due on 10.01.)
  h.clock.set('2024-01-08T07:00:00.000Z');
  await Promise.all([runScheduledJobs(h.deps, [7, 1]), sendReminders(h.deps, 2025, [7, 1], true), runScheduledJobs(h.deps, [7, 1])]);
  expect(personalSends(ANNA)).toBe(3); // d7 once, manual of 08.01. once
});

test('a failing send: nothing recorded, tried again on the next run; the log names no person', async () => {
  await install(ANNA);
  await listsSent();
  h.clock.set('2024-01-08T07:00:00.000Z');
  const real = h.deps.outbound;
  h.deps.outbound = {
    send: async () => {
      throw new Error(`403 for ${ANNA.name}`);
    },
    update: real.update.bind(real),
  };
  const run = await sendReminders(h.deps, 2025, [7, 1]);
  expect(run.sent).toBe(0);
  expect(h.logger.lines.join('\n')).not.toContain(ANNA.name);
  h.deps.outbound = real;
  await sendReminders(h.deps, 2025, [7, 1]);
  expect(personalSends(ANNA)).toBe(1);
});

test('stop() waits for a run in progress: what it delivered is recorded before the process ends', async () => {
  await install(ANNA);
  await install(BERT);
  await listsSent();
  const dataDir = h.dataDir;
  await h.cleanup(true);

  const sent: string[] = [];
  const slow: Outbound = {
    send: async (ref) => {
      await new Promise((r) => setTimeout(r, 150));
      sent.push(ref.conversation!.id);
      return 'x';
    },
    update: async () => {},
  };
  const config = loadConfig({ INTM_LOCAL: '1', PORT: '0', INTM_DATA_DIR: dataDir, INTM_COORDINATORS: KORA.aadObjectId, INTM_TENANTS: TENANT, INTM_SCHEDULER: 'off' });
  const bot = await startBot(config, { clock: fixedClock('2024-01-08T07:00:00.000Z'), logger: memoryLogger(), outbound: () => slow });
  void runScheduledJobs(bot.deps, [7, 1]); // as the cron would
  await new Promise((r) => setTimeout(r, 200));
  await bot.stop(); // SIGTERM; main.ts calls process.exit(0) right after this
  expect(sent.filter((id) => id.startsWith('a:personal-'))).toHaveLength(2);
  const repo = await LowdbRepository.open(dataDir);
  const log = await repo.readDocument<{ sent: Record<string, string> }>('reminders');
  await repo.close();
  expect(Object.keys(log?.sent ?? {}).sort()).toEqual(['2025:review:08125001:2024-01-15:d7', '2025:review:08125013:2024-01-15:d7']);
});

test('the digest counts only lists that were sent as overdue, and names no person', async () => {
  await h.say(KORA, 'kanal registrieren koordination', { kind: 'channel' });
  const kora = { actor: { id: KORA.aadObjectId, name: KORA.name, role: 'koordination' as const } };
  const anna = { actor: { id: ANNA.aadObjectId, name: ANNA.name, role: 'gemeinde' as const, ags: ABSTATT } };
  // Only Abstatt and Brackenheim got their lists; Abstatt works on it and submits.
  await h.deps.app.review.markSent(2025, ABSTATT, kora);
  await h.deps.app.review.markSent(2025, BRACKENHEIM, kora);
  await runScheduledJobs(h.deps, [7, 1]);
  await h.deps.app.review.strike(2025, ABSTATT, { personId: `${ABSTATT}-1`, reason: 'weggezogen' }, anna);
  await h.deps.app.review.submit(2025, ABSTATT, anna);
  h.clock.set('2024-01-16T07:00:00.000Z');
  await runScheduledJobs(h.deps, [7, 1]);
  const digests = h.outbound.sent.filter((s) => s.reference.conversation?.id?.startsWith('19:'));
  expect(digests).toHaveLength(2);
  const text = cardText(digests[1].activity.attachments![0].content);
  expect(text).toContain('Überfällig (1)');
  expect(text).toContain('Neu überfällig: ');
  const newly = text.split('\n').slice(text.split('\n').indexOf('Neu überfällig: ') + 1)[0];
  expect(newly).toBe('Brackenheim');
  expect(text).not.toMatch(/Überfällig \(4\d\)/);
  const json = JSON.stringify(digests.map((d) => d.activity));
  for (const bad of ['Nachname', 'Vorname', `${ABSTATT}-1`, ANNA.name, ANNA.aadObjectId]) expect(json).not.toContain(bad);
});

test('"erinnern" says how many were reached, which failed, who has not installed the bot and who has no staff', async () => {
  await install(ANNA);
  await install(BERT);
  await install(NOBODY);
  const kora = { id: KORA.aadObjectId, name: KORA.name, role: 'koordination' as const };
  await h.deps.app.roster.assign({ aadObjectId: NOBODY.aadObjectId, name: NOBODY.name, role: 'gemeinde', ags: EPPINGEN, tenantId: TENANT }, kora);
  await h.deps.app.roster.assign({ aadObjectId: '00000009-0000-4000-8000-000000000000', name: 'Ida Ilsfeld', role: 'gemeinde', ags: ILSFELD, tenantId: TENANT }, kora);
  await listsSent();
  const real = h.deps.outbound;
  h.deps.outbound = {
    send: async (ref, act) => {
      if (ref.conversation?.id === `a:personal-${BERT.aadObjectId}`) throw new Error('403');
      return real.send(ref, act);
    },
    update: real.update.bind(real),
  };
  const [reply] = await h.say(KORA, 'erinnern');
  expect(reply.text).toContain('Erinnerungen verschickt: 2 Gemeinde(n) erreicht.'); // Abstatt, Eppingen
  expect(reply.text).toContain('Versand fehlgeschlagen (beim nächsten Mal erneut versucht): Brackenheim.');
  expect(reply.text).toContain('Nicht erreichbar, Bot nicht installiert: Ilsfeld.');
  expect(reply.text).toContain('Keine Mitarbeitenden zugeordnet (42): ');
  expect(reply.text).not.toMatch(/nicht installiert\)?:[^.]*Bad Friedrichshall/);
  // Brackenheim's failed reminder is tried again; the others are not sent twice on the same day.
  h.deps.outbound = real;
  const [again] = await h.say(KORA, 'erinnern');
  expect(again.text).toContain('Erinnerungen verschickt: 1 Gemeinde(n) erreicht.');
  expect(again.text).toContain('Ilsfeld');
  const [none] = await h.say(KORA, 'erinnern', { locale: 'en-US' });
  expect(none.text).toContain('Not reachable, bot not installed: Ilsfeld.');
  expect(personalSends(BERT)).toBe(1);
});

test('a reminder reaches each member of staff in the language of their own chat', async () => {
  await h.send({ ...messageActivity(ANNA, ''), locale: 'en-US', type: 'installationUpdate', action: 'add', text: undefined } as never);
  await h.send({ ...messageActivity(BERT, ''), type: 'installationUpdate', action: 'add', text: undefined } as never);
  await listsSent();
  h.clock.set('2024-01-08T07:00:00.000Z'); // 7 days before the deadline
  const before = h.outbound.sent.length;
  await sendReminders(h.deps, 2025, [7, 1]);
  const to = (u: typeof ANNA) => h.outbound.sent.slice(before).find((s) => s.reference.conversation?.id === `a:personal-${u.aadObjectId}`)!;
  expect(cardText(to(ANNA).activity.attachments![0].content)).toContain('Reminder: check the list of persons');
  expect(cardText(to(BERT).activity.attachments![0].content)).toContain('Erinnerung: Personenliste prüfen');
});

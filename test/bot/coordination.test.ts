/**
 * The coordinator's year from Teams: create the campaign, import the export sent as a file,
 * compute and publish, export links, the digest and reminders (with a fake clock, across restarts).
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import { VERBS } from '../../src/cards/actions';
import { LinkRefused, renderDownload, sweepDownloadLeftovers } from '../../src/bot/downloads';
import { runScheduledJobs, sendReminders } from '../../src/bot/jobs';
import { nextRun } from '../../src/bot/scheduler';
import { syntheticExport, writeSyntheticXlsx } from '../../src/demo/syntheticExport';
import { translate } from '../../src/i18n/messages';
import { verzeichnis } from '../fixtures';
import { tempDir } from '../harness';
import { ABSTATT, ANNA, BERT, BRACKENHEIM, BotHarness, KORA, actionsOf, attachedCard, cardText, messageActivity, openBotHarness } from './botHarness';
import { serveFile } from './fileServer';

let h: BotHarness;
beforeEach(async () => {
  h = await openBotHarness();
});
afterEach(() => h.cleanup());

const de = (code: Parameters<typeof translate>[0], params = {}) => translate(code, params, 'de');

async function install(u: typeof ANNA) {
  await h.send({ ...messageActivity(u, ''), type: 'installationUpdate', action: 'add', text: undefined } as never);
}

test('"kampagne anlegen": the form, or the values right in the command; staff may not', async () => {
  expect((await h.say(ANNA, 'kampagne anlegen'))[0].text).toBe(de('bot.koordinationCommand'));
  const [form] = await h.say(KORA, 'kampagne anlegen');
  expect(actionsOf(attachedCard(form)).map((a) => a.verb)).toContain(VERBS.campaignCreate);
  const bad = await h.invoke(KORA, VERBS.campaignCreate, { year: 2026, landesmittel: '40.000.000' });
  expect(cardText(bad.body.value)).toContain(de('campaign.amountEitherOr'));
  const [done] = await h.say(KORA, 'Kampagne anlegen 2026 Landesmittel 58.000.000 Quote 3,77');
  expect(cardText(attachedCard(done))).toContain('2.186.600\u00a0€');
  expect((await h.deps.app.campaigns.show(2026)).campaign.kreisAmount).toBe('2186600.00');
});

test('import from Teams: the file is downloaded, validated and stored; a bad file is reported row by row', async () => {
  await h.say(KORA, 'kampagne anlegen 2026 kreisbetrag 1.508.000');
  const exp = syntheticExport({ seed: 5, gemeinden: verzeichnis.all, period: { start: '2021-01-01', end: '2023-12-31' }, persons: 500 });
  const file = `${tempDir('intm-upload-')}/export.xlsx`;
  await writeSyntheticXlsx(exp, file);
  const server = await serveFile(await fs.readFile(file));
  try {
    const attachment = { contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'Export 2026.xlsx', content: { downloadUrl: server.url, fileType: 'xlsx' } };
    // A turn longer than a second starts with teams-ai's "typing" (its timer runs whatever the option says).
    const reply = (await h.send({ ...messageActivity(KORA, ''), attachments: [attachment] })).find((r) => r.type === 'message');
    const report = attachedCard(reply);
    expect(cardText(report)).toContain(String(exp.expected.inside));
    expect((await h.deps.app.campaigns.show(2026)).imported?.persons).toBe(exp.expected.inside);
    // Staff cannot import: the file is not even downloaded.
    const [staff] = await h.send({ ...messageActivity(ANNA, ''), attachments: [attachment] });
    expect(staff.text).toBe(de('auth.koordinationOnly'));
    // In a channel the file is refused: it holds personal data.
    const [channel] = await h.send({ ...messageActivity(KORA, '', { kind: 'channel' }), attachments: [attachment] });
    expect(channel.text).toBe(de('bot.personalOnly'));
  } finally {
    await server.close();
  }
  const bad = await serveFile(Buffer.from('AGS;Gemeinde;Personen-ID;Nachname;Vorname;Geburtsdatum;Zuweisungsdatum;Zugangsart\n08125001;Abstatt;A1;X;Y;31.02.1990;01.01.2022;Zuweisung\n'));
  try {
    const reply = (await h.send({ ...messageActivity(KORA, 'ersetzen'), attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'neu.csv', content: { downloadUrl: bad.url } }] })).find((r) => r.type === 'message');
    // Grouped by kind, with the row numbers to correct.
    expect(cardText(attachedCard(reply))).toContain('1\u00a0Zeile mit einem Datum, das es nicht gibt\nZeile 2');
    expect((await h.deps.app.campaigns.show(2026)).imported?.fileName).toBe('Export 2026.xlsx');
  } finally {
    await bad.close();
  }
});

test('berechnen and veröffentlichen: overview to the channel, the status card with decisions, decision cards to staff', async () => {
  await install(ANNA);
  await h.say(KORA, 'kanal registrieren gemeinden', { kind: 'channel' });
  await h.say(KORA, 'listen versenden');
  const sentBefore = h.outbound.sent.length;
  const [calc] = await h.say(KORA, 'berechnen');
  const card = attachedCard(calc);
  const publish = actionsOf(card).find((a) => a.verb === VERBS.publish)!;
  expect(publish.data).toMatchObject({ year: 2025, force: true }); // lists are still open: provisional
  expect((await h.invoke(ANNA, VERBS.publish, publish.data)).body.statusCode).toBe(403);
  const published = await h.invoke(KORA, VERBS.publish, publish.data);
  expect(cardText(published.body.value)).toContain('veröffentlicht');
  await h.deps.summaries.idle();
  const posted = h.outbound.sent.slice(sentBefore);
  const channelPost = posted.find((p) => p.reference.conversation?.id === '19:gemeinden@thread.tacv2');
  expect(cardText(channelPost!.activity.attachments![0].content)).toContain('Brackenheim');
  const toAnna = posted.find((p) => p.reference.conversation?.id === `a:personal-${ANNA.aadObjectId}`);
  expect(actionsOf(toAnna!.activity.attachments![0].content).some((a) => a.verb === VERBS.decisionReview)).toBe(true);
  const status = h.outbound.updated.at(-1)!.activity.attachments![0].content;
  expect(actionsOf(status).some((a) => a.verb === VERBS.decisionMine)).toBe(true);
  expect((await h.deps.app.campaigns.show(2025)).published).toBeDefined();
  // The allocation card shows the current figures; once they differ from the published ones it says so.
  const [same] = await h.say(KORA, 'berechnen');
  expect(cardText(attachedCard(same))).not.toContain('Geändert seit der Veröffentlichung');
  const kora = { id: KORA.aadObjectId, name: KORA.name, role: 'koordination' as const };
  await h.deps.app.campaigns.update(2025, { kreisAmount: '1600000' }, { actor: kora });
  const [changed] = await h.say(KORA, 'berechnen');
  expect(cardText(attachedCard(changed))).toMatch(/Geändert seit der Veröffentlichung am \d\d\.\d\d\.\d{4}: 46 Gemeinden · Parameter\. Diese Zahlen sind noch nicht veröffentlicht/);
});

test('after the lists are discarded for a new period, card updates skip the missing lists instead of failing', async () => {
  await h.say(KORA, 'kanal registrieren gemeinden', { kind: 'channel' });
  await h.say(KORA, 'listen versenden');
  await h.deps.summaries.idle();
  const kora = { id: KORA.aadObjectId, name: KORA.name, role: 'koordination' as const };
  await h.deps.app.campaigns.update(2025, { periodStart: '2021-01-01' }, { actor: kora, replace: true });
  const updatedBefore = h.outbound.updated.length;
  h.deps.summaries.refresh(2025);
  await h.deps.summaries.idle();
  expect(h.outbound.updated.length).toBe(updatedBefore);
  expect(h.logger.lines.filter((l) => l.includes('"error"'))).toEqual([]);
});

test('zuordnungen: every staff member with their Gemeinde, for coordinators in the personal chat only', async () => {
  expect((await h.say(KORA, 'zuordnungen', { kind: 'channel' }))[0].text).toBe(de('bot.personalOnly'));
  expect((await h.say(ANNA, 'zuordnungen'))[0].text).toBe(de('bot.koordinationCommand'));
  const [reply] = await h.say(KORA, 'zuordnungen');
  expect(reply.text).toContain(`- ${ANNA.name}: Abstatt`);
  expect(reply.text).toContain(`- ${BERT.name}: Brackenheim`);
});

test('export: signed links for coordinators in the personal chat; altered or expired links are refused', async () => {
  expect((await h.say(KORA, 'export', { kind: 'channel' }))[0].text).toBe(de('bot.personalOnly'));
  expect((await h.say(BERT, 'export'))[0].text).toBe(de('bot.koordinationCommand'));
  const [reply] = await h.say(KORA, 'export liste Abstatt');
  const card = attachedCard(reply);
  const urls = JSON.stringify(card).match(/https:\/\/intm\.example\.invalid\/downloads\/[\w~-]+/g)!;
  expect(urls).toHaveLength(2);
  const token = (url: string) => url.split('/downloads/')[1];
  const list = h.deps.links!.verify(token(urls[1]));
  expect(list).toEqual({ kind: 'list', year: 2025, ags: ABSTATT });
  const rendered = await renderDownload(h.deps.app, list);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(rendered.file);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Liste', 'Änderungen']);
  await rendered.cleanup();

  const [payload, signature] = token(urls[1]).split('~');
  const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), ags: '08125013' })).toString('base64url');
  expect(() => h.deps.links!.verify(`${forged}~${signature}`)).toThrow(LinkRefused);
  expect(() => h.deps.links!.verify(`${payload}~${signature.slice(0, -2)}xx`)).toThrow(LinkRefused);
  h.clock.set('2024-01-11T09:00:01.000Z');
  expect(() => h.deps.links!.verify(token(urls[0]))).toThrow(expect.objectContaining({ reason: 'expired' }));
});

test('download folders a crashed process left behind are removed at the next start; fresh ones stay', async () => {
  const tmp = tempDir('intm-tmp-');
  const { mkdirSync, writeFileSync, utimesSync, existsSync } = await import('node:fs');
  const old = `${tmp}/intm-download-old`;
  const fresh = `${tmp}/intm-download-fresh`;
  for (const dir of [old, fresh]) {
    mkdirSync(dir);
    writeFileSync(`${dir}/IntM-Liste-2025-08125001-Abstatt.xlsx`, 'persons');
  }
  const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
  utimesSync(old, twoHoursAgo, twoHoursAgo);
  mkdirSync(`${tmp}/other-program`);
  utimesSync(`${tmp}/other-program`, twoHoursAgo, twoHoursAgo);
  expect(await sweepDownloadLeftovers(tmp)).toBe(1);
  expect([existsSync(old), existsSync(fresh), existsSync(`${tmp}/other-program`)]).toEqual([false, true, true]);
});

test('digest: in the coordinators\' channel, with the changes since the previous one', async () => {
  const [noChannel] = await h.say(KORA, 'digest');
  expect(attachedCard(noChannel)).toBeDefined(); // without a channel it comes right here
  await h.say(KORA, 'kanal registrieren koordination', { kind: 'channel' });
  expect((await h.say(KORA, 'digest'))[0].text).toBe(de('bot.digestSent'));
  await h.deps.app.review.submit(2025, ABSTATT, { actor: { id: ANNA.aadObjectId, name: ANNA.name, role: 'gemeinde', ags: ABSTATT } });
  await h.say(KORA, 'digest');
  const digests = h.outbound.sent.filter((s) => s.reference.conversation?.id?.startsWith('19:gemeinden'));
  expect(digests).toHaveLength(2);
  expect(cardText(digests[1].activity.attachments![0].content)).toContain('Abstatt');
});

test('reminders: 7 and 1 days before, and once overdue – never twice, also after a restart', async () => {
  await install(ANNA);
  await h.say(KORA, 'kanal registrieren gemeinden', { kind: 'channel' });
  await h.say(KORA, 'listen versenden');
  // Reminders only, not the notice that the list is there.
  const toAnna = () => h.outbound.sent.filter((s) => s.reference.conversation?.id === `a:personal-${ANNA.aadObjectId}` && !cardText(s.activity.attachments?.[0]?.content).includes('ist da')).length;

  h.clock.set('2024-01-05T07:00:00.000Z'); // 10 days before the deadline of 15.01.2024: nothing yet
  await runScheduledJobs(h.deps, [7, 1]);
  expect(toAnna()).toBe(0);
  h.clock.set('2024-01-08T07:00:00.000Z'); // 7 days before
  await runScheduledJobs(h.deps, [7, 1]);
  expect(toAnna()).toBe(1);
  await runScheduledJobs(h.deps, [7, 1]);
  expect(toAnna()).toBe(1);

  // A restart: a new bot on the same data directory remembers what was sent.
  const dataDir = h.dataDir;
  await h.cleanup(true);
  h = await openBotHarness(6, '2024-01-09T07:00:00.000Z', dataDir);
  await runScheduledJobs(h.deps, [7, 1]);
  expect(h.outbound.sent).toHaveLength(0);
  h.clock.set('2024-01-14T07:00:00.000Z');
  await runScheduledJobs(h.deps, [7, 1]);
  h.clock.set('2024-01-16T07:00:00.000Z');
  await runScheduledJobs(h.deps, [7, 1]);
  await runScheduledJobs(h.deps, [7, 1]);
  const cards = h.outbound.sent.filter((s) => s.reference.conversation?.id === `a:personal-${ANNA.aadObjectId}`).map((s) => cardText(s.activity.attachments![0].content));
  expect(cards).toHaveLength(2);
  expect(cards[1]).toMatch(/Frist abgelaufen/);
  expect(cards[1]).toContain('Koordinierungsstelle');
  // Bert never installed the bot: he cannot be reminded personally; the run says so.
  const run = await sendReminders(h.deps, 2025, [7, 1], true);
  expect(run.notInstalled).toEqual(['Brackenheim']);
  expect(run.noStaff).toHaveLength(44);
  expect((await h.say(KORA, 'erinnern'))[0].text).toContain('Brackenheim');
});

test('English aliases and "veröffentlichen" lead to the same places', async () => {
  const [help] = await h.say(KORA, 'help', { locale: 'en-US' });
  expect(cardText(attachedCard(help))).toContain('send lists');
  const [publish] = await h.say(KORA, 'veröffentlichen');
  expect(actionsOf(attachedCard(publish)).some((a) => a.verb === VERBS.publish)).toBe(true);
  const [calc] = await h.say(KORA, 'calculate', { locale: 'en-GB' });
  expect(actionsOf(attachedCard(calc)).some((a) => a.verb === VERBS.publish)).toBe(true);
  const [decision] = await h.say(ANNA, 'decision', { locale: 'en-US' });
  expect(actionsOf(attachedCard(decision)).some((a) => a.verb === VERBS.decisionReview)).toBe(true);
  const [usage] = await h.say(KORA, 'wiedereröffnen');
  expect(usage.text).toBe(de('bot.reopenUsage'));
});

test('the schedule: workdays at 08:00 in Berlin, whatever the server\'s zone', () => {
  // Friday 12.01.2024 13:00 UTC → next run Monday 15.01.2024 08:00 CET = 07:00 UTC.
  expect(nextRun({ cron: '0 8 * * 1-5', timezone: 'Europe/Berlin' }, new Date('2024-01-12T13:00:00Z'))?.toISOString()).toBe('2024-01-15T07:00:00.000Z');
  // In summer (CEST) 08:00 is 06:00 UTC.
  expect(nextRun({ cron: '0 8 * * 1-5', timezone: 'Europe/Berlin' }, new Date('2024-07-01T09:00:00Z'))?.toISOString()).toBe('2024-07-02T06:00:00.000Z');
});

test('a retried "wiedereröffnen" click answers "wieder geöffnet" again, not "Keine Änderung"', async () => {
  await h.deps.app.review.submit(2025, ABSTATT, { actor: { id: ANNA.aadObjectId, name: ANNA.name, role: 'gemeinde', ags: ABSTATT } });
  const data = { year: 2025, ags: ABSTATT, op: 'reopen-once' };
  const first = await h.invoke(KORA, VERBS.reopen, data);
  const retry = await h.invoke(KORA, VERBS.reopen, data);
  expect(cardText(first.body.value)).toContain(de('card.reopened'));
  expect(cardText(retry.body.value)).toContain(de('card.reopened'));
  expect(cardText(retry.body.value)).not.toContain(de('card.noChange'));
  expect((await h.deps.app.ctx.repo.readListHistory(2025, ABSTATT)).filter((e) => e.action === 'list.reopen')).toHaveLength(1);
});

test('a decision or confirmation updates the channel card only when a decision it shows changed, and not before publication', async () => {
  await h.say(KORA, 'kanal registrieren gemeinden', { kind: 'channel' });
  await h.say(KORA, 'listen versenden');
  const updatedBy = async (act: () => Promise<unknown>) => {
    const before = h.outbound.updated.length;
    await act();
    await h.deps.summaries.idle();
    return h.outbound.updated.slice(before).map((u) => u.activity.attachments![0].content);
  };
  /** The decision a card shows for a Gemeinde: the last cell of its row. */
  const decisionOf = (card: unknown, name: string) => cardText(card).match(new RegExp(`${name}\\n\\d+\\n[^\\n]+\\n([^\\n]+)`))![1];
  const decide = (u: typeof ANNA, ags: string, inputs: Record<string, string>) => h.invoke(u, VERBS.decisionSet, { year: 2025, ags, ...inputs });
  // Before publication the card shows no decision: nothing to update.
  expect(await updatedBy(() => decide(ANNA, ABSTATT, { choice: 'eigenstaendig', vzae: '0,5', op: 'd1' }))).toEqual([]);
  const kora = { id: KORA.aadObjectId, name: KORA.name, role: 'koordination' as const };
  await h.deps.app.campaigns.publish(2025, { actor: kora, force: true });
  h.deps.summaries.refresh(2025);
  await h.deps.summaries.idle();

  // A Verbund proposed: Abstatt's line changes (not yet valid); Brackenheim has decided nothing yet.
  const [proposed] = await updatedBy(() => decide(ANNA, ABSTATT, { choice: 'verbund', vzae: '0,5', partners: BRACKENHEIM, op: 'd2' }));
  expect(decisionOf(proposed, 'Abstatt')).toBe('Verbund – noch nicht gültig');
  expect(decisionOf(proposed, 'Brackenheim')).toBe('offen');
  // Brackenheim confirms: both lines show the Verbund, now valid – one update.
  const [reply] = await h.say(BERT, 'entscheidung');
  const confirm = actionsOf(attachedCard(reply)).find((a) => a.verb === VERBS.verbundConfirm)!;
  const confirmed = await updatedBy(() => h.invoke(BERT, confirm.verb, confirm.data));
  expect(confirmed).toHaveLength(1);
  expect([decisionOf(confirmed[0], 'Abstatt'), decisionOf(confirmed[0], 'Brackenheim')]).toEqual(['Verbund', 'Verbund']);
  // Abstatt leaves the Verbund for the Landkreis: Brackenheim's confirmation goes with it.
  const [left] = await updatedBy(() => decide(ANNA, ABSTATT, { choice: 'landkreis', op: 'd3' }));
  expect([decisionOf(left, 'Abstatt'), decisionOf(left, 'Brackenheim')]).toEqual(['Landkreis', 'offen']);
  // A decision that changes nothing the card shows updates nothing.
  expect(await updatedBy(() => decide(ANNA, ABSTATT, { choice: 'landkreis', op: 'd4' }))).toEqual([]);
});

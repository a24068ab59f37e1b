/**
 * The Verwendungsnachweis round in Teams for the Koordinierungsstelle and in questions: the status card
 * and the digest show the round once opened; „Was fehlt noch im Verwendungsnachweis?“ and „Müssen wir
 * etwas zurückzahlen?“ answer a Gemeinde about its own Nachweis and the coordinator about the round;
 * nothing of a Nachweis goes to the Gemeinden' channel or where others read along.
 */
import type { Activity } from 'botbuilder';
import { sendReminders } from '../../src/bot/jobs';
import { VERBS } from '../../src/cards/actions';
import { translate } from '../../src/i18n/messages';
import { COMPLETE_NACHWEIS as complete, EPPINGEN, staff } from '../fixtures';
import { ABSTATT, ANNA, BERT, BotHarness, KORA, actionsOf, attachedCard, cardText, messageActivity, openBotHarness } from './botHarness';

let h: BotHarness;
beforeEach(async () => {
  h = await openBotHarness(3);
});
afterEach(() => h.cleanup());

const YEAR = 2025;
const anna = { id: ANNA.aadObjectId, name: ANNA.name, role: 'gemeinde' as const, ags: ABSTATT };
const KOORDINATION_CHANNEL = { id: '19:koordination@thread.tacv2;messageid=1', conversationType: 'channel', isGroup: true, tenantId: 'f0000000-0000-4000-8000-00000000000f' };

/** Abstatt and Eppingen in their own responsibility, every other Gemeinde served by the Landkreis; the round opened on 15.01.2026. */
async function openRound() {
  const app = h.deps.app;
  await app.decisions.decide(YEAR, { ags: ABSTATT, choice: 'eigenstaendig', vzae: '0.5', eigenmittel: '1000' }, { actor: anna });
  await app.decisions.decide(YEAR, { ags: EPPINGEN, choice: 'eigenstaendig', vzae: '0.5', eigenmittel: '1000' }, { actor: staff(EPPINGEN) });
  h.clock.set('2026-01-15T09:00:00.000Z');
  await app.verwendungsnachweis.open(YEAR, { deadline: '2026-03-31' }, { actor: { id: KORA.aadObjectId, name: KORA.name, role: 'koordination' } });
}

const ask = async (u: typeof ANNA, text: string, opts: Parameters<BotHarness['say']>[2] = {}) => (await h.say(u, text, opts))[0].text ?? '';
const koora = { id: KORA.aadObjectId, name: KORA.name, role: 'koordination' as const };

test('before the round: nothing on the status card, the questions say it is not open yet', async () => {
  expect(cardText(attachedCard((await h.say(KORA, 'status'))[0]))).not.toContain('Verwendungsnachweis');
  expect(await ask(ANNA, 'Müssen wir etwas zurückzahlen?')).toBe(translate('q.vn.notOpened', {}, 'de'));
  expect(await ask(ANNA, 'Do we have to pay anything back?', { locale: 'en-US' })).toBe(translate('q.vn.notOpened', {}, 'en'));
  expect(await ask(KORA, 'Was fehlt noch im Verwendungsnachweis 2025?')).toContain('Die Runde der Verwendungsnachweise 2025 ist noch nicht eröffnet');
});

test("a Gemeinde's questions about its own Nachweis, through each state", async () => {
  await openRound();
  const missing = await ask(ANNA, 'Was fehlt noch im Verwendungsnachweis?');
  expect(missing).toContain('Verwendungsnachweis 2025 von Abstatt: offen. Frist: 31.03.2026.');
  expect(missing).toContain('Noch zu erledigen:\n– Personalausgaben: noch nicht angegeben.');
  expect(missing).toContain('Sachbericht: Bitte beschreiben Sie die geleistete Arbeit');
  expect(await ask(ANNA, 'Müssen wir etwas zurückzahlen?')).toContain('Noch nicht absehbar: Im Verwendungsnachweis 2025 von Abstatt sind die Ausgaben noch nicht vollständig angegeben (Zuwendung 32.783\u00a0€).');

  await h.deps.app.verwendungsnachweis.save(YEAR, ABSTATT, complete, { actor: anna });
  expect(await ask(ANNA, 'Ist unser Verwendungsnachweis vollständig?')).toBe(
    [
      'Verwendungsnachweis 2025 von Abstatt: in Bearbeitung. Frist: 31.03.2026.',
      translate('q.vn.complete', {}, 'de'),
      'Hinweis: Die Ausgaben (31.500,50\u00a0€) liegen unter der Zuwendung (32.783\u00a0€): voraussichtlich werden 1.282,50\u00a0€ zurückgefordert.',
    ].join('\n'),
  );
  expect(await ask(ANNA, 'Müssen wir etwas zurückzahlen?')).toBe(
    [
      'Voraussichtlich ja: Im Verwendungsnachweis 2025 von Abstatt liegen die Ausgaben (31.500,50\u00a0€) unter der Zuwendung (32.783\u00a0€); voraussichtlich werden 1.282,50\u00a0€ zurückgefordert.',
      translate('q.vn.provisional', {}, 'de'),
    ].join('\n'),
  );
  expect(await ask(ANNA, 'Do we have to pay anything back?', { locale: 'en-US' })).toContain('Likely yes: in the 2025 proof of Abstatt the expenditure (€31,500.50) is below the allocation (€32,783); €1,282.50 will likely be reclaimed.');

  await h.deps.app.verwendungsnachweis.submit(YEAR, ABSTATT, { actor: anna });
  expect(await ask(ANNA, 'Was fehlt noch im Verwendungsnachweis?')).toContain('Eingereicht am 15.01.2026; es fehlt nichts, die Koordinierungsstelle prüft ihn.');
  await h.deps.app.verwendungsnachweis.returnWithQuestion(YEAR, ABSTATT, 'Bitte die sonstigen Ausgaben erläutern.', { actor: koora });
  const returned = await ask(ANNA, 'Was fehlt noch im Verwendungsnachweis?');
  expect(returned).toContain('Verwendungsnachweis 2025 von Abstatt: zurückgegeben (Rückfrage).');
  expect(returned).toContain('Rückfrage der Koordinierungsstelle: „Bitte die sonstigen Ausgaben erläutern.“');
  await h.deps.app.verwendungsnachweis.save(YEAR, ABSTATT, { other: '2783' }, { actor: anna });
  await h.deps.app.verwendungsnachweis.submit(YEAR, ABSTATT, { actor: anna });
  await h.deps.app.verwendungsnachweis.accept(YEAR, ABSTATT, { actor: koora });
  expect(await ask(ANNA, 'Was fehlt noch im Verwendungsnachweis?')).toContain('Angenommen am 15.01.2026; es fehlt nichts.');
  expect(await ask(ANNA, 'Müssen wir etwas zurückzahlen?')).toBe('Voraussichtlich nicht: Im Verwendungsnachweis 2025 von Abstatt decken die Ausgaben (32.783\u00a0€) die Zuwendung (32.783\u00a0€).');

  // Brackenheim was served by the Landkreis: it files nothing and pays nothing back.
  expect(await ask(BERT, 'Müssen wir etwas zurückzahlen?')).toContain('Brackenheim wird im Berechnungsjahr 2025 vom Landkreis betreut');
  // A Gemeinde learns nothing of another's Nachweis.
  const other = await ask(BERT, 'Was fehlt noch im Verwendungsnachweis von Abstatt?');
  expect(other).toBe(translate('q.otherGemeinde', { name: 'Abstatt' }, 'de'));
});

test("the coordinator's status card, questions and digest; nothing of a Nachweis where Gemeinden read", async () => {
  await openRound();
  await h.deps.app.verwendungsnachweis.save(YEAR, ABSTATT, complete, { actor: anna });
  await h.deps.app.verwendungsnachweis.submit(YEAR, ABSTATT, { actor: anna });
  await h.deps.app.verwendungsnachweis.returnWithQuestion(YEAR, ABSTATT, 'Bitte die sonstigen Ausgaben erläutern.', { actor: koora });

  const status = cardText(attachedCard((await h.say(KORA, 'status'))[0]));
  expect(status).toContain('Verwendungsnachweise 2025 · Frist 31.03.2026');
  expect(status).toContain('Nachweise: 46, davon angenommen 0, eingereicht 0, zurückgegeben 1, in Bearbeitung 0, offen 45.');
  expect(status).toContain('Mit Rückfrage zurückgegeben (1): ');
  expect(status).toContain('Zahlen des Landkreises fehlen noch (44): ');
  expect(status).toContain('Voraussichtliche Rückforderung nach den bisher angegebenen Ausgaben: 1.282,50\u00a0€ (1 Nachweis).');

  const missing = await ask(KORA, 'Welche Gemeinden haben den Verwendungsnachweis noch nicht eingereicht?');
  expect(missing).toContain('Verwendungsnachweise 2025 (Frist 31.03.2026): Nachweise: 46');
  expect(missing).toContain('Noch nicht eingereicht (1): Eppingen');
  expect(missing).toContain('Mit Rückfrage zurückgegeben (1): Abstatt');
  expect(missing).toContain('Zahlen des Landkreises fehlen noch (44): ');
  const en = await ask(KORA, 'Which municipalities have not submitted their proof of use?', { locale: 'en-GB' });
  expect(en).toContain('Verwendungsnachweise 2025 (deadline 31 March 2026): Proofs: 46; accepted 0, submitted 0, returned with a question 1, in progress 0, open 45.');
  expect(en).toContain('Not submitted yet (1): Eppingen');
  const reclaim = await ask(KORA, 'Wie hoch ist die Rückforderung insgesamt?');
  expect(reclaim).toBe(
    [
      'Voraussichtliche Rückforderung 2025 nach den bisher angegebenen Ausgaben: 1.282,50\u00a0€ aus 1 Nachweis:',
      '– Abstatt: 1.282,50\u00a0€',
      'Ohne vollständige Angabe der Ausgaben bisher: 45 Nachweise.',
    ].join('\n'),
  );
  // The coordinator may ask about one Gemeinde.
  expect(await ask(KORA, 'Muss Abstatt etwas zurückzahlen?')).toContain('Voraussichtlich ja: Im Verwendungsnachweis 2025 von Abstatt');

  // The status card where Gemeinden read (typed, or refreshed by its button) leaves the round out.
  const statusInChannel = attachedCard((await h.say(KORA, 'status', { kind: 'channel' }))[0]);
  expect(cardText(statusInChannel)).not.toContain('Verwendungsnachweis');
  const refresh = actionsOf(statusInChannel).find((a) => a.verb === VERBS.dashboard)!;
  expect(cardText((await h.invoke(KORA, refresh.verb, refresh.data, { kind: 'channel' })).body.value)).not.toContain('Verwendungsnachweis');
  expect(cardText((await h.invoke(KORA, refresh.verb, refresh.data)).body.value)).toContain('Verwendungsnachweise 2025');

  // Without a coordinators' channel the digest comes where it is asked for: the round only in the personal chat.
  expect(cardText(attachedCard((await h.say(KORA, 'digest'))[0]))).toContain('Verwendungsnachweise 2025 · Frist 31.03.2026');
  const digestInChannel = cardText(attachedCard((await h.say(KORA, 'digest', { kind: 'channel' }))[0]));
  expect(digestInChannel).toContain('Statusbericht 2025');
  expect(digestInChannel).not.toContain('Verwendungsnachweis');

  // After the deadline Eppingen is overdue: the digest names it – in the coordinators' channel only.
  await h.say(KORA, 'kanal registrieren gemeinden', { kind: 'channel' });
  await h.send({ ...messageActivity(KORA, 'kanal registrieren koordination', { kind: 'channel' }), conversation: KOORDINATION_CHANNEL } as Partial<Activity>);
  const statusThere = await h.send({ ...messageActivity(KORA, 'status', { kind: 'channel' }), conversation: KOORDINATION_CHANNEL } as Partial<Activity>);
  expect(cardText(attachedCard(statusThere[0]))).toContain('Verwendungsnachweise 2025 · Frist 31.03.2026');
  h.clock.set('2026-04-01T06:00:00.000Z');
  expect((await h.say(KORA, 'digest'))[0].text).toBe(translate('bot.digestSent', {}, 'de'));
  // Posted to the channel itself (its id without the thread).
  const toKoordination = h.outbound.sent.filter((s) => s.reference.conversation?.id?.startsWith('19:koordination'));
  expect(toKoordination).toHaveLength(1);
  const digest = cardText(toKoordination[0].activity.attachments![0].content);
  expect(digest).toContain('Verwendungsnachweise 2025 · Frist 31.03.2026');
  expect(digest).toContain('Überfällig (2): \nAbstatt, Eppingen');
  expect(digest).toContain('Voraussichtliche Rückforderung nach den bisher angegebenen Ausgaben: 1.282,50\u00a0€ (1 Nachweis).');

  // Where others read along: no Gemeinde's Nachweis and no district figures.
  const inChannel = await ask(ANNA, 'Müssen wir etwas zurückzahlen?', { kind: 'channel' });
  expect(inChannel).toBe([translate('q.vn.deadline', { year: 2025, date: '31.03.2026' }, 'de'), translate('q.vn.sharedPersonal', {}, 'de')].join('\n'));
  expect(await ask(ANNA, 'Was fehlt noch im Verwendungsnachweis?', { kind: 'groupChat' })).not.toContain('Personalausgaben');
  expect(await ask(KORA, 'Wie hoch ist die Rückforderung insgesamt?', { kind: 'channel' })).toBe(translate('q.districtInPersonalChat', {}, 'de'));

  // Nothing of any Nachweis was posted to the Gemeinden' channel or replied there.
  const toGemeinden = [
    ...h.outbound.sent.filter((s) => s.reference.conversation?.id?.startsWith('19:gemeinden')).map((s) => JSON.stringify(s.activity)),
    ...h.replies.filter((r) => r.conversation?.id?.startsWith('19:') && !r.conversation.id.startsWith('19:koordination')).map((r) => JSON.stringify(r)),
  ].join('\n');
  for (const secret of ['1.282,50', '31.500,50', '30.000', 'Rückfrage der Koordinierungsstelle', 'sonstigen Ausgaben erläutern', 'Überfällig (2)', 'zurückgegeben (1)']) {
    expect(toGemeinden).not.toContain(secret);
  }
});

test('reminders before the deadline: in the personal chat of the Gemeinden whose Nachweis is not submitted, each once', async () => {
  await h.send({ ...messageActivity(ANNA, ''), type: 'installationUpdate', action: 'add', text: undefined } as never);
  await h.say(KORA, 'kanal registrieren gemeinden', { kind: 'channel' });
  await openRound();
  const toAnna = () => h.outbound.sent.filter((s) => s.reference.conversation?.id === `a:personal-${ANNA.aadObjectId}`);
  h.clock.set('2026-03-20T07:00:00.000Z'); // 11 days before: nothing yet
  expect((await sendReminders(h.deps, YEAR, [7, 1])).due).toBe(0);
  h.clock.set('2026-03-24T07:00:00.000Z'); // 7 days before
  const run = await sendReminders(h.deps, YEAR, [7, 1]);
  expect(run).toMatchObject({ due: 2, sent: 1, noStaff: ['Eppingen'] });
  expect(toAnna()).toHaveLength(1);
  const card = cardText(toAnna()[0].activity.attachments![0].content);
  expect(card).toContain('Erinnerung: Verwendungsnachweis');
  expect(card).toContain('Bitte reichen Sie den Verwendungsnachweis für das Berechnungsjahr 2025 bis zum 31.03.2026 ein; noch 7\u00a0Tage.');
  // Its button opens her Nachweis, as the bot's card (the button carries year and ags only).
  const open = actionsOf(toAnna()[0].activity.attachments![0].content).find((a) => a.verb === VERBS.vnOpen)!;
  expect(open).toMatchObject({ title: 'Verwendungsnachweis öffnen', data: { year: YEAR, ags: ABSTATT } });
  const opened = await h.invoke(ANNA, open.verb, open.data);
  expect(cardText(opened.body.value)).toContain('Entwurf speichern');
  expect((await sendReminders(h.deps, YEAR, [7, 1])).sent).toBe(0); // once
  // Submitted: no reminder the day before; nothing of it ever to a channel.
  await h.deps.app.verwendungsnachweis.save(YEAR, ABSTATT, complete, { actor: anna });
  await h.deps.app.verwendungsnachweis.submit(YEAR, ABSTATT, { actor: anna });
  h.clock.set('2026-03-30T07:00:00.000Z');
  await sendReminders(h.deps, YEAR, [7, 1]);
  expect(toAnna()).toHaveLength(1);
  expect(h.outbound.sent.filter((s) => s.reference.conversation?.id?.startsWith('19:') && JSON.stringify(s.activity).includes('Verwendungsnachweis'))).toEqual([]);
});

test('the digest names the Nachweise submitted since the previous one', async () => {
  await h.send({ ...messageActivity(KORA, 'kanal registrieren koordination', { kind: 'channel' }), conversation: KOORDINATION_CHANNEL } as Partial<Activity>);
  await openRound();
  await h.say(KORA, 'digest');
  await h.deps.app.verwendungsnachweis.save(YEAR, ABSTATT, complete, { actor: anna });
  await h.deps.app.verwendungsnachweis.submit(YEAR, ABSTATT, { actor: anna });
  h.clock.set('2026-01-16T06:00:00.000Z');
  await h.say(KORA, 'digest');
  const digests = h.outbound.sent.filter((s) => s.reference.conversation?.id?.startsWith('19:koordination')).map((s) => cardText(s.activity.attachments![0].content));
  expect(digests).toHaveLength(2);
  expect(digests[0]).not.toContain('Eingereicht seit dem letzten Bericht');
  expect(digests[1]).toContain('Eingereicht seit dem letzten Bericht (1): \nAbstatt');
  expect(digests[1]).toContain('Nachweise: 46, davon angenommen 0, eingereicht 1');
});

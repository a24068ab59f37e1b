/**
 * A Teams workday without friction (issue 13, "The channel" and "Publication"): the clerks told in their
 * personal chat, figures before publication kept with the Koordinierungsstelle, a publication that happens
 * once unless re-published on purpose with a reason, and answers that count what really happened.
 */
import { VERBS } from '../../src/cards/actions';
import { translate } from '../../src/i18n/messages';
import { ABSTATT, ANNA, BERT, BRACKENHEIM, BotHarness, KORA, actionsOf, attachedCard, cardText, messageActivity, openBotHarness } from './botHarness';

let h: BotHarness;
beforeEach(async () => {
  h = await openBotHarness();
});
afterEach(() => h.cleanup());

const de = (code: Parameters<typeof translate>[0], params = {}) => translate(code, params, 'de');
const CHANNEL = '19:gemeinden@thread.tacv2';
const personal = (u: typeof ANNA) => `a:personal-${u.aadObjectId}`;
const sentTo = (id: string) => h.outbound.sent.filter((s) => s.reference.conversation?.id === id);
const kora = { id: KORA.aadObjectId, name: KORA.name, role: 'koordination' as const };

async function install(u: typeof ANNA, locale = 'de-DE') {
  await h.send({ ...messageActivity(u, '', { locale }), type: 'installationUpdate', action: 'add', text: undefined } as never);
}

async function sendLists(): Promise<string> {
  await h.say(KORA, 'listen versenden');
  return sentTo(personal(KORA)).at(-1)!.activity.text!;
}

describe('"listen versenden": a notice to each rostered clerk in her personal chat', () => {
  test('the clerk the bot can reach is told once, with a button to her list; the others are counted', async () => {
    await install(ANNA);
    await h.say(KORA, 'kanal registrieren gemeinden', { kind: 'channel' });
    const report = await sendLists();
    expect(report).toBe(
      'Listen 2025 versendet: Statuskarte im Kanal der Gemeinden gepostet; 46 Listen neu versendet. Benachrichtigt im persönlichen Chat: 1 Person. ' +
        'Nicht erreichbar, Bot nicht installiert: Brackenheim. Keine Mitarbeitenden zugeordnet: 44 Gemeinden.',
    );
    const [notice] = sentTo(personal(ANNA));
    const card = notice.activity.attachments![0].content;
    expect(cardText(card)).toContain('Ihre Personenliste 2025 ist da');
    expect(cardText(card)).toContain('Abstatt');
    expect(cardText(card)).toContain('(6\u00a0Personen)');
    expect(cardText(card)).toContain('bis 15.01.2024 ein');
    expect(actionsOf(card)).toEqual([{ verb: VERBS.listOpen, title: 'Liste öffnen', data: { year: 2025, ags: ABSTATT } }]);
    // Opening it from the notice: her list.
    expect(cardText((await h.invoke(ANNA, VERBS.listOpen, { year: 2025, ags: ABSTATT })).body.value)).toContain('Nachname001x1');

    // Bert installs the bot meanwhile: sending again tells him – and not Anna a second time.
    await install(BERT, 'en-US');
    expect(await sendLists()).toBe(
      'Listen 2025 versendet: Statuskarte im Kanal der Gemeinden aktualisiert; 0 Listen neu versendet. Benachrichtigt im persönlichen Chat: 1 Person. Keine Mitarbeitenden zugeordnet: 44 Gemeinden.',
    );
    expect(sentTo(personal(ANNA))).toHaveLength(1);
    expect(cardText(sentTo(personal(BERT))[0].activity.attachments![0].content)).toContain('Your list of persons 2025 has arrived');
  });

  test('a notice that fails is named and sent again – only to her – by the next "listen versenden"', async () => {
    await install(ANNA);
    await install(BERT);
    await h.say(KORA, 'kanal registrieren gemeinden', { kind: 'channel' });
    const send = h.outbound.send.bind(h.outbound);
    h.outbound.send = async (reference, activity) => {
      if (reference.conversation?.id === personal(ANNA)) throw new Error('Teams: 403');
      return send(reference, activity);
    };
    const report = await sendLists();
    expect(report).toContain('Benachrichtigt im persönlichen Chat: 1 Person. Nachricht fehlgeschlagen: Abstatt (erneut „listen versenden“ schreibt nur diesen).');
    h.outbound.send = send;
    expect(await sendLists()).toContain('Benachrichtigt im persönlichen Chat: 1 Person. Keine');
    expect(sentTo(personal(ANNA))).toHaveLength(1);
    expect(sentTo(personal(BERT))).toHaveLength(1);
    // The log names no person.
    for (const line of h.logger.lines) for (const secret of [ANNA.name, ANNA.aadObjectId, BERT.aadObjectId]) expect(line).not.toContain(secret);
  });
});

test('a clerk of several Gemeinden chooses on the status card, and works on each of her lists; no other', async () => {
  await h.say(KORA, 'kanal registrieren gemeinden', { kind: 'channel' });
  await sendLists();
  expect((await h.say(KORA, `zuordnen ${ANNA.aadObjectId} Brackenheim zusätzlich`))[0].text).toContain('Brackenheim');
  const status = sentTo(CHANNEL)[0].activity.attachments![0].content;
  const mine = actionsOf(status).find((a) => a.verb === VERBS.listMine)!;
  const choice = await h.invoke(ANNA, mine.verb, mine.data, { kind: 'channel' });
  expect(cardText(choice.body.value)).toContain('Welche Gemeinde?');
  const buttons = actionsOf(choice.body.value);
  expect(buttons).toEqual([
    { verb: VERBS.listOpen, title: 'Abstatt', data: { year: 2025, ags: ABSTATT } },
    { verb: VERBS.listOpen, title: 'Brackenheim', data: { year: 2025, ags: BRACKENHEIM } },
  ]);
  const brackenheim = await h.invoke(ANNA, buttons[1].verb, buttons[1].data, { kind: 'channel' });
  expect(cardText(brackenheim.body.value)).toContain('Nachname013x1');
  const struck = await h.invoke(ANNA, VERBS.strike, { year: 2025, ags: BRACKENHEIM, personId: `${BRACKENHEIM}-1`, op: 'two-1', reason: 'weggezogen' });
  expect(cardText(struck.body.value)).toContain(de('card.struck'));
  // "liste" in her personal chat asks the same; "liste Brackenheim" opens it; another Gemeinde stays closed to her.
  expect(cardText(attachedCard((await h.say(ANNA, 'liste'))[0]))).toContain('Welche Gemeinde?');
  expect(cardText(attachedCard((await h.say(ANNA, 'liste Brackenheim'))[0]))).toContain('Nachname013x1');
  expect((await h.say(ANNA, 'liste Eppingen'))[0].text).toBe(de('auth.otherGemeinde'));
  expect((await h.invoke(ANNA, VERBS.listOpen, { year: 2025, ags: '08125026' })).body.statusCode).toBe(403);
  // Questions about either of hers are hers to ask; about another Gemeinde not.
  const asked = (await h.say(ANNA, 'Ist die Liste von Brackenheim schon eingereicht?'))[0].text!;
  expect(asked).toContain('Brackenheim');
  expect(asked).not.toBe(de('q.otherGemeinde', { name: 'Brackenheim' }));
  expect((await h.say(ANNA, 'Ist die Liste von Eppingen schon eingereicht?'))[0].text).toBe(de('q.otherGemeinde', { name: 'Eppingen' }));
  // Bert, of Brackenheim only, still opens his own list straight away.
  expect(cardText((await h.invoke(BERT, mine.verb, mine.data, { kind: 'channel' })).body.value)).toContain('Nachname013x1');
});

describe('figures before publication stay with the Koordinierungsstelle', () => {
  test.each([
    ['channel', 'berechnen'],
    ['channel', 'veröffentlichen'],
    ['groupChat', 'berechnen'],
    ['groupChat', 'Veröffentlichen'],
  ] as const)('"%s": %s points to the personal chat, with no figure', async (kind, command) => {
    const [reply] = await h.say(KORA, command, { kind });
    expect(reply.text).toBe(de('bot.allocationPersonalOnly'));
    expect(reply.attachments ?? []).toEqual([]);
    expect(JSON.stringify(reply)).not.toMatch(/€|1\.508\.000/);
  });

  test('in the personal chat "berechnen" shows the allocation with the publish button', async () => {
    const [reply] = await h.say(KORA, 'berechnen');
    expect(actionsOf(attachedCard(reply)).some((a) => a.verb === VERBS.publish)).toBe(true);
  });
});

describe('publication happens once; publishing again is a step of its own, with a reason', () => {
  async function publishProvisionally() {
    await install(ANNA);
    await h.say(KORA, 'kanal registrieren gemeinden', { kind: 'channel' });
    await sendLists();
    const [calc] = await h.say(KORA, 'berechnen');
    const publish = actionsOf(attachedCard(calc)).find((a) => a.verb === VERBS.publish)!;
    const answer = await h.invoke(KORA, VERBS.publish, publish.data);
    expect(cardText(answer.body.value)).toContain(de('bot.published', { provisional: 1 }));
    await h.deps.summaries.idle();
    return publish;
  }
  const publications = async () => (await h.deps.app.campaigns.show(2025)).events.filter((e) => e.action === 'campaign.publish');

  test('the report counts decision cards delivered, and names the Gemeinden nobody can be reached in – each once', async () => {
    await publishProvisionally();
    const report = attachedCard(sentTo(personal(KORA)).at(-1)!.activity);
    const text = cardText(report);
    expect(text).toContain('Verteilt: Übersicht im Kanal der Gemeinden; Entscheidungskarten zugestellt: 1 an 1 Gemeinde.');
    expect(text).toMatch(/Nicht erreichbar \(keine Mitarbeitenden mit dem Bot\): 45 Gemeinden: .*Brackenheim/);
    expect(text.match(/Brackenheim/g)).toHaveLength(1);
    expect(text).not.toContain('Abstatt');
    expect(actionsOf(report)).toEqual([]);
    expect(actionsOf(attachedCard(sentTo(personal(ANNA)).at(-1)!.activity)).some((a) => a.verb === VERBS.decisionReview)).toBe(true);
    // The status card in the channel now shows each Gemeinde's decision, and "Meine Entscheidung öffnen".
    const status = h.outbound.updated.at(-1)!.activity.attachments![0].content;
    expect(cardText(status)).toContain('Übersicht veröffentlicht am 10.01.2024');
    const mine = actionsOf(status).find((a) => a.verb === VERBS.decisionMine)!;
    const decision = await h.invoke(ANNA, mine.verb, mine.data, { kind: 'channel' });
    expect(actionsOf(decision.body.value).some((a) => a.verb === VERBS.decisionReview && a.data.ags === ABSTATT)).toBe(true);
  });

  test('after publication the button is gone; a second click or command changes nothing and posts nothing', async () => {
    const publish = await publishProvisionally();
    const [after] = await h.say(KORA, 'veröffentlichen');
    const card = attachedCard(after);
    expect(actionsOf(card).map((a) => a.verb)).toEqual([VERBS.allocation]);
    expect(cardText(card)).toContain('Veröffentlicht am 10.01.2024; seitdem hat sich nichts geändert.');
    const posts = h.outbound.sent.length;
    const again = await h.invoke(KORA, VERBS.publish, publish.data);
    await h.deps.summaries.idle();
    expect(cardText(again.body.value)).toContain(de('publish.unchanged', { date: '2024-01-10' }));
    expect(h.outbound.sent.length).toBe(posts);
    expect(await publications()).toHaveLength(1);
  });

  test('after a change: publishing again needs a reason, is audited, and the channel post says what changed', async () => {
    const publish = await publishProvisionally();
    await h.deps.app.review.strike(2025, ABSTATT, { personId: `${ABSTATT}-1`, reason: 'weggezogen' }, { actor: kora });
    // The old card's button, without a reason: refused, nothing published or posted.
    const posts = h.outbound.sent.length;
    const refused = await h.invoke(KORA, VERBS.publish, publish.data);
    expect(cardText(refused.body.value)).toContain(de('publish.reasonRequired', { date: '2024-01-10', min: 3 }));
    expect(h.outbound.sent.length).toBe(posts);
    // The card now asks for the reason beside "Neu veröffentlichen".
    const card = refused.body.value;
    const republish = actionsOf(card).find((a) => a.verb === VERBS.publish)!;
    expect(republish).toMatchObject({ title: 'Neu veröffentlichen', data: { year: 2025, force: true, again: true } });
    expect(JSON.stringify(card)).toContain('"id":"reason"');
    const done = await h.invoke(KORA, VERBS.publish, { ...republish.data, reason: 'Abstatt: Wegzug nachgemeldet' });
    expect(cardText(done.body.value)).toContain(de('bot.published', { provisional: 1, again: 1 }));
    await h.deps.summaries.idle();
    const events = await publications();
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ reason: 'Abstatt: Wegzug nachgemeldet', actor: { id: KORA.aadObjectId } });
    // The channel learns what changed – Gemeinden, not persons; the reason (free text) stays in the audit log.
    const posted = sentTo(CHANNEL).at(-1)!.activity.attachments![0].content;
    const text = cardText(posted);
    expect(text).toContain('Neu veröffentlicht; ersetzt die Übersicht vom 10.01.2024. Geänderte Personenzahlen: Abstatt. Dadurch ändern sich die Beträge von');
    expect(text).not.toContain('Wegzug');
    expect(text).not.toContain('Nachname');
    // The Gemeinden whose figures changed get their decision card again.
    expect(sentTo(personal(ANNA)).filter((s) => actionsOf(s.activity.attachments?.[0]?.content).some((a) => a.verb === VERBS.decisionReview))).toHaveLength(2);
  });

  test('a decision card that cannot be delivered: the Gemeinde is named, and "Erneut senden" sends to it alone', async () => {
    await install(BERT);
    const send = h.outbound.send.bind(h.outbound);
    h.outbound.send = async (reference, activity) => {
      if (reference.conversation?.id === personal(ANNA) && JSON.stringify(activity).includes(VERBS.decisionReview)) throw new Error('Teams: 502');
      return send(reference, activity);
    };
    await publishProvisionally();
    const report = attachedCard(sentTo(personal(KORA)).at(-1)!.activity);
    expect(cardText(report)).toContain('Entscheidungskarten zugestellt: 1 an 1 Gemeinde. Zustellung fehlgeschlagen: Abstatt – bitte „Erneut senden“.');
    const [resend] = actionsOf(report);
    expect(resend).toEqual({ verb: VERBS.decisionResend, title: 'Erneut senden', data: { year: 2025, ags: ABSTATT } });
    expect((await h.invoke(ANNA, resend.verb, resend.data)).body.statusCode).toBe(403);
    h.outbound.send = send;
    const toBert = sentTo(personal(BERT)).length;
    const again = await h.invoke(KORA, resend.verb, resend.data);
    expect(cardText(again.body.value)).toContain('Entscheidungskarten zugestellt: 1 an 1 Gemeinde.');
    expect(actionsOf(again.body.value)).toEqual([]);
    expect(actionsOf(attachedCard(sentTo(personal(ANNA)).at(-1)!.activity)).some((a) => a.verb === VERBS.decisionReview)).toBe(true);
    expect(sentTo(personal(BERT))).toHaveLength(toBert);
    // Forged data: an AGS that is none is refused.
    expect((await h.invoke(KORA, resend.verb, { year: 2025, ags: `${ABSTATT},99999999` })).body.statusCode).toBe(400);
  });
});

test('"erinnern" counts each Gemeinde once, also when its list and its decision are both due', async () => {
  await install(ANNA);
  await install(BERT);
  await h.say(KORA, 'kanal registrieren gemeinden', { kind: 'channel' });
  await sendLists();
  await h.deps.app.campaigns.publish(2025, { actor: kora, force: true });
  const due = await h.deps.app.reminders.due(2025, [7, 1], true);
  expect(due.filter((r) => r.ags === ABSTATT).map((r) => r.kind).sort()).toEqual(['decision', 'review']);
  const [reply] = await h.say(KORA, 'erinnern');
  expect(reply.text).toContain('Erinnerungen verschickt: 2 Gemeinde(n) erreicht.');
  expect(reply.text).toContain('Keine Mitarbeitenden zugeordnet (44): ');
  const noStaff = reply.text!.split('Keine Mitarbeitenden zugeordnet (44): ')[1].replace(/\.$/, '').split(', ');
  expect(noStaff).toHaveLength(44);
  expect(new Set(noStaff).size).toBe(44);
  expect(noStaff).not.toContain('Abstatt');
  expect(noStaff).not.toContain(BRACKENHEIM);
});

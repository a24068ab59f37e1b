/** Steps 2 and 3 in Teams, driven through botbuilder's TestAdapter with Teams-shaped activities. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { SummaryCards } from '../../src/bot/summaryCards';
import { VERBS } from '../../src/cards/actions';
import { countList, versionOf } from '../../src/domain/list';
import { translate } from '../../src/i18n/messages';
import type { LowdbRepository } from '../../src/storage/lowdbRepository';
import { verzeichnis } from '../fixtures';
import { ABSTATT, ANNA, BERT, BRACKENHEIM, BotHarness, KORA, NOBODY, TENANT, actionsOf, attachedCard, cardText, invokeActivity, messageActivity, openBotHarness } from './botHarness';

let h: BotHarness;
beforeEach(async () => {
  h = await openBotHarness();
});
afterEach(() => h.cleanup());

const de = (code: Parameters<typeof translate>[0], params = {}) => translate(code, params, 'de');
const list = (ags = ABSTATT) => h.deps.app.ctx.repo.readList(2025, ags);
/** The version a card shows of a person: what its buttons carry as `rev` (the revision of its last change). */
const versionOfPerson = async (id: string, ags = ABSTATT) => versionOf((await list(ags))!, { kind: 'person', personId: id });

async function openList(u = ANNA, ags = ABSTATT) {
  const r = await h.invoke(u, VERBS.listOpen, { year: 2025, ags });
  expect(r.body.statusCode).toBe(200);
  return r.body.value;
}

function button(card: unknown, verb: string, personId?: string) {
  const found = actionsOf(card).find((a) => a.verb === verb && (personId === undefined || a.data.personId === personId));
  if (!found) throw new Error(`no ${verb} button${personId ? ' for ' + personId : ''}`);
  return found;
}

describe('who may do what', () => {
  test('a user without a role gets a friendly German answer, and can do nothing', async () => {
    const [reply] = await h.say(NOBODY, 'liste');
    expect(reply.text).toBe(de('bot.noRole'));
    const r = await h.invoke(NOBODY, VERBS.listOpen, { year: 2025, ags: ABSTATT });
    expect(r.body).toMatchObject({ statusCode: 403, type: 'application/vnd.microsoft.error' });
    expect(r.body.value.message).toContain('Koordinierungsstelle');
  });

  test("staff of Abstatt cannot open or change Brackenheim's list, also with forged card data", async () => {
    const open = await h.invoke(ANNA, VERBS.listOpen, { year: 2025, ags: BRACKENHEIM });
    expect(open.body.statusCode).toBe(403);
    const strike = await h.invoke(ANNA, VERBS.strike, { year: 2025, ags: BRACKENHEIM, personId: `${BRACKENHEIM}-1`, rev: 1, op: 'x', reason: 'weggezogen' });
    expect(strike.body.statusCode).toBe(403);
    // Own AGS, but a person of another list: not on this list, nothing changes anywhere.
    const forged = await h.invoke(ANNA, VERBS.strike, { year: 2025, ags: ABSTATT, personId: `${BRACKENHEIM}-1`, rev: 1, op: 'y', reason: 'weggezogen' });
    expect(cardText(forged.body.value)).toContain(de('list.personNotFound'));
    expect(countList((await list(BRACKENHEIM))!).struck).toBe(0);
    expect(countList((await list(ABSTATT))!).struck).toBe(0);
    expect(JSON.stringify(open.body)).not.toContain('Nachname125');
  });

  test('a user of another tenant is refused', async () => {
    const activity = { ...messageActivity(ANNA, 'liste'), channelData: { tenant: { id: 'other' } }, conversation: { id: 'a:x', conversationType: 'personal', tenantId: 'other' } };
    const [reply] = await h.send(activity as never);
    expect(reply.text).toBe(de('bot.tenantNotAllowed'));
  });
});

describe('the list card', () => {
  test('"liste" in the personal chat shows the own list with its persons', async () => {
    const [reply] = await h.say(ANNA, 'Liste');
    const card = attachedCard(reply);
    expect(card.type).toBe('AdaptiveCard');
    expect(cardText(card)).toContain('Nachname001x1');
    expect(cardText(card)).not.toContain('Nachname013');
    // It refreshes itself when Anna looks at it again: for her (and the Gemeinde's other staff the bot can reach).
    expect(card.refresh).toEqual({ action: { type: 'Action.Execute', verb: VERBS.listRefresh, data: { year: 2025, ags: ABSTATT, page: 0 } }, userIds: [ANNA.teamsId] });
  });

  test('"Streichen" on a person a colleague struck meanwhile: who did it and when, on the current list', async () => {
    const card = await openList();
    await h.deps.app.review.strike(2025, ABSTATT, { personId: `${ABSTATT}-4`, reason: 'doppelt' }, { actor: { id: KORA.aadObjectId, name: KORA.name, role: 'koordination' } });
    const r = await h.invoke(ANNA, VERBS.strikeForm, button(card, VERBS.strikeForm, `${ABSTATT}-4`).data);
    expect(cardText(r.body.value)).toContain(`„Nachname001x4, Vorname4“ wurde bereits um 10:00 Uhr von ${KORA.name} gestrichen (Grund: doppelt erfasst).`);
    expect(actionsOf(r.body.value).some((a) => a.verb === VERBS.strike)).toBe(false);
  });

  test('looked at again, the card refreshes itself (Universal Actions, trigger "automatic"): the list as it stands now, for its own staff only', async () => {
    const [reply] = await h.say(ANNA, 'liste');
    const card = attachedCard(reply);
    // Meanwhile the Koordinierungsstelle strikes a person of the list.
    await h.deps.app.review.strike(2025, ABSTATT, { personId: `${ABSTATT}-2`, reason: 'verstorben' }, { actor: { id: KORA.aadObjectId, name: KORA.name, role: 'koordination' } });
    const auto = (u: typeof ANNA) =>
      h.send({ ...invokeActivity(u, card.refresh.action.verb, card.refresh.action.data), value: { action: card.refresh.action, trigger: 'automatic' } } as never);
    const [answer] = (await auto(ANNA)).filter((a) => a.type === 'invokeResponse');
    const body = (answer.value as { body: { statusCode: number; value: unknown } }).body;
    expect(body.statusCode).toBe(200);
    expect(cardText(body.value)).toContain('gestrichen: verstorben');
    expect(cardText(body.value)).not.toContain(de('card.noChange'));
    // Someone of another Gemeinde looking at it (in a shared chat) gets no list: an error, and Teams keeps the card it shows.
    const [foreign] = (await auto(BERT)).filter((a) => a.type === 'invokeResponse');
    expect((foreign.value as { body: { statusCode: number; value: unknown } }).body.statusCode).toBe(403);
    expect(JSON.stringify(foreign.value)).not.toContain('Nachname001');
  });

  test('strike: form, then the updated card; the same operation twice is applied once', async () => {
    const card = await openList();
    const strikeButton = button(card, VERBS.strikeForm, `${ABSTATT}-1`);
    const form = await h.invoke(ANNA, VERBS.strikeForm, strikeButton.data);
    const submit = button(form.body.value, VERBS.strike);
    const data = { ...submit.data, reason: 'weggezogen' };
    const first = await h.invoke(ANNA, VERBS.strike, data);
    expect(cardText(first.body.value)).toContain(de('card.struck'));
    const again = await h.invoke(ANNA, VERBS.strike, data);
    expect(again.body.statusCode).toBe(200);
    const stored = (await list())!;
    expect(countList(stored).struck).toBe(1);
    expect((await h.deps.app.ctx.repo.readListHistory(2025, ABSTATT)).filter((e) => e.action === 'person.strike')).toHaveLength(1);
    // The updated card offers "Rückgängig" for the struck person.
    expect(actionsOf(first.body.value).some((a) => a.verb === VERBS.undo && a.data.personId === `${ABSTATT}-1`)).toBe(true);
  });

  test('"sonstiges" without a note: the form comes back with the reason and the choice kept', async () => {
    const form = await h.invoke(ANNA, VERBS.strikeForm, { year: 2025, ags: ABSTATT, personId: `${ABSTATT}-2`, rev: 1, page: 0 });
    const submit = button(form.body.value, VERBS.strike);
    const r = await h.invoke(ANNA, VERBS.strike, { ...submit.data, reason: 'sonstiges', note: '' });
    expect(cardText(r.body.value)).toContain(de('list.noteRequired'));
    expect(actionsOf(r.body.value).some((a) => a.verb === VERBS.strike)).toBe(true);
    expect(JSON.stringify(r.body.value)).toContain('sonstiges');
    expect(countList((await list())!).struck).toBe(0);
  });

  test('a strike without a reason (a client that skips isRequired) asks for one and changes nothing', async () => {
    const card = await openList();
    const form = await h.invoke(ANNA, VERBS.strikeForm, button(card, VERBS.strikeForm, `${ABSTATT}-3`).data);
    const strike = button(form.body.value, VERBS.strike);
    const r = await h.invoke(ANNA, VERBS.strike, { ...strike.data, reason: '' });
    expect(cardText(r.body.value)).toContain(de('bot.reasonRequired'));
    expect(cardText(r.body.value)).not.toContain('kein Streichgrund');
    expect(countList((await list())!).struck).toBe(0);
  });

  test('a stale card is refused with the current card', async () => {
    // Anna opens the form for person 1; meanwhile the Koordinierungsstelle strikes that person for another reason.
    const card = await openList();
    const form = await h.invoke(ANNA, VERBS.strikeForm, button(card, VERBS.strikeForm, `${ABSTATT}-1`).data);
    const mine = button(form.body.value, VERBS.strike);
    await h.deps.app.review.strike(2025, ABSTATT, { personId: `${ABSTATT}-1`, reason: 'verstorben' }, { actor: { id: KORA.aadObjectId, name: KORA.name, role: 'koordination' } });
    const r = await h.invoke(ANNA, VERBS.strike, { ...mine.data, reason: 'doppelt' });
    // What happened, in words, on the current card – her strike is not made.
    expect(cardText(r.body.value)).toContain(`„Nachname001x1, Vorname1“ wurde inzwischen um 10:00 Uhr von ${KORA.name} gestrichen (Grund: verstorben).`);
    expect(cardText(r.body.value)).toContain('gestrichen: verstorben');
    expect((await list())!.persons[0].strike!.reason).toBe('verstorben');
    // Another person from the same (older) card is no conflict.
    const other = await h.invoke(ANNA, VERBS.strikeForm, button(card, VERBS.strikeForm, `${ABSTATT}-3`).data);
    const r3 = await h.invoke(ANNA, VERBS.strike, { ...button(other.body.value, VERBS.strike).data, reason: 'doppelt' });
    expect(cardText(r3.body.value)).toContain(de('card.struck'));
    expect(countList((await list())!).struck).toBe(2);
  });

  test('a stale card after the list was submitted: the read-only list, not "please try again"', async () => {
    const card = await openList();
    const stale = button(card, VERBS.strikeForm, `${ABSTATT}-3`);
    await h.deps.app.review.submit(2025, ABSTATT, { actor: { id: ANNA.aadObjectId, name: ANNA.name, role: 'gemeinde', ags: ABSTATT } });
    const r = await h.invoke(ANNA, VERBS.strike, { ...stale.data, op: 'late', reason: 'doppelt' });
    const text = cardText(r.body.value);
    expect(text).not.toContain(de('conflict.staleRevision'));
    expect(text).toContain('eingereicht');
    expect(actionsOf(r.body.value).some((a) => a.verb === VERBS.strikeForm)).toBe(false);
    expect(countList((await list())!).struck).toBe(0);
  });

  test('add a later-born child; a wrong date keeps what was typed', async () => {
    const card = await openList();
    const childButton = button(card, VERBS.childForm);
    const form = await h.invoke(ANNA, VERBS.childForm, childButton.data);
    const add = button(form.body.value, VERBS.childAdd);
    const bad = await h.invoke(ANNA, VERBS.childAdd, { ...add.data, parentId: `${ABSTATT}-1`, surname: 'Kind', givenName: 'Lina', birthDate: '2023-05-01' });
    expect(cardText(bad.body.value)).toContain('Stichtag');
    expect(JSON.stringify(bad.body.value)).toContain('Lina');
    // An empty date (a client that skips isRequired) gets the form's "please enter", not „“ is no date.
    const empty = await h.invoke(ANNA, VERBS.childAdd, { ...add.data, parentId: `${ABSTATT}-1`, surname: 'Kind', givenName: 'Lina', birthDate: '' });
    expect(cardText(empty.body.value)).toContain(de('bot.birthDateRequired'));
    // In English the field is named in English.
    const wrong = await h.invoke(ANNA, VERBS.childAdd, { ...add.data, parentId: `${ABSTATT}-1`, surname: 'Kind', givenName: 'Lina', birthDate: 'gestern' }, { locale: 'en-US' });
    expect(cardText(wrong.body.value)).toContain('"gestern" is not a valid date (date of birth)');
    const ok = await h.invoke(ANNA, VERBS.childAdd, { ...add.data, parentId: `${ABSTATT}-1`, surname: 'Kind', givenName: 'Lina', birthDate: '2022-05-01' });
    expect(cardText(ok.body.value)).toContain(de('card.childAdded'));
    expect(countList((await list())!).added).toBe(1);
  });

  test('another person is pending until the Koordinierungsstelle accepts it', async () => {
    const card = await openList();
    const form = await h.invoke(ANNA, VERBS.otherForm, button(card, VERBS.otherForm).data);
    const add = button(form.body.value, VERBS.otherAdd);
    const r = await h.invoke(ANNA, VERBS.otherAdd, {
      ...add.data,
      surname: 'Neu',
      givenName: 'Nora',
      birthDate: '1990-01-01',
      assignmentDate: '2022-06-01',
      zugangsart: 'familiennachzug',
      justification: 'Familiennachzug laut Meldeamt im Juni 2022',
    });
    expect(cardText(r.body.value)).toContain(de('card.otherAdded'));
    expect(countList((await list())!)).toMatchObject({ pending: 1, added: 0 });

    // Staff may not decide additions.
    expect((await h.invoke(ANNA, VERBS.additions, { year: 2025 })).body.statusCode).toBe(403);
    const [reply] = await h.say(KORA, 'nachträge');
    const additions = attachedCard(reply);
    expect(cardText(additions)).toContain('Nora');
    const accept = button(additions, VERBS.additionAccept);
    const accepted = await h.invoke(KORA, VERBS.additionAccept, accept.data);
    expect(cardText(accepted.body.value)).toContain(de('card.accepted'));
    expect(countList((await list())!)).toMatchObject({ pending: 0, added: 1 });
  });

  test('submit: confirmation with the resulting count, then a read-only card', async () => {
    const card = await openList();
    const confirm = await h.invoke(ANNA, VERBS.submitConfirm, button(card, VERBS.submitConfirm).data);
    expect(cardText(confirm.body.value)).toContain('6');
    const done = await h.invoke(ANNA, VERBS.submit, button(confirm.body.value, VERBS.submit).data);
    expect(cardText(done.body.value)).toContain(de('card.submitted'));
    const changeButtons = actionsOf(done.body.value).filter((a) => ([VERBS.strikeForm, VERBS.undo, VERBS.childForm, VERBS.otherForm, VERBS.submitConfirm] as string[]).includes(a.verb));
    expect(changeButtons).toEqual([]);
    expect((await list())!.submitted).toBeDefined();
    const late = await h.invoke(ANNA, VERBS.strike, { year: 2025, ags: ABSTATT, personId: `${ABSTATT}-1`, rev: await versionOfPerson(`${ABSTATT}-1`), op: 'z', reason: 'weggezogen' });
    expect(cardText(late.body.value)).toContain('gesperrt');
  });

  test('English where Teams reports an English locale', async () => {
    const r = await h.invoke(ANNA, VERBS.strike, { year: 2025, ags: ABSTATT, personId: `${ABSTATT}-1`, rev: 0, op: 'en', reason: 'weggezogen' }, { locale: 'en-US' });
    expect(cardText(r.body.value)).toContain(translate('card.struck', {}, 'en'));
    const [reply] = await h.say(NOBODY, 'list', { locale: 'en-GB' });
    expect(reply.text).toBe(translate('bot.noRole', {}, 'en'));
  });

  test('names with Markdown, HTML or ${…} show literally', async () => {
    const evil = '**Fett** <b>x</b> ${name} [a](http://x)';
    await h.deps.app.review.addChild(2025, ABSTATT, { parentId: `${ABSTATT}-1`, surname: evil, givenName: 'Mia', birthDate: '2022-02-02' }, { actor: { id: 'k', name: 'K', role: 'koordination' } });
    const card = await openList();
    expect(JSON.stringify(card)).toContain(JSON.stringify(evil).slice(1, -1));
  });
});

describe('every invoke gets an answer', () => {
  test.each([
    ['unknown verb', 'frobnicate', { year: 2025, ags: ABSTATT }],
    ['missing verb', undefined, { year: 2025, ags: ABSTATT }],
    ['no data', VERBS.listOpen, undefined],
    ['wrong types', VERBS.strike, { year: '2025x', ags: 8125001, personId: { $ne: 1 } }],
    ['an AGS that is no AGS', VERBS.listOpen, { year: 2025, ags: '../../etc' }],
  ])('%s → a 4xx error answer', async (_name, verb, data) => {
    const r = await h.invoke(ANNA, verb, data);
    expect(r.status).toBe(200);
    expect(r.body.type).toBe('application/vnd.microsoft.error');
    expect(r.body.statusCode).toBeGreaterThanOrEqual(400);
    expect(r.body.statusCode).toBeLessThan(500);
    expect(r.body.value.message).not.toMatch(/at .*\(/);
  });
});

describe('the Koordinierungsstelle', () => {
  test('registers channels, sends the lists as one status card, and the card follows every change', async () => {
    const [refused] = await h.say(KORA, 'kanal registrieren gemeinden');
    expect(refused.text).toBe(de('bot.channelOnly'));
    const [ok] = await h.say(KORA, 'kanal registrieren gemeinden', { kind: 'channel' });
    expect(ok.text).toBe(de('bot.channelRegistered', { role: 'gemeinden' }));
    const [sent] = await h.say(KORA, 'listen versenden');
    expect(sent.text).toBe(de('bot.listsSending'));
    const channelPosts = () => h.outbound.sent.filter((s) => s.reference.conversation!.id === '19:gemeinden@thread.tacv2');
    expect(channelPosts()).toHaveLength(1);
    const card = channelPosts()[0].activity.attachments![0].content;
    for (const g of verzeichnis.all) expect(cardText(card)).toContain(g.name);
    // When all is out, the coordinator hears back in the conversation the command came from.
    expect(h.outbound.sent.at(-1)).toMatchObject({ reference: { conversation: { id: `a:personal-${KORA.aadObjectId}` } } });
    expect(h.outbound.sent.at(-1)!.activity.text).toContain('Statuskarte im Kanal der Gemeinden gepostet; 46 Listen neu versendet.');
    expect((await list())!.sent).toBeDefined();

    await h.invoke(ANNA, VERBS.strike, { year: 2025, ags: ABSTATT, personId: `${ABSTATT}-1`, rev: await versionOfPerson(`${ABSTATT}-1`), op: 'after-send', reason: 'weggezogen' });
    await h.deps.summaries.idle();
    const update = h.outbound.updated.find((u) => u.activityId === channelPosts()[0].id);
    expect(update).toBeDefined();
    expect(cardText(update!.activity.attachments![0].content)).toMatch(/Abstatt\n5\n15\.01\.2024\nin Bearbeitung/);

    // Sending again updates the card instead of posting it twice.
    await h.say(KORA, 'listen versenden');
    expect(h.outbound.sent.at(-1)!.activity.text).toContain('Statuskarte im Kanal der Gemeinden aktualisiert; 0 Listen neu versendet.');
    expect(channelPosts()).toHaveLength(1);
  });

  test('a status card that cannot be posted leaves every list unsent (no reminders, no deadline); sending again posts it', async () => {
    await h.say(KORA, 'kanal registrieren gemeinden', { kind: 'channel' });
    const send = h.outbound.send.bind(h.outbound);
    h.outbound.send = async (reference, activity) => {
      if (reference.conversation?.id === '19:gemeinden@thread.tacv2') throw new Error('Teams: 502');
      return send(reference, activity);
    };
    await h.say(KORA, 'listen versenden');
    expect(h.outbound.sent.at(-1)!.activity.text).toBe(de('bot.listsSent', { year: 2025, channel: 'failed', lists: 0 }));
    expect((await h.deps.app.ctx.repo.readLists(2025)).filter((l) => l.sent)).toHaveLength(0);
    h.outbound.send = send;
    await h.say(KORA, 'listen versenden');
    expect((await h.deps.app.ctx.repo.readLists(2025)).filter((l) => l.sent)).toHaveLength(46);
    // The posted card already showed the lists as sent.
    const posted = h.outbound.sent.find((s) => s.reference.conversation?.id === '19:gemeinden@thread.tacv2')!;
    expect(cardText(posted.activity.attachments![0].content)).toMatch(/Abstatt\n6\n15\.01\.2024\nversendet/);
  });

  test('"listen versenden" twice at once: one run posts the card, the second request is told it is under way', async () => {
    await h.say(KORA, 'kanal registrieren gemeinden', { kind: 'channel' });
    // Teams takes its time: the post waits until the second request has been answered (or, should it
    // start a run of its own, a second), so it surely arrives while the first run is posting.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const timeout = setTimeout(() => release(), 2000);
    const info = h.logger.info;
    h.logger.info = (event, fields) => {
      if (event === 'status.alreadySending') release();
      info(event, fields);
    };
    const send = h.outbound.send.bind(h.outbound);
    h.outbound.send = async (reference, activity) => {
      await gate;
      return send(reference, activity);
    };
    const [first, second] = await Promise.all([h.say(KORA, 'listen versenden'), h.say(KORA, 'listen versenden', { locale: 'en-US' })]);
    clearTimeout(timeout);
    await h.deps.summaries.idle();
    // Which of the two requests starts the run is up to the scheduler: each is answered in its own language.
    const texts = [...first, ...second].map((r) => r.text).sort();
    const en = (code: Parameters<typeof translate>[0], p = {}) => translate(code, p, 'en');
    expect([
      [de('bot.listsSending'), en('bot.listsAlreadySending')].sort(),
      [en('bot.listsSending'), de('bot.listsAlreadySending')].sort(),
    ]).toContainEqual(texts);
    expect(h.outbound.sent.filter((s) => s.reference.conversation!.id === '19:gemeinden@thread.tacv2')).toHaveLength(1);
    // One report (same chat); and once the run is over, "listen versenden" runs again (updating, posting nothing).
    const reports = h.outbound.sent.filter((s) => s.reference.conversation!.id === `a:personal-${KORA.aadObjectId}`);
    expect(reports).toHaveLength(1);
    expect(reports[0].activity.text).toMatch(/(Statuskarte im Kanal der Gemeinden gepostet|status card in the municipalities' channel posted)/);
    await h.say(KORA, 'listen versenden');
    expect(h.outbound.sent.at(-1)!.activity.text).toContain('aktualisiert');
    expect(h.outbound.sent.filter((s) => s.reference.conversation!.id === '19:gemeinden@thread.tacv2')).toHaveLength(1);
  });

  test('after the Gemeinden channel is registered anew, "listen versenden" posts the card there; a card Teams no longer has is posted anew', async () => {
    const OLD = '19:gemeinden@thread.tacv2';
    const NEW = '19:neu@thread.tacv2';
    // Like Teams: an activity can be updated only in the conversation it was posted in, and only while it exists.
    const deleted = new Set<string>();
    const update = h.outbound.update.bind(h.outbound);
    h.outbound.update = async (reference, activityId, activity) => {
      const posted = h.outbound.sent.some((s) => s.id === activityId && s.reference.conversation!.id === reference.conversation!.id);
      if (!posted || deleted.has(activityId)) throw Object.assign(new Error('Not Found'), { statusCode: 404 });
      return update(reference, activityId, activity);
    };
    const inNewChannel = { ...messageActivity(KORA, 'kanal registrieren gemeinden', { kind: 'channel' }), conversation: { id: `${NEW};messageid=1`, conversationType: 'channel', isGroup: true, tenantId: TENANT } };
    const postsTo = (id: string) => h.outbound.sent.filter((s) => s.reference.conversation!.id === id);
    const report = () => h.outbound.sent.at(-1)!.activity.text;

    await h.say(KORA, 'kanal registrieren gemeinden', { kind: 'channel' });
    await h.say(KORA, 'listen versenden');
    expect(postsTo(OLD)).toHaveLength(1);
    await h.send(inNewChannel as never);
    await h.say(KORA, 'listen versenden');
    expect(report()).toContain('Statuskarte im Kanal der Gemeinden gepostet');
    expect(postsTo(NEW)).toHaveLength(1);
    // A change updates the card in the new channel, not the old one.
    const updatesBefore = h.outbound.updated.length;
    await h.invoke(ANNA, VERBS.strike, { year: 2025, ags: ABSTATT, personId: `${ABSTATT}-1`, rev: await versionOfPerson(`${ABSTATT}-1`), op: 'after-move', reason: 'weggezogen' });
    const [moved] = h.outbound.updated.slice(updatesBefore);
    expect(moved.reference.conversation!.id).toBe(NEW);
    expect(moved.activityId).toBe(postsTo(NEW)[0].id);

    // Someone deletes the card in the channel: a change forgets it (nothing posted behind the
    // coordinator's back); the next "listen versenden" posts it anew.
    deleted.add(postsTo(NEW)[0].id);
    const struck = await h.invoke(BERT, VERBS.strike, { year: 2025, ags: BRACKENHEIM, personId: `${BRACKENHEIM}-1`, rev: await versionOfPerson(`${BRACKENHEIM}-1`, BRACKENHEIM), op: 'after-delete', reason: 'weggezogen' });
    expect(cardText(struck.body.value)).toContain(de('card.struck'));
    expect(postsTo(NEW)).toHaveLength(1);
    expect(h.logger.lines.filter((l) => l.includes('status.cardGone'))).toHaveLength(1);
    await h.say(KORA, 'listen versenden');
    expect(report()).toContain('Statuskarte im Kanal der Gemeinden gepostet; 0 Listen neu versendet.');
    expect(postsTo(NEW)).toHaveLength(2);
    expect(h.logger.lines.filter((l) => l.includes('"level":"error"'))).toEqual([]);
  });

  test('"Meine Liste öffnen" on the status card: each clerk her own list; the Koordinierungsstelle is told she has none; no role: refused', async () => {
    await h.say(KORA, 'kanal registrieren gemeinden', { kind: 'channel' });
    await h.say(KORA, 'listen versenden');
    const status = h.outbound.sent.find((s) => s.reference.conversation?.id === '19:gemeinden@thread.tacv2')!.activity.attachments![0].content;
    const mine = actionsOf(status).find((a) => a.verb === VERBS.listMine)!;
    expect(mine.data).toEqual({ year: 2025 });
    const bert = await h.invoke(BERT, mine.verb, mine.data, { kind: 'channel' });
    expect(cardText(bert.body.value)).toContain('Nachname013x1');
    expect(cardText(bert.body.value)).not.toContain('Nachname001');
    const anna = await h.invoke(ANNA, mine.verb, mine.data, { kind: 'channel' });
    expect(cardText(anna.body.value)).toContain('Nachname001x1');
    expect(cardText(anna.body.value)).not.toContain('Nachname013');
    const kora = await h.invoke(KORA, mine.verb, mine.data, { kind: 'channel' });
    expect(kora.body.statusCode).toBe(200);
    expect(cardText(kora.body.value)).toContain(de('bot.noOwnGemeinde'));
    expect(cardText(kora.body.value)).toContain('Personenlisten 2025');
    const nobody = await h.invoke(NOBODY, mine.verb, mine.data, { kind: 'channel' });
    expect(nobody.body.statusCode).toBe(403);
    expect(nobody.body.value.message).toBe(de('bot.noRole'));
  });

  test('status dashboard, reopen, and role assignment', async () => {
    // Staff asking for the status get their own list's (the dashboard of all is the Koordinierungsstelle's).
    expect((await h.say(ANNA, 'status'))[0].text).toContain('Die Liste von Abstatt (Berechnungsjahr 2025) ist');
    expect((await h.say(ANNA, 'additions'))[0].text).toBe(de('bot.koordinationCommand'));
    expect((await h.say(ANNA, 'Ist unsere Liste schon eingereicht?'))[0].text).toContain('Abstatt');
    // A coordinator's "liste" needs a Gemeinde: the bot asks which, with an example.
    expect((await h.say(KORA, 'liste'))[0].text).toBe(de('bot.whichGemeinde', { command: 'liste' }));
    const [dash] = await h.say(KORA, 'status');
    expect(cardText(attachedCard(dash))).toContain('Brackenheim');
    await h.deps.app.review.submit(2025, ABSTATT, { actor: { id: 'a', name: 'Anna', role: 'gemeinde', ags: ABSTATT } });
    // From the card: an impossible date is refused and changes nothing (it was once dropped silently).
    const badDate = await h.invoke(KORA, VERBS.reopen, { year: 2025, ags: ABSTATT, until: '31.02.2024' });
    expect(cardText(badDate.body.value)).toContain(de('input.badDate', { value: '31.02.2024', field: 'bis' }));
    expect((await list())!.submitted).toBeDefined();
    const [reopened] = await h.say(KORA, 'wiedereröffnen Abstatt');
    expect(reopened.text).toBe(de('bot.reopened', { name: 'Abstatt' }));
    expect((await list())!.submitted).toBeUndefined();

    const [assigned] = await h.say(KORA, `zuordnen ${NOBODY.aadObjectId} Eppingen`);
    expect(assigned.text).toContain('Eppingen');
    const r = await h.invoke(NOBODY, VERBS.listOpen, { year: 2025, ags: '08125026' });
    expect(r.body.statusCode).toBe(200);
    const [removed] = await h.say(KORA, `zuordnung entfernen ${NOBODY.aadObjectId}`);
    expect(removed.text).toContain('entfernt');
    expect((await h.invoke(NOBODY, VERBS.listOpen, { year: 2025, ags: '08125026' })).body.statusCode).toBe(403);
  });

  test('in a channel, "liste" answers with a button only: no personal data where others read', async () => {
    const [reply] = await h.say(ANNA, 'liste', { kind: 'channel' });
    const card = attachedCard(reply);
    expect(cardText(card)).not.toContain('Nachname');
    const open = actionsOf(card).find((a) => a.verb === VERBS.listOpen)!;
    expect(open.data).toEqual({ year: 2025, ags: ABSTATT });
    const [kora] = await h.say(KORA, 'nachträge', { kind: 'groupChat' });
    expect(actionsOf(attachedCard(kora))[0].verb).toBe(VERBS.additions);
  });
});

describe('questions', () => {
  test('"Wie hoch ist unsere voraussichtliche Förderung?" is answered with the domain\'s figures, in the asker\'s language', async () => {
    const row = (await h.deps.app.overview.overview(2025)).rows.find((r) => r.ags === ABSTATT)!;
    const euros = new Intl.NumberFormat('de-DE').format(Number(row.amount));
    const [de1] = await h.say(ANNA, 'Wie hoch ist unsere voraussichtliche Förderung?');
    expect(de1.text).toContain(`${euros}\u00a0€`);
    expect(de1.text).toMatch(/vorläufig/i);
    expect(de1.textFormat).toBe('plain');
    const [en1] = await h.say(ANNA, 'what is our expected funding?', { locale: 'en-US' });
    expect(en1.text).toContain(`€${new Intl.NumberFormat('en-US').format(Number(row.amount))}`);
    // @mentioned in a channel (the bot's mention removed): where other Gemeinden read, no amount before publication.
    const [channel] = await h.say(ANNA, '<at>IntM-Bot</at> wieviel geld bekommen wir', { kind: 'channel' });
    expect(channel.text).toBe(translate('q.sharedNotPublished', { name: 'Abstatt', date: '05.02.2024' }, 'de'));
  });

  test('an unrecognised question gets the help card with examples', async () => {
    const [reply] = await h.say(ANNA, 'Wie wird das Wetter morgen?');
    const text = cardText(attachedCard(reply));
    expect(text).toContain(de('bot.unknownCommand'));
    expect(text).toContain('Wie hoch ist unsere voraussichtliche Förderung?');
  });
});

test('conversation references are stored on install, for messages the bot sends later', async () => {
  await h.send({ ...messageActivity(ANNA, ''), type: 'installationUpdate', action: 'add', text: undefined } as never);
  const stored = await h.deps.conversations.read();
  expect(stored.personal[ANNA.aadObjectId]).toMatchObject({ conversation: { id: `a:personal-${ANNA.aadObjectId}` }, serviceUrl: 'https://smba.example.invalid/' });
  const [welcome] = await h.send({ ...messageActivity(BERT, ''), type: 'conversationUpdate', text: undefined, membersAdded: [{ id: '28:intm-bot' }] } as never);
  expect(welcome.text).toBe(de('bot.welcome.gemeinde', { name: 'Brackenheim' }));
  expect((await h.deps.conversations.read()).personal[BERT.aadObjectId]).toBeDefined();
});

test('uninstalling forgets the personal chat (remove, and remove-upgrade); the log names nobody', async () => {
  const install = (u: typeof ANNA, action: string) => h.send({ ...messageActivity(u, ''), type: 'installationUpdate', action, text: undefined } as never);
  await install(ANNA, 'add');
  await install(BERT, 'add');
  await install(ANNA, 'remove');
  expect((await h.deps.conversations.read()).personal[ANNA.aadObjectId]).toBeUndefined();
  expect((await h.deps.conversations.read()).personal[BERT.aadObjectId]).toBeDefined();
  await install(BERT, 'remove-upgrade');
  expect((await h.deps.conversations.read()).personal).toEqual({});
  // Removed again (Teams may also send conversationUpdate): nothing left to forget, no error.
  await h.send({ ...messageActivity(ANNA, ''), type: 'conversationUpdate', text: undefined, membersRemoved: [{ id: '28:intm-bot' }] } as never);
  const forgotten = h.logger.lines.filter((l) => l.includes('conversation.forgotten'));
  expect(forgotten).toHaveLength(2);
  expect(h.logger.lines.join('\n')).not.toMatch(new RegExp([ANNA, BERT].flatMap((u) => [u.aadObjectId, u.name, u.teamsId]).join('|')));
  expect(h.logger.lines.filter((l) => l.includes('"level":"error"'))).toEqual([]);
  // Installing again remembers the chat again.
  await install(ANNA, 'add');
  expect((await h.deps.conversations.read()).personal[ANNA.aadObjectId]).toBeDefined();
});

test("the bot removed from a team drops that team's registered channels, audited; other teams' and other members' removals do not", async () => {
  const TEAM = '19:team-lra@thread.tacv2';
  const inTeam = (team: string) => ({ tenant: { id: TENANT }, team: { id: team } });
  const channel = (id: string) => ({ id: `${id};messageid=1`, conversationType: 'channel', isGroup: true, tenantId: TENANT });
  await h.send({ ...messageActivity(KORA, 'kanal registrieren gemeinden', { kind: 'channel' }), channelData: inTeam(TEAM) } as never);
  await h.send({ ...messageActivity(KORA, 'kanal registrieren koordination', { kind: 'channel' }), conversation: channel(TEAM), channelData: inTeam(TEAM) } as never);
  const removal = (team: string, removed: string, from = ANNA) =>
    h.send({ ...messageActivity(from, '', { kind: 'channel' }), conversation: channel(team), type: 'conversationUpdate', text: undefined, membersRemoved: [{ id: removed }], channelData: { ...inTeam(team), eventType: 'teamMemberRemoved' } } as never);
  await removal(TEAM, BERT.teamsId);
  await removal('19:other-team@thread.tacv2', '28:intm-bot');
  expect(Object.keys((await h.deps.conversations.read()).channels).sort()).toEqual(['gemeinden', 'koordination']);
  await removal(TEAM, '28:intm-bot', NOBODY);
  const stored = await h.deps.conversations.read();
  expect(stored.channels).toEqual({});
  expect(stored.events.filter((e) => e.action === 'channel.unregister')).toEqual([
    expect.objectContaining({ subject: 'gemeinden', before: '19:gemeinden@thread.tacv2', after: null, actor: { id: 'teams', name: 'Microsoft Teams', role: 'koordination' } }),
    expect.objectContaining({ subject: 'koordination', before: TEAM, after: null }),
  ]);
  const log = h.logger.lines.filter((l) => l.includes('channel.unregistered'));
  expect(log).toHaveLength(1);
  expect(log[0]).not.toMatch(new RegExp([NOBODY.aadObjectId, NOBODY.name, NOBODY.teamsId].join('|')));
  // "listen versenden" now says there is no channel, instead of posting into a team the bot has left.
  expect((await h.say(KORA, 'listen versenden'))[0].text).toBe(de('bot.noGemeindenChannel'));
});

test('a channel registered before its team was recorded: uninstalling from the team drops it if it is the General channel', async () => {
  const TEAM = '19:gemeinden@thread.tacv2'; // the harness's channel, taken as the team's General channel
  await h.say(KORA, 'kanal registrieren gemeinden', { kind: 'channel' });
  await h.deps.app.ctx.repo.updateDocument<any, void>('conversations', (c) => {
    const { teamId: _, ...gemeinden } = c.channels.gemeinden;
    return { next: { ...c, channels: { gemeinden } }, result: undefined };
  });
  await h.send({ ...messageActivity(KORA, '', { kind: 'channel' }), type: 'installationUpdate', action: 'remove', text: undefined, channelData: { tenant: { id: TENANT }, team: { id: TEAM } } } as never);
  expect((await h.deps.conversations.read()).channels).toEqual({});
  expect((await h.deps.conversations.read()).events.at(-1)).toMatchObject({ action: 'channel.unregister', actor: { id: KORA.aadObjectId, role: 'koordination' } });
});

test('an installation from a tenant that is not allowed is neither stored nor greeted', async () => {
  const foreign = { channelData: { tenant: { id: 'other' } }, conversation: { id: 'a:foreign', conversationType: 'personal', tenantId: 'other' } };
  await h.send({ ...messageActivity(ANNA, ''), ...foreign, type: 'installationUpdate', action: 'add', text: undefined } as never);
  const replies = await h.send({ ...messageActivity(BERT, ''), ...foreign, type: 'conversationUpdate', text: undefined, membersAdded: [{ id: '28:intm-bot' }] } as never);
  expect(replies).toEqual([]);
  const stored = await h.deps.conversations.read();
  expect(stored.personal[ANNA.aadObjectId]).toBeUndefined();
  expect(stored.personal[BERT.aadObjectId]).toBeUndefined();
});

test('a personal chat is stored once, not rewritten on every message', async () => {
  const file = path.join((h.deps.app.ctx.repo as LowdbRepository).dataDir, 'conversations.json');
  await h.send({ ...messageActivity(ANNA, 'hilfe'), id: 'nachricht-1' });
  const first = await stat(file);
  expect((await h.deps.conversations.read()).personal[ANNA.aadObjectId]).not.toHaveProperty('activityId');
  await h.send({ ...messageActivity(ANNA, 'liste'), id: 'nachricht-2' });
  const second = await stat(file);
  expect([second.ino, second.mtimeMs]).toEqual([first.ino, first.mtimeMs]);
  // A chat that moved (another service URL) is stored again.
  await h.send({ ...messageActivity(ANNA, 'hilfe'), id: 'nachricht-3', serviceUrl: 'https://smba.example.invalid/emea/' });
  expect((await h.deps.conversations.read()).personal[ANNA.aadObjectId].serviceUrl).toBe('https://smba.example.invalid/emea/');
});

test('privacy: after a whole procedure nothing personal went to a channel, a group chat or the log', async () => {
  await h.say(KORA, 'kanal registrieren gemeinden', { kind: 'channel' });
  await h.say(KORA, 'listen versenden');
  await h.say(ANNA, 'liste', { kind: 'channel' });
  await h.say(KORA, 'status', { kind: 'channel' });
  await h.invoke(ANNA, VERBS.strike, { year: 2025, ags: ABSTATT, personId: `${ABSTATT}-1`, rev: await versionOfPerson(`${ABSTATT}-1`), op: 'p1', reason: 'weggezogen' }, { kind: 'channel' });
  const household = versionOf((await list())!, { kind: 'household', key: `${ABSTATT}-H1` });
  await h.invoke(ANNA, VERBS.childAdd, { year: 2025, ags: ABSTATT, rev: household, op: 'p2', parentId: `${ABSTATT}-2`, surname: 'Kindname', givenName: 'Lotta', birthDate: '2022-05-01' });
  await h.invoke(ANNA, VERBS.submit, { year: 2025, ags: ABSTATT, rev: (await list())!.revision, op: 'p3' });
  await h.say(KORA, 'nachträge', { kind: 'channel' });
  await h.deps.summaries.idle();

  const lists = await h.deps.app.ctx.repo.readLists(2025);
  const secrets = lists.flatMap((l) => l.persons.flatMap((p) => [p.surname, p.givenName, p.birthDate, p.id, p.birthDate.split('-').reverse().join('.')]));
  const shared = [
    ...h.replies.filter((r) => (r.conversation as { conversationType?: string })?.conversationType !== 'personal' && r.type !== 'invokeResponse'),
    ...h.outbound.sent.map((s) => s.activity),
    ...h.outbound.updated.map((u) => u.activity),
  ].map((a) => JSON.stringify(a));
  expect(shared.length).toBeGreaterThan(5);
  // (The outbound list also holds the coordinator's own "all sent" note in the personal chat: no personal data either.)
  for (const text of [...shared, ...h.logger.lines]) {
    for (const secret of secrets) expect(text.includes(secret) ? `${secret} in ${text.slice(0, 80)}` : '').toBe('');
  }
});

describe('the channel card while Gemeinden work on their lists', () => {
  test('waits until the clicks stop (quietMs), then shows the latest counts once; submitting updates at once; stopping sends what waits', async () => {
    await h.say(KORA, 'kanal registrieren gemeinden', { kind: 'channel' });
    await h.say(KORA, 'listen versenden');
    const cardId = h.outbound.sent.find((s) => s.reference.conversation?.id === '19:gemeinden@thread.tacv2')!.id;
    const updates = () => h.outbound.updated.filter((u) => u.activityId === cardId);
    // A Gemeinde's persons and state on the n-th update (its row: name, persons, due date, state).
    const row = (n: number, name: string) => cardText(updates()[n].activity.attachments![0].content).match(new RegExp(`${name}\\n(\\d+)\\n[^\\n]+\\n([^\\n]+)`))!.slice(1);
    // The bot as started: the channel card waits for quiet (here 1.5 s instead of minutes; a strike takes well under 0.5 s).
    const quiet = new SummaryCards(h.deps.app, h.deps.conversations, h.outbound, h.logger, { quietMs: 1500 });
    h.deps.summaries = quiet;
    const strike = (n: number) => h.invoke(ANNA, VERBS.strike, { year: 2025, ags: ABSTATT, personId: `${ABSTATT}-${n}`, op: `quiet-${n}`, reason: 'weggezogen' });

    await strike(1);
    await new Promise((r) => setTimeout(r, 100));
    await strike(2);
    await quiet.background.idle();
    expect(updates()).toHaveLength(0); // still working: the card stays as it is
    await new Promise((r) => setTimeout(r, 1800));
    await quiet.background.idle();
    expect(updates()).toHaveLength(1); // one update, with both strikes
    expect(row(0, 'Abstatt')).toEqual(['4', 'in Bearbeitung']); // 6 listed, 2 struck

    // Submitting is the end of the work: the card shows it at once, and the waiting update is not sent later.
    await strike(3);
    await h.invoke(ANNA, VERBS.submit, { year: 2025, ags: ABSTATT, op: 'quiet-submit' });
    await quiet.background.idle();
    expect(updates()).toHaveLength(2);
    expect(row(1, 'Abstatt')[1]).toMatch(/^eingereicht am/);
    await new Promise((r) => setTimeout(r, 1800));
    await quiet.background.idle();
    expect(updates()).toHaveLength(2);

    // A stop (idle) sends what still waits.
    await h.invoke(BERT, VERBS.strike, { year: 2025, ags: BRACKENHEIM, personId: `${BRACKENHEIM}-1`, op: 'quiet-b', reason: 'weggezogen' });
    expect(updates()).toHaveLength(2);
    await quiet.idle();
    expect(updates()).toHaveLength(3);
    expect(row(2, 'Brackenheim')).toEqual(['5', 'in Bearbeitung']);
  });
});

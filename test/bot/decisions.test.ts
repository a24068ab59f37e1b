/** Step B on cards: the decision card, the confirmation step, Verbund confirmations, the deadline lock. */
import { VERBS } from '../../src/cards/actions';
import { assessDecision } from '../../src/domain/decision';
import { translate } from '../../src/i18n/messages';
import { ABSTATT, ANNA, BERT, BRACKENHEIM, BotHarness, KORA, NOBODY, actionsOf, attachedCard, cardText, openBotHarness } from './botHarness';

let h: BotHarness;
beforeEach(async () => {
  h = await openBotHarness();
  await h.deps.app.campaigns.publish(2025, { actor: { id: KORA.aadObjectId, name: KORA.name, role: 'koordination' }, force: true });
});
afterEach(() => h.cleanup());

const de = (code: Parameters<typeof translate>[0], params = {}) => translate(code, params, 'de');
const book = () => h.deps.app.decisions.read(2025);

async function decide(user: typeof ANNA, ags: string, inputs: Record<string, string>) {
  const review = await h.invoke(user, VERBS.decisionReview, { year: 2025, ags, ...inputs });
  expect(review.body.statusCode).toBe(200);
  const set = actionsOf(review.body.value).find((a) => a.verb === VERBS.decisionSet);
  if (!set) return { review, set: undefined };
  return { review, set: await h.invoke(user, VERBS.decisionSet, set.data) };
}

test('the decision card shows the share, its VZÄ and what 0.5 VZÄ would still need', async () => {
  const [reply] = await h.say(ANNA, 'entscheidung');
  const card = attachedCard(reply);
  // 46 Gemeinden with 6 persons each share 1,508,000 € equally: 32,782.61 → whole euros.
  const report = await h.deps.app.overview.overview(2025);
  const row = report.rows.find((r) => r.ags === ABSTATT)!;
  const amount = Number(row.amount);
  expect(cardText(card)).toContain(new Intl.NumberFormat('de-DE').format(amount));
  expect(cardText(card)).toContain(new Intl.NumberFormat('de-DE').format(34000 - amount));
  expect(actionsOf(card).some((a) => a.verb === VERBS.decisionReview)).toBe(true);
});

test('eigenständig below 0.5 VZÄ is refused on the form; a valid choice needs the confirmation step', async () => {
  const { review } = await decide(ANNA, ABSTATT, { choice: 'eigenstaendig', vzae: '0,4' });
  expect(cardText(review.body.value)).toContain(de('decision.positionTooSmall'));
  expect((await book()).decisions[ABSTATT]).toBeUndefined();

  const ok = await decide(ANNA, ABSTATT, { choice: 'eigenstaendig', vzae: '0,5', eigenmittel: '2.000', traeger: 'Diakonie' });
  expect(cardText(ok.set!.body.value)).toContain(de('card.decided'));
  expect((await book()).decisions[ABSTATT]).toMatchObject({ choice: 'eigenstaendig', vzae: '0.5', eigenmittel: '2000.00', traeger: 'Diakonie' });
  // The review alone changed nothing; the binding click twice is applied once.
  const again = await h.invoke(ANNA, VERBS.decisionSet, actionsOf((await decide(ANNA, ABSTATT, { choice: 'landkreis' })).review.body.value).find((a) => a.verb === VERBS.decisionSet)!.data);
  expect(again.body.statusCode).toBe(200);
  expect((await book()).events.filter((e) => e.action === 'decision.set')).toHaveLength(2);
});

test('a Verbund invitation reaches each partner in the language of their own chat, not the lead\'s', async () => {
  await h.say(BERT, 'hilfe'); // Bert's personal chat becomes known to the bot, in German
  const en = { locale: 'en-US' };
  const propose = async () => {
    const review = await h.invoke(ANNA, VERBS.decisionReview, { year: 2025, ags: ABSTATT, choice: 'verbund', vzae: '0.5', partners: BRACKENHEIM }, en);
    const set = actionsOf(review.body.value).find((a) => a.verb === VERBS.decisionSet)!;
    const before = h.outbound.sent.length;
    expect((await h.invoke(ANNA, VERBS.decisionSet, set.data, en)).body.statusCode).toBe(200);
    const toBert = h.outbound.sent.slice(before).find((p) => p.reference.conversation?.id === `a:personal-${BERT.aadObjectId}`);
    return cardText(toBert!.activity.attachments![0].content);
  };
  const german = await propose();
  expect(german).toContain(de('bot.verbundInvitation', { lead: 'Abstatt' }));
  expect(german).not.toContain('proposes');
  // Bert's Teams now reports English: the next invitation (a new proposal) is English throughout.
  await h.say(BERT, 'help', { locale: 'en-GB' });
  await h.invoke(ANNA, VERBS.decisionSet, { year: 2025, ags: ABSTATT, choice: 'landkreis' }, en);
  const english = await propose();
  expect(english).toContain(translate('bot.verbundInvitation', { lead: 'Abstatt' }, 'en'));
  expect(english).not.toContain('Entscheidung');
});

test('no choice sent (a client that skips isRequired): the form asks for one, in words', async () => {
  const r = await h.invoke(ANNA, VERBS.decisionReview, { year: 2025, ags: ABSTATT, choice: '' });
  expect(cardText(r.body.value)).toContain(de('bot.choiceRequired'));
  expect(cardText(r.body.value)).not.toContain('keine Wahl');
});

test('Verbund: the partner is invited, confirms, and the Verbund becomes valid', async () => {
  await h.say(KORA, 'zuordnen 00000005-0000-4000-8000-000000000000 Cleebronn');
  const { set } = await decide(ANNA, ABSTATT, { choice: 'verbund', vzae: '0,5', partners: BRACKENHEIM });
  expect(cardText(set!.body.value)).toContain(de('card.decided'));
  let b = await book();
  const amounts = new Map((await h.deps.app.overview.overview(2025)).rows.map((r) => [r.ags, new (require('../../src/domain/money').Decimal)(r.amount)]));
  expect(assessDecision(b, ABSTATT, amounts, (await h.deps.app.campaigns.show(2025)).campaign).valid).toBe(false);

  // Bert (Brackenheim) sees the invitation on his decision card and confirms it.
  const [reply] = await h.say(BERT, 'entscheidung');
  const confirm = actionsOf(attachedCard(reply)).find((a) => a.verb === VERBS.verbundConfirm);
  expect(confirm?.data).toMatchObject({ year: 2025, ags: BRACKENHEIM, lead: ABSTATT });
  // Anna may not confirm for Brackenheim.
  expect((await h.invoke(ANNA, VERBS.verbundConfirm, confirm!.data)).body.statusCode).toBe(403);
  const confirmed = await h.invoke(BERT, VERBS.verbundConfirm, confirm!.data);
  expect(cardText(confirmed.body.value)).toContain(de('card.verbundConfirmed'));
  b = await book();
  expect(b.decisions[BRACKENHEIM]).toMatchObject({ choice: 'verbund', verbundLead: ABSTATT });
  expect(assessDecision(b, ABSTATT, amounts, (await h.deps.app.campaigns.show(2025)).campaign).valid).toBe(true);
  // The status shows it to the coordinator.
  const status = await h.deps.app.overview.status(2025);
  expect(status.rows.find((r) => r.ags === ABSTATT)).toMatchObject({ decision: 'verbund', decisionValid: true });
});

test('after the deadline the decision is locked for the Gemeinde; the coordinator may override', async () => {
  h.clock.set('2024-06-01T09:00:00.000Z');
  const locked = await decide(ANNA, ABSTATT, { choice: 'landkreis' });
  expect(cardText(locked.review.body.value)).toContain(de('decision.locked', { date: '31.05.2024' }));
  const [reply] = await h.say(ANNA, 'entscheidung');
  expect(actionsOf(attachedCard(reply)).some((a) => a.verb === VERBS.decisionReview)).toBe(false);
  const override = await decide(KORA, ABSTATT, { choice: 'eigenstaendig', vzae: '1' });
  expect(cardText(override.set!.body.value)).toContain(de('card.decided'));
  expect((await book()).decisions[ABSTATT].override).toBe(true);
});

test('rights: no role, other Gemeinde, forged data', async () => {
  expect((await h.invoke(NOBODY, VERBS.decisionOpen, { year: 2025, ags: ABSTATT })).body.statusCode).toBe(403);
  expect((await h.invoke(BERT, VERBS.decisionOpen, { year: 2025, ags: ABSTATT })).body.statusCode).toBe(403);
  expect((await h.invoke(BERT, VERBS.decisionSet, { year: 2025, ags: ABSTATT, choice: 'landkreis', op: 'x' })).body.statusCode).toBe(403);
  expect((await h.invoke(ANNA, VERBS.decisionSet, { year: 2025, ags: ABSTATT, choice: 'verbund', vzae: '1', partners: '../x' })).body.statusCode).toBe(400);
  expect((await book()).decisions[ABSTATT]).toBeUndefined();
});

test('an operation id longer than the cards make is refused and stores nothing (it would go into the audit log)', async () => {
  const forged = await h.invoke(ANNA, VERBS.decisionSet, { year: 2025, ags: ABSTATT, choice: 'landkreis', op: 'x'.repeat(100_000) });
  expect(forged.body.statusCode).toBe(400);
  const proposal = await h.invoke(BERT, VERBS.verbundConfirm, { year: 2025, ags: BRACKENHEIM, lead: ABSTATT, proposal: 'gestern' });
  expect(proposal.body.statusCode).toBe(400);
  expect((await book()).events).toHaveLength(0);
});

test('a partner confirms again after the lead proposes anew; a card with an older proposal confirms nothing', async () => {
  const invitation = async () => actionsOf(attachedCard((await h.say(BERT, 'entscheidung'))[0])).find((a) => a.verb === VERBS.verbundConfirm)!;
  await decide(ANNA, ABSTATT, { choice: 'verbund', vzae: '0,5', partners: BRACKENHEIM });
  const unclicked = await invitation();
  // Abstatt changes the terms before Brackenheim answers – at the same instant (the clock stands still, as
  // under INTM_NOW): the card Bert still has confirms nothing, and says why.
  await decide(ANNA, ABSTATT, { choice: 'verbund', vzae: '0,75', partners: BRACKENHEIM });
  const stale = await h.invoke(BERT, VERBS.verbundConfirm, unclicked.data);
  expect(cardText(stale.body.value)).toContain(de('decision.proposalChanged'));
  expect((await book()).decisions[ABSTATT].confirmations).toEqual({});

  const first = await invitation();
  expect(cardText((await h.invoke(BERT, VERBS.verbundConfirm, first.data)).body.value)).toContain(de('card.verbundConfirmed'));
  // Brackenheim withdraws (Landkreis) and thinks again: the same card's button confirms once more.
  await decide(BERT, BRACKENHEIM, { choice: 'landkreis' });
  expect((await book()).decisions[ABSTATT].confirmations).toEqual({});
  expect(cardText((await h.invoke(BERT, VERBS.verbundConfirm, (await invitation()).data)).body.value)).toContain(de('card.verbundConfirmed'));
  // Abstatt changes the terms again: the confirmation is reset, and Brackenheim – same person, Gemeinde and lead – confirms anew.
  await decide(ANNA, ABSTATT, { choice: 'verbund', vzae: '1', partners: BRACKENHEIM });
  expect((await book()).decisions[ABSTATT].confirmations).toEqual({});
  const second = await invitation();
  expect(second.data).not.toEqual(first.data);
  expect(cardText((await h.invoke(BERT, VERBS.verbundConfirm, second.data)).body.value)).toContain(de('card.verbundConfirmed'));
  expect(Object.keys((await book()).decisions[ABSTATT].confirmations ?? {})).toEqual([BRACKENHEIM]);
  // A double click on that card is one confirmation – and the second answer says so too, not "Keine Änderung"
  // (the card Bert sees is the one answering the last click).
  const before = (await book()).events.length;
  const doubled = cardText((await h.invoke(BERT, VERBS.verbundConfirm, second.data)).body.value);
  expect(doubled).toContain(de('card.verbundConfirmed'));
  expect(doubled).not.toContain(de('card.noChange'));
  expect((await book()).events).toHaveLength(before);
});

test('a retried or double-submitted decision answers "entschieden" again, not "Keine Änderung", and is saved once', async () => {
  const review = await h.invoke(ANNA, VERBS.decisionReview, { year: 2025, ags: ABSTATT, choice: 'eigenstaendig', vzae: '0,5' });
  const set = actionsOf(review.body.value).find((a) => a.verb === VERBS.decisionSet)!;
  const first = await h.invoke(ANNA, VERBS.decisionSet, set.data);
  const retry = await h.invoke(ANNA, VERBS.decisionSet, set.data);
  expect(cardText(first.body.value)).toContain(de('card.decided'));
  expect(cardText(retry.body.value)).toContain(de('card.decided'));
  expect(cardText(retry.body.value)).not.toContain(de('card.noChange'));
  expect((await book()).events.filter((e) => e.action === 'decision.set')).toHaveLength(1);
  // Deciding the same again on a new card (a new operation) is no change, and says so.
  const again = await decide(ANNA, ABSTATT, { choice: 'eigenstaendig', vzae: '0,5' });
  expect(cardText(again.set!.body.value)).toContain(de('card.noChange'));
});

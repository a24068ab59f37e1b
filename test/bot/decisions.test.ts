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
  expect(cardText(ok.set!.body.value)).toContain(de('card.decided', { date: '31.05.2024' }));
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
  expect(cardText(set!.body.value)).toContain(de('card.decided', { date: '31.05.2024' }));
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
  // "Weiter" on a card from before the deadline: the card as it stands, no confirmation, no invitation to decide.
  expect(cardText(locked.review.body.value)).toContain(de('card.decisionLocked', { date: '31.05.2024' }));
  expect(locked.set).toBeUndefined();
  expect(cardText(locked.review.body.value)).toContain('Bis zur Frist wurde nichts entschieden: Der Landkreis übernimmt das Integrationsmanagement.');
  expect(cardText(locked.review.body.value)).not.toMatch(/Entscheidung bis|entscheiden Sie|Verbindlich entscheiden/);
  const [reply] = await h.say(ANNA, 'entscheidung');
  expect(actionsOf(attachedCard(reply)).some((a) => a.verb === VERBS.decisionReview)).toBe(false);
  // The Koordinierungsstelle's form asks why; without a reason nothing is stored.
  const [forKora] = await h.say(KORA, 'entscheidung Abstatt');
  expect(JSON.stringify(attachedCard(forKora))).toContain('"id":"reason"');
  const bare = await decide(KORA, ABSTATT, { choice: 'eigenstaendig', vzae: '1' });
  expect(bare.set).toBeUndefined();
  expect(cardText(bare.review.body.value)).toContain(de('decision.overrideReasonRequired', { date: '2024-05-31' }));
  const override = await decide(KORA, ABSTATT, { choice: 'eigenstaendig', vzae: '1', reason: 'Schreiben vom 28.05., eingegangen 03.06.' });
  expect(cardText(override.review.body.value)).toMatch(/Begründung: \s*Schreiben vom 28\.05\., eingegangen 03\.06\./);
  expect(cardText(override.review.body.value)).toContain('Die Entscheidungsfrist ist am 31.05.2024 abgelaufen: Die Änderung wird als Änderung durch die Koordinierungsstelle protokolliert');
  expect(cardText(override.review.body.value)).not.toContain('können Sie die Entscheidung noch ändern');
  expect(cardText(override.set!.body.value)).toContain(de('card.decidedOverride'));
  expect((await book()).decisions[ABSTATT].override).toBe(true);
  expect((await book()).events.at(-1)!.reason).toBe('Änderung durch die Koordinierungsstelle nach Fristablauf: Schreiben vom 28.05., eingegangen 03.06.');
  // A Verbund confirmed for a partner after the deadline: the confirm button sends no inputs (the form's required
  // fields would hold it up); the Koordinierungsstelle is asked for its reason on a card with just that field.
  await h.deps.app.decisions.decide(2025, { ags: BRACKENHEIM, choice: 'verbund', vzae: '1', partners: [ABSTATT], reason: 'Schreiben vom 29.05.' }, { actor: { id: KORA.aadObjectId, name: KORA.name, role: 'koordination' } });
  const [invited] = await h.say(KORA, 'entscheidung Abstatt');
  const executes = (card: unknown) => {
    const found: Record<string, unknown>[] = [];
    JSON.stringify(card, (_k, v) => (v && v.type === 'Action.Execute' && found.push(v), v));
    return found;
  };
  const confirmButton = executes(attachedCard(invited)).find((a) => a.verb === VERBS.verbundConfirm)!;
  expect(confirmButton.associatedInputs).toBe('none');
  const asked = await h.invoke(KORA, VERBS.verbundConfirm, confirmButton.data);
  expect(cardText(asked.body.value)).toContain(de('decision.overrideReasonRequired', { date: '2024-05-31' }));
  const inputIds: string[] = [];
  JSON.stringify(asked.body.value, (_k, v) => (v && typeof v.type === 'string' && v.type.startsWith('Input.') && inputIds.push(v.id), v));
  expect(inputIds).toEqual(['reason']);
  const fromReasonCard = executes(asked.body.value).find((a) => a.verb === VERBS.verbundConfirm)!;
  expect(fromReasonCard.associatedInputs).not.toBe('none');
  expect((await book()).events.filter((e) => e.action === 'decision.confirm')).toHaveLength(0);
  // Too short: refused with the minimum, and what was typed stays in the field.
  const short = await h.invoke(KORA, VERBS.verbundConfirm, { ...(fromReasonCard.data as object), reason: 'ab' });
  expect(cardText(short.body.value)).toContain('mindestens 3 Zeichen');
  expect(JSON.stringify(short.body.value)).toMatch(/"id":"reason"[^}]*"value":"ab"/);
  const withReason = await h.invoke(KORA, VERBS.verbundConfirm, { ...(fromReasonCard.data as object), reason: 'Telefonat am 30.05.' });
  expect(cardText(withReason.body.value)).toContain(de('card.decidedOverride'));
  expect((await book()).events.at(-1)).toMatchObject({ action: 'decision.confirm', reason: 'Änderung durch die Koordinierungsstelle nach Fristablauf: Telefonat am 30.05.' });
  // Before the deadline no reason is asked for.
  h.clock.set('2024-05-30T09:00:00.000Z');
  const [early] = await h.say(KORA, 'entscheidung Abstatt');
  expect(JSON.stringify(attachedCard(early))).not.toContain('"id":"reason"');
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
  expect(cardText(first.body.value)).toContain(de('card.decided', { date: '31.05.2024' }));
  expect(cardText(retry.body.value)).toContain(de('card.decided', { date: '31.05.2024' }));
  expect(cardText(retry.body.value)).not.toContain(de('card.noChange'));
  expect((await book()).events.filter((e) => e.action === 'decision.set')).toHaveLength(1);
  // Deciding the same again on a new card (a new operation) is no change, and says so.
  const again = await decide(ANNA, ABSTATT, { choice: 'eigenstaendig', vzae: '0,5' });
  expect(cardText(again.set!.body.value)).toContain(de('card.noChange'));
});

describe('decisions made on cards that are no longer current', () => {
  const CLEEBRONN = '08125017';
  const setData = async (user: typeof ANNA, ags: string, inputs: Record<string, string>) =>
    actionsOf((await h.invoke(user, VERBS.decisionReview, { year: 2025, ags, ...inputs })).body.value).find((a) => a.verb === VERBS.decisionSet)!.data as Record<string, unknown>;

  test('the same values chosen again after the lead reset the Verbund are saved, not taken for a replay; the dropped partner is told', async () => {
    await h.say(BERT, 'hilfe'); // Bert's personal chat is known
    await decide(BERT, BRACKENHEIM, { choice: 'eigenstaendig', vzae: '1' });
    await decide(ANNA, ABSTATT, { choice: 'verbund', vzae: '1', partners: BRACKENHEIM });
    const proposal = (await h.deps.app.decisions.situation(2025, BRACKENHEIM, { id: BERT.aadObjectId, name: BERT.name, role: 'gemeinde', ags: BRACKENHEIM })).invitations[0].proposal;
    await h.invoke(BERT, VERBS.verbundConfirm, { year: 2025, ags: BRACKENHEIM, lead: ABSTATT, proposal });
    const before = h.outbound.sent.length;
    await decide(ANNA, ABSTATT, { choice: 'landkreis' });
    expect((await book()).decisions[BRACKENHEIM]).toBeUndefined();
    // Bert hears that Brackenheim is out of the Verbund and has to decide anew.
    const toBert = h.outbound.sent.slice(before).filter((p) => p.reference.conversation?.id === `a:personal-${BERT.aadObjectId}`);
    expect(toBert).toHaveLength(1);
    expect(cardText(toBert[0].activity.attachments![0].content)).toContain(de('bot.verbundLeft', { lead: 'Abstatt' }));
    const again = await decide(BERT, BRACKENHEIM, { choice: 'eigenstaendig', vzae: '1' });
    expect(cardText(again.set!.body.value)).toContain(de('card.decided', { date: '31.05.2024' }));
    expect((await book()).decisions[BRACKENHEIM]).toMatchObject({ choice: 'eigenstaendig', vzae: '1' });
  });

  test('a colleague decided meanwhile: the older confirmation card is refused as a conflict and overwrites nothing', async () => {
    const stale = await setData(ANNA, ABSTATT, { choice: 'eigenstaendig', vzae: '1', eigenmittel: '10.000' });
    await decide(ANNA, ABSTATT, { choice: 'landkreis' }); // another member of Abstatt's staff, on a fresh card
    const late = await h.invoke(ANNA, VERBS.decisionSet, stale);
    expect(cardText(late.body.value)).toContain(de('card.decisionChanged', { name: 'Abstatt' }));
    expect(cardText(late.body.value)).not.toContain(de('conflict.staleRevision'));
    expect((await book()).decisions[ABSTATT]).toMatchObject({ choice: 'landkreis' });
    expect((await book()).events.filter((e) => e.action === 'decision.set')).toHaveLength(1);
  });

  test('a form filled in while a colleague decided is refused at review, with what was typed kept; the current decision stays', async () => {
    const [opened] = await h.say(ANNA, 'entscheidung');
    const review = actionsOf(attachedCard(opened)).find((a) => a.verb === VERBS.decisionReview)!;
    await h.deps.app.decisions.decide(2025, { ags: ABSTATT, choice: 'eigenstaendig', vzae: '1', eigenmittel: '5000' }, { actor: { id: 'arno', name: 'Arno Abstatt', role: 'gemeinde', ags: ABSTATT } });
    const late = await h.invoke(ANNA, VERBS.decisionReview, { ...(review.data as object), choice: 'landkreis' });
    expect(cardText(late.body.value)).toContain(de('card.decisionChanged', { name: 'Abstatt' }));
    expect(actionsOf(late.body.value).some((a) => a.verb === VERBS.decisionSet)).toBe(false);
    expect((await book()).decisions[ABSTATT]).toMatchObject({ choice: 'eigenstaendig' });
  });

  test('without an operation id every binding click is its own decision (no shared replay id)', async () => {
    const landkreis = await setData(ANNA, ABSTATT, { choice: 'landkreis' });
    const { op: _op1, state: _s1, ...first } = landkreis;
    await h.invoke(ANNA, VERBS.decisionSet, first);
    const own = await setData(ANNA, ABSTATT, { choice: 'eigenstaendig', vzae: '1' });
    const { op: _op2, state: _s2, ...second } = own;
    expect(cardText((await h.invoke(ANNA, VERBS.decisionSet, second)).body.value)).toContain(de('card.decided', { date: '31.05.2024' }));
    expect((await book()).decisions[ABSTATT]).toMatchObject({ choice: 'eigenstaendig' });
  });

  test('partners the bot cannot reach are named to the lead; a partner named twice is one partner; refusals name Gemeinden', async () => {
    const set = await decide(ANNA, ABSTATT, { choice: 'verbund', vzae: '1', partners: `${CLEEBRONN},${CLEEBRONN}` });
    expect(cardText(set.review.body.value)).not.toContain('Cleebronn, Cleebronn');
    expect(cardText(set.set!.body.value)).toContain(de('bot.verbundUnreachable', { names: 'Cleebronn' }));
    expect((await book()).decisions[ABSTATT].partners).toEqual([CLEEBRONN]);
    // Cleebronn leads a Verbund itself now: proposing it as a partner is refused, by name.
    await h.deps.app.decisions.decide(2025, { ags: CLEEBRONN, choice: 'verbund', vzae: '1', partners: [BRACKENHEIM] }, { actor: { id: KORA.aadObjectId, name: KORA.name, role: 'koordination' } });
    const refused = await h.invoke(BERT, VERBS.decisionReview, { year: 2025, ags: BRACKENHEIM, choice: 'verbund', vzae: '1', partners: CLEEBRONN });
    expect(cardText(refused.body.value)).toContain(de('decision.partnerIsLead', { ags: 'Cleebronn' }));
  });

  test('Eigenmittel with more than cents or beyond any position\'s cost are refused, not rounded or stored', async () => {
    for (const [eigenmittel, code] of [['1.234,567', 'campaign.amountCents'], ['999999999999999999', 'decision.amountTooLarge']] as const) {
      const { review } = await decide(ANNA, ABSTATT, { choice: 'eigenstaendig', vzae: '1', eigenmittel });
      expect(cardText(review.body.value)).toContain(de(code, { field: 'Eigenmittel', max: 10_000_000 }));
    }
    expect((await book()).decisions[ABSTATT]).toBeUndefined();
  });
});

test('before any persons are counted the card says the share is not computed yet, not 0 € with Eigenmittel missing', async () => {
  const empty = await openBotHarness(0);
  try {
    const [reply] = await empty.say(ANNA, 'entscheidung');
    const text = cardText(attachedCard(reply));
    expect(text).toContain('noch nicht berechnet (es sind noch keine Personen gezählt)');
    expect(text).toContain('wie viel davon Ihr Anteil deckt, steht fest, sobald die Listen gezählt sind');
    expect(text).not.toContain('es fehlen 34.000\u00a0€');
  } finally {
    await empty.cleanup();
  }
});

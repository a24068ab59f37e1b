/**
 * Issue 15's Verwendungsnachweis round in Teams over HTTP: the real server in local mode, Teams-shaped
 * activities in, the recording connector as the service URL. The coordinator opens the round, the clerk
 * gets her card, saves a draft, submits (findings shown first), the coordinator returns it with a
 * question, the clerk sees it and submits again, the coordinator accepts. Stale cards, other Gemeinden,
 * channels and English are checked on the way. Card data is always what the bot rendered.
 */
import { rmSync } from 'node:fs';
import { VERBS } from '../../src/cards/actions';
import { memoryLogger } from '../../src/bot/log';
import type { RunningBot } from '../../src/bot/start';
import { openApp } from '../../src/compose';
import { cardText as cardMessage } from '../../src/i18n/cards';
import { translate } from '../../src/i18n/messages';
import { fixedClock } from '../../src/storage/systemClock';
import { coordinator, EPPINGEN, listWith, person, publishForRound, staff, verzeichnis } from '../fixtures';
import { tempDir } from '../harness';
import { ABSTATT, ANNA, BERT, BRACKENHEIM, KORA, TENANT, actionsOf, cardText, invokeActivity, messageActivity, type User } from './botHarness';
import type { Connector } from './connector';
import { httpKit, startLocalBot } from './httpKit';

const ERNA: User = { aadObjectId: '00000005-0000-4000-8000-000000000000', name: 'Erna Eppingen', teamsId: '29:user-5' };
const clock = fixedClock('2026-01-15T09:00:00Z');
let dataDir: string;
let connector: Connector;
let bot: RunningBot;
const logger = memoryLogger();
const de = (code: Parameters<typeof translate>[0], params = {}) => translate(code, params, 'de');
const personal = (u: User) => `a:personal-${u.aadObjectId}`;

beforeAll(async () => {
  dataDir = tempDir('intm-vn-http-');
  // The year 2025 as it went: lists, Abstatt on its own, Brackenheim leading a Verbund with Eppingen.
  const app = await openApp({ dataDir, clock: fixedClock('2024-01-10T09:00:00Z') });
  await app.campaigns.create({ year: 2025, kreisAmount: '1508000' }, { actor: coordinator });
  const lists = verzeichnis.all.map((g) => listWith(g.ags, [1, 2, 3, 4, 5].map((i) => person(`${g.ags}-${i}`, { surname: `Geheim${g.ags.slice(-3)}${i}` }))));
  await app.ctx.repo.replaceLists(2025, lists, (c) => ({ next: { ...c, revision: c.revision + 1 }, result: undefined }));
  await app.decisions.decide(2025, { ags: ABSTATT, choice: 'eigenstaendig', vzae: '0.5', eigenmittel: '1000' }, { actor: staff(ABSTATT) });
  await app.decisions.decide(2025, { ags: BRACKENHEIM, choice: 'verbund', vzae: '1', partners: [EPPINGEN] }, { actor: staff(BRACKENHEIM) });
  await app.decisions.confirm(2025, { ags: EPPINGEN, lead: BRACKENHEIM }, { actor: staff(EPPINGEN) });
  for (const [u, ags] of [[ANNA, ABSTATT], [BERT, BRACKENHEIM], [ERNA, EPPINGEN]] as const) {
    await app.roster.assign({ aadObjectId: u.aadObjectId, name: u.name, role: 'gemeinde', ags, tenantId: TENANT }, coordinator);
  }
  await app.close();
  ({ bot, connector } = await startLocalBot(dataDir, { clock, logger }, { INTM_COORDINATORS: KORA.aadObjectId, INTM_TENANTS: TENANT }));
}, 60_000);
afterAll(async () => {
  await bot?.stop();
  await connector?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const { post, since } = httpKit(() => bot, () => connector);

/** The card the bot answered a message with in the personal chat of `u`. */
async function cardFor(u: User, text: string, locale = 'de-DE'): Promise<any> {
  const n = connector.recorded.length;
  await post(messageActivity(u, text, { locale }));
  const card = since(n, personal(u)).find((r) => r.card)?.card;
  if (!card) throw new Error(`no card for "${text}"`);
  return card;
}

const button = (card: unknown, verb: string) => {
  const found = actionsOf(card).find((a) => a.verb === verb);
  if (!found) throw new Error(`no ${verb} button`);
  return found;
};

/** Clicks a button as Teams does: its data, with the card's inputs merged in. */
async function click(u: User, card: unknown, verb: string, inputs: Record<string, string> = {}, kind?: 'channel'): Promise<any> {
  const b = button(card, verb);
  return post(invokeActivity(u, b.verb, { ...b.data, ...inputs }, kind ? { kind } : {}));
}

/** The values of the card's inputs by id, as Teams sends them back when nothing is typed. */
function inputsOf(card: unknown): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.')) found[o.id as string] = (o.value as string | undefined) ?? '';
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}

const round = async () => (await bot.deps.app.verwendungsnachweis.round(2025))!;

const MONTHS = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`m${i + 1}`, i === 7 ? '0' : '0,5']));

test('the round through the bot: open, draft, submit with findings, return with a question, resubmit, accept', async () => {
  for (const u of [ANNA, BERT, ERNA]) await post({ ...messageActivity(u, ''), type: 'installationUpdate', action: 'add', text: undefined });

  // Before the overview is published the round is refused: the allocations received come from the publication.
  let n = connector.recorded.length;
  await post(messageActivity(KORA, 'Verwendungsnachweis starten 31.03.2026'));
  expect(since(n, personal(KORA)).map((r) => r.body?.text)).toEqual([de('vn.notPublished', { year: 2025 })]);
  expect(de('vn.notPublished', { year: 2025 })).toContain('„veröffentlichen“');
  expect(await bot.deps.app.verwendungsnachweis.round(2025)).toBeUndefined();
  await publishForRound(bot.deps.app);

  // The coordinator opens the round: the answer counts the Gemeinden; the filing ones' staff get the card.
  n = connector.recorded.length;
  await post(messageActivity(KORA, 'Verwendungsnachweis starten 31.03.2026 Kennzahlen Beratene Personen; Beratene Familien; Stunden je Woche'));
  const toKora = since(n, personal(KORA)).map((r) => r.body?.text);
  expect(toKora).toEqual([
    de('bot.vn.started', { year: 2025, date: '2026-03-31', own: 2, landkreis: 43 }),
    de('bot.vn.notified', { year: 2025, filing: 2, sent: 2, reached: 2, unreachable: '', failed: '' }),
  ]);
  const annaStart = since(n, personal(ANNA)).filter((r) => r.card);
  expect(annaStart).toHaveLength(1);
  expect(cardText(annaStart[0].card)).toContain(de('bot.vn.opened', { year: 2025, date: '2026-03-31' }));
  expect(cardText(annaStart[0].card)).toContain('Zuwendung erhalten: 32.783\u00a0€');
  expect(actionsOf(annaStart[0].card).map((a) => a.verb)).toEqual([VERBS.vnSave, VERBS.vnReview]);
  expect((await round()).keyFigures.map((k) => k.label)).toEqual(['Beratene Personen', 'Beratene Familien', 'Stunden je Woche']);
  expect(cardText(annaStart[0].card)).toContain('Beratene Familien');
  // The Verbund files under its lead: Bert gets it, Erna (the partner) gets nothing.
  expect(since(n, personal(BERT)).filter((r) => r.card)).toHaveLength(1);
  expect(since(n, personal(ERNA))).toEqual([]);
  // Nothing anywhere but in personal chats.
  expect(connector.recorded.slice(n).every((r) => r.conversationId.startsWith('a:personal-'))).toBe(true);

  // Anna opens her card by command and saves a draft: stored, findings say what is still open.
  const card = await cardFor(ANNA, 'verwendungsnachweis');
  expect(button(card, VERBS.vnSave).data).toEqual({ year: 2025, ags: ABSTATT, rev: 1, op: `${VERBS.vnSave}:${ABSTATT}:1` });
  const draft = await click(ANNA, card, VERBS.vnSave, { personnel: '20.000', traeger: 'Diakonie Heilbronn', traegerAmount: '20.000' });
  expect(draft.statusCode).toBe(200);
  const draftText = cardText(draft.value);
  expect(draftText).toContain(de('bot.vn.saved'));
  expect(draftText).toContain('Noch offen: ');
  expect(draftText).toContain(de('vn.missing', { field: 'sonstige Ausgaben' }));
  expect(draftText).toContain('Diakonie Heilbronn');
  expect((await round()).nachweise[ABSTATT]).toMatchObject({ state: 'in_bearbeitung', data: { personnel: '20000.00', traeger: 'Diakonie Heilbronn', traegerAmount: '20000.00' } });

  // The card from before the draft is stale: refused, the current card shown, nothing changed.
  const stale = await click(ANNA, card, VERBS.vnSave, { personnel: '1' });
  expect(cardText(stale.value)).toContain(de('bot.vn.stale'));
  expect(JSON.stringify(stale.value)).toContain('"value":"20000"');
  expect((await round()).nachweise[ABSTATT].data.personnel).toBe('20000.00');

  // "Einreichen": the entries are kept, the confirmation shows the figures and the findings (August vacant, a likely reclaim).
  const filled = { personnel: '20.000', other: '1.500,50', eigenmittel: '0', traeger: 'Diakonie Heilbronn', traegerAmount: '20.000', ...MONTHS, fig_k1: '80', fig_k2: '30', fig_k3: '19,5', text: 'Beratung von Familien in der Anschlussunterbringung.' };
  const confirm = await click(ANNA, draft.value, VERBS.vnReview, filled);
  const confirmText = cardText(confirm.value);
  expect(confirmText).toContain(cardMessage('vnCard.confirm.title', 'de'));
  expect(confirmText).toContain(de('vn.monthsBelowMinimum', { count: 1, months: 'August' }));
  expect(confirmText).toContain(de('vn.expenditureBelowAllocation', { expenditure: '21500.50', allocation: '32783.00', reclaim: '11282.50' }));
  expect(confirmText).toContain('Personalausgaben: \n20.000\u00a0€');
  expect(actionsOf(confirm.value).map((a) => a.verb)).toEqual([VERBS.vnSubmit, VERBS.vnOpen]);
  expect((await round()).nachweise[ABSTATT].state).toBe('in_bearbeitung');

  // Submitting: locked, and nothing posted anywhere (not even to the coordinator).
  n = connector.recorded.length;
  const submitted = await click(ANNA, confirm.value, VERBS.vnSubmit);
  expect(cardText(submitted.value)).toContain(de('bot.vn.submitted'));
  expect(cardText(submitted.value)).toContain('Eingereicht am 15.01.2026');
  expect(actionsOf(submitted.value)).toEqual([]);
  expect(connector.recorded.slice(n)).toEqual([]);
  // The same click again (Teams retries): submitted once.
  expect(cardText((await click(ANNA, confirm.value, VERBS.vnSubmit)).value)).toContain(de('bot.vn.submitted'));

  // The coordinator opens Abstatt's Nachweis and returns it with a question; Anna gets the question with a button.
  const koraCard = await cardFor(KORA, 'verwendungsnachweis Abstatt');
  expect(actionsOf(koraCard).map((a) => a.verb)).toEqual([VERBS.vnAccept, VERBS.vnReturn]);
  n = connector.recorded.length;
  const returned = await click(KORA, koraCard, VERBS.vnReturn, { question: 'Bitte erläutern Sie die sonstigen Ausgaben.' });
  expect(cardText(returned.value)).toContain(de('bot.vn.returned'));
  const notice = since(n, personal(ANNA)).filter((r) => r.card);
  expect(notice).toHaveLength(1);
  expect(cardText(notice[0].card)).toContain('Bitte erläutern Sie die sonstigen Ausgaben.');
  expect(connector.recorded.slice(n).every((r) => r.conversationId === personal(ANNA))).toBe(true);

  // Anna opens it from the notice: the question on her card, editable again; she changes and submits again.
  const reopened = await click(ANNA, notice[0].card, VERBS.vnOpen);
  expect(cardText(reopened.value)).toContain('Bitte erläutern Sie die sonstigen Ausgaben.');
  expect(cardText(reopened.value)).toContain('Rückfrage der Koordinierungsstelle vom 15.01.2026:');
  const again = await click(ANNA, reopened.value, VERBS.vnReview, { ...filled, other: '12.783' });
  expect(cardText(again.value)).not.toContain('zurückgefordert');
  const resubmitted = await click(ANNA, again.value, VERBS.vnSubmit);
  expect(cardText(resubmitted.value)).toContain(de('bot.vn.submitted'));

  // The coordinator's card from before the resubmission is stale; the current one accepts.
  const staleAccept = await click(KORA, koraCard, VERBS.vnAccept);
  expect(cardText(staleAccept.value)).toContain(de('bot.vn.stale'));
  expect((await round()).nachweise[ABSTATT].state).toBe('eingereicht');
  const accepted = await click(KORA, await cardFor(KORA, 'verwendungsnachweis Abstatt'), VERBS.vnAccept);
  expect(cardText(accepted.value)).toContain(de('bot.vn.accepted'));
  expect(cardText(accepted.value)).toContain('Angenommen am 15.01.2026.');
  expect((await round()).events.filter((e) => e.ags === ABSTATT).map((e) => e.action)).toEqual([
    'vn.save', 'vn.save', 'vn.submit', 'vn.return', 'vn.save', 'vn.submit', 'vn.accept',
  ]);

  // Nothing of it in the log beyond keys and counts.
  for (const line of logger.lines) expect(line).not.toMatch(/Diakonie|erläutern|Geheim/);
}, 120_000);

test("another Gemeinde's clerk can neither open nor change it; a Verbund partner reads her lead's, read-only", async () => {
  const anna = await cardFor(ANNA, 'verwendungsnachweis');
  const before = JSON.stringify((await round()).nachweise[ABSTATT]);
  const open = await post(invokeActivity(BERT, VERBS.vnOpen, { year: 2025, ags: ABSTATT }));
  expect(open).toMatchObject({ statusCode: 403, type: 'application/vnd.microsoft.error', value: { message: de('auth.otherGemeinde') } });
  const bertCard = await cardFor(BERT, 'verwendungsnachweis');
  const change = await post(invokeActivity(BERT, VERBS.vnSave, { ...button(bertCard, VERBS.vnSave).data, ags: ABSTATT, personnel: '1' }));
  expect(change.statusCode).toBe(403);
  expect(JSON.stringify((await round()).nachweise[ABSTATT])).toBe(before);
  // By command, naming Abstatt: refused as well.
  const n = connector.recorded.length;
  await post(messageActivity(BERT, 'verwendungsnachweis Abstatt'));
  expect(since(n, personal(BERT)).map((r) => r.body?.text)).toEqual([de('auth.otherGemeinde')]);
  expect(actionsOf(anna)).toEqual([]); // accepted above: locked for Anna too

  // Erna (Eppingen, partner of Brackenheim) sees Brackenheim's Nachweis without a form or buttons.
  const erna = await cardFor(ERNA, 'verwendungsnachweis');
  expect(cardText(erna)).toContain('Brackenheim');
  expect(cardText(erna)).toContain(cardMessage('vnCard.locked.partner', 'de'));
  expect(actionsOf(erna)).toEqual([]);
}, 60_000);

test('bad card data is refused with the usual answer, nothing changed', async () => {
  const bertCard = await cardFor(BERT, 'verwendungsnachweis');
  const data = button(bertCard, VERBS.vnSave).data;
  const before = JSON.stringify(await round());
  for (const bad of [{ ...data, rev: 'x' }, { ...data, op: undefined }, { ...data, ags: '0812' }, { ...data, year: 1e308 }]) {
    const r = await post(invokeActivity(BERT, VERBS.vnSave, { ...bad, personnel: '5' }));
    expect(r).toMatchObject({ statusCode: 400, value: { message: de('bot.badRequest') } });
  }
  const notANumber = await post(invokeActivity(BERT, VERBS.vnSave, { ...data, personnel: 'viel' }));
  expect(cardText(notANumber.value)).toContain(de('vn.notANumber', { field: 'Personalausgaben', value: 'viel' }));
  expect(JSON.stringify(await round())).toBe(before);
}, 60_000);

test('in a channel nothing of the Nachweis is posted; English locale answers in English', async () => {
  let n = connector.recorded.length;
  await post(messageActivity(ANNA, 'verwendungsnachweis', { kind: 'channel' }));
  await post(messageActivity(KORA, 'verwendungsnachweis Abstatt', { kind: 'groupChat' }));
  const shared = connector.recorded.slice(n);
  expect(shared.map((r) => r.body?.text)).toEqual([de('bot.vn.personalOnly'), de('bot.vn.personalOnly')]);
  expect(JSON.stringify(shared)).not.toMatch(/€|20\.000|Diakonie|attachments/);

  const en = await cardFor(BERT, 'verwendungsnachweis', 'en-US');
  expect(cardText(en)).toContain('Verwendungsnachweis (proof of use) 2025');
  expect(cardText(en)).toContain('Save draft');
  expect(cardText(en)).toContain('Allocation received:');
  n = connector.recorded.length;
  await post(messageActivity(BERT, 'verwendungsnachweis starten 31.03.2026', { locale: 'en-US' }));
  expect(since(n, personal(BERT)).map((r) => r.body?.text)).toEqual([translate('bot.koordinationCommand', {}, 'en')]);
}, 60_000);

test('a card sent back as rendered changes nothing: the prefilled numbers read back as stored, in German and English', async () => {
  const filled = { personnel: '40.000,10', other: '2.000', ...MONTHS, [`share_${BRACKENHEIM}`]: '30.000,10', [`share_${EPPINGEN}`]: '12.000', fig_k3: '7,25' };
  const saved = await click(BERT, await cardFor(BERT, 'verwendungsnachweis'), VERBS.vnSave, filled);
  expect(cardText(saved.value)).toContain(de('bot.vn.saved'));
  const stored = JSON.stringify((await round()).nachweise[BRACKENHEIM]);
  for (const locale of ['de-DE', 'en-US']) {
    const card = await cardFor(BERT, 'verwendungsnachweis', locale);
    const inputs = inputsOf(card);
    expect(inputs).toMatchObject({ personnel: locale === 'de-DE' ? '40000,10' : '40000.10', [`share_${EPPINGEN}`]: '12000', m8: '0' });
    const again = await post(invokeActivity(BERT, VERBS.vnSave, { ...button(card, VERBS.vnSave).data, ...inputs }, { locale }));
    expect(cardText(again.value)).toContain(translate('bot.vn.noChange', {}, locale === 'de-DE' ? 'de' : 'en'));
    expect(JSON.stringify((await round()).nachweise[BRACKENHEIM])).toBe(stored);
  }
}, 60_000);

test('the coordinator moves the deadline; the round cannot be opened twice', async () => {
  let n = connector.recorded.length;
  await post(messageActivity(KORA, 'verwendungsnachweis frist 30.04.2026'));
  expect(since(n, personal(KORA)).map((r) => r.body?.text)).toEqual([de('bot.vn.deadlineSet', { year: 2025, date: '2026-04-30' })]);
  n = connector.recorded.length;
  await post(messageActivity(KORA, 'verwendungsnachweis starten 2025 31.03.2026'));
  expect(since(n, personal(KORA)).map((r) => r.body?.text)).toEqual([de('vn.alreadyOpen', { year: 2025 })]);
  expect(since(n, personal(ANNA))).toEqual([]);
}, 60_000);

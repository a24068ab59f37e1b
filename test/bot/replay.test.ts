/**
 * The state sent again to a person who opens a client without history (the demo's Agents Playground):
 * the channel's status card posted anew (and updated there from then on), the published overview, and
 * her own open cards in her personal chat – nothing recorded as done, nothing to anyone else.
 */
import { statusCardIn } from '../../src/bot/conversations';
import { replayFor } from '../../src/bot/replay';
import { listState } from '../../src/domain/list';
import { coordinator } from '../fixtures';
import { ABSTATT, ANNA, BERT, BRACKENHEIM, cardText, KORA, openBotHarness, TENANT, type BotHarness, type User } from './botHarness';

const CHANNEL = '19:gemeinden@thread.tacv2';
const identity = (u: User) => ({ aadObjectId: u.aadObjectId, tenantId: TENANT, name: u.name });
const personal = (u: User) => `a:personal-${u.aadObjectId}`;

describe('replayFor', () => {
  let h: BotHarness;

  beforeEach(async () => {
    h = await openBotHarness(3);
    await h.say(KORA, 'kanal registrieren gemeinden', { kind: 'channel' });
  });
  afterEach(() => h.cleanup());

  /** What went out since `from`, by conversation id, with each card's text. */
  const sentSince = (from: number) =>
    h.outbound.sent.slice(from).map((s) => ({ to: s.reference.conversation!.id, text: cardText(s.activity.attachments?.[0]?.content ?? s.activity.text) }));

  test('before the lists are sent there is nothing to send again', async () => {
    await h.say(ANNA, 'hilfe');
    const before = h.outbound.sent.length;
    expect(await replayFor(h.deps, identity(ANNA))).toEqual({ year: 2025, channelCard: false, overview: false, listCard: false, decisionCard: false });
    expect(h.outbound.sent.length).toBe(before);
  });

  test('after "listen versenden": the status card anew (later updates go to it) and the clerk\'s open list', async () => {
    await h.say(ANNA, 'hilfe');
    await h.say(KORA, 'listen versenden');
    const old = statusCardIn(await h.deps.conversations.read(), 2025, CHANNEL);
    const sentAt = (await h.deps.app.ctx.repo.readList(2025, ABSTATT))!.sent;
    const before = h.outbound.sent.length;

    const replayed = await replayFor(h.deps, identity(ANNA));

    expect(replayed).toEqual({ year: 2025, channelCard: true, overview: false, listCard: true, decisionCard: false });
    const out = sentSince(before);
    const channel = out.filter((s) => s.to === CHANNEL);
    expect(channel).toHaveLength(1);
    expect(channel[0].text).toContain('Personenlisten 2025');
    // Only counts and states in the channel; the list with names only in Anna's own chat.
    expect(channel[0].text).not.toContain('Nachname');
    const mine = out.filter((s) => s.to === personal(ANNA));
    expect(mine).toHaveLength(1);
    expect(mine[0].text).toContain('Personenliste');
    expect(mine[0].text).toContain('Nachname001x1');
    expect(out.every((s) => s.to === CHANNEL || s.to === personal(ANNA))).toBe(true);

    const now = statusCardIn(await h.deps.conversations.read(), 2025, CHANNEL);
    expect(now).toBe(h.outbound.sent[before].id);
    expect(now).not.toBe(old);
    // Nothing recorded as sent again.
    expect((await h.deps.app.ctx.repo.readList(2025, ABSTATT))!.sent).toEqual(sentAt);

    // The next change updates the card posted just now.
    h.deps.summaries.refresh(2025);
    await h.deps.summaries.idle();
    expect(h.outbound.updated.at(-1)!.activityId).toBe(now);
  });

  test('the Koordinierungsstelle and a clerk the bot cannot reach get only the channel', async () => {
    await h.say(KORA, 'listen versenden');
    expect(await replayFor(h.deps, identity(KORA))).toMatchObject({ channelCard: true, listCard: false, decisionCard: false });
    // Bert never opened a personal chat with the bot.
    expect(await replayFor(h.deps, identity(BERT))).toMatchObject({ channelCard: true, listCard: false, decisionCard: false });
  });

  test('after publication: the overview in the channel and the decision card; a submitted list is no longer open', async () => {
    await h.say(ANNA, 'hilfe');
    await h.say(BERT, 'hilfe');
    await h.say(KORA, 'listen versenden');
    await h.deps.app.review.submit(2025, ABSTATT, { actor: { id: ANNA.aadObjectId, name: ANNA.name, role: 'gemeinde', ags: ABSTATT } });
    await h.deps.app.campaigns.publish(2025, { actor: coordinator, force: true });
    expect(listState((await h.deps.app.ctx.repo.readList(2025, BRACKENHEIM))!)).toBe('versendet');
    const before = h.outbound.sent.length;

    expect(await replayFor(h.deps, identity(ANNA))).toEqual({ year: 2025, channelCard: true, overview: true, listCard: false, decisionCard: true });
    const out = sentSince(before);
    const overview = out.filter((s) => s.to === CHANNEL && s.text.includes('Übersicht Integrationsmanagement 2025'));
    expect(overview).toHaveLength(1);
    expect(overview[0].text).toContain('vorläufig');
    const mine = out.filter((s) => s.to === personal(ANNA));
    expect(mine).toHaveLength(1);
    expect(mine[0].text).toContain('Entscheidung');

    // Provisionally published: Brackenheim's list, not submitted, is still open for Bert.
    expect(await replayFor(h.deps, identity(BERT))).toMatchObject({ overview: true, listCard: true, decisionCard: true });
  });
});

/**
 * Issue 13's channel and publication over HTTP: the real server in local mode, Teams-shaped activities
 * in, the recording connector as the service URL – what Teams would receive, request by request.
 */
import { rmSync } from 'node:fs';
import { VERBS } from '../../src/cards/actions';
import { loadConfig } from '../../src/bot/config';
import { memoryLogger } from '../../src/bot/log';
import { startBot, type RunningBot } from '../../src/bot/start';
import { openApp } from '../../src/compose';
import { translate } from '../../src/i18n/messages';
import { fixedClock } from '../../src/storage/systemClock';
import { coordinator, listWith, person, verzeichnis } from '../fixtures';
import { tempDir } from '../harness';
import { ABSTATT, ANNA, KORA, TENANT, actionsOf, cardText, invokeActivity, messageActivity } from './botHarness';
import { startConnector, type Connector } from './connector';
import { httpKit } from './httpKit';

let dataDir: string;
let connector: Connector;
let bot: RunningBot;
const logger = memoryLogger();
const CHANNEL = '19:gemeinden@thread.tacv2';
const de = (code: Parameters<typeof translate>[0], params = {}) => translate(code, params, 'de');

beforeAll(async () => {
  dataDir = tempDir('intm-channel-http-');
  const app = await openApp({ dataDir, clock: fixedClock('2024-01-10T09:00:00Z') });
  await app.campaigns.create({ year: 2025, kreisAmount: '1508000' }, { actor: coordinator });
  const lists = verzeichnis.all.map((g) => listWith(g.ags, [1, 2, 3].map((i) => person(`${g.ags}-${i}`, { surname: `Geheim${g.ags.slice(-3)}${i}` }))));
  await app.ctx.repo.replaceLists(2025, lists, (c) => ({ next: { ...c, revision: c.revision + 1 }, result: undefined }));
  await app.roster.assign({ aadObjectId: ANNA.aadObjectId, name: ANNA.name, role: 'gemeinde', ags: ABSTATT, tenantId: TENANT }, coordinator);
  await app.close();
  connector = await startConnector();
  const config = loadConfig({ INTM_LOCAL: '1', PORT: '0', INTM_DATA_DIR: dataDir, INTM_COORDINATORS: KORA.aadObjectId, INTM_TENANTS: TENANT });
  bot = await startBot(config, { clock: fixedClock('2024-01-10T09:00:00Z'), logger, sender: { limits: [{ windowMs: 50, max: 100 }], windowMarginMs: 0 } });
});
afterAll(async () => {
  await bot.stop();
  await connector.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const { post, since } = httpKit(() => bot, () => connector);

test('one status card, a notice to the clerk, her own list from the card, the figures only in the personal chat, publishing once', async () => {
  await post({ ...messageActivity(ANNA, ''), type: 'installationUpdate', action: 'add', text: undefined });
  await post(messageActivity(KORA, 'kanal registrieren gemeinden', { kind: 'channel' }));

  // Step 2: one POST of the status card into the channel, one notice to Anna, the report to Kora.
  let n = connector.recorded.length;
  await post(messageActivity(KORA, 'listen versenden'));
  const status = since(n, CHANNEL).filter((r) => r.method === 'POST' && r.card);
  expect(status).toHaveLength(1);
  expect(cardText(status[0].card)).toContain('Personenlisten 2025');
  const notice = since(n, `a:personal-${ANNA.aadObjectId}`).filter((r) => r.card);
  expect(notice.map((r) => cardText(r.card))).toEqual([expect.stringContaining('Ihre Personenliste 2025 ist da')]);
  const report = since(n, `a:personal-${KORA.aadObjectId}`).map((r) => r.body?.text).filter(Boolean);
  expect(report.at(-1)).toContain('Benachrichtigt im persönlichen Chat: 1 Person. Keine Mitarbeitenden zugeordnet: 45 Gemeinden.');

  // "Meine Liste öffnen" in the channel: Anna's list, in the HTTP answer only she gets.
  const mine = actionsOf(status[0].card).find((a) => a.verb === VERBS.listMine)!;
  const answer = await post(invokeActivity(ANNA, mine.verb, mine.data, { kind: 'channel' }));
  expect(cardText(answer.value)).toContain('Geheim0011');
  expect(JSON.stringify(answer.value)).not.toContain('Geheim013');

  // "berechnen" in the channel: a pointer, no figure goes to the channel.
  n = connector.recorded.length;
  await post(messageActivity(KORA, 'berechnen', { kind: 'channel' }));
  const pointer = since(n, CHANNEL);
  expect(pointer.map((r) => r.body.text)).toEqual([de('bot.allocationPersonalOnly')]);
  expect(JSON.stringify(pointer)).not.toMatch(/€|1\.508\.000/);

  // Publishing from the personal chat: the overview to the channel, the decision card to Anna, the count to Kora.
  n = connector.recorded.length;
  const published = await post(invokeActivity(KORA, VERBS.publish, { year: 2025, force: true }));
  expect(cardText(published.value)).toContain(de('bot.published', { provisional: 1 }));
  expect(since(n, CHANNEL).filter((r) => r.method === 'POST').map((r) => cardText(r.card))).toEqual([expect.stringContaining('Übersicht Integrationsmanagement 2025')]);
  expect(since(n, `a:personal-${ANNA.aadObjectId}`).filter((r) => r.card && actionsOf(r.card).some((a) => a.verb === VERBS.decisionReview))).toHaveLength(1);
  const counted = since(n, `a:personal-${KORA.aadObjectId}`).map((r) => cardText(r.card)).at(-1);
  expect(counted).toContain('Entscheidungskarten zugestellt: 1 an 1 Gemeinde. Nicht erreichbar (keine Mitarbeitenden mit dem Bot): 45 Gemeinden:');

  // The same button again: nothing published, nothing sent.
  n = connector.recorded.length;
  const again = await post(invokeActivity(KORA, VERBS.publish, { year: 2025, force: true }));
  expect(cardText(again.value)).toContain(de('publish.unchanged', { date: '2024-01-10' }));
  expect(connector.recorded.slice(n)).toEqual([]);
  for (const line of logger.lines) expect(line).not.toMatch(/Geheim|08125001-\d/);
});

/**
 * Issue 13 over HTTP, the real server in local mode: each role sees its own welcome and help; the first
 * status report says it is the first; a form error says what is wrong; the note typed for a strike is on
 * the list card and never in a channel post; the decision card after a provisional publication does not
 * wait for the publication; the import report groups its issues, and the rows behind them are kept in the
 * store – a second bot instance on the same store serves their link – until the link expires.
 */
import { rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { translate } from '../../src/i18n/messages';
import { VERBS } from '../../src/cards/actions';
import { loadConfig } from '../../src/bot/config';
import { memoryLogger } from '../../src/bot/log';
import { startBot, type RunningBot } from '../../src/bot/start';
import { fixedClock } from '../../src/storage/systemClock';
import { coordinator } from '../fixtures';
import { tempDir } from '../harness';
import { ABSTATT, ANNA, KORA, NOBODY, TENANT, actionsOf, cardText, invokeActivity, messageActivity, type User } from './botHarness';
import { startConnector, type Connector } from './connector';
import { seedThreePerGemeinde } from './httpSeed';
import { serveFile } from './fileServer';

const de = (code: Parameters<typeof translate>[0], params = {}) => translate(code, params, 'de');
const SECRET = 'a-link-secret-of-at-least-32-characters-for-both-bots';
let dataDir: string;
const clock = fixedClock('2024-01-10T09:00:00Z');
let connector: Connector;
let bot: RunningBot;
const logger = memoryLogger();


const config = () =>
  loadConfig({ INTM_LOCAL: '1', PORT: '0', INTM_DATA_DIR: dataDir, INTM_COORDINATORS: KORA.aadObjectId, INTM_TENANTS: TENANT, INTM_LINK_SECRET: SECRET });

beforeAll(async () => {
  dataDir = tempDir('intm-texts-');
  await seedThreePerGemeinde(dataDir);
  connector = await startConnector();
  bot = await startBot(config(), { clock, logger, sender: { limits: [{ windowMs: 50, max: 100 }], windowMarginMs: 0 } });
});
afterAll(async () => {
  await bot.stop();
  await connector.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function post(body: object): Promise<any> {
  const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}
const at = (activity: object) => ({ ...activity, serviceUrl: connector.url + '/', id: `in-${Math.random()}` });
/** What the bot sent through the connector while `send` ran (without teams-ai's "typing" on a slow turn). */
async function sent(send: () => Promise<unknown>) {
  const before = connector.recorded.length;
  await send();
  await bot.deps.summaries.idle();
  return connector.recorded.slice(before).filter((r) => (r.method === 'POST' || r.method === 'PUT') && r.body?.type !== 'typing');
}
const say = (u: User, text: string, kind?: 'channel') => sent(() => post(at(messageActivity(u, text, kind ? { kind } : {}))));
const invoke = async (u: User, verb: string, data: object) => (await post(at(invokeActivity(u, verb, data)))).value;
const cardOf = (r: { body: any }) => r.body.attachments?.[0]?.content;

test('welcome by role: the coordinating office is not told to check "your Gemeinde\'s list"; staff are told their Gemeinde; no role: whom to ask', async () => {
  const welcome = async (u: User) => {
    const replies = await sent(() => post(at({ ...messageActivity(u, ''), type: 'conversationUpdate', text: undefined, membersAdded: [{ id: '28:intm-bot' }] })));
    return replies.map((r) => r.body.text).join('\n');
  };
  const kora = await welcome(KORA);
  expect(kora).toBe(de('bot.welcome.koordination'));
  expect(kora).not.toContain('Liste Ihrer Gemeinde');
  expect(kora).toContain('Koordinierungsstelle');
  expect(await welcome(ANNA)).toBe(de('bot.welcome.gemeinde', { name: 'Abstatt' }));
  expect(await welcome(ANNA)).toContain('Liste der Gemeinde Abstatt');
  expect(await welcome(NOBODY)).toBe(de('bot.welcome.none'));
});

test('help by role: the coordinator gets her commands (not „liste – die Liste Ihrer Gemeinde“), staff theirs', async () => {
  const help = async (u: User) => cardText(cardOf((await say(u, 'hilfe'))[0]));
  const kora = await help(KORA);
  for (const command of ['kampagne anlegen', 'listen versenden', 'liste <Gemeinde>', 'entscheidung <Gemeinde>', 'berechnen', 'veröffentlichen', 'statusbericht', 'zuordnen']) expect(kora).toContain(command);
  expect(kora).toContain('erst die Schaltfläche „Veröffentlichen“ sendet');
  expect(kora).not.toContain('die Liste Ihrer Gemeinde prüfen');
  expect(kora).not.toMatch(/^digest$/m);
  // Her example questions are about the district and named Gemeinden, not "unsere Liste".
  expect(kora).not.toMatch(/unsere[rn]? (Liste|Förderung)/);
  expect(kora).toContain('Welche Gemeinden haben noch nicht eingereicht?');
  const anna = await help(ANNA);
  for (const command of ['liste', 'entscheidung', 'Stand der Liste Ihrer Gemeinde', 'in eigener Verantwortung']) expect(anna).toContain(command);
  for (const command of ['listen versenden', 'statusbericht', 'zuordnen', 'kampagne anlegen']) expect(anna).not.toContain(command);
});

test('the first status report says it is the first and shows the state; the next one reports changes', async () => {
  await say(KORA, 'kanal registrieren koordination', 'channel');
  const digestText = async () => {
    const posts = (await say(KORA, 'statusbericht')).filter((r) => r.conversationId.startsWith('19:'));
    expect(posts).toHaveLength(1);
    return cardText(cardOf(posts[0]));
  };
  const first = await digestText();
  expect(first).toContain('Dies ist der erste Statusbericht für 2025.');
  expect(first).toContain('Noch keine Gemeinde hat ihre Liste eingereicht oder entschieden.');
  expect(first).not.toContain('Keine Änderungen seit dem letzten Bericht');
  const second = await digestText();
  expect(second).not.toContain('Dies ist der erste Statusbericht');
  expect(second).toContain('Änderungen seit 10.01.2024');
});

test('a child born after the Stichtag is refused with that reason, and the form\'s own date message names the range', async () => {
  const list = await invoke(ANNA, VERBS.listOpen, { year: 2025, ags: ABSTATT });
  const childForm = actionsOf(list).find((a) => a.verb === VERBS.childForm)!;
  const form = await invoke(ANNA, VERBS.childForm, childForm.data);
  const add = actionsOf(form).find((a) => a.verb === VERBS.childAdd)!;
  const birthInput = JSON.stringify(form).match(/"id":"birthDate"[^}]*"errorMessage":"([^"]+)"/)!;
  expect(birthInput[1]).toBe('Bitte geben Sie ein Geburtsdatum vom 16.03.2021 bis zum 31.12.2022 an: nach der Zuweisung des Elternteils und nicht nach dem Stichtag 31.12.2022.');
  const parentId = `${ABSTATT}-1`;
  const refused = await invoke(ANNA, VERBS.childAdd, { ...add.data, parentId, surname: 'Geheim0011', givenName: 'Mila', birthDate: '2023-02-01' });
  const text = cardText(refused);
  expect(text).toContain(de('list.childAfterStichtag', { date: '2022-12-31' }));
  expect(text).not.toContain('Bitte geben Sie das Geburtsdatum an.');
});

test('the note typed for a strike with „sonstiges“ is on the list card, for the Gemeinde and the coordinator, never in a channel post', async () => {
  const note = 'Lebt laut Meldeamt seit 2022 in Ulm';
  await say(KORA, 'kanal registrieren gemeinden', 'channel');
  const posts = await say(KORA, 'listen versenden');
  const list = await invoke(ANNA, VERBS.listOpen, { year: 2025, ags: ABSTATT });
  const strike = actionsOf(list).find((a) => a.verb === VERBS.strikeForm && a.data.personId === `${ABSTATT}-2`)!;
  const form = await invoke(ANNA, VERBS.strikeForm, strike.data);
  const button = actionsOf(form).find((a) => a.verb === VERBS.strike)!;
  // Without a note the reason says what is missing.
  expect(cardText(await invoke(ANNA, VERBS.strike, { ...button.data, reason: 'sonstiges' }))).toContain(de('list.noteRequired'));
  const struck = await invoke(ANNA, VERBS.strike, { ...button.data, reason: 'sonstiges', note });
  expect(cardText(struck)).toContain('Begründung: ');
  expect(cardText(struck)).toContain(note);
  expect(cardText(await invoke(KORA, VERBS.listOpen, { year: 2025, ags: ABSTATT }))).toContain(note);
  // Submitting updates the channel card at once: it shows counts, not the note.
  const confirm = await invoke(ANNA, VERBS.submitConfirm, { year: 2025, ags: ABSTATT });
  const submit = actionsOf(confirm).find((a) => a.verb === VERBS.submit)!;
  const channel = [...posts, ...(await sent(() => invoke(ANNA, VERBS.submit, submit.data)))].filter((r) => r.conversationId.startsWith('19:'));
  expect(channel.length).toBeGreaterThan(0);
  for (const r of channel) expect(JSON.stringify(r.body)).not.toContain('Ulm');
});

test('after a provisional publication the decision card does not say it waits for the publication', async () => {
  const before = cardText(await invoke(ANNA, VERBS.decisionOpen, { year: 2025, ags: ABSTATT }));
  expect(before).toContain('Vorläufige Zahlen – sie können sich noch ändern. Verbindlich werden sie mit der Veröffentlichung der Übersicht.');
  await bot.deps.app.campaigns.publish(2025, { actor: coordinator, force: true });
  const after = cardText(await invoke(ANNA, VERBS.decisionOpen, { year: 2025, ags: ABSTATT }));
  expect(after).toContain('Vorläufige Zahlen – sie können sich noch ändern. Die Übersicht ist vorläufig veröffentlicht');
  expect(after).not.toContain('Veröffentlichung der Übersicht');
  // The position is prefilled as German writes it.
  expect(JSON.stringify(await invoke(ANNA, VERBS.decisionOpen, { year: 2025, ags: ABSTATT }))).toContain('"id":"vzae","label":"Stellenumfang in VZÄ (mindestens 0,5)"');
});

test('import report: grouped issues, the rows behind them in a workbook a second instance serves too, gone when the link expires', async () => {
  await bot.deps.app.campaigns.create({ year: 2026, kreisAmount: '1508000' }, { actor: coordinator });
  const header = 'AGS;Gemeinde;Personen-ID;Nachname;Vorname;Geburtsdatum;Zuweisungsdatum;Zugangsart;Religion';
  const rows = [
    ...Array.from({ length: 30 }, (_, i) => `08125001;Abstatt;FRUEH-${i};Frueh${i};Nora;01.05.1990;15.11.2020;Zuweisung;x`),
    ...Array.from({ length: 4 }, (_, i) => `08125001;Abstatt;OK-${i};Passt${i};Lina;01.05.1990;15.03.2022;Zuweisung;x`),
  ];
  const file = await serveFile(Buffer.from([header, ...rows].join('\n') + '\n'));
  let second: RunningBot | undefined;
  try {
    const attachment = { contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'export.csv', content: { downloadUrl: file.url } };
    const [reply] = await sent(() => post(at({ ...messageActivity(KORA, ''), attachments: [attachment] })));
    const card = cardOf(reply);
    const text = cardText(card);
    expect(text).toContain('Import gespeichert');
    expect(text.indexOf('Personen je Gemeinde')).toBeLessThan(text.indexOf('Hinweise (31)'));
    expect(text).toContain('30\u00a0Zeilen außerhalb des Betrachtungszeitraums 01.01.2021–31.12.2023 (nicht übernommen)');
    expect(text).toContain('Die Spalte „Religion“ (Spalte I) wird nicht übernommen');
    expect(text.match(/Betrachtungszeitraums/g)).toHaveLength(1);
    expect(JSON.stringify(card)).not.toMatch(/Frueh|FRUEH/);
    const link: string = card.actions.find((a: { type: string }) => a.type === 'Action.OpenUrl').url;
    expect(link.startsWith(`${bot.url}/downloads/`)).toBe(true);

    const rowsOf = async (url: string) => {
      const res = await fetch(url);
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
      const ws = wb.getWorksheet('Importbericht')!;
      return Array.from({ length: ws.rowCount - 5 }, (_, i) => (ws.getRow(i + 6).values as unknown[])[4]).filter(Boolean);
    };
    expect(await rowsOf(link)).toEqual(Array.from({ length: 30 }, (_, i) => `FRUEH-${i}`));
    // A second instance on the same store (and link key) serves the same link: the rows are in the store, not in a process.
    second = await startBot(config(), { clock, logger: memoryLogger(), sender: { limits: [{ windowMs: 50, max: 100 }], windowMarginMs: 0 } });
    expect(await rowsOf(link.replace(bot.url, second.url))).toHaveLength(30);
    // Nothing of the rows in the logs.
    for (const line of logger.lines) expect(line).not.toMatch(/Frueh|FRUEH/);

    // A day later the link has expired; a start removes the rows from the store.
    clock.set('2024-01-11T09:00:01Z');
    expect((await fetch(link)).status).toBe(410);
    await second.stop();
    const restartLog = memoryLogger();
    second = await startBot(config(), { clock, logger: restartLog, sender: { limits: [{ windowMs: 50, max: 100 }], windowMarginMs: 0 } });
    expect(restartLog.lines.join('\n')).toContain('importIssues.expiredRemoved');
    expect(await second.deps.app.ctx.repo.readDocument('import-issues')).toEqual({ reports: {} });
  } finally {
    clock.set('2024-01-10T09:00:00Z');
    await second?.stop();
    await file.close();
  }
});

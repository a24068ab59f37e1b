/**
 * Issue 15 in Teams, the Koordinierungsstelle's part over HTTP: the Landkreis' own figures for a Gemeinde
 * it served, entered on the card (the Gemeinde's clerk reads, cannot change), imported from a table sent
 * in the personal chat exactly as Teams delivers a file (a bad row stores nothing and is named), and the
 * Gesamtverwendungsnachweis workbook behind the signed link `export` hands out (a real xlsx, opened with
 * exceljs; a clerk gets no link; an altered link is refused). Card data is always what the bot rendered.
 */
import ExcelJS from 'exceljs';
import { rmSync } from 'node:fs';
import { memoryLogger } from '../../src/bot/log';
import type { RunningBot } from '../../src/bot/start';
import { VERBS } from '../../src/cards/actions';
import { MONTH_NAMES } from '../../src/domain/verwendungsnachweis';
import { cardText as cardMessage } from '../../src/i18n/cards';
import { translate } from '../../src/i18n/messages';
import { fixedClock } from '../../src/storage/systemClock';
import { coordinator, EPPINGEN, verzeichnis } from '../fixtures';
import { tempDir } from '../harness';
import { ABSTATT, ANNA, KORA, TENANT, actionsOf, cardText, invokeActivity, messageActivity, type User } from './botHarness';
import type { Connector } from './connector';
import { serveFile } from './fileServer';
import { httpKit, personalChat as personal, startLocalBot } from './httpKit';
import { ELLA, seedOpenRound } from './httpSeed';

/** Staff of Eppingen, which the Landkreis served (no decision of its own). */
const TEAMS_FILE = 'application/vnd.microsoft.teams.file.download.info';
const clock = fixedClock('2026-01-15T09:00:00.000Z');
const logger = memoryLogger();
let dataDir: string;
let running: Awaited<ReturnType<typeof startLocalBot>> | undefined;
const bot = (): RunningBot => running!.bot;
const connector = (): Connector => running!.connector;
const de = (code: Parameters<typeof translate>[0], params = {}) => translate(code, params, 'de');
const nameOf = (ags: string) => verzeichnis.byKey(ags)!.name;
/** Two more Gemeinden the Landkreis served, for the table. */
const [LK1, LK2] = verzeichnis.all.map((g) => g.ags).filter((a) => a !== ABSTATT && a !== EPPINGEN);

beforeAll(async () => {
  dataDir = tempDir('intm-vnlk-');
  await seedOpenRound(dataDir, clock, { eigenstaendig: [ABSTATT], staff: [[ELLA, EPPINGEN]] });
  running = await startLocalBot(dataDir, { clock, logger }, { INTM_COORDINATORS: KORA.aadObjectId, INTM_TENANTS: TENANT });
}, 60_000);
afterAll(async () => {
  await running?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const { post, since } = httpKit(bot, connector);
const round = async () => (await bot().deps.app.verwendungsnachweis.round(2025))!;

/** What the bot answered a message with in the personal chat of `u`: texts and cards. */
async function answer(u: User, activity: object): Promise<{ texts: string[]; cards: any[] }> {
  const n = connector().recorded.length;
  await post(activity);
  const sent = since(n, personal(u));
  return { texts: sent.map((r) => r.body?.text).filter(Boolean), cards: sent.map((r) => r.card).filter(Boolean) };
}

async function cardFor(u: User, text: string): Promise<any> {
  const [card] = (await answer(u, messageActivity(u, text))).cards;
  if (!card) throw new Error(`no card for "${text}"`);
  return card;
}

/** Clicks the card's save button as Teams does: its data with the inputs merged in. */
function save(u: User, card: unknown, inputs: Record<string, string>): Promise<any> {
  const b = actionsOf(card).find((a) => a.verb === VERBS.vnSave);
  if (!b) throw new Error('no save button');
  return post(invokeActivity(u, b.verb, { ...b.data, ...inputs }));
}

/** A file message as Teams sends it: the file behind a download URL, served here by a local server. */
async function sendTable(u: User, bytes: Buffer, name: string, text: string, locale = 'de-DE'): Promise<{ texts: string[]; cards: any[] }> {
  const server = await serveFile(bytes);
  try {
    const attachment = {
      contentType: TEAMS_FILE,
      contentUrl: `https://contoso.sharepoint.com/personal/kora/Documents/Microsoft Teams-Chatdateien/${name}`,
      name,
      content: { downloadUrl: server.url, uniqueId: '2250D938-8870-4044-9F2C-5BBDEBA70C9D', fileType: name.split('.').pop(), etag: '1' },
    };
    return await answer(u, { ...messageActivity(u, text, { locale }), attachments: [attachment] });
  } finally {
    await server.close();
  }
}

const HALF = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`m${i + 1}`, '0,5']));

/** The names in `verwendungsnachweis landkreis`'s answer (the Gemeinden the Landkreis served still lacking complete figures). */
async function stillOpen(u: User): Promise<string> {
  return (await answer(u, messageActivity(u, 'verwendungsnachweis landkreis'))).texts.join('\n');
}

test('the coordinator enters the Landkreis’ figures on the card: no Eigenmittel or Träger, findings shown, stored through the service and audited; the clerk only reads', async () => {
  const served = verzeichnis.all.length - 1;
  expect(await stillOpen(KORA)).toMatch(new RegExp(`^Verwendungsnachweis 2025: Für ${served} vom Landkreis betreute Gemeinden fehlen .*${nameOf(EPPINGEN)}`));
  expect(await stillOpen(ANNA)).toBe(de('bot.koordinationCommand'));
  const card = await cardFor(KORA, `verwendungsnachweis ${nameOf(EPPINGEN)}`);
  const json = JSON.stringify(card);
  expect(json).toContain('"id":"personnel"');
  expect(json).toContain('"id":"m12"');
  expect(json).toContain('"id":"fig_k1"');
  expect(json).not.toMatch(/"id":"(eigenmittel|traeger|traegerAmount)"/);
  expect(actionsOf(card).map((a) => [a.verb, a.title])).toEqual([[VERBS.vnSave, cardMessage('vnCard.saveLandkreis', 'de')]]);
  expect(cardText(card)).toContain(cardMessage('vnCard.landkreisHint', 'de'));

  // Incomplete first: stored, still in Bearbeitung, the card says what is open.
  const first = await save(KORA, card, { personnel: '30.000' });
  expect(first.statusCode).toBe(200);
  expect(cardText(first.value)).toContain(de('bot.vn.landkreisSaved'));
  expect(cardText(first.value)).toContain(de('vn.missing', { field: 'sonstige Ausgaben' }));
  expect((await round()).nachweise[EPPINGEN]).toMatchObject({ kind: 'landkreis', state: 'in_bearbeitung', data: { personnel: '30000.00' } });

  // The card from before is stale: refused, nothing taken over.
  expect(cardText((await save(KORA, card, { personnel: '1' })).value)).toContain(de('bot.vn.stale'));
  expect((await round()).nachweise[EPPINGEN].data.personnel).toBe('30000.00');

  // Complete on the current card: accepted at once, and still a form for her to correct.
  const done = await save(KORA, first.value, { personnel: '30.000', other: '0', ...HALF, fig_k1: '12', fig_k2: '5', fig_k3: '4' });
  expect(cardText(done.value)).toContain(de('bot.vn.landkreisSaved'));
  const view = await bot().deps.app.verwendungsnachweis.show(2025, EPPINGEN, coordinator);
  expect(view.nachweis).toMatchObject({ state: 'angenommen', data: { personnel: '30000.00', other: '0.00', figures: { k1: '12', k2: '5', k3: '4' } } });
  expect(view.nachweis.data.months).toEqual(Array(12).fill('0.5'));
  expect(actionsOf(done.value).map((a) => a.verb)).toEqual([VERBS.vnSave]);
  const audited = (await round()).events.filter((e) => e.action === 'vn.landkreis' && e.ags === EPPINGEN);
  expect(audited.map((e) => e.actor.id)).toEqual([KORA.aadObjectId, KORA.aadObjectId]);
  // Complete now: no longer among those still lacking figures.
  const open = await stillOpen(KORA);
  expect(open).toContain(`Für ${served - 1} vom Landkreis`);
  expect(open).not.toContain(nameOf(EPPINGEN));

  // Eppingen's clerk reads the figures, without a form or a button; her click on the save button is refused (403), nothing changed.
  const ella = await cardFor(ELLA, 'verwendungsnachweis');
  expect(JSON.stringify(ella)).not.toContain('Input.Text');
  expect(actionsOf(ella)).toEqual([]);
  expect(cardText(ella)).toContain(cardMessage('vnCard.landkreis', 'de'));
  const before = JSON.stringify((await round()).nachweise[EPPINGEN]);
  const refused = await save(ELLA, done.value, { personnel: '1', other: '1' });
  expect(refused.statusCode).toBe(403);
  expect(JSON.stringify((await round()).nachweise[EPPINGEN])).toBe(before);
}, 60_000);

/** A table of the Landkreis' figures in the format of `intm verwendungsnachweis landkreis-import`, as CSV. */
const HEADER = ['AGS', 'Personalausgaben', 'sonstige Ausgaben', ...MONTH_NAMES, 'Beratene Personen', 'Beratene Haushalte', 'Beratungsstunden je Woche'];
function table(rows: string[]): Buffer {
  return Buffer.from([HEADER.join(';'), ...rows].join('\n') + '\n', 'utf8');
}
/** The same as a workbook (numbers as numbers), as the Landratsamt keeps it. */
async function workbookTable(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Landkreis');
  for (const row of [HEADER, ...rows]) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
const halfYear = Array(12).fill('0,5').join(';');

test('the Landkreis’ figures from a table sent in the personal chat with „Landkreis-Zahlen“: a bad row stores nothing and is named; a good table stores every row', async () => {
  const revision = (await round()).revision;
  const bad = await sendTable(KORA, table([`${LK1};30000;0;${halfYear};10;4;3`, `${nameOf(ABSTATT)};1;1;${halfYear};1;1;1`, `Nirgendwo;1;1;${halfYear};1;1;1`]), 'Landkreis 2025.csv', 'Landkreis-Zahlen');
  expect(bad.cards).toEqual([]);
  expect(bad.texts).toHaveLength(1);
  expect(bad.texts[0]).toMatch(/^Nichts gespeichert/);
  // The Gemeinde by name, as on the card: the service puts names into the refusals.
  expect(bad.texts[0]).toContain(`- Zeile 3: ${de('vn.notLandkreis', { ags: nameOf(ABSTATT) })}`);
  expect(bad.texts[0]).toContain('- Zeile 3: Abstatt macht das Integrationsmanagement');
  expect(bad.texts[0]).toContain('- Zeile 4: ');
  expect(bad.texts[0]).not.toContain('Zeile 2');
  expect((await round()).revision).toBe(revision);
  expect((await round()).nachweise[LK1].data.personnel).toBeUndefined();

  const rows = [
    [LK1, 30000, 0, ...Array(12).fill(0.5), 10, 4, 3],
    [nameOf(LK2), 28000.5, 0, ...Array(12).fill(0.4), 8, 3, 2],
  ];
  const good = await sendTable(KORA, await workbookTable(rows), 'Landkreis 2025.xlsx', 'Hier die Landkreis-Zahlen');
  expect(good.texts).toEqual([de('bot.vn.landkreisImported', { year: 2025, count: 2 })]);
  expect((await bot().deps.app.verwendungsnachweis.show(2025, LK1, coordinator)).nachweis).toMatchObject({ state: 'angenommen', data: { personnel: '30000.00', figures: { k1: '10' } } });
  // Below 0,5 VZÄ in every month: stored, and no finding – the minimum position binds only the Gemeinden in their own responsibility.
  const lk2 = await bot().deps.app.verwendungsnachweis.show(2025, LK2, coordinator);
  expect(lk2.nachweis.data.personnel).toBe('28000.50');
  expect(lk2.findings.map((f) => f.code)).not.toContain('vn.monthsBelowMinimum');
  expect(lk2.totals.monthsBelowMinimum).toEqual([]);
  // The same table again: nothing changed, and the answer says so (not „0 Gemeinden geändert“).
  const again = await sendTable(KORA, await workbookTable(rows), 'Landkreis 2025.xlsx', 'Hier die Landkreis-Zahlen');
  expect(again.texts).toEqual([de('vn.importUnchanged')]);
  // A row without December is stored but incomplete: the answer names the Gemeinde (here in English).
  const LK3 = verzeichnis.all.map((g) => g.ags).find((a) => ![ABSTATT, EPPINGEN, LK1, LK2].includes(a))!;
  const partial = await sendTable(KORA, await workbookTable([[LK3, 20000, 0, ...Array(11).fill(0.5), '', 5, 2, 1]]), 'district.xlsx', 'district figures', 'en-US');
  expect(partial.texts).toEqual([`${translate('bot.vn.landkreisImported', { year: 2025, count: 1 }, 'en')}\n${translate('vn.importIncomplete', { names: nameOf(LK3) }, 'en')}`]);
  expect((await round()).nachweise[LK3].state).toBe('in_bearbeitung');

  // In English, the same refusal in English.
  const en = await sendTable(KORA, table([`Nirgendwo;1;1;${halfYear};1;1;1`]), 'district.csv', 'district figures', 'en-US');
  expect(en.texts[0]).toMatch(/^Nothing saved/);
  expect(en.texts[0]).toContain('- Row 2: ');

  // Without such a text a file stays the step-1 export (its report card), the round untouched.
  const after = (await round()).revision;
  const step1 = await sendTable(KORA, table([`${LK1};1;1;${halfYear};1;1;1`]), 'Export des Landkreises.csv', 'Export des Landkreises');
  expect(step1.cards).toHaveLength(1);
  expect(cardText(step1.cards[0])).not.toContain('Nichts gespeichert: Die Tabelle mit den Zahlen des Landkreises');
  expect((await round()).revision).toBe(after);
  // A clerk's table is no Landkreis figures: refused, nothing stored.
  await sendTable(ANNA, table([`${LK1};1;1;${halfYear};1;1;1`]), 'Landkreis.csv', 'Landkreis-Zahlen');
  expect((await round()).revision).toBe(after);
}, 60_000);

test('`export` hands the coordinator a signed link to the Gesamtverwendungsnachweis: a real workbook with the round’s rows; a clerk gets none; an altered link is refused', async () => {
  const title = de('bot.vn.exportTitle', { year: 2025 });
  const card = await cardFor(KORA, 'export');
  expect(cardText(card)).toContain(title);
  const urls: string[] = JSON.stringify(card).match(/https?:\/\/[^"]+\/downloads\/[^"]+/g) ?? [];
  expect(urls).toHaveLength(2);
  // `export verwendungsnachweis 2025`: that link alone.
  const only = await cardFor(KORA, 'export Verwendungsnachweis 2025');
  const url = (JSON.stringify(only).match(/https?:\/\/[^"]+\/downloads\/[^"]+/g) ?? [])[0] ?? 'no link';
  expect(cardText(only)).toContain(title);
  expect(urls).toContain(url);
  expect((await answer(KORA, messageActivity(KORA, 'export verwendungsnachweis 2019'))).texts).toEqual([
    // The bot's command, not the command line's.
    'Für 2019 ist die Runde der Verwendungsnachweise noch nicht eröffnet; die Koordinierungsstelle eröffnet sie mit „verwendungsnachweis starten 2019 TT.MM.JJJJ“.',
  ]);

  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`${res.status}: ${await res.text()}`);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  expect(res.headers.get('content-disposition')).toContain('IntM-Gesamtverwendungsnachweis-2025.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as any);
  expect(workbook.worksheets.map((w) => w.name)).toEqual(['Gesamtnachweis', 'Sachbericht', 'Stellenbesetzung']);
  const main = workbook.getWorksheet('Gesamtnachweis')!;
  const rows: Record<string, any[]> = {};
  main.eachRow((row) => {
    const values = row.values as any[];
    if (typeof values[1] === 'string' && /^\d{8}$/.test(values[1])) rows[values[1]] = values;
  });
  expect(Object.keys(rows)).toHaveLength(verzeichnis.all.length);
  // Eppingen: the figures entered on the card (column G: Personalausgaben), Abstatt: its own Nachweis, nothing yet.
  expect(rows[EPPINGEN][2]).toBe(nameOf(EPPINGEN));
  expect(rows[EPPINGEN][7]).toBe(30000);
  expect(rows[LK2][7]).toBe(28000.5);
  expect(rows[ABSTATT][7]).toBeUndefined();

  // A clerk: no export, no link.
  const clerk = await answer(ANNA, messageActivity(ANNA, 'export'));
  expect(clerk.texts).toEqual([de('bot.koordinationCommand')]);
  expect(JSON.stringify(clerk.cards)).not.toContain('/downloads/');
  // Altered (another year, same signature) or garbled: refused.
  const [payload, signature] = url.split('/downloads/')[1].split('~');
  const other = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), year: 2024 })).toString('base64url');
  expect((await fetch(`${bot().url}/downloads/${other}~${signature}`)).status).toBe(403);
  expect((await fetch(`${bot().url}/downloads/${payload}~${signature.slice(1)}x`)).status).toBe(403);
  // Nothing of it in the log beyond kinds and counts.
  expect(logger.lines.join('\n')).toContain('"event":"vn.landkreisImport"');
  expect(logger.lines.join('\n')).not.toContain('Nirgendwo');
}, 60_000);

test('`export verwendungsnachweis` still hands out the Gesamtverwendungsnachweis once the year’s personal data are deleted (the round keeps none)', async () => {
  await running!.bot.deps.app.campaigns.purge(2025, { actor: coordinator, force: true, reason: 'Test: Aufbewahrung beendet' });
  expect(await running!.bot.deps.app.ctx.repo.readLists(2025)).toEqual([]);
  const only = await cardFor(KORA, 'export verwendungsnachweis');
  expect(cardText(only)).toContain(de('bot.vn.exportTitle', { year: 2025 }));
  const url = (JSON.stringify(only).match(/https?:\/\/[^"]+\/downloads\/[^"]+/g) ?? [])[0] ?? 'no link';
  const res = await fetch(url);
  expect(res.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as any);
  expect(workbook.worksheets.length).toBeGreaterThan(1);
}, 60_000);

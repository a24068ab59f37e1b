/**
 * One Berechnungsjahr end to end, as its users do it: the real bot (local mode, its own data
 * directory), Microsoft's Agents Playground as the Teams client, headless Chromium clicking through
 * it. The Playground can show one user at a time, so it is restarted as the next person while the bot
 * keeps running – exactly what `npm run demo` does when someone types a name.
 *
 *   1. Kora (Koordinierungsstelle) reads the help, sends the step-1 export as a file (the Playground has
 *      no upload: „Custom activity“ with Teams' file attachment), registers both channels and sends
 *      the lists: one status card in the channel „Gemeinden“.
 *   2. Anna (Abstatt) opens her list, strikes a person with a reason, adds a later-born child and
 *      submits. The other 45 Gemeinden submit unchanged (through the application, like the CLI demo).
 *   3. Kora computes the allocation and publishes it with the button on the allocation card.
 *   4. Anna asks „Wie hoch ist unsere voraussichtliche Förderung?“ and decides (eigenständig, 0,5 VZÄ).
 *   5. Kora asks for the digest; it arrives in the channel of the Koordinierungsstelle.
 * Each step checks the card texts in the browser and the stored state through the application
 * services, and takes a screenshot (test/e2e/output/, git-ignored). `UPDATE_SCREENSHOTS=1` copies
 * the chosen ones to docs/screenshots/.
 *
 * Needs Chromium (/usr/bin/chromium or CHROMIUM_PATH); skipped without it, except in CI.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Locator } from 'playwright-core';
import { loadConfig } from '../../src/bot/config';
import { memoryLogger } from '../../src/bot/log';
import { startBot, type RunningBot } from '../../src/bot/start';
import { openApp } from '../../src/compose';
import { countList, listState } from '../../src/domain/list';
import { formatEuro, formatVzae } from '../../src/domain/money';
import { fixedClock } from '../../src/storage/systemClock';
import {
  CHANNELS,
  castMember,
  DEMO_TEAM,
  DEMO_TENANT,
  fileMessageActivity,
  freePort,
  KOORDINATION,
  seedDemo,
  startGateway,
  startPlayground,
  writePlaygroundConfig,
  type CastKey,
  type Gateway,
  type RunningPlayground,
} from '../../src/demo/teamsPlayground';
import type { SyntheticExport } from '../../src/demo/syntheticExport';
import { tempDir } from '../harness';
import { CHROMIUM, launchBrowser, PlaygroundPage } from './playgroundDriver';

const OUTPUT = path.join(__dirname, 'output');
const DOCS = path.resolve(__dirname, '../../docs/screenshots');
/** Screenshots worth showing in the documentation: output name → docs name. */
const FOR_DOCS: Record<string, string> = {
  '01-import.png': '01-import.png',
  '02-kanal-gemeinden.png': '02-kanal-gemeinden.png',
  '03-liste.png': '03-liste.png',
  '05-verteilung.png': '04-verteilung.png',
  '07-entscheidung.png': '05-entscheidung.png',
  '08-statusbericht.png': '06-statusbericht.png',
};

const available = existsSync(CHROMIUM);
if (!available && process.env.CI === 'true') {
  test('Chromium is installed in CI', () => {
    throw new Error(`${CHROMIUM} fehlt: .ci/run installiert chromium`);
  });
}
const describeWithBrowser = available ? describe : describe.skip;

const YEAR = 2028;
const ABSTATT = '08125001';
const ANNA = castMember('anna');
const STEP_MS = 150_000;

/** What a card or message shows, white space collapsed. */
async function text(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

describeWithBrowser('Ein Berechnungsjahr im Microsoft 365 Agents Playground', () => {
  // During the review of 2028: lists due 15.01.2027, decisions 31.05.2027.
  const clock = fixedClock('2026-12-10T09:00:00Z');
  let workDir: string;
  let dataDir: string;
  let exportFile: string;
  let exp: SyntheticExport;
  let bot: RunningBot;
  let gateway: Gateway;
  let playground: RunningPlayground | undefined;
  let playgroundPort: number;
  let context: BrowserContext | undefined;
  let ui: PlaygroundPage;
  const logger = memoryLogger();
  const shots: string[] = [];

  const app = () => bot.deps.app;
  const abstatt = async () => (await app().ctx.repo.readList(YEAR, ABSTATT))!;

  /** (Re)starts the Playground with `who` as its current user and opens it; the bot keeps running. */
  async function actAs(who: CastKey): Promise<void> {
    await playground?.stop();
    const configFile = path.join(workDir, '.m365agentsplayground.yml');
    writePlaygroundConfig(configFile, who);
    playground = await startPlayground({ endpoint: `${gateway.url}/api/messages`, port: playgroundPort, configFile, workDir });
    await ui.open(playground.url);
    await ui.page.getByText(castMember(who).name, { exact: true }).first().waitFor();
  }

  async function shot(name: string, focus?: Locator): Promise<void> {
    shots.push(await ui.screenshot(name, focus));
  }

  beforeAll(async () => {
    workDir = tempDir('intm-e2e-');
    dataDir = path.join(workDir, 'daten');
    rmSync(OUTPUT, { recursive: true, force: true });
    mkdirSync(OUTPUT, { recursive: true });
    const seedApp = await openApp({ dataDir, clock, coordinators: [KOORDINATION.aadObjectId] });
    try {
      const seeded = await seedDemo(seedApp, { dir: workDir, year: YEAR, today: clock.today(), persons: 600 });
      exportFile = seeded.exportFile;
      exp = seeded.export;
    } finally {
      await seedApp.close();
    }
    const config = loadConfig({
      INTM_LOCAL: '1',
      PORT: '0',
      INTM_DATA_DIR: dataDir,
      INTM_COORDINATORS: KOORDINATION.aadObjectId,
      INTM_TENANTS: DEMO_TENANT,
      INTM_SCHEDULER: 'off',
    });
    // Teams' 7 messages per second and conversation, as in production; without the 60-per-30-s window,
    // which would hold the card updates after publishing and deciding for half a minute.
    bot = await startBot(config, { clock, logger, sender: { limits: [{ windowMs: 1000, max: 7 }] } });
    gateway = await startGateway({ botUrl: bot.url, locale: 'de-DE' });
    playgroundPort = await freePort();
    const browser = await launchBrowser(path.join(workDir, 'chromium-profil'));
    context = browser.context;
    ui = new PlaygroundPage(browser.page, OUTPUT);
  }, 120_000);

  afterAll(async () => {
    // Everything goes, whatever failed: the browser, the bot (while the Playground still answers its
    // pending card updates), the gateway, the Playground and its process group.
    const steps: (() => Promise<unknown> | undefined)[] = [
      () => context?.close(),
      () => bot?.stop(),
      () => gateway?.close(),
      () => playground?.stop(),
    ];
    for (const step of steps) {
      try {
        await step();
      } catch {
        // keep stopping the rest
      }
    }
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      mkdirSync(DOCS, { recursive: true });
      for (const [from, to] of Object.entries(FOR_DOCS)) {
        const file = path.join(OUTPUT, from);
        if (existsSync(file)) copyFileSync(file, path.join(DOCS, to));
      }
    }
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  }, 60_000);

  test(
    '1 Koordinierungsstelle: Hilfe, Export als Datei, Kanäle registrieren, Listen versenden',
    async () => {
      await actAs('kora');

      await ui.say('hilfe');
      const help = await ui.card('Ihre Rolle: Koordinierungsstelle');
      expect(await text(help)).toContain('listen versenden');
      expect(await text(help)).toContain('berechnen');

      // Step 1: the export as a file. The Playground cannot upload one; its „Custom activity“ sends the
      // message Teams sends for a file in the personal chat, with the gateway as the download location.
      const fileUrl = gateway.serveFile(path.basename(exportFile), exportFile);
      await ui.sendCustomActivity(fileMessageActivity({ serviceUrl: playground!.serviceUrl, fileUrl, fileName: path.basename(exportFile) }));
      const report = await ui.card('Nächster Schritt');
      expect(await text(report)).toContain('Personen je Gemeinde (46 Gemeinden)');
      expect(await text(report)).toContain(`Abstatt ${exp.expected.byAgs[ABSTATT]}`);
      const record = await app().campaigns.show(YEAR);
      expect(record.generation).toBeDefined();
      expect(record.imported).toMatchObject({ persons: exp.expected.inside, leftOut: exp.expected.outside, gemeinden: 46, by: { name: KOORDINATION.name } });
      expect(countList(await abstatt()).listed).toBe(exp.expected.byAgs[ABSTATT]);
      await shot('01-import.png', report.getByText('Personen je Gemeinde'));

      // Both channels, registered where they are: General for the Koordinierungsstelle, „Gemeinden“.
      await ui.openChannel('General');
      await ui.postMentioningBot('kanal registrieren koordination');
      await ui.message('Dieser Kanal ist jetzt der Kanal der Koordinierungsstelle.');
      await ui.openChannel('Gemeinden');
      await ui.postMentioningBot('kanal registrieren gemeinden');
      await ui.message('Dieser Kanal ist jetzt der Kanal der Gemeinden.');
      const channels = (await bot.deps.conversations.read()).channels;
      expect(channels.koordination?.conversation?.id).toBe(CHANNELS.koordination.id);
      expect(channels.gemeinden?.conversation?.id).toBe(DEMO_TEAM.gemeindenChannel.id);
      expect(channels.gemeinden?.serviceUrl).toBe(playground!.serviceUrl);

      // Step 2: the lists go out – one status card in the channel, a notice to each clerk in her personal chat.
      await ui.openPersonalChat();
      await ui.say('listen versenden');
      await ui.message(/Listen 2028 versendet: Statuskarte im Kanal der Gemeinden gepostet; 46 Listen neu versendet\./, 90_000);
      const lists = await app().ctx.repo.readLists(YEAR);
      expect(lists).toHaveLength(46);
      expect(lists.every((l) => listState(l) === 'versendet')).toBe(true);
      expect((await bot.deps.conversations.read()).statusCards[YEAR]).toBeDefined();

      await ui.openChannel('Gemeinden');
      const summary = await ui.card('Personenlisten 2028', 30_000);
      expect(await ui.page.locator('.ac-adaptiveCard').count()).toBe(1);
      expect(await text(summary)).toContain('Abstatt');
      expect(await text(summary)).toContain(String(exp.expected.byAgs[ABSTATT]));
      expect(await text(summary)).toContain('versendet');
      expect(await summary.getByRole('button', { name: 'Meine Liste öffnen' }).isVisible()).toBe(true);
      await shot('02-kanal-gemeinden.png', ui.page.locator('.ac-adaptiveCard').first());
    },
    STEP_MS,
  );

  test(
    '2 Gemeinde Abstatt: Liste öffnen, streichen, Kind nachtragen, einreichen',
    async () => {
      await actAs('anna');
      const listed = countList(await abstatt()).listed;

      await ui.say('liste');
      let list = await ui.card('Personenliste · Berechnungsjahr 2028');
      expect(await text(list)).toContain('Abstatt');
      expect(await text(list)).toContain(`gelistet ${listed} · gestrichen 0 · nachgetragen 0`);

      // Strike the first person on the card: form, reason, „Streichen“.
      const form = await ui.click(list, 'Streichen', 'Person streichen');
      const formText = await text(form);
      await form.getByText('weggezogen', { exact: true }).click();
      list = await ui.click(form, 'Streichen', 'Die Person ist gestrichen.');
      expect(await text(list)).toContain(`gelistet ${listed} · gestrichen 1 · nachgetragen 0`);
      expect(await text(list)).toContain(`Personen zum Stichtag: ${listed - 1}`);
      const struck = (await abstatt()).persons.filter((p) => p.strike);
      expect(struck).toHaveLength(1);
      expect(formText).toContain(`${struck[0].surname}, ${struck[0].givenName}`);
      expect(struck[0].strike).toMatchObject({ reason: 'weggezogen', by: { id: ANNA.aadObjectId, name: ANNA.name } });

      // A later-born child: the first household with a parent assigned before the birth.
      const born = '2025-11-20';
      let childForm;
      for (let i = 0; ; i++) {
        const buttons = list.getByRole('button', { name: 'Kind nachtragen', exact: true });
        if (i >= (await buttons.count())) throw new Error('Kein Haushalt mit passendem Elternteil');
        await buttons.nth(i).click();
        childForm = await ui.card('Nachgeborenes Kind nachtragen');
        const parent = await childForm.getByRole('combobox').first().inputValue().catch(() => '');
        const assigned = /zugewiesen (\d\d)\.(\d\d)\.(\d{4})/.exec(parent);
        if (assigned && `${assigned[3]}-${assigned[2]}-${assigned[1]}` < born) break;
        list = await ui.click(childForm, 'Zurück', 'Personenliste · Berechnungsjahr 2028');
      }
      await childForm.getByLabel(/^Vorname/).fill('Lina');
      await ui.pickDate(childForm, born);
      list = await ui.click(childForm, 'Kind nachtragen', 'Das Kind ist nachgetragen und zählt.');
      expect(await text(list)).toContain(`gelistet ${listed} · gestrichen 1 · nachgetragen 1`);
      expect(await text(list)).toContain('geb. 20.11.2025 · nachgeboren');
      const child = (await abstatt()).persons.find((p) => p.origin === 'nachtrag')!;
      expect(child).toMatchObject({ givenName: 'Lina', birthDate: born, addition: { kind: 'kind', review: 'angenommen' } });
      await shot('03-liste.png', list.getByText('Das Kind ist nachgetragen und zählt.'));

      // Submit, with the confirmation step.
      const confirm = await ui.click(list, 'Liste einreichen', 'Liste verbindlich einreichen?');
      expect(await text(confirm)).toContain(`Personen zum Stichtag: ${listed}`);
      list = await ui.click(confirm, 'Verbindlich einreichen', 'Die Liste ist eingereicht. Vielen Dank!');
      expect(await text(list)).toContain('eingereicht am 10.12.2026 von Anna Abstatt');
      expect(await list.getByRole('button', { name: 'Streichen' }).count()).toBe(0);
      const submitted = await abstatt();
      expect(listState(submitted)).toBe('eingereicht');
      expect(submitted.submitted).toMatchObject({ persons: listed, by: { name: ANNA.name } });
      await shot('04-eingereicht.png', list.getByText('Die Liste ist eingereicht. Vielen Dank!'));

      // The other 45 Gemeinden return their lists unchanged (as in the CLI demo).
      for (const g of app().ctx.verzeichnis.all.filter((x) => x.ags !== ABSTATT)) {
        await app().review.submit(YEAR, g.ags, { actor: { id: `e2e:${g.ags}`, name: `Sachbearbeitung ${g.name}`, role: 'gemeinde', ags: g.ags } });
      }
    },
    STEP_MS,
  );

  test(
    '3 Koordinierungsstelle: berechnen und veröffentlichen',
    async () => {
      await actAs('kora');
      const overview = await app().overview.overview(YEAR);
      const row = overview.rows.find((r) => r.ags === ABSTATT)!;
      expect(overview.provisional).toBe(false);
      expect(row.persons).toBe(countList(await abstatt()).listed);

      await ui.say('berechnen');
      let card = await ui.card('Übersicht Integrationsmanagement 2028');
      expect(await text(card)).toContain('Kreisbetrag 1.508.000 € = Landesmittel 40.000.000 € × Zuteilungsquote 3,77 %');
      expect(await text(card)).not.toContain('vorläufig');
      // The table's first row: Gemeinde, persons, amount, VZÄ, state of the list.
      expect(await text(card)).toContain(`Abstatt ${row.persons} ${formatEuro(row.amount)} ${formatVzae(row.vzae)} eingereicht`);
      await shot('05-verteilung.png', card.getByText('Abstatt', { exact: true }).first());

      card = await ui.click(card, 'Veröffentlichen', 'Die Übersicht ist veröffentlicht.');
      // Published: the button is gone, the card says nothing has changed since.
      expect(await text(card)).toContain('Veröffentlicht am 10.12.2026; seitdem hat sich nichts geändert.');
      expect(await card.getByRole('button', { name: 'Veröffentlichen', exact: true }).count()).toBe(0);
      const published = (await app().campaigns.show(YEAR)).published!;
      expect(published.by.name).toBe(KOORDINATION.name);
      expect(published.report.rows.find((r) => r.ags === ABSTATT)!.amount).toBe(row.amount);
      expect(published.report.totals.amount).toBe('1508000.00');
      // The distribution runs in the background and reports here.
      await ui.message(/^Verteilt: Übersicht im Kanal der Gemeinden/, 90_000);
      await shot('06-veroeffentlicht.png');
    },
    STEP_MS,
  );

  test(
    '4 Gemeinde Abstatt: voraussichtliche Förderung erfragen und entscheiden',
    async () => {
      await actAs('anna');
      const row = (await app().campaigns.show(YEAR)).published!.report.rows.find((r) => r.ags === ABSTATT)!;

      await ui.say('Wie hoch ist unsere voraussichtliche Förderung?');
      const answer = await ui.message(/^Förderung für Abstatt, Berechnungsjahr 2028/);
      expect(await text(answer)).toContain(`${formatEuro(row.amount)} für ${row.persons} Personen`);

      await ui.say('entscheidung');
      let card = await ui.card('Entscheidung Integrationsmanagement · Berechnungsjahr 2028');
      expect(await text(card)).toContain(`${formatEuro(row.amount)} ≈`);
      expect(await text(card)).toContain('Noch keine Entscheidung');
      await card.getByText('eigenständig (eigene Stelle der Gemeinde)').click();
      await card.getByLabel(/^Stellenumfang in VZÄ/).fill('0,5');
      const missing = Math.max(0, 34_000 - Math.floor(Number(row.amount)));
      await card.getByLabel(/^Eigenmittel in €/).fill(String(missing + 1000));
      const confirm = await ui.click(card, 'Weiter', 'Entscheidung verbindlich machen?');
      expect(await text(confirm)).toContain('Entscheidung: eigenständig');
      expect(await text(confirm)).toContain('Stelle: 0,5 VZÄ, Kosten 34.000 €');
      card = await ui.click(confirm, 'Verbindlich entscheiden', 'Ihre Entscheidung ist gespeichert.');
      expect(await text(card)).toContain('Entscheidung: eigenständig · Stelle 0,5 VZÄ');
      expect(await text(card)).toContain('gültig');
      const decision = (await app().ctx.repo.readDecisions(YEAR)).decisions[ABSTATT];
      expect(decision).toMatchObject({ choice: 'eigenstaendig', vzae: '0.5', eigenmittel: `${missing + 1000}.00`, decided: { by: { name: ANNA.name } } });
      await shot('07-entscheidung.png', card.getByText('Ihre Entscheidung ist gespeichert.'));
    },
    STEP_MS,
  );

  test(
    '5 Koordinierungsstelle: Statusbericht im Kanal der Koordinierungsstelle',
    async () => {
      await actAs('kora');
      await ui.say('digest');
      await ui.message('Der Statusbericht ist im Kanal der Koordinierungsstelle.');
      await ui.openChannel('General');
      const digest = await ui.card('Statusbericht 2028 · 10.12.2026');
      expect(await text(digest)).toContain('Übersicht veröffentlicht am 10.12.2026');
      expect(await text(digest)).toContain('eingereicht 46/46');
      expect(await text(digest)).toContain('Landkreis 0 · eigenständig 1 · Verbund 0 · offen 45');
      const state = await app().ctx.repo.readDocument<{ last?: { year: number; rows: Record<string, { decision: string }> } }>('digest');
      expect(state?.last?.year).toBe(YEAR);
      expect(state?.last?.rows[ABSTATT].decision).toBe('eigenstaendig');
      await shot('08-statusbericht.png', digest);

      // Nothing the bot logged names a person.
      const log = logger.lines.join('\n');
      for (const p of exp.persons.slice(0, 200)) expect(log).not.toContain(p.id);
      expect(shots).toHaveLength(8);
    },
    STEP_MS,
  );
});

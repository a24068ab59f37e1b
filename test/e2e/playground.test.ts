/**
 * The README's „Ein Durchgang“, step by step, in a browser: the demo session of `npm run demo` (the
 * real bot in local mode, Microsoft's Agents Playground as the Teams client, the demo's gateway) with
 * headless Chromium clicking through it. What the person types in the terminal (`datei`, `anna`,
 * `kora`) goes to the same session.command as in the terminal; after each switch of person the page is
 * reloaded, as the README says, and the bot sends that person the state again (the Playground keeps no
 * history): the channel's cards, the published overview, her open cards.
 *
 *   1. kora: `hilfe`; `datei` in the terminal (the import report); `listen versenden` (the cards in „Gemeinden“).
 *   2. anna: the channel „Gemeinden“ shows the cards again and her list is in her chat; `liste`, strike a
 *      person, add a later-born child, submit.
 *   3. kora: `berechnen`, publish with the card's button.
 *   4. anna: the published overview in „Gemeinden“, her decision card in her chat; „Wie hoch ist unsere
 *      voraussichtliche Förderung?“; `entscheidung`, decide.
 *   5. kora: `statusbericht` – the Statusbericht in „General“.
 * Each step checks the card texts in the browser and the stored state through the application, and
 * takes screenshots (test/e2e/output/, git-ignored); `UPDATE_SCREENSHOTS=1` copies those the README
 * shows to docs/screenshots/ – the README's images are these and no others (checked below).
 *
 * Needs Chromium (/usr/bin/chromium or CHROMIUM_PATH); skipped without it, except in CI.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Locator } from 'playwright-core';
import { memoryLogger } from '../../src/bot/log';
import { countList, listState } from '../../src/domain/list';
import { formatEuro } from '../../src/domain/money';
import { fixedClock } from '../../src/storage/systemClock';
import { DemoSession } from '../../src/demo/session';
import { castMember, freePort, KOORDINATION } from '../../src/demo/teamsPlayground';
import { tempDir } from '../harness';
import { CHROMIUM, launchBrowser, PlaygroundPage, waitUntil } from './playgroundDriver';

const ROOT = path.resolve(__dirname, '../..');
const OUTPUT = path.join(__dirname, 'output');
const DOCS = path.join(ROOT, 'docs/screenshots');
/** The screenshots the README shows, all taken below (same names in output/ and docs/screenshots/). */
const FOR_DOCS = ['01-import.png', '02-kanal-gemeinden.png', '03-liste.png', '04-verteilung.png', '05-anna-kanal.png', '06-entscheidung.png', '07-statusbericht.png'];

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
/** One step of the walk-through may take minutes on a loaded two-core machine. */
const STEP_MS = 300_000;
/** How long the bot's cards sent on its own (channel, notices, distribution) may take, under load. */
const CARDS_MS = 120_000;

/** What a card or message shows, white space collapsed. */
async function text(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

test('the README shows exactly the screenshots the walk-through takes', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const shown = [...readme.matchAll(/\(docs\/screenshots\/([^)]+\.png)\)/g)].map((m) => m[1]);
  expect([...new Set(shown)].sort()).toEqual([...FOR_DOCS].sort());
  for (const name of FOR_DOCS) expect(existsSync(path.join(DOCS, name))).toBe(true);
});

describeWithBrowser('Ein Durchgang (README) im Microsoft 365 Agents Playground', () => {
  // During the review of 2028: lists due 15.01.2027, decisions 31.05.2027.
  const clock = fixedClock('2026-12-10T09:00:00Z');
  let workDir: string;
  let session: DemoSession;
  let context: BrowserContext | undefined;
  let ui: PlaygroundPage;
  const logger = memoryLogger();
  const shots: string[] = [];

  const app = () => session.bot.deps.app;
  const abstatt = async () => (await app().ctx.repo.readList(YEAR, ABSTATT))!;

  /** As in the terminal: the person's name, then the page reloaded; waits until the bot has sent the state again. */
  async function switchTo(key: string): Promise<void> {
    const before = (await session.replayed()).length;
    expect(await session.command(key)).toBe('');
    await ui.open(session.url);
    await ui.page.getByText(castMember(key).name, { exact: true }).first().waitFor();
    await waitUntil(async () => (await session.replayed()).length > before, CARDS_MS, 'Stand erneut gesendet');
  }

  async function shot(name: string, focus?: Locator): Promise<void> {
    shots.push(await ui.screenshot(name, focus));
  }

  beforeAll(async () => {
    workDir = tempDir('intm-e2e-');
    rmSync(OUTPUT, { recursive: true, force: true });
    mkdirSync(OUTPUT, { recursive: true });
    session = new DemoSession({
      dir: path.join(workDir, 'demo-teams'),
      clock,
      als: KOORDINATION,
      persons: 600,
      botPort: 0,
      playgroundPort: await freePort(),
      locale: 'de-DE',
      logger,
    });
    await session.start();
    const browser = await launchBrowser(path.join(workDir, 'chromium-profil'));
    context = browser.context;
    ui = new PlaygroundPage(browser.page, OUTPUT);
  }, 180_000);

  afterAll(async () => {
    // Everything goes, whatever failed: the browser, then bot, gateway and Playground (its process group).
    for (const step of [() => context?.close(), () => session?.stop()]) {
      try {
        await step();
      } catch {
        // keep stopping the rest
      }
    }
    if (process.env.UPDATE_SCREENSHOTS === '1' && shots.length === FOR_DOCS.length) {
      mkdirSync(DOCS, { recursive: true });
      for (const name of FOR_DOCS) copyFileSync(path.join(OUTPUT, name), path.join(DOCS, name));
    }
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  }, 120_000);

  test(
    '1 kora: hilfe, datei (Terminal), listen versenden',
    async () => {
      await ui.open(session.url);
      await ui.page.getByText(KOORDINATION.name, { exact: true }).first().waitFor();

      await ui.say('hilfe');
      const help = await ui.card(/listen versenden/);
      expect(await text(help)).toContain('berechnen');

      // `datei` in the terminal: the export as the file message Teams sends (the Playground has no upload).
      // The import report leads with the table per Gemeinde.
      const report = await ui.newCard('Abstatt', async () => {
        expect(await session.command('datei')).toContain('Export als Datei an den Bot geschickt');
      });
      const record = await app().campaigns.show(YEAR);
      expect(record.imported).toMatchObject({ gemeinden: 46, by: { name: KOORDINATION.name } });
      const listed = countList(await abstatt()).listed;
      expect(await text(report)).toContain(`Abstatt ${listed}`);
      await shot('01-import.png', report.getByText('Abstatt', { exact: true }).first());

      await ui.say('listen versenden');
      await ui.message(/im Kanal der Gemeinden/, CARDS_MS);
      const lists = await app().ctx.repo.readLists(YEAR);
      expect(lists.every((l) => listState(l) === 'versendet')).toBe(true);

      // One status card of all Gemeinden: counts and states, no persons; each clerk opens her own list from it.
      await ui.openChannel('Gemeinden');
      const card = await ui.card('Personenlisten 2028', CARDS_MS);
      expect(await text(card)).toContain(`Abstatt ${listed}`);
      expect(await card.getByRole('button', { name: 'Meine Liste öffnen' }).isVisible()).toBe(true);
      await shot('02-kanal-gemeinden.png', card);
    },
    STEP_MS,
  );

  test(
    '2 anna: Kanal und Liste wieder da; liste, streichen, Kind nachtragen, einreichen',
    async () => {
      await switchTo('anna');
      const replayed = (await session.replayed()).at(-1)!;
      expect(replayed).toEqual({ year: YEAR, channelCard: true, listCard: true, decisionCard: false, overview: false });
      const listed = countList(await abstatt()).listed;

      // The channel as it was before the Playground restarted.
      await ui.openChannel('Gemeinden');
      expect(await text(await ui.card('Personenlisten 2028', CARDS_MS))).toContain(`Abstatt ${listed}`);

      await ui.openPersonalChat();
      await ui.card('Personenliste · Berechnungsjahr 2028');
      let list = await ui.newCard('Personenliste · Berechnungsjahr 2028', () => ui.say('liste'));
      expect(await text(list)).toContain('Abstatt');
      expect(await text(list)).toContain(`gelistet ${listed} · gestrichen 0 · nachgetragen 0`);

      // Strike the first person on the card: form, reason, „Streichen“.
      const form = await ui.click(list, 'Streichen', 'Person streichen');
      await form.getByText('weggezogen', { exact: true }).click();
      list = await ui.click(form, 'Streichen', 'Die Person ist gestrichen.');
      expect(await text(list)).toContain(`gelistet ${listed} · gestrichen 1 · nachgetragen 0`);
      const struck = (await abstatt()).persons.filter((p) => p.strike);
      expect(struck).toHaveLength(1);
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
      expect((await abstatt()).persons.find((p) => p.origin === 'nachtrag')).toMatchObject({ givenName: 'Lina', birthDate: born });
      await shot('03-liste.png', list.getByText('Das Kind ist nachgetragen und zählt.'));

      const confirm = await ui.click(list, 'Liste einreichen', 'Liste verbindlich einreichen?');
      expect(await text(confirm)).toContain(`Personen zum Stichtag: ${listed}`);
      list = await ui.click(confirm, 'Verbindlich einreichen', 'Die Liste ist eingereicht. Vielen Dank!');
      expect(await list.getByRole('button', { name: 'Streichen' }).count()).toBe(0);
      expect((await abstatt()).submitted).toMatchObject({ persons: listed, by: { name: ANNA.name } });
    },
    STEP_MS,
  );

  test(
    '3 kora: berechnen, veröffentlichen',
    async () => {
      await switchTo('kora');
      expect((await session.replayed()).at(-1)).toMatchObject({ listCard: false, decisionCard: false });

      let card = await ui.newCard('Übersicht Integrationsmanagement 2028', () => ui.say('berechnen'));
      const row = (await app().overview.current(YEAR)).report.rows.find((r) => r.ags === ABSTATT)!;
      expect(await text(card)).toContain('Kreisbetrag 1.508.000 € = Landesmittel 40.000.000 € × Zuteilungsquote 3,77 %');
      expect(await text(card)).toContain(`Abstatt ${row.persons} ${formatEuro(row.amount)}`);
      await shot('04-verteilung.png', card.getByText('Abstatt', { exact: true }).first());

      // Only Abstatt has submitted: the figures are provisional, and the button says so (as the README quotes it).
      expect(await text(card)).toContain('vorläufig');
      card = await ui.click(card, 'Trotzdem vorläufig veröffentlichen', 'Die Übersicht ist veröffentlicht');
      // Published: the button is gone, the card says nothing has changed since.
      expect(await text(card)).toMatch(/Veröffentlicht am \d\d\.\d\d\.\d{4}; seitdem hat sich nichts geändert\./);
      expect(await card.getByRole('button', { name: 'Trotzdem vorläufig veröffentlichen', exact: true }).count()).toBe(0);
      const published = (await app().campaigns.show(YEAR)).published!;
      expect(published.by.name).toBe(KOORDINATION.name);
      expect(published.report.rows.find((r) => r.ags === ABSTATT)!.amount).toBe(row.amount);
      await ui.message(/^Verteilt:/, CARDS_MS);
    },
    STEP_MS,
  );

  test(
    '4 anna: Übersicht und Entscheidungskarte wieder da; Förderung erfragen, entscheiden',
    async () => {
      await switchTo('anna');
      expect((await session.replayed()).at(-1)).toMatchObject({ channelCard: true, overview: true, decisionCard: true, listCard: false });
      const row = (await app().campaigns.show(YEAR)).published!.report.rows.find((r) => r.ags === ABSTATT)!;

      await ui.card('Entscheidung Integrationsmanagement · Berechnungsjahr 2028');
      await ui.openChannel('Gemeinden');
      const overview = await ui.card('Übersicht Integrationsmanagement 2028', CARDS_MS);
      expect(await text(overview)).toContain(`Abstatt ${row.persons} ${formatEuro(row.amount)}`);
      await shot('05-anna-kanal.png', overview);

      await ui.openPersonalChat();
      await ui.say('Wie hoch ist unsere voraussichtliche Förderung?');
      const answer = await ui.message(/^Förderung für Abstatt, Berechnungsjahr 2028/);
      expect(await text(answer)).toContain(`${formatEuro(row.amount)} für ${row.persons} Personen`);

      let card = await ui.newCard('Entscheidung Integrationsmanagement · Berechnungsjahr 2028', () => ui.say('entscheidung'));
      expect(await text(card)).toContain(`${formatEuro(row.amount)} ≈`);
      await card.getByText(/^in eigener Verantwortung/).first().click();
      await card.getByLabel(/^Stellenumfang in VZÄ/).fill('0,5');
      const missing = Math.max(0, 34_000 - Math.floor(Number(row.amount)));
      await card.getByLabel(/^Eigenmittel in €/).fill(String(missing + 1000));
      const confirm = await ui.click(card, 'Weiter', 'Entscheidung verbindlich machen?');
      card = await ui.click(confirm, 'Verbindlich entscheiden', 'Ihre Entscheidung ist gespeichert.');
      const decision = (await app().ctx.repo.readDecisions(YEAR)).decisions[ABSTATT];
      expect(decision).toMatchObject({ choice: 'eigenstaendig', vzae: '0.5', decided: { by: { name: ANNA.name } } });
      await shot('06-entscheidung.png', card.getByText('Ihre Entscheidung ist gespeichert.'));
    },
    STEP_MS,
  );

  test(
    '5 kora: statusbericht – der Statusbericht in „General“',
    async () => {
      await switchTo('kora');
      await ui.say('statusbericht');
      await ui.message('Der Statusbericht ist im Kanal der Koordinierungsstelle.');
      await ui.openChannel('General');
      const digest = await ui.card('Statusbericht 2028 · 10.12.2026');
      expect(await text(digest)).toContain('in eigener Verantwortung 1');
      await shot('07-statusbericht.png', digest);

      // Nothing the bot logged names a person.
      const log = logger.lines.join('\n');
      for (const p of (await abstatt()).persons) expect(log).not.toContain(p.id);
      expect(shots).toHaveLength(FOR_DOCS.length);
    },
    STEP_MS,
  );
});

/**
 * Driving the Microsoft 365 Agents Playground's web UI with playwright-core, the way a person uses it:
 * the personal chat and the channels in the left pane, the message box, the @mention picker, the
 * buttons and inputs of the Adaptive Cards, „Mock an Activity → Custom activity“. Waits for texts and
 * elements, never for fixed times.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Flags for Debian's Chromium in a container without network (see shared/STACK.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=de-DE',
];

/** How long one answer of the bot may take in the browser (generous: CI machines have 2 cores). */
export const ANSWER_MS = 30_000;

export async function launchBrowser(userDataDir: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    viewport: { width: 1280, height: 900 },
    // The „Custom activity“ editor gets its JSON the way a person puts it there: pasted.
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  context.setDefaultTimeout(ANSWER_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/** Polls `condition` (every 100 ms) until it holds; fails after `timeout`. */
export async function waitUntil(condition: () => Promise<boolean>, timeout = ANSWER_MS, what = 'Bedingung'): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`Zeitüberschreitung: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export class PlaygroundPage {
  constructor(
    readonly page: Page,
    private readonly screenshotDir: string,
  ) {
    mkdirSync(screenshotDir, { recursive: true });
  }

  /** Opens the Playground (after a restart: reloads it) and waits for the bot's welcome in the personal chat. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator('[data-lexical-editor="true"]').first().waitFor();
    await this.page.getByText('Willkommen bei IntM-Bot').first().waitFor();
    // The log panel repeats every message; closed, texts are found once and cards get the room.
    const logPanel = this.page.getByText('Log Panel', { exact: true });
    if (await logPanel.isVisible()) {
      await logPanel.locator('xpath=..').locator('button').last().click();
      await logPanel.waitFor({ state: 'detached' });
    }
  }

  async openPersonalChat(): Promise<void> {
    await this.page.getByRole('treeitem', { name: /^Personal Chat/ }).click();
    await this.page.locator('[data-lexical-editor="true"]').first().waitFor();
  }

  /** A channel of the team, by its name in the left pane („General“, „Gemeinden“). */
  async openChannel(name: string): Promise<void> {
    await this.page.getByRole('treeitem', { name: new RegExp(` - ${name}$`) }).click();
    await this.page.getByRole('button', { name: 'Post' }).waitFor();
  }

  /** Types a message in the open chat and sends it with Enter. */
  async say(text: string): Promise<void> {
    const box = this.page.locator('[data-lexical-editor="true"]').last();
    await box.click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    await this.page.getByText(text, { exact: true }).last().waitFor();
  }

  /** A new post in the open channel that @mentions the bot (channels deliver nothing else). */
  async postMentioningBot(text: string): Promise<void> {
    const box = this.page.locator('[data-lexical-editor="true"]').first();
    await box.click();
    await this.page.keyboard.type('@IntM');
    await this.page.getByRole('menuitem', { name: /IntM-Bot/ }).click();
    await this.page.keyboard.type(' ' + text);
    await this.page.getByRole('button', { name: 'Post' }).click();
    await this.page.getByText(text).last().waitFor();
  }

  /** The last Adaptive Card on the page that shows `text`, once it is there. */
  async card(text: string | RegExp, timeout = ANSWER_MS): Promise<Locator> {
    const card = this.page.locator('.ac-adaptiveCard', { hasText: text }).last();
    await card.waitFor({ timeout });
    return card;
  }

  /**
   * Does `action` and returns the card showing `text` that it brings – a new one, not one of that kind
   * already on the page (the demo may have sent the same card again when the page opened).
   */
  async newCard(text: string | RegExp, action: () => Promise<void>, timeout = ANSWER_MS): Promise<Locator> {
    const cards = this.page.locator('.ac-adaptiveCard', { hasText: text });
    const before = await cards.count();
    await action();
    await waitUntil(async () => (await cards.count()) > before, timeout, `neue Karte „${text}“`);
    return cards.nth(before);
  }

  /** A plain text message (not a card) that shows `text`, once it is there. */
  async message(text: string | RegExp, timeout = ANSWER_MS): Promise<Locator> {
    const found = this.page.getByText(text).last();
    await found.waitFor({ timeout });
    return found;
  }

  /** Clicks a button of a card and waits until the card (replaced in place, or a new one) shows `expect`. */
  async click(card: Locator, button: string, expect: string | RegExp): Promise<Locator> {
    await card.getByRole('button', { name: button, exact: true }).first().click();
    return this.card(expect);
  }

  /**
   * „Mock an Activity → Custom activity“: replaces the editor's content with `activity` (pasted, as
   * the demo tells people to) and sends it.
   */
  async sendCustomActivity(activity: object): Promise<void> {
    await this.page.getByRole('button', { name: 'Mock an Activity' }).click();
    await this.page.getByRole('menuitem', { name: 'Custom activity' }).click();
    const editor = this.page.locator('.monaco-editor').first();
    await editor.waitFor();
    type Clipboard = { navigator: { clipboard: { writeText(text: string): Promise<void> } } };
    await this.page.evaluate((text) => (globalThis as unknown as Clipboard).navigator.clipboard.writeText(text), JSON.stringify(activity, null, 2));
    await editor.click();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Control+V');
    const send = this.page.getByRole('button', { name: 'Send activity' });
    await send.click();
    await send.waitFor({ state: 'detached' });
  }

  /** Chooses a day in a card's date input (the Playground shows a calendar; typing is not accepted). */
  async pickDate(card: Locator, iso: string): Promise<void> {
    const [y, m, d] = iso.split('-').map(Number);
    await card.locator('input[placeholder="Select a date..."]').first().click();
    const header = this.page.locator('.fui-CalendarDay__monthAndYear');
    await header.waitFor();
    const target = y * 12 + (m - 1);
    const day = this.page.locator(`button[aria-label="${d}, ${MONTHS[m - 1]}, ${y}"]`);
    for (let i = 0; i < 240 && !(await day.count()); i++) {
      const [month, year] = (await header.innerText()).trim().split(/\s+/);
      const shown = Number(year) * 12 + MONTHS.indexOf(month);
      if (!Number.isFinite(shown) || MONTHS.indexOf(month) < 0) throw new Error(`Kalender zeigt „${await header.innerText()}“`);
      // The first header button goes back a month, the second forward.
      const before = await header.innerText();
      await this.page.locator('.fui-CalendarDay__headerIconButton').nth(shown > target ? 0 : 1).click();
      await waitUntil(async () => (await header.innerText()).trim() !== before.trim());
    }
    await day.first().click();
    await header.waitFor({ state: 'detached' });
  }

  /** A screenshot of what is on screen now, with `focus` scrolled into view first. */
  async screenshot(name: string, focus?: Locator): Promise<string> {
    if (focus) await focus.scrollIntoViewIfNeeded();
    const file = path.join(this.screenshotDir, name);
    await this.page.screenshot({ path: file });
    return file;
  }
}

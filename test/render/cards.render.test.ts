/**
 * Every card function, rendered with sample data by the official Adaptive Cards renderer
 * (`adaptivecards`, the library behind the card designer) in headless Chromium, with a HostConfig
 * close to Teams' light theme. For each sample card:
 *   - it parses against schema 1.5 (what Teams renders for bots) without a single parse event
 *     (unknown element or action types, invalid or newer-than-1.5 values, …), and
 *     validateProperties() reports nothing (labels and error messages of required inputs, duplicate
 *     ids, too many actions, …);
 *   - the renderer keeps every property the card sets (a property it does not know is dropped silently);
 *   - its JSON stays under 40 KB (UTF-8);
 *   - it renders, the expected text is visible, and every Action.Execute is a visible button;
 *   - no TextBlock reads differently once Teams' Markdown is applied.
 * A problem already reported to the cards' owners is listed in KNOWN_ISSUES (and fails once fixed).
 * A screenshot of each card goes to test/render/output/ (git-ignored), with report.json: sizes, and
 * layout findings that do not fail the test (truncated text or buttons, text spilling out of its
 * column, coloured text below WCAG contrast, overflow).
 * `UPDATE_CARD_DOCS=1 npx jest test/render` also copies the curated screenshots to docs/cards/.
 * Needs Chromium (/usr/bin/chromium or CHROMIUM_PATH); its tests are skipped without it, except in CI.
 */
import { existsSync, copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { cardBytes, cards } from '../../src/cards';
import { VERBS } from '../../src/cards/actions';
import { allSamples, DESKTOP_WIDTH, type Sample } from './samples';
import { TEAMS_LIGHT_HOST_CONFIG } from './teamsHostConfig';

const KB = 1024;
const MAX_BYTES = 40 * KB;
const ROOT = resolve(__dirname, '../..');
const OUTPUT = join(__dirname, 'output');
const DOCS = join(ROOT, 'docs', 'cards');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Flags for Debian's Chromium in a container without network (see shared/STACK.md). Input.Date is the
// browser's own date field; without Debian's chromium-l10n it shows mm/dd/yyyy (Teams has its own picker).
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface RenderEvent {
  phase: string;
  event: string;
  message: string;
  source?: string;
}
interface RenderResult {
  rendered: boolean;
  text: string;
  /** Values of the text, date and number inputs and drop-downs (not part of innerText). */
  values: string[];
  /** aria-labels of the elements clickable as a whole (selectAction). */
  selectable: string[];
  buttons: { title: string; tag: string; classes: string; visible: boolean; truncated: boolean; width: number }[];
  truncated: string[];
  overflow: boolean;
  outside: string[];
  markdown: { text: string; shown: string }[];
  /** Text that runs past the right edge of its column. */
  spilling: string[];
  lowContrast: { text: string; color: string; background: string; ratio: number }[];
  width: number;
  height: number;
  parseEvents: RenderEvent[];
  validationEvents: RenderEvent[];
  roundTrip: unknown;
}
interface ClickResult {
  clicked: boolean;
  executed: { type: string; verb: string; title: string; data: Record<string, unknown> }[];
  invalidInputs: number;
}
/** What harness.html puts on the page's global object. */
interface Win {
  acHarness: {
    setup(hostConfig: unknown): { version: string };
    render(card: unknown, width: number): RenderResult;
    click(title: string): ClickResult;
    choose(value: string): boolean;
    visibleButtons(): string[];
  };
}
interface Rendered {
  sample: Sample;
  bytes: number;
  result: RenderResult;
  screenshot: string;
}

type Node = Record<string, unknown>;

/**
 * Titles of the Action.Execute buttons a user sees: on the card's action bar and in its ActionSets, not
 * inside a ShowCard's card (hidden until opened) and not selectActions (a clickable row, no button).
 */
function buttonTitles(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => buttonTitles(n, found));
  else if (node && typeof node === 'object') {
    const obj = node as Node;
    if (obj.type === 'Action.Execute') found.push(obj.title as string);
    for (const [key, value] of Object.entries(obj)) {
      if ((obj.type === 'Action.ShowCard' && key === 'card') || key === 'selectAction') continue;
      buttonTitles(value, found);
    }
  }
  return found;
}

/** Titles of the selectActions outside ShowCards (rows or columns clickable as a whole). */
function selectActionTitles(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => selectActionTitles(n, found));
  else if (node && typeof node === 'object') {
    const obj = node as Node;
    const select = obj.selectAction as Node | undefined;
    if (select) found.push(select.title as string);
    for (const [key, value] of Object.entries(obj)) if (!(obj.type === 'Action.ShowCard' && key === 'card')) selectActionTitles(value, found);
  }
  return found;
}

/** `expected`, each once, in `actual` (a multiset check): what is missing. */
function missingFrom(actual: string[], expected: string[]): string[] {
  const left = [...actual];
  return expected.filter((title) => {
    const i = left.indexOf(title);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

/**
 * Known problems of the cards in src/cards, reported to their owners; each entry names the sample and
 * the renderer's event, and fails the test once the problem is gone (then delete the entry).
 */
const KNOWN_ISSUES: Record<string, { event: string; fix: string }[]> = {};

/**
 * Properties the card sets that the renderer did not keep. Its toJSON leaves out values equal to a
 * property's default; those are harmless, so only keys whose value is not a known default count.
 */
const DEFAULTS: Record<string, unknown[]> = {
  spacing: ['Default', 'default'],
  wrap: [false],
  separator: [false],
  isSubtle: [false],
  size: ['Default', 'default'],
  weight: ['Default', 'default'],
  color: ['Default', 'default'],
  style: ['default', 'Default', 'compact'],
  width: ['stretch', 'auto'],
  isRequired: [false],
  isMultiline: [false],
  horizontalAlignment: ['Left', 'left'],
  verticalContentAlignment: ['Top', 'top'],
  associatedInputs: ['auto', 'Auto'],
  value: [''],
  $schema: ['http://adaptivecards.io/schemas/adaptive-card.json'],
};
function droppedProperties(source: unknown, kept: unknown, path = '$', found: string[] = []): string[] {
  if (Array.isArray(source)) {
    const keptArray = Array.isArray(kept) ? kept : [];
    source.forEach((s, i) => droppedProperties(s, keptArray[i], `${path}[${i}]`, found));
  } else if (source && typeof source === 'object') {
    const keptObj = kept && typeof kept === 'object' ? (kept as Node) : {};
    for (const [key, value] of Object.entries(source as Node)) {
      if (!(key in keptObj)) {
        if (!(DEFAULTS[key] ?? []).includes(value)) found.push(`${path}.${key}=${JSON.stringify(value).slice(0, 60)}`);
        continue;
      }
      // Action data is the host's business, not the renderer's.
      if (key !== 'data') droppedProperties(value, keptObj[key], `${path}.${key}`, found);
    }
  }
  return found;
}

const samples = allSamples();
const rendered: Rendered[] = [];
let browser: Browser | undefined;
let page: Page;

// Like test/e2e: without Chromium the renderer's tests are skipped on a developer's machine; in CI they must run.
const available = existsSync(CHROMIUM);
if (!available && process.env.CI === 'true') {
  test('Chromium is installed in CI', () => {
    throw new Error(`Chromium not found at ${CHROMIUM}: .ci/run installs chromium and fonts-liberation (or set CHROMIUM_PATH)`);
  });
}
const describeWithBrowser = available ? describe : describe.skip;

beforeAll(async () => {
  if (!available) return;
  rmSync(OUTPUT, { recursive: true, force: true });
  mkdirSync(OUTPUT, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1000, height: 1200 }, deviceScaleFactor: 1, locale: 'de-DE' });
  // Nothing may come from the network: the harness, the renderer and its stylesheet are local files.
  await page.route(/^(?!file:|data:|about:)/, (route) => route.abort());
  await page.goto(pathToFileURL(join(__dirname, 'harness.html')).href);
  await page.addStyleTag({ path: require.resolve('adaptivecards/dist/adaptivecards.css') });
  await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
  await page.evaluate((config) => (globalThis as unknown as Win).acHarness.setup(config), TEAMS_LIGHT_HOST_CONFIG);

  for (const sample of samples) {
    const width = sample.width ?? DESKTOP_WIDTH;
    const result = await page.evaluate(([card, w]) => (globalThis as unknown as Win).acHarness.render(card, w), [sample.card, width] as const);
    const screenshot = join(OUTPUT, `${sample.name}.png`);
    if (result.rendered) await page.locator('#stage .frame').screenshot({ path: screenshot });
    rendered.push({ sample, bytes: cardBytes(sample.card), result, screenshot });
  }

  writeFileSync(
    join(OUTPUT, 'report.json'),
    JSON.stringify(
      rendered.map(({ sample, bytes, result }) => ({
        name: sample.name,
        function: sample.fn,
        width: result.width,
        height: result.height,
        bytes,
        kb: Math.round((bytes / KB) * 10) / 10,
        parseEvents: result.parseEvents,
        validationEvents: result.validationEvents,
        dropped: droppedProperties(sample.card, result.roundTrip),
        markdownChanged: result.markdown,
        truncatedText: result.truncated,
        truncatedButtons: result.buttons.filter((b) => b.visible && b.truncated).map((b) => b.title),
        overflow: result.overflow ? result.outside : false,
        spillingOutOfColumn: result.spilling,
        lowContrast: result.lowContrast,
      })),
      null,
      2,
    ),
  );
  if (process.env.UPDATE_CARD_DOCS) {
    mkdirSync(DOCS, { recursive: true });
    for (const r of rendered) if (r.sample.doc) copyFileSync(r.screenshot, join(DOCS, `${r.sample.doc}.png`));
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('every card renders in the official Adaptive Cards renderer', () => {
  test('the samples cover every card function', () => {
    // test/cards/safety.test.ts pins the list of card functions itself.
    const functions = Object.keys(cards);
    expect([...new Set(samples.map((s) => s.fn))].sort()).toEqual(functions.sort());
    expect(new Set(samples.map((s) => s.name)).size).toBe(samples.length);
    expect(samples.filter((s) => s.card.lang === 'en').length).toBeGreaterThanOrEqual(5);
  });

  describeWithBrowser.each(samples.map((s) => [s.name, s] as const))('%s', (name) => {
    const get = () => rendered.find((r) => r.sample.name === name)!;

    test('parses as schema 1.5 without warnings or errors, and validates', () => {
      const { result } = get();
      const known = (KNOWN_ISSUES[name] ?? []).map((k) => k.event);
      const events = [...result.parseEvents, ...result.validationEvents];
      expect(events.filter((e) => !known.includes(e.event))).toEqual([]);
      // A known issue that no longer occurs: remove it from KNOWN_ISSUES.
      expect(known.filter((k) => !events.some((e) => e.event === k))).toEqual([]);
    });

    test('the renderer keeps every property the card sets', () => {
      const { sample, result } = get();
      expect(droppedProperties(sample.card, result.roundTrip)).toEqual([]);
    });

    test('stays under 40 KB', () => {
      expect(get().bytes).toBeLessThan(MAX_BYTES);
    });

    test('renders: the expected text is visible, every Action.Execute is a visible button', () => {
      const { sample, result } = get();
      expect(result.rendered).toBe(true);
      expect(existsSync(get().screenshot)).toBe(true);
      const text = [result.text, ...result.values].join(' ').replace(/\s+/g, ' ');
      expect(sample.expect.filter((words) => !text.includes(words))).toEqual([]);
      const buttons = result.buttons.filter((b) => b.visible && b.tag === 'button' && b.classes.includes('ac-pushButton')).map((b) => b.title);
      expect(missingFrom(buttons, buttonTitles(sample.card))).toEqual([]);
      expect(missingFrom(result.selectable, selectActionTitles(sample.card))).toEqual([]);
    });

    test('no TextBlock reads differently with Teams Markdown', () => {
      expect(get().result.markdown).toEqual([]);
    });
  });

  test('the largest page of a 1,000-person list is under 40 KB', () => {
    const big = samples.filter((s) => s.name.includes('1000'));
    expect(big.length).toBe(2);
    for (const s of big) expect(cardBytes(s.card)).toBeLessThan(MAX_BYTES);
  });
});

describeWithBrowser('the checks themselves catch problems', () => {
  const renderRaw = (card: unknown) => page.evaluate(([c, w]) => (globalThis as unknown as Win).acHarness.render(c, w), [card, DESKTOP_WIDTH] as const);

  test('newer-than-1.5 or unknown elements, bad values, unlabelled required inputs, dropped properties, Markdown', async () => {
    const card = {
      type: 'AdaptiveCard',
      version: '1.5',
      lang: 'de',
      body: [
        { type: 'TextBlock', text: '2. Rückmeldung bis 15.01.2024', wrap: true },
        { type: 'TextBlock', text: 'Frist **heute**', color: 'Purple' },
        { type: 'Carousel', pages: [] },
        { type: 'Input.Text', id: 'x', isRequired: true },
        { type: 'Container', items: [], bleedToTheMoon: true },
      ],
      actions: Array.from({ length: 7 }, (_, i) => ({ type: 'Action.Execute', verb: 'v', title: `B${i}` })),
    };
    const result = await renderRaw(card);
    const events = [...result.parseEvents, ...result.validationEvents].map((e) => e.event);
    expect(events).toEqual(
      expect.arrayContaining(['InvalidPropertyValue', 'UnknownElementType', 'RequiredInputsShouldHaveLabel', 'RequiredInputsShouldHaveErrorMessage', 'TooManyActions']),
    );
    expect(droppedProperties(card, result.roundTrip)).toEqual(expect.arrayContaining([expect.stringContaining('bleedToTheMoon')]));
    expect(result.markdown.map((m) => m.shown)).toEqual(['Rückmeldung bis 15.01.2024', 'Frist heute']);
  });
});

describeWithBrowser('the buttons work in the renderer', () => {
  const harness = () => page;
  const click = (title: string) => harness().evaluate((t) => (globalThis as unknown as Win).acHarness.click(t), title);
  const show = (name: string) => {
    const sample = samples.find((s) => s.name === name)!;
    return harness().evaluate(([card, w]) => (globalThis as unknown as Win).acHarness.render(card, w), [sample.card, DESKTOP_WIDTH] as const);
  };

  test('strike form: "Streichen" needs a reason; with one it sends the verb, the ids and the inputs; "Zurück" sends no inputs', async () => {
    await show('strikeForm-de');
    const without = await click('Streichen');
    expect(without).toMatchObject({ clicked: true, executed: [] });
    expect(await harness().evaluate(() => (globalThis as unknown as Win).acHarness.choose('weggezogen'))).toBe(true);
    const strike = await click('Streichen');
    expect(strike.executed).toHaveLength(1);
    expect(strike.executed[0]).toMatchObject({ verb: VERBS.strike, data: { ags: '08125001', personId: 'LRA-2022-00513', reason: 'weggezogen' } });
    const back = await click('Zurück');
    expect(back.executed).toHaveLength(1);
    expect(back.executed[0].verb).toBe(VERBS.listPage);
    expect(back.executed[0].data).not.toHaveProperty('reason');
  });

  test('inline ShowCards open: the coordinator\'s "Liste wieder öffnen" with its date and "Wieder öffnen"', async () => {
    await show('list-de-koordination-submitted');
    expect(await harness().evaluate(() => (globalThis as unknown as Win).acHarness.visibleButtons())).not.toContain('Wieder öffnen');
    expect((await click('Liste wieder öffnen')).executed).toEqual([]);
    expect(await harness().evaluate(() => (globalThis as unknown as Win).acHarness.visibleButtons())).toContain('Wieder öffnen');
    await page.locator('#stage .frame').screenshot({ path: join(OUTPUT, 'list-de-koordination-reopen-open.png') });
    const reopen = await click('Wieder öffnen');
    expect(reopen.executed.map((a) => a.verb)).toEqual([VERBS.reopen]);
  });

  test('inline ShowCards open: the decision card\'s arguments', async () => {
    await show('decision-de-invitation');
    await click('Entscheidungshilfe: Argumente und Folgen');
    const text = await page.locator('#stage .frame').innerText();
    expect(text).toContain('Für den Landkreis spricht');
    await page.locator('#stage .frame').screenshot({ path: join(OUTPUT, 'decision-de-arguments-open.png') });
  });

  test('decision card: "Verbund bestätigen" confirms the lead\'s Verbund without the form\'s inputs', async () => {
    await show('decision-de-invitation');
    const confirm = await click('Verbund bestätigen');
    expect(confirm.executed).toHaveLength(1);
    expect(confirm.executed[0]).toMatchObject({ verb: VERBS.verbundConfirm, data: { ags: '08125026', lead: '08125001' } });
    expect(confirm.executed[0].data).not.toHaveProperty('choice');
  });
});

/**
 * The Teams manifest and its English localization, checked offline against the 1.22 schemas bundled
 * in @microsoft/app-manifest, plus the rules the schema does not express.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandKeys, danglingLocalizationKeys, validateLocalization, validateManifest, valueAt } from '../../src/tools/appManifest';
import { fillPlaceholders } from '../../src/tools/packageApp';
import { APP_ID, ROOT, TEST_BOT_ID, readJsonFile, readManifest, readManifestText, type Manifest } from './helpers';

const filled = (): Manifest => JSON.parse(fillPlaceholders(readManifestText(), { BOT_ID: TEST_BOT_ID }, 'manifest.json')) as Manifest;

const COORDINATOR_COMMANDS = [
  'kampagne anlegen', 'import', 'listen versenden', 'status', 'erinnern', 'berechnen', 'veröffentlichen',
  'export', 'zuordnen', 'kanal registrieren', 'statusbericht', 'nachträge', 'wiedereröffnen',
];
const EVERYONE_COMMANDS = ['liste', 'entscheidung', 'hilfe', 'Wie hoch ist unsere voraussichtliche Förderung?'];

// Validation must never reach the network: a download would make the test pass or fail by chance.
let realFetch: typeof globalThis.fetch;
beforeAll(() => {
  realFetch = globalThis.fetch;
  globalThis.fetch = () => Promise.reject(new Error('network access during manifest validation'));
});
afterAll(() => {
  globalThis.fetch = realFetch;
});

describe('manifest.json', () => {
  test('the source keeps the bot id as a placeholder and the app id fixed', () => {
    const m = readManifest();
    expect(m.$schema).toBe('https://developer.microsoft.com/en-us/json-schemas/teams/v1.22/MicrosoftTeams.schema.json');
    expect(m.manifestVersion).toBe('1.22');
    expect(m.id).toBe(APP_ID);
    expect(m.bots?.[0]?.botId).toBe('${{BOT_ID}}');
  });

  test('with a bot id filled in, it is valid against the bundled 1.22 schema', () => {
    expect(validateManifest(filled())).toEqual([]);
  });

  test('the schema check catches a broken manifest', () => {
    const broken = filled();
    delete broken.developer;
    (broken.description as { short: string }).short = 'x'.repeat(81);
    broken.bots![0]!.botId = 'not-a-guid';
    const errors = validateManifest(broken);
    expect(errors.join('\n')).toMatch(/developer/);
    expect(errors.join('\n')).toMatch(/description\/short/);
    expect(errors.join('\n')).toMatch(/botId/);
  });

  test('its version is the version in package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(readManifest().version).toBe(pkg.version);
  });

  test('the bot works in personal chats, teams and group chats, takes files and converses', () => {
    const bot = readManifest().bots![0]! as Record<string, unknown>;
    expect(bot.scopes).toEqual(expect.arrayContaining(['personal', 'team', 'groupChat']));
    expect(bot.supportsFiles).toBe(true);
    expect(bot.isNotificationOnly).toBe(false);
  });

  test('command lists: at most 3 lists of at most 10 commands, one list per scope', () => {
    const bot = readManifest().bots![0]! as unknown as { scopes: string[]; commandLists: { scopes: string[]; commands: unknown[] }[] };
    expect(bot.commandLists.length).toBeLessThanOrEqual(3);
    for (const list of bot.commandLists) expect(list.commands.length).toBeLessThanOrEqual(10);
    const scopes = bot.commandLists.flatMap((l) => l.scopes);
    expect(new Set(scopes).size).toBe(scopes.length); // Teams shows one list per scope
    for (const s of scopes) expect(bot.scopes).toContain(s);
  });

  test('every command of the issue is offered, with a short German description', () => {
    const commands = readManifest().bots![0]!.commandLists!.flatMap((l) => l.commands);
    const titles = commands.map((c) => c.title);
    for (const c of [...COORDINATOR_COMMANDS, ...EVERYONE_COMMANDS]) expect(titles).toContain(c);
    for (const c of commands) {
      // The schema allows 4000, but Teams shows one line in the command menu (documented limit 128).
      expect(c.description.length).toBeLessThanOrEqual(128);
      expect(c.description.length).toBeGreaterThan(0);
    }
    // Sending the file is what imports: the description has to say so.
    expect(commands.find((c) => c.title === 'import')!.description).toMatch(/Datei.*persönlichen Chat/);
  });

  test('figures before publication stay in the personal chat: no "berechnen" or "veröffentlichen" in team or group chat menus', () => {
    const lists = readManifest().bots![0]!.commandLists!;
    const shared = lists.filter((l) => !l.scopes.includes('personal')).flatMap((l) => l.commands.map((c) => c.title));
    expect(shared).not.toContain('berechnen');
    expect(shared).not.toContain('veröffentlichen');
    const personal = lists.find((l) => l.scopes.includes('personal'))!.commands.map((c) => c.title);
    expect(personal).toEqual(expect.arrayContaining(['berechnen', 'veröffentlichen']));
  });

  test('German by default, English as an additional language', () => {
    const m = readManifest();
    expect(m.localizationInfo).toEqual({ defaultLanguageTag: 'de-de', additionalLanguages: [{ languageTag: 'en', file: 'en.json' }] });
  });

  test('names, descriptions and developer of the Landratsamt', () => {
    const m = readManifest() as Manifest & { name: { short: string }; description: { short: string; full: string }; developer: Record<string, string> };
    expect(m.name.short).toBe('IntM-Bot');
    expect(m.description.short.length).toBeLessThanOrEqual(80);
    expect(m.description.full.length).toBeLessThanOrEqual(4000);
    expect(m.description.full).toMatch(/Integrationsmanagement/);
    for (const url of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) expect(m.developer[url]).toMatch(/^https:\/\/www\.landkreis-heilbronn\.de(\/|$)/);
    expect(m.accentColor).toMatch(/^#[0-9A-Fa-f]{6}$/);
    expect(m.validDomains).toEqual([]);
  });
});

describe('en.json', () => {
  const en = () => readJsonFile('en.json');

  test('is valid against the bundled 1.22 localization schema', () => {
    expect(en().$schema).toBe('https://developer.microsoft.com/en-us/json-schemas/teams/v1.22/MicrosoftTeams.Localization.schema.json');
    expect(validateLocalization(en())).toEqual([]);
  });

  test('the schema check catches unknown keys and overlong texts', () => {
    const errors = validateLocalization({ ...en(), 'name.colour': 'x', 'description.short': 'x'.repeat(81) });
    expect(errors.join('\n')).toMatch(/additional/);
    expect(errors.join('\n')).toMatch(/description\.short/);
  });

  test('every key names a text of the manifest', () => {
    expect(danglingLocalizationKeys(readManifest(), en())).toEqual([]);
    // The check itself: a key past the last command does not resolve.
    expect(danglingLocalizationKeys(readManifest(), { 'bots[0].commandLists[0].commands[10].title': 'x' })).toHaveLength(1);
  });

  test('translates the names, descriptions and every command', () => {
    const keys = ['name.short', 'name.full', 'description.short', 'description.full', ...commandKeys(readManifest())];
    const translation = en();
    for (const key of keys) {
      expect(typeof valueAt(readManifest(), key)).toBe('string');
      expect(typeof translation[key]).toBe('string');
    }
    for (const key of commandKeys(readManifest()).filter((k) => k.endsWith('.description'))) {
      expect((translation[key] as string).length).toBeLessThanOrEqual(128);
    }
  });
});

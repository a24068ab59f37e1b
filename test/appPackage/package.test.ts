/**
 * `npm run package`: the zip Teams receives, built into a temporary folder with a test bot id.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { buildAppPackage, fillPlaceholders, loadEnvironment, PackageError, parseEnvFile } from '../../src/tools/packageApp';
import { APP_DIR, APP_ID, ROOT, TEST_BOT_ID } from './helpers';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'intm-apppackage-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

async function build(env: Record<string, string>, root = ROOT) {
  const result = await buildAppPackage({ root, env, outFile: join(tmp, 'appPackage.zip') });
  return { result, zip: await JSZip.loadAsync(readFileSync(result.outFile)) };
}

test('the zip holds exactly manifest.json, both icons and en.json, all at its root', async () => {
  const { zip } = await build({ BOT_ID: TEST_BOT_ID });
  expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
  for (const name of ['color.png', 'outline.png']) {
    expect((await zip.file(name)!.async('nodebuffer')).equals(readFileSync(join(APP_DIR, name)))).toBe(true);
  }
});

test('the packaged manifest has the bot id filled in and no placeholder left', async () => {
  const { zip } = await build({ BOT_ID: TEST_BOT_ID });
  const text = await zip.file('manifest.json')!.async('string');
  expect(text).not.toContain('${{');
  const manifest = JSON.parse(text) as { id: string; bots: { botId: string }[]; validDomains: string[] };
  expect(manifest.bots[0]!.botId).toBe(TEST_BOT_ID);
  expect(manifest.id).toBe(APP_ID);
  expect(manifest.validDomains).toEqual([]);
  expect(await zip.file('en.json')!.async('string')).not.toContain('${{');
});

test('the same sources give a byte-identical package', async () => {
  const first = readFileSync((await build({ BOT_ID: TEST_BOT_ID })).result.outFile);
  const second = readFileSync((await build({ BOT_ID: TEST_BOT_ID })).result.outFile);
  expect(first.equals(second)).toBe(true);
});

test('a missing or malformed BOT_ID is refused in German', async () => {
  await expect(build({})).rejects.toThrow(PackageError);
  await expect(build({})).rejects.toThrow(/BOT_ID fehlt/);
  await expect(build({ BOT_ID: '  ' })).rejects.toThrow(/BOT_ID fehlt/);
  await expect(build({ BOT_ID: 'meine-bot-id' })).rejects.toThrow(/BOT_ID ist keine GUID: „meine-bot-id“/);
});

test('BOT_DOMAIN, when set, becomes the valid domain; a URL is refused', async () => {
  const { zip } = await build({ BOT_ID: TEST_BOT_ID, BOT_DOMAIN: 'intm.landkreis-heilbronn.de' });
  expect(JSON.parse(await zip.file('manifest.json')!.async('string')).validDomains).toEqual(['intm.landkreis-heilbronn.de']);
  await expect(build({ BOT_ID: TEST_BOT_ID, BOT_DOMAIN: 'https://intm.example/api' })).rejects.toThrow(/BOT_DOMAIN „https:\/\/intm.example\/api“ ist kein Domänenname/);
});

/** A copy of the project's package files to break on purpose. */
function scratchProject(version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string): string {
  const root = join(tmp, 'project');
  cpSync(APP_DIR, join(root, 'appPackage'), { recursive: true, filter: (src) => !src.includes(`${join('appPackage', 'build')}`) });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ version }));
  return root;
}

test('a manifest version other than package.json is refused', async () => {
  await expect(build({ BOT_ID: TEST_BOT_ID }, scratchProject('9.9.9'))).rejects.toThrow(/weicht von package.json \(9\.9\.9\) ab/);
});

test('a manifest Teams would reject is refused with the schema errors', async () => {
  const root = scratchProject();
  const file = join(root, 'appPackage', 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.accentColor = 'blau';
  writeFileSync(file, JSON.stringify(manifest));
  await expect(build({ BOT_ID: TEST_BOT_ID }, root)).rejects.toThrow(/entspricht nicht dem Teams-Schema:[\s\S]*accentColor/);
});

test('an icon of the wrong size is refused', async () => {
  const root = scratchProject();
  cpSync(join(APP_DIR, 'outline.png'), join(root, 'appPackage', 'color.png'));
  await expect(build({ BOT_ID: TEST_BOT_ID }, root)).rejects.toThrow(/color\.png ist 32×32 Pixel groß; Teams verlangt 192×192/);
});

test('an English key without a manifest text is refused', async () => {
  const root = scratchProject();
  const file = join(root, 'appPackage', 'en.json');
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), 'bots[0].commandLists[2].commands[7].title': 'x' }));
  const manifestFile = join(root, 'appPackage', 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  manifest.bots[0].commandLists[2].commands.pop();
  writeFileSync(manifestFile, JSON.stringify(manifest));
  await expect(build({ BOT_ID: TEST_BOT_ID }, root)).rejects.toThrow(/Schlüssel ohne Entsprechung im Manifest: bots\[0\]\.commandLists\[2\]\.commands\[7\]\.title/);
});

describe('placeholders and env/.env.local', () => {
  test('every ${{NAME}} is filled, JSON-escaped; all missing names are listed at once', () => {
    expect(fillPlaceholders('{"a":"${{A}}","b":"x-${{ B }}"}', { A: 'say "hi"', B: '1' }, 'f')).toBe('{"a":"say \\"hi\\"","b":"x-1"}');
    expect(() => fillPlaceholders('["${{A}}","${{B}}","${{A}}"]', {}, 'f.json')).toThrow('f.json: Variable A, B nicht gesetzt');
    expect(() => fillPlaceholders('["${{bot-id}}"]', {}, 'f.json')).toThrow(/Platzhalter \$\{\{bot-id\}\} ist ungültig/);
  });

  test('the env file: comments, export, quotes; the process environment wins', () => {
    expect(parseEnvFile('# Kommentar\nexport BOT_ID=abc\nBOT_DOMAIN = "x.de" \nQ=\'a # b\'\nR=plain # note\n\nnonsense\n')).toEqual({
      BOT_ID: 'abc',
      BOT_DOMAIN: 'x.de',
      Q: 'a # b',
      R: 'plain',
    });
    mkdirSync(join(tmp, 'env'));
    writeFileSync(join(tmp, 'env', '.env.local'), `BOT_ID=${TEST_BOT_ID}\nBOT_DOMAIN=file.example\n`);
    expect(loadEnvironment(tmp, { BOT_DOMAIN: 'process.example', BOT_ID: '' })).toEqual({ BOT_ID: TEST_BOT_ID, BOT_DOMAIN: 'process.example' });
    expect(loadEnvironment(join(tmp, 'nowhere'), {})).toEqual({});
  });
});

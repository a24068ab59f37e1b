/**
 * `npm run package`: builds appPackage/build/appPackage.zip for upload to Teams – manifest.json with
 * its `${{VARIABLE}}` placeholders filled (as the Teams Toolkit does), the two icons and the
 * localization files, all at the zip's root. Variables come from the environment, and from
 * env/.env.local when that file exists (the environment wins). Refuses, in German, anything Teams
 * would reject later: missing or malformed BOT_ID, a schema error, wrong icon sizes.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import JSZip from 'jszip';
import { danglingLocalizationKeys, referencedFiles, validateLocalization, validateManifest, type ManifestShape } from './appManifest';
import { readPngHeader } from './png';
import { findProjectRoot } from './projectRoot';

/** A problem the user can fix; printed without a stack trace. */
export class PackageError extends Error {}

export type Env = Record<string, string | undefined>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const ICON_SIZES: Record<'color' | 'outline', number> = { color: 192, outline: 32 };
/** A fixed time stamp for every zip entry: the same sources give a byte-identical package. */
const ZIP_DATE = new Date(Date.UTC(2025, 0, 1));

/** `KEY=value` lines as the Teams Toolkit writes them; `#` comments, `export ` and quotes allowed. */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2]!;
    const quoted = /^(["'])(.*)\1$/.exec(value);
    value = quoted ? quoted[2]! : value.replace(/\s+#.*$/, '');
    out[m[1]!] = value;
  }
  return out;
}

/** env/.env.local (if present) overlaid by the process environment's non-empty variables. */
export function loadEnvironment(root: string, processEnv: Env = process.env): Env {
  const file = join(root, 'env', '.env.local');
  const env: Env = existsSync(file) ? parseEnvFile(readFileSync(file, 'utf8')) : {};
  for (const [name, value] of Object.entries(processEnv)) if (value) env[name] = value;
  return env;
}

/** Replaces every `${{NAME}}` inside JSON text; lists all missing variables at once. */
export function fillPlaceholders(jsonText: string, env: Env, source: string): string {
  const missing = new Set<string>();
  const filled = jsonText.replace(PLACEHOLDER, (_, name: string) => {
    const value = env[name]?.trim();
    if (!value) {
      missing.add(name);
      return '';
    }
    return JSON.stringify(value).slice(1, -1); // placeholders sit inside JSON strings
  });
  if (missing.size) {
    throw new PackageError(
      `${source}: Variable ${[...missing].join(', ')} nicht gesetzt. Bitte als Umgebungsvariable setzen oder in env/.env.local eintragen (siehe appPackage/README.md).`,
    );
  }
  // A malformed placeholder (e.g. `${{bot-id}}`) would otherwise reach Teams unfilled.
  const leftover = /\$\{\{[^}]*\}\}/.exec(filled);
  if (leftover) throw new PackageError(`${source}: Platzhalter ${leftover[0]} ist ungültig (erlaubt: Buchstaben, Ziffern, _).`);
  return filled;
}

function checkBotId(env: Env): void {
  const botId = env.BOT_ID?.trim();
  if (!botId) {
    throw new PackageError(
      'BOT_ID fehlt: Bitte die App-ID (Microsoft App ID) der Azure-Bot-Registrierung als Umgebungsvariable BOT_ID setzen oder in env/.env.local eintragen, z. B. BOT_ID=00000000-0000-0000-0000-000000000000.',
    );
  }
  if (!GUID.test(botId)) {
    throw new PackageError(
      `BOT_ID ist keine GUID: „${botId}“. Erwartet wird die App-ID der Azure-Bot-Registrierung im Format xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.`,
    );
  }
}

/** BOT_DOMAIN is optional: a bare host name such as intm.landkreis-heilbronn.de, added to validDomains. */
function addBotDomain(manifest: ManifestShape, env: Env): void {
  const domain = env.BOT_DOMAIN?.trim();
  if (!domain) return;
  if (!/^(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(domain)) {
    throw new PackageError(`BOT_DOMAIN „${domain}“ ist kein Domänenname wie intm.landkreis-heilbronn.de (ohne https://, Port und Pfad).`);
  }
  manifest.validDomains = [...new Set([...(manifest.validDomains ?? []), domain])];
}

function readJson(path: string, text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new PackageError(`${path} ist kein gültiges JSON: ${(e as Error).message}`);
  }
}

function schemaProblem(file: string, errors: string[]): PackageError {
  return new PackageError(`${file} entspricht nicht dem Teams-Schema:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
}

export interface BuildOptions {
  /** Project folder (holds package.json and appPackage/). */
  root: string;
  env: Env;
  /** Where to write the zip; default appPackage/build/appPackage.zip. */
  outFile?: string;
}

export interface BuildResult {
  outFile: string;
  manifest: ManifestShape;
  files: string[];
}

export async function buildAppPackage(options: BuildOptions): Promise<BuildResult> {
  const { root, env } = options;
  const appDir = join(root, 'appPackage');
  const outFile = options.outFile ?? join(appDir, 'build', 'appPackage.zip');
  checkBotId(env);

  const manifestText = fillPlaceholders(readFileSync(join(appDir, 'manifest.json'), 'utf8'), env, 'appPackage/manifest.json');
  const manifestJson = readJson('appPackage/manifest.json', manifestText);
  const manifest = manifestJson as unknown as ManifestShape;
  addBotDomain(manifest, env);

  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  if (manifest.version !== pkg.version) {
    throw new PackageError(
      `Version in appPackage/manifest.json (${manifest.version}) weicht von package.json (${pkg.version}) ab. Bitte angleichen – Teams erwartet bei jeder neuen Fassung eine höhere Version.`,
    );
  }
  const manifestErrors = validateManifest(manifestJson);
  if (manifestErrors.length) throw schemaProblem('appPackage/manifest.json', manifestErrors);

  const zip = new JSZip();
  const add = (name: string, content: string | Buffer) => zip.file(name, content, { date: ZIP_DATE, compression: 'DEFLATE' });
  add('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);

  for (const name of referencedFiles(manifest)) {
    if (basename(name) !== name) throw new PackageError(`appPackage/manifest.json: „${name}“ muss direkt in appPackage/ liegen (Teams erwartet alle Dateien an der Wurzel des Pakets).`);
    const path = join(appDir, name);
    if (!existsSync(path)) throw new PackageError(`appPackage/${name} fehlt (im Manifest genannt).`);
    if (name.endsWith('.json')) {
      const text = fillPlaceholders(readFileSync(path, 'utf8'), env, `appPackage/${name}`);
      const localization = readJson(`appPackage/${name}`, text);
      const errors = validateLocalization(localization);
      if (errors.length) throw schemaProblem(`appPackage/${name}`, errors);
      const dangling = danglingLocalizationKeys(manifest, localization);
      if (dangling.length) throw new PackageError(`appPackage/${name}: Schlüssel ohne Entsprechung im Manifest: ${dangling.join(', ')}`);
      add(name, text);
    } else {
      const png = readFileSync(path);
      const role = name === manifest.icons.color ? 'color' : 'outline';
      let header;
      try {
        header = readPngHeader(png);
      } catch {
        throw new PackageError(`appPackage/${name} ist keine PNG-Datei.`);
      }
      const size = ICON_SIZES[role];
      if (header.width !== size || header.height !== size) {
        throw new PackageError(`appPackage/${name} ist ${header.width}×${header.height} Pixel groß; Teams verlangt ${size}×${size}.`);
      }
      add(name, png);
    }
  }

  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
  return { outFile, manifest, files: Object.keys(zip.files) };
}

async function main(): Promise<void> {
  const root = findProjectRoot();
  const result = await buildAppPackage({ root, env: loadEnvironment(root) });
  const bot = result.manifest.bots?.[0]?.botId;
  console.log(`Teams-App-Paket geschrieben: ${relative(root, result.outFile)}`);
  console.log(`  Version ${result.manifest.version}, App-ID ${result.manifest.id}, Bot-ID ${bot}`);
  console.log(`  Inhalt: ${result.files.join(', ')}`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof PackageError ? `Fehler: ${e.message}` : e);
    process.exitCode = 1;
  });
}

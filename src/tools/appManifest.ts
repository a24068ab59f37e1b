/**
 * Checks of the Teams app manifest and its localization files, shared by `npm run package` and the
 * tests, offline: against the JSON schemas bundled in @microsoft/app-manifest, with the Ajv settings
 * of its AppManifestUtils.validateAgainstSchema. That function itself is not used because
 * - without a schema argument it downloads the `$schema` URL when the local copy is not found,
 * - the package's entry point requires strip-bom 5, which is ESM only: Jest's loader cannot load it,
 * - it cannot compile the 1.22 localization schema: a pattern there (`\b]` in activityTypes) is not
 *   a valid Unicode regular expression; `unicodeRegExp: false` compiles it as the plain JavaScript
 *   RegExp it was written as.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

export const MANIFEST_VERSION = '1.22';

type Json = Record<string, unknown>;

/** Shape of the parts of the manifest the tools read; the schema checks the rest. */
export interface ManifestShape {
  version: string;
  id: string;
  icons: { color: string; outline: string };
  accentColor: string;
  bots?: { botId: string; commandLists?: { scopes: string[]; commands: { title: string; description: string }[] }[] }[];
  validDomains?: string[];
  localizationInfo?: { defaultLanguageTag: string; defaultLanguageFile?: string; additionalLanguages?: { languageTag: string; file: string }[] };
}

function bundledSchema(file: string): Json {
  const dir = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams', `v${MANIFEST_VERSION}`);
  // Same clean-up as the package's own loader: the schema texts contain \a and \v escapes JSON lacks.
  return JSON.parse(readFileSync(join(dir, file), 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as Json;
}

const validators = new Map<string, ReturnType<Ajv04['compile']>>();

function validate(document: Json, schemaFile: string): string[] {
  let check = validators.get(schemaFile);
  if (!check) {
    const ajv = new Ajv04({ allErrors: true, strictTypes: false, unicodeRegExp: false });
    addFormats(ajv, ['uri', 'email', 'regex']);
    check = ajv.compile(bundledSchema(schemaFile));
    validators.set(schemaFile, check);
  }
  if (check(document)) return [];
  return (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** Schema errors of a manifest (placeholders already filled); empty when valid. */
export function validateManifest(manifest: Json): string[] {
  return validate(manifest, 'MicrosoftTeams.schema.json');
}

/** Schema errors of a localization file such as en.json; empty when valid. */
export function validateLocalization(localization: Json): string[] {
  return validate(localization, 'MicrosoftTeams.Localization.schema.json');
}

/** Follows a localization key such as `bots[0].commandLists[1].commands[2].title` into the manifest. */
export function valueAt(manifest: unknown, key: string): unknown {
  let current: unknown = manifest;
  for (const part of key.match(/[^.[\]]+/g) ?? []) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Keys of a localization file that do not name a text of the manifest (Teams rejects those). */
export function danglingLocalizationKeys(manifest: unknown, localization: Json): string[] {
  return Object.keys(localization).filter((key) => key !== '$schema' && typeof valueAt(manifest, key) !== 'string');
}

/** Command titles and descriptions of the manifest, as localization keys. */
export function commandKeys(manifest: ManifestShape): string[] {
  return (manifest.bots ?? []).flatMap((bot, b) =>
    (bot.commandLists ?? []).flatMap((list, l) =>
      list.commands.flatMap((_, c) => ['title', 'description'].map((f) => `bots[${b}].commandLists[${l}].commands[${c}].${f}`)),
    ),
  );
}

/** Files the manifest refers to, which must lie at the package's root. */
export function referencedFiles(manifest: ManifestShape): string[] {
  const info = manifest.localizationInfo;
  return [
    manifest.icons.color,
    manifest.icons.outline,
    ...(info?.defaultLanguageFile ? [info.defaultLanguageFile] : []),
    ...(info?.additionalLanguages ?? []).map((l) => l.file),
  ];
}

/** Shared by the app package tests: the committed files, read fresh for each test file. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ManifestShape } from '../../src/tools/appManifest';

export const ROOT = join(__dirname, '..', '..');
export const APP_DIR = join(ROOT, 'appPackage');
/** The Teams app id, generated once for IntM-Bot; changing it makes Teams treat the app as a new one. */
export const APP_ID = '8e5eb6df-a1b5-42a0-bee2-88206ff78fde';
export const TEST_BOT_ID = '0b7f6a4e-3c1d-4e2f-9a8b-1c2d3e4f5a6b';

export type Manifest = ManifestShape & Record<string, unknown>;

export function readManifestText(): string {
  return readFileSync(join(APP_DIR, 'manifest.json'), 'utf8');
}

export function readManifest(): Manifest {
  return JSON.parse(readManifestText()) as Manifest;
}

export function readJsonFile(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(APP_DIR, name), 'utf8')) as Record<string, unknown>;
}

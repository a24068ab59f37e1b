/**
 * The one place that opens the configured store: `INTM_DATABASE_URL` set → PostgreSQL (migrations
 * applied on opening), else the embedded store in the data directory. The bot, the command line and
 * `intm store copy` open stores only through here.
 */
import path from 'node:path';
import type { InstanceCoordination, Repository } from '../app/ports';
import { LowdbRepository } from './lowdbRepository';
import { resolveDataDir } from './paths';
import type { MigrationOutcome } from './postgres/migrate';
import { isDatabaseUrl, redactUrl } from './postgres/url';

export type StoreLocation = { kind: 'postgres'; url: string } | { kind: 'embedded'; dataDir: string };

/** A store the whole of which can be listed and upgraded (both stores are), with how its instances agree; PostgreSQL says which migrations opening applied. */
export type OpenedStore = Repository & { migrateAll(): Promise<number>; coordination(): InstanceCoordination; migration?: MigrationOutcome };

/** The database URL from the environment; blank counts as not set (as INTM_DATA_DIR does). */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.INTM_DATABASE_URL?.trim() || undefined;
}

/** What the environment (and `--data-dir`) configure. */
export function configuredStore(env: NodeJS.ProcessEnv = process.env, dataDir?: string): StoreLocation {
  const url = databaseUrl(env);
  return url ? { kind: 'postgres', url } : { kind: 'embedded', dataDir: resolveDataDir(dataDir, env) };
}

/** A store named on the command line (`--from`, `--to`): a postgres:// URL or a data directory. */
export function storeAt(value: string): StoreLocation {
  return isDatabaseUrl(value) ? { kind: 'postgres', url: value.trim() } : { kind: 'embedded', dataDir: path.resolve(value) };
}

/** For messages and logs: the directory, or the URL without its password. */
export function describeStore(location: StoreLocation): string {
  return location.kind === 'postgres' ? redactUrl(location.url) : location.dataDir;
}

export async function openStore(location: StoreLocation): Promise<OpenedStore> {
  if (location.kind === 'embedded') return LowdbRepository.open(location.dataDir);
  // Loaded only when used: the embedded store (and every `intm` on it) does without the driver.
  const { PgRepository } = require('./postgres/pgRepository') as typeof import('./postgres/pgRepository');
  return PgRepository.open(location.url);
}

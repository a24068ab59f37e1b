/**
 * Every stored document carries the schema version it was written with. Reading an older document
 * runs it through the migrations up to the current version (it is written back in the new shape
 * with its next change, or all at once by `intm migrate`); a newer one is refused, so an old
 * program never silently damages data written by a newer one.
 */
import { DomainError } from '../domain/errors';

export const SCHEMA_VERSION = 1;

export type DocumentKind = 'meta' | 'campaign' | 'list' | 'decisions' | 'document';

export interface Migration {
  /** The version the document has before this step; the step produces `from + 1`. */
  from: number;
  kind: DocumentKind;
  /**
   * Returns the document in the next shape, as a new object: `doc` may be a cached document shared by
   * every reader (deep-frozen, see documentCache.ts), so changing it in place throws.
   */
  up(doc: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

/**
 * The migrations of this program, oldest first. Version 1 is the first released shape, so there are
 * none yet; a change to a stored shape adds a step here and raises SCHEMA_VERSION.
 */
export const MIGRATIONS: readonly Migration[] = [];

export interface Versioned {
  schemaVersion: number;
}

export function upgrade<T>(
  kind: DocumentKind,
  raw: Record<string, unknown>,
  file: string,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = SCHEMA_VERSION,
): { doc: T; migrated: boolean } {
  let version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : NaN;
  if (!Number.isInteger(version) || version < 1) throw new DomainError('storage.corrupt', { file });
  if (version > target) throw new DomainError('storage.newerSchema', { found: version, known: target });
  let doc = raw;
  const migrated = version < target;
  while (version < target) {
    const step = migrations.find((m) => m.kind === kind && m.from === version);
    doc = step ? step.up(doc) : doc;
    version += 1;
    doc = { ...doc, schemaVersion: version };
  }
  return { doc: doc as T, migrated };
}

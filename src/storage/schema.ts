/**
 * Every stored document carries the schema version it was written with. Reading an older document
 * runs it through the migrations up to the current version (it is written back in the new shape
 * with its next change, or all at once by `intm migrate`); a newer one is refused, so an old
 * program never silently damages data written by a newer one.
 */
import type { AuditEntry } from '../domain/audit';
import { DomainError } from '../domain/errors';
import type { LastChange, ListPerson } from '../domain/list';

export const SCHEMA_VERSION = 2;

export type DocumentKind = 'meta' | 'campaign' | 'list' | 'decisions' | 'document' | 'checkpoint';

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
 * Version 2: a list document is a snapshot for the journal (see listJournal.ts). Its change log
 * (`events`) becomes the snapshot's `history`, which the audit still reads; the list itself keeps
 * how many changes of each kind it had and, on every person, its last change (the version a card
 * shows, see domain/list.ts) – both derived from that log.
 */
const listAsSnapshot: Migration = {
  from: 1,
  kind: 'list',
  up(doc) {
    const { events, ...rest } = doc as { events?: AuditEntry[] } & Record<string, unknown>;
    const history = events ?? [];
    const changeCounts: Record<string, number> = {};
    const last = new Map<string, LastChange>();
    for (const e of history) {
      changeCounts[e.action] = (changeCounts[e.action] ?? 0) + 1;
      if (e.action.startsWith('person.') && e.subject) {
        last.set(e.subject, { at: e.at, by: { id: e.actor.id, name: e.actor.name }, rev: e.revision ?? 0, action: e.action });
      }
    }
    const persons = ((rest.persons as ListPerson[] | undefined) ?? []).map((p) => (last.has(p.id) ? { ...p, last: last.get(p.id) } : p));
    return { ...rest, persons, changeCounts, seq: 0, history };
  },
};

/** The migrations of this program, oldest first; a change to a stored shape adds a step here and raises SCHEMA_VERSION. */
export const MIGRATIONS: readonly Migration[] = [listAsSnapshot];

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

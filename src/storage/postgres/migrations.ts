/**
 * The PostgreSQL store's schema as versioned SQL migrations, oldest first. A change to the schema adds
 * a step here (never edits an applied one); `migrate.ts` applies the pending ones at start.
 *
 * Documents and lists are stored as `json`, not `jsonb`: json keeps the text as written (key order
 * included), so a document reads back exactly as the embedded store holds it and two stores compare
 * canonically (`intm store copy`).
 */
export interface SqlMigration {
  version: number;
  name: string;
  sql: string;
}

export const SQL_MIGRATIONS: readonly SqlMigration[] = [
  {
    version: 1,
    name: 'documents, lists, persons, list events',
    sql: `
      CREATE TABLE intm_schema (
        version int PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      );
      -- Every write of a document takes the next number: a reader's cache compares it (one small column).
      CREATE SEQUENCE intm_version_seq;
      -- Campaign records and decisions (<year>/campaign, <year>/decisions) and named documents (roster, …).
      CREATE TABLE intm_documents (
        name text PRIMARY KEY,
        version bigint NOT NULL DEFAULT nextval('intm_version_seq'),
        schema_version int NOT NULL,
        doc json NOT NULL
      );
      -- One row per Gemeinde's list of the year's current import (generation): the list without its persons.
      CREATE TABLE intm_lists (
        year int NOT NULL,
        ags text NOT NULL,
        generation text NOT NULL,
        revision int NOT NULL,
        header json NOT NULL,
        PRIMARY KEY (year, ags)
      );
      -- One row per person, in list order: a click rewrites one of these, never the list.
      CREATE TABLE intm_persons (
        year int NOT NULL,
        generation text NOT NULL,
        ags text NOT NULL,
        idx int NOT NULL,
        rev int NOT NULL,
        data json NOT NULL,
        PRIMARY KEY (year, ags, idx)
      );
      -- The lists' change log (the audit trail of clicks and the import's first entries), oldest first by seq.
      CREATE TABLE intm_list_events (
        seq bigserial PRIMARY KEY,
        year int NOT NULL,
        generation text NOT NULL,
        ags text NOT NULL,
        actor_id text NOT NULL,
        op_id text,
        entry json NOT NULL
      );
      CREATE INDEX intm_list_events_list ON intm_list_events (year, ags, seq);
      -- An operation id is applied once per year and actor, whichever instance receives it.
      CREATE UNIQUE INDEX intm_list_events_op ON intm_list_events (year, actor_id, op_id) WHERE op_id IS NOT NULL;
    `,
  },
  {
    version: 2,
    name: 'send counts per conversation, shared by the instances',
    // Start times (ms on the database's clock) of the recent requests to a conversation, by a hash of
    // its key: every instance counts Teams' rate limits from the same row (see coordination.ts).
    sql: `
      CREATE TABLE intm_send_slots (
        conversation text PRIMARY KEY,
        stamps float8[] NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'files attached to the Verwendungsnachweise',
    // One row per file (a PDF) of the Nachweis filed under (year, ags); the same bytes once per Nachweis.
    // Kept when the year's personal data is purged, like the Nachweis itself (see pgNachweisFiles.ts).
    sql: `
      CREATE TABLE intm_nachweis_files (
        year int NOT NULL,
        ags text NOT NULL,
        sha256 text NOT NULL,
        seq bigserial NOT NULL,
        name text NOT NULL,
        size int NOT NULL,
        uploaded_at text NOT NULL,
        uploaded_by json NOT NULL,
        content bytea NOT NULL,
        PRIMARY KEY (year, ags, sha256)
      );
    `,
  },
];

/** The schema version this program's store needs. */
export const DATABASE_SCHEMA_VERSION = SQL_MIGRATIONS[SQL_MIGRATIONS.length - 1].version;

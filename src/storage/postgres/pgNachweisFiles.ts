/**
 * The PostgreSQL store's files of the Verwendungsnachweise: one row of `intm_nachweis_files` per file
 * (metadata and the bytes as bytea), so bytes and metadata are written and removed in one transaction.
 * Adding takes a transaction-level advisory lock on the Nachweis: two instances adding at once take
 * turns, and the count limit and the duplicate check hold across them. Not cached: files are read
 * rarely (a coordinator's download), and each read is one query.
 */
import type { Pool } from 'pg';
import type { NachweisFile, NachweisFileAdded } from '../../app/ports';
import { DomainError } from '../../domain/errors';
import { inTransaction, query } from './checkout';
import { LOCK_CLASS } from './migrate';

interface FileRow {
  sha256: string;
  name: string;
  size: number;
  uploaded_at: string;
  uploaded_by: { id: string; name: string };
}

const COLUMNS = 'sha256, name, size, uploaded_at, uploaded_by';

export async function addNachweisFile(pool: Pool, year: number, ags: string, file: NachweisFile, bytes: Buffer, maxFiles: number): Promise<NachweisFileAdded> {
  return inTransaction(pool, async (c) => {
    // Shares the campaign row (a purge, which holds it FOR UPDATE, does not run meanwhile) and requires it.
    const campaign = await c.query(`SELECT 1 FROM intm_documents WHERE name = $1 FOR KEY SHARE`, [`${year}/campaign`]);
    if (!campaign.rowCount) throw new DomainError('campaign.notFound', { year });
    // A colon never occurs in a document's name: this lock is the Nachweis' own.
    await c.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_CLASS, `nachweis-files:${year}/${ags}`]);
    const present = await c.query<{ sha256: string }>('SELECT sha256 FROM intm_nachweis_files WHERE year = $1 AND ags = $2', [year, ags]);
    if (present.rows.some((r) => r.sha256 === file.sha256)) return 'duplicate';
    if (present.rows.length >= maxFiles) return 'full';
    await c.query(
      `INSERT INTO intm_nachweis_files (year, ags, sha256, name, size, uploaded_at, uploaded_by, content) VALUES ($1, $2, $3, $4, $5, $6, $7::json, $8)`,
      [year, ags, file.sha256, file.name, file.size, file.uploadedAt, JSON.stringify(file.uploadedBy), bytes],
    );
    return 'added';
  });
}

export async function nachweisFiles(pool: Pool, year: number, ags: string): Promise<NachweisFile[]> {
  const rows = await query<FileRow>(pool, `SELECT ${COLUMNS} FROM intm_nachweis_files WHERE year = $1 AND ags = $2 ORDER BY seq`, [year, ags]);
  return rows.map((r) => ({ sha256: r.sha256, name: r.name, size: r.size, uploadedAt: r.uploaded_at, uploadedBy: r.uploaded_by }));
}

export async function readNachweisFile(pool: Pool, year: number, ags: string, sha256: string): Promise<Buffer | undefined> {
  const rows = await query<{ content: Buffer }>(pool, 'SELECT content FROM intm_nachweis_files WHERE year = $1 AND ags = $2 AND sha256 = $3', [year, ags, sha256]);
  return rows[0]?.content;
}

export async function removeNachweisFile(pool: Pool, year: number, ags: string, sha256: string): Promise<boolean> {
  const rows = await query(pool, 'DELETE FROM intm_nachweis_files WHERE year = $1 AND ags = $2 AND sha256 = $3 RETURNING 1 AS gone', [year, ags, sha256]);
  return rows.length > 0;
}

export async function nachweisFileOwners(pool: Pool): Promise<{ year: number; ags: string }[]> {
  return query<{ year: number; ags: string }>(pool, 'SELECT DISTINCT year, ags FROM intm_nachweis_files ORDER BY year, ags');
}

/**
 * Files a Gemeinde attaches to its Verwendungsnachweis (invoices, the signed Sachbericht): PDFs only,
 * recognised by their content (the `%PDF-` header), not by the name a user gave them; limited in size
 * and number per Nachweis. Attaching or removing one is a change of the Nachweis like any other: only
 * while it may be edited, by its filing Gemeinde's staff or the Koordinierungsstelle, and audited in the
 * round's events (name, size and hash – never the content).
 *
 * Attaching does not raise the Nachweis' own revision: a card the clerk is filling in meanwhile stays
 * current (her draft is not refused as stale because a file arrived); the round's revision does rise.
 */
import { actorRef, type AuditAction, type AuditEntry } from './audit';
import { DomainError } from './errors';
import { editableNachweis, type NachweisContext, type NachweisRound, type RoundResult } from './verwendungsnachweis';

export const MAX_NACHWEIS_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_NACHWEIS_FILES = 20;
const MAX_NAME = 120;
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/** What the audit trail and the checks need of a file. */
export interface FileFacts {
  name: string;
  size: number;
  sha256: string;
}

export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= PDF_MAGIC.length && PDF_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * The name a file is listed under: the last part of what the user's client sent (no folders), without
 * control characters, at most 120 characters, ending in `.pdf`.
 */
export function cleanFileName(raw: string): string {
  const base = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"]/g, '').replace(/\s+/g, ' ').trim();
  const stem = base.replace(/\.pdf$/i, '').slice(0, MAX_NAME - 4).trim();
  return `${stem || 'Anlage'}.pdf`;
}

/** Refuses what may not be attached (DomainError); returns the name to list it under. */
export function checkNachweisFile(rawName: string, bytes: Uint8Array, maxBytes = MAX_NACHWEIS_FILE_BYTES): string {
  const name = cleanFileName(rawName);
  if (bytes.length > maxBytes) throw new DomainError('vn.fileTooLarge', { name, size: bytes.length, max: maxBytes });
  if (!isPdf(bytes)) throw new DomainError('vn.fileNotPdf', { name: rawName.split(/[\\/]/).pop()?.slice(0, MAX_NAME) || name });
  return name;
}

/** Records that a file was attached to (or removed from) the Nachweis filed under `ags`; refused when it may not be changed now. */
export function recordFileChange(original: NachweisRound, ags: string, action: Extract<AuditAction, 'vn.fileAttach' | 'vn.fileRemove'>, file: FileFacts, ctx: NachweisContext): RoundResult {
  const n = editableNachweis(original, ags, ctx.actor);
  const round = structuredClone(original);
  round.revision += 1;
  const facts = { datei: file.name, groesse: file.size, sha256: file.sha256 };
  const e: AuditEntry = {
    at: ctx.now,
    actor: actorRef(ctx.actor),
    action,
    ags: n.ags,
    subject: n.ags,
    before: action === 'vn.fileAttach' ? null : facts,
    after: action === 'vn.fileAttach' ? facts : null,
    revision: round.revision,
  };
  round.events.push(e);
  return { round, entries: [e] };
}

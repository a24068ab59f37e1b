/**
 * Export downloads from the bot's own server: a link names exactly one file (overview, one Gemeinde's
 * list of one year, the rows behind one import report, one PDF attached to a Verwendungsnachweis, or a
 * year's Gesamtverwendungsnachweis workbook), expires, and is signed with HMAC-SHA256, so
 * it cannot be altered to fetch anything else. Links are handed to coordinators only, in their personal chat.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IntmApp } from '../app';
import type { Actor } from '../domain/actor';
import { writeFileDurably } from '../storage/durableJsonFile';

export interface DownloadTarget {
  kind: 'overview' | 'list' | 'importIssues' | 'nachweisFile' | 'verwendungsnachweis';
  year: number;
  ags?: string;
  /** The import report whose rows the file holds (kept in the repository, see ImportIssuesService); for a Nachweis' file its sha256. */
  id?: string;
}

interface Payload extends DownloadTarget {
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export class LinkRefused extends Error {
  constructor(readonly reason: 'invalid' | 'expired') {
    super(reason);
    this.name = 'LinkRefused';
  }
}

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export class DownloadLinks {
  constructor(
    private readonly secret: Buffer,
    /** The server's public address; a function when it is known only once the server listens. */
    private readonly baseUrl: string | (() => string),
    private readonly now: () => number = Date.now,
    readonly ttlSeconds = 24 * 3600,
  ) {}

  create(target: DownloadTarget): { url: string; expiresAt: string } {
    const exp = Math.floor(this.now() / 1000) + this.ttlSeconds;
    const payload = b64(JSON.stringify({ kind: target.kind, year: target.year, ...(target.ags ? { ags: target.ags } : {}), ...(target.id ? { id: target.id } : {}), exp }));
    // '~' separates payload and signature: unreserved in URLs, absent from base64url, and not a
    // dot, which restify's router reads as a file extension.
    const token = `${payload}~${this.sign(payload)}`;
    const base = typeof this.baseUrl === 'function' ? this.baseUrl() : this.baseUrl;
    return { url: `${base.replace(/\/$/, '')}/downloads/${token}`, expiresAt: new Date(exp * 1000).toISOString() };
  }

  verify(token: string): DownloadTarget {
    const [payload, signature, extra] = token.split('~');
    if (!payload || !signature || extra !== undefined) throw new LinkRefused('invalid');
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new LinkRefused('invalid');
    let p: Payload;
    try {
      p = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Payload;
    } catch {
      throw new LinkRefused('invalid');
    }
    const shapeOk =
      (p.kind === 'overview' ||
        p.kind === 'verwendungsnachweis' ||
        (p.kind === 'list' && typeof p.ags === 'string' && /^\d{8}$/.test(p.ags)) ||
        (p.kind === 'importIssues' && typeof p.id === 'string' && /^[0-9a-f]{24}$/.test(p.id)) ||
        (p.kind === 'nachweisFile' && typeof p.ags === 'string' && /^\d{8}$/.test(p.ags) && typeof p.id === 'string' && /^[0-9a-f]{64}$/.test(p.id))) &&
      Number.isInteger(p.year) &&
      Number.isInteger(p.exp);
    if (!shapeOk) throw new LinkRefused('invalid');
    if (p.exp * 1000 < this.now()) throw new LinkRefused('expired');
    return { kind: p.kind, year: p.year, ...(p.ags ? { ags: p.ags } : {}), ...(p.id ? { id: p.id } : {}) };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}

/**
 * The signing key: `INTM_LINK_SECRET` when set (at least 32 characters), else a random key kept in
 * the data directory (created once, readable by the bot's user only), so links survive a restart.
 */
export async function linkSecret(env: NodeJS.ProcessEnv, dataDir: string): Promise<Buffer> {
  const configured = env.INTM_LINK_SECRET?.trim();
  if (configured) {
    if (configured.length < 32) throw new Error('INTM_LINK_SECRET muss mindestens 32 Zeichen lang sein.');
    return Buffer.from(configured);
  }
  const file = path.join(dataDir, 'link-secret.key');
  let stored: string | undefined;
  try {
    stored = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  if (stored !== undefined) {
    const key = Buffer.from(stored.trim(), 'base64');
    // An emptied or hand-edited key file would sign links anyone can forge: refuse to start instead.
    if (key.length < 32) throw new Error(`Der Schlüssel für Download-Links (${file}) ist beschädigt (kürzer als 32 Byte). Datei löschen – der Bot legt beim Start einen neuen an; bisherige Links werden ungültig.`);
    return key;
  }
  const key = randomBytes(32);
  await writeFileDurably(file, key.toString('base64'));
  return key;
}

const DOWNLOAD_DIR_PREFIX = 'intm-download-';
/** A download is written and sent within seconds; a folder this old was left by a process that died meanwhile. */
const LEFTOVER_AFTER_MS = 60 * 60_000;

/**
 * Removes download folders a crashed process left in the temporary directory: they hold a list with
 * persons' names, and nothing else would ever delete them. Returns how many were removed.
 */
export async function sweepDownloadLeftovers(tmp = os.tmpdir(), now = Date.now()): Promise<number> {
  let removed = 0;
  for (const name of await fs.readdir(tmp).catch(() => [] as string[])) {
    if (!name.startsWith(DOWNLOAD_DIR_PREFIX)) continue;
    const dir = path.join(tmp, name);
    const stat = await fs.lstat(dir).catch(() => undefined);
    if (!stat?.isDirectory() || now - stat.mtimeMs < LEFTOVER_AFTER_MS) continue;
    await fs.rm(dir, { recursive: true, force: true }).then(() => removed++, () => undefined);
  }
  return removed;
}

/** The file a link names, written fresh from the current data into a temporary folder; `contentType` where it is not a workbook. */
export async function renderDownload(app: IntmApp, target: DownloadTarget): Promise<{ file: string; name: string; contentType?: string; cleanup(): Promise<void> }> {
  const system: Actor = { id: 'system:download', name: 'Download-Link', role: 'koordination' };
  if (target.kind === 'nachweisFile') return nachweisFileDownload(app, target, system);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), DOWNLOAD_DIR_PREFIX));
  const name =
    target.kind === 'overview'
      ? `IntM-Uebersicht-${target.year}.xlsx`
      : target.kind === 'verwendungsnachweis'
        ? `IntM-Gesamtverwendungsnachweis-${target.year}.xlsx`
        : target.kind === 'importIssues'
        ? `IntM-Importbericht-${target.year}.xlsx`
        : `IntM-Liste-${target.year}-${target.ags}-${(app.ctx.verzeichnis.byKey(target.ags!)?.name ?? '').replace(/[^\w-]+/g, '_')}.xlsx`;
  const file = path.join(dir, name);
  const cleanup = () => fs.rm(dir, { recursive: true, force: true });
  try {
    if (target.kind === 'overview') await app.exports.overview(target.year, file, system);
    else if (target.kind === 'verwendungsnachweis') await app.verwendungsnachweis.exportWorkbook(target.year, file, system);
    else if (target.kind === 'importIssues') await app.importIssues.workbook(target.id!, file, system);
    else await app.exports.list(target.year, target.ags!, file, system);
  } catch (e) {
    await cleanup();
    throw e;
  }
  return { file, name, cleanup };
}

/** A file attached to a Verwendungsnachweis, exactly as stored (its hash checked against the link's). */
async function nachweisFileDownload(app: IntmApp, target: DownloadTarget, system: Actor) {
  const { file, bytes } = await app.verwendungsnachweis.readFile(target.year, target.ags!, target.id!, system);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), DOWNLOAD_DIR_PREFIX));
  // An ASCII name for the header (the listed name may hold umlauts or quotes).
  const name = `Verwendungsnachweis-${target.year}-${target.ags}-${file.name.replace(/\.pdf$/i, '').replace(/[^\w-]+/g, '_')}.pdf`;
  const out = path.join(dir, name);
  await fs.writeFile(out, bytes, { mode: 0o600 });
  return { file: out, name, contentType: 'application/pdf', cleanup: () => fs.rm(dir, { recursive: true, force: true }) };
}

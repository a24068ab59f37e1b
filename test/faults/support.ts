/**
 * Shared by the fault tests: a seeded data directory with three staff users for each of the 46
 * Gemeinden, Teams-shaped activities, an HTTP client for the bot, the bot as a child process
 * (`node dist/src/bot/main.js`), and a fingerprint of the data directory.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { openApp } from '../../src/compose';
import { assignRole, emptyRoster, type Roster } from '../../src/domain/roster';
import type { ListPerson } from '../../src/domain/list';
import { fixedClock } from '../../src/storage/systemClock';
import type { StoreLocation } from '../../src/storage/stores';
import { coordinator, listWith, person, verzeichnis } from '../fixtures';
import { TENANT, type User } from '../bot/botHarness';

export const YEAR = 2025;
/** During the review of Berechnungsjahr 2025 (deadline 15.01.2024). */
export const NOW = '2024-01-10T09:00:00.000Z';
export const KORA_ID = '00000001-0000-4000-8000-000000000000';
export const KORA: User = { aadObjectId: KORA_ID, name: 'Kora Koordinatorin', teamsId: '29:user-kora' };
export const GEMEINDEN: string[] = verzeichnis.all.map((g) => g.ags);

/** Staff user `k` (0, 1, 2) of a Gemeinde: an Entra-shaped object id built from the AGS. */
export function staffUser(ags: string, k: number): User {
  return { aadObjectId: `${ags}-000${k}-4000-8000-00000000000${k}`, name: `Mitarbeiter ${k} ${ags}`, teamsId: `29:staff-${ags}-${k}` };
}

export function personId(ags: string, n: number): string {
  return `${ags}-${n}`;
}

export interface SeedOptions {
  perGemeinde: number;
  /** Persons (1-based numbers) already struck in the imported state, so that an undo can lift them. */
  preStruck?: number[];
}

/**
 * Campaign 2025 with `perGemeinde` persons in every Gemeinde (households of two: `<ags>-H1` = persons
 * 1 and 2, …) and a roster of three staff users per Gemeinde (138 users), written in one go.
 */
export function seedDataDir(dataDir: string, opts: SeedOptions): Promise<void> {
  return seedStore({ kind: 'embedded', dataDir }, opts);
}

/** The same in any store (a PostgreSQL database for the tests of several instances). */
export async function seedStore(store: StoreLocation, opts: SeedOptions): Promise<void> {
  const app = await openApp({ store, clock: fixedClock(NOW) });
  try {
    await app.campaigns.create({ year: YEAR, kreisAmount: '1508000' }, { actor: coordinator });
    const lists = GEMEINDEN.map((ags) =>
      listWith(
        ags,
        Array.from({ length: opts.perGemeinde }, (_, i): ListPerson => {
          const n = i + 1;
          const p = person(personId(ags, n), {
            householdId: `${ags}-H${Math.ceil(n / 2)}`,
            surname: `Nachname${ags.slice(-3)}x${n}`,
            givenName: `Vorname${n}`,
          });
          if (opts.preStruck?.includes(n)) p.strike = { at: '2024-01-02T08:00:00.000Z', by: { id: 'import', name: 'Import' }, reason: 'weggezogen' };
          return p;
        }),
      ),
    );
    await app.ctx.repo.replaceLists(YEAR, lists, (c) => ({ next: { ...c, revision: c.revision + 1 }, result: undefined }));
    const kora = { id: KORA_ID, name: KORA.name, role: 'koordination' as const };
    await app.ctx.repo.updateDocument<Roster, void>('roster', (current) => {
      let roster = current ?? emptyRoster();
      for (const ags of GEMEINDEN) {
        for (const k of [0, 1, 2]) {
          const u = staffUser(ags, k);
          roster = assignRole(roster, { aadObjectId: u.aadObjectId, name: u.name, role: 'gemeinde', ags, tenantId: TENANT }, kora, NOW).roster;
        }
      }
      return { next: roster, result: undefined };
    });
  } finally {
    await app.close();
  }
}

/** A Teams-shaped card action (invoke adaptiveCard/action), addressed to `serviceUrl`. */
export function cardAction(u: User, verb: unknown, data: unknown, serviceUrl: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `in-${Math.random().toString(36).slice(2)}`,
    channelId: 'msteams',
    serviceUrl,
    from: { id: u.teamsId, name: u.name, aadObjectId: u.aadObjectId },
    recipient: { id: '28:intm-bot', name: 'IntM-Bot' },
    conversation: { id: `a:personal-${u.aadObjectId}`, conversationType: 'personal', tenantId: TENANT },
    locale: 'de-DE',
    channelData: { tenant: { id: TENANT } },
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    ...extra,
  };
}

export interface HttpAnswer {
  status: number;
  contentType: string;
  text: string;
  json: any;
}

/** POSTs to /api/messages; a string body is sent as it is. */
export async function postActivity(baseUrl: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<HttpAnswer> {
  const res = await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text, json };
}

export async function health(baseUrl: string): Promise<number> {
  return (await fetch(`${baseUrl}/healthz`)).status;
}

/** A card answer of an invoke: HTTP 200 with an Adaptive Card in the body. */
export function isCardAnswer(a: HttpAnswer): boolean {
  return a.status === 200 && a.json?.statusCode === 200 && a.json?.type === 'application/vnd.microsoft.card.adaptive' && typeof a.json?.value === 'object';
}

/** Every text of a card (TextBlocks, TextRuns, titles), for assertions. */
export function cardTexts(card: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'text' || k === 'title') && typeof v === 'string') parts.push(v);
        else walk(v);
      }
    }
  };
  walk(card);
  return parts.join('\n');
}

/** Every file below `dir` (relative paths), optionally without the lock directory. */
export async function filesBelow(dir: string, opts: { withLocks?: boolean } = {}): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    // Lock files are symbolic links (src/storage/fileLock.ts): count them too.
    if (!e.isFile() && !e.isSymbolicLink()) continue;
    const rel = path.relative(dir, path.join(e.parentPath, e.name));
    if (!opts.withLocks && (rel.split(path.sep)[0] === 'locks' || rel.endsWith('.lock'))) continue;
    out.push(rel);
  }
  return out.sort();
}

/** A fingerprint of every file in the data directory except lock files: path and SHA-256 of the content. */
export async function fingerprint(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const rel of await filesBelow(dir)) result[rel] = createHash('sha256').update(await fs.readFile(path.join(dir, rel))).digest('hex');
  return result;
}

/** Parses every .json file below `dir`; returns the names of those that do not parse. */
export async function unparsableJson(dir: string): Promise<string[]> {
  const bad: string[] = [];
  for (const rel of await filesBelow(dir, { withLocks: true })) {
    if (!rel.endsWith('.json')) continue;
    try {
      JSON.parse(readFileSync(path.join(dir, rel), 'utf8'));
    } catch {
      bad.push(rel);
    }
  }
  return bad;
}

export const MAIN = path.join(__dirname, '..', '..', 'dist', 'src', 'bot', 'main.js');

export interface BotProcess {
  child: ChildProcess;
  url: string;
  pid: number;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** True once the process has ended. */
  hasExited(): boolean;
}

/**
 * Starts `npm start` (dist/src/bot/main.js) in local mode on a free port and waits for its JSON line
 * `{"event":"started","url":…}`. Rejects (and kills the process) when it ends or stays silent.
 */
export function startBotProcess(env: Record<string, string>, timeoutMs = 20_000): Promise<BotProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} fehlt: bitte mit "npm test" (baut dist/) ausführen.`);
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, INTM_LOCAL: '1', PORT: '0', INTM_SCHEDULER: 'off', INTM_NOW: NOW, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let ended = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      ended = true;
      resolve({ code, signal });
    }),
  );
  return new Promise<BotProcess>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('bot did not start: ' + out));
    }, timeoutMs);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.stdout!.on('data', (c: Buffer) => {
      const text = c.toString();
      out += text;
      buffer += text;
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        let event: { event?: string; url?: string };
        try {
          event = JSON.parse(line);
        } catch {
          continue;
        }
        if (event.event === 'started' && event.url) {
          clearTimeout(timer);
          resolve({ child, url: event.url, pid: child.pid!, output: () => out, exited, hasExited: () => ended });
        }
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`bot ended before it started (code ${code}, signal ${signal}): ${out}`));
    });
  });
}

/** Kills a child process with `signal` (if it still runs) and waits until it has ended. */
export async function stopProcess(p: BotProcess | undefined, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (!p) return;
  if (!p.hasExited()) p.child.kill(signal);
  await p.exited;
}

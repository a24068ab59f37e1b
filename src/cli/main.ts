/**
 * The `intm` command line: every operation of the procedure, for scripting and as the operator's
 * fallback when Teams is down. Exit status 0 on success, 1 when the input or request is refused
 * (German reason on stderr), 2 on wrong usage. No stack trace ever reaches the user.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import type { IntmApp } from '../app';
import type { Actor } from '../domain/actor';
import { isDomainError } from '../domain/errors';
import { openApp } from '../compose';
import { resolveDataDir } from '../storage/paths';
import { databaseUrl, describeStore, openStore, storeAt, type StoreLocation } from '../storage/stores';
import { clockFromEnvironment } from '../compose';
import { allocateCommand, ALLOCATE_USAGE, publishCommand } from './commands/allocate';
import { auditCommand, AUDIT_USAGE } from './commands/audit';
import { campaignCommand, CAMPAIGN_USAGE, checkCampaignCreate } from './commands/campaign';
import { decideCommand, DECIDE_USAGE } from './commands/decide';
import { exportCommand, EXPORT_USAGE } from './commands/export';
import { importCommand, IMPORT_USAGE } from './commands/import';
import { purgeCommand, PURGE_USAGE } from './commands/purge';
import { reviewCommand, REVIEW_USAGE } from './commands/review';
import { rosterCommand, ROSTER_USAGE } from './commands/roster';
import { statusCommand, STATUS_USAGE } from './commands/status';
import { storeCommand, STORE_USAGE } from './commands/store';
import { dataDirProblem } from './fileErrors';
import { refusalText } from './hints';
import type { CliIo, CommandEnv } from './io';
import { Refusal, UsageError } from './io';

export const USAGE = `IntM-Bot – Verteilung der Mittel für das Integrationsmanagement (Kommandozeile)

Aufruf: npm run -s intm -- BEFEHL [OPTIONEN]    (oder: intm BEFEHL …)
Allgemeine Optionen: --data-dir VERZEICHNIS (sonst INTM_DATA_DIR oder data/runtime), --by NAME (Bearbeiter im Protokoll)
Mit INTM_DATABASE_URL (postgres://…) arbeitet intm auf der PostgreSQL-Datenbank statt im Datenverzeichnis.

${CAMPAIGN_USAGE}
${IMPORT_USAGE}
${REVIEW_USAGE}
${ALLOCATE_USAGE}
${DECIDE_USAGE}
${STATUS_USAGE}
${AUDIT_USAGE}
${EXPORT_USAGE}
${ROSTER_USAGE}
${PURGE_USAGE}
${STORE_USAGE}
intm migrate   (bringt alle gespeicherten Daten auf das aktuelle Schema; mit INTM_DATABASE_URL auch die Tabellen der Datenbank)

Datumsangaben als TT.MM.JJJJ oder JJJJ-MM-TT, Beträge als 1.508.000 oder 1508000.50.`;

interface GlobalOptions {
  dataDir?: string;
  by?: string;
  rest: string[];
}

/** Takes the options every command accepts out of the argument list. */
function extractGlobals(argv: string[]): GlobalOptions {
  const rest: string[] = [];
  const globals: GlobalOptions = { rest };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const m = /^--(data-dir|by)(?:=(.*))?$/.exec(arg);
    if (!m) {
      rest.push(arg);
      continue;
    }
    const value = m[2] ?? argv[++i];
    // Blank is no value: `--by "   "` would put a nameless editor into the audit trail.
    if (value === undefined || value.trim() === '') throw new UsageError(`Option --${m[1]} braucht einen Wert.`, USAGE);
    if (m[1] === 'data-dir') globals.dataDir = value;
    else globals.by = value.trim();
  }
  return globals;
}

function operator(by: string | undefined, env: NodeJS.ProcessEnv): Actor {
  // A blank INTM_USER (`INTM_USER= intm …`) counts as not set, as INTM_DATA_DIR does.
  const given = env.INTM_USER?.trim() || undefined;
  let user = given ?? 'unbekannt';
  try {
    user = given ?? (os.userInfo().username.trim() || user);
  } catch {
    // No passwd entry (some containers): keep the fallback.
  }
  return { id: `cli:${user}`, name: by ?? user, role: 'koordination' };
}

/**
 * Whether the data directory exists. Only `campaign create` may start a new one: any other command on a
 * mistyped `--data-dir` would otherwise leave an empty data store behind and report on it.
 */
async function dataDirExists(dataDir: string): Promise<boolean> {
  let entries: string[];
  try {
    const stat = await fs.stat(dataDir);
    if (!stat.isDirectory()) throw new Refusal(`„${dataDir}“ ist kein Verzeichnis; als Datenverzeichnis (--data-dir, INTM_DATA_DIR) ist ein Verzeichnis anzugeben.`);
    entries = await fs.readdir(dataDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
  // An empty folder may be prepared for the bot (owner, rights; a fresh volume has lost+found); a folder
  // with other files (`--data-dir ~`) is no data store.
  const own = entries.filter((n) => n !== 'lost+found' && !n.startsWith('.'));
  if (own.length > 0 && !own.some(isDataStoreEntry)) {
    throw new Refusal(`„${dataDir}“ ist kein Datenverzeichnis von IntM-Bot (es enthält andere Dateien). Bitte prüfen Sie --data-dir bzw. INTM_DATA_DIR.`);
  }
  return true;
}

/** What only a data store holds: its schema file, a year, the roster or the bot's conversations. */
function isDataStoreEntry(name: string): boolean {
  return ['meta.json', 'roster.json', 'conversations.json', 'link-secret.key', 'locks'].includes(name) || /^\d{4}$/.test(name);
}

/**
 * `intm` must run as the user the bot runs as: every file is written with mode 0600, so a list or the
 * campaign written by another user (typically root) could no longer be read by the bot, and one such
 * file stops the status for all 46 Gemeinden. The data directory's owner is taken to be the bot's user.
 */
async function checkSameUser(dataDir: string): Promise<void> {
  if (typeof process.geteuid !== 'function') return;
  const me = process.geteuid();
  const owner = (await fs.stat(dataDir)).uid;
  if (owner === me) return;
  const name = (await userName(owner)) ?? `UID ${owner}`;
  // Owned by root while intm runs as someone else: most likely restored as root; the bot's user must get it back.
  if (owner === 0) {
    throw new Refusal(
      `Das Datenverzeichnis „${dataDir}“ gehört root, intm läuft aber als ${(await userName(me)) ?? `UID ${me}`}. ` +
        'Gehört es dem Benutzer des Bots (etwa nach einer Wiederherstellung als root), geben Sie es ihm zurück: chown -R <Benutzer des Bots> …; sonst rufen Sie intm als root auf.',
    );
  }
  throw new Refusal(
    `Das Datenverzeichnis „${dataDir}“ gehört dem Benutzer ${name}, intm läuft aber als ${(await userName(me)) ?? `UID ${me}`}. ` +
      `Bitte rufen Sie intm als Benutzer des Bots auf (z. B. sudo -u ${name.startsWith('UID ') ? '<Benutzer>' : name} npm run -s intm -- …): ` +
      'Dateien, die ein anderer Benutzer schreibt, könnte der Bot nicht mehr lesen.',
  );
}

/** The login name of a uid from /etc/passwd; undefined where there is none. */
async function userName(uid: number): Promise<string | undefined> {
  const passwd = await fs.readFile('/etc/passwd', 'utf8').catch(() => '');
  return passwd.split('\n').map((l) => l.split(':')).find((f) => f[2] === String(uid))?.[0];
}

function missingDataDir(dataDir: string): Refusal {
  return new Refusal(
    `Das Datenverzeichnis „${dataDir}“ gibt es nicht. Bitte prüfen Sie --data-dir bzw. INTM_DATA_DIR; neu angelegt wird es nur mit „intm campaign create“.`,
  );
}

export interface CliDependencies {
  /** Opens the application on a data directory or a database URL (tests give it their clock). */
  openApp?: (dataDirOrUrl: string) => Promise<IntmApp>;
}

export async function runCli(argv: string[], io: CliIo, deps: CliDependencies = {}): Promise<number> {
  let app: IntmApp | undefined;
  let dataDir: string | undefined;
  let command: string | undefined;
  /** Runs the command on the store at `where` (a data directory or a database URL). */
  const onStore = async (where: string, globals: GlobalOptions, sub: string | undefined, args: string[]): Promise<number> => {
    if (command === 'migrate') return migrateCommand(io, storeAt(where));
    app = await (deps.openApp ?? ((w: string) => openApp({ store: storeAt(w) })))(where);
    return dispatch({ io, app, actor: operator(globals.by, io.env) }, command!, sub, args, globals.rest.slice(1));
  };
  try {
    const globals = extractGlobals(argv);
    const [first, maybeSub, ...rest] = globals.rest;
    command = first;
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      io.out(USAGE);
      return 0;
    }
    if (globals.rest.includes('--help') || globals.rest.includes('-h')) {
      io.out(USAGE);
      return 0;
    }
    const known = ['campaign', 'import', 'review', 'allocate', 'publish', 'decide', 'status', 'audit', 'export', 'roster', 'purge', 'migrate', 'store'];
    if (!known.includes(command)) throw new UsageError(`Unbekannter Befehl „${command}“.`, USAGE);
    const withSub = maybeSub !== undefined && !maybeSub.startsWith('-');
    const sub = withSub ? maybeSub : undefined;
    const args = withSub ? rest : globals.rest.slice(1);
    // Both ends of a copy are named explicitly; the configured store plays no part.
    if (command === 'store') return await storeCommand(io, sub, args, clockFromEnvironment());
    const url = databaseUrl(io.env);
    if (url) {
      if (globals.dataDir !== undefined) {
        throw new Refusal('INTM_DATABASE_URL ist gesetzt: die Daten liegen in der Datenbank, --data-dir passt nicht dazu. Bitte eines von beiden weglassen (ein Datenverzeichnis überträgt „intm store copy“).');
      }
      return await onStore(url, globals, sub, args);
    }
    dataDir = resolveDataDir(globals.dataDir);
    const exists = await dataDirExists(dataDir);
    if (exists) await checkSameUser(dataDir);
    if (!exists) {
      // Only a new campaign starts a new data store, and only with input it would accept: a refused
      // create leaves no directory behind either. Migrating a directory that is not there is a typo.
      if (command !== 'campaign' || sub !== 'create') throw missingDataDir(dataDir);
      checkCampaignCreate(args);
    }
    return await onStore(dataDir, globals, sub, args);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      io.err(`\nAufruf:\n${e.usage ?? USAGE}`);
      return 2;
    }
    if (e instanceof Refusal) {
      io.err(e.message);
      return 1;
    }
    if (isDomainError(e)) {
      io.err(refusalText(e, command, app?.ctx.verzeichnis));
      // The database's own words (TLS, login) for the operator who asks for them; never a password.
      if (io.env.INTM_DEBUG === '1' && e.cause) io.err(String((e.cause as Error)?.message ?? e.cause));
      return 1;
    }
    const problem = dataDir === undefined ? undefined : dataDirProblem(e, dataDir);
    if (problem) {
      io.err(problem);
      if (io.env.INTM_DEBUG === '1') io.err(String((e as Error)?.stack ?? e));
      return 1;
    }
    // A bug or an I/O failure: a plain sentence for the user, details only when asked for.
    io.err('Interner Fehler: der Vorgang wurde nicht ausgeführt. Bitte wenden Sie sich an den Betrieb (Details mit INTM_DEBUG=1).');
    if (io.env.INTM_DEBUG === '1') io.err(String((e as Error)?.stack ?? e));
    return 1;
  } finally {
    await app?.close();
  }
}

/** Runs a command of the procedure; `all` is every argument after the command (for commands without sub-commands). */
async function dispatch(env: CommandEnv, command: string, sub: string | undefined, args: string[], all: string[]): Promise<number> {
  switch (command) {
    case 'campaign':
      return campaignCommand(env, sub, args);
    case 'import':
      return importCommand(env, all);
    case 'review':
      return reviewCommand(env, sub, args);
    case 'allocate':
      return allocateCommand(env, all);
    case 'publish':
      return publishCommand(env, all);
    case 'decide':
      return decideCommand(env, all);
    case 'status':
      return statusCommand(env, all);
    case 'audit':
      return auditCommand(env, all);
    case 'roster':
      return rosterCommand(env, sub, args);
    case 'purge':
      return purgeCommand(env, all);
    default:
      return exportCommand(env, sub, args);
  }
}

/** `intm migrate`: the database's tables (applied on opening) and every stored document brought to the current schema. */
async function migrateCommand(io: CliIo, location: StoreLocation): Promise<number> {
  const repo = await openStore(location);
  try {
    if (repo.migration) {
      const { applied, version } = repo.migration;
      io.out(applied.length ? `Datenbank ${describeStore(location)}: Schema ${applied.join(', ')} angewendet (jetzt ${version}).` : `Datenbank ${describeStore(location)}: Schema ${version}, aktuell.`);
    }
    const count = await repo.migrateAll();
    io.out(count ? `${count} Dokument(e) auf das aktuelle Schema gebracht.` : 'Alle Daten sind auf dem aktuellen Stand.');
    return 0;
  } finally {
    await repo.close();
  }
}

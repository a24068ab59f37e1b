/**
 * IntM-Bot in the Microsoft 365 Agents Playground (Microsoft's local, Teams-like web client): the
 * mock users, team and chats, the Playground's configuration, the demo data, and the processes around
 * the bot. Used by `npm run demo` (src/demo/teams.ts) and by the browser test (test/e2e/).
 *
 * What the Playground (0.2.28) can and cannot do, and how this module deals with it:
 *   - One current user per run; neither its UI nor its command line or configuration can switch users
 *     while it runs (the configuration is read once at start). To act as someone else the Playground
 *     is restarted with another `currentUser` (`startPlayground` again); the bot keeps running.
 *   - No chat history: the server keeps the messages of a run only to let the bot update them, and the
 *     page gets only what arrives while it is open (or, with no page open, what arrived since the last
 *     one closed). After a restart or a reload the chats are empty: the demo session has the bot send
 *     the state again when the page opens (session.ts, bot/replay.ts).
 *   - A message to a personal chat that is not the current user's is refused (404 ConversationNotFound).
 *   - A team with its General channel and at most one more channel: General is the channel of the
 *     Koordinierungsstelle, the extra channel „Gemeinden“ the channel of the municipalities.
 *   - Group chat and channels deliver only messages that @mention the bot.
 *   - No file upload in the compose box. A file reaches the bot as in Teams only through „Mock an
 *     Activity → Custom activity“: a message with a `file.download.info` attachment whose download URL
 *     the demo's gateway serves (`fileMessageActivity`).
 *   - Every activity the Playground generates says `locale: "en-US"`, whatever the browser's
 *     language; the bot would answer in English. The gateway in front of the bot sets the locale a
 *     German Teams client sends (`de-DE`), unless told otherwise.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import type { IntmApp } from '../app';
import { ConversationStore, type ChannelRole } from '../bot/conversations';
import type { Actor } from '../domain/actor';
import { defaultPeriod } from '../domain/campaign';
import type { IsoDate } from '../domain/dates';
import { projectRoot } from '../storage/paths';
import { syntheticExport, writeSyntheticXlsx, type SyntheticExport } from './syntheticExport';

// ---------------------------------------------------------------------------------------------
// The cast: six invented people (the Playground wants a current user and exactly five others).

export type CastKey = 'kora' | 'anna' | 'bert' | 'clara' | 'ilse' | 'otto';

export interface CastMember {
  key: CastKey;
  /** Teams user id. */
  id: string;
  name: string;
  givenName: string;
  surname: string;
  email: string;
  /** Entra object id: what the bot's roster (and INTM_COORDINATORS) goes by. */
  aadObjectId: string;
  /** What the demo gives the person: the Koordinierungsstelle, a Gemeinde, or nothing. */
  role: 'koordination' | 'gemeinde' | 'keine';
  ags?: string;
  /** How the demo describes the person (German). */
  description: string;
}

export const DEMO_TENANT = 'd3e70000-0000-4000-8000-00000000a001';

function member(n: number, key: CastKey, givenName: string, surname: string, role: CastMember['role'], description: string, ags?: string): CastMember {
  const email = `${givenName}.${surname}`.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue') + '@landkreis-heilbronn.example';
  return {
    key,
    id: `29:intm-demo-${key}`,
    name: `${givenName} ${surname}`,
    givenName,
    surname,
    email,
    aadObjectId: `d3e70000-0000-4000-8000-00000000000${n}`,
    role,
    ...(ags ? { ags } : {}),
    description,
  };
}

export const CAST: readonly CastMember[] = [
  member(1, 'kora', 'Kora', 'Koordinatorin', 'koordination', 'Koordinierungsstelle im Landratsamt'),
  member(2, 'anna', 'Anna', 'Abstatt', 'gemeinde', 'Sachbearbeitung der Gemeinde Abstatt', '08125001'),
  member(3, 'bert', 'Bert', 'Brackenheim', 'gemeinde', 'Sachbearbeitung der Stadt Brackenheim', '08125013'),
  member(4, 'clara', 'Clara', 'Cleebronn', 'gemeinde', 'Sachbearbeitung der Gemeinde Cleebronn', '08125017'),
  member(5, 'ilse', 'Ilse', 'Ilsfeld', 'gemeinde', 'Sachbearbeitung der Gemeinde Ilsfeld', '08125046'),
  member(6, 'otto', 'Otto', 'Ohnerolle', 'keine', 'ohne Rolle (sieht den Hinweis, an wen er sich wenden kann)'),
];

export function castMember(key: string): CastMember {
  const found = CAST.find((c) => c.key === key.toLowerCase().trim());
  if (!found) throw new Error(`Unbekannte Person „${key}“; möglich: ${CAST.map((c) => c.key).join(', ')}`);
  return found;
}

export const KOORDINATION = CAST[0];

export const DEMO_BOT = { id: '28:intm-bot-demo', name: 'IntM-Bot' };

/** The team: General is the Koordinierungsstelle's channel; the one extra channel is the municipalities'. */
export const DEMO_TEAM = {
  id: '19:intm-demo-allgemein@thread.tacv2',
  name: 'Integrationsmanagement LRA',
  aadGroupId: 'd3e70000-0000-4000-8000-00000000b001',
  gemeindenChannel: { id: '19:intm-demo-gemeinden@thread.tacv2', name: 'Gemeinden' },
};
export const DEMO_GROUP_CHAT = { id: '19:intm-demo-gruppenchat@thread.v2', name: 'IntM Gruppenchat' };

export const CHANNELS: Record<ChannelRole, { id: string; shownAs: string }> = {
  koordination: { id: DEMO_TEAM.id, shownAs: 'General' },
  gemeinden: { id: DEMO_TEAM.gemeindenChannel.id, shownAs: DEMO_TEAM.gemeindenChannel.name },
};

/** Each person's own personal chat id: messages the bot sends to someone else's chat do not land in the current one. */
export function personalChatId(key: CastKey): string {
  return `a:intm-demo-persoenlich-${key}`;
}

/** The Playground's `.m365agentsplayground.yml` (schema 0.1.1; JSON is valid YAML) for one current user. */
export function playgroundConfig(current: CastKey): object {
  const user = (c: CastMember) => ({
    id: c.id,
    name: c.name,
    userPrincipleName: c.email, // sic: the Playground's spelling
    aadObjectId: c.aadObjectId,
    givenName: c.givenName,
    surname: c.surname,
    email: c.email,
  });
  return {
    version: '0.1.1',
    tenantId: DEMO_TENANT,
    bot: DEMO_BOT,
    currentUser: user(castMember(current)),
    users: CAST.filter((c) => c.key !== current).map(user),
    personalChat: { id: personalChatId(current) },
    groupChat: DEMO_GROUP_CHAT,
    team: { id: DEMO_TEAM.id, name: DEMO_TEAM.name, aadGroupId: DEMO_TEAM.aadGroupId, channels: [DEMO_TEAM.gemeindenChannel] },
  };
}

export function writePlaygroundConfig(file: string, current: CastKey): void {
  writeFileSync(file, JSON.stringify(playgroundConfig(current), null, 2) + '\n');
}

// ---------------------------------------------------------------------------------------------
// Demo data

/**
 * The Berechnungsjahr whose procedure runs on `today`: lists go out in December two years before it.
 * (The same rule as `currentBerechnungsjahr` in demo.ts, which cannot be imported: that module runs
 * the CLI demo when loaded.)
 */
export function berechnungsjahr(today: IsoDate): number {
  const [year, month] = today.split('-').map(Number);
  return month >= 6 ? year + 2 : year + 1;
}

/** Who sets the demo up, in the audit trail. */
export const DEMO_SETUP: Actor = { id: 'demo', name: 'Demo-Einrichtung', role: 'koordination' };

export interface SeedOptions {
  /** Where the export file goes. */
  dir: string;
  year: number;
  today: IsoDate;
  /** Persons in the export (default 2,500, as in the CLI demo). */
  persons?: number;
}

export interface Seeded {
  exportFile: string;
  export: SyntheticExport;
}

/**
 * A campaign for `year` (40 Mio. € × 3,77 %), the invented step-1 export written next to the data,
 * and the roster: staff of Abstatt, Brackenheim, Cleebronn and Ilsfeld. The Koordinierungsstelle
 * comes from INTM_COORDINATORS.
 */
export async function seedDemo(app: IntmApp, options: SeedOptions): Promise<Seeded> {
  const { year } = options;
  await app.campaigns.create({ year, landesmittel: '40000000', quotePercent: '3.77' }, { actor: DEMO_SETUP });
  const exp = syntheticExport({ seed: year, gemeinden: app.ctx.verzeichnis.all, period: defaultPeriod(year), persons: options.persons ?? 2500, outsideShare: 0.01 });
  // The invented export may hold a child born after today (assignment dates reach ~300 days past the
  // period); a real export cannot, and the import would refuse the file.
  exp.persons = exp.persons.filter((p) => p.birthDate <= options.today);
  mkdirSync(options.dir, { recursive: true });
  const exportFile = path.join(options.dir, `schritt1-export-${year}.xlsx`);
  await writeSyntheticXlsx(exp, exportFile);
  for (const c of CAST) {
    if (c.role !== 'gemeinde') continue;
    await app.roster.assign({ aadObjectId: c.aadObjectId, tenantId: DEMO_TENANT, name: c.name, role: 'gemeinde', ags: c.ags! }, DEMO_SETUP);
  }
  return { exportFile, export: exp };
}

/** The channel references the bot would store on `kanal registrieren …` in the Playground. */
export async function registerDemoChannels(app: IntmApp, serviceUrl: string): Promise<void> {
  const store = new ConversationStore(app.ctx.repo);
  const current = await store.read();
  for (const role of ['koordination', 'gemeinden'] as const) {
    const reference = {
      channelId: 'msteams',
      serviceUrl,
      bot: DEMO_BOT,
      conversation: { id: CHANNELS[role].id, conversationType: 'channel', isGroup: true, tenantId: DEMO_TENANT, name: CHANNELS[role].shownAs },
      locale: 'de-DE',
    };
    const stored = current.channels[role];
    if (stored?.serviceUrl === serviceUrl && stored.conversation?.id === CHANNELS[role].id) continue;
    await store.registerChannel(role, reference, DEMO_SETUP, app.ctx.clock.now(), DEMO_TEAM.id);
  }
}

/**
 * The message Teams sends when someone drops a file into the personal chat with the bot: an
 * attachment `application/vnd.microsoft.teams.file.download.info` whose `content.downloadUrl` is a
 * pre-authenticated link. To paste into the Playground's „Custom activity“ dialog.
 */
export function fileMessageActivity(options: { serviceUrl: string; fileUrl: string; fileName: string; from?: CastMember; locale?: string }): object {
  const from = options.from ?? KOORDINATION;
  const fileType = path.extname(options.fileName).slice(1).toLowerCase();
  return {
    type: 'message',
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    locale: options.locale ?? 'de-DE',
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: DEMO_BOT,
    conversation: { id: personalChatId(from.key), conversationType: 'personal', tenantId: DEMO_TENANT },
    channelData: { tenant: { id: DEMO_TENANT } },
    text: '',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.teams.file.download.info',
        contentUrl: options.fileUrl,
        name: options.fileName,
        content: { downloadUrl: options.fileUrl, uniqueId: `intm-demo-${fileType}-${Date.now()}`, fileType },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Ports

export function portFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** A port nobody listens on right now (the OS picks it). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The gateway between the Playground and the bot

export interface Gateway {
  /** e.g. http://127.0.0.1:41234 – the Playground's app endpoint is `${url}/api/messages`. */
  url: string;
  /** Serves a file at `${url}/dateien/<name>` (what Teams' download URL is for the bot); returns that URL. */
  serveFile(name: string, file: string): string;
  /** Activities seen, by type (for tests and the demo's log). */
  readonly seen: { type: string; name?: string; locale?: string }[];
  close(): Promise<void>;
}

/** What the gateway reads of an activity on its way to the bot. */
export interface ForwardedActivity {
  type?: string;
  name?: string;
  locale?: string;
  entities?: { type?: string; locale?: string }[];
  from?: { id?: string; name?: string; aadObjectId?: string };
  recipient?: { id?: string };
  conversation?: { id?: string; conversationType?: string; tenantId?: string };
  membersAdded?: { id?: string }[];
}

const CONTENT_TYPES: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv; charset=utf-8',
};

/**
 * A small HTTP server on 127.0.0.1 in front of the bot: forwards everything to the bot, sets the
 * activity's locale (the Playground always says en-US) and serves the demo's files.
 */
export async function startGateway(options: {
  botUrl: string;
  locale?: string;
  port?: number;
  /** Called with each activity the bot has answered successfully (after its replies went out). */
  onAnswered?: (activity: ForwardedActivity) => void;
}): Promise<Gateway> {
  const files = new Map<string, string>();
  const seen: Gateway['seen'] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    const fileMatch = /^\/dateien\/([^/]+)$/.exec(url.pathname);
    if (fileMatch && req.method === 'GET') {
      const file = files.get(decodeURIComponent(fileMatch[1]));
      if (!file || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': statSync(file).size,
      });
      createReadStream(file).pipe(res);
      return;
    }
    const chunks: Buffer[] = [];
    let forwarded: ForwardedActivity | undefined;
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: Buffer = Buffer.concat(chunks);
      if (url.pathname === '/api/messages' && body.length) {
        try {
          const activity = JSON.parse(body.toString('utf8')) as ForwardedActivity;
          forwarded = activity;
          if (options.locale) {
            activity.locale = options.locale;
            for (const e of activity.entities ?? []) if (e.type === 'clientInfo') e.locale = options.locale;
          }
          seen.push({ type: String(activity.type), ...(activity.name ? { name: activity.name } : {}), ...(activity.locale ? { locale: activity.locale } : {}) });
          body = Buffer.from(JSON.stringify(activity), 'utf8');
        } catch {
          // Not JSON: the bot answers it (400) as it would anyone's.
        }
      }
      const headers: Record<string, string> = {};
      for (const h of ['content-type', 'authorization']) if (req.headers[h]) headers[h] = String(req.headers[h]);
      fetch(options.botUrl + (req.url ?? '/'), { method: req.method, headers, ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body }) })
        .then(async (answer) => {
          const out = Buffer.from(await answer.arrayBuffer());
          const type = answer.headers.get('content-type');
          res.writeHead(answer.status, { ...(type ? { 'content-type': type } : {}), 'content-length': out.length });
          res.end(out);
          if (forwarded && answer.ok) options.onAnswered?.(forwarded);
        })
        .catch(() => {
          if (!res.headersSent) res.writeHead(502);
          res.end();
        });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    seen,
    serveFile(name, file) {
      files.set(name, file);
      return `${url}/dateien/${encodeURIComponent(name)}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// The Playground process

export interface PlaygroundOptions {
  /** The bot's endpoint as the Playground calls it (the gateway's /api/messages). */
  endpoint: string;
  port: number;
  configFile: string;
  /** Working folder of the Playground (it writes devTools/ there) and where its log goes. */
  workDir: string;
  /** Where the Playground's output goes (appended); default `<workDir>/playground.log`. */
  logFile?: string;
  startTimeoutMs?: number;
}

export interface RunningPlayground {
  /** http://localhost:<port> – what to open in the browser. */
  url: string;
  port: number;
  /** The Bot Framework service URL of the Playground's mock connector (what the bot posts to). */
  serviceUrl: string;
  pid: number;
  /** Resolves when the process has ended (with its exit code, or null after a signal). */
  exited: Promise<number | null>;
  /** SIGTERM to its process group, SIGKILL after 5 s; resolves when it has ended. Safe to call twice. */
  stop(): Promise<void>;
}

export function playgroundCli(): string {
  return require.resolve('@microsoft/m365agentsplayground/cli.js', { paths: [projectRoot()] });
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

/**
 * Starts `agentsplayground` (its own process group, so that Ctrl-C in a terminal reaches it only
 * through `stop`) and resolves once it listens. Fails with its output if it exits first (for
 * example an invalid configuration).
 */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  mkdirSync(options.workDir, { recursive: true });
  const logFile = options.logFile ?? path.join(options.workDir, 'playground.log');
  const child: ChildProcess = spawn(
    process.execPath,
    [playgroundCli(), '-e', options.endpoint, '-c', 'msteams', '-p', String(options.port), '--disable-telemetry'],
    {
      cwd: options.workDir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configFile,
        M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
        M365_AGENTS_PLAYGROUND_RECORDING_FILE: path.join(options.workDir, 'playground-recording.log'),
      },
    },
  );
  const pid = child.pid!;
  // Should this process end without stopping it (a crashed test run), the Playground goes too.
  const onExit = () => killGroup(pid, 'SIGKILL');
  process.once('exit', onExit);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      process.removeListener('exit', onExit);
      resolve(code);
    });
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-8000);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      killGroup(pid, 'SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const done = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 5000)))]);
      clearTimeout(timer);
      if (!done) {
        killGroup(pid, 'SIGKILL');
        await exited;
      }
    })());

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Das Playground hat nicht rechtzeitig gestartet:\n${output}`)), options.startTimeoutMs ?? 60_000);
    const check = () => {
      const m = /Listening on (\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Das Playground wurde beendet (Status ${code}):\n${output}`));
    });
  }).catch(async (e) => {
    await stop();
    throw e;
  });
  return { url: `http://localhost:${port}`, port, serviceUrl: `http://localhost:${port}/_connector`, pid, exited, stop };
}

/**
 * One run of `npm run demo`: the demo data, the bot, the gateway and the Agents Playground, and what
 * the person at the terminal types (a name switches the Playground's person, `datei` sends the export).
 * The terminal (teams.ts) and the browser test (test/e2e/) drive the same session, so the test does
 * what a person following the README does.
 *
 * The Playground keeps no chat history: neither across its restart as another person nor across a
 * reload of the page. Whenever someone opens it (its personal chat announces itself to the bot, once per
 * page load), the bot sends that person the current state again – the Gemeinden channel's cards, the
 * published overview and her open cards (bot/replay.ts) – as Teams would have kept them.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../app/ports';
import { loadConfig } from '../bot/config';
import type { Logger } from '../bot/log';
import { replayFor, type Replayed } from '../bot/replay';
import { startBot, type RunningBot } from '../bot/start';
import { openApp } from '../compose';
import {
  berechnungsjahr,
  CAST,
  DEMO_BOT,
  DEMO_SETUP,
  DEMO_TENANT,
  fileMessageActivity,
  KOORDINATION,
  personalChatId,
  registerDemoChannels,
  seedDemo,
  startGateway,
  startPlayground,
  writePlaygroundConfig,
  type CastMember,
  type ForwardedActivity,
  type Gateway,
  type RunningPlayground,
} from './teamsPlayground';

export interface SessionOptions {
  /** The demo's folder (data/demo-teams/ for `npm run demo`): data, export, logs, Playground config. */
  dir: string;
  clock: Clock;
  /** Who the Playground shows first. */
  als: CastMember;
  /** Keep the data of the last run (when there is any). */
  weiter?: boolean;
  /** Import the export right away. */
  importiert?: boolean;
  /** Persons in the invented export (default: seedDemo's). */
  persons?: number;
  botPort: number;
  playgroundPort: number;
  /** The locale the gateway hands the bot (the Playground always says en-US); empty or en-*: left as is. */
  locale: string;
  logger: Logger;
  /** Told when the Playground ended without being stopped. */
  onPlaygroundExit?: (code: number | null) => void;
  /** Told what the bot sent again for the person who opened the Playground. */
  onReplay?: (who: CastMember, replayed: Replayed) => void;
}

export class DemoSession {
  readonly year: number;
  readonly dataDir: string;
  /** Whether the data was created in this run (not kept with --weiter). */
  readonly fresh: boolean;
  exportFile: string;
  bot!: RunningBot;
  gateway!: Gateway;
  playground: RunningPlayground | undefined;
  current: CastMember;
  /** The file message „datei“ sends (also written to datei-senden.json for „Custom activity“). */
  fileActivity!: object;
  readonly sendFile: string;
  private stopping = false;
  private replaying: Promise<unknown> = Promise.resolve();
  private readonly replays: Replayed[] = [];

  constructor(private readonly options: SessionOptions) {
    this.year = berechnungsjahr(options.clock.today());
    this.dataDir = path.join(options.dir, 'daten');
    this.fresh = !options.weiter || !existsSync(path.join(this.dataDir, 'meta.json'));
    this.exportFile = path.join(options.dir, `schritt1-export-${this.year}.xlsx`);
    this.sendFile = path.join(options.dir, 'datei-senden.json');
    this.current = options.als;
  }

  get url(): string {
    return this.playground?.url ?? `http://localhost:${this.options.playgroundPort}`;
  }

  get logFile(): string {
    return path.join(this.options.dir, 'playground.log');
  }

  /** Data (fresh unless --weiter), bot, gateway, and the Playground as the first person. */
  async start(): Promise<void> {
    const { dir, clock } = this.options;
    const serviceUrl = `http://localhost:${this.options.playgroundPort}/_connector`;
    // A fresh run replaces the folder: only a demo's folder (or an empty one), never anything else by mistake.
    const foreign = existsSync(dir) && readdirSync(dir).length > 0 && !['daten', '.m365agentsplayground.yml'].some((f) => existsSync(path.join(dir, f)));
    if (foreign) throw new Error(`${dir} ist kein Ordner der Demo und nicht leer: bitte einen anderen wählen (INTM_DEMO_DIR).`);
    if (this.fresh) rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const coordinators = [KOORDINATION.aadObjectId];
    const app = await openApp({ dataDir: this.dataDir, clock, coordinators });
    try {
      if (this.fresh) {
        const seeded = await seedDemo(app, { dir, year: this.year, today: clock.today(), ...(this.options.persons ? { persons: this.options.persons } : {}) });
        this.exportFile = seeded.exportFile;
        if (this.options.importiert) {
          await app.imports.importStep1(this.year, readFileSync(this.exportFile), path.basename(this.exportFile), { actor: DEMO_SETUP });
        }
      }
      // The Playground's team and channels are known in advance: registered as `kanal registrieren` would.
      await registerDemoChannels(app, serviceUrl);
    } finally {
      await app.close();
    }

    const config = loadConfig({
      ...process.env,
      INTM_LOCAL: '1',
      PORT: String(this.options.botPort),
      INTM_DATA_DIR: this.dataDir,
      INTM_COORDINATORS: coordinators.join(','),
      INTM_TENANTS: DEMO_TENANT,
      INTM_SCHEDULER: process.env.INTM_SCHEDULER ?? 'off',
    });
    this.bot = await startBot(config, { clock, logger: this.options.logger });
    const locale = this.options.locale;
    this.gateway = await startGateway({
      botUrl: this.bot.url,
      ...(locale && !/^en/i.test(locale) ? { locale } : {}),
      onAnswered: (activity) => this.opened(activity),
    });
    const fileUrl = this.gateway.serveFile(path.basename(this.exportFile), this.exportFile);
    this.fileActivity = fileMessageActivity({ serviceUrl, fileUrl, fileName: path.basename(this.exportFile), locale });
    writeFileSync(this.sendFile, JSON.stringify(this.fileActivity, null, 2) + '\n');
    await this.launch(this.current);
  }

  /**
   * What the terminal does with a line: a person's name switches the Playground to that person, `datei`
   * sends the export as a file, `ende` stops. Returns what to print.
   */
  async command(line: string): Promise<string> {
    const word = line.trim().toLowerCase();
    if (!word || this.stopping) return '';
    if (word === 'datei' || word === 'file') return this.sendExport();
    const who = CAST.find((c) => c.key === word);
    if (!who) return `  Unbekannt: „${word}“. Möglich: ${CAST.map((c) => c.key).join(', ')}, datei, ende.`;
    await this.switchTo(who);
    return '';
  }

  /** The Playground again, as `who` (the bot and its data keep running). */
  async switchTo(who: CastMember): Promise<void> {
    const previous = this.playground;
    this.playground = undefined;
    await previous?.stop();
    this.current = who;
    await this.launch(who);
  }

  /** The export as a file in Kora's personal chat, as Teams sends it (the Playground cannot upload files). */
  async sendExport(): Promise<string> {
    if (this.current.key !== 'kora') return '  „datei“ geht nur als Kora (Koordinierungsstelle): erst „kora“ eintippen.';
    const res = await fetch(`${this.gateway.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(this.fileActivity) });
    return res.ok ? '  Export als Datei an den Bot geschickt – der Importbericht erscheint im Personal Chat.' : `  Fehler: ${res.status}`;
  }

  /** Resolves when what was sent again for the people who opened the Playground so far is out; returns all replays. */
  async replayed(): Promise<Replayed[]> {
    await this.replaying;
    return this.replays;
  }

  /** Bot first (while the Playground still answers its last card updates), then gateway and Playground. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    await this.replaying.catch(() => undefined);
    await this.bot?.stop().catch(() => undefined);
    await this.gateway?.close();
    await this.playground?.stop();
  }

  /** SIGKILL to the Playground's process group (a second Ctrl-C: no waiting). */
  kill(): void {
    if (!this.playground) return;
    try {
      process.kill(-this.playground.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }

  private async launch(who: CastMember): Promise<void> {
    const configFile = path.join(this.options.dir, '.m365agentsplayground.yml');
    writePlaygroundConfig(configFile, who.key);
    const started = await startPlayground({ endpoint: `${this.gateway.url}/api/messages`, port: this.options.playgroundPort, configFile, workDir: this.options.dir });
    started.exited.then((code) => {
      if (!this.stopping && this.playground === started) this.options.onPlaygroundExit?.(code);
    });
    this.playground = started;
  }

  /**
   * The page was opened (or reloaded): its personal chat greets the bot with a conversationUpdate once
   * per load, answered with the welcome. Then the state follows, one replay after the other.
   */
  private opened(activity: ForwardedActivity): void {
    const who = this.current;
    const added = activity.membersAdded?.some((m) => m.id === DEMO_BOT.id);
    if (this.stopping || activity.type !== 'conversationUpdate' || !added || activity.conversation?.id !== personalChatId(who.key)) return;
    const aadObjectId = activity.from?.aadObjectId;
    if (!aadObjectId) return;
    const identity = { aadObjectId, tenantId: activity.conversation?.tenantId ?? DEMO_TENANT, name: activity.from?.name ?? '' };
    this.replaying = this.replaying
      .then(async () => {
        const replayed = await replayFor(this.bot.deps, identity);
        this.replays.push(replayed);
        this.options.onReplay?.(who, replayed);
      })
      .catch((e) => this.options.logger.error('demo.replayFailed', { error: (e as Error).name }));
  }
}

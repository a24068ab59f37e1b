/**
 * `npm run demo`: IntM-Bot as its users see it, in the Microsoft 365 Agents Playground – no Teams
 * account, no credentials, no internet. Creates data/demo-teams/ (campaign for the current
 * Berechnungsjahr, an invented step-1 export, roster, registered channels), starts the bot locally on
 * 127.0.0.1:3978 and the Playground on http://localhost:56150, and prints what to do first.
 *
 *   npm run demo                      # as Kora Koordinatorin (Koordinierungsstelle)
 *   npm run demo -- --als anna        # as Anna Abstatt (Gemeinde Abstatt); also INTM_DEMO_USER=anna
 *   npm run demo -- --weiter          # keep the data of the last run
 *   npm run demo -- --importiert      # the export is imported already
 *
 * While it runs, typing a name (kora, anna, bert, clara, ilse, otto) in the terminal restarts the
 * Playground as that person; the bot and its data keep running. Ctrl-C stops everything.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { clockFromEnvironment, openApp } from '../compose';
import { loadConfig } from '../bot/config';
import type { Logger, LogFields } from '../bot/log';
import { startBot, type RunningBot } from '../bot/start';
import { formatDate } from '../domain/dates';
import { projectRoot } from '../storage/paths';
import {
  berechnungsjahr,
  CAST,
  castMember,
  DEMO_SETUP,
  DEMO_TENANT,
  fileMessageActivity,
  freePort,
  KOORDINATION,
  portFree,
  registerDemoChannels,
  seedDemo,
  startGateway,
  startPlayground,
  writePlaygroundConfig,
  type CastKey,
  type CastMember,
  type Gateway,
  type RunningPlayground,
} from './teamsPlayground';

interface Options {
  als: CastKey;
  weiter: boolean;
  importiert: boolean;
}

const USAGE = `Aufruf: npm run demo [-- --als kora|anna|bert|clara|ilse|otto] [--weiter] [--importiert]
  --als NAME     als wer das Playground startet (auch INTM_DEMO_USER); Standard: kora
  --weiter       die Daten des letzten Laufs behalten (sonst wird data/demo-teams/ neu angelegt)
  --importiert   den Export gleich importieren (weiter mit „listen versenden“)
Umgebung: PORT (Bot, Standard 3978), INTM_DEMO_PLAYGROUND_PORT (Standard 56150),
  INTM_DEMO_LOCALE (Standard de-DE; „en-US“ für englische Texte), INTM_NOW (Uhr einfrieren).
Die Kommandozeilen-Demo ohne Teams: npm run demo:cli`;

function parseOptions(argv: string[]): Options | undefined {
  const options: Options = { als: (process.env.INTM_DEMO_USER?.trim() || 'kora') as CastKey, weiter: false, importiert: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--als' || a === '--as' || a === '--user') options.als = (argv[++i] ?? '') as CastKey;
    else if (a.startsWith('--als=')) options.als = a.slice(6) as CastKey;
    else if (a === '--weiter') options.weiter = true;
    else if (a === '--importiert') options.importiert = true;
    else if (a === '--hilfe' || a === '--help' || a === '-h') return undefined;
    else throw new Error(`Unbekannte Option „${a}“.\n${USAGE}`);
  }
  options.als = castMember(options.als).key;
  return options;
}

/** The bot's JSON log lines go to a file: the terminal is for the person trying the demo. */
function fileLogger(file: string): Logger {
  const write = (level: string) => (event: string, fields: LogFields = {}) =>
    appendFileSync(file, JSON.stringify({ at: new Date().toISOString(), level, event, ...fields }) + '\n');
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

function firstSteps(who: CastMember, urls: { playground: string; sendFile: string }, imported: boolean): string {
  const rel = (p: string) => path.relative(process.cwd(), p) || p;
  if (who.role === 'koordination') {
    return [
      '  1. Links „Personal Chat“: „hilfe“ schreiben – die Befehle der Koordinierungsstelle.',
      imported
        ? '  2. (Der Export ist schon importiert.)'
        : `  2. Export senden (Schritt 1): Das Playground kann keine Dateien hochladen. Oben „Mock an Activity“ →\n` +
          `     „Custom activity“, den ganzen Inhalt durch ${rel(urls.sendFile)} ersetzen, „Send activity“.\n` +
          '     Oder kürzer: hier im Terminal „datei“ eintippen. Der Bot antwortet mit dem Importbericht.',
      '  3. „listen versenden“ – die Statuskarte aller Gemeinden erscheint im Kanal „Gemeinden“.',
      '  4. Dann als Gemeinde weiter: hier „anna“ eintippen (Playground startet neu), Seite neu laden.',
      '  Später: „status“, „berechnen“ (Schaltfläche „Veröffentlichen“), „statusbericht“ (in „General“).',
    ].join('\n');
  }
  if (who.role === 'gemeinde') {
    return [
      '  1. Links „Personal Chat“: „liste“ – die Liste Ihrer Gemeinde (vorher muss Kora importiert und versendet haben).',
      '     Auf der Karte: „Streichen“ (mit Grund), „Kind nachtragen“, „Liste einreichen“.',
      '  2. Im Kanal „Gemeinden“ den Bot erwähnen: „@IntM-Bot liste“ (Kanäle liefern nur Nachrichten mit @-Erwähnung).',
      '  3. Nach der Veröffentlichung: „Wie hoch ist unsere voraussichtliche Förderung?“ und „entscheidung“.',
    ].join('\n');
  }
  return '  „hilfe“ im Personal Chat: Otto hat keine Rolle und bekommt den Hinweis, an wen er sich wenden kann.';
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!options) {
    console.log(USAGE);
    return;
  }
  const clock = clockFromEnvironment();
  const today = clock.today();
  const year = berechnungsjahr(today);
  const dir = path.join(projectRoot(), 'data', 'demo-teams');
  const dataDir = path.join(dir, 'daten');
  const locale = (process.env.INTM_DEMO_LOCALE ?? 'de-DE').trim();

  const botPort = Number(process.env.PORT ?? 3978);
  if (!(await portFree(botPort))) {
    throw new Error(`Port ${botPort} ist belegt – läuft schon ein Bot oder eine Demo? Anderer Port: PORT=3988 npm run demo`);
  }
  const wantedPlaygroundPort = Number(process.env.INTM_DEMO_PLAYGROUND_PORT ?? 56150);
  const playgroundPort = (await portFree(wantedPlaygroundPort, '0.0.0.0')) ? wantedPlaygroundPort : await freePort();
  const serviceUrl = `http://localhost:${playgroundPort}/_connector`;

  // Data: fresh unless --weiter (and there is something to keep).
  const fresh = !options.weiter || !existsSync(path.join(dataDir, 'meta.json'));
  if (fresh) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const coordinators = [KOORDINATION.aadObjectId];
  let exportFile = path.join(dir, `schritt1-export-${year}.xlsx`);
  {
    const app = await openApp({ dataDir, clock, coordinators });
    try {
      if (fresh) {
        const seeded = await seedDemo(app, { dir, year, today });
        exportFile = seeded.exportFile;
        if (options.importiert) {
          await app.imports.importStep1(year, readFileSync(exportFile), path.basename(exportFile), { actor: DEMO_SETUP });
        }
      }
      // The Playground's team and channels are known in advance: registered as `kanal registrieren` would.
      await registerDemoChannels(app, serviceUrl);
    } finally {
      await app.close();
    }
  }

  const logFile = path.join(dir, 'bot.log');
  const config = loadConfig({
    ...process.env,
    INTM_LOCAL: '1',
    PORT: String(botPort),
    INTM_DATA_DIR: dataDir,
    INTM_COORDINATORS: coordinators.join(','),
    INTM_TENANTS: DEMO_TENANT,
    INTM_SCHEDULER: process.env.INTM_SCHEDULER ?? 'off',
  });
  const bot: RunningBot = await startBot(config, { clock, logger: fileLogger(logFile) });
  const gateway: Gateway = await startGateway({ botUrl: bot.url, ...(locale && !/^en/i.test(locale) ? { locale } : {}) });
  const fileUrl = gateway.serveFile(path.basename(exportFile), exportFile);
  const sendFile = path.join(dir, 'datei-senden.json');
  const fileActivity = fileMessageActivity({ serviceUrl, fileUrl, fileName: path.basename(exportFile), locale });
  writeFileSync(sendFile, JSON.stringify(fileActivity, null, 2) + '\n');

  const configFile = path.join(dir, '.m365agentsplayground.yml');
  let current = castMember(options.als);
  let playground: RunningPlayground | undefined;
  let stopping = false;

  const launch = async (who: CastMember) => {
    writePlaygroundConfig(configFile, who.key);
    const started = await startPlayground({ endpoint: `${gateway.url}/api/messages`, port: playgroundPort, configFile, workDir: dir });
    started.exited.then((code) => {
      if (!stopping && playground === started) {
        console.error(`\nDas Playground wurde unerwartet beendet (Status ${code}); siehe ${path.relative(process.cwd(), path.join(dir, 'playground.log'))}.`);
        void shutdown(1);
      }
    });
    playground = started;
    return started;
  };

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nDemo wird beendet … (noch einmal Strg+C bricht ab)');
    // The bot first, while the Playground still answers its last card updates; then the Playground.
    await bot.stop().catch(() => undefined);
    await gateway.close();
    await playground?.stop();
    console.log('Beendet. (Bot und Playground sind gestoppt.)');
    process.exit(code);
  };
  let interrupts = 0;
  const onSignal = () => {
    interrupts++;
    if (interrupts > 1) {
      // A second Ctrl-C: do not wait any longer.
      if (playground) {
        try {
          process.kill(-playground.pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
      process.exit(130);
    }
    void shutdown(0);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // `npm run demo` runs this under `sh -c`: a SIGTERM to npm ends npm and the shell but does not reach
  // this process. When the parent is gone, the demo stops itself (and with it the Playground).
  const parent = process.ppid;
  setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      void shutdown(0);
    }
  }, 1000).unref();

  const started = await launch(current);
  const rel = (p: string) => path.relative(process.cwd(), p) || p;
  const gemeinden = CAST.filter((c) => c.role === 'gemeinde').map((c) => `${c.key} (${c.name.split(' ')[1]})`).join(', ');
  console.log(
    [
      '',
      `IntM-Bot im Microsoft 365 Agents Playground – Berechnungsjahr ${year}, erfundene Daten (Stand ${formatDate(today)})`,
      '',
      `  ➜  Öffnen Sie ${started.url} im Browser.`,
      `     (English: open ${started.url} in your browser; type "hilfe" in the personal chat. Ctrl-C stops the demo.)`,
      '',
      `  Sie sind: ${current.name} – ${current.description}.`,
      firstSteps(current, { playground: started.url, sendFile }, options.importiert && fresh),
      '',
      `  Kanäle im Team „Integrationsmanagement LRA“: „General“ = Kanal der Koordinierungsstelle, „Gemeinden“ = Kanal der Gemeinden`,
      `  (beide schon registriert; neu registrieren mit „@IntM-Bot kanal registrieren koordination|gemeinden“).`,
      `  Person wechseln: hier eintippen – kora (Koordinierungsstelle), ${gemeinden}, otto (ohne Rolle) –,`,
      '  dann die Seite im Browser neu laden. Bot und Daten laufen weiter.',
      '',
      `  Bot:     ${bot.url}/api/messages (lokal, ohne Anmeldung)   Log: ${rel(logFile)}`,
      `  Daten:   ${rel(dataDir)}${fresh ? ' (neu angelegt)' : ' (vom letzten Lauf, --weiter)'}`,
      `  Export:  ${rel(exportFile)}`,
      locale && !/^en/i.test(locale) ? '  Sprache: Das Playground meldet immer „en-US“; die Demo reicht dem Bot „de-DE“ weiter (INTM_DEMO_LOCALE=en-US für Englisch).' : '',
      '  Beenden: Strg+C',
      '',
    ]
      .filter((l) => l !== undefined)
      .join('\n'),
  );

  // Terminal commands: a person's name switches the Playground's current user; `datei` sends the export.
  const input = readline.createInterface({ input: process.stdin, terminal: false });
  let busy = false;
  input.on('line', async (line) => {
    const word = line.trim().toLowerCase();
    if (!word || busy || stopping) return;
    busy = true;
    try {
      if (word === 'ende' || word === 'exit' || word === 'quit') return void (await shutdown(0));
      if (word === 'datei' || word === 'file') {
        if (current.key !== 'kora') return void console.log('  „datei“ geht nur als Kora (Koordinierungsstelle): erst „kora“ eintippen.');
        const res = await fetch(`${gateway.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fileActivity) });
        console.log(res.ok ? '  Export als Datei an den Bot geschickt – der Importbericht erscheint im Personal Chat.' : `  Fehler: ${res.status}`);
        return;
      }
      const who = CAST.find((c) => c.key === word);
      if (!who) return void console.log(`  Unbekannt: „${word}“. Möglich: ${CAST.map((c) => c.key).join(', ')}, datei, ende.`);
      const previous = playground;
      playground = undefined;
      await previous?.stop();
      current = who;
      const next = await launch(who);
      console.log(`\n  Jetzt sind Sie ${who.name} – ${who.description}. Seite ${next.url} neu laden.`);
      console.log(firstSteps(who, { playground: next.url, sendFile }, false));
    } catch (e) {
      console.error(`  Fehler: ${(e as Error).message}`);
    } finally {
      busy = false;
    }
  });
}

main().catch((e) => {
  console.error(`Die Demo konnte nicht starten: ${(e as Error).message}`);
  process.exit(1);
});

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
 * Playground as that person; the bot and its data keep running, and whoever opens the Playground gets
 * the current state sent again (session.ts). Ctrl-C, or SIGINT/SIGTERM to npm alone, stops everything.
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { clockFromEnvironment } from '../compose';
import type { Logger, LogFields } from '../bot/log';
import type { Replayed } from '../bot/replay';
import { formatDate } from '../domain/dates';
import { projectRoot } from '../storage/paths';
import { DemoSession } from './session';
import { CAST, castMember, freePort, portFree, type CastKey, type CastMember } from './teamsPlayground';

interface Options {
  als: CastKey;
  weiter: boolean;
  importiert: boolean;
}

const USAGE = `Aufruf: npm run demo [-- --als kora|anna|bert|clara|ilse|otto] [--weiter] [--importiert]
  --als NAME     als wer das Playground startet (auch INTM_DEMO_USER); Standard: kora
  --weiter       die Daten des letzten Laufs behalten (sonst wird data/demo-teams/ neu angelegt)
  --importiert   den Export gleich importieren (weiter mit „listen versenden“)
Umgebung: PORT (Bot, Standard 3978), INTM_DEMO_PLAYGROUND_PORT (Standard 56150), INTM_DEMO_DIR (Ordner, Standard data/demo-teams),
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

function firstSteps(who: CastMember, sendFile: string, imported: boolean): string {
  const rel = (p: string) => path.relative(process.cwd(), p) || p;
  if (who.role === 'koordination') {
    return [
      '  1. Links „Personal Chat“: „hilfe“ schreiben – die Befehle der Koordinierungsstelle.',
      imported
        ? '  2. (Der Export ist schon importiert.)'
        : `  2. Export senden (Schritt 1): Das Playground kann keine Dateien hochladen. Oben „Mock an Activity“ →\n` +
          `     „Custom activity“, den ganzen Inhalt durch ${rel(sendFile)} ersetzen, „Send activity“.\n` +
          '     Oder kürzer: hier im Terminal „datei“ eintippen. Der Bot antwortet mit dem Importbericht.',
      '  3. „listen versenden“ – die Statuskarte aller Gemeinden erscheint im Kanal „Gemeinden“.',
      '  4. Dann als Gemeinde weiter: hier „anna“ eintippen (Playground startet neu), Seite neu laden.',
      '  Später: „status“, „berechnen“ (Schaltfläche „Veröffentlichen“; solange nicht alle eingereicht haben,',
      '  „Trotzdem vorläufig veröffentlichen“), „statusbericht“ (in „General“).',
    ].join('\n');
  }
  if (who.role === 'gemeinde') {
    return [
      '  1. Links „Personal Chat“: Ihre Liste steht dort, sobald Kora die Listen versendet hat; „liste“ zeigt sie jederzeit.',
      '     Auf der Karte: „Streichen“ (mit Grund), „Kind nachtragen“, „Liste einreichen“.',
      '  2. Im Kanal „Gemeinden“ den Bot erwähnen: „@IntM-Bot liste“ (Kanäle liefern nur Nachrichten mit @-Erwähnung).',
      '  3. Nach der Veröffentlichung: die Übersicht im Kanal „Gemeinden“, die Entscheidungskarte im Personal Chat;',
      '     „Wie hoch ist unsere voraussichtliche Förderung?“ und „entscheidung“.',
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
  const dir = path.resolve(process.env.INTM_DEMO_DIR?.trim() || path.join(projectRoot(), 'data', 'demo-teams'));
  const botPort = Number(process.env.PORT ?? 3978);
  if (!(await portFree(botPort))) {
    throw new Error(`Port ${botPort} ist belegt – läuft schon ein Bot oder eine Demo? Anderer Port: PORT=3988 npm run demo`);
  }
  const wantedPlaygroundPort = Number(process.env.INTM_DEMO_PLAYGROUND_PORT ?? 56150);
  const playgroundPort = (await portFree(wantedPlaygroundPort, '0.0.0.0')) ? wantedPlaygroundPort : await freePort();
  const logFile = path.join(dir, 'bot.log');
  const rel = (p: string) => path.relative(process.cwd(), p) || p;

  let shutdown: (code: number) => Promise<void> = async (code) => process.exit(code);
  const session = new DemoSession({
    dir,
    clock,
    als: castMember(options.als),
    weiter: options.weiter,
    importiert: options.importiert,
    botPort,
    playgroundPort,
    locale: (process.env.INTM_DEMO_LOCALE ?? 'de-DE').trim(),
    // The bot's JSON log lines go to a file: the terminal is for the person trying the demo (the folder exists once the session started).
    logger: fileLogger(logFile),
    onPlaygroundExit: (code) => {
      console.error(`\nDas Playground wurde unerwartet beendet (Status ${code}); siehe ${rel(path.join(dir, 'playground.log'))}.`);
      void shutdown(1);
    },
    onReplay: (who, replayed) => {
      const told = replayLine(who, replayed);
      if (told) console.log(told);
    },
  });

  let stopping = false;
  shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nDemo wird beendet … (noch einmal Strg+C bricht ab)');
    await session.stop();
    console.log('Beendet. (Bot und Playground sind gestoppt.)');
    process.exit(code);
  };
  let interrupts = 0;
  const onSignal = () => {
    interrupts++;
    if (interrupts > 1) {
      // A second Ctrl-C: do not wait any longer.
      session.kill();
      process.exit(130);
    }
    void shutdown(0);
  };
  // Ctrl-C reaches the whole process group; `kill -INT` to npm reaches this process because the npm
  // script execs node (no shell in between that would keep the signal to itself).
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  // Should npm (or whatever started this) end without passing a signal on, the demo stops itself.
  const parent = process.ppid;
  setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      void shutdown(0);
    }
  }, 1000).unref();

  await session.start();
  const current = session.current;
  const gemeinden = CAST.filter((c) => c.role === 'gemeinde').map((c) => `${c.key} (${c.name.split(' ')[1]})`).join(', ');
  const locale = (process.env.INTM_DEMO_LOCALE ?? 'de-DE').trim();
  console.log(
    [
      '',
      `IntM-Bot im Microsoft 365 Agents Playground – Berechnungsjahr ${session.year}, erfundene Daten (Stand ${formatDate(clock.today())})`,
      '',
      `  ➜  Öffnen Sie ${session.url} im Browser.`,
      `     (English: open ${session.url} in your browser; type "hilfe" in the personal chat. Ctrl-C stops the demo.)`,
      '',
      `  Sie sind: ${current.name} – ${current.description}.`,
      firstSteps(current, session.sendFile, options.importiert && session.fresh),
      '',
      `  Kanäle im Team „Integrationsmanagement LRA“: „General“ = Kanal der Koordinierungsstelle, „Gemeinden“ = Kanal der Gemeinden`,
      `  (beide schon registriert; neu registrieren mit „@IntM-Bot kanal registrieren koordination|gemeinden“).`,
      `  Person wechseln: hier eintippen – kora (Koordinierungsstelle), ${gemeinden}, otto (ohne Rolle) –,`,
      '  dann die Seite im Browser neu laden. Bot und Daten laufen weiter; das Playground hat keinen Verlauf,',
      '  deshalb schickt der Bot beim Öffnen den aktuellen Stand noch einmal (Kanalkarten, Übersicht, offene Karten).',
      '',
      `  Bot:     ${session.bot.url}/api/messages (lokal, ohne Anmeldung)   Log: ${rel(logFile)}`,
      `  Daten:   ${rel(session.dataDir)}${session.fresh ? ' (neu angelegt)' : ' (vom letzten Lauf, --weiter)'}`,
      `  Export:  ${rel(session.exportFile)}`,
      locale && !/^en/i.test(locale) ? '  Sprache: Das Playground meldet immer „en-US“; die Demo reicht dem Bot „de-DE“ weiter (INTM_DEMO_LOCALE=en-US für Englisch).' : '',
      '  Beenden: Strg+C',
      '',
    ].join('\n'),
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
      const before = session.current;
      const answer = await session.command(word);
      if (answer) console.log(answer);
      if (session.current !== before || CAST.some((c) => c.key === word)) {
        const who = session.current;
        console.log(`\n  Jetzt sind Sie ${who.name} – ${who.description}. Seite ${session.url} neu laden.`);
        console.log(firstSteps(who, session.sendFile, false));
      }
    } catch (e) {
      console.error(`  Fehler: ${(e as Error).message}`);
    } finally {
      busy = false;
    }
  });
}

/** One line for the terminal: what the bot sent again for the person who opened the Playground. */
function replayLine(who: CastMember, r: Replayed): string {
  const parts = [
    r.channelCard ? 'die Statuskarte im Kanal „Gemeinden“' : '',
    r.overview ? 'die veröffentlichte Übersicht' : '',
    r.listCard ? 'die Liste im Personal Chat' : '',
    r.decisionCard ? 'die Entscheidungskarte im Personal Chat' : '',
  ].filter(Boolean);
  return parts.length ? `  (Stand für ${who.name} erneut gesendet: ${parts.join(', ')}.)` : '';
}

main().catch((e) => {
  console.error(`Die Demo konnte nicht starten: ${(e as Error).message}`);
  process.exit(1);
});

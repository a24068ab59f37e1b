/**
 * `intm store copy --from <Datenverzeichnis | postgres://…> --to <…>`: moves a whole store between
 * the embedded one and PostgreSQL (see app/storeCopy.ts). Needs neither INTM_DATABASE_URL nor
 * --data-dir: both ends are named explicitly.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { copyStore } from '../../app/storeCopy';
import type { Clock } from '../../app/ports';
import { DomainError } from '../../domain/errors';
import { formatEuro } from '../../domain/money';
import { loadVerzeichnis } from '../../storage/gemeindenCsv';
import { describeStore, openStore, OpenedStore, storeAt } from '../../storage/stores';
import * as a from '../args';
import type { CliIo } from '../io';
import { Refusal, UsageError } from '../io';

export const STORE_USAGE = `intm store copy --from QUELLE --to ZIEL
  kopiert den ganzen Speicher – alle Jahre mit Listen, Änderungsprotokollen und Entscheidungen, die
  Rollen und die Gesprächsbezüge des Bots – in einen leeren Speicher und prüft danach, dass beide
  dasselbe enthalten. QUELLE und ZIEL sind je ein Datenverzeichnis oder eine PostgreSQL-URL
  (postgres://benutzer@host:5432/datenbank?sslmode=verify-full). Den Bot vorher anhalten.`;

export async function storeCommand(io: CliIo, sub: string | undefined, argv: string[], clock: Clock): Promise<number> {
  if (sub !== 'copy') throw new UsageError(sub ? `Unbekannter Unterbefehl „store ${sub}“.` : 'Bitte „store copy“ angeben.', STORE_USAGE);
  const p = a.parse(argv, { from: { type: 'string' }, to: { type: 'string' } }, STORE_USAGE);
  const from = storeAt(a.required(p, 'from', STORE_USAGE));
  const to = storeAt(a.required(p, 'to', STORE_USAGE));
  if (describeStore(from) === describeStore(to)) throw new DomainError('store.sameStore');
  if (from.kind === 'embedded') checkSourceDir(from.dataDir);
  if (to.kind === 'embedded') checkTargetDir(to.dataDir);
  const opened: OpenedStore[] = [];
  try {
    const source = await openStore(from);
    opened.push(source);
    const target = await openStore(to);
    opened.push(target);
    const s = await copyStore(source, target, { verzeichnis: loadVerzeichnis(), clock }, describeStore(to));
    io.out(
      `Kopiert von ${describeStore(from)} nach ${describeStore(to)}: ` +
        `${s.years.length} Jahr(e)${s.years.length ? ` (${s.years.join(', ')})` : ''}, ${s.persons.toLocaleString('de-DE')} Personen, ` +
        `${s.changes.toLocaleString('de-DE')} Einträge im Änderungsprotokoll, ${s.documents} weitere Dokument(e), ${s.files} Datei(en) zu Verwendungsnachweisen; ` +
        `Zuteilung zusammen ${formatEuro(s.allocation)}. Quelle und Ziel stimmen überein.`,
    );
    return 0;
  } finally {
    for (const store of opened) await store.close();
  }
}

/** The source must be an existing data directory of IntM-Bot: opening creates one, which a typo must not do. */
function checkSourceDir(dir: string): void {
  if (!existsSync(path.join(dir, 'meta.json'))) throw new Refusal(`„${dir}“ ist kein Datenverzeichnis von IntM-Bot (--from).`);
}

/** The target directory may be new or empty (or an empty data store; copyStore checks that): never a folder with other files. */
function checkTargetDir(dir: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new Refusal(`„${dir}“ ist kein Verzeichnis (--to).`);
  const own = readdirSync(dir).filter((n) => n !== 'lost+found' && !n.startsWith('.'));
  if (own.length && !own.includes('meta.json')) throw new Refusal(`„${dir}“ enthält andere Dateien und ist kein Datenverzeichnis von IntM-Bot (--to); bitte ein leeres oder neues Verzeichnis angeben.`);
}

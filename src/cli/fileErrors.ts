/**
 * File-system failures the user can fix – a missing folder, missing permissions, a folder where a file
 * should be – as German sentences naming the path, instead of "Interner Fehler".
 */
import path from 'node:path';

type ErrnoError = NodeJS.ErrnoException & { dest?: string };

function errno(e: unknown): ErrnoError | undefined {
  // Not `instanceof Error`: errors of Node's own modules can come from another realm (under Jest).
  return typeof e === 'object' && e !== null && typeof (e as ErrnoError).code === 'string' ? (e as ErrnoError) : undefined;
}

/** The paths a failed call names (`rename` and `symlink` name two). */
function pathsOf(e: ErrnoError): string[] {
  return [e.path, e.dest].filter((p): p is string => typeof p === 'string').map((p) => path.resolve(p));
}

/**
 * Why the output file `out` could not be written, or undefined when the failure is not about it. The
 * workbook goes first to a temporary file beside `out` (`out.<pid>.<time>.tmp`), then is renamed to it.
 */
export function outputFileProblem(e: unknown, out: string): string | undefined {
  const err = errno(e);
  if (!err || !pathsOf(err).some((p) => p === out || p.startsWith(out + '.'))) return undefined;
  const dir = path.dirname(out);
  const cannot = `Die Datei „${out}“ kann nicht geschrieben werden`;
  switch (err.code) {
    case 'ENOENT':
      return `${cannot}: das Verzeichnis „${dir}“ gibt es nicht.`;
    case 'ENOTDIR':
      return `${cannot}: „${dir}“ ist kein Verzeichnis (ein Teil des Pfads ist eine Datei).`;
    case 'EISDIR':
      return `„${out}“ ist ein Verzeichnis. Bitte geben Sie mit --out einen Dateinamen an.`;
    case 'EACCES':
    case 'EPERM':
      return `${cannot}: Ihnen fehlen die Schreibrechte im Verzeichnis „${dir}“ (oder für die Datei).`;
    case 'EROFS':
      return `${cannot}: das Verzeichnis „${dir}“ ist schreibgeschützt.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `${cannot}: auf dem Datenträger ist kein Platz mehr.`;
    default:
      return undefined;
  }
}

/** A data directory the user may not read or write (permissions, a read-only disk), or undefined. */
export function dataDirProblem(e: unknown, dataDir: string): string | undefined {
  const err = errno(e);
  const root = path.resolve(dataDir);
  const inside = err && pathsOf(err).find((p) => p === root || p.startsWith(root + path.sep));
  if (!err || !inside) return undefined;
  const where = inside === root ? '' : ` (betroffen: „${inside}“)`;
  switch (err.code) {
    case 'EACCES':
    case 'EPERM':
      return `Auf das Datenverzeichnis „${root}“ haben Sie nicht die nötigen Zugriffsrechte${where}. Bitte rufen Sie intm mit dem Benutzerkonto auf, dem das Datenverzeichnis gehört, oder wenden Sie sich an den Betrieb.`;
    case 'EROFS':
      return `Das Datenverzeichnis „${root}“ ist schreibgeschützt${where}. Bitte wenden Sie sich an den Betrieb.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `Im Datenverzeichnis „${root}“ ist kein Platz mehr${where}. Bitte wenden Sie sich an den Betrieb.`;
    default:
      return undefined;
  }
}

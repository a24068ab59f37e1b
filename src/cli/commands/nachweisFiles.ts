/**
 * `intm verwendungsnachweis files|attach|remove-file`: the PDF files attached to a Gemeinde's
 * Verwendungsnachweis on the command line – listed, saved into a folder for the Koordinierungsstelle's
 * records, or attached when a Gemeinde sent one by mail. Same service as the bot.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { NachweisFile } from '../../app/ports';
import { formatDateFor } from '../../domain/dates';
import { fileSizeText } from '../../i18n/nachweisFiles';
import { translate } from '../../i18n/messages';
import * as a from '../args';
import type { CommandEnv } from '../io';
import { Refusal, UsageError } from '../io';

const USAGE = 'intm verwendungsnachweis files|attach|remove-file --year Y --gemeinde AGS|NAME [--out ORDNER | --file DATEI.pdf | --sha256 HASH]';

function line(f: NachweisFile): string {
  return `  ${f.name} (${fileSizeText(f.size)}), ${formatDateFor(f.uploadedAt.slice(0, 10), 'de')} von ${f.uploadedBy.name} · sha256 ${f.sha256}`;
}

/** Names in the folder: the listed name, numbered where two files share one. */
function outNames(files: readonly NachweisFile[]): string[] {
  const seen = new Map<string, number>();
  return files.map((f) => {
    const n = (seen.get(f.name.toLowerCase()) ?? 0) + 1;
    seen.set(f.name.toLowerCase(), n);
    return n === 1 ? f.name : `${f.name.slice(0, -4)} (${n}).pdf`;
  });
}

export async function nachweisFilesCommand(env: CommandEnv, sub: 'files' | 'attach' | 'remove-file', year: number, ags: string, p: a.Parsed): Promise<number> {
  const service = env.app.verwendungsnachweis;
  const opts = { actor: env.actor };
  const gemeinde = env.app.ctx.verzeichnis.byKey(ags)?.name ?? ags;
  if (sub === 'attach') {
    const file = a.required(p, 'file', USAGE);
    const bytes = await readFile(file).catch(() => {
      throw new Refusal(`Die Datei „${file}“ kann nicht gelesen werden.`);
    });
    const out = await service.attach(year, ags, { name: path.basename(file), bytes }, opts);
    env.io.out(out.stored ? translate('vn.fileStored', { name: out.file.name, size: out.file.size, year, gemeinde }) : translate('vn.fileDuplicate', { name: out.file.name }));
    return 0;
  }
  if (sub === 'remove-file') {
    const sha256 = a.required(p, 'sha256', USAGE).toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new UsageError('--sha256: 64 Hexadezimalzeichen (siehe „files“).', USAGE);
    const left = await service.removeFile(year, ags, sha256, opts);
    env.io.out(`Datei entfernt; noch ${left.length} Datei(en) angehängt.`);
    return 0;
  }
  const { ags: filed, files } = await service.files(year, ags, env.actor);
  if (!files.length) {
    env.io.out(translate('vn.fileListEmpty', { year, gemeinde: env.app.ctx.verzeichnis.byKey(filed)?.name ?? filed }));
    return 0;
  }
  env.io.out(translate('vn.fileList', { count: files.length }));
  for (const f of files) env.io.out(line(f));
  const dir = a.optional(p, 'out');
  if (!dir) return 0;
  const target = path.resolve(dir);
  try {
    await mkdir(target, { recursive: true });
    const names = outNames(files);
    for (const [i, f] of files.entries()) {
      const { bytes } = await service.readFile(year, filed, f.sha256, env.actor);
      // `wx`: an existing file in the folder is not overwritten.
      await writeFile(path.join(target, names[i]), bytes, { flag: 'wx' });
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new Refusal(`Im Ordner „${target}“ liegt bereits eine Datei gleichen Namens; bitte einen leeren Ordner angeben.`);
    if (code === 'EACCES' || code === 'ENOTDIR' || code === 'EROFS') throw new Refusal(`In den Ordner „${target}“ kann nicht geschrieben werden.`);
    throw e;
  }
  env.io.out(`${files.length} Datei(en) gespeichert in ${target}.`);
  return 0;
}

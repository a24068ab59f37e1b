/** `intm export overview|list`: the workbooks of step 6. */
import path from 'node:path';
import { resolveAgs } from '../../app/context';
import * as a from '../args';
import { outputFileProblem } from '../fileErrors';
import type { CommandEnv } from '../io';
import { UsageError } from '../io';

export const EXPORT_USAGE = `intm export overview --year Y --out DATEI.xlsx
intm export list --year Y --ags AGS --out DATEI.xlsx
intm export verwendungsnachweis --year Y --out DATEI.xlsx   (Gesamtverwendungsnachweis)`;

export async function exportCommand(env: CommandEnv, sub: string | undefined, argv: string[]): Promise<number> {
  const p = a.parse(argv, { year: { type: 'string' }, ags: { type: 'string' }, out: { type: 'string' } }, EXPORT_USAGE);
  const year = a.year(p, EXPORT_USAGE);
  const out = path.resolve(a.required(p, 'out', EXPORT_USAGE));
  if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError('--out: die Datei muss auf .xlsx enden.', EXPORT_USAGE);
  try {
    if (sub === 'overview') {
      const report = await env.app.exports.overview(year, out, env.actor);
      env.io.out(`Übersicht ${year}${report.provisional ? ' (vorläufig)' : ''} geschrieben: ${out}`);
    } else if (sub === 'list') {
      const ags = resolveAgs(env.app.ctx, a.required(p, 'ags', EXPORT_USAGE));
      await env.app.exports.list(year, ags, out, env.actor);
      env.io.out(`Liste ${ags} (${env.app.ctx.verzeichnis.byKey(ags)!.name}) geschrieben: ${out}`);
    } else if (sub === 'verwendungsnachweis') {
      await env.app.verwendungsnachweis.exportWorkbook(year, out, env.actor);
      env.io.out(`Gesamtverwendungsnachweis ${year} geschrieben: ${out}`);
    } else {
      throw new UsageError(sub ? `Unbekannter Export „${sub}“.` : 'Welcher Export: overview, list oder verwendungsnachweis?', EXPORT_USAGE);
    }
  } catch (e) {
    const problem = outputFileProblem(e, out);
    if (!problem) throw e;
    env.io.err(problem);
    return 1;
  }
  return 0;
}

/**
 * `npm run demo`: the year's procedure on invented data, through the same `intm` commands an operator
 * types, so a newcomer sees every step and its output in a minute. Writes to data/demo/ (git-ignored).
 */
import { rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../cli/main';
import { formatDate } from '../domain/dates';
import { defaultPeriod } from '../domain/campaign';
import { loadVerzeichnis } from '../storage/gemeindenCsv';
import { projectRoot } from '../storage/paths';
import { systemClock } from '../storage/systemClock';
import { syntheticExport, writeSyntheticXlsx } from './syntheticExport';

/** The Berechnungsjahr whose procedure runs now: lists go out in December two years before it. */
export function currentBerechnungsjahr(today: string): number {
  const [year, month] = today.split('-').map(Number);
  return month >= 6 ? year + 2 : year + 1;
}

async function main(): Promise<void> {
  const dir = path.join(projectRoot(), 'data', 'demo');
  const dataDir = path.join(dir, 'daten');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const year = currentBerechnungsjahr(systemClock.today());
  const Y = String(year);

  const io = { out: (t: string) => console.log(indent(t)), err: (t: string) => console.log(indent(t)), env: process.env };
  const quiet = { out: () => undefined, err: (t: string) => console.error(t), env: process.env };
  const intm = async (args: string[], show = true) => {
    if (show) console.log(`\n$ intm ${args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}`);
    const code = await runCli(['--data-dir', dataDir, ...args], show ? io : quiet);
    if (code !== 0) throw new Error(`intm ${args[0]} endete mit Status ${code}`);
  };

  console.log(`IntM-Bot – Demo des Verfahrens für das Berechnungsjahr ${year} mit erfundenen Daten`);
  console.log(`Datenverzeichnis: ${path.relative(process.cwd(), dataDir) || dataDir}`);

  await intm(['campaign', 'create', '--year', Y, '--landesmittel', '40.000.000', '--quote', '3,77']);

  const verzeichnis = loadVerzeichnis();
  const period = defaultPeriod(year);
  const exp = syntheticExport({ seed: year, gemeinden: verzeichnis.all, period, persons: 2500, outsideShare: 0.01 });
  const exportFile = path.join(dir, `schritt1-export-${year}.xlsx`);
  await writeSyntheticXlsx(exp, exportFile);
  console.log(`\n(Schritt 1: erfundener Export des Landratsamts mit ${exp.persons.length} Personen: ${path.relative(process.cwd(), exportFile)})`);
  await intm(['import', exportFile, '--year', Y]);
  await intm(['review', 'mark-sent', '--year', Y]);

  // Step 3 in Abstatt: one person moved away, a child was born later.
  const inPeriod = (p: (typeof exp.persons)[number]) => p.assignmentDate >= period.start && p.assignmentDate <= period.end;
  const abstatt = exp.persons.filter((p) => p.ags === '08125001' && inPeriod(p));
  const parent = abstatt.slice(1).find((p) => p.assignmentDate < `${year - 3}-06-01`) ?? abstatt[1];
  await intm(['review', 'strike', '--year', Y, '--person', abstatt[0].id, '--reason', 'weggezogen', '--by', 'Sachbearbeitung Abstatt']);
  await intm(['review', 'add-child', '--year', Y, '--parent', parent.id, '--surname', parent.surname, '--given', 'Lina', '--born', `${year - 3}-11-20`, '--by', 'Sachbearbeitung Abstatt']);
  await intm(['review', 'submit', '--year', Y, '--ags', 'Abstatt', '--by', 'Sachbearbeitung Abstatt']);
  console.log('\n(Die übrigen 45 Gemeinden reichen ihre Listen unverändert ein.)');
  for (const g of verzeichnis.all.filter((x) => x.ags !== '08125001')) {
    await intm(['review', 'submit', '--year', Y, '--ags', g.ags, '--by', `Sachbearbeitung ${g.name}`], false);
  }

  await intm(['allocate', '--year', Y]);
  await intm(['publish', '--year', Y]);
  await intm(['decide', '--year', Y, '--ags', 'Abstatt', '--choice', 'verbund', '--vzae', '0,5', '--partners', 'Cleebronn,Ilsfeld', '--by', 'Bürgermeisteramt Abstatt']);
  await intm(['decide', 'confirm', '--year', Y, '--ags', 'Cleebronn', '--lead', 'Abstatt', '--by', 'Bürgermeisteramt Cleebronn']);
  await intm(['decide', 'show', '--year', Y, '--ags', 'Eppingen']);
  await intm(['status', '--year', Y]);
  const overview = path.join(dir, `uebersicht-${year}.xlsx`);
  const list = path.join(dir, `liste-abstatt-${year}.xlsx`);
  await intm(['export', 'overview', '--year', Y, '--out', overview]);
  await intm(['export', 'list', '--year', Y, '--ags', 'Abstatt', '--out', list]);
  await intm(['audit', '--year', Y, '--ags', 'Abstatt']);
  console.log(
    `\nFertig (${formatDate(systemClock.today())}). Öffnen Sie ${path.relative(process.cwd(), overview)} in Excel: ` +
      'die Beträge sind dort als Formeln nachgerechnet. Weiter mit: npm run -s intm -- help',
  );
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => '  ' + l)
    .join('\n');
}

main().catch((e) => {
  console.error(`Die Demo ist fehlgeschlagen: ${(e as Error).message}`);
  process.exitCode = 1;
});

/**
 * One measured read of the step-1 file, in a process of its own so its peak memory (maxRSS) belongs
 * to this reader alone. Started by bench/import.ts:
 *
 *   node --expose-gc dist/bench/importChild.js ours|exceljs|exceljs-ordered FILE SEED
 *
 * Prints one line of JSON: milliseconds, rows, peak RSS and the heap still in use afterwards.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { defaultPeriod } from '../src/domain/campaign';
import { GemeindeVerzeichnis } from '../src/domain/gemeinden';
import { inventedGemeinden } from '../src/demo/syntheticExport';
import { readStep1 } from '../src/excel/tableReader';

export const YEAR = 2025;
/** After every date of the export (birth dates run at most 300 days past the period's end). */
const TODAY = '2024-01-10';

/** Our importer, as the application uses it: the upload's bytes → validated persons. */
async function ours(file: string, seed: number) {
  const rules = { verzeichnis: new GemeindeVerzeichnis(inventedGemeinden(1101, seed)), period: defaultPeriod(YEAR), today: TODAY };
  const start = performance.now();
  const outcome = await readStep1(await readFile(file), path.basename(file), rules);
  const ms = performance.now() - start;
  if (!outcome.ok) throw new Error(`import refused: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
  return { ms, rows: outcome.rowsRead, kept: outcome };
}

/** exceljs's own streaming read with its defaults: every row of the first worksheet, values touched. */
async function exceljs(file: string) {
  const start = performance.now();
  let rows = 0;
  let cells = 0;
  for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(file, {})) {
    for await (const row of sheet) {
      rows++;
      for (const value of row.values as unknown[]) if (value !== undefined && value !== null) cells++;
    }
    break; // the first worksheet only
  }
  const ms = performance.now() - start;
  // The header is a row here; our importer counts data rows only.
  return { ms, rows: rows - 1, kept: cells };
}

async function main(): Promise<void> {
  const [mode, file, seed] = process.argv.slice(2);
  // exceljs-ordered: the same read, of the reordered copy bench/import.ts wrote.
  const result = mode === 'ours' ? await ours(file, Number(seed)) : mode.startsWith('exceljs') ? await exceljs(file) : undefined;
  if (!result) throw new Error(`unknown mode ${mode}`);
  // Collected first, so heapUsed is what the result keeps alive (our import keeps its persons).
  global.gc?.();
  const heapUsed = process.memoryUsage().heapUsed;
  void result.kept;
  // maxRSS is in kilobytes.
  console.log(JSON.stringify({ mode, ms: result.ms, rows: result.rows, maxRss: process.resourceUsage().maxRSS * 1024, heapUsed }));
}

// Only when started as the child, not when bench/import.ts imports the constants above.
if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}

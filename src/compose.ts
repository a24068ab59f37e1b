/** Wires the application to its adapters: lowdb storage, Excel files, the system clock. */
import { IntmApp } from './app';
import type { Clock } from './app/ports';
import { ExcelWorkbookWriter } from './excel/workbookWriter';
import { SpreadsheetTableReader } from './excel/tableReader';
import { loadVerzeichnis } from './storage/gemeindenCsv';
import { LowdbRepository } from './storage/lowdbRepository';
import { resolveDataDir } from './storage/paths';
import { fixedClock, frozenNow, systemClock } from './storage/systemClock';

export interface OpenOptions {
  dataDir?: string;
  clock?: Clock;
  coordinators?: readonly string[];
}

/** `INTM_NOW` (an ISO timestamp) freezes the clock: for demos and tests of deadlines, never in production (the bot refuses it without INTM_LOCAL=1). */
export function clockFromEnvironment(): Clock {
  const frozen = frozenNow(process.env);
  return frozen ? fixedClock(frozen) : systemClock;
}

export async function openApp(options: OpenOptions = {}): Promise<IntmApp> {
  const repo = await LowdbRepository.open(resolveDataDir(options.dataDir));
  return new IntmApp({
    repo,
    clock: options.clock ?? clockFromEnvironment(),
    verzeichnis: loadVerzeichnis(),
    tableReader: new SpreadsheetTableReader(),
    workbooks: new ExcelWorkbookWriter(),
    coordinators: options.coordinators ?? [],
  });
}

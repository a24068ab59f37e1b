/** Wires the application to its adapters: the configured store (stores.ts), Excel files, the system clock. */
import { IntmApp } from './app';
import type { Clock } from './app/ports';
import { ExcelWorkbookWriter } from './excel/workbookWriter';
import { SpreadsheetTableReader } from './excel/tableReader';
import { loadVerzeichnis } from './storage/gemeindenCsv';
import { configuredStore, openStore, type StoreLocation } from './storage/stores';
import { fixedClock, frozenNow, systemClock } from './storage/systemClock';

export interface OpenOptions {
  dataDir?: string;
  /** The store to use; by default the configured one (INTM_DATABASE_URL, else the data directory). */
  store?: StoreLocation;
  clock?: Clock;
  coordinators?: readonly string[];
}

/** `INTM_NOW` (an ISO timestamp) freezes the clock: for demos and tests of deadlines, never in production (the bot refuses it without INTM_LOCAL=1). */
export function clockFromEnvironment(): Clock {
  const frozen = frozenNow(process.env);
  return frozen ? fixedClock(frozen) : systemClock;
}

export async function openApp(options: OpenOptions = {}): Promise<IntmApp> {
  const repo = await openStore(options.store ?? configuredStore(process.env, options.dataDir));
  return new IntmApp({
    repo,
    coordination: repo.coordination(),
    clock: options.clock ?? clockFromEnvironment(),
    verzeichnis: loadVerzeichnis(),
    tableReader: new SpreadsheetTableReader(),
    workbooks: new ExcelWorkbookWriter(),
    coordinators: options.coordinators ?? [],
  });
}

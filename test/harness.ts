/** A real application over a temporary data directory, with a clock the test controls. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IntmApp } from '../src/app';
import { ExcelWorkbookWriter } from '../src/excel/workbookWriter';
import { SpreadsheetTableReader } from '../src/excel/tableReader';
import { LowdbRepository } from '../src/storage/lowdbRepository';
import { fixedClock } from '../src/storage/systemClock';
import { coordinator, listWith, person, verzeichnis } from './fixtures';

export function tempDir(prefix = 'intm-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface Harness {
  app: IntmApp;
  repo: LowdbRepository;
  clock: ReturnType<typeof fixedClock>;
  dataDir: string;
  cleanup(): Promise<void>;
}

/** Default instant: 10.01.2024, during the review of Berechnungsjahr 2025. */
export async function openHarness(at = '2024-01-10T09:00:00.000Z', dataDir = tempDir()): Promise<Harness> {
  const repo = await LowdbRepository.open(dataDir);
  const clock = fixedClock(at);
  const app = new IntmApp({ repo, clock, verzeichnis, tableReader: new SpreadsheetTableReader(), workbooks: new ExcelWorkbookWriter() });
  return {
    app,
    repo,
    clock,
    dataDir,
    async cleanup() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates campaign 2025 and stores lists with `perGemeinde` invented persons for each Gemeinde (ids `<ags>-<n>`). */
export async function seed(h: Harness, perGemeinde = 5, gemeinden = verzeichnis.all.map((g) => g.ags)): Promise<void> {
  await h.app.campaigns.create({ year: 2025, kreisAmount: '1508000' }, { actor: coordinator });
  const lists = gemeinden.map((ags) =>
    listWith(
      ags,
      Array.from({ length: perGemeinde }, (_, i) => person(`${ags}-${i + 1}`, { householdId: `${ags}-H${Math.floor(i / 3) + 1}` })),
    ),
  );
  await h.repo.replaceLists(2025, lists, (current) => ({ next: { ...current, revision: current.revision + 1 }, result: undefined }));
}

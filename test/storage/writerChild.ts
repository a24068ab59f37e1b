/**
 * A separate process that strikes persons through the real application and prints `ACK <id>` once each
 * strike has returned (i.e. is acknowledged). Used by the crash and multi-process tests; run from dist/.
 * Usage: node writerChild.js DATA_DIR AGS CONCURRENCY ID...
 */
import { openApp } from '../../src/compose';
import { fixedClock } from '../../src/storage/systemClock';

async function main(): Promise<void> {
  const [dataDir, ags, concurrencyText, ...ids] = process.argv.slice(2);
  const app = await openApp({ dataDir, clock: fixedClock('2024-01-10T09:00:00.000Z') });
  const actor = { id: `aad-${ags}`, name: 'Kindprozess', role: 'gemeinde' as const, ags };
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++];
      await app.review.strike(2025, ags, { personId: id, reason: 'weggezogen' }, { actor, opId: `kill-${id}` });
      process.stdout.write(`ACK ${id}\n`);
    }
  };
  await Promise.all(Array.from({ length: Number(concurrencyText) }, worker));
  await app.close();
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exitCode = 1;
});

/**
 * A second bot instance's outbox, in a process of its own (file locks are per process): claims the
 * outbox `ROUNDS` times, prints `CLAIM <year>` for each item it got, puts every other one back
 * (`KEEP <year>`, printed once kept) and reports the rest delivered (`done`) – as an instance whose sends partly fail. Run from dist/.
 * Usage: node outboxChild.js DATA_DIR ROUNDS
 */
import { Outbox } from '../../src/bot/outbox';
import { openApp } from '../../src/compose';
import { fixedClock } from '../../src/storage/systemClock';

async function main(): Promise<void> {
  const [dataDir, roundsText] = process.argv.slice(2);
  const app = await openApp({ dataDir, clock: fixedClock('2024-01-10T09:00:00.000Z') });
  const outbox = new Outbox(app.ctx.repo, () => app.ctx.clock.now());
  for (let round = 0; round < Number(roundsText); round++) {
    const claimId = `child-${process.pid}-${round}`;
    const items = await outbox.claim(claimId);
    for (const item of items) process.stdout.write(`CLAIM ${item.year}\n`);
    const back = items.filter((_, k) => k % 2 === 0);
    await outbox.keep(back);
    for (const item of back) process.stdout.write(`KEEP ${item.year}\n`);
    await outbox.done(claimId, items.filter((_, k) => k % 2 === 1));
  }
  await app.close();
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exitCode = 1;
});

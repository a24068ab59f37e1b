/**
 * Durability against real processes: a writer killed with SIGKILL mid-burst, and two processes writing
 * the same list at once. The child runs from dist/ (built by `npm test`'s tsc step).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { countList } from '../../src/domain/list';
import { ABSTATT, coordinator } from '../fixtures';
import { Harness, openHarness, seed } from '../harness';

const CHILD = path.join(__dirname, '..', '..', 'dist', 'test', 'storage', 'writerChild.js');

function run(args: string[]): { child: ChildProcess; acks: string[]; done: Promise<number | null> } {
  const child = spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const acks: string[] = [];
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) if (line.startsWith('ACK ')) acks.push(line.slice(4));
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      if (code) process.stderr.write(stderr);
      resolve(code);
    }),
  );
  return { child, acks, done };
}

let h: Harness;
const N = 300;
const ids = Array.from({ length: N }, (_, i) => `${ABSTATT}-${i + 1}`);

beforeAll(() => {
  if (!existsSync(CHILD)) throw new Error(`${CHILD} fehlt: bitte mit "npm test" (baut dist/) ausführen.`);
});
beforeEach(async () => {
  h = await openHarness();
  await seed(h, N, [ABSTATT]);
});
afterEach(() => h.cleanup());

async function allJsonValid(dir: string): Promise<void> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.json')) {
      const file = path.join(entry.parentPath, entry.name);
      expect(() => JSON.parse(require('node:fs').readFileSync(file, 'utf8'))).not.toThrow();
    }
  }
}

test('a writer killed with SIGKILL mid-burst leaves valid files with every acknowledged change', async () => {
  const { child, acks, done } = run([h.dataDir, ABSTATT, '4', ...ids]);
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (acks.length >= 40) {
        clearInterval(timer);
        child.kill('SIGKILL');
        resolve();
      }
    }, 2);
    child.on('exit', () => {
      clearInterval(timer);
      if (acks.length < 40) reject(new Error('child ended before the kill'));
    });
  });
  await done;
  const acknowledged = [...acks];
  expect(acknowledged.length).toBeGreaterThanOrEqual(40);
  expect(acknowledged.length).toBeLessThan(N);

  await allJsonValid(h.dataDir);
  // Reopen as a fresh process would (a new repository on the same directory).
  const reopened = await openHarness('2024-01-10T09:00:00.000Z', h.dataDir);
  const list = await reopened.app.review.getList(2025, ABSTATT, { actor: coordinator });
  const struck = new Set(list.persons.filter((p) => p.strike).map((p) => p.id));
  for (const id of acknowledged) expect(struck.has(id)).toBe(true);
  // Nothing beyond what was in flight: at most the 4 concurrent writes may have landed unacknowledged.
  expect(struck.size - acknowledged.length).toBeLessThanOrEqual(4);
  expect((await reopened.repo.readListHistory(2025, ABSTATT)).filter((e) => e.action === 'person.strike')).toHaveLength(struck.size);

  // The stale lock left by the killed process does not block the next writer.
  const after = await reopened.app.review.strike(2025, ABSTATT, { personId: ids[N - 1], reason: 'doppelt' }, { actor: coordinator });
  expect(after.changed || struck.has(ids[N - 1])).toBe(true);
  await reopened.app.close();
}, 60_000);

test('two processes writing the same list at once: nothing lost, nothing doubled', async () => {
  const first = run([h.dataDir, ABSTATT, '3', ...ids.filter((_, i) => i % 2 === 0)]);
  const second = run([h.dataDir, ABSTATT, '3', ...ids.filter((_, i) => i % 2 === 1)]);
  expect(await first.done).toBe(0);
  expect(await second.done).toBe(0);
  const list = await h.app.review.getList(2025, ABSTATT, { actor: coordinator });
  expect(countList(list).struck).toBe(N);
  expect((await h.repo.readListHistory(2025, ABSTATT)).filter((e) => e.action === 'person.strike')).toHaveLength(N);
  expect(list.revision).toBe(N + 1);
}, 90_000);

/**
 * The coordination of instances (InstanceCoordination), one suite for every implementation: leases are
 * exclusive and come free when released, exclusive work runs one at a time in the order it came, and
 * shared send reservations (where offered) keep every window of the limits.
 */
import type { InstanceCoordination } from '../../src/app/ports';
import { InProcessCoordination } from '../../src/app/inProcessCoordination';

interface Subject {
  /** Two views of one coordination, as two instances would have; one in-process object for the embedded store. */
  open(): Promise<{ a: InstanceCoordination; b: InstanceCoordination; close(): Promise<void> }>;
}

export const SUBJECTS: [string, Subject][] = [
  [
    'in one process (embedded store)',
    {
      async open() {
        const c = new InProcessCoordination();
        return { a: c, b: c, close: async () => undefined };
      },
    },
  ],
];

describe.each(SUBJECTS)('coordination %s', (_name, subject) => {
  test('a lease is held by one at a time and comes free when released', async () => {
    const { a, b, close } = await subject.open();
    try {
      const first = await a.tryLease('schedule');
      expect(first).toBeDefined();
      expect(first!.lost).toBe(false);
      expect(await b.tryLease('schedule')).toBeUndefined();
      const other = await b.tryLease('jobs'); // another name is independent
      expect(other).toBeDefined();
      await other!.release();
      await first!.release();
      await first!.release(); // twice is harmless
      const second = await b.tryLease('schedule');
      expect(second).toBeDefined();
      await second!.release();
    } finally {
      await close();
    }
  });

  test('exclusive work runs one at a time, in order, and an error does not block the next', async () => {
    const { a, b, close } = await subject.open();
    try {
      const log: string[] = [];
      let inside = 0;
      let most = 0;
      const work = (name: string, fail = false) => async () => {
        inside++;
        most = Math.max(most, inside);
        log.push(`${name}:start`);
        await new Promise((r) => setTimeout(r, 30));
        log.push(`${name}:end`);
        inside--;
        if (fail) throw new Error('failed on purpose');
        return name;
      };
      const results = await Promise.allSettled([a.exclusively('jobs', work('1')), b.exclusively('jobs', work('2', true)), a.exclusively('jobs', work('3'))]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(most).toBe(1);
      expect(log).toHaveLength(6);
      for (let i = 0; i < 6; i += 2) expect(log[i]!.split(':')[0]).toBe(log[i + 1]!.split(':')[0]);
    } finally {
      await close();
    }
  });
});

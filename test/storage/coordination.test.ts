/**
 * The coordination of instances (InstanceCoordination), one suite for every implementation: leases are
 * exclusive and come free when released, exclusive work runs one at a time in the order it came, and
 * shared send reservations (where offered) keep every window of the limits.
 */
import { Client } from 'pg';
import type { InstanceCoordination } from '../../src/app/ports';
import { InProcessCoordination } from '../../src/app/inProcessCoordination';
import { nextAllowedAt } from '../../src/app/rateWindow';
import { TEAMS_CONVERSATION_LIMITS } from '../../src/bot/sender';
import { PgRepository } from '../../src/storage/postgres/pgRepository';
import { postgresAvailable, startPgCluster, type PgCluster } from '../pgCluster';

const withPostgres = postgresAvailable('storage/coordination');
let cluster: PgCluster | undefined;
if (withPostgres) {
  beforeAll(async () => {
    cluster = await startPgCluster();
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });
}

/** Two repositories on one new database: what two instances have. */
async function twoInstances() {
  const url = await cluster!.newDatabase();
  const one = await PgRepository.open(url);
  const two = await PgRepository.open(url);
  return { url, one, two, a: one.coordination(), b: two.coordination(), close: async () => void (await Promise.all([one.close(), two.close()])) };
}

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
  ...(withPostgres ? ([['on PostgreSQL (two instances)', { open: twoInstances }]] as [string, Subject][]) : []),
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

(withPostgres ? describe : describe.skip)('coordination on PostgreSQL', () => {
  test('an instance that dies holding a lease frees it at once: the other takes over; the dead one learns it lost the lease', async () => {
    const { url, a, b, close } = await twoInstances();
    try {
      const held = await a.tryLease('schedule');
      expect(held).toBeDefined();
      expect(await b.tryLease('schedule')).toBeUndefined();
      // The holder's connection ends as when its process is killed (the server ends the backend).
      const admin = new Client({ connectionString: url });
      await admin.connect();
      try {
        const { rows } = await admin.query<{ pid: number }>("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted");
        expect(rows).toHaveLength(1);
        await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      } finally {
        await admin.end();
      }
      let taken;
      for (let i = 0; i < 50 && !taken; i++) {
        taken = await b.tryLease('schedule');
        if (!taken) await new Promise((r) => setTimeout(r, 100));
      }
      expect(taken).toBeDefined();
      await new Promise((r) => setTimeout(r, 100));
      expect(held!.lost).toBe(true);
      await held!.release(); // harmless after the loss
      await taken!.release();
    } finally {
      await close();
    }
  });

  test('sends to one conversation from two instances keep Teams’ windows together, on the database’s clock', async () => {
    const { a, b, close } = await twoInstances();
    try {
      const limits = [{ windowMs: 1_000, max: 7 }];
      const granted: number[] = [];
      // 20 attempts from each instance at once: only 7 may be reserved in the first second.
      const tries = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).reserveSend!('svc|19:kanal', limits, 100)));
      tries.forEach((wait, i) => wait === 0 && granted.push(i));
      expect(granted).toHaveLength(7);
      const waits = tries.filter((w) => w > 0);
      expect(Math.min(...waits)).toBeGreaterThan(800);
      expect(Math.max(...waits)).toBeLessThanOrEqual(1_100);
      // Another conversation is counted apart; Teams' own limits are accepted as they are.
      expect(await a.reserveSend!('svc|a:personal', TEAMS_CONVERSATION_LIMITS, 100)).toBe(0);
      expect(nextAllowedAt([], limits, 100, 5)).toBe(5);
    } finally {
      await close();
    }
  });
});

/**
 * Coordination for a store one process serves (the embedded store: one bot per data directory): leases
 * and exclusive work are plain in-memory bookkeeping, and the sender's own rate counting is complete,
 * so no shared send reservations are needed.
 */
import type { InstanceCoordination, Lease } from './ports';

export class InProcessCoordination implements InstanceCoordination {
  private readonly held = new Set<string>();
  private readonly tails = new Map<string, Promise<unknown>>();

  async tryLease(name: string): Promise<Lease | undefined> {
    if (this.held.has(name)) return undefined;
    this.held.add(name);
    let released = false;
    return {
      lost: false,
      release: async () => {
        if (released) return;
        released = true;
        this.held.delete(name);
      },
    };
  }

  exclusively<T>(name: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(name) ?? Promise.resolve();
    const run = before.then(work, work);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(name, tail);
    // Forget the chain once it is idle, so names used once do not pile up.
    void tail.then(() => {
      if (this.tails.get(name) === tail) this.tails.delete(name);
    });
    return run;
  }
}

/**
 * Coordination for a store one process serves (the embedded store: one bot per data directory): leases
 * and exclusive work are plain in-memory bookkeeping, and the sender's own rate counting is complete,
 * so no shared send reservations are needed.
 */
import { KeyedSerial } from './keyedSerial';
import type { InstanceCoordination, Lease } from './ports';

export class InProcessCoordination implements InstanceCoordination {
  private readonly held = new Set<string>();
  private readonly serial = new KeyedSerial();

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
    return this.serial.run(name, work);
  }
}

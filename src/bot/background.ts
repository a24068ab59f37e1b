/**
 * Work a turn starts but does not wait for: channel posts, card updates, decision cards after
 * publication. Teams expects an answer within seconds; sending 46 cards through the rate-limited
 * sender takes longer. Failures are logged (never with message content); `idle()` lets a clean
 * shutdown and the tests wait for everything started.
 */
import type { Logger } from './log';
import { errorKind } from './log';

export class Background {
  private readonly jobs = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  run(event: string, job: () => Promise<void>): void {
    const running = job().catch((e) => this.logger.error(`${event}.failed`, { error: errorKind(e) }));
    this.jobs.add(running);
    void running.finally(() => this.jobs.delete(running));
  }

  async idle(): Promise<void> {
    while (this.jobs.size) await Promise.allSettled([...this.jobs]);
  }
}

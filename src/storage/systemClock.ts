/** The real clock, with the Landkreis's calendar day (Europe/Berlin), not the server's UTC day. */
import type { Clock } from '../app/ports';
import { berlinDate } from '../domain/dates';

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  today: () => berlinDate(new Date()),
};

/** A clock standing at a fixed instant: for tests, demos and `INTM_NOW`. */
export function fixedClock(at: string | Date): Clock & { set(at: string | Date): void } {
  let instant = new Date(at);
  return {
    now: () => instant.toISOString(),
    today: () => berlinDate(instant),
    set(next) {
      instant = new Date(next);
    },
  };
}

/** The instant `INTM_NOW` freezes the clock at; empty or blank counts as unset (as everywhere it is read). */
export function frozenNow(env: NodeJS.ProcessEnv): string | undefined {
  return env.INTM_NOW?.trim() || undefined;
}

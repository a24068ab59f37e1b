/**
 * Sliding-window rate limits, as pure arithmetic: used by the bot's sender for the requests of its own
 * process and by a shared store for the requests of every instance, so both count the same way.
 */
import type { RateLimit } from './ports';

/**
 * When the next request may go, given the start times of earlier ones (ascending, milliseconds) and
 * the limits: with `max` requests in a window, the next may go once the max-th latest has left it,
 * plus `marginMs` (our clock and Teams' differ by the network's latency). `now` or later.
 */
export function nextAllowedAt(stamps: readonly number[], limits: readonly RateLimit[], marginMs: number, now: number): number {
  let until = now;
  for (const { windowMs, max } of limits) {
    if (stamps.length >= max) until = Math.max(until, stamps[stamps.length - max]! + windowMs + marginMs);
  }
  return until;
}

/** The stamps still inside the longest window (older ones can never matter again). */
export function recentStamps(stamps: readonly number[], limits: readonly RateLimit[], marginMs: number, now: number): number[] {
  const longest = Math.max(0, ...limits.map((l) => l.windowMs)) + marginMs;
  return stamps.filter((s) => s > now - longest);
}

import type { ClockOptions } from "../../mocks/core/clock.js";

/** The one frozen start time of every vendor's tests: 2024-03-01 12:00:00 +08:00 (04:00 UTC). */
export const T0 = Date.parse("2024-03-01T12:00:00+08:00");
export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Clock options of a mock frozen at `start` (default T0). */
export function frozenAt(start: number = T0): ClockOptions {
  return { start, frozen: true };
}

/** A hand-driven time source for `createClock(options, now)`: real time that moves only when told. */
export function manualTime(start = 0) {
  let current = start;
  return {
    now: () => current,
    advance(ms: number) {
      current += ms;
    },
  };
}

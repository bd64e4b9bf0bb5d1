/**
 * The one clock that windows, delays, buckets, rate limits, room lifecycles and signature skew
 * read. Tests freeze and advance it; a running clock follows real time plus an offset.
 */
export interface Clock {
  /** Current time in epoch milliseconds. */
  now(): number;
  /** Jump to `epochMs` (keeps running from there unless frozen). */
  set(epochMs: number): void;
  /** Move forward (or back, with a negative value) by `ms`. */
  advance(ms: number): void;
  /** Stop the clock, at `epochMs` or at the current time. */
  freeze(epochMs?: number): void;
  /** Let the clock run again from where it stands. */
  unfreeze(): void;
  /**
   * Back to how the clock was configured, never backwards in real time: a clock that follows real
   * time goes to real now, one with a configured start to that start, a frozen one stays frozen at
   * its configured instant. Says which it did.
   */
  reset(): ClockReset;
  readonly frozen: boolean;
}

/** What a clock reset did (see `Clock.reset`). */
export type ClockReset = "real-now" | "configured-start" | "frozen-at-start";

/** How to start a clock: a fixed or running start time. */
export interface ClockOptions {
  /** Start time (epoch ms or ISO text); default: real now. */
  start?: number | string | Date;
  /** Start frozen; default false. */
  frozen?: boolean;
}

/** Parses a clock start given as epoch ms, ISO text or Date. */
export function toEpochMs(value: number | string | Date): number {
  if (typeof value === "number") return value;
  if (value instanceof Date) return value.getTime();
  const asNumber = Number(value);
  if (value.trim() !== "" && Number.isFinite(asNumber)) return asNumber;
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) throw new Error(`Invalid clock time: ${value}`);
  return parsed;
}

/** Creates a clock; `realNow` is injectable for tests of the clock itself. */
export function createClock(options: ClockOptions = {}, realNow: () => number = Date.now): Clock {
  const startsFrozen = options.frozen ?? false;
  const configuredStart = options.start === undefined ? undefined : toEpochMs(options.start);
  // A frozen clock without a configured start stays at the instant it was created.
  const start = configuredStart ?? realNow();
  let frozen = startsFrozen;
  let frozenAt = start;
  let offset = start - realNow();
  const now = () => (frozen ? frozenAt : realNow() + offset);
  return {
    now,
    set(epochMs) {
      if (frozen) frozenAt = epochMs;
      else offset = epochMs - realNow();
    },
    advance(ms) {
      if (frozen) frozenAt += ms;
      else offset += ms;
    },
    freeze(epochMs) {
      frozenAt = epochMs ?? now();
      frozen = true;
    },
    unfreeze() {
      offset = frozenAt - realNow();
      frozen = false;
    },
    reset() {
      if (startsFrozen) {
        frozen = true;
        frozenAt = start;
        return "frozen-at-start";
      }
      frozen = false;
      offset = configuredStart === undefined ? 0 : configuredStart - realNow();
      return configuredStart === undefined ? "real-now" : "configured-start";
    },
    get frozen() {
      return frozen;
    },
  };
}

/**
 * Deterministic building blocks for the seeded world. Every value is a pure function of
 * (seed, key, time), never of the call, so overlapping queries agree and the same seed gives the
 * same bytes. Vendor resolvers compose these into coherent metrics.
 */
export interface World {
  readonly seed: number;
  /** 32-bit hash of the seed and the given parts; use it as the key of a series. */
  key(...parts: readonly (string | number)[]): number;
  /** Uniform value in [0, 1) for (key, n). */
  unit(key: number, n: number): number;
  /** Smooth noise in [-1, 1] at time `tMs`: value noise on a lattice of `periodMs`, eased between points. */
  noise(key: number, tMs: number, periodMs: number): number;
  /** Daily rhythm factor in [0.12, 1]: quiet before dawn, busy in the evening (local time at `utcOffsetMinutes`). */
  rhythm(tMs: number, utcOffsetMinutes?: number): number;
  /** Peak concurrent users of an app: log-uniform between 300 and 60,000, stable per app. */
  appScale(appId: string): number;
}

/** The offset the Volcengine doc examples use (+08:00); daily rhythm is local to it by default. */
export const DEFAULT_UTC_OFFSET_MINUTES = 480;

const DAY_MS = 86_400_000;

/**
 * Relative load at each local hour 0–24 (assumed shape of consumer RTC traffic): a trough before
 * dawn, a lunchtime plateau and an evening peak around 21:00.
 */
const HOURLY_RHYTHM = [
  0.62, 0.45, 0.32, 0.22, 0.16, 0.13, 0.17, 0.28, 0.45, 0.58, 0.65, 0.7, 0.74, 0.7, 0.66, 0.66, 0.68, 0.72, 0.79, 0.87, 0.95, 1.0, 0.93,
  0.78, 0.62,
] as const;

/** FNV-1a over the UTF-16 units of `text`, continuing from `hash`. */
function fnv1a(hash: number, text: string): number {
  let h = hash >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit integer finalizer (murmur3 fmix32): spreads nearby inputs across the range. */
function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Turns any seed (number or text) into a 32-bit integer. */
export function normalizeSeed(seed: number | string): number {
  return typeof seed === "number" && Number.isInteger(seed) ? seed >>> 0 : fnv1a(0x811c9dc5, String(seed));
}

/** Creates the world primitives for a seed. */
export function createWorld(seed: number | string): World {
  const base = normalizeSeed(seed);
  const unit = (key: number, n: number) => {
    // Combine key and lattice index (which may exceed 32 bits) without losing the high part.
    const lo = n >>> 0;
    const hi = Math.floor(n / 4294967296) >>> 0;
    return mix32(mix32(key ^ lo) ^ Math.imul(hi + 1, 0x9e3779b1)) / 4294967296;
  };
  return {
    seed: base,
    key(...parts) {
      let h = mix32(base ^ 0x811c9dc5);
      for (const part of parts) h = fnv1a(h ^ 0x2f, String(part));
      return mix32(h);
    },
    unit,
    noise(key, tMs, periodMs) {
      const position = tMs / periodMs;
      const cell = Math.floor(position);
      const frac = position - cell;
      const eased = frac * frac * (3 - 2 * frac);
      const a = unit(key, cell) * 2 - 1;
      const b = unit(key, cell + 1) * 2 - 1;
      return a + (b - a) * eased;
    },
    rhythm(tMs, utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES) {
      const local = (((tMs + utcOffsetMinutes * 60_000) % DAY_MS) + DAY_MS) % DAY_MS;
      const position = local / 3_600_000;
      const hour = Math.floor(position);
      const frac = position - hour;
      const eased = (1 - Math.cos(frac * Math.PI)) / 2;
      const from = HOURLY_RHYTHM[hour]!;
      return from + (HOURLY_RHYTHM[hour + 1]! - from) * eased;
    },
    appScale(appId) {
      return Math.round(300 * Math.pow(200, unit(fnv1a(base, `app-scale:${appId}`), 0)));
    },
  };
}

/** Rounds to two decimals, the precision the Volcengine docs promise ("保留两位小数"). */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

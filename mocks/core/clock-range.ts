import { endpoints } from "../../schemas/registry.js";

const DAY_MS = 86_400_000;

/** The longest lookback of any endpoint (Volcengine ListOperationData: 30 d). */
const LONGEST_LOOKBACK_MS = Math.max(...endpoints.map((endpoint) => endpoint.limits.lookbackMs?.value ?? 0));

/** The widest UTC offset an RFC3339 time can carry (`+23:59`), in which Volcengine may answer (responseOffset). */
const WIDEST_OFFSET_MS = (23 * 60 + 59) * 60_000;

/** The last millisecond whose calendar year has four digits; after it `toISOString` writes `+010000-…`. */
const LAST_FOUR_DIGIT_YEAR_MS = Date.UTC(10_000, 0, 1) - 1;

/** What a running clock set to the latest time may run for and still be in range. */
export const CLOCK_HEADROOM_MS = DAY_MS;

/**
 * The earliest mock time the control API, the CLI and the MSW control accept: the Unix epoch plus
 * the longest lookback, so every window a vendor accepts has non-negative Unix times (ZEGO and
 * Tencent speak Unix seconds; seeded rooms start at most 26 h back). 1970-01-31T00:00:00Z.
 */
export const CLOCK_MIN_MS = LONGEST_LOOKBACK_MS;

/**
 * The latest mock time they accept: the last instant whose Volcengine RequestId (yyyyMMddHHmmss in
 * +08:00) and RFC3339 times (in any offset up to +23:59) still have four-digit years, less a day of
 * headroom for a running clock, on a whole day: 9999-12-30T00:00:00Z.
 */
export const CLOCK_MAX_MS = Math.floor((LAST_FOUR_DIGIT_YEAR_MS - WIDEST_OFFSET_MS - CLOCK_HEADROOM_MS) / DAY_MS) * DAY_MS;

/** Is `ms` a mock time every vendor's formats can express? */
export function inClockRange(ms: number): boolean {
  return Number.isFinite(ms) && ms >= CLOCK_MIN_MS && ms <= CLOCK_MAX_MS;
}

/** The range as text for error messages. */
export const clockRangeText = `${new Date(CLOCK_MIN_MS).toISOString()} to ${new Date(CLOCK_MAX_MS).toISOString()}`;

import type { VendorError } from "../core/vendor.js";
import type { RequestTime } from "./rfc3339-time.js";

/** The time rules of one query, read from the endpoint's registry limits. */
export interface WindowRules {
  lookbackMs: number;
  maxSpanMs: number;
  dataDelayMs: number;
  /** Bucket width. */
  bucketMs: number;
  /** Buckets are aligned to multiples of `bucketMs` in this offset (day buckets start at local midnight). */
  alignOffsetMinutes: number;
}

/** Start of the bucket containing `t`. */
export function bucketStart(t: number, bucketMs: number, alignOffsetMinutes: number): number {
  const shift = alignOffsetMinutes * 60_000;
  return Math.floor((t + shift) / bucketMs) * bucketMs - shift;
}

/** Human text for a duration in the error messages, e.g. "60 min", "7 days", "20 s". */
export function describeDuration(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000} day${ms === 86_400_000 ? "" : "s"}`;
  if (ms % 3_600_000 === 0 && ms > 3_600_000) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${Math.round(ms / 1000)} s`;
}

/** The buckets a query reports: every `bucketMs` from `first` to `last` (none when last < first). */
export interface BucketRange {
  first: number;
  last: number;
}

/**
 * Applies the documented time rules and returns the range of bucket starts to report:
 * - StartTime after EndTime → InvalidParameter.StartTimeAfterEndTime (equal times give one bucket);
 * - EndTime − StartTime over the max span → InvalidParameter.OutofTimeRange (documented limit);
 * - StartTime before now − lookback → InvalidParameter.OutofTimeRange (code assumed), compared at
 *   bucket granularity so a client that computes "now − 60 min" a moment early is not refused;
 * - buckets from the one containing StartTime to the one starting at or before EndTime, the end
 *   bucket included as in the doc examples;
 * - only buckets that have ended by now − data delay, so a reported value never changes later.
 */
export function bucketRange(start: RequestTime, end: RequestTime, nowMs: number, rules: WindowRules): BucketRange | VendorError {
  if (start.ms > end.ms) return { code: "InvalidParameter.StartTimeAfterEndTime", args: [start.text, end.text] };
  const span = end.ms - start.ms;
  if (span > rules.maxSpanMs) {
    return {
      code: "InvalidParameter.OutofTimeRange",
      args: [`EndTime − StartTime is ${describeDuration(span)}, longer than the maximum ${describeDuration(rules.maxSpanMs)}`],
    };
  }
  const { bucketMs, alignOffsetMinutes } = rules;
  const first = bucketStart(start.ms, bucketMs, alignOffsetMinutes);
  if (first < bucketStart(nowMs - rules.lookbackMs, bucketMs, alignOffsetMinutes)) {
    return {
      code: "InvalidParameter.OutofTimeRange",
      args: [`StartTime ${start.text} is more than ${describeDuration(rules.lookbackMs)} before now`],
    };
  }
  const lastByEnd = bucketStart(end.ms, bucketMs, alignOffsetMinutes);
  const lastReady = bucketStart(nowMs - rules.dataDelayMs - bucketMs, bucketMs, alignOffsetMinutes);
  return { first, last: Math.min(lastByEnd, lastReady) };
}

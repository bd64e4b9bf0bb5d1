import type { Check, ObservedExchange } from "../observed.js";
import type { Series } from "../series.js";
import { violation } from "../violation.js";

/** Reads the series of a reply. */
export type SeriesExtractor = (json: unknown) => Series[];

/** Every series of the reply holds at least `min` points (a window older than the data delay has data). */
export function expectPoints(extract: SeriesExtractor, min = 1): Check {
  return (x: ObservedExchange) => {
    const series = extract(x.response.json);
    if (series.length === 0) return [violation("coverage", "$", "the reply holds no series")];
    return series
      .filter((s) => s.points.length < min)
      .map((s) => violation("coverage", s.path, `series ${s.name} holds ${s.points.length} points, expected at least ${min}`));
  };
}

/** Every series of the reply is empty (a window entirely inside the data delay). */
export function expectNoPoints(extract: SeriesExtractor): Check {
  return (x: ObservedExchange) =>
    extract(x.response.json)
      .filter((s) => s.points.length > 0)
      .map((s) =>
        violation("coverage", s.points[0]!.path, `series ${s.name} holds ${s.points.length} points inside the data delay, expected none`),
      );
}

/** One violation per series that lacks a point at some bucket start from `first` to `last` (step `bucketMs`). */
function missingBuckets(series: readonly Series[], first: number, last: number, bucketMs: number) {
  const out = [];
  for (const s of series) {
    const have = new Set(s.points.map((p) => p.t));
    const missing: number[] = [];
    for (let t = first; t <= last; t += bucketMs) if (!have.has(t)) missing.push(t);
    if (missing.length > 0) {
      const sample = missing
        .slice(0, 3)
        .map((t) => new Date(t).toISOString())
        .join(", ");
      out.push(violation("coverage", s.path, `series ${s.name} misses ${missing.length} bucket(s) of the window, e.g. ${sample}`));
    }
  }
  return out;
}

/**
 * Every bucket of the window that is older than the data delay has a point: from the first bucket
 * start at or after `startMs` to the last one at or before min(end, sentAt − delay). The request's
 * departure is the earliest the server can have read its clock, so a slow reply is not called short.
 */
export function expectEveryBucket(
  extract: SeriesExtractor,
  window: (x: ObservedExchange) => { startMs: number; endMs: number } | undefined,
  bucketMs: number,
  delayMs: number,
): Check {
  return (x: ObservedExchange) => {
    const w = window(x);
    if (w === undefined) return [];
    const first = Math.ceil(w.startMs / bucketMs) * bucketMs;
    const last = Math.floor(Math.min(w.endMs, x.sentAt - delayMs - x.skewMs) / bucketMs) * bucketMs;
    return missingBuckets(extract(x.response.json), first, last, bucketMs);
  };
}

/**
 * Every day of the window has a point, the days starting at midnight in the request's UTC offset:
 * from the first day starting at or after `startMs`, each whole day that ended by min(end,
 * sentAt − delay). Only whole days are asked for, whichever way the vendor reads the delay.
 */
export function expectEveryDay(
  extract: SeriesExtractor,
  window: (x: ObservedExchange) => { startMs: number; endMs: number } | undefined,
  offsetMinutes: (x: ObservedExchange) => number | undefined,
  delayMs: number,
): Check {
  const DAY = 86_400_000;
  return (x: ObservedExchange) => {
    const w = window(x);
    const offsetMs = (offsetMinutes(x) ?? 0) * 60_000;
    if (w === undefined) return [];
    const first = Math.ceil((w.startMs + offsetMs) / DAY) * DAY - offsetMs;
    const last = Math.floor((Math.min(w.endMs, x.sentAt - delayMs - x.skewMs) + offsetMs) / DAY) * DAY - offsetMs - DAY;
    return missingBuckets(extract(x.response.json), first, last, DAY);
  };
}

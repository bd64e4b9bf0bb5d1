import type { Series, TimeWindow } from "../series.js";
import { bucketStart } from "../series.js";
import { violation, type Violation } from "../violation.js";

function iso(t: number): string {
  return Number.isFinite(t) ? new Date(t).toISOString() : String(t);
}

/** Every timestamp must be readable (RFC 3339 text or epoch number, as the endpoint writes it). */
export function checkReadableTimes(series: readonly Series[], format: string): Violation[] {
  const out: Violation[] = [];
  for (const s of series) {
    for (const p of s.points) {
      if (!Number.isFinite(p.t)) out.push(violation("time.format", `${p.path}`, `timestamp ${JSON.stringify(p.rawTime)} is not ${format}`));
    }
  }
  return out;
}

/**
 * Buckets start on multiples of the bucket width. `offsetMinutes` "own" aligns each timestamp in
 * the UTC offset written with it (calendar days of +08:00 text start at 16:00Z); a number aligns in
 * that fixed offset.
 */
export function checkAligned(series: readonly Series[], bucketMs: number, offset: "own" | number = 0): Violation[] {
  const out: Violation[] = [];
  for (const s of series) {
    for (const p of s.points) {
      if (!Number.isFinite(p.t)) continue;
      const o = offset === "own" ? p.offsetMinutes : offset;
      if (bucketStart(p.t, bucketMs, o) !== p.t) {
        out.push(
          violation("time.aligned", p.path, `timestamp ${JSON.stringify(p.rawTime)} is not aligned to the ${bucketMs / 1000} s bucket`),
        );
      }
    }
  }
  return out;
}

/** Points lie inside the requested window: not before the bucket holding the start, not after the end. */
export function checkWithinWindow(
  series: readonly Series[],
  window: TimeWindow,
  bucketMs: number,
  offset: "own" | number = 0,
): Violation[] {
  const out: Violation[] = [];
  for (const s of series) {
    for (const p of s.points) {
      if (!Number.isFinite(p.t)) continue;
      const earliest = bucketStart(window.startMs, bucketMs, offset === "own" ? p.offsetMinutes : offset);
      if (p.t < earliest)
        out.push(violation("time.window", p.path, `point at ${iso(p.t)} is before the requested start ${iso(window.startMs)}`));
      else if (p.t > window.endMs)
        out.push(violation("time.window", p.path, `point at ${iso(p.t)} is after the requested end ${iso(window.endMs)}`));
    }
  }
  return out;
}

/** No point is newer than now − data delay (bucket start compared; `skewMs` allows for clock difference). */
export function checkDataDelay(series: readonly Series[], nowMs: number, delayMs: number, skewMs = 0): Violation[] {
  const out: Violation[] = [];
  const newest = nowMs - delayMs + skewMs;
  for (const s of series) {
    for (const p of s.points) {
      if (Number.isFinite(p.t) && p.t > newest) {
        out.push(
          violation(
            "time.delay",
            p.path,
            `point at ${iso(p.t)} lies inside the ${delayMs / 1000} s data delay (newest allowed ${iso(newest)})`,
          ),
        );
      }
    }
  }
  return out;
}

/** Timestamps of a series strictly increase (no duplicates, no reordering). */
export function checkIncreasing(series: readonly Series[]): Violation[] {
  const out: Violation[] = [];
  for (const s of series) {
    for (let i = 1; i < s.points.length; i++) {
      const prev = s.points[i - 1]!;
      const p = s.points[i]!;
      if (Number.isFinite(prev.t) && Number.isFinite(p.t) && p.t <= prev.t) {
        out.push(violation("time.order", p.path, `timestamp ${iso(p.t)} does not come after ${iso(prev.t)}`));
      }
    }
  }
  return out;
}

import type { ObservedExchange } from "../observed.js";
import { parseRfc3339, type Series } from "../series.js";
import { pick } from "../observed.js";
import { violation, type Violation } from "../violation.js";

function zone(offsetMinutes: number): string {
  if (offsetMinutes === 0) return "Z";
  const abs = Math.abs(offsetMinutes);
  return `${offsetMinutes < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** The UTC offset the request's StartTime is written in, when it is readable RFC 3339 text. */
export function requestOffsetMinutes(x: ObservedExchange): number | undefined {
  const parsed = parseRfc3339(pick(x.request.json, "StartTime"));
  return Number.isFinite(parsed.t) ? parsed.offsetMinutes : undefined;
}

/**
 * Timestamps come back in the offset the request was written in (Volcengine echoes the time zone of
 * StartTime: a `+08:00` request gets `+08:00` points; https://volcengine.com/docs/6348/1219551).
 * One violation per series, not per point: the whole series moved zone. A wrong zone changes what
 * a dashboard shows as the hour or the day, so it fails.
 */
export function checkZoneEcho(series: readonly Series[], offsetMinutes: number | undefined): Violation[] {
  if (offsetMinutes === undefined) return [];
  const out: Violation[] = [];
  for (const s of series) {
    const wrong = s.points.filter((p) => Number.isFinite(p.t) && p.offsetMinutes !== offsetMinutes);
    if (wrong.length === 0) continue;
    out.push(
      violation(
        "time.zone",
        wrong[0]!.path,
        `series ${s.name}: ${wrong.length} of ${s.points.length} timestamps are written in ${zone(wrong[0]!.offsetMinutes)} (e.g. ${JSON.stringify(wrong[0]!.rawTime)}); the request's StartTime is in ${zone(offsetMinutes)}, which the vendor echoes`,
      ),
    );
  }
  return out;
}

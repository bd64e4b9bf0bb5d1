import { endpointById } from "../../schemas/registry.js";
import { checkNotGreater, checkSameTimestamps } from "../checks/consistency.js";
import { checkDataDelay, checkIncreasing, checkWithinWindow } from "../checks/time-rules.js";
import { checkEpochUnit } from "../checks/plausibility.js";
import { checkCounts, checkNumeric } from "../checks/values.js";
import { pick, type ObservedExchange } from "../observed.js";
import type { Series, TimeWindow } from "../series.js";
import { joinPath, violation, type Violation } from "../violation.js";
import type { EndpointProfile } from "./endpoint-profile.js";

const ID = "zego.GetRealtimeUsage";

/** The `Data.Metrics[].Values[]` series of a GetRealtimeUsage reply (Timestamp in UTC ms). */
export function zegoSeries(json: unknown): Series[] {
  const metrics = pick(json, "Data", "Metrics");
  if (!Array.isArray(metrics)) return [];
  return metrics.map((item, i) => {
    const path = joinPath(["Data", "Metrics", i]);
    const name = pick(item, "Metric");
    const values = pick(item, "Values");
    return {
      name: typeof name === "string" ? name : "",
      path,
      points: (Array.isArray(values) ? values : []).map((point, j) => {
        const raw = pick(point, "Timestamp");
        return {
          path: `${path}.Values[${j}]`,
          t: typeof raw === "number" ? raw : Number.NaN,
          rawTime: raw,
          offsetMinutes: 0,
          value: pick(point, "Value"),
        };
      }),
    };
  });
}

/** StartTs–EndTs of the query; EndTs 0 (or later than now) means now. */
export function zegoWindow(x: ObservedExchange): TimeWindow | undefined {
  const start = Number(x.request.url.searchParams.get("StartTs"));
  const end = Number(x.request.url.searchParams.get("EndTs"));
  if (!Number.isFinite(start) || !Number.isFinite(end)) return undefined;
  return { startMs: start, endMs: end === 0 || end > x.now ? x.now : end };
}

/** Each requested metric comes back exactly once, and nothing else does. */
function checkMetricsAnswerRequest(x: ObservedExchange): Violation[] {
  const params = x.request.url.searchParams;
  const requested = new Set([...params.getAll("Metrics[]"), ...params.getAll("Metrics")]);
  const series = zegoSeries(x.response.json);
  const out: Violation[] = [];
  const seen = new Set<string>();
  for (const s of series) {
    if (!requested.has(s.name))
      out.push(violation("series.requested", `${s.path}.Metric`, `metric ${JSON.stringify(s.name)} was not requested`));
    if (seen.has(s.name)) out.push(violation("series.requested", `${s.path}.Metric`, `metric ${s.name} appears twice`));
    seen.add(s.name);
  }
  for (const name of requested)
    if (!seen.has(name)) out.push(violation("series.requested", "Data.Metrics", `requested metric ${name} is missing from the reply`));
  return out;
}

/**
 * Points are exactly one step apart (the registry's bucket, 60 s: both doc examples have one point
 * per minute, not on whole minutes, so alignment to the epoch is not required). A gap of several
 * steps means points are missing, which changes any sum or average over the window; one violation
 * per series, with the count.
 */
function checkStep(series: readonly Series[], stepMs: number): Violation[] {
  const out: Violation[] = [];
  for (const s of series) {
    const gaps = s.points.slice(1).map((p, i) => ({ p, gap: p.t - s.points[i]!.t }));
    const misaligned = gaps.filter(({ gap }) => Number.isFinite(gap) && gap > 0 && gap % stepMs !== 0);
    const skipping = gaps.filter(({ gap }) => Number.isFinite(gap) && gap > stepMs && gap % stepMs === 0);
    if (misaligned.length > 0)
      out.push(
        violation(
          "time.aligned",
          misaligned[0]!.p.path,
          `points are ${misaligned[0]!.gap / 1000} s apart, not a multiple of the ${stepMs / 1000} s step`,
        ),
      );
    if (skipping.length > 0) {
      const missing = skipping.reduce((n, { gap }) => n + gap / stepMs - 1, 0);
      out.push(
        violation(
          "time.step",
          skipping[0]!.p.path,
          `series ${s.name}: ${missing} point(s) missing, e.g. ${skipping[0]!.gap / 1000} s after the previous point; ZEGO sends one point per ${stepMs / 1000} s step`,
        ),
      );
    }
  }
  return out;
}

/**
 * A non-empty series covers the window: its first point within one step of StartTs and its last
 * within one step of min(EndTs, now − data delay), as both doc examples include both ends.
 */
function checkEnds(series: readonly Series[], window: TimeWindow, stepMs: number, newestMs: number): Violation[] {
  const out: Violation[] = [];
  const end = Math.min(window.endMs, newestMs);
  for (const s of series) {
    const first = s.points[0];
    const last = s.points.at(-1);
    if (first === undefined || last === undefined || !Number.isFinite(first.t) || !Number.isFinite(last.t)) continue;
    if (first.t - window.startMs >= stepMs)
      out.push(
        violation(
          "coverage",
          first.path,
          `series ${s.name} starts ${(first.t - window.startMs) / 1000} s after StartTs; the first point is due within one step`,
        ),
      );
    if (end - last.t >= stepMs)
      out.push(
        violation(
          "coverage",
          last.path,
          `series ${s.name} ends ${(end - last.t) / 1000} s before the newest point due (${new Date(end).toISOString()})`,
        ),
      );
  }
  return out;
}

/**
 * GetRealtimeUsage: the requested metrics, points inside the window and the last 2 hours, none newer
 * than now − 3 min, whole non-negative counts; at every instant rooms ≤ users, the largest room ≤
 * users, and play ≥ publish. https://www.zegocloud.com/docs/analytics-dashboard-server/real-time-monitoring/get-real-time-usage
 */
export const getRealtimeUsageProfile: EndpointProfile = {
  endpointId: ID,
  success: [
    checkMetricsAnswerRequest,
    (x: ObservedExchange) => {
      const endpoint = endpointById(ID);
      if (endpoint === undefined) throw new Error(`${ID} is not in the registry`);
      const l = endpoint.limits;
      const series = zegoSeries(x.response.json);
      const step = l.bucketMs?.value ?? 60_000;
      const window = zegoWindow(x);
      // The newest point the data delay surely allows: the server read its clock after the request left.
      const newest = x.sentAt - (l.dataDelayMs?.value ?? 0) - x.skewMs;
      return [
        ...checkEpochUnit(series, "ms", x.now),
        ...checkStep(series, step),
        ...(window ? checkWithinWindow(series, window, step) : []),
        ...(window ? checkEnds(series, window, step, newest) : []),
        ...(l.dataDelayMs ? checkDataDelay(series, x.now, l.dataDelayMs.value, x.skewMs) : []),
        ...checkIncreasing(series),
        ...checkNumeric(series),
        ...checkCounts(series),
        ...checkSameTimestamps(series),
        ...checkNotGreater(series, "room_concurrent", "online_user"),
        ...checkNotGreater(series, "max_room_user", "online_user"),
        ...checkNotGreater(series, "publish_concurrent", "play_concurrent"),
      ];
    },
  ],
};

import { endpointById } from "../../schemas/registry.js";
import { checkNotGreater, checkSameTimestamps } from "../checks/consistency.js";
import { checkDataDelay, checkIncreasing, checkWithinWindow } from "../checks/time-rules.js";
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
  const requested = new Set(x.request.url.searchParams.getAll("Metrics[]"));
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
 * Points are one step (or whole steps) apart. The step is the registry's bucket (60 s: the current
 * docs say minute granularity and their example's points are 60 s apart, though not on whole
 * minutes, so alignment to the epoch is not required).
 */
function checkStep(series: readonly Series[], stepMs: number): Violation[] {
  const out: Violation[] = [];
  for (const s of series) {
    for (let i = 1; i < s.points.length; i++) {
      const gap = s.points[i]!.t - s.points[i - 1]!.t;
      if (Number.isFinite(gap) && gap > 0 && gap % stepMs !== 0) {
        out.push(
          violation("time.aligned", s.points[i]!.path, `points are ${gap / 1000} s apart, not a multiple of the ${stepMs / 1000} s step`),
        );
      }
    }
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
      return [
        ...checkStep(series, step),
        ...(window ? checkWithinWindow(series, window, step) : []),
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

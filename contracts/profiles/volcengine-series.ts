import { endpointById } from "../../schemas/registry.js";
import { checkSameTimestamps } from "../checks/consistency.js";
import { checkAligned, checkDataDelay, checkIncreasing, checkReadableTimes, checkWithinWindow } from "../checks/time-rules.js";
import { checkZoneEcho, requestOffsetMinutes } from "../checks/time-zone.js";
import { checkNumeric, checkTwoDecimals } from "../checks/values.js";
import { isRecord, pick, type ObservedExchange } from "../observed.js";
import { parseRfc3339, type Series, type TimeWindow } from "../series.js";
import { joinPath, violation, type Violation } from "../violation.js";

/** The `Result.Indicators[].Data[]` series of a Volcengine reply (https://volcengine.com/docs/6348/1219551). */
export function volcengineSeries(json: unknown): Series[] {
  const indicators = pick(json, "Result", "Indicators");
  if (!Array.isArray(indicators)) return [];
  return indicators.map((item, i) => {
    const path = joinPath(["Result", "Indicators", i]);
    const data = pick(item, "Data");
    const name = pick(item, "Name");
    const unit = pick(item, "Unit");
    return {
      name: typeof name === "string" ? name : "",
      path,
      ...(typeof unit === "string" ? { unit } : {}),
      points: (Array.isArray(data) ? data : []).map((point, j) => {
        const { t, offsetMinutes } = parseRfc3339(pick(point, "TimeStamp"));
        return { path: `${path}.Data[${j}]`, t, offsetMinutes, rawTime: pick(point, "TimeStamp"), value: pick(point, "Value") };
      }),
    };
  });
}

/** StartTime/EndTime of the request body, when readable. */
export function volcengineWindow(x: ObservedExchange): TimeWindow | undefined {
  const start = parseRfc3339(pick(x.request.json, "StartTime")).t;
  const end = parseRfc3339(pick(x.request.json, "EndTime")).t;
  return Number.isFinite(start) && Number.isFinite(end) ? { startMs: start, endMs: end } : undefined;
}

/** The `Indicator` list of the request body. */
export function requestedIndicators(x: ObservedExchange): string[] {
  const list = pick(x.request.json, "Indicator");
  return Array.isArray(list) ? list.filter((v): v is string => typeof v === "string") : [];
}

/**
 * Every returned series answers a requested indicator: its Name is the indicator or the indicator
 * with a threshold or media prefix (`5s_join_room_success_rate`, `audio_stall_rate`), and every
 * requested indicator is answered. https://volcengine.com/docs/6348/1167931#listquality
 */
export function checkSeriesAnswerRequest(x: ObservedExchange): Violation[] {
  const requested = requestedIndicators(x);
  if (requested.length === 0) return [];
  const series = volcengineSeries(x.response.json);
  const out: Violation[] = [];
  for (const s of series) {
    if (!requested.some((r) => s.name === r || s.name.endsWith(`_${r}`))) {
      out.push(
        violation(
          "series.requested",
          `${s.path}.Name`,
          `series ${JSON.stringify(s.name)} answers none of the requested indicators ${requested.join(", ")}`,
        ),
      );
    }
  }
  for (const r of requested) {
    if (!series.some((s) => s.name === r || s.name.endsWith(`_${r}`))) {
      out.push(violation("series.requested", "Result.Indicators", `requested indicator ${r} is missing from the reply`));
    }
  }
  return out;
}

/** The result echoes a request field (e.g. AggregateGranularity, RoomId). */
export function checkResultEcho(field: string): (x: ObservedExchange) => Violation[] {
  return (x) => {
    const asked = pick(x.request.json, field);
    if (asked === undefined) return [];
    const result = pick(x.response.json, "Result");
    if (!isRecord(result)) return [];
    return result[field] === asked
      ? []
      : [
          violation(
            "envelope.echo",
            `Result.${field}`,
            `Result.${field} ${JSON.stringify(result[field])} does not echo the requested ${JSON.stringify(asked)}`,
          ),
        ];
  };
}

/**
 * The checks both realtime endpoints share, with the bucket width and data delay read from the
 * registry limits of `endpointId`: readable RFC 3339 times, buckets aligned in their own offset and
 * inside the requested window, none newer than the data delay allows, increasing, numeric with two
 * decimals, one time axis for every series; then the endpoint's own `extra` checks.
 * https://volcengine.com/docs/6348/1219551 · https://volcengine.com/docs/6348/1167931#listquality
 */
export function realtimeSeriesChecks(endpointId: string, extra: (series: Series[]) => Violation[]): (x: ObservedExchange) => Violation[] {
  return (x) => {
    const endpoint = endpointById(endpointId);
    if (endpoint === undefined) throw new Error(`${endpointId} is not in the registry`);
    const l = endpoint.limits;
    const series = volcengineSeries(x.response.json);
    const bucket = l.bucketMs?.value ?? 30_000;
    const window = volcengineWindow(x);
    // A series in the wrong zone is reported once as such, not as misaligned buckets.
    const zone = checkZoneEcho(series, requestOffsetMinutes(x));
    return [
      ...checkReadableTimes(series, "RFC 3339"),
      ...zone,
      ...(zone.length === 0 ? checkAligned(series, bucket, "own") : []),
      ...(window ? checkWithinWindow(series, window, bucket, "own") : []),
      ...(l.dataDelayMs ? checkDataDelay(series, x.now, l.dataDelayMs.value, x.skewMs) : []),
      ...checkIncreasing(series),
      ...checkNumeric(series),
      ...checkTwoDecimals(series),
      ...checkSameTimestamps(series),
      ...extra(series),
    ];
  };
}

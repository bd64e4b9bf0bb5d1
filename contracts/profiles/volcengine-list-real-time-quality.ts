import { checkNotGreater } from "../checks/consistency.js";
import { volcengineQualityIndicators } from "../../schemas/volcengine/indicators.js";
import { checkPercentScale } from "../checks/plausibility.js";
import { checkRange } from "../checks/values.js";
import type { ObservedExchange } from "../observed.js";
import type { Series } from "../series.js";
import { violation, type Violation } from "../violation.js";
import type { EndpointProfile } from "./endpoint-profile.js";
import {
  checkResultEcho,
  checkSeriesAnswerRequest,
  realtimeSeriesChecks,
  requestedIndicators,
  volcengineSeries,
} from "./volcengine-series.js";

/** Quality indicators whose values sit near 100 % on any working service (the value.scale rule, contracts/plausibility-ledger.ts). */
export const HIGH_IS_GOOD = /(success_rate|network_trans_delay)$/;

const qualityDefinitions: Readonly<Record<string, { series: readonly { name: string; unit: string }[] }>> = volcengineQualityIndicators;

/**
 * Each requested quality indicator comes back as its documented series (stall_rate as
 * audio_stall_rate and video_stall_rate …), not as one series under the request's name: code that
 * reads the audio and video series finds nothing otherwise. https://volcengine.com/docs/6348/1167931#listquality
 */
export function checkQualitySeriesShape(x: ObservedExchange): Violation[] {
  const series = volcengineSeries(x.response.json);
  const out: Violation[] = [];
  for (const indicator of requestedIndicators(x)) {
    const documented = qualityDefinitions[indicator]?.series.map((s) => s.name);
    if (documented === undefined) continue;
    const answering = series.filter((s) => s.name === indicator || s.name.endsWith(`_${indicator}`));
    const names = new Set(answering.map((s) => s.name));
    const absent = documented.filter((name) => !names.has(name));
    if (absent.length > 0 && answering.length > 0)
      out.push(
        violation(
          "series.shape",
          "Result.Indicators",
          `${indicator} came back as ${answering.length} series (${[...names].join(", ")}); the vendor returns ${documented.length}: ${documented.join(", ")}`,
        ),
      );
  }
  return out;
}

/** Quality series carry their documented Unit (`%`); a missing or other unit changes how a dashboard labels and scales them. */
export function checkQualityUnits(series: readonly Series[]): Violation[] {
  const units = new Map(Object.values(qualityDefinitions).flatMap((d) => d.series.map((s) => [s.name, s.unit] as const)));
  const out: Violation[] = [];
  for (const s of series) {
    const expected = units.get(s.name);
    if (expected === undefined) continue;
    if (s.unit === undefined)
      out.push(violation("series.unit", `${s.path}.Unit`, `series ${s.name} has no Unit; the vendor sends ${JSON.stringify(expected)}`));
    else if (s.unit !== expected)
      out.push(
        violation("series.unit", `${s.path}.Unit`, `series ${s.name} has Unit ${JSON.stringify(s.unit)}, not ${JSON.stringify(expected)}`),
      );
  }
  return out;
}

/**
 * ListRealTimeQuality: 30 s buckets inside the window, none newer than now − 1 min; every series in
 * `%` stays within 0–100 with two decimals; joining within 5 s succeeds no more often than within
 * 10 s; RoomId is echoed. https://volcengine.com/docs/6348/124668 · https://volcengine.com/docs/6348/1167931#listquality
 */
export const listRealTimeQualityProfile: EndpointProfile = {
  endpointId: "volcengine.ListRealTimeQuality",
  success: [
    checkSeriesAnswerRequest,
    checkQualitySeriesShape,
    checkResultEcho("RoomId"),
    realtimeSeriesChecks("volcengine.ListRealTimeQuality", (series) => [
      ...checkQualityUnits(series),
      ...checkPercentScale(series, (name) => HIGH_IS_GOOD.test(name)),
      ...checkRange(series, 0, 100, "percentage"),
      ...checkNotGreater(series, "5s_join_room_success_rate", "10s_join_room_success_rate"),
    ]),
  ],
};

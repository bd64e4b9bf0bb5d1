import type { VolcengineSeriesDefinition } from "../../schemas/volcengine/indicators.js";
import type { EngineContext, VendorError } from "../core/vendor.js";
import { formatRfc3339, parseOffset, type RequestTime } from "./rfc3339-time.js";
import { bucketRange, type WindowRules } from "./time-window.js";

/** One series as it goes on the wire (key order as in the doc examples: Name, Unit, Data). */
export interface WireSeries {
  Name: string;
  Unit?: string;
  Data: { TimeStamp: string; Value: number }[];
}

/** The offset TimeStamps are written in and buckets are aligned to. */
export interface OutputOffset {
  offsetMinutes: number;
  suffix: string;
}

/** The buckets of one query: the first start, how many, their width and the offset they are written in. */
export interface TimeAxis {
  first: number;
  count: number;
  bucketMs: number;
  offset: OutputOffset;
  /** Identifies the axis in result cache keys: first bucket, count, bucket width and offset. */
  key: string;
}

/** The start of every bucket of an axis. */
export function bucketStarts(axis: TimeAxis): number[] {
  return Array.from({ length: axis.count }, (_, i) => axis.first + i * axis.bucketMs);
}

/**
 * `responseOffset: "request"` echoes the StartTime's offset (assumed: every doc example asks and
 * answers in +08:00, so the two readings cannot be told apart); a fixed offset such as "+08:00"
 * answers in that offset whatever the request used.
 */
export function outputOffsetOf(start: RequestTime, responseOffset: string): OutputOffset {
  if (responseOffset !== "request") {
    const minutes = parseOffset(responseOffset);
    if (minutes !== null)
      return { offsetMinutes: minutes, suffix: minutes === 0 && responseOffset.toUpperCase() === "Z" ? "Z" : responseOffset };
  }
  return { offsetMinutes: start.offsetMinutes, suffix: start.suffix };
}

/** The window rules of an endpoint, read from its registry limits; `bucketMs` is the fixed or chosen bucket. */
export function windowRulesOf(
  limits: { lookbackMs: { value: number }; maxSpanMs: { value: number }; dataDelayMs: { value: number } },
  bucketMs: number,
): Omit<WindowRules, "alignOffsetMinutes"> {
  return { lookbackMs: limits.lookbackMs.value, maxSpanMs: limits.maxSpanMs.value, dataDelayMs: limits.dataDelayMs.value, bucketMs };
}

/** The time axis of one query after the time rules, or the time-rule error. */
export function timeAxis(
  start: RequestTime,
  end: RequestTime,
  rules: Omit<WindowRules, "alignOffsetMinutes">,
  ctx: EngineContext,
): TimeAxis | { error: VendorError } {
  const offset = outputOffsetOf(start, ctx.options.volcengine.responseOffset);
  const range = bucketRange(start, end, ctx.clock.now(), { ...rules, alignOffsetMinutes: offset.offsetMinutes });
  if ("code" in range) return { error: range };
  const count = range.last < range.first ? 0 : Math.floor((range.last - range.first) / rules.bucketMs) + 1;
  return { first: range.first, count, bucketMs: rules.bucketMs, offset, key: `${range.first}|${count}|${rules.bucketMs}|${offset.suffix}` };
}

/** Builds one wire series from a catalog entry and the values at the axis' buckets. */
export function buildSeries(definition: VolcengineSeriesDefinition, axis: TimeAxis, values: ArrayLike<number>): WireSeries {
  const Data = bucketStarts(axis).map((t, i) => ({
    TimeStamp: formatRfc3339(t, axis.offset.offsetMinutes, axis.offset.suffix),
    Value: values[i]!,
  }));
  return definition.unitOnWire ? { Name: definition.name, Unit: definition.unit, Data } : { Name: definition.name, Data };
}

/** InvalidParameter.NotExistAppId when `knownAppIds` is configured and the AppId is not in it. */
export function unknownApp(appId: string, ctx: EngineContext): VendorError | null {
  const known = ctx.options.volcengine.knownAppIds;
  return known !== null && !known.includes(appId) ? { code: "InvalidParameter.NotExistAppId", args: [appId] } : null;
}

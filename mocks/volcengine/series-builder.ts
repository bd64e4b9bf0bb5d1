import type { VolcengineSeriesDefinition } from "../../schemas/volcengine/indicators.js";
import type { EngineContext } from "../engine-context.js";
import type { VendorError } from "../vendor-protocol.js";
import { createTimestampFormatter, parseOffset, type RequestTime } from "./rfc3339-time.js";
import { bucketsOf, type WindowRules } from "./time-window.js";

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

const formatTimestamp = createTimestampFormatter();

/**
 * `responseOffset: "request"` echoes the StartTime's offset (assumed: every doc example asks and
 * answers in +08:00, so the two readings cannot be told apart); a fixed offset such as "+08:00"
 * answers in that offset whatever the request used.
 */
export function outputOffsetOf(start: RequestTime, responseOffset: string): OutputOffset {
  if (responseOffset !== "request") {
    const minutes = parseOffset(responseOffset);
    if (minutes !== null) return { offsetMinutes: minutes, suffix: minutes === 0 && responseOffset.toUpperCase() === "Z" ? "Z" : responseOffset };
  }
  return { offsetMinutes: start.offsetMinutes, suffix: start.suffix };
}

/** Bucket starts and their formatted TimeStamps for one query, or the time-rule error. */
export function timeAxis(
  start: RequestTime,
  end: RequestTime,
  rules: Omit<WindowRules, "alignOffsetMinutes">,
  ctx: EngineContext,
): { buckets: number[]; stamps: string[] } | { error: VendorError } {
  const offset = outputOffsetOf(start, ctx.options.volcengine.responseOffset);
  const buckets = bucketsOf(start, end, ctx.clock.now(), { ...rules, alignOffsetMinutes: offset.offsetMinutes });
  if (!Array.isArray(buckets)) return { error: buckets };
  const stamps = new Array<string>(buckets.length);
  for (let i = 0; i < buckets.length; i++) stamps[i] = formatTimestamp(buckets[i]!, offset.offsetMinutes, offset.suffix);
  return { buckets, stamps };
}

/** Builds one wire series from a catalog entry and a value function of the bucket start. */
export function buildSeries(definition: VolcengineSeriesDefinition, buckets: readonly number[], stamps: readonly string[], value: (t: number) => number): WireSeries {
  const data = new Array<{ TimeStamp: string; Value: number }>(buckets.length);
  for (let i = 0; i < buckets.length; i++) data[i] = { TimeStamp: stamps[i]!, Value: value(buckets[i]!) };
  return definition.unitOnWire ? { Name: definition.name, Unit: definition.unit, Data: data } : { Name: definition.name, Data: data };
}

/** InvalidParameter.NotExistAppId when `knownAppIds` is configured and the AppId is not in it. */
export function unknownApp(appId: string, ctx: EngineContext): VendorError | null {
  const known = ctx.options.volcengine.knownAppIds;
  return known !== null && !known.includes(appId) ? { code: "InvalidParameter.NotExistAppId", args: [appId] } : null;
}

import type { VolcengineSeriesDefinition } from "../../schemas/volcengine/indicators.js";
import type { EngineContext } from "../engine-context.js";
import type { VendorError } from "../core/vendor.js";
import { createTimestampFormatter, parseOffset, type RequestTime } from "./rfc3339-time.js";
import { axisKey } from "./result-cache.js";
import { bucketRange, type WindowRules } from "./time-window.js";
import { markTrusted, pointPrefix } from "./wire-json.js";

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

/** The buckets of one query: starts, formatted TimeStamps and their JSON prefixes. Shared, never mutated. */
export interface TimeAxis {
  buckets: readonly number[];
  stamps: readonly string[];
  /** `{"TimeStamp":"…","Value":` per bucket, for the hand-written JSON of wire-json.ts. */
  prefixes: readonly string[];
  /** `axisKey` of the axis, for result cache keys (computed once per axis). */
  key: string;
}

const formatTimestamp = createTimestampFormatter();
const MAX_CACHED_AXES = 4_096;
// Realtime dashboards ask for the same windows over and over; an axis depends only on its range and offset.
const axes = new Map<string, TimeAxis>();

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

function buildAxis(first: number, last: number, bucketMs: number, offset: OutputOffset): TimeAxis {
  const count = last < first ? 0 : Math.floor((last - first) / bucketMs) + 1;
  const buckets = new Array<number>(count);
  const stamps = new Array<string>(count);
  const prefixes = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const t = first + i * bucketMs;
    buckets[i] = t;
    stamps[i] = formatTimestamp(t, offset.offsetMinutes, offset.suffix);
    prefixes[i] = pointPrefix(stamps[i]!);
  }
  return { buckets, stamps, prefixes, key: axisKey(buckets, stamps) };
}

/** The window rules of an endpoint, read from its registry limits; `bucketMs` is the fixed or chosen bucket. */
export function windowRulesOf(
  limits: { lookbackMs: { value: number }; maxSpanMs: { value: number }; dataDelayMs: { value: number } },
  bucketMs: number,
): Omit<WindowRules, "alignOffsetMinutes"> {
  return { lookbackMs: limits.lookbackMs.value, maxSpanMs: limits.maxSpanMs.value, dataDelayMs: limits.dataDelayMs.value, bucketMs };
}

/** Everything besides `start` that an axis depends on, with the axis it gave. */
interface AxisMemo {
  end: RequestTime;
  nowMs: number;
  rules: Omit<WindowRules, "alignOffsetMinutes">;
  responseOffset: string;
  axis: TimeAxis;
}

// Parsed inputs are cached (protocol.ts), so a repeated body brings back the same RequestTime
// objects: the axis of the last (end, now, rules, response offset) is kept on its start. timeAxis is
// a pure function of exactly these, so an equal reading is the same axis; a new clock reading misses.
const lastAxes = new WeakMap<RequestTime, AxisMemo>();

function sameRules(a: Omit<WindowRules, "alignOffsetMinutes">, b: Omit<WindowRules, "alignOffsetMinutes">): boolean {
  return a.bucketMs === b.bucketMs && a.lookbackMs === b.lookbackMs && a.maxSpanMs === b.maxSpanMs && a.dataDelayMs === b.dataDelayMs;
}

/** The time axis of one query after the time rules, or the time-rule error. */
export function timeAxis(
  start: RequestTime,
  end: RequestTime,
  rules: Omit<WindowRules, "alignOffsetMinutes">,
  ctx: EngineContext,
): TimeAxis | { error: VendorError } {
  const nowMs = ctx.clock.now();
  const responseOffset = ctx.options.volcengine.responseOffset;
  const memo = lastAxes.get(start);
  if (
    memo !== undefined &&
    memo.end === end &&
    memo.nowMs === nowMs &&
    memo.responseOffset === responseOffset &&
    sameRules(memo.rules, rules)
  )
    return memo.axis;
  const offset = outputOffsetOf(start, responseOffset);
  const range = bucketRange(start, end, nowMs, { ...rules, alignOffsetMinutes: offset.offsetMinutes });
  if ("code" in range) return { error: range };
  const key = `${range.first}|${range.last}|${rules.bucketMs}|${offset.suffix}`;
  let axis = axes.get(key);
  if (axis === undefined) {
    axis = buildAxis(range.first, range.last, rules.bucketMs, offset);
    if (axes.size >= MAX_CACHED_AXES) axes.clear();
    axes.set(key, axis);
  }
  lastAxes.set(start, { end, nowMs, rules, responseOffset, axis });
  return axis;
}

/** Builds one wire series from a catalog entry and the values at the axis' buckets. */
export function buildSeries(definition: VolcengineSeriesDefinition, axis: TimeAxis, values: ArrayLike<number>): WireSeries {
  const { stamps } = axis;
  const data = new Array<{ TimeStamp: string; Value: number }>(stamps.length);
  for (let i = 0; i < stamps.length; i++) data[i] = { TimeStamp: stamps[i]!, Value: values[i]! };
  markTrusted(data, axis.prefixes);
  return definition.unitOnWire ? { Name: definition.name, Unit: definition.unit, Data: data } : { Name: definition.name, Data: data };
}

/** InvalidParameter.NotExistAppId when `knownAppIds` is configured and the AppId is not in it. */
export function unknownApp(appId: string, ctx: EngineContext): VendorError | null {
  const known = ctx.options.volcengine.knownAppIds;
  return known !== null && !known.includes(appId) ? { code: "InvalidParameter.NotExistAppId", args: [appId] } : null;
}

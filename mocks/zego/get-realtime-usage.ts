import type { EndpointLimits } from "../../schemas/common/limits.js";
import { zegoRealtimeMetricNames, type ZegoRealtimeMetric } from "../../schemas/zego/metrics.js";
import type { EngineContext } from "../core/vendor.js";
import type { VendorError } from "../core/vendor.js";
import type { ZegoPointAlignment } from "./options.js";

/** A GetRealtimeUsage request after parsing: numbers instead of wire text, the window resolved against the clock. */
export interface GetRealtimeUsageInput {
  appId: string;
  /** Requested metrics, in request order, duplicates dropped. */
  metrics: ZegoRealtimeMetric[];
  /** StartTs (ms). */
  fromMs: number;
  /** EndTs, with 0 or a future value replaced by the clock's now (ms). */
  toMs: number;
  /** The clock at parse time; the data delay is measured from it. */
  nowMs: number;
}

const KNOWN_METRICS: ReadonlySet<string> = new Set(zegoRealtimeMetricNames);
/** Up to 16 digits: every such value is a safe integer, and no real millisecond time is longer. */
const MILLISECONDS = /^[0-9]{1,16}$/;
const FALLBACK_LOOKBACK_MS = 2 * 3_600_000;
const FALLBACK_DELAY_MS = 3 * 60_000;

const invalid = (detail: string): { error: VendorError } => ({ error: { code: "10002", args: [detail] } });
const malformed = (detail: string): { error: VendorError } => ({ error: { code: "10001", args: [detail] } });

/**
 * Reads and checks the business parameters of GetRealtimeUsage (the AppId is already known to be
 * well formed). Codes: a missing or unknown value is 10002 "parameter error or invalid", a value
 * that is present but not a non-negative integer is 10001 "parameter format error". ZEGO documents
 * both codes but not which check yields which; the split is assumed.
 * https://www.zegocloud.com/docs/analytics-dashboard-server/real-time-monitoring/get-real-time-usage
 */
export function parseGetRealtimeUsage(
  params: URLSearchParams,
  appId: string,
  limits: EndpointLimits,
  ctx: EngineContext,
): { input: GetRealtimeUsageInput } | { error: VendorError } {
  // URLSearchParams decodes `Metrics%5B%5D` to `Metrics[]`, so the raw and encoded brackets agree;
  // plain `Metrics` is the OpenAPI yaml's spelling (style form, explode). All three may be mixed,
  // and the metrics are taken in query order.
  const requested: string[] = [];
  for (const [key, value] of params) if (key === "Metrics[]" || key === "Metrics") requested.push(value);
  if (requested.length === 0) return invalid("Metrics[] is required (repeat Metrics[]=<metric> once per metric)");
  const metrics: ZegoRealtimeMetric[] = [];
  for (const name of requested) {
    if (!KNOWN_METRICS.has(name)) return invalid(`unsupported metric in Metrics[]: ${JSON.stringify(name.slice(0, 64))}`);
    if (!metrics.includes(name as ZegoRealtimeMetric)) metrics.push(name as ZegoRealtimeMetric);
  }

  const startText = params.get("StartTs");
  const endText = params.get("EndTs");
  if (startText === null || startText === "") return invalid("StartTs is required (UTC milliseconds)");
  if (endText === null || endText === "") return invalid("EndTs is required (UTC milliseconds, 0 for now)");
  if (!MILLISECONDS.test(startText)) return malformed("StartTs must be a non-negative integer of UTC milliseconds");
  if (!MILLISECONDS.test(endText)) return malformed("EndTs must be a non-negative integer of UTC milliseconds");
  const startTs = Number(startText);
  const endTs = Number(endText);

  const nowMs = ctx.clock.now();
  const lookbackMs = limits.lookbackMs?.value ?? FALLBACK_LOOKBACK_MS;
  const earliest = nowMs - lookbackMs;
  // "0 or the current timestamp means in progress": 0 is now; a future EndTs is read as now too (assumed).
  const toMs = endTs === 0 || endTs > nowMs ? nowMs : endTs;
  if (startTs > nowMs) return invalid(`StartTs ${startTs} is later than the current time ${nowMs}`);
  if (endTs !== 0 && startTs > endTs) return invalid(`StartTs ${startTs} is later than EndTs ${endTs}`);
  if (startTs < earliest) {
    return invalid(
      `StartTs ${startTs} is outside the last ${lookbackMs / 3_600_000} hours (earliest ${earliest}); note StartTs is in milliseconds`,
    );
  }
  return { input: { appId, metrics, fromMs: startTs, toMs, nowMs } };
}

/**
 * The point times of a query, one per step (options.zego.stepMs) from StartTs up to
 * min(EndTs, now − data delay (3 min)), both ends included. `start` (options.zego.alignPoints):
 * StartTs, StartTs + step, …, keeping StartTs's offset within the step as both doc examples do;
 * `epoch`: the multiples of the step since the epoch inside the window. A window entirely inside
 * the delay has none.
 */
export function pointTimes(input: GetRealtimeUsageInput, limits: EndpointLimits, stepMs: number, align: ZegoPointAlignment): number[] {
  if (!Number.isInteger(stepMs) || stepMs < 1000 || stepMs > 3_600_000) {
    throw new Error(`options.zego.stepMs must be an integer between 1000 and 3600000 ms, got ${String(stepMs)}`);
  }
  if (align !== "start" && align !== "epoch") {
    throw new Error(`options.zego.alignPoints must be "start" or "epoch", got ${JSON.stringify(align)}`);
  }
  const delayMs = limits.dataDelayMs?.value ?? FALLBACK_DELAY_MS;
  const end = Math.min(input.toMs, input.nowMs - delayMs);
  const first = align === "start" ? input.fromMs : Math.ceil(input.fromMs / stepMs) * stepMs;
  const times: number[] = [];
  for (let t = first; t <= end; t += stepMs) times.push(t);
  return times;
}

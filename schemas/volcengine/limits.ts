import type { EndpointLimits, RateLimitRule } from "../common/limits.js";
import { documented } from "../common/sourced.js";
import { volcengineSources as src } from "./sources.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "最大请求次数：2 次/秒", the same on all three pages. The docs do not say who shares the budget:
 * the RTC OpenAPI guide (412251) counts per account across AppIds, but that page is about the IM
 * APIs, so the fake server counts per AppId (assumed; docs/volcengine.md).
 */
function twoPerSecond(source: string): RateLimitRule {
  return {
    limit: 2,
    windowMs: 1_000,
    scope: "app",
    fidelity: "documented",
    source,
    note: `2 req/s is documented; counting it per AppId (not per account, as ${src.rtcOpenApiGuide} says for IM) is assumed`,
  };
}

/** `UserId` list length: "最多可以指定 20 个" (https://volcengine.com/docs/6348/124668). */
export const volcengineListLimits = {
  UserId: documented(20, src.listRealTimeQuality),
} as const;

/** ListRealTimeOperationData: 2/s, lookback 60 min, span 60 min, delay 20 s, 30 s buckets (https://volcengine.com/docs/6348/1219551). */
export const listRealTimeOperationDataLimits = {
  rate: [twoPerSecond(src.listRealTimeOperationData)],
  lookbackMs: documented(60 * MINUTE, src.listRealTimeOperationData),
  maxSpanMs: documented(60 * MINUTE, src.listRealTimeOperationData),
  dataDelayMs: documented(20_000, src.listRealTimeOperationData),
  bucketMs: documented(30_000, src.listRealTimeOperationData, 'TimeStamp is the bucket start, "每 30s 一聚合"'),
} satisfies EndpointLimits;

/** ListOperationData: 2/s, lookback 30 days, span 7 days, delay 8 h, 1h or 1d buckets (https://volcengine.com/docs/6348/1219547). */
export const listOperationDataLimits = {
  rate: [twoPerSecond(src.listOperationData)],
  lookbackMs: documented(30 * DAY, src.listOperationData),
  maxSpanMs: documented(7 * DAY, src.listOperationData),
  dataDelayMs: documented(8 * HOUR, src.listOperationData),
  granularitiesMs: documented({ "1h": HOUR, "1d": DAY } as const, src.listOperationData),
} satisfies EndpointLimits;

/** ListRealTimeQuality: 2/s, lookback 60 min, span 60 min, delay 1 min, 30 s buckets, UserId ≤ 20 (https://volcengine.com/docs/6348/124668). */
export const listRealTimeQualityLimits = {
  rate: [twoPerSecond(src.listRealTimeQuality)],
  lookbackMs: documented(60 * MINUTE, src.listRealTimeQuality),
  maxSpanMs: documented(60 * MINUTE, src.listRealTimeQuality),
  dataDelayMs: documented(MINUTE, src.listRealTimeQuality),
  bucketMs: documented(30_000, src.listRealTimeQuality, 'TimeStamp is the bucket start, "每 30s 一聚合"'),
  maxListLength: volcengineListLimits,
} satisfies EndpointLimits;

import type { EndpointLimits, RateLimitRule } from "../common/limits.js";
import { assumed, documented } from "../common/sourced.js";
import { zegoSources } from "./sources.js";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** 3 calls per minute per AppId. https://www.zegocloud.com/docs/analytics-dashboard-server/real-time-monitoring/get-real-time-usage */
export const zegoPerMinuteRule: RateLimitRule = {
  limit: 3,
  windowMs: MINUTE_MS,
  scope: "app",
  fidelity: "documented",
  source: zegoSources.getRealtimeUsage,
  note: "Counted in fixed minute windows on the fake server's clock (assumed; ZEGO does not say fixed or sliding). Switch: options.rateLimits / engine.setRateLimits(false).",
};

/** 480 calls per day per AppId. https://www.zegocloud.com/docs/analytics-dashboard-server/real-time-monitoring/get-real-time-usage */
export const zegoPerDayRule: RateLimitRule = {
  limit: 480,
  windowMs: DAY_MS,
  scope: "app",
  fidelity: "documented",
  source: zegoSources.getRealtimeUsage,
  note: "The day is a fixed UTC day on the fake server's clock (assumed; ZEGO does not say which day or time zone). The same 30002 answers it (assumed; not stated). Switch: options.rateLimits.",
};

/**
 * Step between the points of a series when `options.zego.stepMs` is not set. The docs disagree:
 * the seed (older Chinese page) and the overview pages say "seconds", the current detail pages
 * and OpenAPI yaml say "minutes" (changed 2025-09-19, with an example whose points are 60 s
 * apart). Assumed: 60 s, the current statement; switch: options.zego.stepMs (e.g. 1000).
 */
export const ZEGO_DEFAULT_STEP_MS = 60_000;

/** Time and rate rules of GetRealtimeUsage. https://www.zegocloud.com/docs/analytics-dashboard-server/real-time-monitoring/get-real-time-usage */
export const getRealtimeUsageLimits = {
  rate: [zegoPerMinuteRule, zegoPerDayRule],
  lookbackMs: documented(
    2 * 3_600_000,
    zegoSources.getRealtimeUsage,
    "Data only for the last 2 hours; an older StartTs is answered with 10002 (that code is assumed).",
  ),
  dataDelayMs: documented(3 * MINUTE_MS, zegoSources.getRealtimeUsage, "Data delay 3 minutes: no point is newer than now − 3 min."),
  bucketMs: assumed(
    ZEGO_DEFAULT_STEP_MS,
    "The docs disagree on granularity: seconds (seed, overview pages) vs minutes (current detail pages, OpenAPI yaml, 60 s-apart example). 60 s follows the current statement.",
    "Switch: options.zego.stepMs.",
  ),
} as const satisfies EndpointLimits;

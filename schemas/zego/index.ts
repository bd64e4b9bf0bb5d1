import { defineEndpoint } from "../common/endpoint.js";
import { ZegoErrorResponse } from "./envelope.js";
import { GetRealtimeUsageQuery, GetRealtimeUsageResponse } from "./get-realtime-usage.js";
import { getRealtimeUsageLimits } from "./limits.js";
import { zegoSources } from "./sources.js";

/**
 * The ZEGO analytics endpoints: GetRealtimeUsage only. All parameters (common and business) travel
 * in the query of a GET, so `query` holds the signing parameters too (ZEGO has no header carrier).
 * https://www.zegocloud.com/docs/analytics-dashboard-server/real-time-monitoring/get-real-time-usage
 */
export const zegoEndpoints = [
  defineEndpoint({
    id: "zego.GetRealtimeUsage",
    vendor: "zego",
    action: "GetRealtimeUsage",
    version: null,
    method: "GET",
    host: "analytics-api.zego.im",
    actionCarrier: "query",
    docUrl: zegoSources.getRealtimeUsage,
    query: GetRealtimeUsageQuery,
    response: GetRealtimeUsageResponse,
    errorResponse: ZegoErrorResponse,
    limits: getRealtimeUsageLimits,
  }),
] as const;

export * from "./envelope.js";
export * from "./errors.js";
export * from "./get-realtime-usage.js";
export * from "./limits.js";
export * from "./metrics.js";
export * from "./query-object.js";
export * from "./signing.js";
export * from "./sources.js";

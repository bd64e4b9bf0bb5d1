import { volcengineRealtimeOperationIndicators } from "../../schemas/volcengine/indicators.js";
import type { listRealTimeOperationDataLimits } from "../../schemas/volcengine/limits.js";
import { ListRealTimeOperationDataRequest } from "../../schemas/volcengine/list-real-time-operation-data.js";
import type { EngineContext } from "../engine-context.js";
import type { Parsed, Resolved } from "../core/vendor.js";
import { validateBody } from "./parse-body.js";
import { parseCommonQuery, type VolcengineQuery } from "./query.js";
import { cachedResult, queryKeyOf } from "./result-cache.js";
import { rtcWorldOf } from "./rtc-world.js";
import { buildSeries, timeAxis, unknownApp, windowRulesOf, type WireSeries } from "./series-builder.js";

const FIELDS = Object.keys(ListRealTimeOperationDataRequest.shape);

/** Parsed ListRealTimeOperationData request. */
export type ListRealTimeOperationDataInput = VolcengineQuery;

/** Parses a ListRealTimeOperationData body (https://volcengine.com/docs/6348/1219551); tenant = AppId. */
export function parseListRealTimeOperationData(json: Record<string, unknown>, ctx: EngineContext): Parsed {
  const body = validateBody(ListRealTimeOperationDataRequest, json, FIELDS, ctx.options.volcengine.rejectUnknownFields);
  if ("error" in body) return body;
  const query = parseCommonQuery(body.value, volcengineRealtimeOperationIndicators, "ListRealTimeOperationData");
  return "error" in query ? query : { input: query, tenant: query.appId };
}

/**
 * ListRealTimeOperationData: online users and rooms of the AppId in 30 s buckets, from the seeded
 * online-user curve; rooms never exceed users. Time rules from the endpoint limits.
 */
export function resolveListRealTimeOperationData(
  input: ListRealTimeOperationDataInput,
  limits: typeof listRealTimeOperationDataLimits,
  ctx: EngineContext,
): Resolved {
  const missing = unknownApp(input.appId, ctx);
  if (missing !== null) return { error: missing };
  const axis = timeAxis(input.start, input.end, windowRulesOf(limits, limits.bucketMs.value), ctx);
  if ("error" in axis) return axis;
  const world = rtcWorldOf(ctx.world);
  const { appId } = input;
  // The result depends only on the AppId, the indicators and the bucket axis (pure world data).
  const key =
    queryKeyOf(input, () => JSON.stringify(["ListRealTimeOperationData", appId, input.indicators.map((i) => i.indicator)])) + axis.key;
  const result = cachedResult(ctx.world, key, () => {
    // Users and rooms come from one pass over the curve, whichever of them was asked for.
    const counts = world.onlineCounts(appId, axis.buckets);
    const Indicators: WireSeries[] = [];
    for (const indicator of input.indicators) {
      Indicators.push(buildSeries(indicator.series[0]!, axis, indicator.indicator === "online_room_count" ? counts.rooms : counts.users));
    }
    return { Indicators };
  });
  return { result };
}

import { volcengineOfflineOperationIndicators } from "../../schemas/volcengine/indicators.js";
import type { listOperationDataLimits } from "../../schemas/volcengine/limits.js";
import { ListOperationDataRequest, type AggregateGranularity } from "../../schemas/volcengine/list-operation-data.js";
import type { EngineContext } from "../engine-context.js";
import type { Parsed, Resolved } from "../core/vendor.js";
import { validateBody } from "./parse-body.js";
import { parseCommonQuery, type VolcengineQuery } from "./query.js";
import { cachedResult, queryKeyOf } from "./result-cache.js";
import { rtcWorldOf } from "./rtc-world.js";
import { buildSeries, timeAxis, unknownApp, windowRulesOf, type WireSeries } from "./series-builder.js";

const FIELDS = Object.keys(ListOperationDataRequest.shape);

/** Parsed ListOperationData request. */
export interface ListOperationDataInput extends VolcengineQuery {
  granularity: AggregateGranularity;
}

/** Parses a ListOperationData body (https://volcengine.com/docs/6348/1219547); tenant = AppId. */
export function parseListOperationData(json: Record<string, unknown>, ctx: EngineContext): Parsed {
  const body = validateBody(ListOperationDataRequest, json, FIELDS, ctx.options.volcengine.rejectUnknownFields);
  if ("error" in body) return body;
  const query = parseCommonQuery(body.value, volcengineOfflineOperationIndicators, "ListOperationData");
  return "error" in query ? query : { input: { ...query, granularity: body.value.AggregateGranularity }, tenant: query.appId };
}

/**
 * ListOperationData: offline operation data in 1h or 1d buckets aligned to the response offset's
 * hours and midnights (assumed), integrated from the same online-user curve as the realtime data,
 * and the echoed AggregateGranularity.
 */
export function resolveListOperationData(
  input: ListOperationDataInput,
  limits: typeof listOperationDataLimits,
  ctx: EngineContext,
): Resolved {
  const missing = unknownApp(input.appId, ctx);
  if (missing !== null) return { error: missing };
  const bucketMs = limits.granularitiesMs.value[input.granularity];
  const axis = timeAxis(input.start, input.end, windowRulesOf(limits, bucketMs), ctx);
  if ("error" in axis) return axis;
  const world = rtcWorldOf(ctx.world);
  const { appId } = input;
  // The result depends only on the AppId, the indicators, the granularity and the bucket axis (pure world data).
  const key =
    queryKeyOf(input, () => JSON.stringify(["ListOperationData", appId, input.indicators.map((i) => i.indicator), input.granularity])) +
    axis.key;
  const result = cachedResult(ctx.world, key, () => {
    const values = world.offline(appId, axis.buckets, bucketMs);
    const Indicators: WireSeries[] = [];
    for (const indicator of input.indicators) {
      Indicators.push(buildSeries(indicator.series[0]!, axis, values[indicator.indicator as keyof typeof values]));
    }
    return { AggregateGranularity: input.granularity, Indicators };
  });
  return { result };
}

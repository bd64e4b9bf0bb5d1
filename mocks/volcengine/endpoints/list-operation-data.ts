import type { listOperationDataLimits } from "../../../schemas/volcengine/limits.js";
import { volcengineOfflineOperationIndicators } from "../../../schemas/volcengine/indicators.js";
import { volcengineEndpoints } from "../../../schemas/volcengine/index.js";
import { ListOperationDataRequest, type AggregateGranularity } from "../../../schemas/volcengine/list-operation-data.js";
import { volcengineSources as src } from "../../../schemas/volcengine/sources.js";
import type { EndpointId } from "../../../schemas/registry.js";
import type { Behaviour } from "../../core/behaviour.js";
import type { LedgerEntry } from "../../ledger.js";
import { otherGenerationRule } from "../generations.js";
import type { VolcengineBackend } from "../backend.js";
import { beijingTime, EXAMPLE_APP_ID, volcengineExample } from "../example.js";
import { readJsonBody, validateBody } from "../parse-body.js";
import { parseCommonQuery, type VolcengineQuery } from "../query.js";
import { bucketStarts, buildSeries, timeAxis, unknownApp, windowRulesOf } from "../series-builder.js";

const FIELDS = Object.keys(ListOperationDataRequest.shape);
const HOUR = 3_600_000;

/** Parsed ListOperationData request. */
export interface ListOperationDataInput extends VolcengineQuery {
  granularity: AggregateGranularity;
}

/**
 * ListOperationData (https://volcengine.com/docs/6348/1219547): offline operation data in 1h or 1d
 * buckets aligned to the response offset's hours and midnights (assumed), integrated from the same
 * online-user curve as the realtime data, and the echoed AggregateGranularity. Tenant = AppId.
 */
/** The behaviour at one API generation (both are served; their request, reply and limits are the same). */
function listOperationDataAt<Id extends EndpointId>(
  endpoint: { id: Id; action: string; version: string; limits: typeof listOperationDataLimits },
  ledger: readonly LedgerEntry[],
): Behaviour<Id, VolcengineBackend, ListOperationDataInput> {
  const ACTION = endpoint.action;
  return {
    id: endpoint.id,

    parse(request, ctx) {
      const json = readJsonBody(request, ctx.options.volcengine.nullAsAbsent);
      if ("error" in json) return json;
      const body = validateBody(ListOperationDataRequest, json.json, FIELDS, ctx.options.volcengine.rejectUnknownFields);
      if ("error" in body) return body;
      const query = parseCommonQuery(body.value, volcengineOfflineOperationIndicators, ACTION);
      return "error" in query ? query : { input: { ...query, granularity: body.value.AggregateGranularity }, tenant: query.appId };
    },

    resolve(input, ctx) {
      const missing = unknownApp(input.appId, ctx);
      if (missing !== null) return { error: missing };
      const bucketMs = endpoint.limits.granularitiesMs.value[input.granularity];
      const axis = timeAxis(input.start, input.end, windowRulesOf(endpoint.limits, bucketMs), ctx);
      if ("error" in axis) return axis;
      const names = input.indicators.map((indicator) => indicator.indicator);
      return {
        // The data depends only on the AppId, the indicators, the granularity and the bucket axis.
        cacheKey: JSON.stringify([input.appId, names, input.granularity, axis.key]),
        data: () => {
          const values = ctx.backend.world.offline(input.appId, bucketStarts(axis), bucketMs);
          return {
            AggregateGranularity: input.granularity,
            Indicators: input.indicators.map((indicator) =>
              buildSeries(indicator.series[0]!, axis, values[indicator.indicator as keyof typeof values]),
            ),
          };
        },
      };
    },

    // The 7 whole days ending at the last whole hour more than 8 h (the data delay) ago, hourly.
    example: (now) => {
      const end = Math.floor((now - 9 * HOUR) / HOUR) * HOUR;
      return volcengineExample(ACTION, endpoint.version, {
        AppId: EXAMPLE_APP_ID,
        StartTime: beijingTime(end - 7 * 24 * HOUR),
        EndTime: beijingTime(end),
        Indicator: ["per_call_time", "avg_call_time"],
        AggregateGranularity: "1h",
      });
    },

    ledger,
  };
}

/** The rules of this action (docs/FIDELITY.md), stated once for both generations. */
const rules: readonly LedgerEntry[] = [
  {
    vendor: "volcengine",
    action: volcengineEndpoints[1].action,
    rule: "Lookback 30 days, max span 7 days, data delay 8 h, AggregateGranularity 1h or 1d (required) echoed in the Result.",
    fidelity: "documented",
    source: src.listOperationData,
  },
  {
    vendor: "volcengine",
    action: volcengineEndpoints[1].action,
    rule: "Offline data integrates the realtime online-user curve (5-minute steps) over each bucket: avg_call_time = per-app call length (6–26 min), user_count = user-minutes ÷ call length ÷ calls per user (1.1 per hour, 1.9 per day), per_call_time = user-minutes ÷ user_count. Units: minutes.",
    fidelity: "assumed",
    source: `per_call_time and avg_call_time appear only in examples (${src.listOperationData}); meanings and units are inferred from the names; user_count is defined on ${src.listOperationDistribution}.`,
  },
  {
    vendor: "volcengine",
    action: volcengineEndpoints[1].action,
    rule: "The 2023-11-01 operation replies carry no Unit (as in the examples); quality replies carry Unit '%'.",
    fidelity: "documented",
    source: `${src.listRealTimeOperationData}; ${src.listOperationData}; ${src.listRealTimeQuality}`,
  },
];

export const listOperationData = listOperationDataAt(volcengineEndpoints[1], rules);

/** The same action at the other API generation. */
export const listOperationData20201201 = listOperationDataAt(volcengineEndpoints[4], [
  otherGenerationRule(volcengineEndpoints[4], volcengineEndpoints[1].version),
]);

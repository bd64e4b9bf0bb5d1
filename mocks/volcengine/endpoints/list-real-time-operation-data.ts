import type { listRealTimeOperationDataLimits } from "../../../schemas/volcengine/limits.js";
import { volcengineRealtimeOperationIndicators } from "../../../schemas/volcengine/indicators.js";
import { volcengineEndpoints } from "../../../schemas/volcengine/index.js";
import { ListRealTimeOperationDataRequest } from "../../../schemas/volcengine/list-real-time-operation-data.js";
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

const FIELDS = Object.keys(ListRealTimeOperationDataRequest.shape);

/**
 * ListRealTimeOperationData (https://volcengine.com/docs/6348/1219551): online users and rooms of the
 * AppId in 30 s buckets, from the seeded online-user curve; rooms never exceed users. Tenant = AppId.
 */
/** The behaviour at one API generation (both are served; their request, reply and limits are the same). */
function listRealTimeOperationDataAt<Id extends EndpointId>(
  endpoint: { id: Id; action: string; version: string; limits: typeof listRealTimeOperationDataLimits },
  ledger: readonly LedgerEntry[],
): Behaviour<Id, VolcengineBackend, VolcengineQuery> {
  const ACTION = endpoint.action;
  return {
    id: endpoint.id,

    parse(request, ctx) {
      const json = readJsonBody(request, ctx.options.volcengine.nullAsAbsent);
      if ("error" in json) return json;
      const body = validateBody(ListRealTimeOperationDataRequest, json.json, FIELDS, ctx.options.volcengine.rejectUnknownFields);
      if ("error" in body) return body;
      const query = parseCommonQuery(body.value, volcengineRealtimeOperationIndicators, ACTION);
      return "error" in query ? query : { input: query, tenant: query.appId };
    },

    resolve(input, ctx) {
      const missing = unknownApp(input.appId, ctx);
      if (missing !== null) return { error: missing };
      const axis = timeAxis(input.start, input.end, windowRulesOf(endpoint.limits, endpoint.limits.bucketMs.value), ctx);
      if ("error" in axis) return axis;
      const names = input.indicators.map((indicator) => indicator.indicator);
      return {
        // The data depends only on the AppId, the indicators and the bucket axis.
        cacheKey: JSON.stringify([input.appId, names, axis.key]),
        data: () => {
          // Users and rooms come from one pass over the curve, whichever of them was asked for.
          const counts = ctx.backend.world.onlineCounts(input.appId, bucketStarts(axis));
          return {
            Indicators: input.indicators.map((indicator) =>
              buildSeries(indicator.series[0]!, axis, indicator.indicator === "online_room_count" ? counts.rooms : counts.users),
            ),
          };
        },
      };
    },

    example: (now) =>
      volcengineExample(ACTION, endpoint.version, {
        AppId: EXAMPLE_APP_ID,
        StartTime: beijingTime(now - 3_600_000),
        EndTime: beijingTime(now),
        Indicator: ["online_user_count", "online_room_count"],
      }),

    ledger,
  };
}

/** The rules of this action (docs/FIDELITY.md), stated once for both generations. */
const rules: readonly LedgerEntry[] = [
  {
    vendor: "volcengine",
    action: volcengineEndpoints[0].action,
    rule: "Lookback 60 min, max span 60 min, data delay 20 s, 30 s buckets.",
    fidelity: "documented",
    source: src.listRealTimeOperationData,
  },
  {
    vendor: "volcengine",
    action: volcengineEndpoints[0].action,
    rule: "online_user_count follows one seeded curve per AppId (app scale × daily rhythm in +08:00 × slow and fast noise); online_room_count = users ÷ a per-app users-per-room factor (1.6–4.5), so rooms ≤ users. Other realtime indicators are not served.",
    fidelity: "assumed",
    source: `Only the two names are documented (${src.listRealTimeOperationData}); curve shape and ratios are the fake's.`,
  },
];

export const listRealTimeOperationData = listRealTimeOperationDataAt(volcengineEndpoints[0], rules);

/** The same action at the other API generation. */
export const listRealTimeOperationData20201201 = listRealTimeOperationDataAt(volcengineEndpoints[3], [
  otherGenerationRule(volcengineEndpoints[3], volcengineEndpoints[0].version),
]);

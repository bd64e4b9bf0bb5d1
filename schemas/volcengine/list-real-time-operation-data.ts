import { z } from "zod";
import { successEnvelope } from "./envelope.js";
import { IndicatorSeries } from "./indicator-series.js";
import { seriesQueryFields } from "./series-query.js";

/**
 * ListRealTimeOperationData 2023-11-01 request body (https://volcengine.com/docs/6348/1219551).
 * Strict: unknown fields are rejected by the fake server (assumed; see docs/volcengine.md).
 */
export const ListRealTimeOperationDataRequest = z
  .strictObject({
    ...seriesQueryFields(
      {
        description: "Realtime operation indicators, e.g. online_user_count, online_room_count",
        examples: ["online_user_count", "online_room_count"],
      },
      "661e****543cf",
    ),
  })
  .meta({ description: "ListRealTimeOperationData body: lookback 60 min, span ≤ 60 min, 30 s buckets, data delay 20 s" });

/** Type of the ListRealTimeOperationData body. */
export type ListRealTimeOperationDataRequest = z.infer<typeof ListRealTimeOperationDataRequest>;

/** ListRealTimeOperationData `Result` (https://volcengine.com/docs/6348/1219551). */
export const ListRealTimeOperationDataResult = z.looseObject({ Indicators: z.array(IndicatorSeries) });

/** ListRealTimeOperationData success envelope. */
export const ListRealTimeOperationDataResponse = successEnvelope(
  "ListRealTimeOperationData",
  "2023-11-01",
  ListRealTimeOperationDataResult,
).meta({
  description: "ListRealTimeOperationData success reply",
});

/** Type of the ListRealTimeOperationData success reply. */
export type ListRealTimeOperationDataResponse = z.infer<typeof ListRealTimeOperationDataResponse>;

/** The ListRealTimeOperationData success reply at the other API generation (2020-12-01): the same Result, the Version echoed. */
export const ListRealTimeOperationDataResponse20201201 = successEnvelope(
  "ListRealTimeOperationData",
  "2020-12-01",
  ListRealTimeOperationDataResult,
).meta({
  description: "ListRealTimeOperationData success reply (2020-12-01)",
});

import { z } from "zod";
import { successEnvelope } from "./envelope.js";
import { IndicatorSeries } from "./indicator-series.js";
import { seriesQueryFields } from "./series-query.js";

/** `AggregateGranularity`: `1d` or `1h` (https://volcengine.com/docs/6348/1219547). */
export const AggregateGranularity = z.enum(["1h", "1d"]).meta({ description: "Bucket width: 1h (one hour) or 1d (one day)" });

/** Type of `AggregateGranularity`. */
export type AggregateGranularity = z.infer<typeof AggregateGranularity>;

/**
 * ListOperationData 2023-11-01 request body (https://volcengine.com/docs/6348/1219547).
 * Strict: unknown fields are rejected by the fake server (assumed; see docs/volcengine.md).
 */
export const ListOperationDataRequest = z
  .strictObject({
    ...seriesQueryFields(
      { description: "Offline operation indicators, e.g. per_call_time, avg_call_time", examples: ["per_call_time", "avg_call_time"] },
      "661e****543cf",
    ),
    AggregateGranularity,
  })
  .meta({ description: "ListOperationData body: lookback 30 days, span ≤ 7 days, data delay 8 h" });

/** Type of the ListOperationData body. */
export type ListOperationDataRequest = z.infer<typeof ListOperationDataRequest>;

/** ListOperationData `Result`: the series plus the echoed granularity (https://volcengine.com/docs/6348/1219547). */
export const ListOperationDataResult = z.looseObject({
  AggregateGranularity: AggregateGranularity.meta({ description: "Echo of the requested granularity" }),
  Indicators: z.array(IndicatorSeries),
});

/** ListOperationData success envelope. */
export const ListOperationDataResponse = successEnvelope("ListOperationData", "2023-11-01", ListOperationDataResult).meta({
  description: "ListOperationData success reply",
});

/** Type of the ListOperationData success reply. */
export type ListOperationDataResponse = z.infer<typeof ListOperationDataResponse>;

/** The ListOperationData success reply at the other API generation (2020-12-01): the same Result, the Version echoed. */
export const ListOperationDataResponse20201201 = successEnvelope("ListOperationData", "2020-12-01", ListOperationDataResult).meta({
  description: "ListOperationData success reply (2020-12-01)",
});

import { z } from "zod";
import { successEnvelope } from "./envelope.js";
import { IndicatorSeries } from "./indicator-series.js";
import { Rfc3339Time } from "./rfc3339.js";

/**
 * ListRealTimeOperationData 2023-11-01 request body (https://volcengine.com/docs/6348/1219551).
 * Strict: unknown fields are rejected by the fake server (assumed; see docs/volcengine.md).
 */
export const ListRealTimeOperationDataRequest = z
  .strictObject({
    AppId: z.string().meta({ description: "RTC application id", examples: ["661e****543cf"] }),
    StartTime: Rfc3339Time.meta({ description: "Query start, RFC3339 with offset" }),
    EndTime: Rfc3339Time.meta({ description: "Query end, RFC3339 with offset; the bucket starting at EndTime is included" }),
    Indicator: z
      .array(z.string())
      .min(1)
      .meta({ description: "Realtime operation indicators, e.g. online_user_count, online_room_count", examples: [["online_user_count", "online_room_count"]] }),
  })
  .meta({ description: "ListRealTimeOperationData body: lookback 60 min, span ≤ 60 min, 30 s buckets, data delay 20 s" });

/** Type of the ListRealTimeOperationData body. */
export type ListRealTimeOperationDataRequest = z.infer<typeof ListRealTimeOperationDataRequest>;

/** ListRealTimeOperationData `Result` (https://volcengine.com/docs/6348/1219551). */
export const ListRealTimeOperationDataResult = z.looseObject({ Indicators: z.array(IndicatorSeries) });

/** ListRealTimeOperationData success envelope. */
export const ListRealTimeOperationDataResponse = successEnvelope("ListRealTimeOperationData", "2023-11-01", ListRealTimeOperationDataResult).meta({
  description: "ListRealTimeOperationData success reply",
});

/** Type of the ListRealTimeOperationData success reply. */
export type ListRealTimeOperationDataResponse = z.infer<typeof ListRealTimeOperationDataResponse>;

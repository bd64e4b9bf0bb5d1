import { z } from "zod";
import { successEnvelope } from "./envelope.js";
import { IndicatorSeries } from "./indicator-series.js";
import { volcengineListLimits } from "./limits.js";
import { seriesQueryFields } from "./series-query.js";

/** `ProductType`: `native` (default) or `web` (https://volcengine.com/docs/6348/124668). */
export const ProductType = z.enum(["native", "web"]).meta({ description: "native (Android, iOS, Linux, Mac, Windows; default) or web" });

/**
 * ListRealTimeQuality 2020-12-01 request body (https://volcengine.com/docs/6348/124668).
 * Strict: unknown fields are rejected by the fake server (assumed; see docs/volcengine.md).
 */
export const ListRealTimeQualityRequest = z
  .strictObject({
    ...seriesQueryFields(
      { description: "Quality indicators, e.g. stall_rate, join_room_success_rate", examples: ["stall_rate", "join_room_success_rate"] },
      "Your_AppId",
    ),
    RoomId: z.string().optional().meta({ description: "Room id; absent: app-wide data" }),
    UserId: z
      .array(z.string())
      .max(volcengineListLimits.UserId.value)
      .optional()
      .meta({ description: "At most 20 user ids; invalid ids are dropped; only used with RoomId" }),
    ProductType: ProductType.optional(),
  })
  .meta({ description: "ListRealTimeQuality body: lookback 60 min, span ≤ 60 min, 30 s buckets, data delay 1 min" });

/** Type of the ListRealTimeQuality body. */
export type ListRealTimeQualityRequest = z.infer<typeof ListRealTimeQualityRequest>;

/** ListRealTimeQuality `Result`: series plus the echoed RoomId and UserId (https://volcengine.com/docs/6348/124668). */
export const ListRealTimeQualityResult = z.looseObject({
  RoomId: z.string().optional().meta({ description: "Echo of RoomId (omitted for app-wide queries)" }),
  UserId: z.array(z.string()).optional().meta({ description: "Echo of the valid UserIds" }),
  Indicators: z.array(IndicatorSeries),
});

/** ListRealTimeQuality success envelope. */
export const ListRealTimeQualityResponse = successEnvelope("ListRealTimeQuality", "2020-12-01", ListRealTimeQualityResult).meta({
  description: "ListRealTimeQuality success reply",
});

/** Type of the ListRealTimeQuality success reply. */
export type ListRealTimeQualityResponse = z.infer<typeof ListRealTimeQualityResponse>;

/** The ListRealTimeQuality success reply at the other API generation (2023-11-01): the same Result, the Version echoed. */
export const ListRealTimeQualityResponse20231101 = successEnvelope("ListRealTimeQuality", "2023-11-01", ListRealTimeQualityResult).meta({
  description: "ListRealTimeQuality success reply (2023-11-01)",
});

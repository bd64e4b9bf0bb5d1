import { z } from "zod";
import { Rfc3339Time } from "./rfc3339.js";

/** One point: bucket start and value, "浮点数，保留两位小数" (https://volcengine.com/docs/6348/1219551). */
export const IndicatorDataPoint = z.looseObject({
  TimeStamp: Rfc3339Time.meta({ description: "Start of the aggregation bucket, RFC3339" }),
  Value: z.number().meta({ description: "Value, two decimals (counts are whole numbers)" }),
  StreamId: z.string().optional().meta({ description: "Only in the Go SDK 2023-11-01 models; never documented" }),
});

/** SDK-only `overview` object (lower-case key) of the Go SDK models; not documented, tolerated. */
export const IndicatorOverview = z
  .looseObject({
    Alias: z.string().optional(),
    ExtraInfo: z.string().optional(),
    HoverInfo: z.string().optional(),
    MaxValue: z.string().optional(),
    MinValue: z.string().optional(),
    Name: z.string().optional(),
    Unit: z.string().optional(),
    Value: z.string().optional(),
  })
  .meta({ description: "Only in the Go SDK models (sdk:volcengine/volc-sdk-golang/service/rtc/v20231101/model.go)" });

/** One `Indicators[]` item: a named series (https://volcengine.com/docs/6348/1219551, /124668). */
export const IndicatorSeries = z.looseObject({
  Name: z.string().meta({ description: "Series name; quality indicators come back renamed, e.g. 5s_join_room_success_rate" }),
  Unit: z.string().optional().meta({ description: "Unit, e.g. %; documented for ListRealTimeQuality only" }),
  Data: z.array(IndicatorDataPoint),
  overview: IndicatorOverview.optional(),
});

/** Type of one series. */
export type IndicatorSeries = z.infer<typeof IndicatorSeries>;

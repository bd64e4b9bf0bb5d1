import { z } from "zod";
import { zegoSuccessEnvelope } from "./envelope.js";
import { zegoRealtimeMetricNames } from "./metrics.js";

/**
 * Every value of a query string is text; these schemas describe the wire, so numbers are digit
 * strings here. The fake server's parse step turns them into numbers.
 */
const digits = (description: string) =>
  z
    .string()
    .regex(/^[0-9]+$/)
    .meta({ description });

/**
 * Common request parameters, sent in the query of every call (GET and POST).
 * https://www.zegocloud.com/docs/analytics-dashboard-server/access-server-apis
 */
export const ZegoCommonQuery = z.object({
  AppId: z
    .string()
    .regex(/^[0-9]{1,10}$/)
    .meta({ description: "AppId from the ZEGO console (Uint32, decimal text).", examples: ["1234567890"] }),
  Signature: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .meta({ description: "md5(AppId + SignatureNonce + ServerSecret + Timestamp), 32 lower-case hex characters." }),
  SignatureNonce: z
    .string()
    .min(1)
    .meta({ description: "Random string; the docs generate 16 hex characters (8 random bytes). A new one per call." }),
  SignatureVersion: z.literal("2.0").meta({ description: "Must be 2.0." }),
  Timestamp: digits("Unix timestamp in seconds; at most 10 minutes away from the server's time."),
  IsTest: z
    .string()
    .regex(/^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$/)
    .optional()
    .meta({ description: "true/false, case-insensitive; default false. Required only for projects created on or before 2021-11-16." }),
});

/**
 * Business parameters of GetRealtimeUsage. `Metrics[]` is repeated, one metric per occurrence, with
 * the brackets sent raw (`Metrics[]=`) in the docs or percent-encoded (`Metrics%5B%5D=`) by URLSearchParams.
 * https://www.zegocloud.com/docs/analytics-dashboard-server/real-time-monitoring/get-real-time-usage
 */
export const GetRealtimeUsageBusinessQuery = z.object({
  Action: z.literal("GetRealtimeUsage"),
  "Metrics[]": z.array(z.enum(zegoRealtimeMetricNames)).min(1).meta({ description: "Metrics to query; repeat the key once per metric." }),
  StartTs: digits("Start time, UTC timestamp in milliseconds; within the last 2 hours."),
  EndTs: digits("End time, UTC timestamp in milliseconds; 0 (or the current time) means up to now."),
});

/**
 * The whole query of a GetRealtimeUsage call as it appears on the wire (common + business
 * parameters), with repeated keys collected into arrays (see `zegoQueryObject`).
 */
export const GetRealtimeUsageQuery = ZegoCommonQuery.extend(GetRealtimeUsageBusinessQuery.shape);

/** A GetRealtimeUsage query as parsed from the wire (all values text). */
export type GetRealtimeUsageQuery = z.infer<typeof GetRealtimeUsageQuery>;

/** One point of a series: the metric's value at `Timestamp`. */
export const RealtimeUsagePoint = z.object({
  Timestamp: z.number().int().min(0).meta({ description: "UTC timestamp in milliseconds." }),
  Value: z.number().min(0).meta({ description: "Metric value (a count)." }),
});

/** One metric's series. */
export const RealtimeUsageSeries = z.object({
  Metric: z.enum(zegoRealtimeMetricNames).meta({ description: "Metric name, as requested." }),
  Values: z.array(RealtimeUsagePoint),
});

/**
 * `Data` of a GetRealtimeUsage reply. The response table types Data as "Array", but every example
 * and the OpenAPI yaml have an object holding `Metrics`; this follows the examples.
 */
export const GetRealtimeUsageData = z.object({
  Metrics: z.array(RealtimeUsageSeries),
});

/**
 * Success reply of GetRealtimeUsage.
 * https://www.zegocloud.com/docs/analytics-dashboard-server/real-time-monitoring/get-real-time-usage
 */
export const GetRealtimeUsageResponse = zegoSuccessEnvelope(GetRealtimeUsageData);

/** A GetRealtimeUsage success reply as parsed. */
export type GetRealtimeUsageResponse = z.infer<typeof GetRealtimeUsageResponse>;

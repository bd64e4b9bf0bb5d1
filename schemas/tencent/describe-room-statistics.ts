import { z } from "zod";
import { tencentResponse } from "./envelope.js";
import { describeRoomStatisticsMaxPageSize, describeRoomStatisticsMinPageSize } from "./limits.js";
import { MemberRecord } from "./member-record.js";

/** Action name of the endpoint. https://www.tencentcloud.com/document/api/1168/52791 */
export const DESCRIBE_ROOM_STATISTICS = "DescribeRoomStatistics";

/** API version of LCIC. https://www.tencentcloud.com/document/api/1168/52791 */
export const LCIC_VERSION = "2022-08-17";

/** Production host of LCIC. https://www.tencentcloud.com/document/api/1168/52791 */
export const LCIC_HOST = "lcic.tencentcloudapi.com";

/**
 * The JSON body: RoomId, Page (from 1), Limit (≤ 1000), all required integers; no other keys
 * (the vendor answers UnknownParameter for extra ones). https://www.tencentcloud.com/document/api/1168/52791
 */
export const DescribeRoomStatisticsRequest = z
  .strictObject({
    RoomId: z.int().min(0).meta({ description: "Room ID" }),
    Page: z.int().min(1).meta({ description: "Current page in pagination, starts from 1" }),
    Limit: z
      .int()
      .min(describeRoomStatisticsMinPageSize.value)
      .max(describeRoomStatisticsMaxPageSize.value)
      .meta({ description: "Entries per page, at most 1000" }),
  })
  .meta({ description: "DescribeRoomStatistics request body" });

/** A DescribeRoomStatistics request body. */
export type DescribeRoomStatisticsRequest = z.infer<typeof DescribeRoomStatisticsRequest>;

/**
 * The headers the vendor reads (API 3.0 common parameters, signature v3). Header names as the SDK
 * sends them; HTTP header names are case-insensitive. https://intl.cloud.tencent.com/document/api/238/32088
 */
export const DescribeRoomStatisticsHeaders = z
  .object({
    "X-TC-Action": z.literal(DESCRIBE_ROOM_STATISTICS),
    "X-TC-Version": z.literal(LCIC_VERSION),
    "X-TC-Timestamp": z
      .string()
      .regex(/^\d+$/)
      .meta({ description: "Current Unix time in seconds; more than 5 minutes off → AuthFailure.SignatureExpire" }),
    "X-TC-Region": z.string().optional().meta({ description: "Region; not required for this action (the SDK omits it when empty)" }),
    "X-TC-Token": z.string().optional().meta({ description: "Session token of temporary credentials" }),
    "X-TC-Language": z.enum(["zh-CN", "en-US"]).optional().meta({ description: "Language of messages" }),
    Authorization: z
      .string()
      .regex(/^TC3-HMAC-SHA256 Credential=/)
      .meta({
        description: "TC3-HMAC-SHA256 Credential=<SecretId>/<Date>/<Service>/tc3_request, SignedHeaders=content-type;host, Signature=<hex>",
      }),
    "Content-Type": z
      .string()
      .regex(/^application\/json/i)
      .meta({ description: "application/json (optionally ; charset=utf-8)" }),
  })
  .meta({ description: "DescribeRoomStatistics request headers (POST)" });

/** The headers of a DescribeRoomStatistics call. */
export type DescribeRoomStatisticsHeaders = z.infer<typeof DescribeRoomStatisticsHeaders>;

const count = (description: string) => z.int().min(0).meta({ description });

/**
 * The success reply. RealStartTime / RealEndTime "may return null". Total counts every record,
 * including members who should have attended but did not. https://www.tencentcloud.com/document/api/1168/52791
 */
export const DescribeRoomStatisticsResponse = tencentResponse({
  PeakMemberNumber: count("Peak number of members online at the same time"),
  MemberNumber: count("Accumulated number of online members (distinct members who entered)"),
  Total: count("Total member records, including expected members who did not attend"),
  MemberRecords: z.array(MemberRecord).meta({ description: "This page of member records" }),
  RealStartTime: z.int().min(0).nullable().meta({ description: "Actual start, Unix seconds; may be null" }),
  RealEndTime: z.int().min(0).nullable().meta({ description: "Actual end, Unix seconds; may be null" }),
  MessageCount: count("Total messages in the room"),
  MicCount: count("Total mic link-ups in the room (课堂连麦总数)"),
}).meta({ description: "DescribeRoomStatistics success envelope" });

/** A DescribeRoomStatistics success envelope. */
export type DescribeRoomStatisticsResponse = z.infer<typeof DescribeRoomStatisticsResponse>;

/** The `Response` payload without RequestId, as the fake's resolver produces it. */
export type DescribeRoomStatisticsResult = Omit<DescribeRoomStatisticsResponse["Response"], "RequestId">;

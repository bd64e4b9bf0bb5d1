import { defineEndpoint } from "../common/endpoint.js";
import {
  DESCRIBE_ROOM_STATISTICS,
  DescribeRoomStatisticsRequest,
  DescribeRoomStatisticsResponse,
  LCIC_HOST,
  LCIC_VERSION,
} from "./describe-room-statistics.js";
import { TencentErrorResponse } from "./envelope.js";
import { describeRoomStatisticsLimits } from "./limits.js";
import { tencentSources } from "./sources.js";

export * from "./describe-room-statistics.js";
export * from "./envelope.js";
export * from "./errors.js";
export * from "./limits.js";
export * from "./member-record.js";
export * from "./signing.js";
export * from "./sources.js";

/** Tencent Cloud LCIC endpoints served by the kit. https://www.tencentcloud.com/document/api/1168/52791 */
export const tencentEndpoints = [
  defineEndpoint({
    id: "tencent.DescribeRoomStatistics",
    vendor: "tencent",
    action: DESCRIBE_ROOM_STATISTICS,
    version: LCIC_VERSION,
    method: "POST",
    host: LCIC_HOST,
    actionCarrier: "header",
    docUrl: tencentSources.describeRoomStatistics,
    body: DescribeRoomStatisticsRequest,
    response: DescribeRoomStatisticsResponse,
    errorResponse: TencentErrorResponse,
    limits: describeRoomStatisticsLimits,
  }),
] as const;

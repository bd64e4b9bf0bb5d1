import type { EndpointId } from "../schemas/registry.js";
import type { Behaviour } from "./core/behaviour.js";
import { describeRoomStatistics } from "./tencent/endpoints/describe-room-statistics.js";
import { listOperationData, listOperationData20201201 } from "./volcengine/endpoints/list-operation-data.js";
import { listRealTimeOperationData, listRealTimeOperationData20201201 } from "./volcengine/endpoints/list-real-time-operation-data.js";
import { listRealTimeQuality, listRealTimeQuality20231101 } from "./volcengine/endpoints/list-real-time-quality.js";
import { getRealtimeUsage } from "./zego/endpoints/get-realtime-usage.js";
import type { Backends } from "./vendors.js";

/** The vendor of an endpoint id (`vendor.Action`). */
type VendorOf<Id extends EndpointId> = Id extends `${infer V extends keyof Backends}.${string}` ? V : never;

/**
 * Every endpoint's behaviour, keyed by its registry id: an endpoint without a behaviour (or a
 * behaviour for another vendor's backend) fails to compile.
 */
export const behaviours = {
  "volcengine.ListRealTimeOperationData": listRealTimeOperationData,
  "volcengine.ListOperationData": listOperationData,
  "volcengine.ListRealTimeQuality": listRealTimeQuality,
  "volcengine.ListRealTimeOperationData@2020-12-01": listRealTimeOperationData20201201,
  "volcengine.ListOperationData@2020-12-01": listOperationData20201201,
  "volcengine.ListRealTimeQuality@2023-11-01": listRealTimeQuality20231101,
  "zego.GetRealtimeUsage": getRealtimeUsage,
  "tencent.DescribeRoomStatistics": describeRoomStatistics,
} satisfies { [Id in EndpointId]: Behaviour<Id, Backends[VendorOf<Id>], unknown> };

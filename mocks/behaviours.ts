import type { EndpointId } from "../schemas/registry.js";
import type { Behaviour } from "./core/behaviour.js";
import { describeRoomStatistics } from "./tencent/endpoints/describe-room-statistics.js";
import { listOperationData } from "./volcengine/endpoints/list-operation-data.js";
import { listRealTimeOperationData } from "./volcengine/endpoints/list-real-time-operation-data.js";
import { listRealTimeQuality } from "./volcengine/endpoints/list-real-time-quality.js";
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
  "zego.GetRealtimeUsage": getRealtimeUsage,
  "tencent.DescribeRoomStatistics": describeRoomStatistics,
} satisfies { [Id in EndpointId]: Behaviour<Id, Backends[VendorOf<Id>], unknown> };

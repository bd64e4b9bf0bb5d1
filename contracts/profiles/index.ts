import type { EndpointProfile } from "./endpoint-profile.js";
import { describeRoomStatisticsProfile } from "./tencent-describe-room-statistics.js";
import { listOperationDataProfile } from "./volcengine-list-operation-data.js";
import { listRealTimeOperationDataProfile } from "./volcengine-list-real-time-operation-data.js";
import { listRealTimeQualityProfile } from "./volcengine-list-real-time-quality.js";
import { getRealtimeUsageProfile } from "./zego-get-realtime-usage.js";

/** Endpoint profiles by registry id. An endpoint without one is judged by its schemas and vendor envelope only. */
export const endpointProfiles: ReadonlyMap<string, EndpointProfile> = new Map(
  [
    listRealTimeOperationDataProfile,
    listOperationDataProfile,
    listRealTimeQualityProfile,
    getRealtimeUsageProfile,
    describeRoomStatisticsProfile,
  ].map((p) => [p.endpointId, p]),
);

/** The profile of an endpoint, if it has one. */
export function profileOf(endpointId: string): EndpointProfile | undefined {
  return endpointProfiles.get(endpointId);
}

export type { EndpointProfile } from "./endpoint-profile.js";

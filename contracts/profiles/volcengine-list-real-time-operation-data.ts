import { checkNotGreater } from "../checks/consistency.js";
import { checkCounts } from "../checks/values.js";
import type { EndpointProfile } from "./endpoint-profile.js";
import { checkSeriesAnswerRequest, realtimeSeriesChecks } from "./volcengine-series.js";

/**
 * ListRealTimeOperationData: 30 s buckets starting at TimeStamp, inside the window, none newer than
 * now − 20 s; values two decimals and whole counts; online rooms ≤ online users.
 * https://volcengine.com/docs/6348/1219551
 */
export const listRealTimeOperationDataProfile: EndpointProfile = {
  endpointId: "volcengine.ListRealTimeOperationData",
  success: [
    checkSeriesAnswerRequest,
    realtimeSeriesChecks("volcengine.ListRealTimeOperationData", (series) => [
      ...checkCounts(series),
      ...checkNotGreater(series, "online_room_count", "online_user_count"),
    ]),
  ],
};

import { checkNotGreater } from "../checks/consistency.js";
import { checkRange } from "../checks/values.js";
import type { EndpointProfile } from "./endpoint-profile.js";
import { checkResultEcho, checkSeriesAnswerRequest, realtimeSeriesChecks } from "./volcengine-series.js";

/**
 * ListRealTimeQuality: 30 s buckets inside the window, none newer than now − 1 min; every series in
 * `%` stays within 0–100 with two decimals; joining within 5 s succeeds no more often than within
 * 10 s; RoomId is echoed. https://volcengine.com/docs/6348/124668 · https://volcengine.com/docs/6348/1167931#listquality
 */
export const listRealTimeQualityProfile: EndpointProfile = {
  endpointId: "volcengine.ListRealTimeQuality",
  success: [
    checkSeriesAnswerRequest,
    checkResultEcho("RoomId"),
    realtimeSeriesChecks("volcengine.ListRealTimeQuality", (series) => [
      ...checkRange(series, 0, 100, "percentage"),
      ...checkNotGreater(series, "5s_join_room_success_rate", "10s_join_room_success_rate"),
    ]),
  ],
};

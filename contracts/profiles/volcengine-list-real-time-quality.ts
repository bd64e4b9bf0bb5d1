import { endpointById } from "../../schemas/registry.js";
import { checkNotGreater, checkSameTimestamps } from "../checks/consistency.js";
import { checkAligned, checkDataDelay, checkIncreasing, checkReadableTimes, checkWithinWindow } from "../checks/time-rules.js";
import { checkNumeric, checkRange, checkTwoDecimals } from "../checks/values.js";
import type { ObservedExchange } from "../observed.js";
import type { EndpointProfile } from "./endpoint-profile.js";
import { checkResultEcho, checkSeriesAnswerRequest, volcengineSeries, volcengineWindow } from "./volcengine-series.js";

const ID = "volcengine.ListRealTimeQuality";

/**
 * ListRealTimeQuality: 30 s buckets inside the window, none newer than now − 1 min; every series in
 * `%` stays within 0–100 with two decimals; joining within 5 s succeeds no more often than within
 * 10 s; RoomId is echoed. https://volcengine.com/docs/6348/124668 · https://volcengine.com/docs/6348/1167931#listquality
 */
export const listRealTimeQualityProfile: EndpointProfile = {
  endpointId: ID,
  success: [
    checkSeriesAnswerRequest,
    checkResultEcho("RoomId"),
    (x: ObservedExchange) => {
      const endpoint = endpointById(ID);
      if (endpoint === undefined) throw new Error(`${ID} is not in the registry`);
      const l = endpoint.limits;
      const series = volcengineSeries(x.response.json);
      const bucket = l.bucketMs?.value ?? 30_000;
      const window = volcengineWindow(x);
      return [
        ...checkReadableTimes(series, "RFC 3339"),
        ...checkAligned(series, bucket, "own"),
        ...(window ? checkWithinWindow(series, window, bucket, "own") : []),
        ...(l.dataDelayMs ? checkDataDelay(series, x.now, l.dataDelayMs.value, x.skewMs) : []),
        ...checkIncreasing(series),
        ...checkNumeric(series),
        ...checkTwoDecimals(series),
        ...checkRange(series, 0, 100, "percentage"),
        ...checkSameTimestamps(series),
        ...checkNotGreater(series, "5s_join_room_success_rate", "10s_join_room_success_rate"),
      ];
    },
  ],
};

import { endpointById } from "../../schemas/registry.js";
import { checkNotGreater, checkSameTimestamps } from "../checks/consistency.js";
import { checkAligned, checkDataDelay, checkIncreasing, checkReadableTimes, checkWithinWindow } from "../checks/time-rules.js";
import { checkCounts, checkNumeric, checkTwoDecimals } from "../checks/values.js";
import type { ObservedExchange } from "../observed.js";
import type { EndpointProfile } from "./endpoint-profile.js";
import { checkSeriesAnswerRequest, volcengineSeries, volcengineWindow } from "./volcengine-series.js";

const ID = "volcengine.ListRealTimeOperationData";

function limits() {
  const endpoint = endpointById(ID);
  if (endpoint === undefined) throw new Error(`${ID} is not in the registry`);
  return endpoint.limits;
}

/**
 * ListRealTimeOperationData: 30 s buckets starting at TimeStamp, inside the window, none newer than
 * now − 20 s; values two decimals and whole counts; online rooms ≤ online users.
 * https://volcengine.com/docs/6348/1219551
 */
export const listRealTimeOperationDataProfile: EndpointProfile = {
  endpointId: ID,
  success: [
    checkSeriesAnswerRequest,
    (x: ObservedExchange) => {
      const series = volcengineSeries(x.response.json);
      const l = limits();
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
        ...checkCounts(series),
        ...checkSameTimestamps(series),
        ...checkNotGreater(series, "online_room_count", "online_user_count"),
      ];
    },
  ],
};

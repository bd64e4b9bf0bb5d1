import { endpointById } from "../../schemas/registry.js";
import { checkSameTimestamps } from "../checks/consistency.js";
import { checkAligned, checkDataDelay, checkIncreasing, checkReadableTimes, checkWithinWindow } from "../checks/time-rules.js";
import { checkZoneEcho, requestOffsetMinutes } from "../checks/time-zone.js";
import { checkCounts, checkNumeric, checkRange, checkTwoDecimals } from "../checks/values.js";
import { pick, type ObservedExchange } from "../observed.js";
import { violation } from "../violation.js";
import type { EndpointProfile } from "./endpoint-profile.js";
import { checkResultEcho, checkSeriesAnswerRequest, volcengineSeries, volcengineWindow } from "./volcengine-series.js";

const ID = "volcengine.ListOperationData";

/** Indicators that count something (whole numbers); the others are durations. */
const COUNT_INDICATORS = new Set(["user_count"]);

/**
 * ListOperationData: buckets of the requested AggregateGranularity (1h, or 1d starting at midnight
 * in the offset the TimeStamp is written in; day alignment assumed), inside the window, none newer
 * than now − 8 h; the granularity is echoed; values two decimals, never negative.
 * https://volcengine.com/docs/6348/1219547
 */
export const listOperationDataProfile: EndpointProfile = {
  endpointId: ID,
  success: [
    checkSeriesAnswerRequest,
    checkResultEcho("AggregateGranularity"),
    (x: ObservedExchange) => {
      const endpoint = endpointById(ID);
      if (endpoint === undefined) throw new Error(`${ID} is not in the registry`);
      const series = volcengineSeries(x.response.json);
      const granularity = pick(x.request.json, "AggregateGranularity");
      const widths = endpoint.limits.granularitiesMs?.value ?? {};
      const bucket = typeof granularity === "string" ? widths[granularity] : undefined;
      const window = volcengineWindow(x);
      const out = [
        ...checkReadableTimes(series, "RFC 3339"),
        ...checkIncreasing(series),
        ...checkNumeric(series),
        ...checkTwoDecimals(series),
        ...checkRange(series, 0, Number.MAX_SAFE_INTEGER, "value"),
        ...checkCounts(series.filter((s) => COUNT_INDICATORS.has(s.name))),
        ...checkSameTimestamps(series),
        ...(endpoint.limits.dataDelayMs ? checkDataDelay(series, x.now, endpoint.limits.dataDelayMs.value, x.skewMs) : []),
      ];
      if (bucket === undefined) {
        if (series.length > 0)
          out.push(
            violation("time.aligned", "Result.AggregateGranularity", `no bucket width for granularity ${JSON.stringify(granularity)}`),
          );
        return out;
      }
      // A series in the wrong zone is reported once as such, not as misaligned buckets (daily data).
      const zone = checkZoneEcho(series, requestOffsetMinutes(x));
      out.push(...zone);
      if (zone.length === 0) out.push(...checkAligned(series, bucket, "own"));
      if (window) out.push(...checkWithinWindow(series, window, bucket, "own"));
      return out;
    },
  ],
};

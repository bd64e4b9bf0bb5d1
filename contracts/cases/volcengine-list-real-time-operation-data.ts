import type { EndpointDefinition } from "../../schemas/common/endpoint.js";
import { volcengineSources as src } from "../../schemas/volcengine/sources.js";
import type { CaseContext } from "../case.js";
import { expectEveryBucket, expectPoints } from "../checks/coverage.js";
import { volcengineSeries, volcengineWindow } from "../profiles/volcengine-series.js";
import { errorCode, singleCase, success } from "./define-case.js";
import type { EndpointCases } from "./endpoint-cases.js";
import { volcengineRequest } from "./requests.js";
import { overlappingWindowsCase, windowBody, windowErrorCases } from "./volcengine-windows.js";

const MINUTE = 60_000;
const BOTH = { Indicator: ["online_user_count", "online_room_count"] };

/**
 * ListRealTimeOperationData cases: online users and rooms in 30 s buckets over the last hour, the
 * 20 s delay, every bucket of a window including the one starting at EndTime, and the window errors.
 * https://volcengine.com/docs/6348/1219551
 */
export function listRealTimeOperationDataCases(endpoint: EndpointDefinition): EndpointCases {
  const bucket = endpoint.limits.bucketMs?.value ?? 30_000;
  const delay = endpoint.limits.dataDelayMs?.value ?? 20_000;
  const valid = (ctx: CaseContext) => volcengineRequest(endpoint, windowBody(ctx, ctx.now - 10 * MINUTE, ctx.now, BOTH));
  return {
    endpointId: endpoint.id,
    valid,
    cases: [
      singleCase(endpoint, {
        slug: "last-10-minutes",
        title: "online users and rooms over the last 10 minutes, up to now",
        fidelity: "documented",
        source: endpoint.docUrl,
        expect: success,
        build: valid,
        checks: [expectPoints(volcengineSeries)],
      }),
      singleCase(endpoint, {
        slug: "every-bucket-both-ends",
        title: "a past window has a point for every 30 s bucket, the one starting at EndTime included",
        fidelity: "documented",
        source: `the doc example returns 3 points for 00:00:00–00:01:00 (${endpoint.docUrl})`,
        expect: success,
        build: (ctx) => {
          const end = Math.floor((ctx.now - delay - 5 * MINUTE) / bucket) * bucket;
          return volcengineRequest(endpoint, windowBody(ctx, end - 20 * MINUTE, end, BOTH));
        },
        checks: [expectEveryBucket(volcengineSeries, volcengineWindow, bucket, delay)],
      }),
      singleCase(endpoint, {
        slug: "one-indicator",
        title: "asking for one indicator returns only that series",
        fidelity: "documented",
        source: endpoint.docUrl,
        expect: success,
        build: (ctx) => volcengineRequest(endpoint, windowBody(ctx, ctx.now - 5 * MINUTE, ctx.now, { Indicator: ["online_user_count"] })),
      }),
      overlappingWindowsCase(endpoint, (ctx, from, to) => windowBody(ctx, from, to, BOTH), {
        first: [40 * MINUTE, 10 * MINUTE],
        second: [25 * MINUTE, 2 * MINUTE],
      }),
      singleCase(endpoint, {
        slug: "unknown-indicator",
        title: "an indicator the action does not have is refused",
        fidelity: "assumed",
        source: `Indicator values come from ${src.indicators}#realtime; the code InvalidParameter is assumed (${src.rtcErrors})`,
        expect: errorCode("InvalidParameter"),
        build: (ctx) =>
          volcengineRequest(
            endpoint,
            windowBody(ctx, ctx.now - 10 * MINUTE, ctx.now, { Indicator: ["online_user_count", "no_such_indicator"] }),
          ),
      }),
      singleCase(endpoint, {
        slug: "missing-indicator",
        title: "a body without Indicator is refused",
        fidelity: "assumed",
        source: `Indicator is required (${endpoint.docUrl}); the code InvalidParameter is assumed (${src.rtcErrors})`,
        expect: errorCode("InvalidParameter"),
        build: (ctx) => volcengineRequest(endpoint, windowBody(ctx, ctx.now - 10 * MINUTE, ctx.now, {})),
      }),
      ...windowErrorCases(endpoint, BOTH),
    ],
  };
}

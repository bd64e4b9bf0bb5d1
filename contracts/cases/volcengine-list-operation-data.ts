import type { EndpointDefinition } from "../../schemas/common/endpoint.js";
import { volcengineSources as src } from "../../schemas/volcengine/sources.js";
import type { CaseContext } from "../case.js";
import { expectEveryBucket, expectEveryDay, expectPoints } from "../checks/coverage.js";
import { requestOffsetMinutes } from "../checks/time-zone.js";
import { volcengineSeries, volcengineWindow } from "../profiles/volcengine-series.js";
import { errorCode, singleCase, success } from "./define-case.js";
import type { EndpointCases } from "./endpoint-cases.js";
import { volcengineRequest } from "./requests.js";
import { overlappingWindowsCase, windowBody, windowErrorCases } from "./volcengine-windows.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DOCUMENTED = ["per_call_time", "avg_call_time"];

/**
 * ListOperationData cases: hourly and daily buckets within the last 30 days, the 8 h delay, the
 * granularity echo, and the window and granularity errors. https://volcengine.com/docs/6348/1219547
 */
export function listOperationDataCases(endpoint: EndpointDefinition): EndpointCases {
  const delay = endpoint.limits.dataDelayMs?.value ?? 8 * HOUR;
  const hourly = { Indicator: DOCUMENTED, AggregateGranularity: "1h" };
  const valid = (ctx: CaseContext) => volcengineRequest(endpoint, windowBody(ctx, ctx.now - delay - DAY, ctx.now - delay, hourly));
  return {
    endpointId: endpoint.id,
    valid,
    cases: [
      singleCase(endpoint, {
        slug: "hourly-last-day",
        title: "hourly buckets over the last day of finished data, every hour present",
        fidelity: "documented",
        source: endpoint.docUrl,
        expect: success,
        build: (ctx) => {
          // One more hour back, so the last bucket has ended before now − delay on either reading of the delay.
          const end = Math.floor((ctx.now - delay) / HOUR) * HOUR - HOUR;
          return volcengineRequest(endpoint, windowBody(ctx, end - DAY, end, hourly));
        },
        checks: [expectEveryBucket(volcengineSeries, volcengineWindow, HOUR, delay)],
      }),
      singleCase(endpoint, {
        slug: "daily-last-week",
        title: "daily buckets over the last 7 days, up to now, every whole day present",
        fidelity: "documented",
        source: endpoint.docUrl,
        expect: success,
        build: (ctx) =>
          volcengineRequest(
            endpoint,
            windowBody(ctx, ctx.now - 7 * DAY + HOUR, ctx.now, { Indicator: DOCUMENTED, AggregateGranularity: "1d" }),
          ),
        checks: [expectPoints(volcengineSeries), expectEveryDay(volcengineSeries, volcengineWindow, requestOffsetMinutes, delay)],
      }),
      singleCase(endpoint, {
        slug: "window-ending-now",
        title: "an hourly window ending now stops 8 hours back",
        fidelity: "documented",
        source: `data delay 8 h (${endpoint.docUrl})`,
        expect: success,
        build: (ctx) => volcengineRequest(endpoint, windowBody(ctx, ctx.now - 2 * delay, ctx.now, hourly)),
        checks: [expectPoints(volcengineSeries)],
      }),
      singleCase(endpoint, {
        slug: "user-count",
        title: "user_count, a whole number of users",
        fidelity: "assumed",
        source: `user_count starts the offline indicator table (${src.indicators}#indicator); that this action accepts it is assumed`,
        expect: success,
        build: (ctx) =>
          volcengineRequest(
            endpoint,
            windowBody(ctx, ctx.now - delay - 2 * DAY, ctx.now - delay, { Indicator: ["user_count"], AggregateGranularity: "1d" }),
          ),
      }),
      overlappingWindowsCase(endpoint, (ctx, from, to) => windowBody(ctx, from, to, hourly), {
        first: [delay + 2 * DAY, delay + DAY],
        second: [delay + 36 * HOUR, delay],
      }),
      singleCase(endpoint, {
        slug: "unknown-granularity",
        title: "an AggregateGranularity other than 1h or 1d is refused",
        fidelity: "assumed",
        source: `AggregateGranularity is 1d or 1h (${endpoint.docUrl}); the code InvalidParameter is assumed (${src.rtcErrors})`,
        expect: errorCode("InvalidParameter"),
        build: (ctx) =>
          volcengineRequest(
            endpoint,
            windowBody(ctx, ctx.now - delay - DAY, ctx.now - delay, { Indicator: DOCUMENTED, AggregateGranularity: "5m" }),
          ),
      }),
      singleCase(endpoint, {
        slug: "missing-granularity",
        title: "a body without AggregateGranularity is refused",
        fidelity: "assumed",
        source: `AggregateGranularity is required (${endpoint.docUrl}); the code InvalidParameter is assumed (${src.rtcErrors})`,
        expect: errorCode("InvalidParameter"),
        build: (ctx) => volcengineRequest(endpoint, windowBody(ctx, ctx.now - delay - DAY, ctx.now - delay, { Indicator: DOCUMENTED })),
      }),
      singleCase(endpoint, {
        slug: "unknown-indicator",
        title: "an indicator the action does not have is refused",
        fidelity: "assumed",
        source: `Indicator values come from ${src.indicators}#indicator; the code InvalidParameter is assumed (${src.rtcErrors})`,
        expect: errorCode("InvalidParameter"),
        build: (ctx) =>
          volcengineRequest(
            endpoint,
            windowBody(ctx, ctx.now - delay - DAY, ctx.now - delay, { Indicator: ["online_user_count"], AggregateGranularity: "1h" }),
          ),
      }),
      ...windowErrorCases(endpoint, hourly),
    ],
  };
}

import type { EndpointDefinition } from "../../schemas/common/endpoint.js";
import { zegoRealtimeMetricNames } from "../../schemas/zego/metrics.js";
import { zegoSources as src } from "../../schemas/zego/sources.js";
import type { CaseContext } from "../case.js";
import { expectNoPoints, expectPoints } from "../checks/coverage.js";
import { zegoSeries } from "../profiles/zego-get-realtime-usage.js";
import { errorCode, singleCase, success } from "./define-case.js";
import type { EndpointCases } from "./endpoint-cases.js";
import { zegoRequest } from "./requests.js";

const MINUTE = 60_000;

type Params = [string, string][];

function params(
  ctx: CaseContext,
  startTs: number | string,
  endTs: number | string,
  metrics: readonly string[] = zegoRealtimeMetricNames,
): Params {
  return [
    ["Action", "GetRealtimeUsage"],
    ["AppId", ctx.fixtures.zego.appId],
    ...metrics.map((m): [string, string] => ["Metrics[]", m]),
    ["StartTs", String(startTs)],
    ["EndTs", String(endTs)],
  ];
}

/**
 * GetRealtimeUsage cases: the six metrics over the last 2 hours, EndTs 0, the 3-minute delay, and
 * the parameter errors (10001 format, 10002 invalid; which check gives which code is assumed).
 * https://www.zegocloud.com/docs/analytics-dashboard-server/real-time-monitoring/get-real-time-usage
 */
export function zegoGetRealtimeUsageCases(endpoint: EndpointDefinition): EndpointCases {
  const valid = (ctx: CaseContext) => zegoRequest(params(ctx, ctx.now - 30 * MINUTE, ctx.now));
  const lookback = endpoint.limits.lookbackMs?.value ?? 2 * 60 * MINUTE;
  const delay = endpoint.limits.dataDelayMs?.value ?? 3 * MINUTE;
  return {
    endpointId: endpoint.id,
    valid,
    cases: [
      singleCase(endpoint, {
        slug: "all-metrics-last-30-minutes",
        title: "all six metrics over the last 30 minutes",
        fidelity: "documented",
        source: src.getRealtimeUsage,
        expect: success,
        build: valid,
        checks: [expectPoints(zegoSeries)],
      }),
      singleCase(endpoint, {
        slug: "end-ts-zero-means-now",
        title: "EndTs 0 means up to now",
        fidelity: "documented",
        source: src.getRealtimeUsage,
        expect: success,
        build: (ctx) => zegoRequest(params(ctx, ctx.now - 20 * MINUTE, 0, ["online_user", "room_concurrent"])),
        checks: [expectPoints(zegoSeries)],
      }),
      singleCase(endpoint, {
        slug: "window-inside-data-delay",
        title: "a window inside the 3-minute data delay has no points",
        fidelity: "documented",
        source: src.getRealtimeUsage,
        expect: success,
        build: (ctx) => zegoRequest(params(ctx, ctx.now - Math.floor(delay / 2), ctx.now, ["online_user"])),
        checks: [expectNoPoints(zegoSeries)],
      }),
      singleCase(endpoint, {
        slug: "encoded-metrics-key",
        title: "Metrics%5B%5D (URLSearchParams spelling) works like Metrics[]",
        fidelity: "assumed",
        source: "URLSearchParams percent-encodes the brackets; any HTTP server decodes them (the docs send them raw)",
        expect: success,
        build: (ctx) => {
          const request = zegoRequest(params(ctx, ctx.now - 15 * MINUTE, ctx.now, ["publish_concurrent", "play_concurrent"]));
          return { ...request, path: request.path.replaceAll("Metrics[]=", "Metrics%5B%5D=") };
        },
        checks: [expectPoints(zegoSeries)],
      }),
      singleCase(endpoint, {
        slug: "start-older-than-lookback",
        title: "StartTs older than the last 2 hours is refused",
        fidelity: "assumed",
        source: `The 2-hour window is documented (${src.getRealtimeUsage}); the code 10002 for leaving it is assumed`,
        expect: errorCode("10002"),
        build: (ctx) => zegoRequest(params(ctx, ctx.now - lookback - 30 * MINUTE, ctx.now - lookback - 10 * MINUTE)),
      }),
      singleCase(endpoint, {
        slug: "start-in-seconds",
        title: "StartTs in seconds instead of milliseconds is refused (it lies in 1970)",
        fidelity: "assumed",
        source: `StartTs is milliseconds (${src.getRealtimeUsage}); the code 10002 is assumed`,
        expect: errorCode("10002"),
        build: (ctx) => zegoRequest(params(ctx, Math.floor((ctx.now - 30 * MINUTE) / 1000), Math.floor(ctx.now / 1000))),
      }),
      singleCase(endpoint, {
        slug: "start-after-end",
        title: "StartTs after EndTs is refused",
        fidelity: "assumed",
        source: `10002 "parameter error" (${src.returnCodes}); that it answers this case is assumed`,
        expect: errorCode("10002"),
        build: (ctx) => zegoRequest(params(ctx, ctx.now - 10 * MINUTE, ctx.now - 40 * MINUTE)),
      }),
      singleCase(endpoint, {
        slug: "unknown-metric",
        title: "an unknown metric name is refused",
        fidelity: "documented",
        source: `Metrics[] enumerates six names (${src.openApiYaml}); 10002 "invalid parameter" (${src.returnCodes})`,
        expect: errorCode("10002"),
        build: (ctx) => zegoRequest(params(ctx, ctx.now - 30 * MINUTE, ctx.now, ["online_user", "concurrent_users"])),
      }),
      singleCase(endpoint, {
        slug: "missing-metrics",
        title: "a call without Metrics[] is refused",
        fidelity: "documented",
        source: `Metrics[] is required (${src.getRealtimeUsage}); 10002 (${src.returnCodes})`,
        expect: errorCode("10002"),
        build: (ctx) => zegoRequest(params(ctx, ctx.now - 30 * MINUTE, ctx.now, [])),
      }),
      singleCase(endpoint, {
        slug: "start-not-a-number",
        title: "a StartTs that is not a number is a format error",
        fidelity: "assumed",
        source: `10001 "parameter format error" (${src.returnCodes}); that it, not 10002, answers a malformed number is assumed`,
        expect: errorCode("10001"),
        build: (ctx) => zegoRequest(params(ctx, "yesterday", ctx.now)),
      }),
      singleCase(endpoint, {
        slug: "unsupported-action",
        title: "an Action the API does not have is refused by the gateway",
        fidelity: "documented",
        source: `100000007 unsupported Action (${src.gatewayReturnCodes})`,
        expect: errorCode("100000007"),
        build: (ctx) => zegoRequest([["Action", "GetRealtimeUsages"], ...params(ctx, ctx.now - 30 * MINUTE, ctx.now).slice(1)]),
      }),
    ],
  };
}

import type { EndpointDefinition } from "../../schemas/common/endpoint.js";
import { volcengineQualityIndicators } from "../../schemas/volcengine/indicators.js";
import { volcengineSources as src } from "../../schemas/volcengine/sources.js";
import type { CaseContext } from "../case.js";
import { expectEveryBucket, expectPoints } from "../checks/coverage.js";
import { volcengineSeries, volcengineWindow } from "../profiles/volcengine-series.js";
import { errorCode, singleCase, success } from "./define-case.js";
import type { EndpointCases } from "./endpoint-cases.js";
import { volcengineRequest } from "./requests.js";
import { windowBody, windowErrorCases } from "./volcengine-windows.js";

const MINUTE = 60_000;
const ALL = { Indicator: Object.keys(volcengineQualityIndicators) };

/**
 * ListRealTimeQuality cases: the five quality indicators app-wide and for one room, percentages in
 * 30 s buckets, the 1-minute delay, UserId ≤ 20, and the window errors. https://volcengine.com/docs/6348/124668
 */
export function listRealTimeQualityCases(endpoint: EndpointDefinition): EndpointCases {
  const bucket = endpoint.limits.bucketMs?.value ?? 30_000;
  const delay = endpoint.limits.dataDelayMs?.value ?? MINUTE;
  const maxUsers = endpoint.limits.maxListLength?.UserId?.value ?? 20;
  const valid = (ctx: CaseContext) => volcengineRequest(endpoint, windowBody(ctx, ctx.now - 15 * MINUTE, ctx.now, ALL));
  return {
    endpointId: endpoint.id,
    valid,
    cases: [
      singleCase(endpoint, {
        slug: "app-wide-all-indicators",
        title: "the five quality indicators app-wide over the last 15 minutes",
        fidelity: "documented",
        source: `${endpoint.docUrl}; ${src.indicators}#listquality`,
        expect: success,
        build: valid,
        checks: [expectPoints(volcengineSeries)],
      }),
      singleCase(endpoint, {
        slug: "every-bucket-both-ends",
        title: "a past window has a point for every 30 s bucket, the one starting at EndTime included",
        fidelity: "documented",
        source: `TimeStamp is the start of each 30 s bucket (${endpoint.docUrl}); ends included as in the realtime examples (${src.listRealTimeOperationData})`,
        expect: success,
        build: (ctx) => {
          const end = Math.floor((ctx.now - delay - 5 * MINUTE) / bucket) * bucket;
          return volcengineRequest(endpoint, windowBody(ctx, end - 10 * MINUTE, end, { Indicator: ["stall_rate"] }));
        },
        checks: [expectEveryBucket(volcengineSeries, volcengineWindow, bucket, delay)],
      }),
      singleCase(endpoint, {
        slug: "one-room-some-users",
        title: "one room and two of its users; RoomId is echoed",
        fidelity: "documented",
        source: endpoint.docUrl,
        expect: success,
        build: (ctx) =>
          volcengineRequest(
            endpoint,
            windowBody(ctx, ctx.now - 10 * MINUTE, ctx.now, {
              Indicator: ["join_room_success_rate"],
              RoomId: "contract_room_1",
              UserId: ["user_a", "user_b"],
            }),
          ),
      }),
      singleCase(endpoint, {
        slug: "too-many-user-ids",
        title: `more than ${maxUsers} UserIds are refused`,
        fidelity: "assumed",
        source: `at most ${maxUsers} UserIds (${endpoint.docUrl}); the code InvalidParameter is assumed (${src.rtcErrors})`,
        expect: errorCode("InvalidParameter"),
        build: (ctx) =>
          volcengineRequest(
            endpoint,
            windowBody(ctx, ctx.now - 10 * MINUTE, ctx.now, {
              ...ALL,
              RoomId: "contract_room_1",
              UserId: Array.from({ length: maxUsers + 1 }, (_, i) => `user_${i}`),
            }),
          ),
      }),
      singleCase(endpoint, {
        slug: "illegal-room-id",
        title: "a RoomId with characters a room id cannot have is refused",
        fidelity: "assumed",
        source: `InvalidParameter.IllegalRoomID (${src.rtcErrors}); which characters are illegal is assumed from the RTC id rule (${src.goSdkModel20201201})`,
        expect: errorCode("InvalidParameter.IllegalRoomID"),
        build: (ctx) =>
          volcengineRequest(endpoint, windowBody(ctx, ctx.now - 10 * MINUTE, ctx.now, { ...ALL, RoomId: "room with spaces!" })),
      }),
      singleCase(endpoint, {
        slug: "unknown-indicator",
        title: "an indicator the action does not have is refused",
        fidelity: "assumed",
        source: `Indicator values come from ${src.indicators}#listquality; the code InvalidParameter is assumed (${src.rtcErrors})`,
        expect: errorCode("InvalidParameter"),
        build: (ctx) => volcengineRequest(endpoint, windowBody(ctx, ctx.now - 10 * MINUTE, ctx.now, { Indicator: ["online_user_count"] })),
      }),
      ...windowErrorCases(endpoint, ALL),
    ],
  };
}

import { demoCredentials } from "../../../mocks/options.js";
import { signTencentRequest } from "../../../schemas/tencent/signing.js";
import { signVolcengineRequest } from "../../../schemas/volcengine/signing.js";
import { zegoSignatureParams } from "../../../schemas/zego/signing.js";

/** One request ready for fetch: URL plus init, signed with the demo credentials. */
export interface PreparedRequest {
  id: string;
  url: string;
  init: RequestInit & { headers: Record<string, string> };
}

/** Where each vendor is reached: the production origins, or a base URL such as the fastify server's. */
export interface Origins {
  volcengine: string;
  zego: string;
  tencent: string;
}

/** The vendors' production origins. */
export const productionOrigins: Origins = {
  volcengine: "https://rtc.volcengineapi.com",
  zego: "https://analytics-api.zego.im",
  tencent: "https://lcic.tencentcloudapi.com",
};

/** RFC3339 at +08:00, as the Volcengine docs write times. */
export function beijingTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, "+08:00");
}

function volcengine(origin: string, action: string, version: string, body: unknown, nowMs: number): PreparedRequest {
  const url = new URL(`${origin}/?Action=${action}&Version=${version}`);
  const text = JSON.stringify(body);
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  const { accessKeyId, secretKey } = demoCredentials.volcengine[0]!;
  Object.assign(
    headers,
    signVolcengineRequest({ method: "POST", url, headers, body: text, accessKeyId, secretKey, date: new Date(nowMs) }),
  );
  return { id: `volcengine.${action}`, url: url.href, init: { method: "POST", headers, body: text } };
}

/** A signed Tencent LCIC DescribeRoomStatistics request (the body is part of the signature). */
export function describeRoomStatistics(origin: string, nowMs: number, body: unknown = { RoomId: 1, Page: 1, Limit: 5 }): PreparedRequest {
  const url = new URL(`${origin}/`);
  const text = JSON.stringify(body);
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "X-TC-Action": "DescribeRoomStatistics",
    "X-TC-Version": "2022-08-17",
  };
  const { secretId, secretKey } = demoCredentials.tencent[0]!;
  Object.assign(
    headers,
    signTencentRequest({ method: "POST", url, headers, body: text, secretId, secretKey, timestamp: Math.floor(nowMs / 1000) }),
  );
  return { id: "tencent.DescribeRoomStatistics", url: url.href, init: { method: "POST", headers, body: text } };
}

/** The five endpoints, each with a typical valid request at mock time `nowMs`, signed for verify mode. */
export function fiveRequests(nowMs: number, origins: Origins = productionOrigins, zegoNonce = "00000000deadbeef"): PreparedRequest[] {
  const realtime = { AppId: "demo-app", StartTime: beijingTime(nowMs - 10 * 60_000), EndTime: beijingTime(nowMs - 60_000) };
  const zego = demoCredentials.zego[0]!;
  const zegoQuery = new URLSearchParams({
    Action: "GetRealtimeUsage",
    ...zegoSignatureParams({
      appId: zego.appId,
      serverSecret: zego.serverSecret,
      timestampSec: Math.floor(nowMs / 1000),
      nonce: zegoNonce,
    }),
    StartTs: String(nowMs - 30 * 60_000),
    EndTs: String(nowMs - 5 * 60_000),
  });
  for (const metric of ["publish_concurrent", "online_user"]) zegoQuery.append("Metrics[]", metric);

  return [
    volcengine(
      origins.volcengine,
      "ListRealTimeOperationData",
      "2023-11-01",
      { ...realtime, Indicator: ["online_user_count", "online_room_count"] },
      nowMs,
    ),
    volcengine(
      origins.volcengine,
      "ListOperationData",
      "2023-11-01",
      {
        AppId: "demo-app",
        StartTime: beijingTime(nowMs - 3 * 86_400_000),
        EndTime: beijingTime(nowMs - 86_400_000),
        Indicator: ["per_call_time", "user_count"],
        AggregateGranularity: "1d",
      },
      nowMs,
    ),
    volcengine(
      origins.volcengine,
      "ListRealTimeQuality",
      "2020-12-01",
      { ...realtime, Indicator: ["join_room_success_rate", "stall_rate"] },
      nowMs,
    ),
    { id: "zego.GetRealtimeUsage", url: `${origins.zego}/?${zegoQuery}`, init: { method: "GET", headers: {} } },
    describeRoomStatistics(origins.tencent, nowMs),
  ];
}

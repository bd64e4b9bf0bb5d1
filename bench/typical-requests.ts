import { rfc3339Plus8 } from "./time-format.js";

/** One HTTP request as the load generator sends it (path relative to the server). */
export interface HttpRequestSpec {
  /** Registry id of the endpoint, e.g. `volcengine.ListRealTimeOperationData`. */
  endpointId: string;
  /** What the request asks for, for the report. */
  label: string;
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Tenants the bench uses: a Volcengine AppId, a ZEGO AppId (Uint32 text) and the Tencent RoomId. */
export interface BenchTenants {
  volcengineAppId: string;
  zegoAppId: string;
  roomId: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * The typical request of each of the five endpoints at mock time `nowMs` (a whole second), before
 * signing: realtime operation data with 2 indicators over the last 60 minutes; offline data over 7
 * days hourly; quality with 3 indicators over the last 60 minutes; ZEGO with 2 metrics over the last
 * 10 minutes; Tencent with `Limit: 100` for an ended room.
 */
export function typicalRequests(nowMs: number, tenants: BenchTenants): HttpRequestSpec[] {
  const json = { "content-type": "application/json" };
  const volcengine = (action: string, version: string, body: unknown): HttpRequestSpec => ({
    endpointId: `volcengine.${action}`,
    label: "",
    method: "POST",
    path: `/?Action=${action}&Version=${version}`,
    headers: { ...json },
    body: JSON.stringify(body),
  });
  const realtimeEnd = nowMs;
  const realtimeStart = nowMs - HOUR_MS;
  // Offline data: the 7 whole days ending at the last whole hour more than 8 h (the data delay) ago.
  const offlineEnd = Math.floor((nowMs - 9 * HOUR_MS) / HOUR_MS) * HOUR_MS;
  const offlineStart = offlineEnd - 7 * DAY_MS;
  const zegoEnd = nowMs;
  const zegoStart = nowMs - 10 * MINUTE_MS;
  return [
    {
      ...volcengine("ListRealTimeOperationData", "2023-11-01", {
        AppId: tenants.volcengineAppId,
        StartTime: rfc3339Plus8(realtimeStart),
        EndTime: rfc3339Plus8(realtimeEnd),
        Indicator: ["online_user_count", "online_room_count"],
      }),
      label: "realtime operation data, 2 indicators × 60 min",
    },
    {
      ...volcengine("ListOperationData", "2023-11-01", {
        AppId: tenants.volcengineAppId,
        StartTime: rfc3339Plus8(offlineStart),
        EndTime: rfc3339Plus8(offlineEnd),
        Indicator: ["per_call_time", "avg_call_time"],
        AggregateGranularity: "1h",
      }),
      label: "offline operation data, 2 indicators × 7 days hourly",
    },
    {
      ...volcengine("ListRealTimeQuality", "2020-12-01", {
        AppId: tenants.volcengineAppId,
        StartTime: rfc3339Plus8(realtimeStart),
        EndTime: rfc3339Plus8(realtimeEnd),
        Indicator: ["stall_rate", "join_room_success_rate", "network_trans_delay"],
      }),
      label: "realtime quality, 3 indicators × 60 min",
    },
    {
      endpointId: "zego.GetRealtimeUsage",
      label: "ZEGO realtime usage, 2 metrics × 10 min",
      method: "GET",
      path:
        `/?Action=GetRealtimeUsage&AppId=${tenants.zegoAppId}` +
        `&Metrics[]=publish_concurrent&Metrics[]=online_user&StartTs=${zegoStart}&EndTs=${zegoEnd}`,
      headers: {},
    },
    {
      endpointId: "tencent.DescribeRoomStatistics",
      label: "Tencent room statistics, Limit 100 (ended room)",
      method: "POST",
      path: "/",
      headers: { ...json, "x-tc-action": "DescribeRoomStatistics", "x-tc-version": "2022-08-17" },
      body: JSON.stringify({ RoomId: tenants.roomId, Page: 1, Limit: 100 }),
    },
  ];
}

import type { EndpointDefinition, Vendor } from "../../../schemas/common/endpoint.js";

/** One HTTP request to the fake server (path relative to its URL). */
export interface TestRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** RFC 3339 in +08:00, as the Volcengine doc examples write times. */
export function rfc3339Plus8(epochMs: number): string {
  return `${new Date(epochMs + 8 * HOUR_MS).toISOString().slice(0, 19)}+08:00`;
}

/** The Tencent room the tests add: a one-hour class that ended two hours before `nowMs`. */
export function endedRoomSpec(nowMs: number, roomId = 880_001) {
  const endTime = Math.floor(nowMs / 1000) - 2 * 3600;
  return { roomId, name: "server test room", startTime: endTime - 3600, endTime, memberCount: 12, absentCount: 2 };
}

/** A valid request of each endpoint at mock time `nowMs` (auth off, so unsigned). */
export function validRequests(nowMs: number, roomId = 880_001): Record<string, TestRequest> {
  const json = { "content-type": "application/json" };
  return {
    "volcengine.ListRealTimeOperationData": {
      method: "POST",
      path: "/?Action=ListRealTimeOperationData&Version=2023-11-01",
      headers: json,
      body: JSON.stringify({
        AppId: "661e4f4b0e5c2a0001f2a001",
        StartTime: rfc3339Plus8(nowMs - 30 * MINUTE_MS),
        EndTime: rfc3339Plus8(nowMs - MINUTE_MS),
        Indicator: ["online_user_count"],
      }),
    },
    "volcengine.ListOperationData": {
      method: "POST",
      path: "/?Action=ListOperationData&Version=2023-11-01",
      headers: json,
      body: JSON.stringify({
        AppId: "661e4f4b0e5c2a0001f2a001",
        StartTime: rfc3339Plus8(Math.floor((nowMs - 48 * HOUR_MS) / HOUR_MS) * HOUR_MS),
        EndTime: rfc3339Plus8(Math.floor((nowMs - 24 * HOUR_MS) / HOUR_MS) * HOUR_MS),
        Indicator: ["per_call_time"],
        AggregateGranularity: "1h",
      }),
    },
    "volcengine.ListRealTimeQuality": {
      method: "POST",
      path: "/?Action=ListRealTimeQuality&Version=2020-12-01",
      headers: json,
      body: JSON.stringify({
        AppId: "661e4f4b0e5c2a0001f2a001",
        StartTime: rfc3339Plus8(nowMs - 30 * MINUTE_MS),
        EndTime: rfc3339Plus8(nowMs - 5 * MINUTE_MS),
        Indicator: ["stall_rate"],
      }),
    },
    "zego.GetRealtimeUsage": {
      method: "GET",
      path: `/?Action=GetRealtimeUsage&AppId=1234567890&Metrics[]=online_user&StartTs=${nowMs - 30 * MINUTE_MS}&EndTs=${nowMs - 10 * MINUTE_MS}`,
      headers: {},
    },
    "tencent.DescribeRoomStatistics": {
      method: "POST",
      path: "/",
      headers: { ...json, "x-tc-action": "DescribeRoomStatistics", "x-tc-version": "2022-08-17" },
      body: JSON.stringify({ RoomId: roomId, Page: 1, Limit: 10 }),
    },
  };
}

/** The routing part of a request to an endpoint, derived from its registry entry: method, path, headers. */
export function routingOf(endpoint: EndpointDefinition): TestRequest {
  if (endpoint.actionCarrier === "header") {
    return {
      method: endpoint.method,
      path: "/",
      headers: {
        "content-type": "application/json",
        "x-tc-action": endpoint.action,
        ...(endpoint.version ? { "x-tc-version": endpoint.version } : {}),
      },
    };
  }
  const query = endpoint.version === null ? `Action=${endpoint.action}` : `Action=${endpoint.action}&Version=${endpoint.version}`;
  return { method: endpoint.method, path: `/?${query}`, headers: endpoint.method === "POST" ? { "content-type": "application/json" } : {} };
}

/** The error code of a vendor reply, read from the vendor's envelope; undefined for a success. */
export function errorCodeOf(vendor: Vendor, json: unknown): string | undefined {
  const body = json as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  switch (vendor) {
    case "volcengine":
      return body.ResponseMetadata?.Error?.Code;
    case "zego":
      return body.Code === 0 ? undefined : String(body.Code);
    case "tencent":
      return body.Response?.Error?.Code;
  }
}

/** Is the JSON a success in the vendor's envelope? */
export function isSuccess(vendor: Vendor, json: unknown): boolean {
  const body = json as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  switch (vendor) {
    case "volcengine":
      return body.ResponseMetadata !== undefined && body.ResponseMetadata.Error === undefined && body.Result !== undefined;
    case "zego":
      return body.Code === 0;
    case "tencent":
      return body.Response !== undefined && body.Response.Error === undefined;
  }
}

import { demoCredentials } from "../mocks/options.js";
import { rfc3339Plus8 } from "./time-format.js";

/** One HTTP request as the load generator sends it (path relative to the server). */
export interface ExampleRequest {
  /** Registry id of the endpoint, e.g. `volcengine.ListRealTimeOperationData`. */
  endpointId: string;
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const VOLCENGINE_APP_ID = "5f8e1c2a9b3d4e6f7a8b9c0d";
/** The demo credential's AppId: verify mode only accepts ZEGO signatures for it. */
const ZEGO_APP_ID = demoCredentials.zego[0]!.appId;
/** Seeded room 10004: ended a day before the clock's start, 1,500 member records (mocks/tencent/seeded-rooms.ts). */
const TENCENT_ROOM_ID = 10004;

/**
 * The example request of each endpoint at mock time `now` (epoch ms, a whole second), unsigned:
 * realtime operation data, 2 indicators over the last 60 minutes; offline data, 2 indicators over
 * 7 days hourly; quality, 3 indicators over the last 60 minutes; ZEGO, 2 metrics over the last 10
 * minutes; Tencent, `Limit: 100` of an ended room. The only source of the bench's requests: once
 * mocks/behaviours.ts gives every endpoint an `example(now)`, this becomes a map over that table.
 */
export function exampleRequests(now: number): ExampleRequest[] {
  const volcengine = (action: string, version: string, body: unknown): ExampleRequest => ({
    endpointId: `volcengine.${action}`,
    method: "POST",
    path: `/?Action=${action}&Version=${version}`,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  // Offline data: the 7 whole days ending at the last whole hour more than 8 h (the data delay) ago.
  const offlineEnd = Math.floor((now - 9 * HOUR_MS) / HOUR_MS) * HOUR_MS;
  return [
    volcengine("ListRealTimeOperationData", "2023-11-01", {
      AppId: VOLCENGINE_APP_ID,
      StartTime: rfc3339Plus8(now - HOUR_MS),
      EndTime: rfc3339Plus8(now),
      Indicator: ["online_user_count", "online_room_count"],
    }),
    volcengine("ListOperationData", "2023-11-01", {
      AppId: VOLCENGINE_APP_ID,
      StartTime: rfc3339Plus8(offlineEnd - 7 * DAY_MS),
      EndTime: rfc3339Plus8(offlineEnd),
      Indicator: ["per_call_time", "avg_call_time"],
      AggregateGranularity: "1h",
    }),
    volcengine("ListRealTimeQuality", "2020-12-01", {
      AppId: VOLCENGINE_APP_ID,
      StartTime: rfc3339Plus8(now - HOUR_MS),
      EndTime: rfc3339Plus8(now),
      Indicator: ["stall_rate", "join_room_success_rate", "network_trans_delay"],
    }),
    {
      endpointId: "zego.GetRealtimeUsage",
      method: "GET",
      path:
        `/?Action=GetRealtimeUsage&AppId=${ZEGO_APP_ID}` +
        `&Metrics[]=publish_concurrent&Metrics[]=online_user&StartTs=${now - 10 * MINUTE_MS}&EndTs=${now}`,
      headers: {},
    },
    {
      endpointId: "tencent.DescribeRoomStatistics",
      method: "POST",
      path: "/",
      headers: { "content-type": "application/json", "x-tc-action": "DescribeRoomStatistics", "x-tc-version": "2022-08-17" },
      body: JSON.stringify({ RoomId: TENCENT_ROOM_ID, Page: 1, Limit: 100 }),
    },
  ];
}

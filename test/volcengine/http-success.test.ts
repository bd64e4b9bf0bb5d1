import { describe, expect, it } from "vitest";
import {
  ListOperationDataResponse,
  ListRealTimeOperationDataResponse,
  ListRealTimeQualityResponse,
} from "../../schemas/volcengine/index.js";
import {
  DAY,
  HOUR,
  MINUTE,
  OD,
  offlineBody,
  qualityBody,
  realtimeBody,
  rfc,
  RQ,
  RT,
  send,
  serverPerTest,
  T0,
  volcengineRequest,
  type VolcengineJson,
} from "../support/harness.js";

const serve = serverPerTest();

const twoDecimals = (value: number) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-9;

describe("Volcengine success replies over HTTP", () => {
  it("ListRealTimeOperationData: schema-valid, 30 s buckets from StartTime, end bucket included, envelope echoes", async () => {
    const app = await serve();
    const body = {
      AppId: "app1",
      StartTime: rfc(T0 - 10 * MINUTE),
      EndTime: rfc(T0 - 5 * MINUTE),
      Indicator: ["online_user_count", "online_room_count"],
    };
    const reply = await send<VolcengineJson>(app, volcengineRequest(RT, body));
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toMatch(/^application\/json/);
    const parsed = ListRealTimeOperationDataResponse.parse(reply.json);
    expect(parsed.ResponseMetadata).toMatchObject({ Action: RT.action, Version: RT.version, Service: "rtc", Region: "cn-north-1" });
    expect(parsed.ResponseMetadata.RequestId).toMatch(/^20240301120000[0-9A-F]{18}$/);
    expect(parsed.Result.Indicators.map((series) => series.Name)).toEqual(["online_user_count", "online_room_count"]);
    for (const series of parsed.Result.Indicators) {
      expect(series.Unit).toBeUndefined();
      expect(series.Data).toHaveLength(11); // 11:50:00 … 11:55:00 inclusive
      expect(series.Data[0]!.TimeStamp).toBe("2024-03-01T11:50:00+08:00");
      expect(series.Data[1]!.TimeStamp).toBe("2024-03-01T11:50:30+08:00");
      expect(series.Data.at(-1)!.TimeStamp).toBe("2024-03-01T11:55:00+08:00");
      for (const point of series.Data) expect(Number.isInteger(point.Value)).toBe(true);
    }
    const [users, rooms] = parsed.Result.Indicators;
    users!.Data.forEach((point, i) => {
      expect(point.Value).toBeGreaterThan(0);
      expect(rooms!.Data[i]!.Value).toBeGreaterThan(0);
      expect(rooms!.Data[i]!.Value).toBeLessThanOrEqual(point.Value);
    });
    // The curve moves between buckets: not a constant.
    expect(new Set(users!.Data.map((point) => point.Value)).size).toBeGreaterThan(3);
  });

  it("ListRealTimeOperationData: a full 60-minute window gives every ready 30 s bucket", async () => {
    const app = await serve();
    const reply = await send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody(["online_user_count"], 60)));
    const data = ListRealTimeOperationDataResponse.parse(reply.json).Result.Indicators[0]!.Data;
    // 11:00:00 … 11:59:00: the 11:59:30 bucket ends at 12:00:00, later than now − 20 s.
    expect(data).toHaveLength(119);
    expect(data.at(-1)!.TimeStamp).toBe("2024-03-01T11:59:00+08:00");
  });

  it("ListRealTimeQuality: each indicator comes back as its named % series, values in 0–100 with two decimals", async () => {
    const app = await serve();
    const indicators = [
      "stall_rate",
      "join_room_success_rate",
      "first_frame_send_success_rate",
      "first_frame_recv_success_rate",
      "network_trans_delay",
    ];
    const reply = await send<VolcengineJson>(app, volcengineRequest(RQ, qualityBody(indicators, 30)));
    expect(reply.status).toBe(200);
    const parsed = ListRealTimeQualityResponse.parse(reply.json);
    expect(parsed.Result.RoomId).toBeUndefined();
    expect(parsed.Result.UserId).toBeUndefined();
    expect(parsed.Result.Indicators.map((series) => series.Name)).toEqual([
      "audio_stall_rate",
      "video_stall_rate",
      "5s_join_room_success_rate",
      "10s_join_room_success_rate",
      "audio_first_frame_send_success_rate",
      "video_first_frame_send_success_rate",
      "audio_first_frame_recv_success_rate",
      "video_first_frame_recv_success_rate",
      "audio_network_trans_delay",
      "video_network_trans_delay",
    ]);
    for (const series of parsed.Result.Indicators) {
      expect(series.Unit).toBe("%");
      // 11:30:00 … 11:58:30: the 11:59:00 bucket ends at 11:59:30, later than now − 1 min.
      expect(series.Data).toHaveLength(58);
      expect(series.Data.at(-1)!.TimeStamp).toBe("2024-03-01T11:58:30+08:00");
      for (const point of series.Data) {
        expect(point.Value).toBeGreaterThanOrEqual(0);
        expect(point.Value).toBeLessThanOrEqual(100);
        expect(twoDecimals(point.Value)).toBe(true);
      }
      const values = series.Data.map((point) => point.Value);
      const median = [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      if (series.Name.includes("stall")) expect(median).toBeLessThan(5);
      else expect(median).toBeGreaterThan(95);
    }
    const byName = new Map(parsed.Result.Indicators.map((series) => [series.Name, series.Data]));
    byName
      .get("10s_join_room_success_rate")!
      .forEach((point, i) => expect(point.Value).toBeGreaterThanOrEqual(byName.get("5s_join_room_success_rate")![i]!.Value));
  });

  it("ListRealTimeQuality: RoomId echoed, invalid UserIds dropped, room data differs from app-wide data", async () => {
    const app = await serve({ rateLimits: false });
    const room = await send<VolcengineJson>(
      app,
      volcengineRequest(RQ, qualityBody(["stall_rate"], 10, { RoomId: "room_1", UserId: ["user1", "bad id", "user2", "user1", ""] })),
    );
    const parsedRoom = ListRealTimeQualityResponse.parse(room.json);
    expect(parsedRoom.Result.RoomId).toBe("room_1");
    expect(parsedRoom.Result.UserId).toEqual(["user1", "user2"]);
    const wide = ListRealTimeQualityResponse.parse(
      (await send<VolcengineJson>(app, volcengineRequest(RQ, qualityBody(["stall_rate"], 10, { UserId: ["user1"] })))).json,
    );
    // UserId without RoomId is ignored.
    expect(wide.Result.UserId).toBeUndefined();
    expect(parsedRoom.Result.Indicators[0]!.Data.map((p) => p.TimeStamp)).toEqual(wide.Result.Indicators[0]!.Data.map((p) => p.TimeStamp));
    expect(parsedRoom.Result.Indicators[0]!.Data.map((p) => p.Value)).not.toEqual(wide.Result.Indicators[0]!.Data.map((p) => p.Value));
    // An empty RoomId means app-wide.
    const emptyRoom = ListRealTimeQualityResponse.parse(
      (await send<VolcengineJson>(app, volcengineRequest(RQ, qualityBody(["stall_rate"], 10, { RoomId: "" })))).json,
    );
    expect(emptyRoom.Result.RoomId).toBeUndefined();
    expect(emptyRoom.Result.Indicators).toEqual(wide.Result.Indicators);
  });

  it("ListOperationData: 1d buckets at the offset's midnight, granularity echoed, both ends included", async () => {
    const app = await serve();
    const reply = await send<VolcengineJson>(app, volcengineRequest(OD, offlineBody("1d", 3)));
    expect(reply.status).toBe(200);
    const parsed = ListOperationDataResponse.parse(reply.json);
    expect(parsed.Result.AggregateGranularity).toBe("1d");
    expect(parsed.Result.Indicators.map((series) => series.Name)).toEqual(["per_call_time", "avg_call_time", "user_count"]);
    for (const series of parsed.Result.Indicators) {
      expect(series.Data.map((point) => point.TimeStamp)).toEqual([
        "2024-02-27T00:00:00+08:00",
        "2024-02-28T00:00:00+08:00",
        "2024-02-29T00:00:00+08:00",
      ]);
      for (const point of series.Data) {
        expect(point.Value).toBeGreaterThan(0);
        expect(twoDecimals(point.Value)).toBe(true);
      }
    }
    expect(parsed.Result.Indicators[2]!.Data.every((point) => Number.isInteger(point.Value))).toBe(true);
  });

  it("ListOperationData: 1h buckets; a day's user-minutes equal the sum of its hours (same underlying curve)", async () => {
    const app = await serve({ rateLimits: false });
    const dayStart = Date.parse("2024-02-28T00:00:00+08:00");
    const hours = ListOperationDataResponse.parse(
      (
        await send<VolcengineJson>(
          app,
          volcengineRequest(OD, {
            AppId: "app1",
            StartTime: rfc(dayStart),
            EndTime: rfc(dayStart + 23 * HOUR),
            Indicator: ["per_call_time", "user_count"],
            AggregateGranularity: "1h",
          }),
        )
      ).json,
    );
    const day = ListOperationDataResponse.parse(
      (
        await send<VolcengineJson>(
          app,
          volcengineRequest(OD, {
            AppId: "app1",
            StartTime: rfc(dayStart),
            EndTime: rfc(dayStart),
            Indicator: ["per_call_time", "user_count"],
            AggregateGranularity: "1d",
          }),
        )
      ).json,
    );
    expect(hours.Result.Indicators[0]!.Data).toHaveLength(24);
    expect(hours.Result.Indicators[0]!.Data[1]!.TimeStamp).toBe("2024-02-28T01:00:00+08:00");
    const userMinutes = (result: typeof day) =>
      result.Result.Indicators[0]!.Data.map((point, i) => point.Value * result.Result.Indicators[1]!.Data[i]!.Value);
    const hourTotal = userMinutes(hours).reduce((a, b) => a + b, 0);
    const dayTotal = userMinutes(day)[0]!;
    // Only rounding (per_call_time to 0.01 min, user_count to 1) separates them.
    expect(Math.abs(dayTotal - hourTotal) / dayTotal).toBeLessThan(0.001);
    // Hourly traffic follows the daily rhythm: the evening busier than the small hours.
    const usersPerHour = hours.Result.Indicators[1]!.Data.map((point) => point.Value);
    expect(usersPerHour[21]!).toBeGreaterThan(usersPerHour[4]! * 2);
  });

  it("offline hourly data agrees with the realtime curve of the same hour", async () => {
    const hourStart = Date.parse("2024-03-01T10:00:00+08:00");
    // Realtime: query the hour while it is recent.
    // 20 s after the hour: its last bucket (10:59:30) is ready, and 10:00 is still within the lookback at bucket granularity.
    const live = await serve({ clock: { start: hourStart + HOUR + 20_000, frozen: true } });
    const realtime = ListRealTimeOperationDataResponse.parse(
      (
        await send<VolcengineJson>(
          live,
          volcengineRequest(RT, {
            AppId: "app1",
            StartTime: rfc(hourStart),
            EndTime: rfc(hourStart + HOUR - 30_000),
            Indicator: ["online_user_count"],
          }),
        )
      ).json,
    );
    expect(realtime.Result.Indicators[0]!.Data).toHaveLength(120);
    const meanOnline = realtime.Result.Indicators[0]!.Data.reduce((sum, point) => sum + point.Value, 0) / 120;
    // Offline: the same hour, 9 h later.
    const later = await serve({ clock: { start: hourStart + 10 * HOUR, frozen: true } });
    const offline = ListOperationDataResponse.parse(
      (
        await send<VolcengineJson>(
          later,
          volcengineRequest(OD, {
            AppId: "app1",
            StartTime: rfc(hourStart),
            EndTime: rfc(hourStart),
            Indicator: ["per_call_time", "user_count"],
            AggregateGranularity: "1h",
          }),
        )
      ).json,
    );
    const userMinutes = offline.Result.Indicators[0]!.Data[0]!.Value * offline.Result.Indicators[1]!.Data[0]!.Value;
    expect(Math.abs(userMinutes / 60 - meanOnline) / meanOnline).toBeLessThan(0.01);
  });

  it("TimeStamps echo the request's offset; days align to that offset's midnight; responseOffset can pin +08:00", async () => {
    const app = await serve({ rateLimits: false });
    const ny = await send<VolcengineJson>(
      app,
      volcengineRequest(RT, {
        AppId: "app1",
        StartTime: rfc(T0 - 5 * MINUTE, "-05:00"),
        EndTime: rfc(T0 - 4 * MINUTE, "-05:00"),
        Indicator: ["online_user_count"],
      }),
    );
    expect(ListRealTimeOperationDataResponse.parse(ny.json).Result.Indicators[0]!.Data.map((p) => p.TimeStamp)).toEqual([
      "2024-02-29T22:55:00-05:00",
      "2024-02-29T22:55:30-05:00",
      "2024-02-29T22:56:00-05:00",
    ]);
    const utc = await send<VolcengineJson>(
      app,
      volcengineRequest(RT, {
        AppId: "app1",
        StartTime: rfc(T0 - 5 * MINUTE, "Z"),
        EndTime: rfc(T0 - 5 * MINUTE, "Z"),
        Indicator: ["online_user_count"],
      }),
    );
    const utcPoint = ListRealTimeOperationDataResponse.parse(utc.json).Result.Indicators[0]!.Data[0]!;
    expect(utcPoint.TimeStamp).toBe("2024-03-01T03:55:00Z");
    // Same instant, same value, whatever the offset.
    expect(utcPoint.Value).toBe(ListRealTimeOperationDataResponse.parse(ny.json).Result.Indicators[0]!.Data[0]!.Value);

    const day = await send<VolcengineJson>(
      app,
      volcengineRequest(OD, {
        AppId: "app1",
        StartTime: "2024-02-27T10:00:00-05:00",
        EndTime: "2024-02-28T10:00:00-05:00",
        Indicator: ["user_count"],
        AggregateGranularity: "1d",
      }),
    );
    expect(ListOperationDataResponse.parse(day.json).Result.Indicators[0]!.Data.map((p) => p.TimeStamp)).toEqual([
      "2024-02-27T00:00:00-05:00",
      "2024-02-28T00:00:00-05:00",
    ]);

    const pinned = await serve({ volcengine: { responseOffset: "+08:00" } });
    const pinnedDay = await send<VolcengineJson>(
      pinned,
      volcengineRequest(OD, {
        AppId: "app1",
        StartTime: "2024-02-27T10:00:00-05:00",
        EndTime: "2024-02-28T10:00:00-05:00",
        Indicator: ["user_count"],
        AggregateGranularity: "1d",
      }),
    );
    expect(ListOperationDataResponse.parse(pinnedDay.json).Result.Indicators[0]!.Data.map((p) => p.TimeStamp)).toEqual([
      "2024-02-27T00:00:00+08:00",
      "2024-02-28T00:00:00+08:00",
    ]);
  });

  it("duplicate indicators are answered once; the Region switch changes ResponseMetadata.Region", async () => {
    const app = await serve({ volcengine: { region: "ap-singapore-1" } });
    const reply = await send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody(["online_user_count", "online_user_count"])));
    expect(reply.json.Result!.Indicators!.map((series) => series.Name)).toEqual(["online_user_count"]);
    expect(reply.json.ResponseMetadata.Region).toBe("ap-singapore-1");
  });

  it("accepts unknown fields when rejectUnknownFields is off", async () => {
    const app = await serve({ volcengine: { rejectUnknownFields: false } });
    const reply = await send<VolcengineJson>(
      app,
      volcengineRequest(RT, realtimeBody(undefined, 10, T0, { Extra: 1, Indicators: ["typo"] })),
    );
    expect(reply.status).toBe(200);
  });

  it("ListOperationData over 7 days at 1h gives 169 points ending at the last ready hour", async () => {
    const app = await serve();
    const reply = await send<VolcengineJson>(
      app,
      volcengineRequest(OD, {
        AppId: "app1",
        StartTime: rfc(T0 - 8 * DAY),
        EndTime: rfc(T0 - DAY),
        Indicator: ["user_count"],
        AggregateGranularity: "1h",
      }),
    );
    expect(ListOperationDataResponse.parse(reply.json).Result.Indicators[0]!.Data).toHaveLength(169);
  });
});

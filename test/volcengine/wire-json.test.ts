import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { markTrusted, pointPrefix, stringifyWire } from "../../mocks/volcengine/wire-json.js";
import { OD, RQ, RT, call, makeServer, offlineBody, qualityBody, realtimeBody } from "./support.js";

describe("hand-written reply JSON (wire-json.ts)", () => {
  it("writes exactly what JSON.stringify writes, for trusted series with any finite or special values", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double(),
            fc.integer(),
            fc.integer({ min: 0, max: 10_000 }).map((h) => h / 100),
          ),
          { maxLength: 40 },
        ),
        fc.boolean(),
        (values, withUnit) => {
          const stamps = values.map((_, i) => new Date(1_709_262_000_000 + i * 30_000).toISOString().slice(0, 19) + "+08:00");
          const data = values.map((Value, i) => ({ TimeStamp: stamps[i]!, Value }));
          markTrusted(data, stamps.map(pointPrefix));
          const series = withUnit ? { Name: "audio_stall_rate", Unit: "%", Data: data } : { Name: "online_user_count", Data: data };
          const reply = {
            ResponseMetadata: { RequestId: "r", Action: "a", Version: "v", Service: "rtc", Region: "cn-north-1" },
            Result: { RoomId: 'r"1', Indicators: [series] },
          };
          expect(stringifyWire(reply)).toBe(JSON.stringify(reply));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("falls back to JSON.stringify for untrusted or reshaped series", () => {
    const data = [{ TimeStamp: 'x"y', Value: 1 }];
    expect(stringifyWire({ Indicators: [{ Name: "n", Data: data }] })).toBe(JSON.stringify({ Indicators: [{ Name: "n", Data: data }] }));
    const trusted = [{ TimeStamp: "2024-03-01T00:00:00Z", Value: 2 }];
    markTrusted(
      trusted,
      trusted.map((point) => pointPrefix(point.TimeStamp)),
    );
    const withExtra = { Indicators: [{ Name: "n", Data: trusted, overview: { Alias: "x" } }], Skipped: undefined };
    expect(stringifyWire(withExtra)).toBe(JSON.stringify(withExtra));
  });

  it.each([
    [RT, realtimeBody(["online_user_count", "online_room_count"], 60)],
    [RQ, qualityBody(["stall_rate", "join_room_success_rate", "network_trans_delay"], 60, { RoomId: "r1", UserId: ["u1"] })],
    [OD, offlineBody("1h", 7)],
  ] as const)("%s replies are canonical JSON.stringify output (first call and cached call)", async (ref, body) => {
    const { app } = makeServer({ rateLimits: false });
    for (let i = 0; i < 2; i++) {
      const reply = await call(app, ref, body);
      expect(reply.status).toBe(200);
      expect(reply.body).toBe(JSON.stringify(JSON.parse(reply.body)));
    }
  });
});

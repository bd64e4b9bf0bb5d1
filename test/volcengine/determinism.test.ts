import { describe, expect, it } from "vitest";
import {
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

const script = [
  [RT, realtimeBody(["online_user_count", "online_room_count"], 30)],
  [RQ, qualityBody(["stall_rate", "join_room_success_rate"], 20, { RoomId: "r1", UserId: ["u1"] })],
  [OD, offlineBody("1h", 2)],
  [RT, { AppId: "bad app" }],
  [RQ, qualityBody(["network_trans_delay"], 60)],
] as const;

async function run(seed: number) {
  const app = await serve({ seed });
  const bodies: string[] = [];
  for (const [ref, body] of script) bodies.push((await send<VolcengineJson>(app, volcengineRequest(ref, body))).text);
  return bodies;
}

describe("Volcengine determinism", () => {
  it("two engines with the same seed give identical bytes, RequestIds included", async () => {
    const [a, b] = await Promise.all([run(42), run(42)]);
    expect(a).toEqual(b);
    expect(new Set(a.map((body) => JSON.parse(body).ResponseMetadata.RequestId)).size).toBe(a.length);
  });

  it("another seed gives other data", async () => {
    const [a, b] = await Promise.all([run(42), run(43)]);
    expect(a[0]).not.toEqual(b[0]);
    expect(a[1]).not.toEqual(b[1]);
  });

  it("reset starts the RequestId sequence again", async () => {
    const app = await serve();
    const { engine } = app;
    const first = (await send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody()))).json.ResponseMetadata.RequestId;
    engine.reset();
    expect((await send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody()))).json.ResponseMetadata.RequestId).toBe(first);
  });

  it.each([
    [RT, ["online_user_count", "online_room_count"]],
    [RQ, ["stall_rate", "first_frame_recv_success_rate"]],
  ] as const)("%s: overlapping windows, queried at different times, agree point by point", async (ref, indicators) => {
    const app = await serve({ rateLimits: false });
    const { engine } = app;
    const first = await send<VolcengineJson>(
      app,
      volcengineRequest(ref, {
        AppId: "app1",
        StartTime: rfc(T0 - 40 * MINUTE),
        EndTime: rfc(T0 - 10 * MINUTE),
        Indicator: indicators,
      }),
    );
    engine.clock.advance(7 * MINUTE);
    const second = await send<VolcengineJson>(
      app,
      volcengineRequest(ref, {
        AppId: "app1",
        StartTime: rfc(T0 - 25 * MINUTE, "Z"),
        EndTime: rfc(T0 + 7 * MINUTE, "Z"),
        Indicator: indicators,
      }),
    );
    const index = (reply: typeof first) => {
      const map = new Map<string, number>();
      for (const series of reply.json.Result!.Indicators!)
        for (const point of series.Data) map.set(`${series.Name}@${Date.parse(point.TimeStamp)}`, point.Value);
      return map;
    };
    const a = index(first);
    const b = index(second);
    let shared = 0;
    for (const [key, value] of a) {
      if (!b.has(key)) continue;
      shared++;
      expect(b.get(key), key).toBe(value);
    }
    expect(shared).toBeGreaterThanOrEqual(2 * 31 * (ref === RQ ? 2 : 1));
  });

  it("ListOperationData: overlapping day ranges agree, and the data does not depend on the AppIds queried before", async () => {
    const one = await serve({ rateLimits: false });
    const two = await serve({ rateLimits: false });
    await send<VolcengineJson>(two, volcengineRequest(OD, offlineBody("1d", 5, { AppId: "other" })));
    const a = await send<VolcengineJson>(one, volcengineRequest(OD, offlineBody("1d", 5)));
    const b = await send<VolcengineJson>(two, volcengineRequest(OD, offlineBody("1d", 3)));
    const last3 = a.json.Result!.Indicators!.map((series) => ({ ...series, Data: series.Data.slice(-3) }));
    expect(b.json.Result!.Indicators).toEqual(last3);
  });
});

import { describe, expect, it } from "vitest";
import { VolcengineErrorResponse } from "../../schemas/volcengine/index.js";
import {
  DAY,
  errorCodeOf,
  HOUR,
  MINUTE,
  OD,
  rfc,
  RQ,
  RT,
  send,
  serverPerTest,
  T0,
  type VolcengineRef,
  volcengineRequest,
  type VolcengineJson,
} from "../support/harness.js";

const serve = serverPerTest();

const body = (ref: VolcengineRef, start: number, end: number) => ({
  AppId: "app1",
  StartTime: rfc(start),
  EndTime: rfc(end),
  Indicator: ref === RQ ? ["stall_rate"] : ref === OD ? ["user_count"] : ["online_user_count"],
  ...(ref === OD ? { AggregateGranularity: "1h" } : {}),
});

describe("Volcengine time rules over HTTP", () => {
  it.each([RT, OD, RQ])("%s: StartTime after EndTime → InvalidParameter.StartTimeAfterEndTime (400)", async (ref) => {
    const app = await serve();
    const reply = await send<VolcengineJson>(app, volcengineRequest(ref, body(ref, T0 - 2 * HOUR, T0 - 3 * HOUR)));
    expect(reply.status).toBe(400);
    expect(VolcengineErrorResponse.parse(reply.json).ResponseMetadata.Error.Code).toBe("InvalidParameter.StartTimeAfterEndTime");
    expect(reply.json.ResponseMetadata.Error!.Message).toContain(rfc(T0 - 2 * HOUR));
  });

  it.each([
    [RT, 60 * MINUTE + 1000],
    [RQ, 60 * MINUTE + 1000],
    [OD, 7 * DAY + 1000],
  ] as const)("%s: a span over the maximum → InvalidParameter.OutofTimeRange; exactly the maximum is fine", async (ref, tooLong) => {
    const app = await serve({ rateLimits: false });
    const end = ref === OD ? T0 - DAY : T0;
    const refused = await send<VolcengineJson>(app, volcengineRequest(ref, body(ref, end - tooLong, end)));
    expect(refused.status).toBe(400);
    expect(errorCodeOf(refused)).toBe("InvalidParameter.OutofTimeRange");
    expect(refused.json.ResponseMetadata.Error!.Message).toMatch(/longer than the maximum (60 min|7 days)/);
    const accepted = await send<VolcengineJson>(app, volcengineRequest(ref, body(ref, end - (tooLong - 1000), end)));
    expect(accepted.status).toBe(200);
  });

  it.each([
    [RT, 60 * MINUTE],
    [RQ, 60 * MINUTE],
    [OD, 30 * DAY],
  ] as const)("%s: a StartTime beyond the lookback → InvalidParameter.OutofTimeRange", async (ref, lookback) => {
    const app = await serve({ rateLimits: false });
    const bucket = ref === OD ? HOUR : 30_000;
    const tooOld = await send<VolcengineJson>(app, volcengineRequest(ref, body(ref, T0 - lookback - bucket, T0 - lookback)));
    expect(tooOld.status).toBe(400);
    expect(errorCodeOf(tooOld)).toBe("InvalidParameter.OutofTimeRange");
    expect(tooOld.json.ResponseMetadata.Error!.Message).toMatch(/before now/);
    // Exactly now − lookback is accepted.
    const edge = await send<VolcengineJson>(app, volcengineRequest(ref, body(ref, T0 - lookback, T0 - lookback + bucket)));
    expect(edge.status).toBe(200);
  });

  it.each([
    [RT, 20_000, 30_000],
    [RQ, 60_000, 30_000],
    [OD, 8 * HOUR, HOUR],
  ] as const)("%s: no point newer than now − delay; a future EndTime is truncated, not refused", async (ref, delay, bucket) => {
    const app = await serve({ rateLimits: false });
    const start = ref === OD ? T0 - DAY : T0 - 30 * MINUTE;
    const reply = await send<VolcengineJson>(app, volcengineRequest(ref, body(ref, start, T0 + 10 * MINUTE)));
    expect(reply.status).toBe(200);
    const data = reply.json.Result!.Indicators![0]!.Data;
    expect(data.length).toBeGreaterThan(0);
    for (const point of data) expect(Date.parse(point.TimeStamp) + bucket).toBeLessThanOrEqual(T0 - delay);
    // The next bucket would not be complete yet.
    expect(Date.parse(data.at(-1)!.TimeStamp) + 2 * bucket).toBeGreaterThan(T0 - delay);
  });

  it("a window entirely inside the delay returns empty Data, and the same query later returns the points", async () => {
    const app = await serve();
    const { engine } = app;
    const request = body(RT, T0 - 30_000, T0);
    const early = await send<VolcengineJson>(app, volcengineRequest(RT, request));
    expect(early.status).toBe(200);
    expect(early.json.Result!.Indicators![0]!.Data).toEqual([]);
    engine.clock.advance(2 * MINUTE);
    const later = await send<VolcengineJson>(app, volcengineRequest(RT, request));
    expect(later.json.Result!.Indicators![0]!.Data.map((p) => p.TimeStamp)).toEqual([rfc(T0 - 30_000), rfc(T0)]);
  });

  it("equal StartTime and EndTime return the one bucket containing them; an unaligned start begins at its bucket", async () => {
    const app = await serve({ rateLimits: false });
    const one = await send<VolcengineJson>(app, volcengineRequest(RT, body(RT, T0 - 10 * MINUTE + 12_000, T0 - 10 * MINUTE + 12_000)));
    expect(one.json.Result!.Indicators![0]!.Data.map((p) => p.TimeStamp)).toEqual(["2024-03-01T11:50:00+08:00"]);
    const unaligned = await send<VolcengineJson>(app, volcengineRequest(RT, body(RT, T0 - 10 * MINUTE + 45_000, T0 - 9 * MINUTE + 1_000)));
    expect(unaligned.json.Result!.Indicators![0]!.Data.map((p) => p.TimeStamp)).toEqual([
      "2024-03-01T11:50:30+08:00",
      "2024-03-01T11:51:00+08:00",
    ]);
  });

  it("the clock drives every rule: the same request is accepted, then refused once it falls out of the lookback", async () => {
    const app = await serve();
    const { engine } = app;
    const request = body(RQ, T0 - 50 * MINUTE, T0 - 40 * MINUTE);
    expect((await send<VolcengineJson>(app, volcengineRequest(RQ, request))).status).toBe(200);
    engine.clock.advance(11 * MINUTE);
    expect(errorCodeOf(await send<VolcengineJson>(app, volcengineRequest(RQ, request)))).toBe("InvalidParameter.OutofTimeRange");
  });
});

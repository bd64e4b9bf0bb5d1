import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMockEngine } from "../../mocks/core/engine.js";
import { createRtcHandlers, type ForcedError } from "../../mocks/msw/index.js";
import type { Vendor } from "../../schemas/common/endpoint.js";
import type { EndpointId } from "../../schemas/registry.js";
import {
  MINUTE,
  T0,
  frozenAt,
  offlineBody,
  roomStatisticsBody,
  signedExample,
  signedExamples,
  toFetch,
  type FetchRequest,
  type Origins,
  type RequestChanges,
} from "../support/harness.js";

// MSW in Node (setupServer) in front of the real engine: plain fetch at the vendors' real hosts,
// signatures checked (verify mode), so the raw body bytes and the Host the client signed must survive.
const { handlers, control, engine } = createRtcHandlers({ seed: 7, clock: frozenAt(), auth: { mode: "verify" } });
const server = setupServer(...handlers);
const unhandled: string[] = [];

beforeAll(() => server.listen({ onUnhandledRequest: (request) => void unhandled.push(request.url) }));
afterEach(() => {
  control.reset();
  expect(unhandled).toEqual([]);
});
afterAll(() => server.close());

/** The vendors' production origins. */
const productionOrigins: Origins = {
  volcengine: "https://rtc.volcengineapi.com",
  zego: "https://analytics-api.zego.im",
  tencent: "https://lcic.tencentcloudapi.com",
};
/** Beyond the examples: a daily ListOperationData, and seeded room 1 five records at a time. */
const CHANGES: Partial<Record<EndpointId, RequestChanges>> = {
  "volcengine.ListOperationData": { body: offlineBody("1d") },
  "tencent.DescribeRoomStatistics": { body: roomStatisticsBody(1, 1, 5) },
};
const vendorOf = (id: EndpointId) => id.split(".")[0] as Vendor;
/** Every endpoint's request signed at `now`, ready for fetch at its vendor's origin. */
const fiveRequests = (now: number, origins: Origins = productionOrigins) =>
  signedExamples(now, origins, CHANGES).map((r) => ({ id: r.id, ...toFetch(r, origins[vendorOf(r.id)]) }));
/** One endpoint's request signed at the mock's current time, with `changes` over the ones above. */
const requestFor = (id: EndpointId, changes: RequestChanges = CHANGES[id] ?? {}) => {
  const origin = productionOrigins[vendorOf(id)];
  return toFetch(signedExample(id, control.now(), origin, changes), origin);
};
const send = (request: FetchRequest) => fetch(request.url, request.init);
// Vendor JSON read loosely; the contract suite checks the shapes, these tests check behaviour.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = async (response: Response) => JSON.parse(await response.text()) as Record<string, any>;

describe("setupServer with the five endpoints at the real hosts", () => {
  it("answers every endpoint with its vendor's success envelope", async () => {
    const replies = await Promise.all(
      fiveRequests(T0).map(async (r) => {
        const response = await send(r);
        return [r.id, { status: response.status, body: await json(response) }] as const;
      }),
    );
    const byId = new Map(replies);
    const [rtOps, ops, quality, zego, tencent] = [
      byId.get("volcengine.ListRealTimeOperationData"),
      byId.get("volcengine.ListOperationData"),
      byId.get("volcengine.ListRealTimeQuality"),
      byId.get("zego.GetRealtimeUsage"),
      byId.get("tencent.DescribeRoomStatistics"),
    ];
    for (const reply of [rtOps, ops, quality, zego, tencent]) expect(reply!.status).toBe(200);

    expect(rtOps!.body.ResponseMetadata).toMatchObject({ Action: "ListRealTimeOperationData", Version: "2023-11-01", Service: "rtc" });
    expect(rtOps!.body.ResponseMetadata.Error).toBeUndefined();
    expect(rtOps!.body.Result.Indicators.map((i: { Name: string }) => i.Name)).toEqual(["online_user_count", "online_room_count"]);

    expect(ops!.body.Result.AggregateGranularity).toBe("1d");
    expect(ops!.body.Result.Indicators.length).toBeGreaterThanOrEqual(2);

    const qualityNames: string[] = quality!.body.Result.Indicators.map((i: { Name: string }) => i.Name);
    expect(qualityNames.some((name) => name.includes("join_room_success_rate"))).toBe(true);
    expect(qualityNames.some((name) => name.includes("stall_rate"))).toBe(true);
    for (const indicator of quality!.body.Result.Indicators) expect(indicator.Data.length).toBeGreaterThan(0);

    expect(zego!.body.Code).toBe(0);
    expect(zego!.body.Data.Metrics.map((m: { Metric: string }) => m.Metric)).toEqual(["publish_concurrent", "online_user"]);
    for (const series of zego!.body.Data.Metrics) {
      for (const point of series.Values) expect(point.Timestamp).toBeLessThanOrEqual(T0 - 3 * 60_000); // documented 3 min delay
    }

    expect(tencent!.body.Response.Error).toBeUndefined();
    expect(tencent!.body.Response.MemberRecords).toHaveLength(5);
    expect(tencent!.body.Response.Total).toBe(30); // seeded room 1
  });

  it("passes the raw body bytes through: a body changed after signing fails verification", async () => {
    const signed = requestFor("tencent.DescribeRoomStatistics");
    const tampered = { ...signed, init: { ...signed.init, body: String(signed.init.body).replace('"Limit":5', '"Limit": 5') } };
    expect((await json(await send(signed))).Response.Error).toBeUndefined();
    expect((await json(await send(tampered))).Response.Error.Code).toBe("AuthFailure.SignatureFailure");

    const volc = requestFor("volcengine.ListRealTimeQuality");
    const reply = await send({ ...volc, init: { ...volc.init, body: `${String(volc.init.body)} ` } });
    expect((await json(reply)).ResponseMetadata.Error.Code).toMatch(/Signature/);
  });

  it("intercepts http:// and ZEGO's regional hosts too", async () => {
    const zego = requestFor("zego.GetRealtimeUsage");
    for (const host of ["http://analytics-api.zego.im", "https://analytics-api-sgp.zego.im", "https://analytics-api-fra.zego.im"]) {
      const reply = await json(await fetch(zego.url.replace(productionOrigins.zego, host)));
      expect(reply.Code).toBe(0);
    }
  });
});

describe("control", () => {
  it("forceError answers the vendor's catalog error in its envelope, for `times` requests only", async () => {
    control.forceError({ vendor: "tencent", action: "DescribeRoomStatistics", code: "FailedOperation.RoomNotEnd", times: 1 });
    const first = await send(requestFor("tencent.DescribeRoomStatistics"));
    expect(first.status).toBe(200); // Tencent API 3.0 reports errors with HTTP 200
    const body = await json(first);
    expect(body.Response.Error).toEqual({ Code: "FailedOperation.RoomNotEnd", Message: expect.any(String) });
    expect(typeof body.Response.RequestId).toBe("string");
    expect((await json(await send(requestFor("tencent.DescribeRoomStatistics")))).Response.Error).toBeUndefined();
  });

  it("forceError with a ZEGO code and no action hits every ZEGO call but no other vendor", async () => {
    const rule = control.forceError({ vendor: "zego", code: "10001" });
    expect((await json(await send(requestFor("zego.GetRealtimeUsage")))).Code).toBe(10001);
    expect((await json(await send(requestFor("zego.GetRealtimeUsage")))).Code).toBe(10001);
    expect((await send(requestFor("volcengine.ListRealTimeQuality"))).status).toBe(200);
    expect(rule.remove()).toBe(true);
    expect((await json(await send(requestFor("zego.GetRealtimeUsage")))).Code).toBe(0);
  });

  it("refuses unknown codes and actions at run time too (for callers without types)", () => {
    expect(() => control.forceError({ vendor: "zego", code: "99999" } as unknown as ForcedError)).toThrow(
      /rtc-analytics-mock\/msw: Invalid fault: "99999" is not in the zego error catalog/,
    );
    expect(() => control.forceError({ vendor: "tencent", action: "Nope", code: "InternalError" } as unknown as ForcedError)).toThrow(
      /tencent has no action "Nope"/,
    );
  });

  it("throttle gives each vendor's own throttle reply", async () => {
    control.throttle({ vendor: "volcengine", action: "ListOperationData", times: 1 });
    control.throttle({ vendor: "zego", times: 1 });
    control.throttle({ vendor: "tencent", times: 1 });
    const volc = await send(requestFor("volcengine.ListOperationData"));
    expect(volc.status).toBe(429);
    expect((await json(volc)).ResponseMetadata.Error.Code).toBe("FlowLimitExceeded.QPSOverLimit");
    expect((await json(await send(requestFor("zego.GetRealtimeUsage")))).Code).toBe(30002);
    expect((await json(await send(requestFor("tencent.DescribeRoomStatistics")))).Response.Error.Code).toBe("RequestLimitExceeded");
  });

  it("the real rate limit runs on the mock clock: ZEGO's 4th call in a minute is refused until advanceClock", async () => {
    control.setClock(T0 + MINUTE); // start of a minute window
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await json(await send(requestFor("zego.GetRealtimeUsage")))).Code);
    expect(codes).toEqual([0, 0, 0, 30002]);
    control.advanceClock(60_000);
    expect((await json(await send(requestFor("zego.GetRealtimeUsage")))).Code).toBe(0);
    control.rateLimits(false);
    for (let i = 0; i < 4; i++) expect((await json(await send(requestFor("zego.GetRealtimeUsage")))).Code).toBe(0);
  });

  it("latency delays the reply by at least the given time", async () => {
    control.latency({ vendor: "tencent", ms: 200, times: 1 });
    const started = performance.now();
    const reply = await send(requestFor("tencent.DescribeRoomStatistics"));
    expect(reply.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it("networkError makes fetch reject; httpError answers a bare gateway status", async () => {
    control.networkError({ vendor: "volcengine", action: "ListRealTimeOperationData", times: 1 });
    await expect(send(requestFor("volcengine.ListRealTimeOperationData"))).rejects.toThrow(TypeError);
    control.httpError({ vendor: "zego", status: 502, times: 1 });
    const reply = await send(requestFor("zego.GetRealtimeUsage"));
    expect(reply.status).toBe(502);
    expect(await reply.text()).toBe("Bad Gateway");
  });

  it("room() adds a Tencent room whose lifecycle follows the mock clock", async () => {
    const nowSec = Math.floor(control.now() / 1000);
    const room = control.room({ roomId: 777, startTime: nowSec - 600, endTime: nowSec + 600, memberCount: 12, absentCount: 2 });
    expect(room.state).toBe("live");
    const ask = () => requestFor("tencent.DescribeRoomStatistics", { body: roomStatisticsBody(777, 1, 20) });
    expect((await json(await send(ask()))).Response.Error.Code).toBe("FailedOperation.RoomNotEnd");
    control.advanceClock(3_600_000); // past the end and the statistics delay
    const stats = await json(await send(ask()));
    expect(stats.Response.Error).toBeUndefined();
    expect(stats.Response.Total).toBe(12);
    expect(control.rooms.get(777)?.state).toBe("ended");
    expect(() => control.room({ startTime: nowSec, endTime: nowSec - 1 })).toThrow(/endTime must be after startTime/);
  });

  it("reset() restores clock, faults, rooms and journal", async () => {
    control.forceError({ vendor: "tencent", code: "InternalError" });
    control.advanceClock(5_000);
    const nowSec = Math.floor(control.now() / 1000);
    control.room({ roomId: 999, startTime: nowSec - 7200, endTime: nowSec - 3600 });
    await send(requestFor("tencent.DescribeRoomStatistics"));
    expect(control.requests()).toHaveLength(1);
    expect(control.requests()[0]).toMatchObject({ vendor: "tencent", action: "DescribeRoomStatistics", errorCode: "InternalError" });

    control.reset();
    expect(control.now()).toBe(T0);
    expect(control.requests()).toEqual([]);
    expect(control.rooms.get(999)).toBeUndefined();
    expect(engine.faults.list()).toEqual([]);
    expect((await json(await send(requestFor("tencent.DescribeRoomStatistics")))).Response.Error).toBeUndefined();
  });
});

describe("sharing an engine and base URLs", () => {
  it("serves a base URL (prefix stripped) from an existing engine, telling vendors apart by request shape", async () => {
    const shared = createMockEngine({ seed: 7, clock: frozenAt() });
    const extra = createRtcHandlers({ engine: shared, vendorHosts: false, baseUrls: ["http://127.0.0.1:4999/rtc"] });
    server.use(...extra.handlers);
    try {
      const origins: Origins = {
        volcengine: "http://127.0.0.1:4999/rtc",
        zego: "http://127.0.0.1:4999/rtc",
        tencent: "http://127.0.0.1:4999/rtc",
      };
      const replies = await Promise.all(fiveRequests(T0, origins).map(async (r) => ({ id: r.id, status: (await send(r)).status })));
      expect(replies.map((r) => r.status)).toEqual(replies.map(() => 200));
      const served = shared.journal.entries().map((e) => `${e.vendor}.${e.action}`);
      // The journal names the action; an endpoint id of another API generation adds `@<version>`.
      expect(served.sort()).toEqual(
        fiveRequests(T0)
          .map((r) => r.id.replace(/@.*$/, ""))
          .sort(),
      );
      expect(shared.journal.entries().every((e) => !e.path.startsWith("/rtc"))).toBe(true);
      expect(control.requests()).toEqual([]); // the other handlers' engine saw nothing
      extra.control.forceError({ vendor: "volcengine", code: "InternalError", times: 1 });
      expect(shared.faults.list()).toHaveLength(1);
    } finally {
      server.resetHandlers();
    }
  });
});

describe("control.requests: what the code under test sent", () => {
  /** Code under test: asks Volcengine for the stall rate of one app. */
  const fetchStallRate = () =>
    send(requestFor("volcengine.ListRealTimeQuality", { fields: { Indicator: ["stall_rate"], AppId: "app-under-test" } }));

  it("returns the sanitized request and the reply, filtered like the server's journal", async () => {
    await send(requestFor("zego.GetRealtimeUsage"));
    const response = await fetchStallRate();
    const [entry, ...more] = control.requests({ action: "ListRealTimeQuality" });
    expect(more).toEqual([]);
    expect(entry!.request.body).toMatchObject({ AppId: "app-under-test", Indicator: ["stall_rate"] });
    expect(entry!.request.query).toEqual({ Action: "ListRealTimeQuality", Version: "2020-12-01" });
    expect(entry!.request.headers).not.toHaveProperty("authorization");
    expect(entry!.reply?.body).toEqual(await json(response));
    // seq keeps counting across resets, so a poller's `after` never sees an old number again.
    const zego = entry!.seq - 1;
    expect(control.requests({ vendor: "zego", action: "GetRealtimeUsage", status: 200 }).map((e) => e.seq)).toEqual([zego]);
    expect(control.requests({ after: zego }).map((e) => e.seq)).toEqual([entry!.seq]);
    expect(control.requests({ errorCode: "InternalError" })).toEqual([]);
    expect(control.requests().map((e) => e.seq)).toEqual([zego, entry!.seq]);
  });

  it("refuses a bad filter with a readable Error", () => {
    expect(() => control.requests({ vendor: "agora" } as never)).toThrow(/unknown vendor "agora"/);
    expect(() => control.requests({ status: 2.5 })).toThrow(/status/);
    expect(() => control.requests({ after: -1 })).toThrow(/after/);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { createMockEngine } from "../../mocks/core/engine.js";
import type { MockRequest } from "../../mocks/core/reply.js";
import { describeRoomStatistics } from "../../mocks/tencent/endpoints/describe-room-statistics.js";
import { tencentVendor } from "../../mocks/tencent/vendor.js";
import { replyText } from "../../mocks/core/reply.js";

const NOW = Date.parse("2024-03-01T12:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

function volcengineRequest(appId = "app-1", host = "127.0.0.1:4010"): MockRequest {
  const body = JSON.stringify({
    AppId: appId,
    StartTime: iso(NOW - 10 * 60_000),
    EndTime: iso(NOW - 2 * 60_000),
    Indicator: ["online_user_count"],
  });
  return {
    method: "POST",
    url: new URL(`http://${host}/?Action=ListRealTimeOperationData&Version=2023-11-01`),
    headers: { "content-type": "application/json", host },
    rawBody: new TextEncoder().encode(body),
  };
}

function tencentRequest(roomId = 1): MockRequest {
  return {
    method: "POST",
    url: new URL("http://127.0.0.1:4010/"),
    headers: { "content-type": "application/json", "x-tc-action": "DescribeRoomStatistics", "x-tc-version": "2022-08-17" },
    rawBody: new TextEncoder().encode(JSON.stringify({ RoomId: roomId, Page: 1, Limit: 10 })),
  };
}

const frozen = () => createMockEngine({ seed: 42, clock: { start: NOW, frozen: true } });

describe("engine pipeline", () => {
  const { parse, resolve } = describeRoomStatistics;
  const { route, transportError } = tencentVendor;
  afterEach(() => {
    describeRoomStatistics.parse = parse;
    describeRoomStatistics.resolve = resolve;
    tencentVendor.route = route;
    tencentVendor.transportError = transportError;
  });

  it("never throws: a vendor hook bug gets the vendor's unreadable-request error, else a neutral JSON error", () => {
    tencentVendor.route = () => {
      throw new Error("routing bug");
    };
    const vendorError = frozen().handle(tencentRequest());
    expect(JSON.parse(replyText(vendorError))).toMatchObject({ Response: { Error: { Code: "InvalidParameter" } } });
    tencentVendor.transportError = () => {
      throw new Error("bug in transportError");
    };
    const neutral = frozen().handle(tencentRequest());
    expect(neutral.status).toBe(400);
    expect(JSON.parse(replyText(neutral))).toEqual({ error: { code: "MalformedRequest", message: "Malformed request" } });
  });

  it("picks the vendor by production host first, then by request shape", () => {
    const engine = frozen();
    expect(engine.vendorOf(volcengineRequest()).vendor).toBe("volcengine");
    expect(engine.vendorOf(tencentRequest()).vendor).toBe("tencent");
    const shapeless: MockRequest = {
      method: "GET",
      url: new URL("https://lcic.tencentcloudapi.com/"),
      headers: {},
      rawBody: new Uint8Array(),
    };
    expect(engine.vendorOf(shapeless).vendor).toBe("tencent");
    expect(engine.vendorOf({ ...shapeless, url: new URL("http://127.0.0.1/") }).vendor).toBe("volcengine");
  });

  it("answers a resolver that throws with the vendor's InternalError in its envelope instead of crashing", () => {
    describeRoomStatistics.resolve = () => {
      throw new Error("boom");
    };
    const reply = frozen().handle(tencentRequest());
    expect(reply.status).toBe(200);
    const body = JSON.parse(replyText(reply)) as { Response: { Error: { Code: string; Message: string }; RequestId: string } };
    expect(body.Response.Error.Code).toBe("InternalError");
    expect(body.Response.Error.Message).toContain("boom");
    expect(body.Response.RequestId).toBeTruthy();
  });

  it("answers a parser that throws with the vendor's internal error too, not as a malformed request", () => {
    describeRoomStatistics.parse = () => {
      throw new Error("parser bug");
    };
    const body = JSON.parse(replyText(frozen().handle(tencentRequest()))) as { Response: { Error: { Code: string; Message: string } } };
    expect(body.Response.Error).toEqual({ Code: "InternalError", Message: "Internal error in the fake server: parser bug" });
  });

  it("gives the same bytes for the same requests after a reset, and restores clock, quotas, faults and journal", () => {
    const engine = createMockEngine({ seed: 42, clock: { start: NOW, frozen: true }, faults: [{ kind: "latency", ms: 5 }] });
    const first = [engine.handle(volcengineRequest()), engine.handle(volcengineRequest()), engine.handle(volcengineRequest())];
    expect(first.map((reply) => reply.status)).toEqual([200, 200, 429]);
    expect(first[0]!.delayMs).toBe(5);
    engine.clock.advance(3_600_000);
    engine.faults.add({ kind: "drop" });
    engine.reset();
    expect(engine.clock.now()).toBe(NOW);
    expect(engine.journal.entries()).toEqual([]);
    expect(engine.faults.list()).toMatchObject([{ kind: "latency", ms: 5 }]);
    const again = [engine.handle(volcengineRequest()), engine.handle(volcengineRequest()), engine.handle(volcengineRequest())];
    expect(again.map(replyText)).toEqual(first.map(replyText));
    expect(engine.journal.entries().map((entry) => entry.status)).toEqual([200, 200, 429]);
  });

  it("carries out terminal faults: bare HTTP status and dropped connection, recorded in the journal", () => {
    const engine = frozen();
    engine.faults.add({ kind: "http", status: 503, vendor: "volcengine", times: 1 });
    engine.faults.add({ kind: "drop", vendor: "tencent", times: 1 });
    const http = engine.handle(volcengineRequest());
    expect(http.status).toBe(503);
    expect(replyText(http)).toBe("Service Unavailable");
    expect(engine.handle(tencentRequest()).drop).toBe(true);
    expect(engine.handle(volcengineRequest()).status).toBe(200);
    const journal = engine.journal.entries();
    expect(journal.map((entry) => entry.faultId !== undefined)).toEqual([true, true, false]);
  });

  it("rejects transport problems in the vendor's envelope", () => {
    const reply = frozen().rejectTransport({ ...tencentRequest(), rawBody: new Uint8Array() }, "body-too-large");
    const body = JSON.parse(replyText(reply)) as { Response: { Error: { Code: string } } };
    expect(body.Response.Error.Code).toBe("RequestSizeLimitExceeded");
  });

  it("can switch rate limits off at run time", () => {
    const engine = frozen();
    engine.setRateLimits(false);
    const statuses = Array.from({ length: 5 }, () => engine.handle(volcengineRequest()).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
  });

  it("reset puts the rate-limit switch back as configured", () => {
    const on = frozen();
    on.setRateLimits(false);
    on.reset();
    expect(on.options.rateLimits).toBe(true);
    const off = createMockEngine({ seed: 42, clock: { start: NOW, frozen: true }, rateLimits: false });
    off.setRateLimits(true);
    expect(off.reset()).toEqual({ clock: "frozen-at-start" });
    expect(off.options.rateLimits).toBe(false);
  });
});

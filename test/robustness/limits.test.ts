/**
 * The bounds that keep the fake server small under abuse — body size, header size, list lengths,
 * tracked tenants and rooms — exist and are answered in the vendor's own envelope with a code from
 * its catalog (or, for the control API, a 4xx that says why).
 */
import { endpoints } from "../../schemas/registry.js";
import { replyText } from "../../mocks/core/reply.js";
import { describe, expect, it } from "vitest";
import { createMockEngine } from "../../mocks/core/engine.js";
import type { MockRequest } from "../../mocks/core/reply.js";
import { MAX_ROOMS } from "../../mocks/tencent/room-spec.js";
import { DEFAULT_BODY_LIMIT, DEFAULT_MAX_HEADER_SIZE } from "../../server/app.js";
import { volcengineListLimits } from "../../schemas/volcengine/limits.js";
import { describeRoomStatisticsMaxPageSize } from "../../schemas/tencent/limits.js";
import type { Vendor } from "../../schemas/common/endpoint.js";
import { checkReply } from "./support/reply-check.js";
import {
  MINUTE,
  RQ,
  T0,
  ZEGO,
  control,
  errorCodeOf,
  frozenAt,
  parseRawResponse,
  rawExchange,
  rfc,
  roomStatisticsBody,
  roomStatisticsRequest,
  send,
  serverPerTest,
  sharedServer,
  toMockRequest,
  vendorRequest,
  type HarnessReply,
  type VendorRequest,
} from "../support/harness.js";

const frozen = frozenAt();

/** One request of each vendor's shape (the endpoints' examples), with a body to vary. */
const shapes: Record<Vendor, (body: string) => VendorRequest> = {
  volcengine: (body) => vendorRequest(RQ, { body }),
  zego: (body) => vendorRequest(ZEGO, { method: "POST", headers: { "content-type": "application/json" }, body }),
  tencent: (body) => roomStatisticsRequest({ body }),
};
const vendors = Object.keys(shapes) as Vendor[];

/** A ListRealTimeQuality for stall_rate of app-1 from 10 to 2 minutes before T0, with `fields` over it. */
function volcengineQuality(fields: Record<string, unknown>): MockRequest {
  const window = { StartTime: rfc(T0 - 10 * MINUTE), EndTime: rfc(T0 - 2 * MINUTE) };
  return toMockRequest(vendorRequest(RQ, { fields: { AppId: "app-1", ...window, Indicator: ["stall_rate"], ...fields } }));
}

/** The vendor error code of a reply over HTTP, null for a success. */
const errorCode = (vendor: Vendor, reply: HarnessReply) => errorCodeOf(reply, vendor) ?? null;
/** A reply over HTTP as `checkReply` reads it. */
const asMockReply = (reply: HarnessReply) => ({ status: reply.status, headers: {}, body: new Uint8Array(reply.bytes) });

describe("body size", () => {
  const start = serverPerTest();

  it.each(vendors)(
    "%s: a body over the adapter's limit gets the vendor's body-too-large error; one at the limit is read",
    async (vendor) => {
      const server = await start({ clock: frozen, rateLimits: false }, { bodyLimit: 1_024 });
      const { engine } = server;
      const over = shapes[vendor]("x".repeat(1_025));
      const response = await send(server, over);
      const request = toMockRequest(over);
      const outcome = checkReply(engine, request, asMockReply(response));
      expect(outcome).toMatchObject({ kind: "error", vendor });
      expect(errorCode(vendor, response)).toBe(engine.vendorOf(request).transportError("body-too-large").code);

      // At the limit the body reaches the vendor's parser, which finds it is not JSON: a different error.
      const at = shapes[vendor]("x".repeat(1_024));
      const parsed = await send(server, at);
      checkReply(engine, toMockRequest(at), asMockReply(parsed));
      if (vendor !== "zego") expect(errorCode(vendor, parsed)).not.toBe(errorCode(vendor, response));
    },
  );

  it("the default limit is 1 MiB", async () => {
    expect(DEFAULT_BODY_LIMIT).toBe(1_048_576);
    const server = await start({ clock: frozen, rateLimits: false });
    const over = shapes.tencent(" ".repeat(DEFAULT_BODY_LIMIT + 1));
    const response = await send(server, over);
    expect(errorCode("tencent", response)).toBe("RequestSizeLimitExceeded");
    checkReply(server.engine, toMockRequest(over), asMockReply(response));
  });
});

describe("header and URL size (over a real socket)", () => {
  const server = sharedServer({ mock: { clock: frozen, rateLimits: false } });
  const engine = () => server.current.engine;

  /** Writes raw bytes, reads until the server closes (or 10 s). */
  async function raw(text: string): Promise<{ status: number; body: string; closed: boolean }> {
    const { text: received, closed } = await rawExchange(server.url, text, 10_000);
    const reply = parseRawResponse(received);
    return { status: reply.status, body: reply.body, closed };
  }

  const oversizedHeader = `x-padding: ${"a".repeat(DEFAULT_MAX_HEADER_SIZE)}\r\n`;

  it.each([
    [
      "volcengine",
      "POST /?Action=ListRealTimeQuality&Version=2020-12-01 HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n",
    ],
    ["zego", "GET /?Action=GetRealtimeUsage&AppId=1234567890 HTTP/1.1\r\nhost: 127.0.0.1\r\n"],
    [
      "tencent",
      "POST / HTTP/1.1\r\nhost: 127.0.0.1\r\nx-tc-action: DescribeRoomStatistics\r\nx-tc-version: 2022-08-17\r\ncontent-type: application/json\r\n",
    ],
  ] as const)("%s: a request head over 16 KiB gets the vendor's error and the connection is closed", async (vendor, head) => {
    const reply = await raw(`${head}${oversizedHeader}content-length: 2\r\n\r\n{}`);
    expect(reply.closed).toBe(true);
    const [line] = head.split("\r\n");
    const [method = "GET", target = "/"] = (line ?? "").split(" ");
    const headers = Object.fromEntries(
      head
        .split("\r\n")
        .slice(1, -1)
        .map((l) => l.split(": ") as [string, string]),
    );
    const request: MockRequest = { method, url: new URL(`http://127.0.0.1${target}`), headers, rawBody: new Uint8Array() };
    expect(engine().vendorOf(request).vendor).toBe(vendor);
    const outcome = checkReply(engine(), request, { status: reply.status, headers: {}, body: new TextEncoder().encode(reply.body) });
    expect(outcome).toMatchObject({ kind: "error", vendor, code: engine().vendorOf(request).transportError("malformed-request").code });
  });

  it("a URL longer than the head limit (Metrics[] repeated thousands of times) gets ZEGO's error", async () => {
    const query = Array.from({ length: 2_000 }, () => "Metrics[]=online_user").join("&");
    const target = `/?Action=GetRealtimeUsage&AppId=1234567890&${query}`;
    expect(target.length).toBeGreaterThan(DEFAULT_MAX_HEADER_SIZE);
    const reply = await raw(`GET ${target} HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n`);
    const request: MockRequest = { method: "GET", url: new URL(`http://127.0.0.1${target}`), headers: {}, rawBody: new Uint8Array() };
    expect(checkReply(engine(), request, { status: reply.status, headers: {}, body: new TextEncoder().encode(reply.body) })).toMatchObject({
      kind: "error",
      vendor: "zego",
      code: "100000012",
    });
  });

  it("the server keeps answering after oversized requests", async () => {
    const reply = await raw("GET /?Action=GetRealtimeUsage HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n\r\n");
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ Code: 100000001 });
  });
});

describe("list lengths", () => {
  const engine = createMockEngine({ clock: frozen, rateLimits: false });

  it(`Volcengine UserId: ${volcengineListLimits.UserId.value} are accepted, one more is InvalidParameter`, () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `user${i}`);
    const ok = volcengineQuality({ RoomId: "room-1", UserId: ids(volcengineListLimits.UserId.value) });
    const accepted = engine.handle(ok);
    expect(checkReply(engine, ok, accepted)).toMatchObject({ kind: "success" });
    const tooMany = volcengineQuality({ RoomId: "room-1", UserId: ids(volcengineListLimits.UserId.value + 1) });
    const refused = engine.handle(tooMany);
    expect(checkReply(engine, tooMany, refused)).toMatchObject({ kind: "error", code: "InvalidParameter" });
    expect(replyText(refused)).toContain("UserId");
  });

  it("Volcengine Indicator repeated 5,000 times is answered with one series", () => {
    const request = volcengineQuality({ Indicator: Array.from({ length: 5_000 }, () => "stall_rate") });
    const reply = engine.handle(request);
    expect(checkReply(engine, request, reply)).toMatchObject({ kind: "success" });
    const names = (JSON.parse(replyText(reply)) as { Result: { Indicators: { Name: string }[] } }).Result.Indicators.map((s) => s.Name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeLessThanOrEqual(2);
  });

  it("ZEGO Metrics[] repeated 1,000 times is answered once per distinct metric; an unknown one is 10002", () => {
    const metrics = Array.from({ length: 1_000 }, (_, i) => `Metrics[]=${i % 2 === 0 ? "online_user" : "room_concurrent"}`).join("&");
    const request = toMockRequest(
      vendorRequest(ZEGO, {
        path: `/?Action=GetRealtimeUsage&AppId=1234567890&${metrics}&StartTs=${T0 - 30 * MINUTE}&EndTs=${T0}`,
      }),
    );
    const reply = engine.handle(request);
    expect(checkReply(engine, request, reply)).toMatchObject({ kind: "success" });
    expect((JSON.parse(replyText(reply)) as { Data: { Metrics: unknown[] } }).Data.Metrics).toHaveLength(2);
    const unknown: MockRequest = { ...request, url: new URL(`${request.url.href}&Metrics[]=everything`) };
    expect(checkReply(engine, unknown, engine.handle(unknown))).toMatchObject({ kind: "error", code: "10002" });
  });

  it(`Tencent Limit: ${describeRoomStatisticsMaxPageSize.value} is accepted, one more is refused`, () => {
    const page = (limit: number) => toMockRequest(roomStatisticsRequest({ body: roomStatisticsBody(10004, 1, limit) }));
    const max = page(describeRoomStatisticsMaxPageSize.value);
    const accepted = engine.handle(max);
    expect(checkReply(engine, max, accepted)).toMatchObject({ kind: "success" });
    expect((JSON.parse(replyText(accepted)) as { Response: { MemberRecords: unknown[] } }).Response.MemberRecords).toHaveLength(1_000);
    const over = page(describeRoomStatisticsMaxPageSize.value + 1);
    expect(checkReply(engine, over, engine.handle(over))).toMatchObject({ kind: "error", vendor: "tencent" });
  });
});

describe("tracked tenants (maxTenants)", () => {
  const tenantRequest = {
    volcengine: (tenant: number) => volcengineQuality({ AppId: `app-${tenant}` }),
    zego: (tenant: number) =>
      toMockRequest(
        vendorRequest(ZEGO, { query: { AppId: 1000 + tenant, "Metrics[]": ["online_user"], StartTs: T0 - 10 * MINUTE, EndTs: T0 } }),
      ),
    tencent: (tenant: number) =>
      toMockRequest(
        roomStatisticsRequest({
          headers: {
            authorization: `TC3-HMAC-SHA256 Credential=AKIDtenant${tenant}/2024-03-01/lcic/tc3_request, SignedHeaders=content-type;host, Signature=${"0".repeat(64)}`,
          },
        }),
      ),
  };

  it.each(vendors)("%s: a new tenant beyond the table gets the vendor's limit error; tracked ones keep working", (vendor) => {
    const engine = createMockEngine({ clock: frozen, rateLimits: true, maxTenants: 3 });
    for (let tenant = 1; tenant <= 3; tenant++) {
      const request = tenantRequest[vendor](tenant);
      expect(checkReply(engine, request, engine.handle(request))).toMatchObject({ kind: "success" });
    }
    const fourth = tenantRequest[vendor](4);
    const refused = engine.handle(fourth);
    expect(checkReply(engine, fourth, refused)).toMatchObject({
      kind: "error",
      vendor,
      code: engine.vendorOf(fourth).capacityExceeded().code,
    });
    // A refused tenant is not tracked, and a tracked one is still served once its window allows.
    // A minute later Volcengine's and Tencent's per-second tenants have been forgotten, which frees
    // the table; ZEGO's are still counted against their day.
    engine.clock.advance(60_000);
    const first = tenantRequest[vendor](1);
    expect(checkReply(engine, first, engine.handle(first))).toMatchObject({ kind: "success" });
    const longestWindow = Math.max(...endpoints.filter((e) => e.vendor === vendor).flatMap((e) => e.limits.rate.map((r) => r.windowMs)));
    expect(checkReply(engine, fourth, engine.handle(fourth))).toMatchObject(
      longestWindow > 60_000 ? { kind: "error", code: engine.vendorOf(fourth).capacityExceeded().code } : { kind: "success" },
    );
  });

  it("the default is 10,000 tracked tenants", () => {
    expect(createMockEngine().options.maxTenants).toBe(10_000);
  });
});

describe("rooms", () => {
  const start = serverPerTest();

  it(`the registry holds at most ${MAX_ROOMS.toLocaleString("en-US")} rooms; the control API refuses one more with a 400 that says why`, async () => {
    const server = await start({ clock: frozen });
    const { engine } = server;
    const base = Math.floor(T0 / 1000) - 7_200;
    for (let id = engine.backends.tencent.rooms.size; id < MAX_ROOMS; id++)
      engine.backends.tencent.rooms.add({ roomId: 100_000 + id, startTime: base, endTime: base + 60, memberCount: 1 });
    expect(engine.backends.tencent.rooms.size).toBe(MAX_ROOMS);
    const response = await control(server, "POST", "/rooms", { roomId: 99, startTime: base, endTime: base + 60 });
    expect(response.status).toBe(400);
    expect(response.text).toMatch(/Too many rooms/);
    // Vendor requests never create rooms: an unknown RoomId is ResourceNotFound.Room.
    const unknown = toMockRequest(roomStatisticsRequest({ body: roomStatisticsBody(123_456_789) }));
    expect(checkReply(engine, unknown, engine.handle(unknown))).toMatchObject({ kind: "error", code: "ResourceNotFound.Room" });
    expect(engine.backends.tencent.rooms.size).toBe(MAX_ROOMS);
  });
});

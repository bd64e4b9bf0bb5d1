import { describe, expect, it } from "vitest";
import { createMockEngine, type MockEngine } from "../../mocks/core/engine.js";
import { replyText, type MockReply } from "../../mocks/core/reply.js";
import { fidelityLedger } from "../../mocks/fidelity.js";
import { tencentVendor as tencentProtocol } from "../../mocks/tencent/vendor.js";
import { DescribeRoomStatisticsResponse, TencentErrorResponse, tencentErrors } from "../../schemas/tencent/index.js";
import {
  T0,
  errorCodeOf,
  frozenAt,
  handle,
  roomStatisticsGet,
  roomStatisticsRequest,
  tencentDemo as demo,
  tencentResponse,
  toMockRequest,
  type RequestChanges,
  type VendorRequest,
} from "../support/harness.js";

const T0_SEC = T0 / 1000;
const engineAt = (options: Parameters<typeof createMockEngine>[0] = {}) => createMockEngine({ clock: frozenAt(), ...options });
/** The error code of a request handled by the engine (undefined: success), after checking HTTP 200. */
const codeFor = (engine: MockEngine, request: VendorRequest = roomStatisticsRequest()) =>
  tencentResponse(handle(engine, request)).Error?.Code;
/** The error code of an engine reply, after checking HTTP 200. */
const codeOf = (reply: MockReply) => {
  expect(reply.status).toBe(200);
  return errorCodeOf(JSON.parse(replyText(reply)), "tencent");
};
/** The default request as the adapter hands it to the engine. */
const mockRequest = (changes: RequestChanges = {}, origin?: string) => toMockRequest(roomStatisticsRequest(changes), origin);

describe("Tencent protocol: success and lifecycle errors (in-process)", () => {
  it("answers a schema-valid success for an ended room", () => {
    const engine = engineAt();
    const { reply } = handle(engine, roomStatisticsRequest({ body: '{"RoomId":1,"Page":1,"Limit":5}' }));
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toBe("application/json");
    const parsed = DescribeRoomStatisticsResponse.parse(JSON.parse(replyText(reply)));
    expect(parsed.Response.MemberRecords).toHaveLength(5);
    expect(parsed.Response.Total).toBe(30);
    expect(parsed.Response.RequestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("answers the documented errors for each room state, in the error envelope with HTTP 200", () => {
    const engine = engineAt();
    const cases: [number, string][] = [
      [10001, "FailedOperation.RoomNotEnd"],
      [10002, "FailedOperation.RoomNotEnd"],
      [10003, "ResourceUnavailable.RoomStatistics"],
      [404, "ResourceNotFound.Room"],
    ];
    for (const [roomId, code] of cases) {
      const { reply } = handle(engine, roomStatisticsRequest({ body: JSON.stringify({ RoomId: roomId, Page: 1, Limit: 10 }) }));
      const body = TencentErrorResponse.parse(JSON.parse(replyText(reply)));
      expect(body.Response.Error.Code).toBe(code);
      expect(body.Response.Error.Message).toBe(tencentErrors[code as keyof typeof tencentErrors].message);
    }
  });

  it("serves GET with query parameters as the SDK sends them (reqMethod GET)", () => {
    const engine = engineAt();
    const reply = handle(engine, roomStatisticsGet("Limit=2&Page=1&RoomId=1"));
    expect(tencentResponse(reply).MemberRecords).toHaveLength(2);
    expect(codeFor(engine, roomStatisticsGet("Limit=2&Page=1&RoomId=x"))).toBe("InvalidParameter");
    expect(codeFor(engine, roomStatisticsGet("Limit=2&Page=1"))).toBe("MissingParameter");
    expect(codeFor(engine, roomStatisticsGet("Limit=2&Page=1&RoomId=1&Foo=1"))).toBe("UnknownParameter");
    expect(codeFor(engine, roomStatisticsGet("Limit=2&Page=1&RoomId=1&Action=X&Nonce=5"))).toBeUndefined();
    expect(codeFor(engine, roomStatisticsGet(`Limit=2&Page=1&RoomId=1&pad=${"x".repeat(33_000)}`))).toBe("RequestSizeLimitExceeded");
  });
});

describe("Tencent protocol: bad input battery", () => {
  const engine = engineAt({ rateLimits: false });
  const cases: { name: string; options: RequestChanges; code: string; message?: string }[] = [
    {
      name: "PUT",
      options: { method: "PUT" },
      code: "UnsupportedProtocol",
      message: "HTTP(S) request method `PUT` is not supported. Only GET and POST requests are supported.",
    },
    { name: "DELETE", options: { method: "DELETE" }, code: "UnsupportedProtocol" },
    {
      name: "no action",
      options: { headers: { "x-tc-action": undefined, authorization: "TC3-HMAC-SHA256 x" } },
      code: "MissingParameter",
      message: "The request is missing a required parameter `Action`.",
    },
    {
      name: "unknown action",
      options: { headers: { "x-tc-action": "DescribeRoom" } },
      code: "InvalidAction",
      message: "The requested action `DescribeRoom` does not exist.",
    },
    { name: "lower-case action", options: { headers: { "x-tc-action": "describeroomstatistics" } }, code: "InvalidAction" },
    {
      name: "no version",
      options: { headers: { "x-tc-version": undefined } },
      code: "MissingParameter",
      message: "The request is missing a required parameter `Version`.",
    },
    { name: "wrong version", options: { headers: { "x-tc-version": "2020-06-06" } }, code: "NoSuchVersion" },
    { name: "invalid JSON", options: { body: '{"RoomId":1,' }, code: "InvalidParameter", message: "The request body is not valid JSON." },
    { name: "JSON array", options: { body: "[1,2]" }, code: "InvalidParameter" },
    { name: "JSON null", options: { body: "null" }, code: "InvalidParameter" },
    { name: "text/plain", options: { headers: { "content-type": "text/plain" } }, code: "InvalidParameter" },
    {
      name: "form-urlencoded POST",
      options: { headers: { "content-type": "application/x-www-form-urlencoded" }, body: "RoomId=1&Page=1&Limit=1" },
      code: "InvalidParameter",
    },
    { name: "no content type", options: { headers: { "content-type": undefined } }, code: "InvalidParameter" },
    {
      name: "empty body",
      options: { body: "" },
      code: "MissingParameter",
      message: "The request is missing a required parameter `RoomId`.",
    },
    {
      name: "missing Page",
      options: { body: '{"RoomId":1,"Limit":1}' },
      code: "MissingParameter",
      message: "The request is missing a required parameter `Page`.",
    },
    { name: "null Limit", options: { body: '{"RoomId":1,"Page":1,"Limit":null}' }, code: "MissingParameter" },
    {
      name: "extra key",
      options: { body: '{"RoomId":1,"Page":1,"Limit":1,"Offset":0}' },
      code: "UnknownParameter",
      message: "The parameter `Offset` is not recognized.",
    },
    { name: "extra key wins over missing", options: { body: '{"Extra":1}' }, code: "UnknownParameter" },
    {
      name: "string RoomId",
      options: { body: '{"RoomId":"1","Page":1,"Limit":1}' },
      code: "InvalidParameter",
      message: "The value type of parameter `RoomId` is invalid.",
    },
    { name: "fraction Limit", options: { body: '{"RoomId":1,"Page":1,"Limit":1.5}' }, code: "InvalidParameter" },
    { name: "boolean Page", options: { body: '{"RoomId":1,"Page":true,"Limit":1}' }, code: "InvalidParameter" },
    {
      name: "Limit 1001",
      options: { body: '{"RoomId":1,"Page":1,"Limit":1001}' },
      code: "InvalidParameterValue",
      message: "The value `1001` of parameter `Limit` is invalid: must be at most 1000.",
    },
    { name: "Limit 0", options: { body: '{"RoomId":1,"Page":1,"Limit":0}' }, code: "InvalidParameterValue" },
    {
      name: "Page 0",
      options: { body: '{"RoomId":1,"Page":0,"Limit":1}' },
      code: "InvalidParameterValue",
      message: "The value `0` of parameter `Page` is invalid: must be at least 1.",
    },
    { name: "negative RoomId", options: { body: '{"RoomId":-1,"Page":1,"Limit":1}' }, code: "InvalidParameterValue" },
    { name: "huge RoomId", options: { body: '{"RoomId":9223372036854775808,"Page":1,"Limit":1}' }, code: "InvalidParameterValue" },
    { name: "invalid UTF-8", options: { body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }, code: "InvalidParameter" },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.code}`, () => {
      const { reply } = handle(engine, roomStatisticsRequest(c.options));
      expect(reply.status).toBe(200);
      const body = TencentErrorResponse.parse(JSON.parse(replyText(reply)));
      expect(body.Response.Error.Code).toBe(c.code);
      if (c.message !== undefined) expect(body.Response.Error.Message).toBe(c.message);
    });
  }

  it("answers an oversized body (reported by the adapter) with RequestSizeLimitExceeded", () => {
    const reply = engine.rejectTransport(mockRequest(), "body-too-large");
    expect(reply.status).toBe(200);
    expect(codeOf(reply)).toBe("RequestSizeLimitExceeded");
    expect(codeOf(engine.rejectTransport(mockRequest(), "malformed-request"))).toBe("InvalidParameter");
  });
});

describe("Tencent protocol: rate limit, tenants, faults, request ids", () => {
  it("throttles the 21st request in one second with the real message, then recovers in the next second", () => {
    const engine = engineAt();
    const asKey = (id: string) => ({
      headers: {
        authorization: `TC3-HMAC-SHA256 Credential=${id}/2024-03-01/lcic/tc3_request, SignedHeaders=content-type;host, Signature=${"0".repeat(64)}`,
      },
    });
    for (let i = 0; i < 20; i++) expect(codeFor(engine, roomStatisticsRequest(asKey("AKIDa")))).toBeUndefined();
    const reply = handle(engine, roomStatisticsRequest(asKey("AKIDa")));
    expect(tencentResponse(reply).Error).toEqual({
      Code: "RequestLimitExceeded",
      Message:
        "Your current request times equals to `21` in a second, which exceeds the frequency limit `20` for a second. Please reduce the frequency of calls.",
    });
    // Another SecretId has its own budget; so do unsigned requests ("anonymous").
    expect(codeFor(engine, roomStatisticsRequest(asKey("AKIDb")))).toBeUndefined();
    expect(codeFor(engine)).toBeUndefined();
    engine.clock.advance(1_000);
    expect(codeFor(engine, roomStatisticsRequest(asKey("AKIDa")))).toBeUndefined();
  });

  it("does not charge invalid requests and can be switched off", () => {
    const engine = engineAt();
    for (let i = 0; i < 30; i++) expect(codeFor(engine, roomStatisticsRequest({ body: "{}" }))).toBe("MissingParameter");
    expect(codeFor(engine)).toBeUndefined();
    engine.setRateLimits(false);
    for (let i = 0; i < 50; i++) expect(codeFor(engine)).toBeUndefined();
  });

  it("answers LimitExceeded for a new SecretId when the tenant table is full", () => {
    const engine = engineAt({ maxTenants: 1 });
    const asKey = (id: string) => ({ headers: { authorization: `TC3-HMAC-SHA256 Credential=${id}/2024-03-01/lcic/tc3_request` } });
    expect(codeFor(engine, roomStatisticsRequest(asKey("AKIDa")))).toBeUndefined();
    expect(codeFor(engine, roomStatisticsRequest(asKey("AKIDb")))).toBe("LimitExceeded");
  });

  it("faults force the codes no input reaches; a code outside the catalog is refused", () => {
    const engine = engineAt();
    engine.faults.add({ kind: "error", vendor: "tencent", code: "FailedOperation", times: 1 });
    engine.faults.add({ kind: "error", vendor: "tencent", action: "DescribeRoomStatistics", code: "InternalError", times: 1 });
    expect(() => engine.faults.add({ kind: "error", vendor: "tencent", code: "ResourceInsufficient.Nope", times: 1 })).toThrow(
      /"ResourceInsufficient.Nope" is not in the tencent error catalog/,
    );
    expect(codeFor(engine)).toBe("FailedOperation");
    expect(tencentResponse(handle(engine, roomStatisticsRequest())).Error).toEqual({ Code: "InternalError", Message: "Internal error." });
    expect(codeFor(engine)).toBeUndefined();
    engine.faults.add({ kind: "http", vendor: "tencent", status: 502, times: 1 });
    expect(handle(engine, roomStatisticsRequest()).status).toBe(502);
  });

  it("RequestIds are deterministic per seed and sequence, distinct across requests, and restart on reset", () => {
    const ids = (engine: ReturnType<typeof engineAt>) =>
      [1, 2, 3].map(() => tencentResponse(handle(engine, roomStatisticsRequest({ body: '{"RoomId":404,"Page":1,"Limit":1}' }))).RequestId);
    const a = engineAt();
    const first = ids(a);
    expect(new Set(first).size).toBe(3);
    expect(ids(engineAt())).toEqual(first);
    expect(ids(engineAt({ seed: 99 }))).not.toEqual(first);
    a.reset();
    expect(ids(a)).toEqual(first);
  });

  it("claims requests by X-TC-Action or a TC3 Authorization, and the production host", () => {
    const engine = engineAt();
    expect(tencentProtocol.claims(mockRequest())).toBe(true);
    expect(
      tencentProtocol.claims(mockRequest({ headers: { "x-tc-action": undefined, authorization: "TC3-HMAC-SHA256 Credential=x/" } })),
    ).toBe(true);
    expect(tencentProtocol.claims(mockRequest({ headers: { "x-tc-action": undefined } }))).toBe(false);
    expect(engine.vendorOf(mockRequest({ headers: { "x-tc-action": undefined } }, "https://lcic.tencentcloudapi.com")).vendor).toBe(
      "tencent",
    );
  });
});

describe("Tencent: every catalog code is reachable by its documented trigger", () => {
  it("reaches all of them", () => {
    const reached = new Set<string>();
    const note = (code: string | undefined) => code !== undefined && reached.add(code);
    const off = engineAt();
    for (const body of [
      '{"RoomId":10001,"Page":1,"Limit":1}',
      '{"RoomId":10003,"Page":1,"Limit":1}',
      '{"RoomId":404,"Page":1,"Limit":1}',
      '{"RoomId":1,"Page":1,"Limit":1001}',
      '{"RoomId":1,"Page":1,"Limit":1,"X":1}',
      '{"RoomId":"1","Page":1,"Limit":1}',
      '{"RoomId":1}',
    ]) {
      note(codeFor(off, roomStatisticsRequest({ body })));
    }
    note(codeFor(off, roomStatisticsRequest({ method: "PUT" })));
    note(codeFor(off, roomStatisticsRequest({ headers: { "x-tc-action": "Nope" } })));
    note(codeFor(off, roomStatisticsRequest({ headers: { "x-tc-version": "1999-01-01" } })));
    note(codeOf(off.rejectTransport(mockRequest(), "body-too-large")));
    for (let i = 0; i < 21; i++) note(codeFor(off));
    off.faults.add({ kind: "error", vendor: "tencent", code: "FailedOperation", times: 1 });
    off.faults.add({ kind: "error", vendor: "tencent", code: "InternalError", times: 1 });
    off.clock.advance(1_000);
    note(codeFor(off));
    note(codeFor(off));
    const full = engineAt({ maxTenants: 1 });
    note(codeFor(full));
    note(codeFor(full, roomStatisticsRequest({ headers: { authorization: "TC3-HMAC-SHA256 Credential=other/" } })));

    const verify = engineAt({ auth: { mode: "verify" } });
    note(codeFor(verify));
    note(codeFor(verify, roomStatisticsRequest({ sign: { secretId: "AKIDunknown", secretKey: "x", timestamp: T0_SEC } })));
    note(codeFor(verify, roomStatisticsRequest({ sign: { secretId: demo.secretId, secretKey: "wrong", timestamp: T0_SEC } })));
    note(codeFor(verify, roomStatisticsRequest({ sign: { ...demo, timestamp: T0_SEC - 301 } })));
    // Common codes the fake never sends by itself: their trigger is an error fault.
    for (const [code, entry] of Object.entries(tencentErrors)) {
      if (!entry.trigger.startsWith("Fault only")) continue;
      off.faults.add({ kind: "error", vendor: "tencent", code, times: 1 });
      note(codeFor(off, roomStatisticsRequest()));
    }
    expect([...reached].sort()).toEqual(Object.keys(tencentErrors).sort());
  });
});

describe("Tencent ledger", () => {
  it("every rule has a source, documented ones a URL or SDK path, assumed ones a reason", () => {
    const tencentLedger = fidelityLedger.filter((entry) => entry.vendor === "tencent");
    expect(tencentLedger.length).toBeGreaterThan(20);
    for (const entry of tencentLedger) {
      expect(entry.vendor).toBe("tencent");
      expect(entry.rule.length).toBeGreaterThan(20);
      if (entry.fidelity === "documented") expect(entry.source).toMatch(/https:\/\/|sdk:/);
      else expect(entry.source.length).toBeGreaterThan(20);
    }
  });
});

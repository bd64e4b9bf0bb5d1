import { describe, expect, it } from "vitest";
import { createMockEngine, type MockEngine } from "../../mocks/core/engine.js";
import { demoCredentials } from "../../mocks/options.js";
import { canonicalHost } from "../../mocks/tencent/authenticate.js";
import { authorizationHeader, computeTc3, credentialScope } from "../../schemas/tencent/signing.js";
import {
  DAY,
  T0,
  changed,
  frozenAt,
  handle,
  roomStatisticsGet,
  roomStatisticsRequest,
  tencentDemo as demo,
  tencentResponse,
  toMockRequest,
  type TencentSignOptions,
  type VendorRequest,
} from "../support/harness.js";

const T0_SEC = T0 / 1000;
/** The UTC date (YYYY-MM-DD) of a mock time. */
const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const verifying = (options: Parameters<typeof createMockEngine>[0] = {}) =>
  createMockEngine({ clock: frozenAt(), auth: { mode: "verify" }, rateLimits: false, ...options });
const signedBy = (overrides: TencentSignOptions = {}) => ({ sign: overrides });
/** The error code of a request handled by the engine (undefined: success), after checking HTTP 200. */
const codeFor = (engine: MockEngine, request: VendorRequest = roomStatisticsRequest(), origin?: string) =>
  tencentResponse(handle(engine, request, origin)).Error?.Code;

describe("Tencent TC3 verification (auth mode verify)", () => {
  it("accepts a correct signature whatever the scope's service (lcic, 127, localhost:4010)", () => {
    const engine = verifying();
    expect(codeFor(engine, roomStatisticsRequest(signedBy()))).toBeUndefined();
    expect(codeFor(engine, roomStatisticsRequest(signedBy({ service: "lcic" })))).toBeUndefined();
    const localhost = "http://localhost:4010";
    expect(codeFor(engine, roomStatisticsRequest(signedBy({ origin: localhost })), localhost)).toBeUndefined();
    const production = "https://lcic.tencentcloudapi.com";
    expect(codeFor(engine, roomStatisticsRequest(signedBy({ origin: production })), production)).toBeUndefined();
    expect(codeFor(engine, roomStatisticsGet("RoomId=1&Page=1&Limit=3", signedBy()))).toBeUndefined();
  });

  it("takes host from the Host header without its port (the SDK signs the hostname)", () => {
    expect(canonicalHost(toMockRequest(roomStatisticsRequest(), "http://lcic.tencentcloudapi.com:8443"))).toBe("lcic.tencentcloudapi.com");
    expect(canonicalHost(toMockRequest(roomStatisticsRequest(), "http://[::1]:4010"))).toBe("[::1]");
    const engine = verifying();
    // Signed for host 127.0.0.1, sent with another Host header → mismatch.
    expect(codeFor(engine, changed(roomStatisticsRequest(signedBy()), { headers: { host: "example.com:4010" } }))).toBe(
      "AuthFailure.SignatureFailure",
    );
  });

  it("hashes the raw body bytes: the same JSON with other whitespace or key order fails", () => {
    const engine = verifying();
    const signed = roomStatisticsRequest(signedBy());
    const respaced = changed(signed, { body: '{"RoomId":1, "Page":1,"Limit":10}' });
    expect(tencentResponse(handle(engine, respaced)).Error?.Code).toBe("AuthFailure.SignatureFailure");
    const withSpaces = roomStatisticsRequest({ body: '{ "RoomId": 1, "Page": 1, "Limit": 10 }', ...signedBy() });
    expect(tencentResponse(handle(engine, withSpaces)).Error).toBeUndefined();
  });

  it("fails a wrong key, a changed content type and a timestamp changed after signing", () => {
    const engine = verifying();
    const signed = roomStatisticsRequest(signedBy());
    expect(codeFor(engine, roomStatisticsRequest(signedBy({ secretKey: "not-the-key" })))).toBe("AuthFailure.SignatureFailure");
    expect(codeFor(engine, changed(signed, { headers: { "content-type": "application/json; charset=utf-8" } }))).toBe(
      "AuthFailure.SignatureFailure",
    );
    expect(codeFor(engine, changed(signed, { headers: { "x-tc-timestamp": String(T0_SEC + 1) } }))).toBe("AuthFailure.SignatureFailure");
  });

  it("requires the scope date to be the UTC date of X-TC-Timestamp", () => {
    const engine = verifying();
    const request = roomStatisticsRequest(signedBy());
    const computed = computeTc3({
      method: "POST",
      query: "",
      headers: { "content-type": "application/json", host: "127.0.0.1" },
      signedHeaders: ["content-type", "host"],
      payload: request.body as string,
      timestamp: T0_SEC,
      secretKey: demo.secretKey,
      service: "127",
    });
    // Correct signature under a scope dated the day before: still rejected.
    const scope = credentialScope(utcDate(T0 - DAY), "127");
    const auth = authorizationHeader(demo.secretId, scope, ["content-type", "host"], computed.signature);
    expect(tencentResponse(handle(engine, changed(request, { headers: { authorization: auth } }))).Error?.Code).toBe(
      "AuthFailure.SignatureFailure",
    );
  });

  it("accepts extra signed headers such as x-tc-action (the newer official demo signs it)", () => {
    const engine = verifying();
    const request = roomStatisticsRequest({ headers: { "x-tc-timestamp": String(T0_SEC) } });
    const signedHeaders = ["content-type", "host", "x-tc-action"];
    const computed = computeTc3({
      method: "POST",
      query: "",
      headers: { "content-type": "application/json", host: "127.0.0.1", "x-tc-action": "DescribeRoomStatistics" },
      signedHeaders,
      payload: request.body as string,
      timestamp: T0_SEC,
      secretKey: demo.secretKey,
      service: "lcic",
    });
    const auth = authorizationHeader(demo.secretId, credentialScope(utcDate(T0), "lcic"), signedHeaders, computed.signature);
    expect(computed.canonicalRequest).toContain("x-tc-action:describeroomstatistics\n");
    expect(tencentResponse(handle(engine, changed(request, { headers: { authorization: auth } }))).Error).toBeUndefined();
  });

  it("SignatureExpire beyond 300 s either way, accepted at exactly 300 s", () => {
    const engine = verifying();
    expect(codeFor(engine, roomStatisticsRequest(signedBy({ timestamp: T0_SEC - 300 })))).toBeUndefined();
    expect(codeFor(engine, roomStatisticsRequest(signedBy({ timestamp: T0_SEC + 300 })))).toBeUndefined();
    expect(codeFor(engine, roomStatisticsRequest(signedBy({ timestamp: T0_SEC - 301 })))).toBe("AuthFailure.SignatureExpire");
    expect(codeFor(engine, roomStatisticsRequest(signedBy({ timestamp: T0_SEC + 301 })))).toBe("AuthFailure.SignatureExpire");
    // The mock clock decides: move it and a fresh signature expires.
    engine.clock.advance(301_000);
    expect(codeFor(engine, roomStatisticsRequest(signedBy()))).toBe("AuthFailure.SignatureExpire");
  });

  it("SecretIdNotFound for an unknown SecretId; configured credentials replace the demo ones", () => {
    expect(codeFor(verifying(), roomStatisticsRequest(signedBy({ secretId: "AKIDnobody" })))).toBe("AuthFailure.SecretIdNotFound");
    const custom = verifying({
      auth: { mode: "verify", credentials: { ...demoCredentials, tencent: [{ secretId: "AKIDmine", secretKey: "my-key" }] } },
    });
    expect(codeFor(custom, roomStatisticsRequest(signedBy({ secretId: "AKIDmine", secretKey: "my-key" })))).toBeUndefined();
    expect(codeFor(custom, roomStatisticsRequest(signedBy()))).toBe("AuthFailure.SecretIdNotFound");
  });

  it("InvalidAuthorization for a missing, foreign or garbled header; MissingParameter / InvalidParameter for the timestamp", () => {
    const engine = verifying();
    const signed = roomStatisticsRequest(signedBy());
    const good = signed.headers.authorization!;
    expect(codeFor(engine)).toBe("AuthFailure.InvalidAuthorization");
    for (const bad of [
      "Bearer token",
      "TC3-HMAC-SHA256",
      good.replace(/Signature=\w+/, "Signature=abc"),
      good.replace("SignedHeaders=content-type;host", "SignedHeaders=host"),
      good.replace("/tc3_request", ""),
    ]) {
      expect(codeFor(engine, changed(signed, { headers: { authorization: bad } }))).toBe("AuthFailure.InvalidAuthorization");
    }
    expect(codeFor(engine, changed(signed, { headers: { "x-tc-timestamp": undefined } }))).toBe("MissingParameter");
    expect(codeFor(engine, changed(signed, { headers: { "x-tc-timestamp": "soon" } }))).toBe("InvalidParameter");
  });

  it("never puts a secret key in a reply or the journal", () => {
    const engine = verifying();
    const replies = [
      handle(engine, roomStatisticsRequest(signedBy())),
      handle(engine, roomStatisticsRequest(signedBy({ secretKey: "not-the-key" }))),
      handle(engine, roomStatisticsRequest(signedBy({ timestamp: 1 }))),
    ];
    const text = replies.map((reply) => reply.text).join("\n") + JSON.stringify(engine.journal.entries());
    expect(text).not.toContain(demo.secretKey);
    expect(text).not.toContain("not-the-key");
    expect(engine.journal.entries().map((entry) => entry.tenant)).toEqual([demo.secretId, undefined, undefined]);
  });

  it("auth mode off accepts unsigned and wrongly signed requests alike", () => {
    const engine = createMockEngine({ clock: frozenAt() });
    expect(codeFor(engine)).toBeUndefined();
    expect(codeFor(engine, roomStatisticsRequest(signedBy({ secretKey: "wrong", timestamp: 1 })))).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { createMockEngine } from "../../mocks/core/engine.js";
import { demoCredentials } from "../../mocks/options.js";
import { canonicalHost } from "../../mocks/tencent/authenticate.js";
import { authorizationHeader, computeTc3, credentialScope } from "../../schemas/tencent/signing.js";
import { START_MS, START_SEC, codeFor, demo, lcicRequest, responseOf } from "./support.js";

const verifying = (options: Parameters<typeof createMockEngine>[0] = {}) =>
  createMockEngine({ clock: { start: START_MS, frozen: true }, auth: { mode: "verify" }, rateLimits: false, ...options });
const signedBy = (overrides: Partial<typeof demo & { timestamp: number; service: string }> = {}) => ({
  sign: { ...demo, timestamp: START_SEC, ...overrides },
});

describe("Tencent TC3 verification (auth mode verify)", () => {
  it("accepts a correct signature whatever the scope's service (lcic, 127, localhost:4010)", () => {
    const engine = verifying();
    expect(codeFor(engine, signedBy())).toBeUndefined();
    expect(codeFor(engine, signedBy({ service: "lcic" }))).toBeUndefined();
    expect(codeFor(engine, { url: "http://localhost:4010/", ...signedBy() })).toBeUndefined();
    expect(codeFor(engine, { url: "https://lcic.tencentcloudapi.com/", ...signedBy() })).toBeUndefined();
    expect(
      codeFor(engine, { method: "GET", url: "http://127.0.0.1:4010/?RoomId=1&Page=1&Limit=3", body: "", ...signedBy() }),
    ).toBeUndefined();
  });

  it("takes host from the Host header without its port (the SDK signs the hostname)", () => {
    expect(canonicalHost(lcicRequest({ url: "http://lcic.tencentcloudapi.com:8443/" }))).toBe("lcic.tencentcloudapi.com");
    expect(canonicalHost(lcicRequest({ url: "http://[::1]:4010/" }))).toBe("[::1]");
    const engine = verifying();
    // Signed for host 127.0.0.1, sent with another Host header → mismatch.
    expect(codeFor(engine, { ...signedBy(), headers: { host: "example.com:4010" } })).toBe("AuthFailure.SignatureFailure");
  });

  it("hashes the raw body bytes: the same JSON with other whitespace or key order fails", () => {
    const engine = verifying();
    const signed = lcicRequest(signedBy());
    const respaced = { ...signed, rawBody: new TextEncoder().encode('{"RoomId":1, "Page":1,"Limit":10}') };
    expect(responseOf(engine.handle(respaced)).Error?.Code).toBe("AuthFailure.SignatureFailure");
    const withSpaces = lcicRequest({ body: '{ "RoomId": 1, "Page": 1, "Limit": 10 }', ...signedBy() });
    expect(responseOf(engine.handle(withSpaces)).Error).toBeUndefined();
  });

  it("fails a wrong key, a changed content type and a timestamp changed after signing", () => {
    const engine = verifying();
    expect(codeFor(engine, signedBy({ secretKey: "not-the-key" }))).toBe("AuthFailure.SignatureFailure");
    expect(codeFor(engine, { ...signedBy(), headers: { "content-type": "application/json; charset=utf-8" } })).toBe(
      "AuthFailure.SignatureFailure",
    );
    expect(codeFor(engine, { ...signedBy(), headers: { "x-tc-timestamp": String(START_SEC + 1) } })).toBe("AuthFailure.SignatureFailure");
  });

  it("requires the scope date to be the UTC date of X-TC-Timestamp", () => {
    const engine = verifying();
    const request = lcicRequest(signedBy());
    const computed = computeTc3({
      method: "POST",
      query: "",
      headers: { "content-type": "application/json", host: "127.0.0.1" },
      signedHeaders: ["content-type", "host"],
      payload: request.rawBody,
      timestamp: START_SEC,
      secretKey: demo.secretKey,
      service: "127",
    });
    // Correct signature under a scope dated the day before: still rejected.
    const scope = credentialScope("2025-02-28", "127");
    const auth = authorizationHeader(demo.secretId, scope, ["content-type", "host"], computed.signature);
    expect(responseOf(engine.handle({ ...request, headers: { ...request.headers, authorization: auth } })).Error?.Code).toBe(
      "AuthFailure.SignatureFailure",
    );
  });

  it("accepts extra signed headers such as x-tc-action (the newer official demo signs it)", () => {
    const engine = verifying();
    const request = lcicRequest({ headers: { "x-tc-timestamp": String(START_SEC) } });
    const signedHeaders = ["content-type", "host", "x-tc-action"];
    const computed = computeTc3({
      method: "POST",
      query: "",
      headers: { "content-type": "application/json", host: "127.0.0.1", "x-tc-action": "DescribeRoomStatistics" },
      signedHeaders,
      payload: request.rawBody,
      timestamp: START_SEC,
      secretKey: demo.secretKey,
      service: "lcic",
    });
    const auth = authorizationHeader(demo.secretId, credentialScope("2025-03-01", "lcic"), signedHeaders, computed.signature);
    expect(computed.canonicalRequest).toContain("x-tc-action:describeroomstatistics\n");
    expect(responseOf(engine.handle({ ...request, headers: { ...request.headers, authorization: auth } })).Error).toBeUndefined();
  });

  it("SignatureExpire beyond 300 s either way, accepted at exactly 300 s", () => {
    const engine = verifying();
    expect(codeFor(engine, signedBy({ timestamp: START_SEC - 300 }))).toBeUndefined();
    expect(codeFor(engine, signedBy({ timestamp: START_SEC + 300 }))).toBeUndefined();
    expect(codeFor(engine, signedBy({ timestamp: START_SEC - 301 }))).toBe("AuthFailure.SignatureExpire");
    expect(codeFor(engine, signedBy({ timestamp: START_SEC + 301 }))).toBe("AuthFailure.SignatureExpire");
    // The mock clock decides: move it and a fresh signature expires.
    engine.clock.advance(301_000);
    expect(codeFor(engine, signedBy())).toBe("AuthFailure.SignatureExpire");
  });

  it("SecretIdNotFound for an unknown SecretId; configured credentials replace the demo ones", () => {
    expect(codeFor(verifying(), signedBy({ secretId: "AKIDnobody" }))).toBe("AuthFailure.SecretIdNotFound");
    const custom = verifying({
      auth: { mode: "verify", credentials: { ...demoCredentials, tencent: [{ secretId: "AKIDmine", secretKey: "my-key" }] } },
    });
    expect(codeFor(custom, signedBy({ secretId: "AKIDmine", secretKey: "my-key" }))).toBeUndefined();
    expect(codeFor(custom, signedBy())).toBe("AuthFailure.SecretIdNotFound");
  });

  it("InvalidAuthorization for a missing, foreign or garbled header; MissingParameter / InvalidParameter for the timestamp", () => {
    const engine = verifying();
    const good = lcicRequest(signedBy()).headers.authorization!;
    expect(codeFor(engine)).toBe("AuthFailure.InvalidAuthorization");
    for (const bad of [
      "Bearer token",
      "TC3-HMAC-SHA256",
      good.replace(/Signature=\w+/, "Signature=abc"),
      good.replace("SignedHeaders=content-type;host", "SignedHeaders=host"),
      good.replace("/tc3_request", ""),
    ]) {
      expect(codeFor(engine, { ...signedBy(), headers: { authorization: bad } })).toBe("AuthFailure.InvalidAuthorization");
    }
    expect(codeFor(engine, { ...signedBy(), headers: { "x-tc-timestamp": undefined } })).toBe("MissingParameter");
    expect(codeFor(engine, { ...signedBy(), headers: { "x-tc-timestamp": "soon" } })).toBe("InvalidParameter");
  });

  it("never puts a secret key in a reply or the journal", () => {
    const engine = verifying();
    const replies = [
      engine.handle(lcicRequest(signedBy())),
      engine.handle(lcicRequest(signedBy({ secretKey: "not-the-key" }))),
      engine.handle(lcicRequest(signedBy({ timestamp: 1 }))),
    ];
    const text = replies.map((reply) => reply.body).join("\n") + JSON.stringify(engine.journal.entries());
    expect(text).not.toContain(demo.secretKey);
    expect(text).not.toContain("not-the-key");
    expect(engine.journal.entries().map((entry) => entry.tenant)).toEqual([demo.secretId, undefined, undefined]);
  });

  it("auth mode off accepts unsigned and wrongly signed requests alike", () => {
    const engine = createMockEngine({ clock: { start: START_MS, frozen: true } });
    expect(codeFor(engine)).toBeUndefined();
    expect(codeFor(engine, signedBy({ secretKey: "wrong", timestamp: 1 }))).toBeUndefined();
  });
});

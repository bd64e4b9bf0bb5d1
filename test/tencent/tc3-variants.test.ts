import { describe, expect, it } from "vitest";
import { createMockEngine } from "../../mocks/core/engine.js";
import { replyText, type MockRequest } from "../../mocks/core/reply.js";
import { demoCredentials } from "../../mocks/options.js";
import { authorizationHeader, computeTc3 } from "../../schemas/tencent/signing.js";

const NOW = Date.parse("2024-03-01T12:00:00+08:00");
const [credential] = demoCredentials.tencent;
const BODY = JSON.stringify({ RoomId: 1, Page: 1, Limit: 1 });

/** A DescribeRoomStatistics POST to 127.0.0.1:4010, signed as the Go/Python/Java SDKs may sign it. */
function signed(options: { signedHost: string; unsignedPayload?: boolean; secretKey?: string }): MockRequest {
  const timestamp = Math.floor(NOW / 1000);
  const computed = computeTc3({
    method: "POST",
    query: "",
    headers: { "content-type": "application/json", host: options.signedHost },
    signedHeaders: ["content-type", "host"],
    payload: options.unsignedPayload ? "UNSIGNED-PAYLOAD" : BODY,
    timestamp,
    secretKey: options.secretKey ?? credential!.secretKey,
    service: "lcic",
  });
  return {
    method: "POST",
    url: new URL("http://127.0.0.1:4010/"),
    headers: {
      host: "127.0.0.1:4010",
      "content-type": "application/json",
      "x-tc-action": "DescribeRoomStatistics",
      "x-tc-version": "2022-08-17",
      "x-tc-timestamp": String(timestamp),
      ...(options.unsignedPayload ? { "x-tc-content-sha256": "UNSIGNED-PAYLOAD" } : {}),
      authorization: authorizationHeader(credential!.secretId, computed.credentialScope, ["content-type", "host"], computed.signature),
    },
    rawBody: new TextEncoder().encode(BODY),
  };
}

const errorOf = (request: MockRequest) => {
  const engine = createMockEngine({ clock: { start: NOW, frozen: true }, auth: { mode: "verify" } });
  return (JSON.parse(replyText(engine.handle(request))) as { Response: { Error?: { Code: string } } }).Response.Error?.Code;
};

describe("TC3 as every Tencent SDK signs it", () => {
  it("accepts the host signed without its port (Node) and with it (Go, Python, Java)", () => {
    expect(errorOf(signed({ signedHost: "127.0.0.1" }))).toBeUndefined();
    expect(errorOf(signed({ signedHost: "127.0.0.1:4010" }))).toBeUndefined();
    expect(errorOf(signed({ signedHost: "127.0.0.1:4011" }))).toBe("AuthFailure.SignatureFailure");
  });

  it("accepts X-TC-Content-SHA256: UNSIGNED-PAYLOAD, and still refuses a wrong secret", () => {
    expect(errorOf(signed({ signedHost: "127.0.0.1:4010", unsignedPayload: true }))).toBeUndefined();
    expect(errorOf(signed({ signedHost: "127.0.0.1:4010", unsignedPayload: true, secretKey: "wrong" }))).toBe(
      "AuthFailure.SignatureFailure",
    );
  });
});

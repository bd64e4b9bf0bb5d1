import { describe, expect, it } from "vitest";
import { createMockEngine } from "../../mocks/core/engine.js";
import { authorizationHeader, computeTc3 } from "../../schemas/tencent/signing.js";
import {
  T0,
  errorCodeOf,
  frozenAt,
  handle,
  roomStatisticsBody,
  roomStatisticsRequest,
  tencentDemo as credential,
  type VendorRequest,
} from "../support/harness.js";

const BODY = JSON.stringify(roomStatisticsBody(1, 1, 1));

/** A DescribeRoomStatistics POST to 127.0.0.1:4010, signed as the Go/Python/Java SDKs may sign it. */
function signed(options: { signedHost: string; unsignedPayload?: boolean; secretKey?: string }): VendorRequest {
  const timestamp = Math.floor(T0 / 1000);
  const computed = computeTc3({
    method: "POST",
    query: "",
    headers: { "content-type": "application/json", host: options.signedHost },
    signedHeaders: ["content-type", "host"],
    payload: options.unsignedPayload ? "UNSIGNED-PAYLOAD" : BODY,
    timestamp,
    secretKey: options.secretKey ?? credential.secretKey,
    service: "lcic",
  });
  return roomStatisticsRequest({
    body: BODY,
    headers: {
      "x-tc-timestamp": String(timestamp),
      ...(options.unsignedPayload ? { "x-tc-content-sha256": "UNSIGNED-PAYLOAD" } : {}),
      authorization: authorizationHeader(credential.secretId, computed.credentialScope, ["content-type", "host"], computed.signature),
    },
  });
}

const errorOf = (request: VendorRequest) => {
  const engine = createMockEngine({ clock: frozenAt(), auth: { mode: "verify" } });
  return errorCodeOf(handle(engine, request), "tencent");
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

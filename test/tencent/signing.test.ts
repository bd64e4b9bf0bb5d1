import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import {
  authorizationHeader,
  computeTc3,
  parseTc3Authorization,
  secretIdOf,
  signTencentRequest,
  tc3Date,
} from "../../schemas/tencent/signing.js";

// The official Signature v3 example (https://tencentcloud.com/document/api/1150/49447). The body is
// Python's json.dumps output, so the Chinese name is sent as literal \u escapes.
const vector = {
  secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
  secretKey: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
  timestamp: 1551113065,
  body: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
  contentType: "application/json; charset=utf-8",
};

type Sign3 = (input: Record<string, unknown>) => string;
// The real SDK's signer, to prove signTencentRequest produces what the SDK sends.
const require = createRequire(import.meta.url);
const sdkSign = require("tencentcloud-sdk-nodejs-common/tencentcloud/common/sign.js") as { default: { sign3: Sign3 } };

describe("TC3-HMAC-SHA256 signing", () => {
  it("reproduces the official test vector: payload hash, canonical-request hash and signature", () => {
    const computed = computeTc3({
      method: "POST",
      query: "",
      headers: { "content-type": vector.contentType, host: "cvm.tencentcloudapi.com" },
      signedHeaders: ["host", "content-type"],
      payload: vector.body,
      timestamp: vector.timestamp,
      secretKey: vector.secretKey,
      service: "cvm",
    });
    expect(computed.payloadHash).toBe("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
    expect(computed.canonicalRequest).toBe(
      `POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n${computed.payloadHash}`,
    );
    expect(computed.canonicalRequestHash).toBe("5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");
    expect(computed.credentialScope).toBe("2019-02-25/cvm/tc3_request");
    expect(computed.signature).toBe("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
  });

  it("signTencentRequest returns the documented Authorization header for the vector", () => {
    const headers = signTencentRequest({
      method: "POST",
      url: new URL("https://cvm.tencentcloudapi.com/"),
      headers: { "Content-Type": vector.contentType },
      body: new TextEncoder().encode(vector.body),
      secretId: vector.secretId,
      secretKey: vector.secretKey,
      timestamp: vector.timestamp,
    });
    expect(headers).toEqual({
      Authorization:
        "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
      "X-TC-Timestamp": "1551113065",
    });
  });

  it("matches the official Node SDK's signer for POST and GET, including the '127' service trap", () => {
    const cases = [
      { method: "POST", url: "http://127.0.0.1:4010/", body: '{"RoomId":1,"Page":1,"Limit":10}', contentType: "application/json" },
      {
        method: "POST",
        url: "https://lcic.tencentcloudapi.com/",
        body: '{"RoomId":7,"Page":2,"Limit":1}',
        contentType: "application/json",
      },
      {
        method: "GET",
        url: "http://lcic.tencentcloudapi.com:4010/?RoomId=1&Page=1&Limit=10",
        body: "",
        contentType: "application/x-www-form-urlencoded",
      },
    ];
    for (const c of cases) {
      const url = new URL(c.url);
      const ours = signTencentRequest({
        method: c.method,
        url,
        headers: { "Content-Type": c.contentType },
        body: c.body,
        secretId: "AKIDtest",
        secretKey: "secret-key",
        timestamp: 1_700_000_000,
      });
      const sdk = sdkSign.default.sign3({
        method: c.method,
        url: c.url,
        payload: c.method === "POST" ? JSON.parse(c.body) : "",
        timestamp: 1_700_000_000,
        service: url.host.split(".")[0],
        secretId: "AKIDtest",
        secretKey: "secret-key",
        multipart: false,
        headers: { "Content-Type": c.contentType },
      });
      expect(ours.Authorization).toBe(sdk);
    }
    const local = signTencentRequest({
      method: "POST",
      url: new URL("http://127.0.0.1:4010/"),
      headers: { "Content-Type": "application/json" },
      body: "{}",
      secretId: "id",
      secretKey: "k",
      timestamp: 0,
    });
    expect(local.Authorization).toContain("Credential=id/1970-01-01/127/tc3_request");
  });

  it("adds a Content-Type when the caller gave none (it is signed)", () => {
    const get = signTencentRequest({
      method: "get",
      url: new URL("http://x.example/?a=1"),
      headers: {},
      body: "",
      secretId: "i",
      secretKey: "k",
      timestamp: 1,
    });
    expect(get["Content-Type"]).toBe("application/x-www-form-urlencoded");
    const post = signTencentRequest({
      method: "POST",
      url: new URL("http://x.example/"),
      headers: {},
      body: "{}",
      secretId: "i",
      secretKey: "k",
      timestamp: 1,
    });
    expect(post["Content-Type"]).toBe("application/json");
  });

  it("uses the UTC date for the scope, also just before and after midnight", () => {
    expect(tc3Date(1551113065)).toBe("2019-02-25");
    expect(tc3Date(1551139199)).toBe("2019-02-25");
    expect(tc3Date(1551139200)).toBe("2019-02-26");
  });

  it("parses well-formed Authorization headers and rejects garbled ones", () => {
    const header = authorizationHeader("AKIDx", "2024-01-02/lcic/tc3_request", ["host", "content-type"], "a".repeat(64));
    expect(parseTc3Authorization(header)).toEqual({
      secretId: "AKIDx",
      date: "2024-01-02",
      service: "lcic",
      signedHeaders: ["content-type", "host"],
      signature: "a".repeat(64),
    });
    expect(secretIdOf(header)).toBe("AKIDx");
    for (const bad of [
      undefined,
      "",
      "Bearer abc",
      header.replace("tc3_request", "tc4_request"),
      header.replace("a".repeat(64), "zz"),
      "TC3-HMAC-SHA256 Credential=AKIDx",
    ]) {
      expect(parseTc3Authorization(bad)).toBeNull();
    }
  });
});

import { describe, expect, it } from "vitest";
import { createMockEngine } from "../../mocks/core/engine.js";
import { demoCredentials } from "../../mocks/options.js";
import {
  signTencentV1Request,
  tencentV1Signature,
  tencentV1StringToSign,
  type SignTencentV1RequestInput,
  type TencentV1Method,
} from "../../schemas/tencent/signing.js";
import { DEFAULT_ORIGIN, T0, errorCodeOf, frozenAt, handle, sharedServer, send, type VendorRequest } from "../support/harness.js";

const demo = demoCredentials.tencent[0]!;
const T0_SEC = Math.floor(T0 / 1000);
/** The seeded ended class with statistics (mocks/tencent/seeded-rooms.ts). */
const ROOM = 10004;

const verifying = () => createMockEngine({ seed: 1, clock: frozenAt(), auth: { mode: "verify" }, rateLimits: false });
const authOff = () => createMockEngine({ seed: 1, clock: frozenAt(), rateLimits: false });

/** A v1 DescribeRoomStatistics request signed with the demo key at T0, as the SDKs send it. */
function v1Request(method: "GET" | "POST", changes: Partial<SignTencentV1RequestInput> = {}, origin = DEFAULT_ORIGIN): VendorRequest {
  const signed = signTencentV1Request({
    method,
    url: new URL(origin),
    params: { Action: "DescribeRoomStatistics", Version: "2022-08-17", RoomId: ROOM, Page: 1, Limit: 5 },
    secretId: demo.secretId,
    secretKey: demo.secretKey,
    timestamp: T0_SEC,
    ...changes,
  });
  return { method: signed.method, path: signed.path, headers: signed.headers, ...(signed.body !== undefined ? { body: signed.body } : {}) };
}

const methods = ["GET", "POST"] as const;
const algorithms: TencentV1Method[] = ["HmacSHA1", "HmacSHA256"];

describe("Tencent signature v1: string to sign and signature", () => {
  it("sorts the pairs, keeps the host's port, leaves values unencoded and drops Signature", () => {
    const toSign = tencentV1StringToSign({
      method: "get",
      host: "127.0.0.1:4010",
      params: [
        ["Version", "2022-08-17"],
        ["Action", "DescribeRoomStatistics"],
        ["Signature", "x"],
        ["Name", "a b&c"],
        ["Empty", ""],
      ],
    });
    expect(toSign).toBe("GET127.0.0.1:4010/?Action=DescribeRoomStatistics&Empty=&Name=a b&c&Version=2022-08-17");
    expect(
      tencentV1StringToSign({
        method: "GET",
        host: "h",
        params: [
          ["B", ""],
          ["A", "1"],
        ],
        skipEmpty: true,
      }),
    ).toBe("GETh/?A=1");
  });

  it("reproduces the vendor's documented v1 example (HmacSHA1, base64)", () => {
    // The worked example of the API 3.0 "Signature" (v1) page: CVM DescribeInstances, SecretKey Gu5t9x…
    const toSign =
      "GETcvm.tencentcloudapi.com/?Action=DescribeInstances&InstanceIds.0=ins-09dx96dg&Limit=20&Nonce=11886&Offset=0&Region=ap-guangzhou&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE&Timestamp=1465185768&Version=2017-03-12";
    expect(tencentV1Signature("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", toSign, "HmacSHA1")).toBe("EliP9YW3pW28FpsEdkXt/+WcGeI=");
  });

  it("signTencentV1Request puts everything in the query (GET) or a form body (POST)", () => {
    const get = v1Request("GET");
    expect(get.path).toMatch(/^\/\?Action=DescribeRoomStatistics&/);
    expect(get.body).toBeUndefined();
    const post = v1Request("POST");
    expect(post.path).toBe("/");
    expect(post.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(new URLSearchParams(String(post.body)).get("SignatureMethod")).toBe("HmacSHA256");
  });
});

describe("Tencent signature v1 in verify mode", () => {
  for (const method of methods) {
    for (const signatureMethod of algorithms) {
      it(`${method} ${signatureMethod}: a valid request is routed to Tencent and answered in its envelope`, () => {
        const reply = handle(verifying(), v1Request(method, { signatureMethod }));
        expect(reply.status).toBe(200);
        expect(reply.headers["content-type"]).toBe("application/json");
        expect(reply.json.Response.Error).toBeUndefined();
        expect(reply.json.Response.MemberRecords).toHaveLength(5);
        expect(typeof reply.json.Response.RequestId).toBe("string");
      });

      it(`${method} ${signatureMethod}: wrong secret, unknown SecretId, old Timestamp`, () => {
        const engine = verifying();
        expect(errorCodeOf(handle(engine, v1Request(method, { signatureMethod, secretKey: "wrong" })))).toBe(
          "AuthFailure.SignatureFailure",
        );
        expect(errorCodeOf(handle(engine, v1Request(method, { signatureMethod, secretId: "AKIDnobody" })))).toBe(
          "AuthFailure.SecretIdNotFound",
        );
        expect(errorCodeOf(handle(engine, v1Request(method, { signatureMethod, timestamp: T0_SEC - 301 })))).toBe(
          "AuthFailure.SignatureExpire",
        );
        expect(errorCodeOf(handle(engine, v1Request(method, { signatureMethod, timestamp: T0_SEC - 300 })))).toBeUndefined();
      });
    }
  }

  it("signs the Host header as sent, port included", () => {
    const engine = verifying();
    const request = v1Request("GET");
    expect(errorCodeOf(handle(engine, request, "http://127.0.0.1:4010"))).toBeUndefined();
    expect(errorCodeOf(handle(engine, { ...request, headers: { ...request.headers, host: "127.0.0.1" } }))).toBe(
      "AuthFailure.SignatureFailure",
    );
    const production = v1Request("POST", {}, "https://lcic.tencentcloudapi.com");
    expect(errorCodeOf(handle(engine, production, "https://lcic.tencentcloudapi.com"))).toBeUndefined();
  });

  it("fails a business parameter changed after signing", () => {
    const request = v1Request("POST");
    const tampered = { ...request, body: String(request.body).replace("Limit=5", "Limit=6") };
    expect(errorCodeOf(handle(verifying(), tampered))).toBe("AuthFailure.SignatureFailure");
  });

  it("takes a Nonce beyond 32 bits (Python sends up to 2^63−1) and HmacSHA1 when SignatureMethod is absent", () => {
    const engine = verifying();
    expect(errorCodeOf(handle(engine, v1Request("GET", { nonce: 9_223_372_036_854_775_807n })))).toBeUndefined();
    const signed = signTencentV1Request({
      method: "GET",
      url: new URL(DEFAULT_ORIGIN),
      params: { Action: "DescribeRoomStatistics", Version: "2022-08-17", RoomId: ROOM, Page: 1, Limit: 1 },
      secretId: demo.secretId,
      secretKey: demo.secretKey,
      timestamp: T0_SEC,
      signatureMethod: "HmacSHA1",
    });
    const withoutMethod = { ...signed.params };
    delete withoutMethod.SignatureMethod;
    withoutMethod.Signature = tencentV1Signature(
      demo.secretKey,
      tencentV1StringToSign({ method: "GET", host: "127.0.0.1:4010", params: Object.entries(withoutMethod) }),
      "HmacSHA1",
    );
    expect(errorCodeOf(handle(engine, { method: "GET", path: `/?${new URLSearchParams(withoutMethod)}`, headers: {} }))).toBeUndefined();
    expect(errorCodeOf(handle(engine, { method: "GET", path: `${signed.path}`.replace("HmacSHA1", "HmacMD5"), headers: {} }))).toBe(
      "InvalidParameterValue",
    );
  });

  it("accepts a signature made with or without empty-valued parameters (Go skips them)", () => {
    const engine = verifying();
    const params = {
      Action: "DescribeRoomStatistics",
      Version: "2022-08-17",
      RoomId: String(ROOM),
      Page: "1",
      Limit: "1",
      Region: "",
      Timestamp: String(T0_SEC),
      Nonce: "7",
      SecretId: demo.secretId,
      SignatureMethod: "HmacSHA256",
    };
    for (const skipEmpty of [false, true]) {
      const toSign = tencentV1StringToSign({ method: "GET", host: "127.0.0.1:4010", params: Object.entries(params), skipEmpty });
      const query = new URLSearchParams({ ...params, Signature: tencentV1Signature(demo.secretKey, toSign, "HmacSHA256") });
      expect(errorCodeOf(handle(engine, { method: "GET", path: `/?${query}`, headers: {} }))).toBeUndefined();
    }
  });
});

describe("Tencent signature v1: routing and parameters", () => {
  it("is served in auth-off mode too, whatever the signature", () => {
    const request = v1Request("GET", { secretKey: "anything" });
    const reply = handle(authOff(), request);
    expect(reply.json.Response.Error).toBeUndefined();
    expect(reply.json.Response.MemberRecords).toHaveLength(5);
    expect(errorCodeOf(handle(authOff(), v1Request("POST", { secretId: "AKIDnobody" })))).toBeUndefined();
  });

  it("answers unknown Action or Version, and bad business parameters, in Tencent's codes", () => {
    const engine = authOff();
    const code = (params: Record<string, string | number>, method: "GET" | "POST" = "GET") =>
      errorCodeOf(handle(engine, v1Request(method, { params })));
    expect(code({ Action: "DescribeRoom", Version: "2022-08-17", RoomId: ROOM, Page: 1, Limit: 1 })).toBe("InvalidAction");
    expect(code({ Action: "DescribeRoomStatistics", Version: "2020-01-01", RoomId: ROOM, Page: 1, Limit: 1 }, "POST")).toBe(
      "NoSuchVersion",
    );
    expect(code({ Version: "2022-08-17", RoomId: ROOM, Page: 1, Limit: 1 })).toBe("MissingParameter");
    expect(code({ Action: "DescribeRoomStatistics", Version: "2022-08-17", RoomId: ROOM, Page: 1 }, "POST")).toBe("MissingParameter");
    expect(code({ Action: "DescribeRoomStatistics", Version: "2022-08-17", RoomId: ROOM, Page: 1, Limit: 1001 })).toBe(
      "InvalidParameterValue",
    );
    expect(code({ Action: "DescribeRoomStatistics", Version: "2022-08-17", RoomId: 404, Page: 1, Limit: 1 })).toBe("ResourceNotFound.Room");
    expect(code({ Action: "DescribeRoomStatistics", Version: "2022-08-17", RoomId: ROOM, Page: 1, Limit: 1, Foo: 1 }, "POST")).toBe(
      "UnknownParameter",
    );
  });

  it("counts the rate limit per v1 SecretId", () => {
    const engine = createMockEngine({ seed: 1, clock: frozenAt() });
    for (let i = 0; i < 20; i++) expect(errorCodeOf(handle(engine, v1Request("GET")))).toBeUndefined();
    expect(errorCodeOf(handle(engine, v1Request("GET")))).toBe("RequestLimitExceeded");
    expect(errorCodeOf(handle(engine, v1Request("GET", { secretId: "AKIDother" })))).toBeUndefined();
  });
});

describe("Tencent signature v1 over HTTP", () => {
  const server = sharedServer({ mock: { auth: { mode: "verify" } } });

  for (const method of methods) {
    it(`${method}: the real server verifies and answers a v1 request`, async () => {
      const origin = new URL(server.url).origin;
      const ok = await send(server.current, v1Request(method, {}, origin));
      expect(ok.status).toBe(200);
      expect(ok.headers["content-type"]).toBe("application/json");
      expect(ok.json.Response.MemberRecords).toHaveLength(5);
      const bad = await send(server.current, v1Request(method, { secretKey: "wrong" }, origin));
      expect(errorCodeOf(bad)).toBe("AuthFailure.SignatureFailure");
    });
  }
});

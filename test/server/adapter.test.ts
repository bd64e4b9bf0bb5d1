import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createMockEngine } from "../../mocks/core/engine.js";
import type { MockOptions } from "../../mocks/options.js";
import { normalizeHeaders, type MockRequest } from "../../mocks/core/reply.js";
import { signTencentRequest } from "../../schemas/tencent/signing.js";
import type { RunningServer } from "../../server/start-server.js";
import {
  endedRoomSpec,
  errorCodeOf,
  exampleRequests,
  isSuccess,
  send,
  startHarnessServer,
  T0,
  type VendorRequest,
} from "../support/harness.js";

const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);
const options: MockOptions = { seed: 21, clock: { start: NOW, frozen: true }, rateLimits: false };
/** Headers Node's HTTP server adds to every response; everything else must come from the engine. */
const TRANSPORT_HEADERS = new Set(["content-length", "date", "connection", "keep-alive"]);

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function mockRequestOf(url: string, request: VendorRequest): MockRequest {
  const target = new URL(`${url}${request.path}`);
  return {
    method: request.method,
    url: target,
    headers: normalizeHeaders([...Object.entries(request.headers), ["host", target.host]]),
    rawBody: typeof request.body === "string" ? new TextEncoder().encode(request.body) : (request.body ?? new Uint8Array()),
  };
}

/** Sends with node:http, so the Host header can be anything. */
function sendWithHost(url: string, request: VendorRequest, host: string): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { hostname, port, method: request.method, path: request.path, headers: { ...request.headers, host } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    req.end(request.body);
  });
}

describe("the fastify adapter", () => {
  it("sends exactly the engine's status, headers and body bytes, and adds no request-id header", async () => {
    server = await startHarnessServer({ mock: options });
    const twin = createMockEngine(options);
    server.engine.backends.tencent.rooms.add(endedRoomSpec(NOW));
    twin.backends.tencent.rooms.add(endedRoomSpec(NOW));
    const requests: VendorRequest[] = [
      ...Object.values(exampleRequests(NOW)),
      {
        method: "POST",
        path: "/?Action=ListRealTimeQuality&Version=2020-12-01",
        headers: { "content-type": "application/json" },
        body: "{not json",
      },
      { method: "GET", path: "/?Action=GetRealtimeUsage&AppId=1", headers: {} },
      {
        method: "POST",
        path: "/",
        headers: { "content-type": "application/json", "x-tc-action": "DescribeRoomStatistics", "x-tc-version": "2022-08-17" },
        body: '{"RoomId":424242,"Page":1,"Limit":10}',
      },
    ];
    for (const request of requests) {
      const expected = twin.handle(mockRequestOf(server.url, request));
      const response = await send(server, request);
      expect(response.status, request.path).toBe(expected.status);
      expect(response.bytes.equals(Buffer.from(expected.body)), request.path).toBe(true);
      const added = Object.keys(response.headers).filter((name) => !TRANSPORT_HEADERS.has(name));
      expect(added.sort(), request.path).toEqual(
        Object.keys(expected.headers)
          .map((name) => name.toLowerCase())
          .sort(),
      );
      for (const [name, value] of Object.entries(expected.headers)) expect(response.headers[name.toLowerCase()]).toBe(value);
      expect("x-request-id" in response.headers).toBe(false);
    }
  });

  it("hands the body to the engine byte for byte: a Tencent signature over unusual JSON spacing verifies", async () => {
    server = await startHarnessServer({ mock: { seed: 21, rateLimits: false, auth: { mode: "verify" } } });
    server.engine.backends.tencent.rooms.add(endedRoomSpec(T0, 880_201));
    // Not what JSON.stringify would produce: re-serializing would break the signature.
    const body = '{ "RoomId" :880201,\n\t"Page":1 , "Limit": 10 }';
    const url = new URL(`${server.url}/`);
    const headers = { "content-type": "application/json", "x-tc-action": "DescribeRoomStatistics", "x-tc-version": "2022-08-17" };
    const signed = signTencentRequest({
      method: "POST",
      url,
      headers,
      body,
      secretId: "AKIDdemo00000000000000000000000000",
      secretKey: "demo-tencent-secret-key",
      timestamp: Math.floor(T0 / 1000),
    });
    const ok = await send(server.url, { method: "POST", path: "/", headers: { ...headers, ...signed }, body });
    expect(isSuccess("tencent", ok.json), ok.text).toBe(true);
    // One changed byte and the signature no longer matches.
    const tampered = await send(server.url, {
      method: "POST",
      path: "/",
      headers: { ...headers, ...signed },
      body: body.replace("10", "11"),
    });
    expect(errorCodeOf(tampered.json, "tencent")).toBe("AuthFailure.SignatureFailure");
  });

  it("lets the engine route by production Host header, whatever the request looks like", async () => {
    server = await startHarnessServer({ mock: options });
    const volcengineShaped = exampleRequests(NOW)["volcengine.ListRealTimeQuality"]!;
    const asTencent = await sendWithHost(server.url, volcengineShaped, "lcic.tencentcloudapi.com");
    expect(errorCodeOf(JSON.parse(asTencent.text), "tencent")).toBeDefined();
    const asVolcengine = await sendWithHost(server.url, volcengineShaped, "rtc.volcengineapi.com");
    expect(isSuccess("volcengine", JSON.parse(asVolcengine.text))).toBe(true);
    const garbageHost = await sendWithHost(server.url, volcengineShaped, "bad host/with@signs");
    expect(isSuccess("volcengine", JSON.parse(garbageHost.text))).toBe(true);
  });

  it("serves HEAD and odd methods through the engine without a 5xx", async () => {
    server = await startHarnessServer({ mock: options });
    for (const method of ["HEAD", "PURGE", "SEARCH", "PROPFIND"]) {
      const reply = await sendWithHost(
        server.url,
        { method, path: "/?Action=ListRealTimeQuality&Version=2020-12-01", headers: {} },
        "127.0.0.1",
      );
      expect(reply.status, method).toBeGreaterThan(0);
      expect(reply.status, method).toBeLessThan(500);
      if (method !== "HEAD") expect(errorCodeOf(JSON.parse(reply.text), "volcengine"), method).toBeDefined();
    }
  });
});

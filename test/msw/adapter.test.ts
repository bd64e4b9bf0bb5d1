import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { MockEngine } from "../../mocks/core/engine.js";
import { createRtcHandlers } from "../../mocks/msw/index.js";
import type { MockReply, MockRequest } from "../../mocks/core/reply.js";

// The adapter alone, over a recording engine: what reaches engine.handle and what comes back out.
const seen: MockRequest[] = [];
const transport: string[] = [];
let nextReply: MockReply = { status: 200, headers: {}, body: new Uint8Array() };
const recordingEngine = {
  handle(request: MockRequest) {
    seen.push(request);
    return { ...nextReply, headers: { ...nextReply.headers } };
  },
  rejectTransport(request: MockRequest, problem: string) {
    seen.push(request);
    transport.push(problem);
    return { status: 413, headers: { "content-type": "application/json" }, body: new TextEncoder().encode(`{"problem":"${problem}"}`) };
  },
} as unknown as MockEngine;

const { handlers } = createRtcHandlers({
  engine: recordingEngine,
  vendorHosts: false,
  baseUrls: ["http://mock.test:4010", "https://proxy.test/volc/"],
  maxBodyBytes: 64,
});
const server = setupServer(...handlers);

const unhandled: string[] = [];
// Unhandled requests go on to the network, where the reserved .test domains do not resolve.
beforeAll(() => server.listen({ onUnhandledRequest: (request) => void unhandled.push(request.url) }));
afterEach(() => {
  seen.length = 0;
  transport.length = 0;
  unhandled.length = 0;
  nextReply = { status: 200, headers: {}, body: new Uint8Array() };
});
afterAll(() => server.close());

describe("MSW adapter", () => {
  it("passes method, URL, lower-cased headers, a host header and the raw body bytes to the engine", async () => {
    const bytes = new Uint8Array([0x7b, 0xff, 0x00, 0xe4, 0xb8, 0xad, 0x7d]);
    await fetch("http://mock.test:4010/?Action=X&Version=1", {
      method: "POST",
      headers: { "X-TC-Action": "Foo", "Content-Type": "application/json" },
      body: bytes,
    });
    expect(seen).toHaveLength(1);
    const request = seen[0]!;
    expect(request.method).toBe("POST");
    expect(request.url.href).toBe("http://mock.test:4010/?Action=X&Version=1");
    expect(request.headers["x-tc-action"]).toBe("Foo");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers.host).toBe("mock.test:4010");
    expect([...request.rawBody]).toEqual([...bytes]);
  });

  it("gives a GET an empty body", async () => {
    await fetch("http://mock.test:4010/?Action=GetRealtimeUsage");
    expect(seen[0]!.method).toBe("GET");
    expect(seen[0]!.rawBody.byteLength).toBe(0);
  });

  it("strips a base URL's path prefix, as a dev proxy would", async () => {
    await fetch("https://proxy.test/volc/?Action=A", { method: "POST", body: "{}" });
    await fetch("https://proxy.test/volc", { method: "POST", body: "{}" });
    expect(seen.map((r) => r.url.href)).toEqual(["https://proxy.test/?Action=A", "https://proxy.test/"]);
  });

  it("leaves other origins and paths outside a prefix alone", async () => {
    await expect(fetch("https://proxy.test/volcano/")).rejects.toThrow();
    await expect(fetch("http://mock.test:4011/")).rejects.toThrow();
    expect(seen).toHaveLength(0);
    expect(unhandled).toEqual(["https://proxy.test/volcano/", "http://mock.test:4011/"]);
  });

  it("sends the engine's status, headers and body bytes unchanged", async () => {
    const body = '{"Response":{"Error":{"Code":"X","Message":"中文 ✓"},"RequestId":"r-1"}}';
    nextReply = {
      status: 429,
      headers: { "content-type": "application/json; charset=utf-8", "x-extra": "1" },
      body: new TextEncoder().encode(body),
    };
    const response = await fetch("http://mock.test:4010/");
    expect(response.status).toBe(429);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("x-extra")).toBe("1");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new TextEncoder().encode(body));
  });

  it("waits the reply's delay before answering", async () => {
    nextReply = { status: 200, headers: {}, body: new TextEncoder().encode("late"), delayMs: 150 };
    const started = performance.now();
    const response = await fetch("http://mock.test:4010/");
    expect(await response.text()).toBe("late");
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("turns a dropped connection into a network error", async () => {
    nextReply = { status: 0, headers: {}, body: new Uint8Array(), drop: true };
    await expect(fetch("http://mock.test:4010/")).rejects.toThrow(TypeError);
  });

  it("hands oversized bodies to the engine's transport error instead of handle()", async () => {
    const response = await fetch("http://mock.test:4010/", { method: "POST", body: "x".repeat(65) });
    expect(response.status).toBe(413);
    expect(await response.text()).toBe('{"problem":"body-too-large"}');
    expect(transport).toEqual(["body-too-large"]);
  });

  it("accepts an engine directly", async () => {
    const direct = createRtcHandlers(recordingEngine);
    expect(direct.engine).toBe(recordingEngine);
    expect(direct.handlers).toHaveLength(1); // the vendor hosts
  });
});

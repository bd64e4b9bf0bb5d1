import { replyText } from "../../mocks/core/reply.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createMockEngine } from "../../mocks/core/engine.js";
import type { MockOptions } from "../../mocks/options.js";
import type { MockRequest } from "../../mocks/core/reply.js";
import type { Hashing } from "../../schemas/common/hashing.js";
import { nobleHashing } from "../../schemas/common/noble-hashing.js";
import { buildServer } from "../../server/app.js";
import { nodeHashing } from "../../server/node-hashing.js";
import { fiveRequests, type PreparedRequest } from "../msw/support/signed-requests.js";

const NOW = Date.parse("2024-03-01T12:00:00+08:00");
const ORIGIN = "http://127.0.0.1:4010";
const requests = fiveRequests(NOW, { volcengine: ORIGIN, zego: ORIGIN, tencent: ORIGIN });
const engineOptions = (mode: "off" | "verify", hashing?: Hashing): MockOptions => ({
  seed: 1,
  clock: { start: NOW, frozen: true },
  rateLimits: false,
  auth: { mode },
  ...(hashing === undefined ? {} : { hashing }),
});

/** A correct Hashing (noble underneath) that counts its calls. */
function countingHashing(): { hashing: Hashing; calls: () => number } {
  let calls = 0;
  const counted =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      calls++;
      return fn(...args);
    };
  const hashing: Hashing = {
    sha256: counted(nobleHashing.sha256),
    sha256Hex: counted(nobleHashing.sha256Hex),
    hmacSha256: counted(nobleHashing.hmacSha256),
    hmacSha256Hex: counted(nobleHashing.hmacSha256Hex),
    md5: counted(nobleHashing.md5),
    md5Hex: counted(nobleHashing.md5Hex),
  };
  return { hashing, calls: () => calls };
}

function mockRequest(prepared: PreparedRequest): MockRequest {
  const headers: Record<string, string> = { host: new URL(prepared.url).host };
  for (const [name, value] of Object.entries(prepared.init.headers)) headers[name.toLowerCase()] = value;
  const body = typeof prepared.init.body === "string" ? prepared.init.body : "";
  return { method: prepared.init.method ?? "GET", url: new URL(prepared.url), headers, rawBody: new TextEncoder().encode(body) };
}

async function inject(
  app: ReturnType<typeof buildServer>["app"],
  prepared: PreparedRequest,
): Promise<{ statusCode: number; body: string }> {
  const url = new URL(prepared.url);
  const headers: Record<string, string> = { host: url.host };
  for (const [name, value] of Object.entries(prepared.init.headers)) headers[name] = value;
  const reply = await app.inject({
    method: prepared.init.method as "GET" | "POST",
    url: `${url.pathname}${url.search}`,
    headers,
    ...(typeof prepared.init.body === "string" ? { payload: prepared.init.body } : {}),
  });
  return { statusCode: reply.statusCode, body: reply.body };
}

// A reply that got past the signature check: the vendors' auth error codes never appear.
const AUTH_ERRORS = /SignatureDoesNotMatch|InvalidAuthorization|AuthFailure|"Code":10000000\d|MissingAuthenticationToken/;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("injected hashing (MockOptions.hashing)", () => {
  it("the engine checks every vendor's signature with the injected implementation in verify mode", () => {
    const { hashing, calls } = countingHashing();
    const engine = createMockEngine(engineOptions("verify", hashing));
    for (const prepared of requests) {
      const before = calls();
      const reply = engine.handle(mockRequest(prepared));
      expect(reply.status, prepared.id).toBe(200);
      expect(replyText(reply), prepared.id).not.toMatch(AUTH_ERRORS);
      expect(calls(), prepared.id).toBeGreaterThan(before);
    }
  });

  it("is not called at all when signature checks are off", () => {
    const { hashing, calls } = countingHashing();
    const engine = createMockEngine(engineOptions("off", hashing));
    for (const prepared of requests) expect(engine.handle(mockRequest(prepared)).status, prepared.id).toBe(200);
    expect(calls()).toBe(0);
  });

  it("a wrong implementation is really used: its MD5 fails the ZEGO signature", () => {
    const wrong: Hashing = { ...nobleHashing, md5Hex: (data) => nobleHashing.md5Hex(data).replace(/^./, (c) => (c === "0" ? "1" : "0")) };
    const zego = requests.find((prepared) => prepared.id.startsWith("zego."))!;
    expect(replyText(createMockEngine(engineOptions("verify")).handle(mockRequest(zego)))).not.toMatch(AUTH_ERRORS);
    expect(replyText(createMockEngine(engineOptions("verify", wrong)).handle(mockRequest(zego)))).toContain('"Code":100000005');
  });

  it("defaults to @noble/hashes in the engine (browser-safe)", () => {
    expect(createMockEngine().options.hashing).toBe(nobleHashing);
  });
});

describe("buildServer's hashing", () => {
  it("injects node:crypto and verifies every vendor with it", async () => {
    const sha256Hex = vi.spyOn(nodeHashing, "sha256Hex");
    const md5Hex = vi.spyOn(nodeHashing, "md5Hex");
    const noble = vi.spyOn(nobleHashing, "sha256Hex");
    const { app, engine } = buildServer({ mock: engineOptions("verify"), docs: false });
    expect(engine.options.hashing).toBe(nodeHashing);
    for (const prepared of requests) {
      const reply = await inject(app, prepared);
      expect(reply.statusCode, prepared.id).toBe(200);
      expect(reply.body, prepared.id).not.toMatch(AUTH_ERRORS);
    }
    // Four SHA-256 vendors hash body and canonical request; ZEGO takes one MD5.
    expect(sha256Hex.mock.calls.length).toBeGreaterThanOrEqual(8);
    expect(md5Hex).toHaveBeenCalledTimes(1);
    expect(noble).not.toHaveBeenCalled();
    await app.close();
  });

  it("keeps the caller's own implementation and leaves node:crypto unused", async () => {
    const { hashing, calls } = countingHashing();
    const node = vi.spyOn(nodeHashing, "sha256Hex");
    const { app, engine } = buildServer({ mock: engineOptions("verify", hashing), docs: false });
    expect(engine.options.hashing).toBe(hashing);
    for (const prepared of requests) expect((await inject(app, prepared)).statusCode, prepared.id).toBe(200);
    expect(calls()).toBeGreaterThanOrEqual(9);
    expect(node).not.toHaveBeenCalled();
    await app.close();
  });

  it("does no hashing with signature checks off", async () => {
    const sha256Hex = vi.spyOn(nodeHashing, "sha256Hex");
    const md5Hex = vi.spyOn(nodeHashing, "md5Hex");
    const { app } = buildServer({ mock: engineOptions("off"), docs: false });
    for (const prepared of requests) expect((await inject(app, prepared)).statusCode, prepared.id).toBe(200);
    expect(sha256Hex).not.toHaveBeenCalled();
    expect(md5Hex).not.toHaveBeenCalled();
    await app.close();
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { createMockEngine } from "../../mocks/core/engine.js";
import type { MockOptions } from "../../mocks/options.js";
import type { Hashing } from "../../schemas/common/hashing.js";
import { nobleHashing } from "../../schemas/common/noble-hashing.js";
import { nodeHashing } from "../../server/node-hashing.js";
import { frozenAt, handle, send, serverPerTest, signedExamples } from "../support/harness.js";

// Every endpoint's example, signed with the demo credentials at T0.
const requests = signedExamples();
const engineOptions = (mode: "off" | "verify", hashing?: Hashing): MockOptions => ({
  seed: 1,
  clock: frozenAt(),
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
      const reply = handle(engine, prepared);
      expect(reply.status, prepared.id).toBe(200);
      expect(reply.text, prepared.id).not.toMatch(AUTH_ERRORS);
      expect(calls(), prepared.id).toBeGreaterThan(before);
    }
  });

  it("is not called at all when signature checks are off", () => {
    const { hashing, calls } = countingHashing();
    const engine = createMockEngine(engineOptions("off", hashing));
    for (const prepared of requests) expect(handle(engine, prepared).status, prepared.id).toBe(200);
    expect(calls()).toBe(0);
  });

  it("a wrong implementation is really used: its MD5 fails the ZEGO signature", () => {
    const wrong: Hashing = { ...nobleHashing, md5Hex: (data) => nobleHashing.md5Hex(data).replace(/^./, (c) => (c === "0" ? "1" : "0")) };
    const zego = requests.find((prepared) => prepared.id.startsWith("zego."))!;
    expect(handle(createMockEngine(engineOptions("verify")), zego).text).not.toMatch(AUTH_ERRORS);
    expect(handle(createMockEngine(engineOptions("verify", wrong)), zego).text).toContain('"Code":100000005');
  });

  it("defaults to @noble/hashes in the engine (browser-safe)", () => {
    expect(createMockEngine().options.hashing).toBe(nobleHashing);
  });
});

describe("buildServer's hashing", () => {
  const start = serverPerTest();
  it("injects node:crypto and verifies every vendor with it", async () => {
    const sha256Hex = vi.spyOn(nodeHashing, "sha256Hex");
    const md5Hex = vi.spyOn(nodeHashing, "md5Hex");
    const noble = vi.spyOn(nobleHashing, "sha256Hex");
    const server = await start(engineOptions("verify"), { docs: false });
    const { engine } = server;
    expect(engine.options.hashing).toBe(nodeHashing);
    for (const prepared of requests) {
      const reply = await send(server, prepared);
      expect(reply.status, prepared.id).toBe(200);
      expect(reply.text, prepared.id).not.toMatch(AUTH_ERRORS);
    }
    // Four SHA-256 vendors hash body and canonical request; ZEGO takes one MD5.
    expect(sha256Hex.mock.calls.length).toBeGreaterThanOrEqual(8);
    expect(md5Hex).toHaveBeenCalledTimes(1);
    expect(noble).not.toHaveBeenCalled();
  });

  it("keeps the caller's own implementation and leaves node:crypto unused", async () => {
    const { hashing, calls } = countingHashing();
    const node = vi.spyOn(nodeHashing, "sha256Hex");
    const server = await start(engineOptions("verify", hashing), { docs: false });
    const { engine } = server;
    expect(engine.options.hashing).toBe(hashing);
    for (const prepared of requests) expect((await send(server, prepared)).status, prepared.id).toBe(200);
    expect(calls()).toBeGreaterThanOrEqual(9);
    expect(node).not.toHaveBeenCalled();
  });

  it("does no hashing with signature checks off", async () => {
    const sha256Hex = vi.spyOn(nodeHashing, "sha256Hex");
    const md5Hex = vi.spyOn(nodeHashing, "md5Hex");
    const server = await start(engineOptions("off"), { docs: false });
    for (const prepared of requests) expect((await send(server, prepared)).status, prepared.id).toBe(200);
    expect(sha256Hex).not.toHaveBeenCalled();
    expect(md5Hex).not.toHaveBeenCalled();
  });
});

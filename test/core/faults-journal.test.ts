import { describe, expect, it } from "vitest";
import { createFaultRegistry, validateFaultSpec } from "../../mocks/core/faults.js";
import { createJournal, sanitizedPath } from "../../mocks/core/journal.js";
import { textReply, type MockRequest } from "../../mocks/core/reply.js";
import { faultCatalog } from "../../mocks/vendors.js";

describe("fault registry", () => {
  it("hits only matching requests and retires a rule after `times`", () => {
    const faults = createFaultRegistry(() => 0, faultCatalog);
    faults.add({ kind: "error", code: "InternalError", vendor: "tencent", action: "DescribeRoomStatistics", times: 2 });
    expect(faults.decide("volcengine", "ListRealTimeQuality").terminal).toBeUndefined();
    expect(faults.decide("tencent", "DescribeRoomStatistics").terminal).toMatchObject({ kind: "error", code: "InternalError" });
    expect(faults.decide("tencent", "DescribeRoomStatistics").terminal).toMatchObject({ kind: "error" });
    expect(faults.decide("tencent", "DescribeRoomStatistics").terminal).toBeUndefined();
    expect(faults.list()).toHaveLength(0);
  });

  it("adds latency on top of at most one terminal effect", () => {
    const faults = createFaultRegistry(() => 0, faultCatalog);
    faults.add({ kind: "latency", ms: 30 });
    faults.add({ kind: "latency", ms: 20, vendor: "zego" });
    faults.add({ kind: "http", status: 503, vendor: "zego" });
    faults.add({ kind: "drop", vendor: "zego" });
    const decision = faults.decide("zego", "GetRealtimeUsage");
    expect(decision.latencyMs).toBe(50);
    expect(decision.terminal).toMatchObject({ kind: "http", status: 503 });
    expect(faults.decide("volcengine", undefined)).toEqual({ latencyMs: 30 });
  });

  it("draws probabilities from the injected PRNG", () => {
    const draws = [0.1, 0.9, 0.4];
    const faults = createFaultRegistry(() => draws.shift() ?? 1, faultCatalog);
    faults.add({ kind: "drop", probability: 0.5 });
    expect(faults.decide("zego", "x").terminal?.kind).toBe("drop");
    expect(faults.decide("zego", "x").terminal).toBeUndefined();
    expect(faults.decide("zego", "x").terminal?.kind).toBe("drop");
  });

  it("rejects invalid specs with a readable reason", () => {
    expect(validateFaultSpec({ kind: "http", status: 200 }, faultCatalog)).toMatch(/400–599/);
    expect(validateFaultSpec({ kind: "latency", ms: -1 }, faultCatalog)).toMatch(/latency/);
    expect(validateFaultSpec({ kind: "drop", times: 0 }, faultCatalog)).toMatch(/times/);
    expect(validateFaultSpec({ kind: "drop", probability: 2 }, faultCatalog)).toMatch(/probability/);
    expect(validateFaultSpec({ kind: "error", code: "" }, faultCatalog)).toMatch(/code/);
    expect(() => createFaultRegistry(() => 0, faultCatalog).add({ kind: "error", code: "" })).toThrow(/Invalid fault/);
    // Checked against the registry and the vendor's catalog, for every caller (control API, config, MSW).
    expect(validateFaultSpec({ kind: "error", vendor: "zego", code: "InternalError" }, faultCatalog)).toMatch(
      /not in the zego error catalog/,
    );
    expect(validateFaultSpec({ kind: "drop", vendor: "zego", action: "ListRealTimeQuality" }, faultCatalog)).toMatch(/zego has no action/);
    expect(validateFaultSpec({ kind: "drop", action: "GetRealtimeUsage" }, faultCatalog)).toMatch(/needs its vendor/);
    expect(validateFaultSpec({ kind: "drop", vendor: "agora" as never }, faultCatalog)).toMatch(/unknown vendor/);
    expect(validateFaultSpec({ kind: "error", vendor: "zego", code: "30002" }, faultCatalog)).toBeNull();
    const faults = createFaultRegistry(() => 0, faultCatalog);
    const rule = faults.add({ kind: "drop" });
    expect(faults.remove(rule.id)).toBe(true);
    expect(faults.remove(rule.id)).toBe(false);
  });
});

const ok = textReply(200, { "content-type": "application/json" }, '{"Code":0}');
const request = (method: string, url: string): MockRequest => ({ method, url: new URL(url), headers: {}, rawBody: new Uint8Array() });

describe("journal", () => {
  it("keeps only the most recent entries", () => {
    const journal = createJournal(3);
    for (let i = 0; i < 5; i++) journal.record({ at: i, request: request("GET", "http://x/"), reply: ok, latencyMs: 1, status: 200 });
    expect(journal.entries().map((entry) => entry.at)).toEqual([2, 3, 4]);
    expect(journal.entries().map((entry) => entry.seq)).toEqual([3, 4, 5]);
  });

  it("reads entries with their sanitized path, fields in the documented order", () => {
    const journal = createJournal(3);
    journal.record({
      at: 7,
      request: request("GET", "http://x/?Action=GetRealtimeUsage&AppId=1&Signature=abc"),
      reply: ok,
      latencyMs: 0.5,
      vendor: "zego",
      action: "GetRealtimeUsage",
      status: 200,
    });
    const [entry] = journal.entries();
    expect(Object.keys(entry!)).toEqual(["seq", "at", "method", "path", "vendor", "action", "status", "latencyMs", "request", "reply"]);
    expect(entry!.path).toBe("/?Action=GetRealtimeUsage&AppId=1");
    expect(entry!.request).toEqual({ query: { Action: "GetRealtimeUsage", AppId: "1" }, headers: {} });
    expect(entry!.reply).toEqual({ body: { Code: 0 } });
  });

  it("strips signature parameters from recorded paths", () => {
    const url = new URL("http://x/?Action=GetRealtimeUsage&AppId=1&Signature=abc&SignatureNonce=n&Metrics[]=online_user");
    const path = sanitizedPath(url);
    expect(path).not.toMatch(/Signature/);
    expect(path).toContain("AppId=1");
    expect(new URL(path, "http://x").searchParams.getAll("Metrics[]")).toEqual(["online_user"]);
  });
});

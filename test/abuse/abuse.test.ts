/**
 * The server holds under abuse (test/abuse/battery.ts against a server in its own process): no 5xx
 * but injected faults, nothing left hanging past its deadline, every reply in the right vendor's
 * envelope or the control error shape, no polluted prototypes, no leaked file, and the heap after a
 * reset within 20 MB of where it started. `npm run abuse` runs the same battery and writes its
 * figures into docs/BENCHMARKS.md.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startChildServer, type ChildServer } from "../support/child-server.js";
import { abuseServerOptions, runAbuseBattery, type AbuseFigures } from "./battery.js";

const MB = 1024 * 1024;

let server: ChildServer;
let figures: AbuseFigures;
beforeAll(async () => {
  server = await startChildServer(abuseServerOptions);
  figures = await runAbuseBattery(server);
}, 90_000);
afterAll(() => server?.close());

describe("under abuse", () => {
  it("answers every request in the right envelope, never a 5xx but the injected ones, never hanging", () => {
    expect(figures.violations).toEqual([]);
    // Every probe ran; 30,000 tenant requests alone.
    expect(Object.keys(figures.probes)).toEqual(
      expect.arrayContaining([
        "distinct tenants",
        "500 concurrent connections",
        "slow headers",
        "endless chunked body",
        "trickling chunked body",
        "hostile bodies",
        "huge headers",
        "injected faults",
        "control-API garbage",
        "oversized bodies (fetch)",
      ]),
    );
    expect(figures.probes["distinct tenants"]!.requests).toBe(30_000);
    expect(figures.probes["500 concurrent connections"]!.requests).toBe(500);
    // The 5 injected 503s and 3 drops, and nothing else.
    expect(figures.faulted).toBe(8);
  });

  it("cuts slow and endless clients off by the request timeout", () => {
    for (const probe of ["slow headers", "endless chunked body", "trickling chunked body"]) {
      expect(figures.probes[probe]!.refusals, probe).toBe(figures.probes[probe]!.requests);
      expect(figures.probes[probe]!.slowestMs, probe).toBeLessThan(abuseServerOptions.requestTimeoutMs + 4_000);
    }
  });

  it("keeps its tables bounded under the load (30,000 tenants, 8 KB SecretIds among them, 500 connections)", () => {
    expect(figures.memoryLoaded.heapUsed - figures.memoryBefore.heapUsed).toBeLessThan(50 * MB);
  });

  it("is back within 20 MB of its starting heap after a reset", () => {
    expect(Math.abs(figures.memoryAfterReset.heapUsed - figures.memoryBefore.heapUsed)).toBeLessThan(20 * MB);
  });
});

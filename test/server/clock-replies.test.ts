import { afterEach, describe, expect, it } from "vitest";
import { createClock } from "../../mocks/core/clock.js";
import type { RunningServer } from "../../server/start-server.js";
import {
  control,
  HOUR,
  manualTime,
  errorCodeOf,
  exampleRequests,
  isSuccess,
  send,
  startHarnessServer,
  type VendorRequest,
} from "../support/harness.js";

/** Mock time of these tests: 2025-06-15T12:00:00Z. */
const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);
const requests = exampleRequests(NOW);

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The payload of a reply without its per-request id. */
function dataOf(json: unknown): unknown {
  const { RequestId: _id, ...rest } = json as Record<string, unknown>;
  return rest;
}

describe("the control API's clock drives the replies", () => {
  it("a frozen clock gives the same data however much real time passes", async () => {
    // Real time is injected, so "much real time passes" takes no waiting.
    const time = manualTime(Date.now());
    server = await startHarnessServer({ mock: { seed: 4, clock: createClock({ start: NOW, frozen: true }, time.now), rateLimits: false } });
    const first = await send(server.url, requests["zego.GetRealtimeUsage"]!);
    time.advance(HOUR);
    const second = await send(server.url, requests["zego.GetRealtimeUsage"]!);
    expect(isSuccess("zego", first.json)).toBe(true);
    expect(dataOf(second.json)).toEqual(dataOf(first.json));
  });

  it("advancing past a vendor's lookback turns a success into its time-range error, and setting it back restores the same data", async () => {
    server = await startHarnessServer({ mock: { seed: 4, clock: { start: NOW, frozen: true }, rateLimits: false } });
    const zego = requests["zego.GetRealtimeUsage"]!;
    const quality = requests["volcengine.ListRealTimeQuality"]!;
    const before = await send(server.url, zego);
    expect(isSuccess("zego", before.json)).toBe(true);
    expect(isSuccess("volcengine", (await send(server.url, quality)).json)).toBe(true);

    expect((await control(server.url, "POST", "/clock", { advance: "3h" })).json).toMatchObject({ iso: "2025-06-15T15:00:00.000Z" });
    // ZEGO keeps the last 2 hours; Volcengine realtime the last 60 minutes.
    expect(errorCodeOf((await send(server.url, zego)).json, "zego")).toBe("10002");
    expect(errorCodeOf((await send(server.url, quality)).json, "volcengine")).toBe("InvalidParameter.OutofTimeRange");

    await control(server.url, "POST", "/clock", { set: "2025-06-15T12:00:00Z" });
    const after = await send(server.url, zego);
    expect(dataOf(after.json)).toEqual(dataOf(before.json));
  });

  it("a live Tencent room has no statistics until the clock passes its end", async () => {
    server = await startHarnessServer({ mock: { seed: 4, clock: { start: NOW, frozen: true }, rateLimits: false } });
    // Seeded room 10002 is live at start-up and ends 50 minutes later (docs/tencent.md).
    const live: VendorRequest = {
      ...requests["tencent.DescribeRoomStatistics"]!,
      body: JSON.stringify({ RoomId: 10002, Page: 1, Limit: 10 }),
    };
    expect(errorCodeOf((await send(server.url, live)).json, "tencent")).toBe("FailedOperation.RoomNotEnd");
    await control(server.url, "POST", "/clock", { advance: "2h" });
    const ended = await send(server.url, live);
    expect(isSuccess("tencent", ended.json)).toBe(true);
    expect((ended.json as { Response: { Total: number } }).Response.Total).toBeGreaterThan(0);
  });

  it("an unfrozen clock runs on from where it was set", async () => {
    const time = manualTime(Date.now());
    server = await startHarnessServer({ mock: { seed: 4, clock: createClock({ start: NOW, frozen: true }, time.now) } });
    await control(server.url, "POST", "/clock", { unfreeze: true });
    time.advance(300);
    const now = (await control(server.url, "GET", "/clock")).json as { now: number; frozen: boolean };
    expect(now.frozen).toBe(false);
    expect(now.now).toBe(NOW + 300);
  });
});

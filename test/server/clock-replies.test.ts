import { afterEach, describe, expect, it } from "vitest";
import type { RunningServer } from "../../server/start-server.js";
import { control, send, startTestServer } from "./support/http.js";
import { errorCodeOf, isSuccess, validRequests, type TestRequest } from "./support/vendor-requests.js";

/** Mock time of these tests: 2025-06-15T12:00:00Z. */
const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);
const requests = validRequests(NOW);

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
    server = await startTestServer({ mock: { seed: 4, clock: { start: NOW, frozen: true }, rateLimits: false } });
    const first = await send(server.url, requests["zego.GetRealtimeUsage"]!);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const second = await send(server.url, requests["zego.GetRealtimeUsage"]!);
    expect(isSuccess("zego", first.json)).toBe(true);
    expect(dataOf(second.json)).toEqual(dataOf(first.json));
  });

  it("advancing past a vendor's lookback turns a success into its time-range error, and setting it back restores the same data", async () => {
    server = await startTestServer({ mock: { seed: 4, clock: { start: NOW, frozen: true }, rateLimits: false } });
    const zego = requests["zego.GetRealtimeUsage"]!;
    const quality = requests["volcengine.ListRealTimeQuality"]!;
    const before = await send(server.url, zego);
    expect(isSuccess("zego", before.json)).toBe(true);
    expect(isSuccess("volcengine", (await send(server.url, quality)).json)).toBe(true);

    expect((await control(server.url, "POST", "/clock", { advance: "3h" })).json).toMatchObject({ iso: "2025-06-15T15:00:00.000Z" });
    // ZEGO keeps the last 2 hours; Volcengine realtime the last 60 minutes.
    expect(errorCodeOf("zego", (await send(server.url, zego)).json)).toBe("10002");
    expect(errorCodeOf("volcengine", (await send(server.url, quality)).json)).toBe("InvalidParameter.OutofTimeRange");

    await control(server.url, "POST", "/clock", { set: "2025-06-15T12:00:00Z" });
    const after = await send(server.url, zego);
    expect(dataOf(after.json)).toEqual(dataOf(before.json));
  });

  it("a live Tencent room has no statistics until the clock passes its end", async () => {
    server = await startTestServer({ mock: { seed: 4, clock: { start: NOW, frozen: true }, rateLimits: false } });
    // Seeded room 10002 is live at start-up and ends 50 minutes later (docs/tencent.md).
    const live: TestRequest = {
      ...requests["tencent.DescribeRoomStatistics"]!,
      body: JSON.stringify({ RoomId: 10002, Page: 1, Limit: 10 }),
    };
    expect(errorCodeOf("tencent", (await send(server.url, live)).json)).toBe("FailedOperation.RoomNotEnd");
    await control(server.url, "POST", "/clock", { advance: "2h" });
    const ended = await send(server.url, live);
    expect(isSuccess("tencent", ended.json)).toBe(true);
    expect((ended.json as { Response: { Total: number } }).Response.Total).toBeGreaterThan(0);
  });

  it("an unfrozen clock runs on from where it was set", async () => {
    server = await startTestServer({ mock: { seed: 4, clock: { start: NOW, frozen: true } } });
    await control(server.url, "POST", "/clock", { unfreeze: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = (await control(server.url, "GET", "/clock")).json as { now: number; frozen: boolean };
    expect(now.frozen).toBe(false);
    expect(now.now).toBeGreaterThanOrEqual(NOW + 250);
    expect(now.now).toBeLessThan(NOW + 10_000);
  });
});

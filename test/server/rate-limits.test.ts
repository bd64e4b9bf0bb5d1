import { afterEach, describe, expect, it } from "vitest";
import type { RunningServer } from "../../server/start-server.js";
import { control, errorCodeOf, exampleRequests, send, startHarnessServer } from "../support/harness.js";

/** Mock time of these tests: 2025-06-15T12:00:00Z, frozen. */
const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);
const zego = exampleRequests(NOW)["zego.GetRealtimeUsage"]!;

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function zegoCode(url: string): Promise<string> {
  return errorCodeOf((await send(url, zego)).json, "zego") ?? "ok";
}

describe("rate limits over HTTP", () => {
  it("throttles ZEGO after 3 calls a minute, stops throttling when switched off, and again when switched on", async () => {
    server = await startHarnessServer({ mock: { seed: 2, clock: { start: NOW, frozen: true } } });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push(await zegoCode(server.url));
    // ZEGO: 3 calls per minute per AppId, throttled with Code 30002 (docs/zego.md).
    expect(codes).toEqual(["ok", "ok", "ok", "30002"]);

    expect((await control(server.url, "PUT", "/rate-limits", { enabled: false })).json).toEqual({ enabled: false });
    for (let i = 0; i < 3; i++) expect(await zegoCode(server.url)).toBe("ok");

    await control(server.url, "PUT", "/rate-limits", { enabled: true });
    expect(await zegoCode(server.url)).toBe("30002");
    // Windows are counted on the mock clock: a minute later the quota is back.
    await control(server.url, "POST", "/clock", { advance: "61s" });
    expect(await zegoCode(server.url)).toBe("ok");
  });

  it("starts with rate limits off when configured so", async () => {
    server = await startHarnessServer({ mock: { seed: 2, clock: { start: NOW, frozen: true }, rateLimits: false } });
    expect((await control(server.url, "GET", "/rate-limits")).json).toEqual({ enabled: false });
    for (let i = 0; i < 6; i++) expect(await zegoCode(server.url)).toBe("ok");
  });
});

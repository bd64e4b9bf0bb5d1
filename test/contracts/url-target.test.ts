import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCases } from "../../contracts/cases/index.js";
import { urlTarget } from "../../contracts/targets/url-target.js";
import { buildServer } from "../../server/app.js";

const verifying = buildServer({ mock: { auth: { mode: "verify" } } });
const open = buildServer({ mock: { auth: { mode: "off" }, clock: { start: "2025-03-01T12:00:00Z" } } });
let verifyingUrl = "";
let openUrl = "";
beforeAll(async () => {
  verifyingUrl = await verifying.app.listen({ host: "127.0.0.1", port: 0 });
  openUrl = await open.app.listen({ host: "127.0.0.1", port: 0 });
});
afterAll(async () => {
  await verifying.app.close();
  await open.app.close();
});

const burst = buildCases().find((c) => c.id === "zego.GetRealtimeUsage/rate-limit")!;
const plain = buildCases().find((c) => c.id === "zego.GetRealtimeUsage/unknown-metric")!;

describe("URL target on a fake server", () => {
  it("creates the room each case needs right after its reset, in the lifecycle state it needs", async () => {
    const target = urlTarget({ baseUrl: verifyingUrl });
    const fixtures = await target.fixtures();
    expect(fixtures.tencent).toEqual({ endedRoomId: 990_001, liveRoomId: 990_002, pendingRoomId: 990_003, unknownRoomId: 404 });
    for (const [need, state] of [
      ["tencent.endedRoomId", "ended"],
      ["tencent.liveRoomId", "live"],
      ["tencent.pendingRoomId", "computing"],
    ] as const) {
      const c = buildCases().find((x) => x.needs === need)!;
      await target.beginCase(c);
      const room = (await (
        await fetch(`${verifyingUrl}/__mock/rooms/${fixtures.tencent[need.split(".")[1] as "endedRoomId"]}`)
      ).json()) as { state: string };
      expect(room.state, need).toBe(state);
    }
    // Even after the server's clock moved on by an hour, a pending case still gets a pending room.
    await fetch(`${verifyingUrl}/__mock/clock`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"advance":"1h"}',
    });
    await target.beginCase(buildCases().find((x) => x.needs === "tencent.pendingRoomId")!);
    expect(((await (await fetch(`${verifyingUrl}/__mock/rooms/990003`)).json()) as { state: string }).state).toBe("computing");
    await target.close();
  });

  it("judges signature cases only where the server verifies them", async () => {
    const strict = urlTarget({ baseUrl: verifyingUrl });
    const lax = urlTarget({ baseUrl: openUrl });
    await strict.fixtures();
    await lax.fixtures();
    expect(strict.verifiesSignatures("zego")).toBe(true);
    expect(lax.verifiesSignatures("zego")).toBe(false);
    expect(urlTarget({ baseUrl: verifyingUrl, credentials: {} }).verifiesSignatures("zego")).toBe(false);
  });

  it("follows the server's clock, not the local one", async () => {
    const target = urlTarget({ baseUrl: openUrl });
    await target.fixtures();
    const now = await target.beginCase(plain);
    expect(Math.abs(now - Date.parse("2025-03-01T12:00:00Z"))).toBeLessThan(5_000);
  });

  it("stops the server's clock for a burst, and starts it again at the next case and at the end", async () => {
    const target = urlTarget({ baseUrl: verifyingUrl });
    await target.fixtures();
    const clock = async () => ((await (await fetch(`${verifyingUrl}/__mock/clock`)).json()) as { frozen: boolean }).frozen;
    await target.beginCase(burst);
    expect(await clock()).toBe(true);
    await target.beginCase(plain);
    expect(await clock()).toBe(false);
    await target.beginCase(burst);
    await target.close();
    expect(await clock()).toBe(false);
  });
});

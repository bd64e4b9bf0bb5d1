import { afterEach, describe, expect, it } from "vitest";
import { volcengineErrors } from "../../schemas/volcengine/errors.js";
import type { RunningServer } from "../../server/start-server.js";
import { control, endedRoomSpec, errorCodeOf, exampleRequests, isSuccess, send, startHarnessServer } from "../support/harness.js";
import type { EndpointId } from "../../schemas/registry.js";

/** Mock time of these tests: 2025-06-15T12:00:00Z, frozen. */
const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);
const requests = exampleRequests(NOW);

const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function server(seed = 5): Promise<RunningServer> {
  const started = await startHarnessServer({ mock: { seed, clock: { start: NOW, frozen: true }, rateLimits: false } });
  started.engine.backends.tencent.rooms.add(endedRoomSpec(NOW));
  servers.push(started);
  return started;
}

describe("faults over HTTP", () => {
  it("answers one action with a catalog error, in the vendor's envelope and status, and leaves the others alone", async () => {
    const { url } = await server();
    const added = await control(url, "POST", "/faults", {
      kind: "error",
      vendor: "volcengine",
      action: "ListRealTimeQuality",
      code: "InternalError",
    });
    expect(added.status).toBe(201);

    const hit = await send(url, requests["volcengine.ListRealTimeQuality"]!);
    expect(hit.status).toBe(volcengineErrors.InternalError.httpStatus);
    expect(errorCodeOf(hit.json, "volcengine")).toBe("InternalError");
    expect((hit.json as { ResponseMetadata: { Action: string } }).ResponseMetadata.Action).toBe("ListRealTimeQuality");

    for (const id of ["volcengine.ListRealTimeOperationData", "volcengine.ListOperationData"]) {
      const other = await send(url, requests[id as EndpointId]);
      expect(other.status, id).toBe(200);
      expect(isSuccess("volcengine", other.json), id).toBe(true);
    }
    const journal = await control(url, "GET", "/journal?vendor=volcengine");
    expect((journal.json as { entries: { faultId?: string; errorCode?: string }[] }).entries[0]).toMatchObject({
      faultId: (added.json as { id: string }).id,
      errorCode: "InternalError",
    });
  });

  it("delays replies by a latency fault and then answers normally", async () => {
    const { url } = await server();
    await control(url, "POST", "/faults", { kind: "latency", ms: 400, vendor: "zego" });

    const started = performance.now();
    const slow = await send(url, requests["zego.GetRealtimeUsage"]!);
    const slowMs = performance.now() - started;
    expect(slow.status).toBe(200);
    expect(isSuccess("zego", slow.json)).toBe(true);
    expect(slowMs).toBeGreaterThanOrEqual(390);

    const fastStart = performance.now();
    const fast = await send(url, requests["tencent.DescribeRoomStatistics"]!);
    expect(fast.status).toBe(200);
    expect(performance.now() - fastStart).toBeLessThan(390);
  });

  it("answers a bare HTTP 5xx, with the status text or a given body", async () => {
    const { url } = await server();
    await control(url, "POST", "/faults", { kind: "http", status: 503, vendor: "tencent", times: 1 });
    await control(url, "POST", "/faults", { kind: "http", status: 502, vendor: "tencent", body: "<html>bad gateway</html>", times: 1 });

    const first = await send(url, requests["tencent.DescribeRoomStatistics"]!);
    expect(first.status).toBe(503);
    expect(first.text).toBe("Service Unavailable");
    expect(first.headers["content-type"]).toMatch(/^text\/plain/);
    const second = await send(url, requests["tencent.DescribeRoomStatistics"]!);
    expect(second.status).toBe(502);
    expect(second.text).toBe("<html>bad gateway</html>");
    const third = await send(url, requests["tencent.DescribeRoomStatistics"]!);
    expect(third.status).toBe(200);
  });

  it("drops the connection without an answer, and the server stays up", async () => {
    const { url } = await server();
    await control(url, "POST", "/faults", { kind: "drop", vendor: "zego" });
    await expect(send(url, requests["zego.GetRealtimeUsage"]!)).rejects.toThrow(/socket hang up/);
    await expect(send(url, requests["zego.GetRealtimeUsage"]!)).rejects.toThrow(/socket hang up/);
    expect((await control(url, "GET", "/health")).status).toBe(200);
    expect((await send(url, requests["volcengine.ListRealTimeQuality"]!)).status).toBe(200);
  });

  it("retires a rule after `times` hits", async () => {
    const { url } = await server();
    await control(url, "POST", "/faults", { kind: "error", vendor: "zego", code: "500", times: 2 });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push(errorCodeOf((await send(url, requests["zego.GetRealtimeUsage"]!)).json, "zego") ?? "ok");
    expect(codes).toEqual(["500", "500", "ok", "ok"]);
    expect((await control(url, "GET", "/faults")).json).toEqual({ faults: [] });
  });

  it("draws probabilistic faults from the seeded PRNG: same seed, same hits; another seed, other hits", async () => {
    const pattern = async (seed: number) => {
      const { url } = await server(seed);
      await control(url, "POST", "/faults", { kind: "http", status: 500, vendor: "zego", probability: 0.5 });
      const hits: number[] = [];
      for (let i = 0; i < 40; i++) hits.push((await send(url, requests["zego.GetRealtimeUsage"]!)).status === 500 ? 1 : 0);
      return hits.join("");
    };
    const first = await pattern(5);
    const again = await pattern(5);
    const other = await pattern(6);
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    const hits = [...first].filter((bit) => bit === "1").length;
    expect(hits).toBeGreaterThan(8);
    expect(hits).toBeLessThan(32);
  });

  it("cuts pending latency short when the server closes, so shutdown does not wait for it", async () => {
    const started = await server();
    await control(started.url, "POST", "/faults", { kind: "latency", ms: 60_000 });
    const pending = send(started.url, requests["zego.GetRealtimeUsage"]!).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closeStart = performance.now();
    await started.close();
    expect(performance.now() - closeStart).toBeLessThan(2_000);
    // Released on close: the waiting request is answered at once, not after a minute.
    const outcome = await pending;
    expect(outcome).toMatchObject({ status: 200 });
    expect(isSuccess("zego", (outcome as { json: unknown }).json)).toBe(true);
  });
});

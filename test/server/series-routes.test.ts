/** GET /__mock/series runs an endpoint's behaviour for the panel: the data a client would get, without quota, faults, signatures or journal. */
import { describe, expect, it } from "vitest";
import { ZEGO, call, control, serverPerTest, sharedServer, T0 } from "../support/harness.js";

const query = (endpoint: string, appId: string, indicator: string) => `/series?${new URLSearchParams({ endpoint, appId, indicator })}`;

describe("GET /__mock/series", () => {
  const server = sharedServer();
  const startServer = serverPerTest();

  it("lists the chartable endpoints, Volcengine and ZEGO, with their indicators", async () => {
    const reply = await control(server.url, "GET", "/series/endpoints");
    const ids = reply.json.endpoints.map((endpoint: { id: string }) => endpoint.id);
    expect(ids).toContain("zego.GetRealtimeUsage");
    expect(ids).toContain("volcengine.ListRealTimeQuality");
    expect(ids.some((id: string) => id.startsWith("tencent."))).toBe(false);
  });

  it("serves the same points a client gets, and spends nothing", async () => {
    const reply = await control(server.url, "GET", query("zego.GetRealtimeUsage", "1234567890", "online_user"));
    expect(reply.status).toBe(200);
    const points: [number, number][] = reply.json.lines[0].points;
    expect(points.at(-1)![0]).toBe(T0 - 3 * 60_000);
    expect(reply.json).toMatchObject({ now: T0, dataDelayMs: 180_000, faults: [] });
    expect(server.current.engine.journal.entries()).toEqual([]);
    expect(server.current.engine.backends.zego.limiter.size).toBe(0);

    const client = await call(server.url, ZEGO, {
      query: { "Metrics[]": "online_user", StartTs: String(T0 - 600_000), EndTs: String(T0) },
    });
    const values = client.json.Data.Metrics[0].Values.map((point: { Timestamp: number; Value: number }) => [point.Timestamp, point.Value]);
    expect(points.slice(-values.length)).toEqual(values);
  });

  it("names the faults that would hit the endpoint without using them up", async () => {
    await control(server.url, "POST", "/faults", { kind: "error", vendor: "zego", code: "500", times: 1 });
    await control(server.url, "POST", "/faults", { kind: "latency", vendor: "volcengine", ms: 10 });
    const reply = await control(server.url, "GET", query("zego.GetRealtimeUsage", "1234567890", "online_user"));
    expect(reply.json.faults).toMatchObject([{ id: "fault-1", kind: "error", remaining: 1 }]);
    expect(server.current.engine.faults.list()[0]!.remaining).toBe(1);
  });

  it("needs no signature in verify mode", async () => {
    const verifying = await startServer({ auth: { mode: "verify" } });
    const reply = await control(verifying.url, "GET", query("volcengine.ListRealTimeQuality", "app-1", "stall_rate"));
    expect(reply.status).toBe(200);
    expect(reply.json.lines.length).toBeGreaterThan(0);
  });

  it("answers bad input with the control API's 400", async () => {
    for (const [path, message] of [
      [query("tencent.DescribeRoomStatistics", "1", "x"), /has no series/],
      [query("zego.GetRealtimeUsage", "1", "stall_rate"), /has no indicator "stall_rate"/],
      ["/series?endpoint=zego.GetRealtimeUsage", /Invalid query/],
      [`${query("zego.GetRealtimeUsage", "1", "online_user")}&extra=1`, /Invalid query/],
    ] as const) {
      const reply = await control(server.url, "GET", path);
      expect(reply.status, path).toBe(400);
      expect(reply.json.error.message).toMatch(message);
    }
  });
});

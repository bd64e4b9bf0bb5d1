import { describe, expect, it } from "vitest";
import { buildServer } from "../../server/app.js";
import type { RunningServer } from "../../server/start-server.js";
import { T0 } from "../support/clock.js";
import { call, control, errorCodeOf, serverPerTest } from "../support/http.js";

const start = serverPerTest();

/** Opens a session and returns its reply. */
async function open(server: RunningServer, spec?: unknown) {
  return control(server, "POST", "/sessions", spec);
}

/** Is anything listening at this base URL? */
async function listening(baseUrl: string): Promise<boolean> {
  try {
    await fetch(`${baseUrl}/__mock/health`);
    return true;
  } catch {
    return false;
  }
}

describe("sessions", () => {
  it("opens an isolated engine on its own port, with its own control API and the spec's settings", async () => {
    const server = await start();
    const opened = await open(server, { seed: 9, clock: { start: "2025-01-01T00:00:00Z", frozen: true }, rateLimits: false });
    expect(opened.status).toBe(201);
    expect(opened.json).toEqual({ id: "s1", port: expect.any(Number), baseUrl: `http://127.0.0.1:${opened.json.port}` });
    expect(opened.json.port).not.toBe(Number(new URL(server.url).port));

    const health = await control(opened.json.baseUrl, "GET", "/health");
    expect(health.json).toMatchObject({
      session: "s1",
      seed: 9,
      rateLimits: false,
      clock: { iso: "2025-01-01T00:00:00.000Z", frozen: true },
    });
    expect((await control(server, "GET", "/health")).json).toMatchObject({ session: "default", seed: 1, rateLimits: true });

    // An official-SDK-style request by host and port alone reaches the session's engine.
    const reply = await call(opened.json.baseUrl, "zego.GetRealtimeUsage", { now: Date.parse("2025-01-01T00:00:00Z") });
    expect(reply.status).toBe(200);
    expect(reply.json.Code).toBe(0);
  });

  it("shares nothing: faults, clock, rooms, quotas and journal of one session stay out of the others", async () => {
    const server = await start();
    const a = (await open(server)).json.baseUrl as string;
    const b = (await open(server)).json.baseUrl as string;
    await control(a, "POST", "/faults", { kind: "error", vendor: "tencent", code: "InternalError" });
    await control(a, "POST", "/clock", { advance: "2h" });
    const room = await control(a, "POST", "/rooms", { roomId: 555_001, startTime: T0 / 1000 - 7200, endTime: T0 / 1000 - 3600 });
    expect(room.status).toBe(201);
    expect((await control(a, "GET", "/rooms/555001")).status).toBe(200);
    expect(errorCodeOf(await call(a, "tencent.DescribeRoomStatistics"), "tencent")).toBe("InternalError");

    for (const other of [b, server.url]) {
      expect((await control(other, "GET", "/faults")).json.faults).toEqual([]);
      expect((await control(other, "GET", "/clock")).json.now).toBe(T0);
      expect((await control(other, "GET", "/rooms/555001")).status).toBe(404);
      expect((await control(other, "GET", "/journal")).json.entries).toEqual([]);
      expect(errorCodeOf(await call(other, "tencent.DescribeRoomStatistics"), "tencent")).toBeUndefined();
    }
    expect(server.engine.backends.tencent.limiter.size).toBe(1);
  });

  it("takes the server's configured settings for keys the spec leaves out", async () => {
    const server = await start({ seed: 4, auth: { mode: "verify" }, faults: [{ kind: "latency", ms: 1, vendor: "zego" }] });
    const baseUrl = (await open(server, { seed: 5 })).json.baseUrl;
    const health = (await control(baseUrl, "GET", "/health")).json;
    expect(health).toMatchObject({ seed: 5, auth: "verify", clock: { now: T0, frozen: true } });
    expect((await control(baseUrl, "GET", "/faults")).json.faults).toMatchObject([{ kind: "latency", ms: 1, vendor: "zego" }]);
    expect((await open(server, { faults: [] })).status).toBe(201);
  });

  it("takes vendor switches as the config file does, replacing only the switches given", async () => {
    const server = await start({ zego: { alignPoints: "epoch" } });
    const baseUrl = (await open(server, { zego: { requestIdType: "string" } })).json.baseUrl;
    // StartTs 30 s past a minute: the server's epoch alignment must survive the session's other switch.
    const offset = { query: { StartTs: T0 - 10 * 60_000 + 30_000 } };
    const reply = await call(baseUrl, "zego.GetRealtimeUsage", offset);
    expect(typeof reply.json.RequestId).toBe("string");
    const aligned = reply.json.Data.Metrics[0].Values.map((v: { Timestamp: number }) => v.Timestamp % 60_000);
    expect(new Set(aligned)).toEqual(new Set([0]));
    const own = await call(server, "zego.GetRealtimeUsage", offset);
    expect(typeof own.json.RequestId).toBe("number");
    const unknown = await open(server, { zego: { nope: true } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toMatch(/unknown zego option/);
  });

  it("lists the default session first, then the open ones with when they expire", async () => {
    const server = await start({}, { sessionIdleTimeoutMs: 60_000 });
    const opened = (await open(server)).json;
    const list = await control(opened.baseUrl, "GET", "/sessions");
    expect(list.json).toMatchObject({ current: "s1", max: 32, idleTimeoutMs: 60_000 });
    expect(list.json.sessions.map((s: { id: string; default: boolean }) => [s.id, s.default])).toEqual([
      ["default", true],
      ["s1", false],
    ]);
    const [own, session] = list.json.sessions;
    expect(own.baseUrl).toBe(server.url);
    expect(own.expiresAt).toBeUndefined();
    expect(Date.parse(session.expiresAt) - Date.parse(session.lastRequestAt)).toBe(60_000);
  });

  it("deletes a session and frees its port; a second delete is a 404, the default one a 409", async () => {
    const server = await start();
    const opened = (await open(server)).json;
    expect(await listening(opened.baseUrl)).toBe(true);
    expect((await control(server, "DELETE", `/sessions/${opened.id}`)).status).toBe(204);
    expect(await listening(opened.baseUrl)).toBe(false);
    const again = await control(server, "DELETE", `/sessions/${opened.id}`);
    expect(again.status).toBe(404);
    expect(again.json.error.message).toMatch(/No session "s1"/);
    const own = await control(server, "DELETE", "/sessions/default");
    expect(own.status).toBe(409);
    expect(own.json.error.message).toMatch(/POST \/__mock\/reset/);
  });

  it("lets a session delete itself through its own control API", async () => {
    const server = await start();
    const opened = (await open(server)).json;
    expect((await control(opened.baseUrl, "DELETE", `/sessions/${opened.id}`)).status).toBe(204);
    await expect.poll(() => listening(opened.baseUrl)).toBe(false);
    expect((await control(server, "GET", "/sessions")).json.sessions).toHaveLength(1);
  });

  it("bounds the number of sessions with a clear 429", async () => {
    const server = await start({}, { maxSessions: 2 });
    expect((await open(server)).status).toBe(201);
    expect((await open(server)).status).toBe(201);
    const third = await open(server);
    expect(third.status).toBe(429);
    expect(third.json.error.message).toMatch(/Too many sessions: 2 are open.*DELETE \/__mock\/sessions/);
    await control(server, "DELETE", "/sessions/s1");
    expect((await open(server)).json.id).toBe("s3");
  });

  it("closes a session that receives no request for the idle timeout, and keeps one that does", async () => {
    const server = await start({}, { sessionIdleTimeoutMs: 400 });
    const idle = (await open(server)).json;
    const busy = (await open(server)).json;
    const deadline = Date.now() + 1_200;
    while (Date.now() < deadline) {
      await control(busy.baseUrl, "GET", "/clock");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await listening(idle.baseUrl)).toBe(false);
    expect(await listening(busy.baseUrl)).toBe(true);
    const gone = await control(server, "DELETE", `/sessions/${idle.id}`);
    expect(gone.status).toBe(404);
    expect(gone.json.error.message).toMatch(/0.4 s without requests/);
  });

  it("refuses an invalid spec with a 400 naming the problem", async () => {
    const server = await start();
    const unknown = await open(server, { port: 1 });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toMatch(/port/);
    const fault = await open(server, { faults: [{ kind: "error", vendor: "zego", code: "NoSuchCode" }] });
    expect(fault.status).toBe(400);
    expect(fault.json.error.message).toMatch(/faults: Invalid fault.*NoSuchCode/);
    expect((await open(server, "[1,")).status).toBe(400);
    expect((await control(server, "GET", "/sessions")).json.sessions).toHaveLength(1);
  });

  it("closes every session with the server", async () => {
    const server = await start();
    const opened = (await open(server)).json;
    await server.close();
    expect(await listening(opened.baseUrl)).toBe(false);
  });

  it("says that an app built without listening has no sessions", async () => {
    const { app } = buildServer();
    try {
      const reply = await app.inject({ method: "POST", url: "/__mock/sessions" });
      expect(reply.statusCode).toBe(501);
      expect(reply.json().error.message).toMatch(/need a listening server/);
    } finally {
      await app.close();
    }
  });
});

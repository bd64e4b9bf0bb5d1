import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { openSession, openSessionOrServer } from "../../server/sessions/session-client.js";
import { call, control, serverPerTest } from "../support/http.js";

const start = serverPerTest();

/** A port nothing listens on (bound, then released). */
async function deadUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe("session client (rtc-analytics-mock/server)", () => {
  it("opens a session on a running server, drives its control API and deletes it on close", async () => {
    const server = await start();
    const session = await openSession({ serverUrl: server.url, spec: { seed: 3 } });
    expect(session).toMatchObject({ id: "s1", inProcess: false });
    expect(await session.control("GET", "/health")).toMatchObject({ session: "s1", seed: 3 });
    await session.control("POST", "/clock", { advance: "1h" });
    expect(await session.reset()).toMatchObject({ clockReset: "frozen-at-start" });
    await expect(session.control("POST", "/faults", { kind: "nope" })).rejects.toThrow(
      /POST \/__mock\/faults answered HTTP 400 Invalid body/,
    );
    await session.close();
    await session.close();
    expect((await control(server, "GET", "/sessions")).json.sessions.map((s: { id: string }) => s.id)).toEqual(["default"]);
  });

  it("says plainly when no server runs at the URL", async () => {
    const url = await deadUrl();
    await expect(openSession({ serverUrl: url })).rejects.toThrow(
      `cannot reach the fake server at ${url}: connection refused; is it running (npm start)?`,
    );
  });

  it("starts a server of its own, with the spec's settings, when none runs", async () => {
    const session = await openSessionOrServer({
      serverUrl: await deadUrl(),
      spec: { seed: 8, clock: { start: "2025-02-01T00:00:00Z", frozen: true } },
    });
    try {
      expect(session).toMatchObject({ id: "in-process", inProcess: true });
      expect(await session.control("GET", "/health")).toMatchObject({ seed: 8, clock: { iso: "2025-02-01T00:00:00.000Z" } });
      expect((await call(session.baseUrl, "zego.GetRealtimeUsage", { now: Date.parse("2025-02-01T00:00:00Z") })).json.Code).toBe(0);
    } finally {
      await session.close();
    }
    await expect(fetch(`${session.baseUrl}/__mock/health`)).rejects.toThrow();
  });

  it("uses a running server's sessions when there is one", async () => {
    const server = await start();
    const session = await openSessionOrServer({ serverUrl: server.url });
    expect(session.inProcess).toBe(false);
    expect(session.port).not.toBe(Number(new URL(server.url).port));
    await session.close();
  });
});

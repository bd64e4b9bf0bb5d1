/**
 * The control guard lets in pages of the server's own live sessions (an accepted host name at a
 * live session's port), so one session's control panel can drive another; every other origin is
 * still refused.
 */
import { describe, expect, it } from "vitest";
import { control, send, sharedServer } from "../support/harness.js";

describe("control guard: origins of the server's sessions", () => {
  const server = sharedServer();

  it("lets a live session's page call another session's control API, preflight and all", async () => {
    const opened = await control(server.url, "POST", "/sessions", {});
    const sessionOrigin = opened.json.baseUrl as string;
    const { port } = new URL(sessionOrigin);
    try {
      for (const origin of [sessionOrigin, `http://localhost:${port}`]) {
        const reply = await send(server.url, { method: "GET", path: "/__mock/clock", headers: { origin } });
        expect(reply.status, origin).toBe(200);
        expect(reply.headers["access-control-allow-origin"]).toBe(origin);
        const preflight = await send(server.url, {
          method: "OPTIONS",
          path: "/__mock/faults",
          headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
        });
        expect(preflight.status).toBe(204);
        expect(preflight.headers["access-control-allow-methods"]).toMatch(/POST/);
      }
      // And the other way round: the default session's page driving the new session.
      const back = await send(sessionOrigin, {
        method: "POST",
        path: "/__mock/faults",
        headers: { origin: new URL(server.url).origin, "content-type": "application/json" },
        body: JSON.stringify({ kind: "drop", vendor: "zego" }),
      });
      expect(back.status).toBe(201);
    } finally {
      await control(server.url, "DELETE", `/sessions/${opened.json.id}`);
    }
    // Once the session is gone, its origin is a stranger again.
    const after = await send(server.url, { method: "POST", path: "/__mock/reset", headers: { origin: sessionOrigin } });
    expect(after.status).toBe(403);
  });

  it("still refuses other origins: other ports, foreign hosts at a session's port, other schemes and shapes", async () => {
    const opened = await control(server.url, "POST", "/sessions", {});
    const { port } = new URL(opened.json.baseUrl as string);
    const closedPort = Number(port) === 65_535 ? 65_534 : Number(port) + 1;
    try {
      for (const origin of [
        `http://127.0.0.1:${closedPort}`,
        `http://evil.example:${port}`,
        `https://127.0.0.1:${port}`,
        `http://127.0.0.1:${port}/`,
        `http://user@127.0.0.1:${port}`,
        `http://127.0.0.1`,
        "null",
      ]) {
        const reply = await send(server.url, { method: "POST", path: "/__mock/reset", headers: { origin } });
        expect(reply.status, origin).toBe(403);
        expect(reply.headers["access-control-allow-origin"], origin).toBeUndefined();
      }
    } finally {
      await control(server.url, "DELETE", `/sessions/${opened.json.id}`);
    }
  });
});

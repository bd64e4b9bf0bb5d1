/**
 * The control API takes orders only from local clients and the server's own pages: a foreign Host
 * (DNS rebinding), a foreign Origin (a page in the developer's browser) and a body that is not
 * `application/json` (a cross-site form or text/plain POST) are refused with a control error;
 * `--cors <origin>` lets one browser tool in. Vendor routes are not affected.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/chromium.js";
import { ZEGO, call, errorCodeOf, send, serverPerTest, sharedServer, vendorRequest } from "../support/harness.js";

const DROP = JSON.stringify({ kind: "drop", vendor: "zego" });

describe("control API refusals", () => {
  const server = sharedServer();
  const port = () => new URL(server.url).port;
  const faults = () => server.current.engine.faults.list();

  it("refuses a cross-site text/plain POST (no preflight in a browser) and adds no fault", async () => {
    const reply = await send(server.url, {
      method: "POST",
      path: "/__mock/faults",
      headers: { "content-type": "text/plain;charset=UTF-8", origin: "http://evil.example" },
      body: DROP,
    });
    expect(reply.status).toBe(403);
    expect(reply.json.error.message).toMatch(/Origin "http:\/\/evil\.example" may not call the control API.*--cors/);
    expect(faults()).toEqual([]);
  });

  it("refuses a body that is not application/json, with or without an Origin", async () => {
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", undefined]) {
      const reply = await send(server.url, {
        method: "POST",
        path: "/__mock/faults",
        headers: contentType === undefined ? {} : { "content-type": contentType },
        body: DROP,
      });
      expect(reply.status, String(contentType)).toBe(415);
      expect(reply.json).toEqual({
        error: { status: 415, message: expect.stringMatching(/must send Content-Type: application\/json/) as unknown },
      });
    }
    expect(faults()).toEqual([]);
    const ok = await send(server.url, {
      method: "POST",
      path: "/__mock/faults",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: DROP,
    });
    expect(ok.status).toBe(201);
  });

  it("accepts the server's own Origin, as the docs page sends it", async () => {
    const reply = await send(server.url, {
      method: "POST",
      path: "/__mock/clock",
      headers: { "content-type": "application/json", origin: new URL(server.url).origin },
      body: JSON.stringify({ advance: "1m" }),
    });
    expect(reply.status).toBe(200);
  });

  it("refuses a Host that is not loopback, localhost or configured (DNS rebinding), on every control route", async () => {
    for (const [method, path] of [
      ["GET", "/__mock/health"],
      ["GET", "/__mock/journal"],
      ["POST", "/__mock/reset"],
      ["GET", "/__mock/docs/"],
    ] as const) {
      const reply = await send(server.url, { method, path, headers: { host: `rebind.evil.example:${port()}` } });
      expect(reply.status, path).toBe(403);
      expect(reply.json.error.message, path).toMatch(
        /Host "rebind\.evil\.example:\d+" is not allowed.*--allowed-host rebind\.evil\.example/,
      );
    }
  });

  it("accepts loopback addresses and localhost as Host", async () => {
    for (const host of [`127.0.0.1:${port()}`, `127.1.2.3:${port()}`, `localhost:${port()}`, `LOCALHOST`, `[::1]:${port()}`]) {
      const reply = await send(server.url, { method: "GET", path: "/__mock/health", headers: { host } });
      expect(reply.status, host).toBe(200);
    }
  });

  it("leaves vendor routes alone: a foreign Host, Origin or text/plain body gets the vendor's own answer", async () => {
    const request = vendorRequest(ZEGO, { headers: { host: "rebind.evil.example", origin: "http://evil.example" } });
    const reply = await send(server.url, request);
    expect(reply.status).toBe(200);
    expect(errorCodeOf(reply, "zego")).toBeUndefined();
    const plain = await call(server.url, ZEGO, {
      method: "POST",
      headers: { "content-type": "text/plain", origin: "http://evil.example" },
    });
    expect(plain.json).toHaveProperty("Code");
  });
});

describe("--allowed-host and --cors", () => {
  const start = serverPerTest();

  it("accepts a configured Host name", async () => {
    const server = await start({}, { allowedHosts: ["mock.team.internal"] });
    const port = new URL(server.url).port;
    expect(
      (await send(server.url, { method: "GET", path: "/__mock/health", headers: { host: `mock.team.internal:${port}` } })).status,
    ).toBe(200);
    expect((await send(server.url, { method: "GET", path: "/__mock/health", headers: { host: `other.internal:${port}` } })).status).toBe(
      403,
    );
  });

  it("answers a CORS preflight and tags replies for an allowed origin only", async () => {
    const tool = "http://localhost:5173";
    const server = await start({}, { cors: [tool] });
    const preflight = await send(server.url, {
      method: "OPTIONS",
      path: "/__mock/faults",
      headers: { origin: tool, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers).toMatchObject({
      "access-control-allow-origin": tool,
      "access-control-allow-methods": "GET, POST, PUT, DELETE",
      "access-control-allow-headers": "content-type",
    });
    const added = await send(server.url, {
      method: "POST",
      path: "/__mock/faults",
      headers: { origin: tool, "content-type": "application/json" },
      body: DROP,
    });
    expect(added.status).toBe(201);
    expect(added.headers["access-control-allow-origin"]).toBe(tool);
    // Still JSON only, and only that origin.
    const plain = await send(server.url, {
      method: "POST",
      path: "/__mock/faults",
      headers: { origin: tool, "content-type": "text/plain" },
      body: DROP,
    });
    expect(plain.status).toBe(415);
    const other = await send(server.url, {
      method: "OPTIONS",
      path: "/__mock/faults",
      headers: { origin: "http://localhost:5174", "access-control-request-method": "POST" },
    });
    expect(other.status).toBe(403);
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("in a real browser", () => {
  const server = sharedServer();
  // A page of another origin (another port), as a site open in the developer's browser would be.
  let foreign: Server;
  let foreignUrl: string;
  beforeAll(async () => {
    foreign = createServer((_req, res) =>
      res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>elsewhere</title>"),
    );
    await new Promise<void>((resolve) => foreign.listen(0, "127.0.0.1", resolve));
    foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => foreign.close(() => resolve())));

  it("a foreign page cannot add a fault or reset; the server's own page (docs) can drive the clock", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(foreignUrl);
      const mock = server.url;
      // Moved away from the start, so a reset would show.
      server.current.engine.clock.advance(60_000);
      const moved = server.current.engine.clock.now();
      await page.evaluate(
        async ({ mock, body }) => {
          // The attacks that need no preflight: a no-cors text/plain POST and a form post.
          await fetch(`${mock}/__mock/faults`, { method: "POST", mode: "no-cors", headers: { "content-type": "text/plain" }, body });
          await fetch(`${mock}/__mock/reset`, { method: "POST", mode: "no-cors" });
          const form = Object.assign(document.createElement("form"), {
            method: "POST",
            action: `${mock}/__mock/faults`,
            enctype: "text/plain",
          });
          const field = Object.assign(document.createElement("input"), { name: body, value: "" });
          form.append(field);
          document.body.append(form);
          form.submit();
        },
        { mock, body: DROP },
      );
      await page.waitForURL(/__mock\/faults/, { timeout: 10_000 });
      expect(await page.locator("body").textContent()).toMatch(/may not call the control API/);
      expect(server.current.engine.faults.list()).toEqual([]);
      expect(server.current.engine.clock.now()).toBe(moved);

      const before = server.current.engine.clock.now();
      await page.goto(`${server.url}/__mock/docs/`);
      const status = await page.evaluate(async () => {
        const response = await fetch("/__mock/clock", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ advance: "1h" }),
        });
        return response.status;
      });
      expect(status).toBe(200);
      expect(server.current.engine.clock.now()).toBe(before + 3_600_000);
    } finally {
      await browser.close();
    }
  });
});

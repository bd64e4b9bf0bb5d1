/** The control panel's page and bundle are served below /__mock/ui; without a bundle it says how to build one. */
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { registerUiPage } from "../../server/ui-page.js";
import { control, send, sharedServer } from "../support/harness.js";

describe("control panel route", () => {
  const server = sharedServer();

  it("serves the page and its bundle, and nothing else below /__mock/ui", async () => {
    const page = await send(server.url, { method: "GET", path: "/__mock/ui/", headers: {} });
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.text).toContain('src="/__mock/ui/panel.js"');
    // No other site may frame the panel and trick clicks on its buttons.
    expect(page.headers["x-frame-options"]).toBe("DENY");
    expect(page.headers["content-security-policy"]).toBe("frame-ancestors 'none'");
    const script = await send(server.url, { method: "GET", path: "/__mock/ui/panel.js", headers: {} });
    expect(script.status).toBe(200);
    expect(script.headers["content-type"]).toMatch(/^text\/javascript/);
    const css = await send(server.url, { method: "GET", path: "/__mock/ui/panel.css", headers: {} });
    expect(css.headers["content-type"]).toMatch(/^text\/css/);
    const other = await send(server.url, { method: "GET", path: "/__mock/ui/..%2Fpackage.json", headers: {} });
    expect(other.status).toBe(404);
    expect(other.json.error.message).toMatch(/No control panel asset/);
  });

  it("is served by every session too", async () => {
    const opened = await control(server.url, "POST", "/sessions", {});
    try {
      const page = await send(opened.json.baseUrl, { method: "GET", path: "/__mock/ui/", headers: {} });
      expect(page.status).toBe(200);
      expect(page.text).toContain("rtc-analytics-mock control panel");
    } finally {
      await control(server.url, "DELETE", `/sessions/${opened.json.id}`);
    }
  });

  it("answers a clear control error when the bundle was never built", async () => {
    const app = Fastify();
    registerUiPage(app, new URL("file:///nonexistent-rtc-mock-bundle/"));
    for (const url of ["/__mock/ui", "/__mock/ui/panel.js"]) {
      const reply = await app.inject({ method: "GET", url });
      expect(reply.statusCode, url).toBe(503);
      expect(reply.json().error.message).toMatch(/not built: run npm run build/);
    }
    await app.close();
  });
});

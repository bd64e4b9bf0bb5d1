import { compileErrors, validate } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument, openApiVendors } from "../../schemas/openapi/document.js";
import { controlRoutes } from "../../server/control/control-api.js";
import type { RunningServer } from "../../server/start-server.js";
import { launchChromium } from "../support/chromium.js";
import { send, startHarnessServer } from "../support/harness.js";

let server: RunningServer;
beforeAll(async () => {
  server = await startHarnessServer();
});
afterAll(async () => {
  await server.close();
});

describe("OpenAPI documents", () => {
  it.each(openApiVendors)(
    "serves the %s document: the generator's output with this server listed first, valid OpenAPI 3.1",
    async (vendor) => {
      const { status, json } = await send(server.url, { method: "GET", path: `/__mock/openapi/${vendor}.json`, headers: {} });
      expect(status).toBe(200);
      const generated = buildOpenApiDocument(vendor);
      expect(json).toEqual({ ...generated, servers: [{ url: "/", description: "This fake server" }, ...(generated.servers as unknown[])] });
      const result = await validate(structuredClone(json) as never);
      expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    },
  );

  it("serves the control API's own document, valid and listing every control route", async () => {
    const { status, json } = await send(server.url, { method: "GET", path: "/__mock/docs/json", headers: {} });
    expect(status).toBe(200);
    const document = json as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toBe("3.1.0");
    for (const route of controlRoutes) {
      const path = `/__mock${route.path}`.replace(/:(\w+)/g, "{$1}");
      expect(document.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
    const result = await validate(structuredClone(json) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
  });
});

describe("docs page", () => {
  it("serves Swagger UI with every asset from this server and the four documents in its list", async () => {
    for (const path of ["/__mock/docs", "/__mock/docs/"]) {
      const page = await send(server.url, { method: "GET", path, headers: {} });
      expect(page.status).toBe(200);
      expect(page.headers["content-type"]).toMatch(/text\/html/);
      const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
      expect(assets.length).toBeGreaterThanOrEqual(5);
      for (const asset of assets) {
        expect(asset, "no CDN").not.toMatch(/^(https?:)?\/\//);
        const resolved = new URL(asset, `${server.url}${path}`);
        const response = await fetch(resolved);
        expect(response.status, resolved.pathname).toBe(200);
        await response.arrayBuffer();
      }
    }
    const initializer = await send(server.url, { method: "GET", path: "/__mock/docs/static/swagger-initializer.js", headers: {} });
    // The page lists its own variants of the vendor documents (server/docs-document.ts).
    for (const url of [
      "/__mock/docs/openapi/volcengine.json",
      "/__mock/docs/openapi/zego.json",
      "/__mock/docs/openapi/tencent.json",
      "/__mock/docs/json",
    ]) {
      expect(initializer.text).toContain(`"url":"${url}"`);
    }
  });

  it("renders in a real browser without a single request leaving the server", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const requested: string[] = [];
      page.on("request", (request) => requested.push(request.url()));
      await page.goto(`${server.url}/__mock/docs/`);
      await expect
        .poll(() => page.locator(".information-container .title").textContent(), { timeout: 15_000 })
        .toMatch(/Volcengine RTC data APIs/);
      const options = await page.locator(".topbar select option").allTextContents();
      expect(options).toEqual(["Volcengine RTC", "ZEGO analytics", "Tencent Cloud LCIC", "Control API (/__mock)"]);
      await page.locator(".topbar select").selectOption({ label: "Control API (/__mock)" });
      await expect
        .poll(() => page.locator(".information-container .title").textContent(), { timeout: 15_000 })
        .toMatch(/rtc-analytics-mock control API/);
      expect(await page.locator(".opblock").count()).toBe(controlRoutes.length);
      const origin = new URL(server.url).origin;
      const foreign = requested.filter((url) => !url.startsWith(origin) && !url.startsWith("data:"));
      expect(foreign).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

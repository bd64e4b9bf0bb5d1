import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { buildServer } from "../../server/app.js";
import { buildDocsApp } from "../../server/docs-app.js";
import { loadOpenApiDocuments } from "../../server/openapi-documents.js";
import { packageInfo } from "../../server/package-info.js";
import { exampleRequests } from "../support/harness.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const zego = exampleRequests(Date.UTC(2025, 5, 15, 12))["zego.GetRealtimeUsage"]!;

/** Headers that differ between any two answers: when they were made. */
const withoutClock = (headers: Record<string, unknown>) => {
  const { date: _date, ...rest } = headers;
  return rest;
};

describe("docs page, loaded on its first request", () => {
  it("loads nothing of @fastify/swagger or Swagger UI while the server starts or serves vendor and control requests; the first docs request does", async () => {
    // A fresh process, so the module cache shows what this server loaded (both plugins are CommonJS).
    const script = `
      import { createRequire } from "node:module";
      import { buildServer } from "./server/app.ts";
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).filter((path) => /@fastify[\\/]swagger/.test(path)).length;
      const { app } = buildServer({});
      await app.ready();
      const vendor = await app.inject(${JSON.stringify({ method: zego.method, url: zego.path, headers: zego.headers })});
      const health = await app.inject({ method: "GET", url: "/__mock/health" });
      const before = loaded();
      const pages = await Promise.all(["/__mock/docs", "/__mock/docs/", "/__mock/docs/static/swagger-initializer.js"].map((url) => app.inject({ method: "GET", url })));
      console.log(JSON.stringify({ statuses: [vendor.statusCode, health.statusCode, ...pages.map((page) => page.statusCode)], before, after: loaded() }));
      await app.close();`;
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root });
    const result = JSON.parse(stdout) as { statuses: number[]; before: number; after: number };
    expect(result.statuses).toEqual([200, 200, 200, 200, 200]);
    expect(result.before).toBe(0);
    expect(result.after).toBeGreaterThan(0);
  }, 60_000);

  it("sends on exactly what the docs app answers: status, headers and bytes, for GET and HEAD, redirects and revalidation", async () => {
    const { app } = buildServer({});
    const docs = await buildDocsApp(loadOpenApiDocuments(), packageInfo.version);
    try {
      const css = await docs.inject({ method: "GET", url: "/__mock/docs/static/swagger-ui.css" });
      const requests = [
        ...[
          "/__mock/docs",
          "/__mock/docs/",
          "/__mock/docs/json",
          "/__mock/docs/yaml",
          "/__mock/docs/static/index.html",
          "/__mock/docs/static/swagger-initializer.js",
          "/__mock/docs/static/swagger-ui-bundle.js",
          "/__mock/docs/static/favicon-32x32.png",
        ].flatMap((url) => (["GET", "HEAD"] as const).map((method) => ({ method, url, headers: {} }))),
        { method: "GET" as const, url: "/__mock/docs/static/swagger-ui.css", headers: { "if-none-match": String(css.headers.etag) } },
      ];
      for (const request of requests) {
        const [direct, served] = [await docs.inject(request), await app.inject(request)];
        const what = `${request.method} ${request.url}`;
        expect(served.statusCode, what).toBe(direct.statusCode);
        expect(withoutClock(served.headers), what).toEqual(withoutClock(direct.headers));
        expect(served.rawPayload.equals(direct.rawPayload), what).toBe(true);
      }
      expect(css.rawPayload.byteLength).toBeGreaterThan(1000);
    } finally {
      await docs.close();
      await app.close();
    }
  });

  it("answers a missing asset and other methods as the control API does", async () => {
    const { app } = buildServer({});
    try {
      for (const method of ["GET", "HEAD"] as const) {
        const missing = await app.inject({ method, url: "/__mock/docs/static/no-such-file.js" });
        expect(missing.statusCode).toBe(404);
        expect(missing.headers["content-type"]).toBe("application/json; charset=utf-8");
        if (method === "GET")
          expect(missing.json()).toEqual({ error: { status: 404, message: "No control route GET /__mock/docs/static/no-such-file.js" } });
      }
      const post = await app.inject({ method: "POST", url: "/__mock/docs/" });
      expect(post.statusCode).toBe(404);
      expect(post.json()).toEqual({ error: { status: 404, message: "No control route POST /__mock/docs/; GET /__mock/ lists them" } });
    } finally {
      await app.close();
    }
  });

  it("has no docs routes when the docs page is off", async () => {
    const { app } = buildServer({ docs: false });
    try {
      for (const url of ["/__mock/docs/", "/__mock/docs/json", "/__mock/docs/static/swagger-initializer.js"]) {
        expect((await app.inject({ method: "GET", url })).statusCode, url).toBe(404);
      }
    } finally {
      await app.close();
    }
  });
});

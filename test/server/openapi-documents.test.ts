import { readFile } from "node:fs/promises";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as generator from "../../schemas/openapi/document.js";
import { buildServer } from "../../server/app.js";
import { loadOpenApiDocuments } from "../../server/openapi-documents.js";

const { openApiVendors } = generator;

vi.mock("../../schemas/openapi/document.js", async (importOriginal) => {
  const actual = await importOriginal<typeof generator>();
  return { ...actual, buildOpenApiDocument: vi.fn(actual.buildOpenApiDocument) };
});
const buildSpy = vi.mocked(generator.buildOpenApiDocument);

afterEach(() => {
  buildSpy.mockClear();
});

const committed = async (vendor: string) =>
  JSON.parse(await readFile(new URL(`../../schemas/openapi/${vendor}.json`, import.meta.url), "utf8")) as { servers: unknown[] };

describe("vendor OpenAPI documents, built on first request", () => {
  it("builds no document while the server starts, then each one once, on its first request", async () => {
    const { app } = buildServer({});
    try {
      await app.ready();
      expect(buildSpy).not.toHaveBeenCalled();
      for (let round = 0; round < 2; round++) {
        for (const vendor of openApiVendors)
          expect((await app.inject({ method: "GET", url: `/__mock/openapi/${vendor}.json` })).statusCode).toBe(200);
      }
      expect(buildSpy.mock.calls.map(([vendor]) => vendor)).toEqual([...openApiVendors]);
    } finally {
      await app.close();
    }
  });

  it.each(openApiVendors)("serves the committed schemas/openapi/%s.json with this server listed first", async (vendor) => {
    const { app } = buildServer({});
    try {
      const reply = await app.inject({ method: "GET", url: `/__mock/openapi/${vendor}.json` });
      expect(reply.statusCode).toBe(200);
      expect(reply.headers["content-type"]).toBe("application/json; charset=utf-8");
      const file = await committed(vendor);
      expect(reply.json()).toEqual({ ...file, servers: [{ url: "/", description: "This fake server" }, ...file.servers] });
    } finally {
      await app.close();
    }
  });

  it("reports a generator failure once, for that document only, and keeps answering it with the reason", () => {
    const [broken, ...fine] = openApiVendors;
    buildSpy.mockImplementation((vendor) => {
      if (vendor === broken) throw new Error("generator broke");
      return { openapi: "3.1.0", servers: [{ url: "https://vendor.example" }] };
    });
    try {
      const onError = vi.fn();
      const documents = loadOpenApiDocuments(onError);
      expect(onError).not.toHaveBeenCalled();
      for (let round = 0; round < 2; round++) {
        expect(documents.get(broken!)).toEqual({ error: `The ${broken} OpenAPI document could not be built: generator broke` });
        for (const vendor of fine) {
          expect(JSON.parse((documents.get(vendor) as { json: string }).json)).toEqual({
            openapi: "3.1.0",
            servers: [{ url: "/", description: "This fake server" }, { url: "https://vendor.example" }],
          });
        }
      }
      expect(onError).toHaveBeenCalledTimes(1);
      expect(onError.mock.calls[0]![0]).toBe(broken);
      expect(String(onError.mock.calls[0]![1])).toContain("generator broke");
    } finally {
      buildSpy.mockReset();
    }
  });

  it("answers an unknown vendor without building anything", () => {
    const documents = loadOpenApiDocuments();
    expect(documents.get("nobody" as never)).toEqual({ error: "No OpenAPI document for nobody" });
    expect(buildSpy).not.toHaveBeenCalled();
  });
});

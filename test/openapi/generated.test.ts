import { readdir, readFile } from "node:fs/promises";
import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { endpoints } from "../../schemas/registry.js";
import { buildOpenApiDocument, buildOperationDocuments, openApiPathOf, openApiVendors } from "../../schemas/openapi/document.js";
import { renderOpenApiDocument, renderOpenApiTypes, renderOperationDocuments } from "../../schemas/openapi/render.js";

const committed = (file: string) => readFile(new URL(`../../schemas/openapi/${file}`, import.meta.url), "utf8");

describe.each(openApiVendors)("OpenAPI document of %s", (vendor) => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await validate(structuredClone(buildOpenApiDocument(vendor)) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
  });

  it("is checked by a validator that does reject a broken document", async () => {
    const broken = structuredClone(buildOpenApiDocument(vendor)) as { paths: Record<string, Record<string, Record<string, unknown>>> };
    const operation = Object.values(Object.values(broken.paths)[0]!)[0]!;
    delete operation.responses;
    operation.parameters = [{ name: "x", in: "nowhere" }];
    const result = await validate(broken as never);
    expect(result.valid).toBe(false);
  });

  it("lists every registry endpoint of the vendor under its documented pseudo-path", () => {
    const paths = buildOpenApiDocument(vendor).paths as Record<string, Record<string, { operationId: string }>>;
    const own = endpoints.filter((endpoint) => endpoint.vendor === vendor);
    expect(own.length).toBeGreaterThan(0);
    for (const endpoint of own) {
      const operation = paths[openApiPathOf(endpoint)]?.[endpoint.method.toLowerCase()];
      // An action's other API generation carries its version in the operationId.
      expect(operation?.operationId).toBe(
        endpoint.id.includes("@") ? `${endpoint.action}_${endpoint.version!.replace(/-/g, "")}` : endpoint.action,
      );
    }
    expect(Object.keys(paths)).toHaveLength(own.length);
  });

  it("is committed up to date (run `npm run generate` when this fails)", async () => {
    expect(await committed(`${vendor}.json`)).toBe(renderOpenApiDocument(vendor));
  });

  it("has committed generated types that are up to date (run `npm run generate`)", async () => {
    expect(await committed(`types/${vendor}.ts`)).toBe(await renderOpenApiTypes(vendor));
  });
});

describe.each(openApiVendors)("single-operation OpenAPI documents of %s", (vendor) => {
  it("are valid OpenAPI 3.1 documents, each with one operation on the real path /", async () => {
    for (const { document } of buildOperationDocuments(vendor)) {
      const result = await validate(structuredClone(document) as never);
      expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
      const paths = document.paths as Record<string, Record<string, unknown>>;
      expect(Object.keys(paths)).toEqual(["/"]);
      expect(Object.keys(paths["/"]!)).toHaveLength(1);
    }
  });

  it("hold exactly the combined document's operations, with their schemas", () => {
    const combined = buildOpenApiDocument(vendor) as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    const operations = buildOperationDocuments(vendor);
    expect(operations.map(({ document }) => Object.values((document.paths as Record<string, object>)["/"]!)[0])).toEqual(
      Object.values(combined.paths).map((item) => Object.values(item)[0]),
    );
    for (const { document } of operations) {
      for (const [name, schema] of Object.entries((document.components as { schemas: Record<string, unknown> }).schemas)) {
        expect(schema).toEqual(combined.components.schemas[name]);
      }
    }
  });

  it("are committed up to date, and no others (run `npm run generate` when this fails)", async () => {
    const rendered = renderOperationDocuments(vendor);
    const files = await readdir(new URL(`../../schemas/openapi/operations/${vendor}/`, import.meta.url));
    expect(files.map((file) => `operations/${vendor}/${file}`).sort()).toEqual([...rendered.keys()].sort());
    for (const [file, text] of rendered) expect(await committed(file)).toBe(text);
  });
});

import { compileErrors, validate } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { behaviours } from "../../mocks/behaviours.js";
import type { Vendor } from "../../schemas/common/endpoint.js";
import { buildOpenApiDocument, openApiPathOf, openApiVendors } from "../../schemas/openapi/document.js";
import { endpoints } from "../../schemas/registry.js";
import { signatureParameters } from "../../server/docs-try-it.js";
import type { RunningServer } from "../../server/start-server.js";
import { control, send, startHarnessServer, T0 } from "../support/harness.js";

interface Parameter {
  name: string;
  required: boolean;
  schema: Record<string, unknown>;
  example?: unknown;
}
interface Operation {
  parameters: Parameter[];
  requestBody?: { content: { "application/json": { example?: unknown } } };
  responses: Record<"200" | "default", { content: { "application/json": { example?: unknown } } }>;
}
type Document = { info: { description: string }; paths: Record<string, Record<string, Operation>> };

const operationOf = (document: Document, endpoint: (typeof endpoints)[number]): Operation =>
  document.paths[openApiPathOf(endpoint)]![endpoint.method.toLowerCase()]!;
const vendorEndpoints = (vendor: Vendor) => endpoints.filter((endpoint) => endpoint.vendor === vendor);

async function docsDocument(server: RunningServer, vendor: Vendor): Promise<Document> {
  const { status, json, headers } = await send<Document>(server.url, {
    method: "GET",
    path: `/__mock/docs/openapi/${vendor}.json`,
    headers: {},
  });
  expect(status).toBe(200);
  expect(headers["cache-control"]).toBe("no-store");
  return json;
}

let off: RunningServer;
let verify: RunningServer;
beforeAll(async () => {
  [off, verify] = await Promise.all([startHarnessServer(), startHarnessServer({ mock: { auth: { mode: "verify" } } })]);
});
afterAll(async () => {
  await Promise.all([off.close(), verify.close()]);
});

describe("the docs page's variant of the vendor documents", () => {
  it.each(openApiVendors)("%s: valid OpenAPI 3.1; the published document is left as generated", async (vendor) => {
    const document = await docsDocument(off, vendor);
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    const published = await send(off.url, { method: "GET", path: `/__mock/openapi/${vendor}.json`, headers: {} });
    const generated = buildOpenApiDocument(vendor);
    expect(published.json).toEqual({
      ...generated,
      servers: [{ url: "/", description: "This fake server" }, ...(generated.servers as unknown[])],
    });
  });

  it.each(openApiVendors)("%s: every routing constant is a prefilled one-value choice", async (vendor) => {
    const document = await docsDocument(off, vendor);
    const published = buildOpenApiDocument(vendor) as unknown as Document;
    for (const endpoint of vendorEndpoints(vendor)) {
      const constants = operationOf(published, endpoint).parameters.filter((parameter) => parameter.schema.const !== undefined);
      const routing =
        endpoint.actionCarrier === "header" ? ["X-TC-Action", "X-TC-Version"] : ["Action", ...(endpoint.version ? ["Version"] : [])];
      expect(constants.map((parameter) => parameter.name)).toEqual(expect.arrayContaining(routing));
      const shown = operationOf(document, endpoint).parameters;
      for (const constant of constants) {
        const parameter = shown.find((candidate) => candidate.name === constant.name)!;
        expect(parameter.schema, `${endpoint.id} ${constant.name}`).toMatchObject({
          enum: [constant.schema.const],
          default: constant.schema.const,
        });
        expect(parameter.schema.const).toBeUndefined();
      }
    }
  });

  it.each(openApiVendors)("%s: signature fields are optional with auth off and as documented in verify mode", async (vendor) => {
    const published = buildOpenApiDocument(vendor) as unknown as Document;
    const [offDocument, verifyDocument] = await Promise.all([docsDocument(off, vendor), docsDocument(verify, vendor)]);
    for (const endpoint of vendorEndpoints(vendor)) {
      const required = (document: Document) =>
        Object.fromEntries(operationOf(document, endpoint).parameters.map((parameter) => [parameter.name, parameter.required]));
      const documented = required(published);
      expect(required(verifyDocument)).toEqual(documented);
      const signature = Object.keys(documented).filter((name) => signatureParameters[vendor].includes(name));
      expect(signature.length).toBe(signatureParameters[vendor].length);
      expect(required(offDocument)).toEqual({ ...documented, ...Object.fromEntries(signature.map((name) => [name, false])) });
    }
    expect(offDocument.info.description).toContain("auth off");
    expect(offDocument.info.description).toContain("--auth verify");
    expect(verifyDocument.info.description).toContain("auth verify");
  });

  it("the request examples are each endpoint's example(now) at the session's mock time, and move with its clock", async () => {
    const server = await startHarnessServer();
    try {
      for (const at of [T0, T0 + 3_600_000]) {
        if (at !== T0) expect((await control(server, "POST", "/clock", { advance: "1h" })).status).toBe(200);
        for (const vendor of openApiVendors) {
          const document = await docsDocument(server, vendor);
          for (const endpoint of vendorEndpoints(vendor)) {
            const example = behaviours[endpoint.id].example(at);
            const operation = operationOf(document, endpoint);
            if (example.body !== undefined)
              expect(operation.requestBody!.content["application/json"].example).toEqual(JSON.parse(example.body));
            const query = new URL(example.path, "http://x.invalid").searchParams;
            for (const parameter of operation.parameters) {
              const values = query.getAll(parameter.name);
              if (values.length > 0 && parameter.schema.enum === undefined)
                expect(parameter.example, `${endpoint.id} ${parameter.name}`).toEqual(
                  parameter.schema.type === "array" ? values : values[0],
                );
            }
          }
        }
      }
    } finally {
      await server.close();
    }
  });

  it("the Tencent example names a room that has ended: the example's, else the first ended one", async () => {
    const server = await startHarnessServer();
    try {
      const [endpoint] = vendorEndpoints("tencent");
      const roomOf = async () =>
        (
          operationOf(await docsDocument(server, "tencent"), endpoint!).requestBody!.content["application/json"].example as {
            RoomId: number;
          }
        ).RoomId;
      expect(await roomOf()).toBe(10004);
      expect((await control(server, "DELETE", "/rooms/10004")).status).toBe(204);
      const ended = (await control(server, "GET", "/rooms")).json.rooms.filter((room: { state: string }) => room.state === "ended");
      expect(await roomOf()).toBe(ended[0].roomId);
    } finally {
      await server.close();
    }
  });

  it.each(openApiVendors)("%s: every reply example is the vendor's doc example and passes the endpoint's reply schemas", async (vendor) => {
    const document = await docsDocument(off, vendor);
    for (const endpoint of vendorEndpoints(vendor)) {
      const example = operationOf(document, endpoint).responses["200"].content["application/json"].example;
      expect(example, endpoint.id).toBeDefined();
      const result = endpoint.response.safeParse(example);
      expect(result.error?.issues ?? [], endpoint.id).toEqual([]);
    }
  });

  it("answers an unknown document with the control API's 404", async () => {
    const { status, json } = await send(off.url, { method: "GET", path: "/__mock/docs/openapi/agora.json", headers: {} });
    expect(status).toBe(404);
    expect(json.error.message).toMatch(/agora\.json/);
  });
});

import { compileErrors, validate } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { behaviours } from "../../mocks/behaviours.js";
import type { Vendor } from "../../schemas/common/endpoint.js";
import { buildOpenApiDocument, openApiPathOf, openApiVendors } from "../../schemas/openapi/document.js";
import { endpoints } from "../../schemas/registry.js";
import { PAGE_SLACK_MS } from "../../server/docs-request-examples.js";
import { signatureParameters } from "../../server/docs-try-it.js";
import type { RunningServer } from "../../server/start-server.js";
import { control, isSuccess, send, startHarnessServer, T0, type VendorRequest } from "../support/harness.js";

interface Parameter {
  name: string;
  in: "query" | "header";
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

/** The request Swagger UI sends for an operation left as prefilled: defaults, examples, the body example. */
function asSwaggerUiSends(operation: Operation, method: string): VendorRequest {
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  for (const parameter of operation.parameters) {
    const value = parameter.schema.default ?? parameter.example;
    if (value === undefined) continue;
    if (parameter.in === "header") headers[parameter.name.toLowerCase()] = String(value);
    else for (const item of Array.isArray(value) ? value : [value]) query.append(parameter.name, String(item));
  }
  const body = operation.requestBody?.content["application/json"].example;
  if (body !== undefined) headers["content-type"] = "application/json";
  const search = query.toString();
  return { method, path: search === "" ? "/" : `/?${search}`, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
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
            if (example.body !== undefined) {
              const expected = JSON.parse(example.body) as Record<string, unknown>;
              const shown = operation.requestBody!.content["application/json"].example as Record<string, unknown>;
              // Only a start at the edge of the lookback moves, and only by the page's slack (server/docs-request-examples.ts).
              const startMoved = Date.parse(String(shown.StartTime)) - Date.parse(String(expected.StartTime));
              if (expected.StartTime !== undefined) expect([0, PAGE_SLACK_MS], endpoint.id).toContain(startMoved);
              expect({ ...shown, StartTime: undefined }).toEqual({ ...expected, StartTime: undefined });
            }
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

  it("a request made of what the page prefills succeeds, still after the page's slack on a running clock", async () => {
    const server = await startHarnessServer({ mock: { rateLimits: false } });
    try {
      const documents = new Map<Vendor, Document>();
      for (const vendor of openApiVendors) documents.set(vendor, await docsDocument(server, vendor));
      for (const later of [0, PAGE_SLACK_MS]) {
        if (later > 0) expect((await control(server, "POST", "/clock", { advance: `${later}ms` })).status).toBe(200);
        for (const endpoint of endpoints) {
          const reply = await send(server.url, asSwaggerUiSends(operationOf(documents.get(endpoint.vendor)!, endpoint), endpoint.method));
          expect(isSuccess(endpoint.vendor, reply.json), `${endpoint.id} after ${later} ms: ${reply.text.slice(0, 300)}`).toBe(true);
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

import { z } from "zod";
import type { EndpointDefinition, Vendor } from "../common/endpoint.js";
import { endpoints } from "../registry.js";

/** Vendor display data for the document's info and servers blocks. */
const vendorInfo: Record<Vendor, { title: string; description: string }> = {
  volcengine: {
    title: "Volcengine RTC data APIs (as served by rtc-analytics-mock)",
    description:
      "All actions share `POST /`; the action is chosen by the `Action` and `Version` query parameters. " +
      "Each operation is therefore listed under the pseudo-path `/?Action=<Action>&Version=<Version>`, which is the " +
      "real request line. Requests are signed with HMAC-SHA256 (see docs/volcengine.md).",
  },
  zego: {
    title: "ZEGO analytics APIs (as served by rtc-analytics-mock)",
    description:
      "All actions share `GET /`; the action is chosen by the `Action` query parameter, so each operation is " +
      "listed under the pseudo-path `/?Action=<Action>`, the real request line. Common parameters carry an md5 signature.",
  },
  tencent: {
    title: "Tencent Cloud LCIC APIs (as served by rtc-analytics-mock)",
    description:
      "All actions share `POST /`; the action is chosen by the `X-TC-Action` and `X-TC-Version` headers, which " +
      "a path cannot express, so each operation is listed under the pseudo-path `/#X-TC-Action=<Action>` (the " +
      "fragment is never sent). Requests are signed with TC3-HMAC-SHA256.",
  },
};

/**
 * The pseudo-path of an endpoint. OpenAPI allows one operation per path and method, but these
 * vendors multiplex every action on `/`; query-routed actions use their real request line as the
 * path key, header-routed ones a fragment (documented in each document's description).
 */
export function openApiPathOf(endpoint: EndpointDefinition): string {
  if (endpoint.actionCarrier === "header") return `/#X-TC-Action=${endpoint.action}`;
  return endpoint.version === null ? `/?Action=${endpoint.action}` : `/?Action=${endpoint.action}&Version=${endpoint.version}`;
}

/** JSON Schema (2020-12, the dialect of OpenAPI 3.1) of a zod schema, as input to a parser. */
function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

/** Query parameters of an endpoint: routing ones as constants, then the endpoint's own. */
function queryParameters(endpoint: EndpointDefinition): unknown[] {
  const parameters: unknown[] = [];
  const own = endpoint.query
    ? (jsonSchemaOf(endpoint.query) as { properties?: Record<string, Record<string, unknown>>; required?: string[] })
    : {};
  if (endpoint.actionCarrier === "query") {
    if (!own.properties?.Action)
      parameters.push({ name: "Action", in: "query", required: true, schema: { type: "string", const: endpoint.action } });
    if (endpoint.version !== null && !own.properties?.Version) {
      parameters.push({ name: "Version", in: "query", required: true, schema: { type: "string", const: endpoint.version } });
    }
  }
  for (const [name, schema] of Object.entries(own.properties ?? {})) {
    const { description, ...rest } = schema;
    parameters.push({
      name,
      in: "query",
      required: own.required?.includes(name) ?? false,
      ...(typeof description === "string" ? { description } : {}),
      schema: name === "Action" ? { type: "string", const: endpoint.action } : rest,
      ...(rest.type === "array" ? { style: "form", explode: true } : {}),
    });
  }
  return parameters;
}

/** Header parameters of header-routed endpoints (Tencent's common parameters). */
function headerParameters(endpoint: EndpointDefinition): unknown[] {
  if (endpoint.actionCarrier !== "header") return [];
  return [
    { name: "X-TC-Action", in: "header", required: true, schema: { type: "string", const: endpoint.action } },
    { name: "X-TC-Version", in: "header", required: true, schema: { type: "string", const: endpoint.version } },
    { name: "X-TC-Timestamp", in: "header", required: true, schema: { type: "string", pattern: "^[0-9]+$" } },
    { name: "X-TC-Region", in: "header", required: false, schema: { type: "string" } },
    { name: "X-TC-Token", in: "header", required: false, schema: { type: "string" } },
    { name: "X-TC-Language", in: "header", required: false, schema: { type: "string", enum: ["zh-CN", "en-US"] } },
  ];
}

/** One registry endpoint as an OpenAPI operation, with the component schemas it references. */
interface BuiltOperation {
  endpoint: EndpointDefinition;
  operationId: string;
  method: string;
  operation: Record<string, unknown>;
  schemas: Record<string, unknown>;
}

/** The operations of one vendor, in registry order. */
function buildOperations(vendor: Vendor): BuiltOperation[] {
  const errorName = `${vendor[0]!.toUpperCase()}${vendor.slice(1)}ErrorResponse`;
  const named = new Set<string>();
  return endpoints
    .filter((endpoint) => endpoint.vendor === vendor)
    .map((endpoint) => {
      // An action's first registered generation is named by the action alone, another one by action and
      // version (ListRealTimeQuality_20231101), and so is its reply (whose Version differs); the request
      // schema is shared, and so is its component.
      const operationId = named.has(endpoint.action) ? `${endpoint.action}_${(endpoint.version ?? "").replace(/-/g, "")}` : endpoint.action;
      named.add(endpoint.action);
      const responseName = `${operationId}Response`;
      const schemas: Record<string, unknown> = {
        [responseName]: jsonSchemaOf(endpoint.response),
        [errorName]: jsonSchemaOf(endpoint.errorResponse),
      };
      let requestBody: unknown;
      if (endpoint.body) {
        const requestName = `${endpoint.action}Request`;
        schemas[requestName] = jsonSchemaOf(endpoint.body);
        requestBody = { required: true, content: { "application/json": { schema: { $ref: `#/components/schemas/${requestName}` } } } };
      }
      const errorRef = { $ref: `#/components/schemas/${errorName}` };
      const operation = {
        operationId,
        summary: `${endpoint.action}${endpoint.version ? ` (${endpoint.version})` : ""}`,
        externalDocs: { url: endpoint.docUrl },
        "x-vendor-host": endpoint.host,
        "x-action-carrier": endpoint.actionCarrier,
        parameters: [...queryParameters(endpoint), ...headerParameters(endpoint)],
        ...(requestBody ? { requestBody } : {}),
        responses: {
          "200": {
            description: "Success, or a coded error in the vendor's envelope (these vendors may answer errors with HTTP 200).",
            content: { "application/json": { schema: { oneOf: [{ $ref: `#/components/schemas/${responseName}` }, errorRef] } } },
          },
          default: { description: "Error in the vendor's envelope.", content: { "application/json": { schema: errorRef } } },
        },
      };
      return { endpoint, operationId, method: endpoint.method.toLowerCase(), operation, schemas };
    });
}

/** The servers block of a vendor's documents: its production hosts, then the fake's default address. */
function serversOf(operations: readonly BuiltOperation[]): { url: string }[] {
  const servers = [...new Set(operations.map(({ endpoint }) => endpoint.host))].map((host) => ({ url: `https://${host}` }));
  servers.push({ url: "http://127.0.0.1:4010" });
  return servers;
}

/** Builds the OpenAPI 3.1 document of one vendor from the registry. Pure and deterministic. */
export function buildOpenApiDocument(vendor: Vendor): Record<string, unknown> {
  const operations = buildOperations(vendor);
  const schemas: Record<string, unknown> = {};
  const paths: Record<string, unknown> = {};
  for (const { endpoint, method, operation, schemas: own } of operations) {
    Object.assign(schemas, own);
    paths[openApiPathOf(endpoint)] = { [method]: operation };
  }
  return {
    openapi: "3.1.0",
    info: { title: vendorInfo[vendor].title, version: "0.1.0", description: vendorInfo[vendor].description },
    servers: serversOf(operations),
    paths,
    components: { schemas },
  };
}

/**
 * Builds one OpenAPI 3.1 document per operation of a vendor, each with its single operation on the
 * real path `/` (decision 0005). Generic tools (Schemathesis, Prism, client generators) build URLs
 * from the path key, so they cannot use the pseudo-paths of the combined document; one document
 * cannot hold two operations on `POST /`, so each operation gets its own, routed only by its
 * required `const` parameters (`Action`/`Version` query, or the `X-TC-*` headers). Same operationId,
 * parameters, bodies and schemas as the combined document. Pure and deterministic.
 */
export function buildOperationDocuments(vendor: Vendor): { operationId: string; document: Record<string, unknown> }[] {
  const operations = buildOperations(vendor);
  const servers = serversOf(operations);
  return operations.map(({ endpoint, operationId, method, operation, schemas }) => ({
    operationId,
    document: {
      openapi: "3.1.0",
      info: {
        title: `${vendorInfo[vendor].title}: ${operationId} alone`,
        version: "0.1.0",
        description:
          `${endpoint.action}${endpoint.version ? ` at ${endpoint.version}` : ""} on its real path \`/\`, for tools that build ` +
          `URLs from the path key. ${operationRouting[endpoint.actionCarrier]} The vendor's other operations share \`/\` and ` +
          `are in sibling documents; schemas/openapi/${vendor}.json lists them all under pseudo-paths (decision 0005).`,
      },
      servers,
      paths: { "/": { [method]: operation } },
      components: { schemas },
    },
  }));
}

/** How an operation alone on `/` is told apart from its siblings, per action carrier. */
const operationRouting: Record<EndpointDefinition["actionCarrier"], string> = {
  query: "The required `const` query parameters `Action` (and `Version`) select it.",
  header: "The required `const` headers `X-TC-Action` and `X-TC-Version` select it.",
};

/** The vendors that have an OpenAPI document. */
export const openApiVendors: readonly Vendor[] = ["volcengine", "zego", "tencent"];

import type { MockEngine } from "../mocks/core/engine.js";
import type { Vendor } from "../schemas/common/endpoint.js";
import { openApiPathOf } from "../schemas/openapi/document.js";
import { endpoints } from "../schemas/registry.js";
import { errorReplyExample, replyExamples } from "./docs-reply-examples.js";
import { docsRequestExample, type DocsRequestExample } from "./docs-request-examples.js";
import { signatureParameters, tryItNote } from "./docs-try-it.js";

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Json;
  example?: unknown;
}

/**
 * The docs page's variant of a published vendor document, made per request for the serving
 * session: Try it out is meant to succeed as the page shows it. The published document
 * (/__mock/openapi/<vendor>.json, schemas/openapi/<vendor>.json) stays the contract that tools and
 * tests read; this copy only adds what Swagger UI needs and cannot derive:
 * - routing fields prefilled: Swagger UI 5 ignores JSON Schema `const`, so a `const` parameter
 *   becomes a one-value enum with that value as default (shown as a fixed choice);
 * - signature fields optional while the session's auth is off (they are not read then);
 * - request examples from each endpoint's `example(now)` at the session's mock time, reply
 *   examples (success, and error where the vendor publishes one) from its own documentation;
 * - a description section saying so and how to try verify mode.
 */
export function buildDocsDocument(vendor: Vendor, published: Json, engine: MockEngine): Json {
  const document = structuredClone(published);
  const auth = engine.options.auth.mode;
  // One instant for the whole page, even on a running clock.
  const now = engine.clock.now();
  const paths = document.paths as Record<string, Record<string, Json>>;
  for (const endpoint of endpoints.filter((candidate) => candidate.vendor === vendor)) {
    const operation = paths[openApiPathOf(endpoint)]?.[endpoint.method.toLowerCase()];
    if (operation === undefined) continue;
    const example = docsRequestExample(endpoint.id, engine, now);
    operation.parameters = (operation.parameters as Parameter[]).map((parameter) => {
      const optional = auth === "off" && signatureParameters[vendor].includes(parameter.name);
      return prefilled(parameter, example, optional);
    });
    const body = (operation.requestBody as { content?: Record<string, Json> } | undefined)?.content?.["application/json"];
    if (body !== undefined && example.body !== undefined) body.example = example.body;
    const responses = operation.responses as Record<string, { content?: Record<string, Json> }>;
    const reply = responses["200"]?.content?.["application/json"];
    if (reply !== undefined) reply.example = replyExamples[endpoint.id];
    const error = responses.default?.content?.["application/json"];
    const errorExample = errorReplyExample(endpoint);
    if (error !== undefined && errorExample !== undefined) error.example = errorExample;
  }
  const info = document.info as Json;
  info.description = `${String(info.description ?? "")}\n\n${tryItNote(vendor, auth, now)}`;
  return document;
}

/** One parameter as the page shows it: fixed when `const`, else prefilled from the example request. */
function prefilled(parameter: Parameter, example: DocsRequestExample, optional: boolean): Parameter {
  const next: Parameter = { ...parameter };
  const schema = parameter.schema ?? {};
  if (schema.const !== undefined) {
    const { const: value, ...rest } = schema;
    next.schema = { ...rest, enum: [value], default: value };
  } else {
    const values = parameter.in === "query" ? example.query.get(parameter.name) : undefined;
    const header = parameter.in === "header" ? example.headers[parameter.name.toLowerCase()] : undefined;
    if (values !== undefined) next.example = schema.type === "array" ? values : values[0];
    else if (header !== undefined) next.example = header;
  }
  if (optional) {
    next.required = false;
    next.description = `${parameter.description ? `${parameter.description} ` : ""}Not checked while this server's auth is off.`;
  }
  return next;
}

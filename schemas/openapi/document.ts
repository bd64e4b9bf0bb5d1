import type { Vendor } from "../common/endpoint.js";

/** PLACEHOLDER: builds the OpenAPI 3.1 document of one vendor from the registry (real generator lands next). */
export function buildOpenApiDocument(vendor: Vendor): Record<string, unknown> {
  return { openapi: "3.1.0", info: { title: `${vendor} (placeholder)`, version: "0.0.0" }, paths: {} };
}

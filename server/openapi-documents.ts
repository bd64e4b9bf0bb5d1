import type { Vendor } from "../schemas/common/endpoint.js";
import { buildOpenApiDocument, openApiVendors } from "../schemas/openapi/document.js";

/** A vendor document, serialized once, or why it could not be built. */
export type CachedDocument = { json: string } | { error: string };

/** The vendor OpenAPI documents the control API serves, built once at start-up. */
export interface OpenApiDocuments {
  readonly vendors: readonly Vendor[];
  get(vendor: Vendor): CachedDocument;
}

/**
 * Builds every vendor document now, so requests only copy cached text. A server entry for this
 * fake server comes first (a relative URL, so "Try it out" in the docs page calls the server that
 * served the document). A generator failure is kept and reported per document rather than
 * stopping the server.
 */
export function loadOpenApiDocuments(onError?: (vendor: Vendor, cause: unknown) => void): OpenApiDocuments {
  const cache = new Map<Vendor, CachedDocument>();
  for (const vendor of openApiVendors) {
    try {
      const document = buildOpenApiDocument(vendor);
      const servers = Array.isArray(document.servers) ? (document.servers as unknown[]) : [];
      const served = { ...document, servers: [{ url: "/", description: "This fake server" }, ...servers] };
      cache.set(vendor, { json: JSON.stringify(served) });
    } catch (cause) {
      onError?.(vendor, cause);
      cache.set(vendor, { error: `The ${vendor} OpenAPI document could not be built: ${cause instanceof Error ? cause.message : String(cause)}` });
    }
  }
  return {
    vendors: openApiVendors,
    get: (vendor) => cache.get(vendor) ?? { error: `No OpenAPI document for ${vendor}` },
  };
}

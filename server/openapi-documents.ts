import type { Vendor } from "../schemas/common/endpoint.js";
import { buildOpenApiDocument, openApiVendors } from "../schemas/openapi/document.js";

/** A vendor document, serialized once, or why it could not be built. */
export type CachedDocument = { json: string } | { error: string };

/** The vendor OpenAPI documents the control API serves, each built on its first request. */
export interface OpenApiDocuments {
  readonly vendors: readonly Vendor[];
  get(vendor: Vendor): CachedDocument;
}

/**
 * Serves every vendor document from a cache filled on first use: building the three documents
 * costs some 20 ms, which start-up should not pay for pages most runs never open. A server entry
 * for this fake server comes first (a relative URL, so "Try it out" in the docs page calls the
 * server that served the document). A generator failure is reported once and kept per document
 * rather than failing the request with a stack trace.
 */
export function loadOpenApiDocuments(onError?: (vendor: Vendor, cause: unknown) => void): OpenApiDocuments {
  const cache = new Map<Vendor, CachedDocument>();
  const build = (vendor: Vendor): CachedDocument => {
    try {
      const document = buildOpenApiDocument(vendor);
      const servers = Array.isArray(document.servers) ? (document.servers as unknown[]) : [];
      const served = { ...document, servers: [{ url: "/", description: "This fake server" }, ...servers] };
      return { json: JSON.stringify(served) };
    } catch (cause) {
      onError?.(vendor, cause);
      return { error: `The ${vendor} OpenAPI document could not be built: ${cause instanceof Error ? cause.message : String(cause)}` };
    }
  };
  return {
    vendors: openApiVendors,
    get: (vendor) => {
      if (!openApiVendors.includes(vendor)) return { error: `No OpenAPI document for ${vendor}` };
      let cached = cache.get(vendor);
      if (cached === undefined) cache.set(vendor, (cached = build(vendor)));
      return cached;
    },
  };
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { MockEngine } from "../mocks/core/engine.js";
import type { Vendor } from "../schemas/common/endpoint.js";
import { DOCS_PATH, sendControlError } from "./control/control-api.js";
import type { OpenApiDocuments } from "./openapi-documents.js";

/** The paths Swagger UI serves below DOCS_PATH (@fastify/swagger-ui 5): the page, the control API's document, the assets. */
const DOCS_ROUTES = ["", "/json", "/yaml", "/static/*"].map((path) => `${DOCS_PATH}${path}`);

/** Where the page reads each vendor document from: its own variant (server/docs-document.ts), not the published one. */
export const docsDocumentPath = (vendor: Vendor): string => `${DOCS_PATH}/openapi/${vendor}.json`;

/** Response header by which the docs app says "no such asset", so the main server answers its own 404. */
export const DOCS_NOT_FOUND_HEADER = "x-rtc-mock-docs-not-found";

/** Headers the main server sets itself for the bytes it sends on. */
const OWN_HEADERS = new Set(["content-length", "transfer-encoding", "connection", "keep-alive", "date"]);

/**
 * The API documentation page at /__mock/docs. Loading @fastify/swagger and Swagger UI and
 * reading their assets cost ~100 ms, so nothing of them loads at start-up: the first request
 * below the docs path builds the docs app (server/docs-app.ts, one per server) and every docs
 * request is handed to it in-process, its status, headers and bytes sent on as they are. The
 * vendor documents the page lists are served here, not by the docs app, because they are made per
 * request from this session's engine (its mock clock, auth mode and rooms).
 */
export function registerDocsPage(app: FastifyInstance, openApi: OpenApiDocuments, version: string, engine: MockEngine): void {
  let docsApp: Promise<FastifyInstance> | undefined;
  const loadDocsApp = (): Promise<FastifyInstance> => {
    if (docsApp === undefined) {
      const loading = import("./docs-app.js").then(({ buildDocsApp }) => buildDocsApp(openApi, version));
      // A failed load is answered as a control API error and tried again on the next request.
      loading.catch(() => {
        if (docsApp === loading) docsApp = undefined;
      });
      docsApp = loading;
    }
    return docsApp;
  };

  const forward = async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const docs = await loadDocsApp();
    const answer = await docs.inject({ method: req.method as "GET" | "HEAD", url: req.url, headers: req.headers });
    if (answer.headers[DOCS_NOT_FOUND_HEADER] !== undefined) {
      reply.callNotFound();
      return reply;
    }
    reply.code(answer.statusCode);
    for (const [name, value] of Object.entries(answer.headers)) {
      // A HEAD answer has no bytes to measure: its content-length is the docs app's.
      if (value !== undefined && (!OWN_HEADERS.has(name) || (name === "content-length" && req.method === "HEAD")))
        reply.header(name, value);
    }
    return answer.rawPayload.byteLength > 0 ? reply.send(answer.rawPayload) : reply.send();
  };

  app.get(`${DOCS_PATH}/openapi/:document`, async (req, reply) => {
    const { document } = req.params as { document: string };
    const vendor = openApi.vendors.find((candidate) => document === `${candidate}.json`);
    if (vendor === undefined) return sendControlError(reply, 404, `No docs page document ${JSON.stringify(document)}`);
    const published = openApi.get(vendor);
    if ("error" in published) return sendControlError(reply, 503, published.error);
    const { buildDocsDocument } = await import("./docs-document.js");
    const variant = buildDocsDocument(vendor, JSON.parse(published.json) as Record<string, unknown>, engine);
    // Made for this moment of the mock clock: never reused from a cache.
    return reply.type("application/json; charset=utf-8").header("cache-control", "no-store").send(JSON.stringify(variant));
  });

  for (const url of DOCS_ROUTES) app.route({ method: ["GET", "HEAD"], url, exposeHeadRoute: false, handler: forward });
  app.addHook("onClose", async () => {
    if (docsApp !== undefined) await (await docsApp.catch(() => undefined))?.close();
  });
}

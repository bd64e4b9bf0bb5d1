import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { controlRoutes, DOCS_PATH } from "./control/control-api.js";
import { buildControlOpenApiDocument } from "./control/control-openapi.js";
import { DOCS_NOT_FOUND_HEADER, docsDocumentPath } from "./docs-page.js";
import type { OpenApiDocuments } from "./openapi-documents.js";

/**
 * A separate fastify instance serving the API documentation page: Swagger UI, with its assets from
 * the installed package (no CDN), listing the three vendor documents (the page's own variants,
 * server/docs-document.ts) and the control API.
 * @fastify/swagger runs in static mode over the control API's own document. This module is
 * imported on the first docs request (server/docs-page.ts), so a server whose docs page is never
 * opened never loads the plugins.
 */
export async function buildDocsApp(openApi: OpenApiDocuments, version: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, routerOptions: { ignoreTrailingSlash: true } });
  app.setNotFoundHandler((_req, reply) => {
    reply.code(404).header(DOCS_NOT_FOUND_HEADER, "1").send();
  });
  const controlDocument = buildControlOpenApiDocument(controlRoutes, version);
  await app.register(swagger, { mode: "static", specification: { document: controlDocument as never } });
  await app.register(swaggerUi, {
    routePrefix: DOCS_PATH,
    uiConfig: {
      urls: [
        ...openApi.vendors.map((vendor) => ({ url: docsDocumentPath(vendor), name: vendorTitle(vendor) })),
        { url: `${DOCS_PATH}/json`, name: "Control API (/__mock)" },
      ],
      deepLinking: true,
      // The fake server is offline-friendly: no calls to the public validator.
      validatorUrl: null,
    } as Record<string, unknown>,
    theme: { title: "rtc-analytics-mock API" },
  });
  await app.ready();
  return app;
}

const TITLES: Record<string, string> = { volcengine: "Volcengine RTC", zego: "ZEGO analytics", tencent: "Tencent Cloud LCIC" };

function vendorTitle(vendor: string): string {
  return TITLES[vendor] ?? vendor;
}

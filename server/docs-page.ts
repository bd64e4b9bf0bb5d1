import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { controlRoutes, DOCS_PATH } from "./control/control-api.js";
import { buildControlOpenApiDocument } from "./control/control-openapi.js";
import { CONTROL_PREFIX } from "./control/prefix.js";
import type { OpenApiDocuments } from "./openapi-documents.js";

/**
 * The API documentation page: Swagger UI, served with its assets from the installed package (no
 * CDN), listing the control API and the three vendor documents. @fastify/swagger runs in static
 * mode over the control API's own document, so it never inspects the vendor catch-all routes.
 */
export function registerDocsPage(app: FastifyInstance, openApi: OpenApiDocuments, version: string): void {
  const controlDocument = buildControlOpenApiDocument(controlRoutes, version);
  app.register(swagger, { mode: "static", specification: { document: controlDocument as never } });
  app.register(swaggerUi, {
    routePrefix: DOCS_PATH,
    uiConfig: {
      urls: [
        ...openApi.vendors.map((vendor) => ({ url: `${CONTROL_PREFIX}/openapi/${vendor}.json`, name: vendorTitle(vendor) })),
        { url: `${DOCS_PATH}/json`, name: "Control API (/__mock)" },
      ],
      deepLinking: true,
      // The fake server is offline-friendly: no calls to the public validator.
      validatorUrl: null,
    } as Record<string, unknown>,
    theme: { title: "rtc-analytics-mock API" },
  });
}

const TITLES: Record<string, string> = { volcengine: "Volcengine RTC", zego: "ZEGO analytics", tencent: "Tencent Cloud LCIC" };

function vendorTitle(vendor: string): string {
  return TITLES[vendor] ?? vendor;
}

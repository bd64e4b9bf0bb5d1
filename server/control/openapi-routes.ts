import type { Vendor } from "../../schemas/common/endpoint.js";
import { ControlError } from "./control-error.js";
import { defineControlRoute, type ControlRoute } from "./control-route.js";
import { openApiParamsSchema } from "./schemas.js";

/** Marks a pre-serialized JSON body, so the plugin sends the cached text as is. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** GET /openapi/<vendor>.json: the vendor documents, built on first request and cached. */
export const openApiRoutes: ControlRoute[] = [
  defineControlRoute({
    method: "GET",
    path: "/openapi/:document",
    summary: "A vendor's OpenAPI 3.1 document: volcengine.json, zego.json or tencent.json",
    params: openApiParamsSchema,
    response: { status: 200, description: "The OpenAPI document" },
    handle: ({ params }, { openApi }) => {
      const vendor = params.document.replace(/\.json$/, "") as Vendor;
      if (!params.document.endsWith(".json") || !openApi.vendors.includes(vendor)) {
        throw new ControlError(
          404,
          `No OpenAPI document ${JSON.stringify(params.document)} (known: ${openApi.vendors.map((v) => `${v}.json`).join(", ")})`,
        );
      }
      const cached = openApi.get(vendor);
      if ("error" in cached) throw new ControlError(503, cached.error);
      return { body: new RawJson(cached.json) };
    },
  }),
];

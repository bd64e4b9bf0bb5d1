import { z } from "zod";
import { endpoints } from "../../schemas/registry.js";
import { vendors } from "../../mocks/vendors.js";
import { vendorSchema } from "../fault-spec.js";
import { defineControlRoute, type ControlRoute } from "./control-route.js";

const catalogSchema = z
  .object({
    vendors: z.array(
      z.object({
        vendor: vendorSchema,
        actions: z.array(z.string()).meta({ description: "What a fault's `action` may name (from the endpoint registry)." }),
        errors: z
          .array(z.object({ code: z.string(), httpStatus: z.number().int(), message: z.string(), trigger: z.string() }))
          .meta({ description: "What an error fault's `code` may name: the vendor's error catalog." }),
      }),
    ),
  })
  .meta({ id: "Catalogs" });

/** The choices of a fault rule, per vendor: built once, they never change while the server runs. */
const catalogs = {
  vendors: Object.values(vendors).map(({ vendor, errors }) => ({
    vendor,
    actions: [...new Set(endpoints.filter((endpoint) => endpoint.vendor === vendor).map((endpoint) => endpoint.action))],
    errors: Object.values(errors).map(({ code, httpStatus, message, trigger }) => ({ code, httpStatus, message, trigger })),
  })),
};

/** GET /catalogs: each vendor's actions and error catalog, what POST /faults accepts. */
export const catalogRoutes: ControlRoute[] = [
  defineControlRoute({
    method: "GET",
    path: "/catalogs",
    summary: "Each vendor's actions and error catalog: the choices of a fault rule",
    response: { status: 200, description: "Per vendor, its actions and error codes", schema: catalogSchema },
    handle: () => ({ body: catalogs }),
  }),
];

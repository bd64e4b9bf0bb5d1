import { z } from "zod";
import type { Vendor } from "../../schemas/common/endpoint.js";
import { defineControlRoute, type ControlRoute } from "./control-route.js";

/** Most tenants one answer lists; the limiter tracks up to --max-tenants of them. */
const MAX_LISTED = 1_000;

const usageSchema = z
  .object({
    enabled: z.boolean().meta({ description: "Are the limits enforced (PUT /__mock/rate-limits switches them)." }),
    truncated: z.boolean().meta({ description: `More than ${MAX_LISTED} tenants are tracked; the first ${MAX_LISTED} are listed.` }),
    tenants: z.array(
      z.object({
        vendor: z.enum(["volcengine", "zego", "tencent"]),
        action: z.string(),
        tenant: z.string().meta({ description: "AppId or SecretId, as the journal shows it." }),
        limits: z.array(
          z.object({
            limit: z.number().int(),
            windowMs: z.number().int(),
            scope: z.enum(["account", "app", "credential"]),
            used: z.number().int().meta({ description: "Requests counted in the window running now (mock time)." }),
            resetsAt: z.number().int().meta({ description: "When that window ends, epoch ms on the mock clock." }),
            fidelity: z.enum(["documented", "assumed"]),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "RateLimitUsage" });

const usageQuerySchema = z.strictObject({
  vendor: z.enum(["volcengine", "zego", "tencent"]).optional(),
  tenant: z.string().min(1).max(256).optional().meta({ description: "Only this AppId or SecretId." }),
});

/** GET /rate-limits/usage: what each tenant has used of each documented limit, read without counting a request. */
export const rateLimitUsageRoutes: ControlRoute[] = [
  defineControlRoute({
    method: "GET",
    path: "/rate-limits/usage",
    summary: "Per tenant and action, what is used of each rate limit in the window running now",
    query: usageQuerySchema,
    response: { status: 200, description: "Usage per tenant, sorted by vendor, action and tenant", schema: usageSchema },
    handle: ({ query }, { engine }) => {
      const now = engine.clock.now();
      const vendors: Vendor[] = query.vendor === undefined ? ["volcengine", "zego", "tencent"] : [query.vendor];
      const tenants = vendors.flatMap((vendor) =>
        engine.backends[vendor].limiter.usage(now).flatMap(({ key, rules }) => {
          // The engine keys quotas `${action}:${tenant}`; actions have no colon, tenants may.
          const colon = key.indexOf(":");
          const tenant = key.slice(colon + 1);
          if (query.tenant !== undefined && tenant !== query.tenant) return [];
          const limits = rules.map(({ rule, used, resetsAt }) => ({
            limit: rule.limit,
            windowMs: rule.windowMs,
            scope: rule.scope,
            used,
            resetsAt,
            fidelity: rule.fidelity,
          }));
          return [{ vendor, action: key.slice(0, colon), tenant, limits }];
        }),
      );
      tenants.sort((a, b) => a.vendor.localeCompare(b.vendor) || a.action.localeCompare(b.action) || a.tenant.localeCompare(b.tenant));
      return {
        body: { enabled: engine.options.rateLimits, truncated: tenants.length > MAX_LISTED, tenants: tenants.slice(0, MAX_LISTED) },
      };
    },
  }),
];

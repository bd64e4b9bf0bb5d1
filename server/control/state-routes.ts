import { z } from "zod";
import { endpoints } from "../../schemas/registry.js";
import { clockState } from "./clock-routes.js";
import { defineControlRoute, type ControlRoute } from "./control-route.js";
import { clockStateSchema, rateLimitsSchema } from "./schemas.js";

const healthSchema = z
  .object({
    status: z.literal("ok"),
    version: z.string(),
    uptimeMs: z.number().int(),
    seed: z.union([z.number(), z.string()]),
    auth: z.enum(["off", "verify"]),
    rateLimits: z.boolean(),
    clock: clockStateSchema,
    endpoints: z.array(z.string()).meta({ description: "Registry ids, vendor.Action." }),
    session: z.string().meta({ description: "Which session answered: `default` for the server's own port, else its id." }),
  })
  .meta({ id: "Health" });

/** Health, reset and the rate-limit switch. */
export const stateRoutes: ControlRoute[] = [
  defineControlRoute({
    method: "GET",
    path: "/health",
    summary: "Is the server up; its seed, auth mode, rate-limit switch, clock and endpoints",
    response: { status: 200, description: "Up", schema: healthSchema },
    handle: (_input, { engine, version, startedAt, sessionId }) => ({
      body: {
        status: "ok",
        version,
        uptimeMs: Date.now() - startedAt,
        seed: engine.options.seed,
        auth: engine.options.auth.mode,
        rateLimits: engine.options.rateLimits,
        clock: clockState(engine.clock),
        endpoints: endpoints.map((endpoint) => endpoint.id),
        session: sessionId,
      },
    }),
  }),
  defineControlRoute({
    method: "POST",
    path: "/reset",
    summary:
      "Back to the start: clock (never backwards when it follows real time), quotas, rate-limit switch and faults (as configured), rooms (seeded), journal, request ids",
    response: {
      status: 200,
      description: "Reset done; the clock after the reset and how it was put back",
      schema: z.object({
        reset: z.literal(true),
        clock: clockStateSchema,
        clockReset: z.enum(["real-now", "configured-start", "frozen-at-start"]).meta({
          description:
            "real-now: the clock follows real time and is back at real now; configured-start: back at its configured start; frozen-at-start: frozen at its configured instant.",
        }),
      }),
    },
    handle: (_input, { engine }) => {
      const { clock } = engine.reset();
      return { body: { reset: true, clock: clockState(engine.clock), clockReset: clock } };
    },
  }),
  defineControlRoute({
    method: "GET",
    path: "/rate-limits",
    summary: "Are the documented rate limits enforced",
    response: { status: 200, description: "The switch", schema: rateLimitsSchema },
    handle: (_input, { engine }) => ({ body: { enabled: engine.options.rateLimits } }),
  }),
  defineControlRoute({
    method: "PUT",
    path: "/rate-limits",
    summary: "Switch rate limiting on or off",
    body: rateLimitsSchema,
    response: { status: 200, description: "The switch after the change", schema: rateLimitsSchema },
    handle: ({ body }, { engine }) => {
      engine.setRateLimits(body.enabled);
      return { body: { enabled: engine.options.rateLimits } };
    },
  }),
];

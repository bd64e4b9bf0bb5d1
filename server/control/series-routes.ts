import { z } from "zod";
import { chartableEndpoints, serveSeries } from "../panel-series.js";
import { ControlError } from "./control-error.js";
import { defineControlRoute, type ControlRoute } from "./control-route.js";
import { faultRuleSchema } from "./schemas.js";

const seriesQuerySchema = z.strictObject({
  endpoint: z.string().min(1).max(128).meta({ description: "A registry id from GET /__mock/series, e.g. zego.GetRealtimeUsage." }),
  appId: z.string().min(1).max(64).meta({ description: "The AppId whose data to serve." }),
  indicator: z.string().min(1).max(64).meta({ description: "One Volcengine Indicator or ZEGO metric of that endpoint." }),
});

const seriesSchema = z
  .object({
    now: z.number().int().meta({ description: "Mock time the data was served at (epoch ms)." }),
    start: z.number().int().optional(),
    end: z.number().int().optional(),
    dataDelayMs: z.number().int().optional(),
    lines: z
      .array(z.object({ name: z.string(), unit: z.string().optional(), points: z.array(z.tuple([z.number(), z.number()])) }))
      .optional(),
    error: z
      .object({ code: z.string(), message: z.string().optional() })
      .optional()
      .meta({ description: "The vendor error the endpoint answers instead." }),
    faults: z.array(faultRuleSchema).meta({ description: "Active rules that would hit the endpoint's next request (none was used up)." }),
  })
  .meta({ id: "Series" });

/** GET /series: what the panel can chart, and what an endpoint serves now, without spending quota or a fault. */
export const seriesRoutes: ControlRoute[] = [
  defineControlRoute({
    method: "GET",
    path: "/series/endpoints",
    summary: "The endpoints whose data the panel charts, with their indicators or metrics and windows",
    response: {
      status: 200,
      description: "Chartable endpoints",
      schema: z.object({ endpoints: z.array(z.looseObject({ id: z.string() })) }),
    },
    handle: () => ({ body: { endpoints: chartableEndpoints } }),
  }),
  defineControlRoute({
    method: "GET",
    path: "/series",
    summary:
      "What an endpoint serves an AppId now over its lookback, run outside the pipeline (no quota, fault, signature or journal entry)",
    query: seriesQuerySchema,
    response: { status: 200, description: "The series, or the vendor error it answers", schema: seriesSchema },
    handle: ({ query }, { engine }) => {
      const chart = chartableEndpoints.find((candidate) => candidate.id === query.endpoint);
      if (chart === undefined)
        throw new ControlError(
          400,
          `Invalid query: endpoint ${JSON.stringify(query.endpoint)} has no series (known: ${chartableEndpoints.map((c) => c.id).join(", ")})`,
        );
      if (!chart.indicators.includes(query.indicator))
        throw new ControlError(
          400,
          `Invalid query: ${chart.id} has no indicator ${JSON.stringify(query.indicator)} (known: ${chart.indicators.join(", ")})`,
        );
      const answer = serveSeries(engine, chart, query.appId, query.indicator);
      return { body: { now: engine.clock.now(), dataDelayMs: chart.dataDelayMs, ...answer } };
    },
  }),
];

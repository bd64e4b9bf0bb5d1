import { z } from "zod";
import { parseFaultSpec } from "../fault-spec.js";
import { ControlError } from "./control-error.js";
import { defineControlRoute, type ControlRoute } from "./control-route.js";
import { faultIdParamsSchema, faultRuleSchema, faultSpecSchema } from "./schemas.js";

/** GET, POST and DELETE /faults. */
export const faultRoutes: ControlRoute[] = [
  defineControlRoute({
    method: "GET",
    path: "/faults",
    summary: "List the active fault rules",
    response: { status: 200, description: "The rules, in the order they apply", schema: z.object({ faults: z.array(faultRuleSchema) }) },
    handle: (_input, { engine }) => ({ body: { faults: engine.faults.list() } }),
  }),
  defineControlRoute({
    method: "POST",
    path: "/faults",
    summary: "Add a fault rule (error, latency, http or drop)",
    body: faultSpecSchema,
    response: { status: 201, description: "The registered rule", schema: faultRuleSchema },
    handle: ({ body }, { engine }) => {
      try {
        return { status: 201, body: engine.faults.add(parseFaultSpec(body)) };
      } catch (cause) {
        throw new ControlError(400, cause instanceof Error ? cause.message : String(cause));
      }
    },
  }),
  defineControlRoute({
    method: "DELETE",
    path: "/faults",
    summary: "Remove every fault rule (configured ones come back on reset)",
    response: { status: 204, description: "Removed" },
    handle: (_input, { engine }) => {
      engine.faults.clear();
      return { status: 204 };
    },
  }),
  defineControlRoute({
    method: "DELETE",
    path: "/faults/:id",
    summary: "Remove one fault rule",
    params: faultIdParamsSchema,
    response: { status: 204, description: "Removed" },
    handle: ({ params }, { engine }) => {
      if (!engine.faults.remove(params.id)) throw new ControlError(404, `No fault rule ${JSON.stringify(params.id)}`);
      return { status: 204 };
    },
  }),
];

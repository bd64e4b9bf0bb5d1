import { z } from "zod";
import { DURATION_TEXT } from "../../mocks/core/duration.js";
import { faultSpecSchema, vendorSchema } from "../fault-spec.js";

/** A point in time: epoch milliseconds or ISO 8601 text. */
export const timeSchema = z
  .union([z.number().int(), z.string().min(1)])
  .meta({ description: "Epoch milliseconds, or ISO 8601 text such as 2024-05-01T12:00:00Z." });

/** A duration: milliseconds, or text with a unit (`500ms`, `90s`, `5m`, `2h`, `1d`; negative goes back). */
export const durationSchema = z
  .union([z.number().finite(), z.string().regex(DURATION_TEXT, "expected a number of ms or text like 90s, 5m, 2h, 1d")])
  .meta({ description: "Milliseconds, or text with a unit: 500ms, 90s, 5m, 2h, 1d (negative moves back)." });

/** POST /clock: applied in the order set → advance → freeze/unfreeze. */
export const clockCommandSchema = z
  .strictObject({
    set: timeSchema.optional().meta({ description: "Jump to this time." }),
    advance: durationSchema.optional().meta({ description: "Move by this duration." }),
    freeze: z
      .union([z.literal(true), timeSchema])
      .optional()
      .meta({ description: "Stop the clock: true (where it stands) or at a time." }),
    unfreeze: z.literal(true).optional().meta({ description: "Let the clock run again from where it stands." }),
  })
  .meta({ id: "ClockCommand" });

/** The mock clock as the control API reports it. */
export const clockStateSchema = z
  .object({ now: z.number().int(), iso: z.string(), frozen: z.boolean() })
  .meta({ id: "ClockState", description: "Mock time in epoch ms and ISO text; whether it is frozen." });

/** A registered fault rule. */
export const faultRuleSchema = z
  .looseObject({
    id: z.string().meta({ description: "Use it to delete the rule: DELETE /__mock/faults/{id}." }),
    kind: z.enum(["error", "latency", "http", "drop"]),
    remaining: z.number().int().optional().meta({ description: "Hits left, for rules with `times`." }),
  })
  .meta({ id: "FaultRule", description: "A registered fault: the spec as given plus its id and remaining count." });

/** PUT /rate-limits. */
export const rateLimitsSchema = z.strictObject({ enabled: z.boolean() }).meta({ id: "RateLimits" });

/** A number in a query, digits only (no sign, spaces or exponent), its range in the pattern so the OpenAPI document states it. */
const queryNumber = (pattern: RegExp, expected: string, description: string) =>
  z.string().regex(pattern, `expected ${expected}`).transform(Number).meta({ description });

/** Query of GET /journal: every filter given must match. */
export const journalQuerySchema = z.strictObject({
  limit: z.coerce.number().int().positive().optional().meta({ description: "Only the newest N entries (after the other filters)." }),
  vendor: vendorSchema.optional(),
  action: z.string().min(1).max(256).optional().meta({ description: "The action the request asked for, e.g. ListRealTimeQuality." }),
  tenant: z.string().min(1).max(256).optional().meta({ description: "AppId or SecretId (as journaled: a long one as sha256:<hex>)." }),
  status: queryNumber(
    /^(0|[1-5]\d\d)$/,
    "an HTTP status, 100-599 (0: dropped)",
    "HTTP status of the reply (0: a dropped connection).",
  ).optional(),
  errorCode: z.string().min(1).max(256).optional().meta({ description: "The vendor error code of the reply." }),
  after: queryNumber(/^\d{1,15}$/, "a seq (a whole number)", "Only entries with a greater seq (for polling).").optional(),
});

/** A room id in a path: Tencent LCIC room ids are positive integers. */
export const roomIdParamsSchema = z.strictObject({
  roomId: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, "room ids are positive integers")
    .transform(Number),
});

/** A fault id in a path. */
export const faultIdParamsSchema = z.strictObject({ id: z.string().min(1) });

/** The name of an OpenAPI document in a path: `<vendor>.json`. */
export const openApiParamsSchema = z.strictObject({
  document: z.string().meta({ description: "volcengine.json, zego.json or tencent.json" }),
});

/** Every control error. */
export const controlErrorSchema = z
  .object({ error: z.object({ status: z.number().int(), message: z.string() }) })
  .meta({ id: "ControlError" });

export { faultSpecSchema };

import { z } from "zod";
import { validateFaultSpec, type FaultSpec } from "../mocks/core/faults.js";
import { faultCatalog } from "../mocks/vendors.js";
import { describeIssues } from "./describe-issues.js";

/** The three vendors, as the control API and config accept them. */
export const vendorSchema = z.enum(["volcengine", "zego", "tencent"]);

const scope = {
  vendor: vendorSchema.optional().meta({ description: "Only requests of this vendor (required for error faults)." }),
  action: z.string().min(1).optional().meta({ description: "Only this action of the vendor, e.g. ListRealTimeQuality." }),
  times: z.number().int().positive().optional().meta({ description: "Hit only the next N matching requests, then retire." }),
  probability: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .meta({ description: "Hit each matching request with this probability, drawn from the seeded PRNG." }),
};

/** A fault rule as JSON (control API body, config file, `--fault` flag); mirrors `FaultSpec` in mocks/faults.ts. */
export const faultSpecSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({
      kind: z.literal("error"),
      code: z.string().min(1).meta({ description: "A code of the vendor's error catalog." }),
      args: z.array(z.string()).optional().meta({ description: "Values for the catalog message's %s placeholders." }),
      ...scope,
    }),
    z.strictObject({ kind: z.literal("latency"), ms: z.number().min(0).max(60_000), ...scope }),
    z.strictObject({
      kind: z.literal("http"),
      status: z.number().int().min(400).max(599),
      body: z.string().max(65_536).optional().meta({ description: "Body text; default: the status text." }),
      ...scope,
    }),
    z.strictObject({ kind: z.literal("drop"), ...scope }),
  ])
  .meta({ id: "FaultSpec", description: "What a fault does (kind) and which requests it hits (vendor, action, times, probability)." });

/**
 * Checks a fault spec from untrusted JSON: its shape here, then what the engine checks for every
 * caller (the vendor knows the action, an error code is in the vendor's catalog, values in range).
 * Throws an Error with a readable message.
 */
export function parseFaultSpec(input: unknown): FaultSpec {
  const parsed = faultSpecSchema.safeParse(input);
  if (!parsed.success) throw new Error(`Invalid fault: ${describeIssues(parsed.error)}`);
  const spec = stripUndefined(parsed.data) as FaultSpec;
  const problem = validateFaultSpec(spec, faultCatalog);
  if (problem !== null) throw new Error(`Invalid fault: ${problem}`);
  return spec;
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

import { z } from "zod";
import type { Vendor } from "../schemas/common/endpoint.js";
import { endpoints } from "../schemas/registry.js";
import { validateFaultSpec, type FaultSpec } from "../mocks/core/faults.js";
import { vendorProtocols } from "../mocks/vendors.js";
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
 * Checks a fault spec from untrusted JSON: its shape, that the vendor knows the action, that an
 * error code is in the vendor's catalog (the engine renders it in that vendor's envelope), and the
 * engine's own `validateFaultSpec`. Throws an Error with a readable message.
 */
export function parseFaultSpec(input: unknown): FaultSpec {
  const parsed = faultSpecSchema.safeParse(input);
  if (!parsed.success) throw new Error(`Invalid fault: ${describeIssues(parsed.error)}`);
  const spec = stripUndefined(parsed.data) as FaultSpec;
  if (spec.action !== undefined) {
    if (spec.vendor === undefined) throw new Error("Invalid fault: an action needs its vendor");
    const actions = actionsOf(spec.vendor);
    if (!actions.includes(spec.action)) {
      throw new Error(
        `Invalid fault: ${spec.vendor} has no action ${JSON.stringify(spec.action)} (known: ${actions.join(", ") || "none"})`,
      );
    }
  }
  if (spec.kind === "error") {
    if (spec.vendor === undefined) throw new Error("Invalid fault: error faults need a vendor, whose catalog the code comes from");
    const errors = vendorProtocols.find((protocol) => protocol.vendor === spec.vendor)?.errors ?? {};
    if (!Object.hasOwn(errors, spec.code)) {
      throw new Error(`Invalid fault: ${JSON.stringify(spec.code)} is not in the ${spec.vendor} error catalog`);
    }
  }
  const problem = validateFaultSpec(spec);
  if (problem !== null) throw new Error(`Invalid fault: ${problem}`);
  return spec;
}

function actionsOf(vendor: Vendor): string[] {
  return endpoints.filter((endpoint) => endpoint.vendor === vendor).map((endpoint) => endpoint.action);
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

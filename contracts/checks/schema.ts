import type { z } from "zod";
import type { ObservedExchange } from "../observed.js";
import { joinPath, violation, type Violation } from "../violation.js";
import { unknownFields } from "./unknown-fields.js";

type Issue = z.core.$ZodIssue;

/** Flattens zod issues into violations; for a failed union, the closest branch's issues are reported. */
export function issuesToViolations(issues: readonly Issue[], prefix: readonly PropertyKey[] = []): Violation[] {
  const out: Violation[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const closest = issue.errors.reduce((best, branch) => (branch.length < best.length ? branch : best));
      if (closest.length > 0) {
        out.push(...issuesToViolations(closest, path));
        continue;
      }
    }
    out.push(violation("schema", joinPath(path), issue.message));
  }
  return out;
}

/** The reply must be JSON and match `schema` (the registry's whole-envelope schema); unknown fields are warnings. */
export function checkAgainstSchema(x: ObservedExchange, schema: z.ZodType, which: "response" | "errorResponse"): Violation[] {
  if (x.response.json === undefined) {
    return [violation("json", "$", `reply is not JSON (${x.response.jsonError ?? "unparseable"}): ${x.response.body.slice(0, 120)}`)];
  }
  const result = schema.safeParse(x.response.json);
  const out = result.success ? [] : issuesToViolations(result.error.issues);
  for (const v of out) v.message = `${which}: ${v.message}`;
  out.push(...unknownFields(schema, x.response.json));
  return out;
}

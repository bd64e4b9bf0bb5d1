import type { z } from "zod";
import type { ObservedExchange } from "../observed.js";
import { joinPath, violation, type Violation } from "../violation.js";
import { unknownFields } from "./unknown-fields.js";

type Issue = z.core.$ZodIssue;

/** What a JSON value is, in words: "a string", "an integer", "null". */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a number with a fraction";
  if (typeof value === "object") return "an object";
  return typeof value === "string" ? "a string" : `a ${typeof value}`;
}

function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

/** The value at a path of the reply. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const step of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[step];
  }
  return current;
}

/** An issue as a plain statement of the drift: "Code is a string, not a number", "Total is missing". */
function describeIssue(issue: Issue, path: readonly PropertyKey[], root: unknown): string {
  const field = String(path.at(-1) ?? "the reply");
  const value = valueAt(root, path);
  switch (issue.code) {
    case "invalid_type":
      if (value === undefined) return `${field} is missing (required)`;
      return `${field} is ${kindOf(value)}, not ${article(issue.expected === "int" ? "integer" : issue.expected)}`;
    case "invalid_value":
      return `${field} is ${JSON.stringify(value)}, not ${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`}`;
    case "too_small":
      return `${field} is ${JSON.stringify(value)}, below the minimum ${String(issue.minimum)}`;
    case "too_big":
      return `${field} is ${JSON.stringify(value)}, above the maximum ${String(issue.maximum)}`;
    case "invalid_format":
      return `${field} ${JSON.stringify(value)} is not ${issue.format === "regex" ? "in the documented format" : `a valid ${issue.format}`}`;
    default:
      return issue.message;
  }
}

/**
 * Flattens zod issues into violations worded as the drift they are; for a failed union, the closest
 * branch's issues are reported. `root` is the value the issues' paths point into.
 */
export function issuesToViolations(issues: readonly Issue[], prefix: readonly PropertyKey[] = [], root?: unknown): Violation[] {
  const out: Violation[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const closest = issue.errors.reduce((best, branch) => (branch.length < best.length ? branch : best));
      if (closest.length > 0) {
        out.push(...issuesToViolations(closest, path, root));
        continue;
      }
    }
    out.push(violation("schema", joinPath(path), root === undefined ? issue.message : describeIssue(issue, path, root)));
  }
  return out;
}

/** The reply must be JSON and match `schema` (the registry's whole-envelope schema); unknown fields are warnings. */
export function checkAgainstSchema(x: ObservedExchange, schema: z.ZodType, which: "response" | "errorResponse"): Violation[] {
  if (x.response.json === undefined) {
    return [violation("json", "$", `reply is not JSON (${x.response.jsonError ?? "unparseable"}): ${x.response.body.slice(0, 120)}`)];
  }
  const result = schema.safeParse(x.response.json);
  const out = result.success ? [] : issuesToViolations(result.error.issues, [], x.response.json);
  for (const v of out) v.message = `${which}: ${v.message}`;
  out.push(...unknownFields(schema, x.response.json));
  return out;
}

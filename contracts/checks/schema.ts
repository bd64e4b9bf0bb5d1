import type { z } from "zod";
import type { ObservedExchange } from "../observed.js";
import { joinPath, violation, type Violation } from "../violation.js";
import { unknownFields } from "./unknown-fields.js";

type Issue = z.core.$ZodIssue;

/** What a JSON value is, in words: `a string ("12")`, "an integer", "null". */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a number with a fraction";
  if (typeof value === "string") return value.length <= 24 ? `a string (${JSON.stringify(value)})` : "a string";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** Zod's type names as the kinds a reader knows from JSON. */
const EXPECTED: Record<string, string> = {
  int: "an integer",
  bigint: "an integer",
  number: "a number",
  string: "a string",
  boolean: "a boolean",
  array: "a list",
  tuple: "a list",
  object: "an object",
  record: "an object",
  null: "null",
};

const expectedKind = (expected: string) => EXPECTED[expected] ?? `a ${expected}`;

/** A value as the reply has it, shortened: `"abc"`, `12`, `[…3 items]`. */
function show(value: unknown): string {
  if (Array.isArray(value)) return `[…${value.length} items]`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

const oneOf = (values: readonly unknown[]) => (values.length === 1 ? show(values[0]) : `one of ${values.map((v) => show(v)).join(", ")}`);

/** The value at a path of the reply. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const step of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[step];
  }
  return current;
}

/** The field an issue is about: its name, with the index when it is an element of a list (`Values[3]`). */
function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "the reply";
  let start = path.length - 1;
  while (start > 0 && typeof path[start] === "number") start--;
  return joinPath(path.slice(start));
}

/** A union whose every branch failed only on the value's type: the kinds it may be, or undefined. */
function unionKinds(issue: Issue): string[] | undefined {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return undefined;
  const kinds: string[] = [];
  for (const branch of issue.errors) {
    const only = branch.length === 1 ? branch[0]! : undefined;
    if (only?.code !== "invalid_type" || only.path.length > 0) return undefined;
    kinds.push(expectedKind(only.expected));
  }
  return [...new Set(kinds)];
}

/** How much of something there is: "0 characters", "3 items". */
function size(value: unknown, origin: string): string | undefined {
  if (origin === "string" && typeof value === "string") return `${value.length} character${value.length === 1 ? "" : "s"}`;
  if ((origin === "array" || origin === "set") && Array.isArray(value)) return `${value.length} item${value.length === 1 ? "" : "s"}`;
  return undefined;
}

/**
 * An issue as a plain statement of the drift, naming the field and what it is instead of what it
 * should be: "Code is a string ("0"), not a number", "Total is missing (required)".
 */
function describeIssue(issue: Issue, path: readonly PropertyKey[], root: unknown): string {
  const field = fieldName(path);
  const value = valueAt(root, path);
  switch (issue.code) {
    case "invalid_type":
      if (value === undefined) return `${field} is missing (required)`;
      if (issue.expected === "undefined" || issue.expected === "never") return `${field} must not be there, but is ${kindOf(value)}`;
      if (issue.expected === "int" && Number.isInteger(value)) return `${field} is ${show(value)}, too large to be an exact integer`;
      return `${field} is ${kindOf(value)}, not ${expectedKind(issue.expected)}`;
    case "invalid_value":
      // Another type than every allowed value is type drift: say the type ("a string ("0"), not 0").
      return `${field} is ${issue.values.some((v) => typeof v === typeof value) ? show(value) : kindOf(value)}, not ${oneOf(issue.values)}`;
    case "too_small": {
      const amount = size(value, issue.origin);
      if (amount !== undefined) return `${field} has ${amount}, fewer than the minimum ${String(issue.minimum)}`;
      return issue.inclusive === false
        ? `${field} is ${show(value)}, not above ${String(issue.minimum)}`
        : `${field} is ${show(value)}, below the minimum ${String(issue.minimum)}`;
    }
    case "too_big": {
      const amount = size(value, issue.origin);
      if (amount !== undefined) return `${field} has ${amount}, more than the maximum ${String(issue.maximum)}`;
      return issue.inclusive === false
        ? `${field} is ${show(value)}, not below ${String(issue.maximum)}`
        : `${field} is ${show(value)}, above the maximum ${String(issue.maximum)}`;
    }
    case "invalid_format": {
      const format = issue as Issue & { prefix?: string; suffix?: string; includes?: string };
      if (issue.format === "regex") return `${field} is ${show(value)}, not in the documented format ${issue.pattern ?? ""}`.trimEnd();
      if (issue.format === "starts_with") return `${field} is ${show(value)}, which does not start with ${show(format.prefix)}`;
      if (issue.format === "ends_with") return `${field} is ${show(value)}, which does not end with ${show(format.suffix)}`;
      if (issue.format === "includes") return `${field} is ${show(value)}, which does not contain ${show(format.includes)}`;
      return `${field} is ${show(value)}, not a valid ${issue.format}`;
    }
    case "not_multiple_of":
      return `${field} is ${show(value)}, not a multiple of ${String(issue.divisor)}`;
    case "unrecognized_keys":
      return `${field} has ${issue.keys.length === 1 ? "a field" : "fields"} the contract does not allow: ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`;
    case "invalid_union": {
      if (value === undefined) return `${field} is missing (required)`;
      const kinds = unionKinds(issue);
      if (kinds !== undefined) return `${field} is ${kindOf(value)}, not ${kinds.join(" or ")}`;
      const options = "options" in issue ? issue.options : undefined;
      if (options !== undefined && options.length > 0) return `${field} is ${show(value)}, not ${oneOf(options)}`;
      return `${field}: ${issue.message}`;
    }
    default:
      return `${field}: ${issue.message}`;
  }
}

/**
 * Flattens zod issues into violations worded as the drift they are; for a failed union, the closest
 * branch's issues are reported, unless every branch only wanted another type (then one line names
 * them all). `root` is the value the issues' paths point into; without it, zod's own wording is kept.
 */
export function issuesToViolations(issues: readonly Issue[], prefix: readonly PropertyKey[] = [], root?: unknown): Violation[] {
  const out: Violation[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === "invalid_union" && issue.errors.length > 0 && (root === undefined || unionKinds(issue) === undefined)) {
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

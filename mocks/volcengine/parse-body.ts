import type { z } from "zod";
import { bodyText, type MockRequest } from "../core/reply.js";
import type { VendorError } from "../core/vendor.js";

/** Shown in messages about malformed times. */
const RFC3339_HINT = "an RFC3339 time with offset, e.g. 2021-07-24T00:00:00+08:00";

/** `Indicator[0]`, `UserId`, or `body` for the root. */
function pathText(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "body";
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`)).join("");
}

/** Is the value at `path` of `root` absent? (zod reports a missing field as invalid_type.) */
function isMissing(root: unknown, path: readonly PropertyKey[]): boolean {
  let value: unknown = root;
  for (const part of path) {
    if (value === null || typeof value !== "object") return true;
    value = (value as Record<PropertyKey, unknown>)[part as string];
  }
  return value === undefined;
}

/** One sentence naming the field, for `InvalidParameter`'s message. */
export function describeIssue(issue: z.core.$ZodIssue, root: unknown): string {
  const field = pathText(issue.path);
  switch (issue.code) {
    case "invalid_type":
      return isMissing(root, issue.path)
        ? `${field} is required`
        : `${field} must be ${issue.expected === "array" ? "an array" : `a ${issue.expected}`}`;
    case "unrecognized_keys":
      return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((key) => key.slice(0, 64)).join(", ")}${field === "body" ? "" : ` in ${field}`}`;
    case "invalid_value":
      return isMissing(root, issue.path) ? `${field} is required` : `${field} must be one of ${issue.values.map(String).join(", ")}`;
    case "invalid_format":
      return issue.format === "datetime" ? `${field} must be ${RFC3339_HINT}` : `${field} has an invalid format`;
    case "too_big":
      return `${field} allows at most ${String(issue.maximum)} item${issue.maximum === 1 ? "" : "s"}`;
    case "too_small":
      return `${field} must not be empty`;
    default:
      return `${field}: ${issue.message}`;
  }
}

/**
 * Reads a JSON body's text: empty → InvalidParameter.BodyIsEmpty, not a JSON object →
 * InvalidParameter.Unmarshal (https://volcengine.com/docs/6348/70426). Returns the parsed object.
 */
export function parseJsonBody(text: string): { json: Record<string, unknown> } | { error: VendorError } {
  if (text.trim() === "") return { error: { code: "InvalidParameter.BodyIsEmpty" } };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    // JSON.parse messages quote the input: keep only the first line, cap it, and drop the
    // "(line L column C)" newer V8 appends (Node 24), so the reply is the same bytes on every Node.
    const reason =
      cause instanceof SyntaxError
        ? cause.message
            .split("\n")[0]!
            .replace(/ \(line \d+ column \d+\)$/, "")
            .slice(0, 120)
        : "invalid JSON";
    return { error: { code: "InvalidParameter.Unmarshal", args: [reason] } };
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    return {
      error: {
        code: "InvalidParameter.Unmarshal",
        args: [`the body must be a JSON object, not ${json === null ? "null" : Array.isArray(json) ? "an array" : `a ${typeof json}`}`],
      },
    };
  }
  return { json: json as Record<string, unknown> };
}

/** At most this many problems are listed in one message. */
const MAX_LISTED_ISSUES = 5;

/** Validates a parsed body against the endpoint's wire schema; the problems (up to five) become one `InvalidParameter` message. */
export function validateBody<T>(
  schema: z.ZodType<T>,
  json: Record<string, unknown>,
  knownFields: readonly string[],
  rejectUnknownFields: boolean,
): { value: T } | { error: VendorError } {
  let candidate = json;
  if (!rejectUnknownFields) {
    candidate = {};
    for (const field of knownFields) if (field in json) candidate[field] = json[field];
  }
  const result = schema.safeParse(candidate);
  if (result.success) return { value: result.data };
  const problems = result.error.issues.slice(0, MAX_LISTED_ISSUES).map((issue) => describeIssue(issue, candidate));
  return { error: { code: "InvalidParameter", args: [problems.join("; ")] } };
}

/**
 * Reads the JSON object of a request's body (see `parseJsonBody`). With `nullAsAbsent`, a top-level
 * field sent as `null` is read as absent (a client serializer that writes nulls for unset optional
 * fields then works; a required field sent as null is still "required").
 */
export function readJsonBody(request: MockRequest, nullAsAbsent: boolean): { json: Record<string, unknown> } | { error: VendorError } {
  const read = parseJsonBody(request.rawBody.length === 0 ? "" : bodyText(request));
  if ("error" in read || !nullAsAbsent) return read;
  return { json: Object.fromEntries(Object.entries(read.json).filter(([, value]) => value !== null)) };
}

import type { Violation } from "../violation.js";

/** Response header with the number of contract violations (errors) found in the reply. */
export const VIOLATIONS_HEADER = "x-contract-violations";
/** Response header with the violations themselves: JSON, non-ASCII escaped, cut to fit a header. */
export const VIOLATION_DETAILS_HEADER = "x-contract-violation-details";
/** Response header naming the endpoint the proxy judged the reply as (or `unknown`). */
export const ENDPOINT_HEADER = "x-contract-endpoint";
/** Request header a contract run sends so that recordings know their case; never forwarded. */
export const CASE_HEADER = "x-contract-case";
/** Request header with the index of the request within its case; never forwarded. */
export const STEP_HEADER = "x-contract-step";

const MAX_DETAILS = 4_000;

/** The two violation headers for a reply (details only when there is something to say). */
export function violationHeaders(violations: readonly Violation[]): Record<string, string> {
  const errors = violations.filter((v) => v.severity === "error");
  const out: Record<string, string> = { [VIOLATIONS_HEADER]: String(errors.length) };
  if (violations.length === 0) return out;
  const items = violations.map((v) => ({ severity: v.severity, rule: v.rule, path: v.path, message: v.message }));
  let text = asciiJson(items);
  // Drop trailing items until the header fits; say how many were left out.
  for (let keep = items.length - 1; text.length > MAX_DETAILS && keep >= 1; keep--) {
    text = asciiJson([
      ...items.slice(0, keep),
      { severity: "error", rule: "truncated", path: "$", message: `${items.length - keep} more` },
    ]);
  }
  out[VIOLATION_DETAILS_HEADER] =
    text.length > MAX_DETAILS
      ? asciiJson([{ severity: "error", rule: "truncated", path: "$", message: `${items.length} violations` }])
      : text;
  return out;
}

/** JSON with every non-printable-ASCII character escaped, so it is a valid header value. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** One log line for a proxied exchange. */
export function logLine(endpointId: string, status: number, violations: readonly Violation[], mode: "forward" | "replay"): string {
  const errors = violations.filter((v) => v.severity === "error");
  const head = `contract-proxy ${mode} ${endpointId} HTTP ${status}`;
  if (errors.length === 0)
    return `${head} ok${violations.length > 0 ? ` (${violations.length} warning${violations.length === 1 ? "" : "s"})` : ""}`;
  return `${head} ${errors.length} violation${errors.length === 1 ? "" : "s"}: ${errors
    .slice(0, 3)
    .map((v) => `${v.path}: ${v.message}`)
    .join("; ")}${errors.length > 3 ? "; …" : ""}`;
}

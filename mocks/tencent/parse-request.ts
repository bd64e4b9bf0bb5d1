import type { z } from "zod";
import { DescribeRoomStatisticsRequest } from "../../schemas/tencent/describe-room-statistics.js";
import { tencentMaxGetBytes, tencentMaxPostBytes } from "../../schemas/tencent/limits.js";
import { secretIdOf } from "../../schemas/tencent/signing.js";
import { bodyText, type MockRequest } from "../core/reply.js";
import type { VendorError } from "../core/vendor.js";
import { tencentV1Params } from "./v1-params.js";

/** Body keys in the order their problems are reported. */
const FIELDS = ["RoomId", "Page", "Limit"] as const;

/**
 * API 3.0 common parameters a signature v1 request carries next to the business parameters (query or
 * form body), and a GET may carry in its query. They are not business parameters, so the strict key
 * check skips them. https://intl.cloud.tencent.com/document/api/238/32088
 */
const COMMON_QUERY_KEYS = new Set([
  "Action",
  "Version",
  "Region",
  "Timestamp",
  "Nonce",
  "SecretId",
  "Signature",
  "SignatureMethod",
  "Token",
  "Language",
  "RequestClient",
]);

/**
 * Quota scope of a request: the SecretId of its Authorization Credential, else the v1 `SecretId`
 * parameter, else `anonymous` (auth off).
 */
export function tenantOf(request: MockRequest): string {
  return secretIdOf(request.headers.authorization) ?? tencentV1Params(request)?.get("SecretId") ?? "anonymous";
}

/** The business parameters among decoded query or form parameters; integer text becomes a number. */
function businessParameters(entries: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    if (COMMON_QUERY_KEYS.has(key)) continue;
    params[key] = /^-?\d{1,20}$/.test(value) ? Number(value) : value;
  }
  return params;
}

/**
 * Reads the business parameters: a JSON body for POST (Content-Type application/json, as TC3 POST
 * requires), the query for GET (what the SDK sends with reqMethod GET; integers arrive as text and are
 * converted here), and for signature v1 the same query or form body that carries the signature.
 * https://cloud.tencent.com/document/product/1278/46710
 */
function readParameters(request: MockRequest): { params: unknown } | { text: string } | { error: VendorError } {
  if (request.method === "GET") {
    if (request.url.href.length > tencentMaxGetBytes.value)
      return {
        error: {
          code: "RequestSizeLimitExceeded",
          message: `The request size exceeds the limit: a GET request may have at most ${tencentMaxGetBytes.value} bytes.`,
        },
      };
    return { params: businessParameters(request.url.searchParams) };
  }
  if (request.rawBody.length > tencentMaxPostBytes.value)
    return {
      error: {
        code: "RequestSizeLimitExceeded",
        message: `The request size exceeds the limit: a POST body may have at most ${tencentMaxPostBytes.value} bytes.`,
      },
    };
  // A v1 POST: the form body (checked for its Content-Type already) holds the parameters.
  const v1 = request.headers["x-tc-action"] === undefined ? tencentV1Params(request) : null;
  if (v1 !== null) return { params: businessParameters(v1) };
  const contentType = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (contentType !== "application/json") {
    return {
      error: {
        code: "InvalidParameter",
        message: `The Content-Type \`${contentType || "(none)"}\` is not supported: TC3-HMAC-SHA256 POST requests must send application/json.`,
      },
    };
  }
  return { text: bodyText(request) };
}

/** Parses the text of a POST body (checked for size and Content-Type already) into parameters. */
function parseBodyText(text: string): { params: unknown } | { error: VendorError } {
  if (text.trim() === "") return { params: {} };
  try {
    return { params: JSON.parse(text) as unknown };
  } catch {
    return { error: { code: "InvalidParameter", message: "The request body is not valid JSON." } };
  }
}

/** Maps the schema's issues to the vendor's codes: unknown key, then missing, then type, then value. */
function toVendorError(params: Record<string, unknown>, issues: readonly z.core.$ZodIssue[]): VendorError {
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") return { code: "UnknownParameter", args: [issue.keys[0]!] };
  }
  for (const field of FIELDS) if (params[field] === undefined || params[field] === null) return { code: "MissingParameter", args: [field] };
  for (const field of FIELDS) {
    const issue = issues.find((candidate) => candidate.path[0] === field);
    if (issue === undefined) continue;
    if (issue.code === "invalid_type") return { code: "InvalidParameter", args: [field] };
    if (issue.code === "too_big")
      return { code: "InvalidParameterValue", args: [String(params[field]), field, `must be at most ${issue.maximum}`] };
    if (issue.code === "too_small")
      return { code: "InvalidParameterValue", args: [String(params[field]), field, `must be at least ${issue.minimum}`] };
    return { code: "InvalidParameterValue", args: [String(params[field]), field, issue.message] };
  }
  return { code: "InvalidParameter", message: issues[0]?.message ?? "Invalid request." };
}

/**
 * Parses a DescribeRoomStatistics request strictly against the registry schema. Unknown key →
 * UnknownParameter (documented message format); missing → MissingParameter; wrong type or bad JSON →
 * InvalidParameter; out of range (Limit > 1000, Page < 1) → InvalidParameterValue (these two codes are
 * assumed: the vendor documents the ranges, not the error). https://www.tencentcloud.com/document/api/1168/52791
 */
export function parseDescribeRoomStatistics(request: MockRequest): ParsedStatisticsRequest {
  const read = readParameters(request);
  if ("error" in read) return read;
  if ("params" in read) return validateParameters(read.params);
  const body = parseBodyText(read.text);
  return "error" in body ? body : validateParameters(body.params);
}

type ParsedStatisticsRequest = { input: DescribeRoomStatisticsRequest } | { error: VendorError };

/** Checks decoded parameters against the strict schema and maps its issues to the vendor's codes. */
function validateParameters(params: unknown): ParsedStatisticsRequest {
  if (typeof params !== "object" || params === null || Array.isArray(params)) {
    return { error: { code: "InvalidParameter", message: "The request body must be a JSON object." } };
  }
  const parsed = DescribeRoomStatisticsRequest.safeParse(params);
  if (parsed.success) return { input: parsed.data };
  return { error: toVendorError(params as Record<string, unknown>, parsed.error.issues) };
}

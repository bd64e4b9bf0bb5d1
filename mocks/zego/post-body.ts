import { bodyText, type MockRequest } from "../core/reply.js";
import type { VendorError } from "../core/vendor.js";

/** What a body key may look like: a parameter name, as in the query (`Metrics` or `Metrics[]`). */
const PARAM_KEYS = /^[A-Za-z][A-Za-z0-9_]{0,63}(\[\])?$/;

/**
 * The request's business parameters: the query, plus, for a POST with a body, the JSON body's keys.
 * ZEGO's access page: "POST: common parameters in the query, business parameters as a JSON body"
 * (https://doc-zh.zego.im/analytics-dashboard-server/access-server-apis). A body array becomes
 * repeated parameters (`"Metrics": ["a", "b"]` reads like `Metrics[]=a&Metrics[]=b`) and a number
 * its decimal text, so one parser checks both forms alike; a body key replaces the query's. A body that is not a JSON object of
 * strings, numbers or arrays of them → 10001 (assumed: the format-error code).
 */
export function businessParams(request: MockRequest): { params: URLSearchParams } | { error: VendorError } {
  const params = new URLSearchParams(request.url.searchParams);
  if (request.method !== "POST" || request.rawBody.byteLength === 0) return { params };
  let body: unknown;
  try {
    body = JSON.parse(bodyText(request));
  } catch {
    return { error: { code: "10001", args: ["the POST body must be a JSON object of business parameters"] } };
  }
  if (body === null || typeof body !== "object" || Array.isArray(body))
    return { error: { code: "10001", args: ["the POST body must be a JSON object of business parameters"] } };
  const entries = Object.entries(body);
  for (const [key, value] of entries) {
    const values = Array.isArray(value) ? value : [value];
    if (!PARAM_KEYS.test(key) || values.some((item) => typeof item !== "string" && typeof item !== "number"))
      return {
        error: { code: "10001", args: [`body parameter ${JSON.stringify(key.slice(0, 64))} must be a string, a number or a list of them`] },
      };
  }
  // The body is where POST business parameters belong: a body key replaces the query's (with or without brackets).
  for (const [key] of entries) {
    const name = key.replace(/\[\]$/, "");
    params.delete(name);
    params.delete(`${name}[]`);
  }
  for (const [key, value] of entries) for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  return { params };
}

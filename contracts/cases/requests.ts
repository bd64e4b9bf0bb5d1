import type { EndpointDefinition } from "../../schemas/common/endpoint.js";
import type { ContractRequest } from "../exchange.js";

/** A Volcengine call: POST `/?Action=&Version=` with a JSON body (https://volcengine.com/docs/6348/1178322). */
export function volcengineRequest(endpoint: EndpointDefinition, body: unknown, version = endpoint.version ?? ""): ContractRequest {
  return {
    method: "POST",
    path: `/?Action=${encodeURIComponent(endpoint.action)}&Version=${encodeURIComponent(version)}`,
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
}

/** A ZEGO call: GET with every business parameter in the query; the target adds the signature parameters. */
export function zegoRequest(params: readonly (readonly [string, string])[]): ContractRequest {
  // Brackets of Metrics[] stay raw, as the ZEGO docs send them.
  const query = params.map(([k, v]) => `${encodeURIComponent(k).replace(/%5B%5D$/, "[]")}=${encodeURIComponent(v)}`).join("&");
  return { method: "GET", path: `/?${query}`, headers: {}, body: "" };
}

/** A Tencent Cloud API 3.0 call: POST `/`, action and version in X-TC-* headers, JSON body. */
export function tencentRequest(
  endpoint: EndpointDefinition,
  body: unknown,
  overrides: { action?: string; version?: string } = {},
): ContractRequest {
  return {
    method: "POST",
    path: "/",
    headers: {
      "content-type": "application/json",
      "x-tc-action": overrides.action ?? endpoint.action,
      "x-tc-version": overrides.version ?? endpoint.version ?? "",
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
}

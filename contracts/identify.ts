import type { EndpointDefinition, Vendor } from "../schemas/common/endpoint.js";
import { endpoints } from "../schemas/registry.js";
import type { ContractRequest } from "./exchange.js";

const PATH_BASE = "http://contract.invalid";

/** Which vendor a request speaks, by its shape: Tencent's X-TC-Action header, ZEGO's query signature or action, else Volcengine. */
export function vendorOfRequest(request: Pick<ContractRequest, "path" | "headers">): Vendor {
  if (request.headers["x-tc-action"] !== undefined) return "tencent";
  const query = new URL(request.path, PATH_BASE).searchParams;
  if (query.has("SignatureVersion") || query.has("SignatureNonce")) return "zego";
  const action = query.get("Action");
  if (action !== null && endpoints.some((e) => e.vendor === "zego" && e.action === action)) return "zego";
  return "volcengine";
}

/** The registry endpoint a request addresses (action, version and method must all match), or undefined. */
export function endpointOfRequest(request: Pick<ContractRequest, "method" | "path" | "headers">): EndpointDefinition | undefined {
  const vendor = vendorOfRequest(request);
  const query = new URL(request.path, PATH_BASE).searchParams;
  return endpoints.find((e) => {
    if (e.vendor !== vendor || e.method !== request.method.toUpperCase()) return false;
    const action = e.actionCarrier === "header" ? request.headers["x-tc-action"] : query.get("Action");
    const version = e.actionCarrier === "header" ? request.headers["x-tc-version"] : query.get("Version");
    return action === e.action && (e.version === null || version === e.version);
  });
}

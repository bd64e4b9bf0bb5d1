import { tencentEndpoints } from "./tencent/index.js";
import { volcengineEndpoints } from "./volcengine/index.js";
import { zegoEndpoints } from "./zego/index.js";

/** The one list of endpoints every layer iterates: routes, MSW handlers, OpenAPI, contract cases, docs. */
export const endpoints = [...volcengineEndpoints, ...zegoEndpoints, ...tencentEndpoints] as const;

/** Looks an endpoint up by its registry id. */
export function endpointById(id: string) {
  return endpoints.find((endpoint) => endpoint.id === id);
}

/** `vendor.Action` of every registered endpoint; tables keyed by it must name each one. */
export type EndpointId = (typeof endpoints)[number]["id"];

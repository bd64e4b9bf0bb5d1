import type { EndpointDefinition } from "../common/endpoint.js";

/** PLACEHOLDER until the tencent schemas land. */
export const tencentEndpoints: readonly EndpointDefinition[] = [];

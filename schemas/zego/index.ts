import type { EndpointDefinition } from "../common/endpoint.js";

/** PLACEHOLDER until the zego schemas land. */
export const zegoEndpoints: readonly EndpointDefinition[] = [];

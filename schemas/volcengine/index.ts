import type { EndpointDefinition } from "../common/endpoint.js";

/** PLACEHOLDER until the volcengine schemas land. */
export const volcengineEndpoints: readonly EndpointDefinition[] = [];

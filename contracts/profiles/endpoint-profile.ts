import type { Check } from "../observed.js";

/**
 * What the contract checks in a successful reply of one endpoint beyond its schema: time rules,
 * value ranges and consistency between related metrics. Error replies are judged per vendor.
 */
export interface EndpointProfile {
  endpointId: string;
  success: readonly Check[];
}

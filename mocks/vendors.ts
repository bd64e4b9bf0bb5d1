import type { Vendor } from "../schemas/common/endpoint.js";
import { endpoints } from "../schemas/registry.js";
import type { FaultCatalog } from "./core/faults.js";
import type { EngineContext, VendorDefinition } from "./core/vendor.js";
import { tencentVendor } from "./tencent/vendor.js";
import { volcengineVendor } from "./volcengine/vendor.js";
import { zegoVendor } from "./zego/vendor.js";

/** The three vendors; a missing one fails to compile. */
export const vendors = {
  volcengine: volcengineVendor,
  zego: zegoVendor,
  tencent: tencentVendor,
} satisfies { [V in Vendor]: VendorDefinition & { vendor: V } };

/** Each vendor's backend type, as its `createBackend` makes it. */
export type Backends = { [V in Vendor]: ReturnType<(typeof vendors)[V]["createBackend"]> };

/** Every vendor's state for one engine. */
export function createBackends(ctx: EngineContext): Backends {
  return {
    volcengine: vendors.volcengine.createBackend(ctx),
    zego: vendors.zego.createBackend(ctx),
    tencent: vendors.tencent.createBackend(ctx),
  };
}

/**
 * The order a request's shape is tried in on a shared port: Tencent (X-TC-Action header or a
 * TC3/v1 signature), ZEGO (Action=GetRealtimeUsage, its signature parameters, or an AppId without a
 * Version in the query), then Volcengine, which also answers anything nobody claims with its
 * gateway's MissingParameter error (assumed).
 */
export const vendorClaimOrder: readonly VendorDefinition[] = [vendors.tencent, vendors.zego, vendors.volcengine];

/** What fault rules may name: each vendor's actions (from the registry) and error codes (from its catalog). */
export const faultCatalog: FaultCatalog = (vendor) =>
  Object.hasOwn(vendors, vendor)
    ? {
        actions: endpoints.filter((endpoint) => endpoint.vendor === vendor).map((endpoint) => endpoint.action),
        errors: vendors[vendor].errors,
      }
    : undefined;

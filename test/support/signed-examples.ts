import type { Vendor } from "../../schemas/common/endpoint.js";
import { endpoints, type EndpointId } from "../../schemas/registry.js";
import { T0 } from "./clock.js";
import { DEFAULT_ORIGIN, vendorRequest, type RequestChanges, type SignOptions, type VendorRequest } from "./requests.js";

/** Where each vendor is reached, e.g. the production hosts or one base URL for all. */
export type Origins = Record<Vendor, string>;

/** The same origin for every vendor. */
export const sameOrigin = (origin: string): Origins => ({ volcengine: origin, zego: origin, tencent: origin });

/** One endpoint's request, tagged with its id. */
export type TaggedRequest = VendorRequest & { id: EndpointId };

/** The demo-credential signing of an endpoint's vendor at mock time `now` for `origin`. */
export function signingAt(id: EndpointId, now: number, origin: string): SignOptions {
  if (id.startsWith("volcengine.")) return { date: now, origin };
  if (id.startsWith("tencent.")) return { timestamp: Math.floor(now / 1000), origin };
  return { timestampSec: Math.floor(now / 1000) };
}

/**
 * The example request of `id` at mock time `now` (default T0) with `changes`, signed with the demo
 * credentials at `now` for `origin`, as a client whose clock agrees with the mock's would sign it.
 */
export function signedExample(id: EndpointId, now = T0, origin = DEFAULT_ORIGIN, changes: RequestChanges = {}): TaggedRequest {
  return { id, ...vendorRequest(id, { ...changes, now, sign: signingAt(id, now, origin) }) };
}

/** Every endpoint's signed example (registry order), each for its vendor's origin; `changes` per endpoint. */
export function signedExamples(
  now = T0,
  origins: Origins = sameOrigin(DEFAULT_ORIGIN),
  changes: Partial<Record<EndpointId, RequestChanges>> = {},
): TaggedRequest[] {
  return endpoints.map((entry) => signedExample(entry.id, now, origins[entry.vendor], changes[entry.id]));
}

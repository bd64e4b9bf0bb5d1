import type { Vendor } from "../schemas/common/endpoint.js";
import { endpointById } from "../schemas/registry.js";
import { requestCount, type ContractCase } from "./case.js";

/** Requests a full run sends to one vendor: by default, with --include-quota-cases, and which cases need state. */
export interface VendorCost {
  cases: number;
  /** Requests of a default run (no quota cases). */
  requests: number;
  /** Extra requests of the quota-spending cases (rate-limit bursts). */
  quotaCaseRequests: number;
  /** Requests of cases that run only where their fixture (a room in some state) exists. */
  stateCaseRequests: number;
  /** Requests of signature cases (rejected by the vendor's gateway before any business logic). */
  authCaseRequests: number;
}

/** Counts the requests a run of `cases` sends to each vendor: its cost in vendor quota. */
export function quotaCost(cases: readonly ContractCase[]): Record<Vendor, VendorCost> {
  const zero = (): VendorCost => ({ cases: 0, requests: 0, quotaCaseRequests: 0, stateCaseRequests: 0, authCaseRequests: 0 });
  const out: Record<Vendor, VendorCost> = { volcengine: zero(), zego: zero(), tencent: zero() };
  for (const c of cases) {
    const vendor = endpointById(c.endpointId)?.vendor;
    if (vendor === undefined) continue;
    const cost = out[vendor];
    const n = requestCount(c);
    cost.cases++;
    if (c.quota) cost.quotaCaseRequests += n;
    else cost.requests += n;
    if (c.needs !== undefined && !c.quota) cost.stateCaseRequests += n;
    if (c.auth) cost.authCaseRequests += n;
  }
  return out;
}

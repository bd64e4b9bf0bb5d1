import type { Vendor } from "../schemas/common/endpoint.js";
import type { Fidelity } from "../schemas/common/sourced.js";

/**
 * One behaviour rule of the fake server for the fidelity ledger (docs/FIDELITY.md is generated
 * from these): documented with its source, or assumed with the reason and the switch that changes it.
 */
export interface LedgerEntry {
  vendor: Vendor | "all";
  /** Endpoint action the rule applies to; omitted: the whole vendor. */
  action?: string;
  /** The rule, one sentence. */
  rule: string;
  fidelity: Fidelity;
  /** Source URL for documented rules; the reason for assumed ones. */
  source: string;
  /** Option, flag or control call that changes the rule, if any. */
  switch?: string;
}

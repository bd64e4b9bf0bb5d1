import type { Vendor } from "../../schemas/common/endpoint.js";
import type { VendorErrorDefinition } from "../../schemas/common/errors.js";
import type { ObservedExchange } from "../observed.js";
import type { Violation } from "../violation.js";

/** The error a reply carries: its code as catalog key and where in the reply it sits. */
export interface ReplyError {
  code: string;
  path: string;
  message?: string;
}

/** What the contract knows about one vendor's envelope, independent of the action. */
export interface VendorContract {
  vendor: Vendor;
  /** The vendor's error catalog, keyed by code. */
  errors: Readonly<Record<string, VendorErrorDefinition>>;
  /** The error in a parsed reply, or null when the reply reports success. */
  errorOf(json: unknown): ReplyError | null;
  /** Envelope rules beyond the schema that every reply (success or error) must follow. */
  envelope(x: ObservedExchange): Violation[];
  /** Header names that carry a signature or credential (dropped when re-signing or recording). */
  authHeaders: readonly string[];
  /** Query parameters that carry a signature (dropped when re-signing or recording). */
  authQuery: readonly string[];
}

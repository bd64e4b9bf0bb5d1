import type { EndpointDefinition, Vendor } from "../../schemas/common/endpoint.js";
import type { VendorErrorDefinition } from "../../schemas/common/errors.js";
import type { RateLimitRule } from "../../schemas/common/limits.js";
import type { MockReply, MockRequest } from "./reply.js";
import type { EngineContext } from "../engine-context.js";

/** A reference to a catalog error plus its message arguments. */
export interface VendorError {
  /** Key of the vendor's error catalog. */
  code: string;
  /** Values for the catalog message's `%s` placeholders. */
  args?: readonly string[];
  /** Replaces the catalog message (for vendor messages that carry details). */
  message?: string;
}

/** Result of routing a request inside one vendor. */
export type Routed = { endpoint: EndpointDefinition } | { error: VendorError; action?: string };

/** Result of parsing: the typed input plus the tenant that scopes quotas and data. */
export type Parsed = { input: unknown; tenant: string } | { error: VendorError };

/** Result of a resolver: the `Result`/`Data`/`Response` payload, or a catalog error. */
export type Resolved = { result: unknown } | { error: VendorError };

/** What `render` turns into bytes. */
export type Outcome = { result: unknown } | { error: VendorError };

/** Transport-level problems an adapter reports before the engine sees a body. */
export type TransportProblem = "body-too-large" | "malformed-request";

/**
 * Everything vendor-specific, in one object per vendor: how its requests are recognized and
 * routed, authenticated, parsed, resolved and rendered into its envelope. The engine runs the
 * shared pipeline (faults, rate limits, journal) around these hooks.
 */
export interface VendorProtocol {
  vendor: Vendor;
  /** Production hosts; a request to one of them belongs to this vendor whatever its shape. */
  hosts: readonly string[];
  /** Error catalog, keyed by code. */
  errors: Readonly<Record<string, VendorErrorDefinition>>;
  /** On a shared port: does this request look like one of this vendor's (header or query shape)? */
  claims(request: MockRequest): boolean;
  /** Finds the endpoint, or the vendor's routing error (unknown action or version, wrong method). */
  route(request: MockRequest): Routed;
  /** Checks credentials and signature when `ctx.options.auth.mode` is `verify`; null when accepted. */
  authenticate(request: MockRequest, endpoint: EndpointDefinition, ctx: EngineContext): VendorError | null;
  /** Parses and validates the request against the endpoint's schemas. */
  parse(request: MockRequest, endpoint: EndpointDefinition, ctx: EngineContext): Parsed;
  /** The endpoint's behaviour: time rules, world data, room state. */
  resolve(endpoint: EndpointDefinition, input: unknown, tenant: string, ctx: EngineContext): Resolved;
  /** Wraps a result or error in the vendor's envelope and HTTP status. */
  render(outcome: Outcome, meta: RenderMeta, ctx: EngineContext): MockReply;
  /** The vendor's throttle error for a refused request. */
  throttled(rule: RateLimitRule, retryAfterMs: number): VendorError;
  /** The error for a new tenant when the tracked-tenant table is full. */
  capacityExceeded(): VendorError;
  /** The error for a request the adapter could not read (oversized or malformed). */
  transportError(problem: TransportProblem): VendorError;
}

/** Envelope fields that do not come from the outcome. */
export interface RenderMeta {
  endpoint?: EndpointDefinition;
  /** Action as requested (may be unknown to the registry). */
  action?: string;
  /** Version as requested. */
  version?: string;
  /** Deterministic per-request sequence number; vendors format their RequestId from it. */
  requestSeq: number;
}

import type { EndpointDefinition, Vendor } from "../../schemas/common/endpoint.js";
import type { VendorErrorDefinition } from "../../schemas/common/errors.js";
import type { RateLimitRule } from "../../schemas/common/limits.js";
import type { EndpointId } from "../../schemas/registry.js";
import type { ResolvedMockOptions } from "../options.js";
import type { Clock } from "./clock.js";
import type { RateLimiter } from "./rate-limiter.js";
import type { MockReply, MockRequest } from "./reply.js";
import type { World } from "./world.js";

/** A reference to a catalog error plus its message arguments. */
export interface VendorError {
  /** Key of the vendor's error catalog. */
  code: string;
  /** Values for the catalog message's `%s` placeholders. */
  args?: readonly string[];
  /** Replaces the catalog message (for vendor messages that carry details). */
  message?: string;
}

/** Result of routing a request inside one vendor: the registry's endpoint, or the vendor's routing error. */
export type Routed = { id: EndpointId } | { error: VendorError; action?: string };

/** What an envelope wraps: the resolved result as UTF-8 JSON bytes, or a catalog error. */
export type Outcome = { result: Uint8Array } | { error: VendorError };

/** Transport-level problems an adapter reports before the engine sees a body. */
export type TransportProblem = "body-too-large" | "malformed-request";

/** What the engine hands every vendor and behaviour hook: the session's clock, options and seeded world. */
export interface EngineContext {
  clock: Clock;
  world: World;
  options: ResolvedMockOptions;
}

/** A vendor's state. The engine resets it with its own clock, faults and journal. */
export interface Backend {
  /** The vendor's rate-limit tenants (AppIds, SecretIds); one table per vendor. */
  readonly limiter: RateLimiter;
  /** Back to the state right after creation (seeded rooms, empty tables). */
  reset(): void;
}

/** Envelope fields that do not come from the outcome. */
export interface EnvelopeMeta {
  endpoint?: EndpointDefinition;
  /** Action as requested (may be unknown to the registry). */
  action?: string;
  /** The request, for echoed fields (Version, Region). */
  request: MockRequest;
  /** Deterministic per-request sequence number; vendors format their RequestId from it. */
  requestSeq: number;
}

/**
 * Everything vendor-wide, in one object per vendor: how its requests are recognized and routed
 * (from the registry), authenticated, wrapped in its envelope, and the errors the pipeline needs.
 * Endpoint behaviour lives in the behaviour table (mocks/behaviours.ts), state in the backend.
 */
export interface VendorDefinition<B extends Backend = Backend> {
  vendor: Vendor;
  /** Production hosts; a request to one of them belongs to this vendor whatever its shape. */
  hosts: readonly string[];
  /** Host names of the vendor's SDK defaults and regions (e.g. `open-<region>.volcengineapi.com`), matched the same way. */
  hostPatterns: readonly RegExp[];
  /** Error catalog, keyed by code. */
  errors: Readonly<Record<string, VendorErrorDefinition>>;
  /** On a shared port: does this request look like one of this vendor's (header or query shape)? */
  claims(request: MockRequest): boolean;
  /**
   * Finds the endpoint in the registry, or the vendor's routing error (unknown action or version,
   * wrong method). `ctx` carries the switches that change routing (ZEGO's allowPost).
   */
  route(request: MockRequest, ctx: EngineContext): Routed;
  /** Checks credentials and signature (verify mode only); null when accepted. */
  authenticate(request: MockRequest, endpoint: EndpointDefinition, ctx: EngineContext): VendorError | null;
  /** Wraps a result or an error in the vendor's envelope and HTTP status. */
  envelope(outcome: Outcome, meta: EnvelopeMeta, ctx: EngineContext, backend: B): MockReply;
  /** The vendor's throttle error for a refused request. */
  throttled(rule: RateLimitRule, retryAfterMs: number): VendorError;
  /** The error for a new tenant when the vendor's tenant table is full. */
  capacityExceeded(): VendorError;
  /** The error for a request the adapter could not read (oversized or malformed). */
  transportError(problem: TransportProblem): VendorError;
  /** The vendor's internal error, for a bug in a behaviour (never a 500 page or a crash). */
  internalError(detail: string): VendorError;
  /** The vendor's state for one engine. */
  createBackend(ctx: EngineContext): B;
}

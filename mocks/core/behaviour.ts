import type { EndpointId } from "../../schemas/registry.js";
import type { LedgerEntry } from "../ledger.js";
import type { MockRequest } from "./reply.js";
import type { Backend, EngineContext, VendorError } from "./vendor.js";

/** A valid request of an endpoint, relative to the server (no host): what tests, fuzzer, bench and docs page send. */
export interface ExampleRequest {
  method: "GET" | "POST";
  /** Path and query, e.g. `/?Action=ListRealTimeQuality&Version=2020-12-01`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Result of parsing: the typed input plus the tenant that scopes quotas and data, or the vendor's error. */
export type Parsed<Input> = { input: Input; tenant: string } | { error: VendorError };

/**
 * Result of resolving: the reply's result as plain JSON data, or a catalog error. With a `cacheKey`
 * (everything the data depends on besides the seed), `data` is only called when the engine's result
 * cache does not hold the key yet.
 */
export type Resolved = { data: () => unknown; cacheKey?: string } | { error: VendorError };

/** What a behaviour hook sees: the engine's clock, options and world, and its vendor's backend. */
export interface BehaviourContext<B extends Backend> extends EngineContext {
  backend: B;
}

/**
 * One endpoint's behaviour, typed by its contract. Methods (not function properties) so that a
 * behaviour of a specific input type fits the table's element type.
 */
export interface Behaviour<Id extends EndpointId = EndpointId, B extends Backend = Backend, Input = unknown> {
  readonly id: Id;
  /** Reads and validates the request (typed input or the vendor's error). */
  parse(request: MockRequest, ctx: BehaviourContext<B>): Parsed<Input>;
  /** Time rules, world data, vendor state. */
  resolve(input: Input, ctx: BehaviourContext<B>): Resolved;
  /** A valid request at mock time `now` (epoch ms): inside every window, for data that exists by default. */
  example(now: number): ExampleRequest;
  /** The fidelity rules that describe this endpoint (docs/FIDELITY.md). */
  readonly ledger: readonly LedgerEntry[];
}

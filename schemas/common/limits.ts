import type { Sourced, SourcedValue } from "./sourced.js";

/** Who shares one rate-limit budget. */
export type RateLimitScope = "account" | "app" | "credential";

/** One rate-limit rule, counted in fixed windows of `windowMs` on the mock clock. */
export interface RateLimitRule extends Sourced {
  limit: number;
  windowMs: number;
  scope: RateLimitScope;
}

/** Time, size and rate rules of one endpoint. Absent fields do not apply to that endpoint. */
export interface EndpointLimits {
  rate: readonly RateLimitRule[];
  /** How far back the start of a query may lie, from now. */
  lookbackMs?: SourcedValue<number>;
  /** Longest allowed end − start. */
  maxSpanMs?: SourcedValue<number>;
  /** No data point is newer than now − delay. */
  dataDelayMs?: SourcedValue<number>;
  /** Fixed bucket width (e.g. 30 s, or ZEGO's step). */
  bucketMs?: SourcedValue<number>;
  /** Named granularities (Volcengine `AggregateGranularity`): name → width in ms. */
  granularitiesMs?: SourcedValue<Readonly<Record<string, number>>>;
  /** Largest page size (Tencent `Limit`). */
  maxPageSize?: SourcedValue<number>;
  /** Longest accepted list per parameter name (e.g. `UserId`: 20). */
  maxListLength?: Readonly<Record<string, SourcedValue<number>>>;
}

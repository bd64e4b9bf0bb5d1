/**
 * Every vendor rule the kit encodes says where it comes from: `documented` rules carry the vendor
 * page (or SDK file) they were read from; `assumed` rules carry the reason for the choice.
 * docs/FIDELITY.md is generated from these marks.
 */
export type Fidelity = "documented" | "assumed";

/** Provenance of one rule or catalog entry. */
export interface Sourced {
  fidelity: Fidelity;
  /** URL (or `sdk:<repo>/<path>`) for documented rules; the reasoning for assumed ones. */
  source: string;
  /** Optional extra context, e.g. which switch changes an assumed rule. */
  note?: string;
}

/** A documented or assumed value, e.g. a lookback window in milliseconds. */
export interface SourcedValue<T> extends Sourced {
  value: T;
}

/** Shorthand for a documented value. */
export function documented<T>(value: T, source: string, note?: string): SourcedValue<T> {
  return note === undefined ? { value, fidelity: "documented", source } : { value, fidelity: "documented", source, note };
}

/** Shorthand for an assumed value; `reason` says why this choice was made. */
export function assumed<T>(value: T, reason: string, note?: string): SourcedValue<T> {
  return note === undefined ? { value, fidelity: "assumed", source: reason } : { value, fidelity: "assumed", source: reason, note };
}

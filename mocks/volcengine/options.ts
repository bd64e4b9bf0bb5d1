/** Volcengine-specific switches (see docs/FIDELITY.md for what each assumed rule defaults to). */
export interface VolcengineOptions {
  /** HTTP status of the throttle reply (assumed; the docs give none). */
  throttleStatus: number;
}

/** Defaults for the Volcengine switches. */
export const defaultVolcengineOptions: VolcengineOptions = {
  throttleStatus: 429,
};

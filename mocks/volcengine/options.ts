/** Volcengine-specific switches (each one changes an assumed rule; see mocks/volcengine/ledger.ts). */
export interface VolcengineOptions {
  /** HTTP status of the throttle reply FlowLimitExceeded.QPSOverLimit (assumed; the docs give none). Default 429. */
  throttleStatus: number;
  /** HTTP status of InvalidTimestamp: 400 (most gateway tables) by default, 403 as on 6720/108305 and 6396/70462. */
  invalidTimestampStatus: 400 | 403;
  /** Largest |X-Date − mock clock| accepted in verify mode, in seconds (assumed; not documented). Default 900. */
  signatureSkewSec: number;
  /** `ResponseMetadata.Region` of a reply whose request names no region in its Credential scope. Default cn-north-1, the doc examples' region. */
  region: string;
  /** When set, AppIds outside this list get InvalidParameter.NotExistAppId. Default null: every AppId exists. */
  knownAppIds: readonly string[] | null;
  /** Read optional body fields sent as JSON `null` as absent (assumed). Default true; false answers InvalidParameter. */
  nullAsAbsent: boolean;
  /** Reject body fields the docs do not list with InvalidParameter (assumed). Default true; false ignores them. */
  rejectUnknownFields: boolean;
  /**
   * Offset of the returned TimeStamps and of day/hour alignment: `"request"` echoes the StartTime's
   * offset (default, assumed), or a fixed `±hh:mm`/`Z` such as `"+08:00"` (every doc example's offset).
   * A value that is not an offset falls back to `"request"`.
   */
  responseOffset: string;
}

/** Defaults for the Volcengine switches. */
export const defaultVolcengineOptions: VolcengineOptions = {
  throttleStatus: 429,
  invalidTimestampStatus: 400,
  signatureSkewSec: 900,
  region: "cn-north-1",
  knownAppIds: null,
  rejectUnknownFields: true,
  nullAsAbsent: true,
  responseOffset: "request",
};

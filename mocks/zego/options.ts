import { ZEGO_DEFAULT_STEP_MS } from "../../schemas/zego/limits.js";

/** Where GetRealtimeUsage points sit: `start` at StartTs + k·step (doc examples), `epoch` at multiples of the step. */
export type ZegoPointAlignment = "start" | "epoch";

/** JSON type of the envelope's RequestId: a bare number (doc examples) or a string (doc type column). */
export type ZegoRequestIdType = "number" | "string";

/** The values each enumerated ZEGO switch accepts (checked when the options are resolved). */
export const zegoOptionValues = {
  alignPoints: ["start", "epoch"],
  requestIdType: ["number", "string"],
} as const satisfies Partial<Record<keyof ZegoOptions, readonly string[]>>;

/** ZEGO-specific switches (each one changes an assumed rule; see mocks/zego/ledger.ts). */
export interface ZegoOptions {
  /**
   * Step between GetRealtimeUsage points, 1000–3600000 ms. The docs say seconds in one place and
   * minutes in another; the default follows the current pages (60 s). See getRealtimeUsageLimits.bucketMs.
   */
  stepMs: number;
  /**
   * Point times: `"start"` keeps StartTs's offset within the step (StartTs, StartTs + step, …, both
   * ends included), as both doc examples do; `"epoch"` puts them on multiples of the step since the epoch.
   */
  alignPoints: ZegoPointAlignment;
  /**
   * RequestId as a bare JSON number (every doc example) or as a string (the docs' type column). The
   * number is one a double holds exactly, so JSON.parse in JavaScript keeps its digits.
   */
  requestIdType: ZegoRequestIdType;
  /** Accept POST with the parameters in the query (the access page allows GET or POST); false: POST → 100000007. */
  allowPost: boolean;
}

/** Defaults for the ZEGO switches. */
export const defaultZegoOptions: ZegoOptions = {
  stepMs: ZEGO_DEFAULT_STEP_MS,
  alignPoints: "start",
  requestIdType: "number",
  allowPost: true,
};

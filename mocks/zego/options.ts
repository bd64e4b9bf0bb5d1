import { ZEGO_DEFAULT_STEP_MS } from "../../schemas/zego/limits.js";

/** ZEGO-specific switches. */
export interface ZegoOptions {
  /**
   * Step between GetRealtimeUsage points, 1000–3600000 ms. The docs say seconds in one place and
   * minutes in another; the default follows the current pages (60 s). See getRealtimeUsageLimits.bucketMs.
   */
  stepMs: number;
}

/** Defaults for the ZEGO switches. */
export const defaultZegoOptions: ZegoOptions = {
  stepMs: ZEGO_DEFAULT_STEP_MS,
};

/** `rtc-analytics-mock/msw`: MSW handlers for the five vendor endpoints, plus per-test control. Browser-safe. */
export {
  createRtcHandlers,
  vendorHosts,
  type RtcHandlers,
  type RtcHandlersOptions,
  type RtcHandlerSettings,
} from "./create-rtc-handlers.js";
export type { RtcControl, ForcedError, ForcedThrottle, Target, Frequency, RuleHandle, RequestFilter } from "./control.js";
export type { VendorAction, VendorErrorCode } from "./contract-types.js";
export { createMockEngine, type MockEngine } from "../core/engine.js";
export type { MockOptions } from "../options.js";

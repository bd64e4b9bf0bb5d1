import type { VendorErrorDefinition } from "../common/errors.js";
import { zegoSources } from "./sources.js";

/**
 * HTTP status of coded errors. ZEGO never states it: the OpenAPI yaml of the page declares only a 200
 * response whose `Code` enumerates the errors, and vendor and third-party samples branch on `Code`,
 * so errors are taken to travel as HTTP 200 + `Code != 0` (an inference, hence assumed).
 */
export const ZEGO_ERROR_HTTP_STATUS = 200;

const statusNote =
  "HTTP 200 is assumed (the docs declare only a 200 response); the Message wording is assumed too, the docs give only the meaning.";

/** Builds one catalog entry; the code's meaning is documented, status and wording are not. */
function entry(code: number, message: string, trigger: string, source: string): VendorErrorDefinition & { codeN: number } {
  return {
    code: String(code),
    codeN: code,
    httpStatus: ZEGO_ERROR_HTTP_STATUS,
    message,
    trigger,
    fidelity: "documented",
    source,
    note: statusNote,
  };
}

const faultTrigger = (code: number) =>
  `a fault rule: { kind: "error", vendor: "zego", code: "${code}" } (the fake server has no natural cause for it)`;

/**
 * The ZEGO analytics error catalog, keyed by the decimal text of `Code` (0 is success, not an
 * error). Analytics codes: https://www.zegocloud.com/docs/analytics-dashboard-server/return-codes ;
 * gateway codes, "same meaning across all ZEGO products":
 * https://www.zegocloud.com/docs/live-streaming-server/api-reference/return-codes
 * A message's `%s` carries the detail; when an error has no detail (e.g. from a fault rule) the
 * `: %s` suffix is dropped.
 */
export const zegoErrors = {
  "500": entry(500, "interface error: %s", `an internal failure of the resolver, or ${faultTrigger(500)}`, zegoSources.returnCodes),
  "10001": entry(
    10001,
    "parameter format error: %s",
    "StartTs or EndTs present but not a non-negative integer of milliseconds (e.g. StartTs=abc, 1.5, -1, 1e12)",
    zegoSources.returnCodes,
  ),
  "10002": entry(
    10002,
    "parameter error or parameter invalid: %s",
    "Metrics[] missing or naming an unknown metric; StartTs or EndTs missing; StartTs older than 2 hours, in the future, or after EndTs",
    zegoSources.returnCodes,
  ),
  "30002": entry(
    30002,
    "interface request frequency exceeds the limit: %s",
    "a 4th call within one minute, or a 481st call within one UTC day, for the same AppId; also a new AppId when the fake server already tracks options.maxTenants of them",
    zegoSources.returnCodes,
  ),
  "100000000": entry(100000000, "Host error in request header", faultTrigger(100000000), zegoSources.gatewayReturnCodes),
  "100000001": entry(
    100000001,
    "AppId field format error",
    "AppId missing, empty, not a decimal integer, 0, or above 4294967295 (Uint32); checked in both auth modes",
    zegoSources.gatewayReturnCodes,
  ),
  "100000002": entry(100000002, "Timestamp field is empty", "auth verify mode: Timestamp missing or empty", zegoSources.gatewayReturnCodes),
  "100000003": entry(
    100000003,
    "Timestamp field format error",
    "auth verify mode: Timestamp not a decimal integer of seconds",
    zegoSources.gatewayReturnCodes,
  ),
  "100000004": entry(
    100000004,
    "Signature expired",
    "auth verify mode: Timestamp more than 10 minutes away from the fake server's clock",
    zegoSources.signing,
  ),
  "100000005": entry(
    100000005,
    "Signature error",
    "auth verify mode: Signature is not md5(AppId + SignatureNonce + ServerSecret + Timestamp) in lower-case hex",
    zegoSources.signing,
  ),
  "100000006": entry(
    100000006,
    "Action is empty",
    "Action missing or empty in a query that is still ZEGO's (AppId without Version, SignatureVersion or SignatureNonce)",
    zegoSources.gatewayReturnCodes,
  ),
  "100000007": entry(
    100000007,
    "Unsupported Action: %s",
    "an Action other than GetRealtimeUsage, or GetRealtimeUsage with a method other than GET",
    zegoSources.gatewayReturnCodes,
  ),
  "100000008": entry(
    100000008,
    "SignatureNonce field is empty",
    "auth verify mode: SignatureNonce missing or empty",
    zegoSources.gatewayReturnCodes,
  ),
  "100000009": entry(100000009, "Signature field is empty", "auth verify mode: Signature missing or empty", zegoSources.gatewayReturnCodes),
  "100000010": entry(
    100000010,
    "Failed to get ServerSecret",
    "auth verify mode: an AppId that is not in auth.credentials.zego",
    zegoSources.gatewayReturnCodes,
  ),
  "100000011": entry(100000011, "Failed to get App configuration", faultTrigger(100000011), zegoSources.gatewayReturnCodes),
  "100000012": entry(
    100000012,
    "Failed to read HTTP body: %s",
    "a request the adapter cannot read: body or URL over the size limit, or a malformed request (engine.rejectTransport)",
    zegoSources.gatewayReturnCodesAsr,
  ),
  "100000013": entry(
    100000013,
    "SignatureVersion field is empty",
    "auth verify mode: SignatureVersion missing or empty",
    zegoSources.gatewayReturnCodes,
  ),
  "100000014": entry(
    100000014,
    "Unsupported SignatureVersion",
    "auth verify mode: SignatureVersion other than 2.0",
    zegoSources.gatewayReturnCodes,
  ),
  "100000015": entry(100000015, "Gateway internal error", faultTrigger(100000015), zegoSources.gatewayReturnCodes),
  "100000016": entry(
    100000016,
    "App is not configured for production environment",
    `${faultTrigger(100000016)}; IsTest is accepted and otherwise ignored`,
    zegoSources.gatewayReturnCodes,
  ),
  "100000017": entry(100000017, "App has not enabled this service", faultTrigger(100000017), zegoSources.gatewayReturnCodes),
} as const satisfies Record<string, VendorErrorDefinition>;

/** A code of the ZEGO catalog (a wrong code is a type error). */
export type ZegoErrorCode = keyof typeof zegoErrors;

import type { VendorErrorDefinition } from "../common/errors.js";
import { volcengineSources as src } from "./sources.js";

const gateway = `${src.gatewayErrors}; ${src.gatewayErrorsAlt}`;
const rtcStatusAssumed =
  "The RTC error page gives codes and meanings but no HTTP status or message text; 400 and the English message are assumed";

/**
 * Volcengine error catalog: the gateway's common codes (with CodeN and HTTP status,
 * https://volcengine.com/docs/6720/108305) and the RTC OpenAPI codes (https://volcengine.com/docs/6348/70426).
 * Each entry says how to reach it on the fake server (`trigger`).
 */
export const volcengineErrors = {
  MissingParameter: {
    code: "MissingParameter",
    codeN: 100002,
    httpStatus: 400,
    message: "The request is missing %s parameter.",
    trigger: "No Action or no Version in the query string (the argument names the missing one).",
    fidelity: "documented",
    source: gateway,
  },
  MissingAuthenticationToken: {
    code: "MissingAuthenticationToken",
    codeN: 100003,
    httpStatus: 401,
    message: "Request is missing Authentication Token.",
    trigger: "auth.mode=verify: no Authorization header (query-string signing is not supported by the fake server).",
    fidelity: "documented",
    source: gateway,
  },
  MissingRequestInfo: {
    code: "MissingRequestInfo",
    codeN: 100004,
    httpStatus: 400,
    message: "The request is missing %s information.",
    trigger: "auth.mode=verify: Authorization present but no X-Date header (argument X-Date).",
    fidelity: "documented",
    source: gateway,
  },
  MissingSignature: {
    code: "MissingSignature",
    codeN: 100005,
    httpStatus: 401,
    message: "The request is missing signature.",
    trigger: "auth.mode=verify: Authorization has Credential and SignedHeaders but no Signature.",
    fidelity: "documented",
    source: gateway,
  },
  InvalidTimestamp: {
    code: "InvalidTimestamp",
    codeN: 100006,
    httpStatus: 400,
    message: "The Signature of the request is expired.",
    trigger:
      "auth.mode=verify: X-Date not in YYYYMMDD'T'HHMMSS'Z' form, or further than volcengine.signatureSkewSec (900 s, assumed) from the mock clock, in the past or the future.",
    fidelity: "documented",
    source: `${src.gatewayErrors}; ${src.gatewayErrorsAuth}`,
    note: `400 per most gateway tables (${src.gatewayErrorsAlt}, 6491/1185994, 6469/1126806, 6440/71573, BytePlus common error codes); 403 per 6720/108305, 6396/70462 and 6408/78947 (switch volcengine.invalidTimestampStatus). The skew window is not documented.`,
  },
  ServiceNotFound: {
    code: "ServiceNotFound",
    codeN: 100007,
    httpStatus: 404,
    message: "This service[%s] not found.",
    trigger: "auth.mode=verify: the Credential scope names a service other than rtc (assumed mapping).",
    fidelity: "documented",
    source: gateway,
    note: "Which request the real gateway answers with it is not documented; the fake server uses the credential scope.",
  },
  InvalidActionOrVersion: {
    code: "InvalidActionOrVersion",
    codeN: 100008,
    httpStatus: 404,
    message: "Could not find operation %s for version %s.",
    trigger: "Unknown Action, a known Action with another Version, or a method other than POST (the method case is assumed).",
    fidelity: "documented",
    source: gateway,
  },
  InvalidAccessKey: {
    code: "InvalidAccessKey",
    codeN: 100009,
    httpStatus: 401,
    message: "The accesskey [%s] included in the request is invalid.",
    trigger: "auth.mode=verify: the AccessKeyId in Credential is not in auth.credentials.volcengine.",
    fidelity: "documented",
    source: gateway,
  },
  SignatureDoesNotMatch: {
    code: "SignatureDoesNotMatch",
    codeN: 100010,
    httpStatus: 401,
    message:
      "The request signature we calculated does not match the signature you provided. Check your Secret Access Key and signing method. Consult the service documentation for details.",
    trigger:
      "auth.mode=verify: wrong secret key, or a signed header, the query or the body changed after signing; also X-Content-Sha256 not equal to the body's SHA-256 (assumed).",
    fidelity: "documented",
    source: `${gateway}; ${src.responseStructure}`,
  },
  AccessDenied: {
    code: "AccessDenied",
    codeN: 100013,
    httpStatus: 403,
    message: "User is not authorized to perform: %s on resource: %s.",
    trigger: "Fault only: {kind:'error', code:'AccessDenied', args:[action, resource]} (the fake server has no IAM policies).",
    fidelity: "documented",
    source: gateway,
  },
  InternalError: {
    code: "InternalError",
    codeN: 100014,
    httpStatus: 500,
    message: "Service has some internal Error. Pls Contact With Admin.",
    trigger: "Fault {kind:'error', code:'InternalError'}; also answered if a resolver throws.",
    fidelity: "documented",
    source: gateway,
  },
  InternalServiceTimeout: {
    code: "InternalServiceTimeout",
    codeN: 100016,
    httpStatus: 504,
    message: "Internal Service is timeout. Pls Contact With Admin.",
    trigger: "Fault only: {kind:'error', code:'InternalServiceTimeout'}.",
    fidelity: "assumed",
    source: `Code, CodeN and message from ${gateway}; the table gives no HTTP status, 504 assumed`,
  },
  FlowLimitExceeded: {
    code: "FlowLimitExceeded",
    codeN: 100018,
    httpStatus: 429,
    message: "Request was denied due to flow limit exceeded.",
    trigger:
      "More distinct AppIds than maxTenants within the engine's lifetime: the fake server's quota table is full and refuses a new AppId.",
    fidelity: "assumed",
    source:
      "Gateway throttle code and CodeN seen only in third-party client code; status and message assumed (shared/vendor-notes/volcengine.md §2.2)",
  },
  InvalidAuthorization: {
    code: "InvalidAuthorization",
    httpStatus: 400,
    message: "Invalid 'Authorization' header, Pls check authorization header.",
    trigger:
      "auth.mode=verify: Authorization is not 'HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…' (other algorithm, no Credential or no SignedHeaders).",
    fidelity: "documented",
    source: src.gatewayErrorsAuth,
  },
  InvalidCredential: {
    code: "InvalidCredential",
    codeN: 100025,
    httpStatus: 400,
    message: "Invalid credential in 'Authorization', Pls check credential in authorization header.",
    trigger: "auth.mode=verify: Credential is not AK/YYYYMMDD/region/service/request, or its date is not X-Date's date.",
    fidelity: "documented",
    source: `${src.gatewayErrorsAuth}; CodeN from ${src.invalidCredentialExample}`,
  },
  InvalidSecretToken: {
    code: "InvalidSecretToken",
    httpStatus: 401,
    message: "The security token included in the request is invalid.",
    trigger:
      "Fault only: {kind:'error', code:'InvalidSecretToken'} (the fake server does not validate STS tokens; a signed X-Security-Token is accepted).",
    fidelity: "documented",
    source: src.gatewayErrorsAuth,
    note: "Message text assumed; the table lists code and status only.",
  },
  InvalidParameter: {
    code: "InvalidParameter",
    httpStatus: 400,
    message: "Invalid parameter: %s",
    trigger:
      "Body fails its schema (wrong type, missing or unknown field, value outside an enum, more than 20 UserIds, malformed RFC3339 time); the message names the field. Also an Indicator not in the catalog (assumed).",
    fidelity: "assumed",
    source: `Code from ${src.rtcErrors} ("read the message for details"). ${rtcStatusAssumed}`,
  },
  "InvalidParameter.BodyIsEmpty": {
    code: "InvalidParameter.BodyIsEmpty",
    httpStatus: 400,
    message: "The request body is empty.",
    trigger: "POST with an empty body.",
    fidelity: "assumed",
    source: `Code from ${src.rtcErrors}. ${rtcStatusAssumed}`,
  },
  "InvalidParameter.Unmarshal": {
    code: "InvalidParameter.Unmarshal",
    httpStatus: 400,
    message: "Failed to unmarshal the request body: %s",
    trigger: "Body is not a JSON object (invalid JSON, or an array, string or number); also a request the adapter could not read.",
    fidelity: "assumed",
    source: `Code from ${src.rtcErrors}. ${rtcStatusAssumed}`,
  },
  "InvalidParameter.StartTimeAfterEndTime": {
    code: "InvalidParameter.StartTimeAfterEndTime",
    httpStatus: 400,
    message: "StartTime %s is after EndTime %s.",
    trigger: "StartTime later than EndTime (equal is allowed and returns one bucket).",
    fidelity: "assumed",
    source: `Code from ${src.rtcErrors}. ${rtcStatusAssumed}`,
  },
  "InvalidParameter.OutofTimeRange": {
    code: "InvalidParameter.OutofTimeRange",
    httpStatus: 400,
    message: "The queried time range is out of range: %s",
    trigger:
      "EndTime − StartTime longer than the action's max span, or StartTime further back than its lookback (the lookback case is assumed).",
    fidelity: "assumed",
    source: `Code from ${src.rtcErrors} ("queried range too long"). ${rtcStatusAssumed}`,
  },
  "InvalidParameter.IllegalAppId": {
    code: "InvalidParameter.IllegalAppId",
    httpStatus: 400,
    message: "The AppId [%s] is illegal.",
    trigger:
      "AppId empty or not matching [A-Za-z0-9_@.*-]{1,128} (rule assumed from the RTC id naming rule in the Go SDK model comments, plus '*' of the masked doc examples).",
    fidelity: "assumed",
    source: `Code from ${src.rtcErrors}. ${rtcStatusAssumed}`,
  },
  "InvalidParameter.NotExistAppId": {
    code: "InvalidParameter.NotExistAppId",
    httpStatus: 400,
    message: "The AppId [%s] does not exist.",
    trigger: "volcengine.knownAppIds is set and the AppId is not in it (by default every AppId exists).",
    fidelity: "assumed",
    source: `Code from ${src.rtcErrors}. ${rtcStatusAssumed}`,
  },
  "InvalidParameter.IllegalRoomID": {
    code: "InvalidParameter.IllegalRoomID",
    httpStatus: 400,
    message: "The RoomId [%s] is illegal.",
    trigger:
      "ListRealTimeQuality: RoomId not matching [A-Za-z0-9_@.-]{1,128} (rule assumed from the RTC id naming rule in the Go SDK model comments); an empty RoomId means app-wide.",
    fidelity: "assumed",
    source: `Code from ${src.rtcErrors}. ${rtcStatusAssumed}`,
  },
  "FlowLimitExceeded.QPSOverLimit": {
    code: "FlowLimitExceeded.QPSOverLimit",
    httpStatus: 429,
    message: "QPS over limit, please reduce the request rate.",
    trigger:
      "A third request for the same Action and AppId within one clock-aligned second (documented 2 req/s). Status from volcengine.throttleStatus.",
    fidelity: "assumed",
    source: `Code from ${src.rtcErrors} ("qps 超过限制"); no HTTP status documented, 429 assumed (switch volcengine.throttleStatus)`,
  },
  "AccessDenied.NoPermissionForApp": {
    code: "AccessDenied.NoPermissionForApp",
    httpStatus: 403,
    message: "The account has no permission to operate this AppId.",
    trigger: "Fault only: {kind:'error', code:'AccessDenied.NoPermissionForApp'} (the fake server does not tie AccessKeys to AppIds).",
    fidelity: "assumed",
    source: `Code from ${src.rtcErrors}; no HTTP status or message documented, 403 assumed`,
  },
} as const satisfies Record<string, VendorErrorDefinition>;

/** A valid Volcengine error code. */
export type VolcengineErrorCode = keyof typeof volcengineErrors;

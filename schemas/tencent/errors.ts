import type { VendorErrorDefinition } from "../common/errors.js";
import { tencentHttp200Evidence, tencentSources as src } from "./sources.js";

/**
 * Error catalog of the Tencent fake: the five codes documented for DescribeRoomStatistics plus the
 * API 3.0 common codes the fake answers with. Every entry is HTTP 200 (see `tencentHttp200Evidence`).
 * Message texts are real where a captured response was found (source in `note`); otherwise the
 * doc's description or an assumed text, said so in `note`.
 * https://www.tencentcloud.com/document/api/1168/52791 · https://www.tencentcloud.com/document/product/213/33281#common-error-codes
 */
export const tencentErrors = {
  FailedOperation: {
    code: "FailedOperation",
    httpStatus: 200,
    message: "Operation failed.",
    trigger: "No input reaches it; force it with a fault: { kind: 'error', vendor: 'tencent', code: 'FailedOperation' }",
    fidelity: "documented",
    source: src.describeRoomStatistics,
    note: `message = the doc's description (real text not published); ${tencentHttp200Evidence}`,
  },
  "FailedOperation.RoomNotEnd": {
    code: "FailedOperation.RoomNotEnd",
    httpStatus: 200,
    message: "The class has not ended.",
    trigger: "RoomId of a room that has not started or is live (seeded rooms 10001 and 10002)",
    fidelity: "documented",
    source: `${src.describeRoomStatistics}; ${src.nodeSdkClient}`,
    note: "message = the doc's description (real text not published)",
  },
  InternalError: {
    code: "InternalError",
    httpStatus: 200,
    message: "Internal error.",
    trigger: "Fault { kind: 'error', vendor: 'tencent', code: 'InternalError' }; also answered if the fake's resolver throws",
    fidelity: "documented",
    source: src.describeRoomStatistics,
    note: "message = the doc's description (real text not published)",
  },
  "ResourceNotFound.Room": {
    code: "ResourceNotFound.Room",
    httpStatus: 200,
    message: "The room does not exist.",
    trigger: "RoomId that is not in the room registry (e.g. 404)",
    fidelity: "documented",
    source: src.describeRoomStatistics,
    note: "message = the doc's description (real text not published)",
  },
  "ResourceUnavailable.RoomStatistics": {
    code: "ResourceUnavailable.RoomStatistics",
    httpStatus: 200,
    message: "Getting room data. Please wait.",
    trigger: "RoomId of a room that ended less than options.tencent.statisticsDelaySec ago (seeded room 10003)",
    fidelity: "documented",
    source: `${src.describeRoomStatistics}; ${src.goSdkErrors}`,
    note: "message = the doc's description; how long the vendor computes is not documented (the delay is assumed, default 300 s)",
  },
  "AuthFailure.InvalidAuthorization": {
    code: "AuthFailure.InvalidAuthorization",
    httpStatus: 200,
    message:
      "The `Authorization` header is invalid. It must look like TC3-HMAC-SHA256 Credential=<SecretId>/<Date>/<Service>/tc3_request, SignedHeaders=content-type;host, Signature=<hex>.",
    trigger:
      "auth.mode 'verify': Authorization missing, not TC3-HMAC-SHA256, or unparsable (incl. SignedHeaders without content-type and host)",
    fidelity: "documented",
    source: `${src.commonErrors}; ${src.signatureV3}`,
    note: "message text assumed (real text not published)",
  },
  "AuthFailure.SecretIdNotFound": {
    code: "AuthFailure.SecretIdNotFound",
    httpStatus: 200,
    message: "The SecretId is not found, please ensure that your SecretId is correct.",
    trigger: "auth.mode 'verify': Credential SecretId not in options.auth.credentials.tencent",
    fidelity: "documented",
    source: src.commonErrors,
    note: `real message text: ${src.secretIdNotFoundMessage}`,
  },
  "AuthFailure.SignatureExpire": {
    code: "AuthFailure.SignatureExpire",
    httpStatus: 200,
    message: "Signature expired. Timestamp and server time cannot differ by more than five minutes.",
    trigger: "auth.mode 'verify': |mock clock − X-TC-Timestamp| > 300 s",
    fidelity: "documented",
    source: `${src.commonErrors}; ${src.commonParams}`,
    note: "message = the error-code page's description (real runtime text not published)",
  },
  "AuthFailure.SignatureFailure": {
    code: "AuthFailure.SignatureFailure",
    httpStatus: 200,
    message: "The provided credentials could not be validated. Please check your signature is correct.",
    trigger:
      "auth.mode 'verify': signature mismatch (wrong key, altered body or header), or the scope date is not the UTC date of X-TC-Timestamp",
    fidelity: "documented",
    source: `${src.commonErrors}; ${src.signatureV3}`,
    note: "real message text, quoted on the common error-code page",
  },
  InvalidAction: {
    code: "InvalidAction",
    httpStatus: 200,
    message: "The requested action `%s` does not exist.",
    trigger: "X-TC-Action other than DescribeRoomStatistics (the fake serves only this LCIC action)",
    fidelity: "documented",
    source: src.commonErrors,
    note: "message text assumed (real text not published)",
  },
  NoSuchVersion: {
    code: "NoSuchVersion",
    httpStatus: 200,
    message: "The requested version `%s` of action `%s` does not exist.",
    trigger: "X-TC-Version other than 2022-08-17",
    fidelity: "documented",
    source: src.commonErrors,
    note: "message text assumed (real text not published)",
  },
  MissingParameter: {
    code: "MissingParameter",
    httpStatus: 200,
    message: "The request is missing a required parameter `%s`.",
    trigger:
      "No X-TC-Action / X-TC-Version header; body without RoomId, Page or Limit (or the value null); auth 'verify' without X-TC-Timestamp",
    fidelity: "documented",
    source: src.commonErrors,
    note: `real message text: ${src.missingParameterMessage}`,
  },
  UnknownParameter: {
    code: "UnknownParameter",
    httpStatus: 200,
    message: "The parameter `%s` is not recognized.",
    trigger: "A body key (or GET query key) other than RoomId, Page, Limit",
    fidelity: "documented",
    source: src.commonErrors,
    note: `real message text: ${src.unknownParameterMessage}`,
  },
  InvalidParameter: {
    code: "InvalidParameter",
    httpStatus: 200,
    message: "The value type of parameter `%s` is invalid.",
    trigger:
      "Body that is not a JSON object, a non-integer RoomId/Page/Limit, a POST whose Content-Type is not application/json, a garbled X-TC-Timestamp, an unreadable request",
    fidelity: "assumed",
    source:
      "InvalidParameter means 'parameter error (format, type, …)' on the common error-code page; which code LCIC uses for these inputs is not documented",
    note: "message text assumed",
  },
  InvalidParameterValue: {
    code: "InvalidParameterValue",
    httpStatus: 200,
    message: "The value `%s` of parameter `%s` is invalid: %s.",
    trigger: "Limit > 1000 or < 1, Page < 1, RoomId < 0",
    fidelity: "assumed",
    source:
      "Limit ≤ 1000 and Page ≥ 1 are documented, the error for breaking them is not; InvalidParameterValue ('parameter value error') is the common code that fits",
    note: "message text assumed",
  },
  RequestLimitExceeded: {
    code: "RequestLimitExceeded",
    httpStatus: 200,
    message:
      "Your current request times equals to `%s` in a second, which exceeds the frequency limit `%s` for a second. Please reduce the frequency of calls.",
    trigger: "More than 20 requests in one second (mock clock) with the same SecretId; switch off with rateLimits: false",
    fidelity: "documented",
    source: `${src.describeRoomStatistics}; ${src.commonErrors}`,
    note: `real message format: ${src.rateLimitMessage}; the fake always reports limit+1 as the current count`,
  },
  RequestSizeLimitExceeded: {
    code: "RequestSizeLimitExceeded",
    httpStatus: 200,
    message: "The request size exceeds the limit.",
    trigger: "A body the server adapter refuses as too large (engine.rejectTransport 'body-too-large'), or a GET URL over 32 KB",
    fidelity: "documented",
    source: `${src.commonErrors}; ${src.requestStructure}`,
    note: "message text assumed",
  },
  UnsupportedProtocol: {
    code: "UnsupportedProtocol",
    httpStatus: 200,
    message: "HTTP(S) request method `%s` is not supported. Only GET and POST requests are supported.",
    trigger: "Any method other than GET or POST (e.g. PUT, DELETE)",
    fidelity: "documented",
    source: src.commonErrors,
    note: "message follows the doc's description 'http(s)请求协议错误，只支持 GET 和 POST 请求'",
  },
  LimitExceeded: {
    code: "LimitExceeded",
    httpStatus: 200,
    message: "Quota limit exceeded: too many distinct SecretIds are being tracked by the server.",
    trigger: "A new SecretId when options.maxTenants SecretIds are already tracked for rate limits",
    fidelity: "assumed",
    source: "LimitExceeded ('quota exceeded') is a common code; the fake's tenant table bound has no vendor counterpart",
    note: "message text assumed",
  },
} as const satisfies Record<string, VendorErrorDefinition>;

/** A code of the Tencent catalog. */
export type TencentErrorCode = keyof typeof tencentErrors;

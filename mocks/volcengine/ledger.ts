import { volcengineSources as src } from "../../schemas/volcengine/sources.js";
import type { LedgerEntry } from "../ledger.js";

/** Every behaviour rule of the Volcengine fake, documented (with source) or assumed (with reason and switch). */
export const volcengineLedger: LedgerEntry[] = [
  // Routing and envelope
  {
    vendor: "volcengine",
    rule: "Besides rtc.volcengineapi.com, requests to open.volcengineapi.com and open-<region>.volcengineapi.com are Volcengine's (MSW intercepts them too).",
    fidelity: "documented",
    source:
      "sdk:volcengine/volc-sdk-nodejs/lib/base/utils.js (getDefaultOption: open.volcengineapi.com, also the Python and Java default); sdk:volcengine/volc-sdk-golang/service/rtc/v20231101/config.go (ap-singapore-1 → open-ap-singapore-1.volcengineapi.com); clients.md §2.1",
  },
  {
    vendor: "volcengine",
    rule: "POST /?Action=…&Version=… with a JSON body; ListRealTimeOperationData, ListOperationData and ListRealTimeQuality are each served at 2023-11-01 and 2020-12-01 (the two API generations; the Go SDK's v20231101 and v20201201 packages send all three at their version).",
    fidelity: "documented",
    source: `${src.listRealTimeOperationData}; ${src.listOperationData}; ${src.listRealTimeQuality}; ${src.listRealTimeQuality20231101}; ${src.listRealTimeOperationData20201201}; ${src.listOperationData20201201}; ${src.goSdkConfig}`,
  },
  {
    vendor: "volcengine",
    rule: "No Action or no Version in the query → MissingParameter (CodeN 100002, HTTP 400) naming the missing one.",
    fidelity: "documented",
    source: src.gatewayErrors,
  },
  {
    vendor: "volcengine",
    rule: "Unknown Action, or a known Action at another Version → InvalidActionOrVersion (CodeN 100008, HTTP 404).",
    fidelity: "documented",
    source: src.gatewayErrors,
  },
  {
    vendor: "volcengine",
    rule: "A method other than POST on these actions → InvalidActionOrVersion (404).",
    fidelity: "assumed",
    source:
      "The gateway's answer to a wrong method is not documented; operations are registered per method, so 'operation not found' is the closest documented code.",
  },
  {
    vendor: "volcengine",
    rule: "Replies use {ResponseMetadata:{RequestId, Action, Version, Service:'rtc', Region}, Result}; errors put Error {CodeN?, Code, Message} inside ResponseMetadata and omit Result.",
    fidelity: "documented",
    source: src.responseStructure,
    switch: "volcengine.region sets Region (default cn-north-1)",
  },
  {
    vendor: "volcengine",
    rule: "ResponseMetadata.Region echoes the region of the request's Credential scope (signed requests, in either auth mode); an unsigned request gets volcengine.region.",
    fidelity: "assumed",
    source:
      "The SDKs sign for the region of their endpoint (cn-north-1 for rtc.volcengineapi.com, ap-singapore-1 for open-ap-singapore-1.volcengineapi.com: volc-sdk-golang service/rtc config.go); the response-structure page shows the region the call went to.",
    switch: "volcengine.region (the region of unsigned requests)",
  },
  {
    vendor: "volcengine",
    rule: "Errors are answered with the catalog's HTTP status (4xx/5xx), never 200 with an Error.",
    fidelity: "assumed",
    source: `${src.responseStructure} says non-200 means failure but also that a 200 can carry Error; the fake server always uses the failure status.`,
  },
  {
    vendor: "volcengine",
    rule: "RequestId = yyyyMMddHHmmss of the mock clock in +08:00 plus 18 upper-case hex digits from the seed and the request sequence number.",
    fidelity: "assumed",
    source:
      "Real ids start with the Beijing request time (doc examples such as 20230604110420…); the hex tail is the fake's own, deterministic per seed and sequence.",
  },
  {
    vendor: "volcengine",
    rule: "Requests on a shared port are Volcengine's when the query has an Action (after Tencent and ZEGO have declined), and anything unclaimed falls back to Volcengine.",
    fidelity: "assumed",
    source: "Only the host identifies the vendor in production; on 127.0.0.1 the request shape has to.",
  },

  // Body parsing
  {
    vendor: "volcengine",
    rule: "Empty (or whitespace-only) body → InvalidParameter.BodyIsEmpty; a body that is not a JSON object → InvalidParameter.Unmarshal.",
    fidelity: "documented",
    source: `${src.rtcErrors} (codes); HTTP 400 assumed`,
  },
  {
    vendor: "volcengine",
    rule: "A body failing its schema (wrong type, missing field, value outside an enum, more than 20 UserIds, malformed RFC3339) → InvalidParameter with a message naming the field.",
    fidelity: "assumed",
    source: `Generic InvalidParameter is documented (${src.rtcErrors}, 'read the message'); the message wording and HTTP 400 are the fake's.`,
  },
  {
    vendor: "volcengine",
    rule: "Fields the docs do not list are rejected with InvalidParameter naming them.",
    fidelity: "assumed",
    source:
      "The docs do not say; Go servers usually ignore unknown JSON fields, but a strict fake catches typos such as 'Indicators' for 'Indicator'.",
    switch: "volcengine.rejectUnknownFields: false ignores them",
  },
  {
    vendor: "volcengine",
    rule: "StartTime and EndTime must be RFC3339 with an offset (Z or ±hh:mm); fractional seconds are accepted.",
    fidelity: "documented",
    source: `${src.listRealTimeOperationData} ("格式为 RFC3339，单位为秒"); accepting fractions follows RFC3339 (assumed)`,
  },
  {
    vendor: "volcengine",
    rule: "AppId must match [A-Za-z0-9_@.*-]{1,128}, else InvalidParameter.IllegalAppId.",
    fidelity: "assumed",
    source: `The code is documented (${src.rtcErrors}); the pattern is the RTC id rule from the Go SDK model comments plus '*' of the masked doc AppIds.`,
  },
  {
    vendor: "volcengine",
    rule: "Every AppId exists unless a list of known AppIds is configured; others then get InvalidParameter.NotExistAppId.",
    fidelity: "assumed",
    source: "The fake has no account; NotExistAppId is documented but needs a notion of existing apps.",
    switch: "volcengine.knownAppIds",
  },
  {
    vendor: "volcengine",
    rule: "A body field sent as JSON null is read as absent: an optional one (RoomId, UserId, ProductType) is ignored, a required one is reported missing.",
    fidelity: "assumed",
    source:
      "The docs do not say; the official SDKs omit unset fields (Node strips nulls, Go omitempty, Python drops None), but hand-written clients and other serializers write null for an unset optional field.",
    switch: 'volcengine.nullAsAbsent: false answers InvalidParameter ("RoomId must be a string")',
  },
  {
    vendor: "volcengine",
    rule: "An Indicator outside the action's catalog → InvalidParameter naming it and listing the supported ones; duplicates are answered once.",
    fidelity: "assumed",
    source: "The docs do not say how unknown indicators fail; rejecting them keeps contract tests honest about the few known names.",
  },

  // Time rules
  {
    vendor: "volcengine",
    rule: "StartTime after EndTime → InvalidParameter.StartTimeAfterEndTime; equal times return the one bucket containing them.",
    fidelity: "documented",
    source: `${src.rtcErrors} (code); equal-times behaviour and HTTP 400 assumed`,
  },
  {
    vendor: "volcengine",
    rule: "EndTime − StartTime longer than the max span → InvalidParameter.OutofTimeRange.",
    fidelity: "documented",
    source: `${src.rtcErrors} ('queried range too long'); HTTP 400 assumed`,
  },
  {
    vendor: "volcengine",
    rule: "StartTime further back than the lookback → InvalidParameter.OutofTimeRange, compared at bucket granularity (a start up to one bucket early is accepted).",
    fidelity: "assumed",
    source:
      "No doc says which code a too-old StartTime gets; OutofTimeRange is the closest. Bucket granularity spares clients that compute now − 60 min a moment early.",
  },
  {
    vendor: "volcengine",
    rule: "TimeStamp is the bucket start; buckets run from the one containing StartTime to the one starting at or before EndTime, the end bucket included.",
    fidelity: "documented",
    source: `${src.listRealTimeOperationData} (00:00–00:01 gives 00:00, 00:00:30, 00:01); ${src.listOperationData} (1d, both days)`,
  },
  {
    vendor: "volcengine",
    rule: "A bucket is reported only once it has ended by now − data delay, so a reported value never changes; an EndTime in the future is truncated, not refused, and a window with no ready bucket returns empty Data.",
    fidelity: "assumed",
    source: "The docs give the delay but not what a recent or future EndTime returns.",
  },
  {
    vendor: "volcengine",
    rule: "TimeStamps are written in the StartTime's UTC offset; 1h and 1d buckets align to hours and midnights of that offset (30 s buckets align to the epoch).",
    fidelity: "assumed",
    source:
      "Every doc example asks and answers in +08:00, so echoing and always-+08:00 cannot be told apart; echoing keeps the caller's frame.",
    switch: "volcengine.responseOffset: '+08:00' answers and aligns in a fixed offset",
  },

  // Data
  {
    vendor: "volcengine",
    rule: "Values have two decimals; counts are whole numbers.",
    fidelity: "documented",
    source: `${src.listRealTimeOperationData} ('浮点数，保留两位小数'; example counts such as 3212)`,
  },

  // Rate limits
  {
    vendor: "volcengine",
    rule: "2 requests per second per action → FlowLimitExceeded.QPSOverLimit on the third request in one clock-aligned second.",
    fidelity: "documented",
    source: `${src.listRealTimeOperationData}; ${src.rtcErrors} (code)`,
    switch: "rateLimits: false / --no-rate-limits",
  },
  {
    vendor: "volcengine",
    rule: "The rate limit is counted per AppId and action; two AppIds do not share a quota.",
    fidelity: "assumed",
    source: `${src.rtcOpenApiGuide} counts per account across AppIds, but it is the IM guide; per-AppId lets several apps be tested on one server.`,
  },
  {
    vendor: "volcengine",
    rule: "The throttle reply's HTTP status is 429.",
    fidelity: "assumed",
    source: "No Volcengine doc gives it; third-party code shows 429 as well as 200/400.",
    switch: "volcengine.throttleStatus",
  },
  {
    vendor: "volcengine",
    rule: "A new AppId beyond maxTenants gets FlowLimitExceeded (CodeN 100018, HTTP 429).",
    fidelity: "assumed",
    source: "Gateway throttle code seen only in third-party code; the fake's own memory bound.",
    switch: "maxTenants",
  },

  // Auth
  {
    vendor: "volcengine",
    rule: "Signatures are checked only in verify mode; in off mode any or no credentials are accepted.",
    fidelity: "assumed",
    source: "The fake's default is to be easy to call.",
    switch: "auth.mode: 'verify' / --auth verify",
  },
  {
    vendor: "volcengine",
    rule: "HMAC-SHA256 over the canonical request of whatever SignedHeaders lists (Node SDK: x-content-sha256;x-date; Go SDK: content-type;host;x-content-sha256;x-date), signing key from the raw secret, date, region, 'rtc', 'request'.",
    fidelity: "documented",
    source: `${src.signing}; ${src.nodeSdkSigner}; ${src.goSdkSigner}`,
  },
  {
    vendor: "volcengine",
    rule: "No Authorization → MissingAuthenticationToken (401); malformed Authorization → InvalidAuthorization (400); no Signature → MissingSignature (401); bad Credential scope or a date other than X-Date's → InvalidCredential (400); no X-Date → MissingRequestInfo (400); unknown AccessKeyId → InvalidAccessKey (401); wrong signature → SignatureDoesNotMatch (401).",
    fidelity: "documented",
    source: `${src.gatewayErrors}; ${src.gatewayErrorsAuth} (codes and statuses); which malformation maps to which code is assumed`,
  },
  {
    vendor: "volcengine",
    rule: "X-Date more than 900 s from the mock clock (either way), or malformed → InvalidTimestamp (HTTP 400, as most gateway tables say; 403 on some pages).",
    fidelity: "assumed",
    source: `The skew window is not documented (900 s is the documented default X-Expires of query signing); the status is 400 in ${src.gatewayErrorsAlt}, 6491/1185994, 6469/1126806, 6440/71573 and BytePlus' common error codes, 403 in ${src.gatewayErrors}, 6396/70462 and 6408/78947.`,
    switch: "volcengine.signatureSkewSec; volcengine.invalidTimestampStatus (400 or 403)",
  },
  {
    vendor: "volcengine",
    rule: "X-Content-Sha256, when sent, must equal the SHA-256 of the body received, else SignatureDoesNotMatch; without it the body is hashed (as the Node SDK expects for an empty body).",
    fidelity: "assumed",
    source: "The docs define the header as the body hash but not the error for a mismatch.",
  },
  {
    vendor: "volcengine",
    rule: "A credential scope naming a service other than rtc → ServiceNotFound (404).",
    fidelity: "assumed",
    source: "The code is documented; the trigger is the fake's choice.",
  },
  {
    vendor: "volcengine",
    rule: "X-Security-Token is accepted when signed; STS tokens are not validated. Query-string (presigned) signing is not supported.",
    fidelity: "assumed",
    source: "The fake has no STS service; the SDKs use query signing only for presigned URLs.",
    switch: "fault {code:'InvalidSecretToken'}",
  },

  // Failures
  {
    vendor: "volcengine",
    rule: "Internal failures answer InternalError (CodeN 100014, HTTP 500); InternalServiceTimeout (100016) is answered with 504; AccessDenied, AccessDenied.NoPermissionForApp and InvalidSecretToken are reachable only through faults.",
    fidelity: "assumed",
    source: `Codes from ${src.gatewayErrors} and ${src.rtcErrors}; 504 and 403 for the RTC AccessDenied code are assumed.`,
    switch: "faults option / POST /__mock/faults",
  },
  {
    vendor: "volcengine",
    rule: "A body too large for the adapter → InvalidParameter; a request the adapter cannot read → InvalidParameter.Unmarshal.",
    fidelity: "assumed",
    source: "No Volcengine doc covers transport-level failures.",
  },
  {
    vendor: "volcengine",
    rule: "The gateway codes LackPolicy (CodeN 100012, 403), FailToConnect (100015), LackProjectPolicy (403), InnerApiNeedAccountInfo (400) and AccountFlowLimitExceeded (100027), and the RTC codes AccessDenied.ServiceNotEnabled, InvalidParameter.EmptyAccountId, InvalidParameter.AccountIdMismatch (message `Check owner failed`) and FlowLimitExceeded.TaskNumberOverLimit are catalogued and reachable only through error faults (the fake has no IAM, projects, accounts or tasks).",
    fidelity: "assumed",
    source: `Codes, CodeN and the statuses named here from ${src.gatewayErrors}, ${src.gatewayErrorsPolicy}, ${src.gatewayErrorsInner}, ${src.rtcErrors} and ${src.returnStructure20231101}; AccountFlowLimitExceeded only from third-party code; FailToConnect's 502, the RTC codes' statuses (403, 400, 429) and most message texts are assumed.`,
    switch: "faults option / POST /__mock/faults",
  },
];

import { tencentHttp200Evidence, tencentSources as src } from "../../schemas/tencent/sources.js";
import type { LedgerEntry } from "../ledger.js";

const action = "DescribeRoomStatistics";

/** Every behaviour rule of the Tencent LCIC fake, documented (with source) or assumed (with reason and switch). */
export const tencentLedger: LedgerEntry[] = [
  // Routing and transport
  {
    vendor: "tencent",
    rule: "Besides lcic.tencentcloudapi.com, requests to lcic.intl.tencentcloudapi.com and lcic.<region>[.intl].tencentcloudapi.com are Tencent's (MSW intercepts them too).",
    fidelity: "assumed",
    source:
      "The international SDK defaults to lcic.intl.tencentcloudapi.com (tencentcloud-sdk-nodejs-intl-en lcic_client.js); LCIC's regional hosts are not listed anywhere, so Tencent's documented <service>.<region>.tencentcloudapi.com pattern is assumed (clients.md §1.1).",
  },
  {
    vendor: "tencent",
    rule: "Requests are recognized by the host lcic.tencentcloudapi.com, an X-TC-Action header, a TC3-HMAC-SHA256 Authorization, or (signature v1) Signature, SecretId, Nonce and Timestamp in the query or in an application/x-www-form-urlencoded POST body; the action and version are read from X-TC-Action / X-TC-Version, for v1 from the Action / Version parameters.",
    fidelity: "documented",
    source: `${src.commonParams}; ${src.signatureV3}; ${src.signatureV1Sdks}`,
  },
  {
    vendor: "tencent",
    rule: "Missing X-TC-Action or X-TC-Version → MissingParameter (`Action` / `Version`); an action other than DescribeRoomStatistics → InvalidAction; a version other than 2022-08-17 → NoSuchVersion.",
    fidelity: "documented",
    source: src.commonErrors,
    switch: "none; the message texts of InvalidAction and NoSuchVersion are assumed",
  },
  {
    vendor: "tencent",
    rule: "Only GET and POST are served; any other method → UnsupportedProtocol.",
    fidelity: "documented",
    source: `${src.commonErrors} (UnsupportedProtocol: only GET and POST)`,
  },
  {
    vendor: "tencent",
    action,
    rule: "POST takes a JSON body; GET takes RoomId/Page/Limit in the query string (as the Node SDK sends them with reqMethod GET) and converts the integer text.",
    fidelity: "documented",
    source: `${src.requestStructure}; ${src.nodeSdkSign} (http_connection.js: GET → querystring of the params)`,
  },
  {
    vendor: "tencent",
    action,
    rule: "A POST whose Content-Type is not application/json (parameters such as charset allowed) → InvalidParameter.",
    fidelity: "assumed",
    source:
      "TC3 POST must be application/json (form-urlencoded is signature v1 only, https://cloud.tencent.com/document/product/1278/46710); the error code for breaking it is not documented. A form POST that carries the v1 signature parameters is a signature v1 request and is served.",
  },
  {
    vendor: "tencent",
    action,
    rule: "On GET, query keys that are API common parameters (Action, Version, Region, Timestamp, Nonce, SecretId, Signature, SignatureMethod, Token, Language, RequestClient) are ignored rather than reported as unknown.",
    fidelity: "assumed",
    source: "Signature-v1-style clients put common parameters in the query; they are not business parameters of the action.",
  },
  {
    vendor: "tencent",
    rule: "A GET URL over 32 KB or a POST body over 10 MB → RequestSizeLimitExceeded; a body the server adapter refuses earlier (its bodyLimit) gets the same error through engine.rejectTransport, and an unreadable request gets InvalidParameter.",
    fidelity: "documented",
    source: `${src.requestStructure}; ${src.commonErrors}`,
    switch: "server bodyLimit option",
  },
  // Envelope
  {
    vendor: "tencent",
    rule: "Every reply's Content-Type is exactly application/json, without a charset: tencentcloud-sdk-python detects Response.Error only for exactly text/plain or application/json.",
    fidelity: "documented",
    source:
      "sdk:TencentCloud/tencentcloud-sdk-python/tencentcloud/common/abstract_client.py (if ct not in ('text/plain', _json_content): return); ../shared/vendor-notes/clients.md §1.4",
  },
  {
    vendor: "tencent",
    rule: 'Every answer, success or coded error, is HTTP 200; errors are {"Response":{"Error":{"Code","Message"},"RequestId"}}.',
    fidelity: "assumed",
    source: tencentHttp200Evidence,
    switch: "faults of kind 'http' send a bare non-200 status (the SDK then reports only httpCode and status text)",
  },
  {
    vendor: "tencent",
    rule: "RequestId is a UUID-v4-looking string derived from the seed and the request's sequence number since start or reset.",
    fidelity: "assumed",
    source:
      "Real RequestIds look like UUIDs (https://www.tencentcloud.com/document/product/213/33281); deriving them from the seed keeps replies byte-for-byte reproducible.",
    switch: "seed option",
  },
  {
    vendor: "tencent",
    rule: "Error messages are always English, whatever X-TC-Language says; X-TC-Region is ignored (LCIC does not need it).",
    fidelity: "assumed",
    source:
      "Chinese message texts are known only for some codes; Region is 'not required' for this action (https://www.tencentcloud.com/document/api/1168/52791).",
  },
  // Signature
  {
    vendor: "tencent",
    rule: "Signatures are checked only in auth mode 'verify' (default 'off': anything is accepted, unsigned requests included).",
    fidelity: "assumed",
    source: "A local fake should work without credentials; verify mode exists to test signing code.",
    switch: "auth.mode / --auth verify",
  },
  {
    vendor: "tencent",
    rule: "TC3-HMAC-SHA256 is verified with the service taken from the Credential scope (the SDK derives it from the endpoint's first label, e.g. `127` for 127.0.0.1), host = the Host header without its port (Node) or as sent (Go, Python, Java; both are tried), and the SHA-256 of the raw body bytes, or of the literal UNSIGNED-PAYLOAD when X-TC-Content-SHA256 says so (a Go/Python/Java option).",
    fidelity: "documented",
    source: `${src.signatureV3}; ${src.nodeSdkSign}; sdk:TencentCloud/tencentcloud-sdk-go/tencentcloud/common/client.go (sendWithSignatureV3: host with port, UnsignedPayload)`,
  },
  {
    vendor: "tencent",
    rule: "Missing or garbled Authorization, or SignedHeaders without content-type and host → AuthFailure.InvalidAuthorization; unknown SecretId → AuthFailure.SecretIdNotFound; signature mismatch or a scope date other than the UTC date of X-TC-Timestamp → AuthFailure.SignatureFailure.",
    fidelity: "documented",
    source: `${src.commonErrors}; ${src.signatureV3}`,
    switch: "auth.credentials.tencent (the demo credentials by default)",
  },
  {
    vendor: "tencent",
    rule: "|mock clock − X-TC-Timestamp| > 300 s → AuthFailure.SignatureExpire; in verify mode a missing X-TC-Timestamp → MissingParameter and a non-numeric one → InvalidParameter.",
    fidelity: "documented",
    source: `${src.commonParams}; ${src.commonErrors}`,
    switch: "the mock clock (PUT /__mock/clock); the codes for a missing or garbled timestamp are assumed",
  },
  {
    vendor: "tencent",
    rule: "Signature v1 (HmacSHA1, HmacSHA256): the string to sign is the upper-case method + the Host header as sent (port included) + the path (`/`) + `?` + the decoded parameters without Signature, sorted by key, as `k=v` joined by `&`, values not URL-encoded; Signature is the base64 HMAC under the SecretKey. Business parameters (RoomId, Page, Limit) come from the same query or form body.",
    fidelity: "documented",
    source: `${src.commonParams}; ${src.signatureV1Sdks}`,
  },
  {
    vendor: "tencent",
    rule: "Signature v1: the string is tried with and without empty-valued parameters (Go leaves them out, the others keep them), and Nonce is only required to be present (never parsed as a 32-bit integer: Python sends up to 2^63−1).",
    fidelity: "assumed",
    source: `Whether the gateway keeps empty-valued parameters in the string to sign is not documented; accepting both lets every SDK through (${src.signatureV1Sdks}).`,
    switch: "none",
  },
  {
    vendor: "tencent",
    rule: "Signature v1 errors: a SignatureMethod other than HmacSHA1/HmacSHA256 → InvalidParameterValue (absent = HmacSHA1); a non-numeric Timestamp → InvalidParameter; |mock clock − Timestamp| > 300 s → AuthFailure.SignatureExpire; unknown SecretId → AuthFailure.SecretIdNotFound; mismatch → AuthFailure.SignatureFailure. The rate-limit tenant is the SecretId parameter.",
    fidelity: "assumed",
    source: `The expiry window and the AuthFailure codes are the documented ones of API 3.0 (${src.commonParams}; ${src.commonErrors}); the order of the checks and the codes for a bad SignatureMethod or Timestamp are not documented.`,
    switch: "auth.mode / --auth verify; the mock clock",
  },
  {
    vendor: "tencent",
    rule: "Every API 3.0 common error code is catalogued with the common error-code page's description as its message; those the fake never sends by itself (ActionOffline, AuthFailure.InvalidSecretId/MFAFailure/TokenFailure/UnauthorizedOperation, DryRunOperation, InvalidRequest, IpInBlacklist, IpNotInWhitelist, NoSuchProduct, the RequestLimitExceeded sub-codes, ResourceInUse, ResourceInsufficient, ResourceNotFound, ResourceUnavailable, ResourcesSoldOut, ResponseSizeLimitExceeded, ServiceUnavailable, UnauthorizedOperation, UnsupportedOperation, UnsupportedRegion) are reachable through error faults, always with HTTP 200.",
    fidelity: "documented",
    source: `${src.commonErrors}; the real runtime texts are not published, so the descriptions stand in for them`,
    switch: "faults option / POST /__mock/faults",
  },
  {
    vendor: "tencent",
    rule: "The order of signature checks is: header shape, timestamp, expiry, SecretId, date, signature; X-TC-Token is not validated.",
    fidelity: "assumed",
    source: "Not documented; temporary credentials cannot be issued by the fake, so tokens are accepted as sent.",
  },
];

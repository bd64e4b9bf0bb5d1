import { zegoSources } from "../../schemas/zego/sources.js";
import type { LedgerEntry } from "../ledger.js";

const action = "GetRealtimeUsage";

/** Behaviour rules of the ZEGO fake (GetRealtimeUsage), each documented with its source or assumed with its reason. */
export const zegoLedger: LedgerEntry[] = [
  // Wire and routing
  {
    vendor: "zego",
    action,
    rule: "GET https://analytics-api.zego.im/?Action=GetRealtimeUsage with every parameter (common and business) in the query; the regional hosts analytics-api-{sha,hkg,fra,lax,bom,sgp}.zego.im are served too.",
    fidelity: "documented",
    source: zegoSources.accessServerApis,
  },
  {
    vendor: "zego",
    rule: "On a shared port a request is ZEGO's when its query has Action=GetRealtimeUsage, SignatureVersion, SignatureNonce, or an AppId without a Version, whatever the method.",
    fidelity: "assumed",
    source:
      "The fake server serves three vendors on one port; these query shapes are ZEGO's alone (Volcengine and Tencent carry AppIds in the body and always send a Version). Any method is claimed so that a POST still gets ZEGO's own error.",
  },
  {
    vendor: "zego",
    rule: "Action missing or empty → 100000006; any Action other than GetRealtimeUsage (matched exactly, case-sensitive) → 100000007.",
    fidelity: "documented",
    source: zegoSources.gatewayReturnCodes,
    switch: "Case-sensitive matching is assumed (not documented).",
  },
  {
    vendor: "zego",
    action,
    rule: 'POST to GetRealtimeUsage with the same query parameters is refused with 100000007 unless zego.allowPost is on; then it gets the same reply as the GET. Business parameters may also come in a JSON body (`{"StartTs":…,"EndTs":…,"Metrics":[…]}`, arrays read like repeated Metrics[]), added to the query\'s; common parameters (AppId, signature) stay in the query. A body that is not a JSON object of strings, numbers or lists of them → 10001. Any other method → 100000007.',
    fidelity: "assumed",
    source: `The access page says the server APIs allow GET or POST (${zegoSources.accessServerApis}); the GetRealtimeUsage page names only GET, and no code for a wrong method is documented: the gateway's 'unsupported Action' is the closest. With POST the page puts business parameters in a JSON body and common ones in the query; the code for a bad body is not documented (10001, the format error, is assumed).`,
    switch: "options.zego.allowPost (default true, as the access page allows POST)",
  },
  {
    vendor: "zego",
    action,
    rule: "Metrics[] is read with its brackets raw (Metrics[]=) or percent-encoded (Metrics%5B%5D=); both give the same reply.",
    fidelity: "documented",
    source: `${zegoSources.getRealtimeUsage} (examples send the brackets raw; URLSearchParams encodes them)`,
  },
  {
    vendor: "zego",
    action,
    rule: "Metrics= without brackets is read like Metrics[]=; the spellings may be mixed in one query, and the metrics are taken in query order.",
    fidelity: "documented",
    source: `${zegoSources.openApiYaml} (parameter Metrics, style form, explode true: Metrics=a&Metrics=b). How the live server treats it is not stated; accepting it cannot break a client of the bracket form.`,
  },
  {
    vendor: "zego",
    rule: "Path and unknown query parameters are ignored; only the query parameters the docs name are read.",
    fidelity: "assumed",
    source: "The docs route by Action on '/' and say nothing about extra parameters.",
  },
  // Envelope
  {
    vendor: "zego",
    rule: 'Every reply is JSON {Code, Message, Data, RequestId}; success is Code 0 with Message "success".',
    fidelity: "documented",
    source: zegoSources.accessServerApis,
  },
  {
    vendor: "zego",
    rule: "Coded errors are sent with HTTP 200 (Code ≠ 0) and Data {}.",
    fidelity: "assumed",
    source:
      "No ZEGO page states the HTTP status of errors; the OpenAPI yaml declares only a 200 response whose Code enumerates errors, and samples branch on Code. What Data holds on errors is not documented.",
  },
  {
    vendor: "zego",
    rule: "Error Message texts are the documented meaning of the code, plus a detail where useful.",
    fidelity: "assumed",
    source: "ZEGO documents the meaning of each code but no real Message strings.",
  },
  {
    vendor: "zego",
    rule: 'RequestId is a 19-digit decimal value derived from the seed and the request\'s sequence number: a JSON string (requestIdType "string") or a bare JSON number whose digits a double holds exactly ("number"), so JSON.parse in JavaScript gives the same digits back.',
    fidelity: "assumed",
    source:
      'The docs type it String (the OpenAPI yaml\'s example is the string "1660645050860325000"), but every markdown example shows a bare 19-digit number ending in 000 (1660645050860325000, 1659512998878671000), what an int64 looks like after a float64 round trip. Default number: it is what every example shows and most likely the live wire, so client code that only copes with a string (a Go string field, a check for typeof "string") fails against the fake rather than in production, while code typed from the examples (int64, long, number) works; and because the digits are those of a double, JavaScript\'s JSON.parse loses nothing visible (String(reply.RequestId) is the wire text). "string" follows the type column for code written against it. Deterministic so the same seed gives the same bytes.',
    switch: 'options.zego.requestIdType: "number" | "string" (default "number")',
  },
  {
    vendor: "zego",
    rule: "Data is an object {Metrics: [...]} although the response table types it Array.",
    fidelity: "documented",
    source: `${zegoSources.getRealtimeUsage} (every example and the OpenAPI yaml use an object)`,
  },
  // Auth
  {
    vendor: "zego",
    rule: "Auth off (default): the signature parameters are not checked at all; AppId plus the business parameters are enough.",
    fidelity: "assumed",
    source:
      "Lets the kit be used without a ServerSecret; whether the real gateway checks parameter presence before verification is not documented.",
    switch: "auth.mode: 'verify'",
  },
  {
    vendor: "zego",
    rule: "Auth verify: Signature must equal md5(AppId + SignatureNonce + ServerSecret + Timestamp) in lower-case hex, compared in constant time; mismatch → 100000005.",
    fidelity: "documented",
    source: zegoSources.signing,
    switch: "auth.credentials.zego",
  },
  {
    vendor: "zego",
    rule: "Auth verify: Timestamp (seconds) more than 10 minutes from the server clock → 100000004.",
    fidelity: "documented",
    source: zegoSources.accessServerApis,
  },
  {
    vendor: "zego",
    rule: "Auth verify: AppId not in auth.credentials.zego → 100000010 (failed to get ServerSecret).",
    fidelity: "documented",
    source: zegoSources.gatewayReturnCodes,
  },
  {
    vendor: "zego",
    rule: "Auth verify: Timestamp empty → 100000002, not decimal seconds → 100000003, SignatureNonce empty → 100000008, Signature empty → 100000009, SignatureVersion empty → 100000013, not 2.0 → 100000014.",
    fidelity: "documented",
    source: zegoSources.gatewayReturnCodes,
  },
  {
    vendor: "zego",
    rule: "Auth verify checks in this order: AppId format, Timestamp, SignatureNonce, Signature, SignatureVersion, AppId known, clock skew, signature.",
    fidelity: "assumed",
    source: "The gateway's check order is not documented.",
  },
  {
    vendor: "zego",
    rule: "A reused SignatureNonce is not rejected.",
    fidelity: "assumed",
    source: "The docs require a new signature per call but document no replay error code.",
  },
  // Faults and transport
  {
    vendor: "zego",
    rule: "500, 100000000, 100000011, 100000015, 100000016 and 100000017 have no natural cause in the fake server; fault rules produce them.",
    fidelity: "assumed",
    source:
      "They describe server-side states (wrong Host, app configuration, gateway failure, environment, service not enabled) the fake server does not model.",
    switch: "faults option / fault control API",
  },
  {
    vendor: "zego",
    rule: "A request the adapter cannot read (oversized or malformed) → 100000012 'Failed to read HTTP body'.",
    fidelity: "assumed",
    source:
      "100000012 is the documented gateway code for an unreadable body (ASR/whiteboard lists); the status and its use for oversized URLs are assumed.",
  },
  {
    vendor: "zego",
    rule: "A new AppId beyond maxTenants tracked AppIds → 30002.",
    fidelity: "assumed",
    source: "A fake-server memory bound, answered with the vendor's limit error as for every vendor.",
    switch: "maxTenants option",
  },
];

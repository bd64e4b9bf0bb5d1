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
    rule: "GetRealtimeUsage with a method other than GET → 100000007 (unsupported Action).",
    fidelity: "assumed",
    source:
      "The page documents GET only and no code for a wrong method; the gateway's 'unsupported Action' is the closest documented code.",
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
    rule: "RequestId is a 19-digit decimal string derived from the seed and the request's sequence number.",
    fidelity: "assumed",
    source:
      "Typed String in the docs, shown as a 19-digit number in the examples (which JSON.parse cannot keep exactly); a string keeps every digit. Deterministic so the same seed gives the same bytes.",
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

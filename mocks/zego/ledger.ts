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
  // Parameters
  {
    vendor: "zego",
    rule: "AppId must be the decimal text of a Uint32 (1–4294967295, no sign or leading zero), else 100000001, in both auth modes.",
    fidelity: "assumed",
    source:
      "AppId is documented as Uint32 and 100000001 as 'AppId format error'; it is checked even with auth off because it scopes quotas and data.",
  },
  {
    vendor: "zego",
    action,
    rule: "Metrics[] missing → 10002; a name outside the six metrics → 10002; repeated names are answered once, in request order.",
    fidelity: "assumed",
    source:
      "Metrics[] is required and its values enumerated (documented); which code a missing or unknown metric gets is not. 10002 'parameter error or invalid' fits a missing or unknown value better than 10001 'format error'.",
  },
  {
    vendor: "zego",
    action,
    rule: "StartTs or EndTs missing or empty → 10002; present but not a non-negative integer (abc, 1.5, -1, 1e12, > 16 digits) → 10001.",
    fidelity: "assumed",
    source:
      "Both are documented as required Numbers in ms; the split between 10001 (format) and 10002 (invalid) is the kit's reading of the two codes.",
  },
  {
    vendor: "zego",
    action,
    rule: "StartTs and EndTs are UTC milliseconds; EndTs 0 means now.",
    fidelity: "documented",
    source: zegoSources.getRealtimeUsage,
  },
  {
    vendor: "zego",
    action,
    rule: "An EndTs later than now is read as now.",
    fidelity: "assumed",
    source:
      "The docs say 0 'or the current timestamp' mean in progress; a slightly future EndTs (client clock ahead) is treated the same instead of being rejected.",
  },
  {
    vendor: "zego",
    action,
    rule: "Only the last 2 hours: StartTs earlier than now − 2 h → 10002.",
    fidelity: "documented",
    source: zegoSources.getRealtimeUsage,
    switch: "The 2-hour window is documented; the code 10002 for violating it is assumed.",
  },
  {
    vendor: "zego",
    action,
    rule: "StartTs later than EndTs (when EndTs ≠ 0), or later than now → 10002.",
    fidelity: "assumed",
    source: "Not documented; 10002 'parameter error or invalid' is the documented code that fits.",
  },
  {
    vendor: "zego",
    rule: "IsTest is accepted (true/false, any case) and otherwise ignored; 100000016 only comes from a fault rule.",
    fidelity: "assumed",
    source: "The fake server has no test/production environments per app.",
  },
  // Data
  {
    vendor: "zego",
    action,
    rule: "Points are spaced by the step and aligned to multiples of it since the epoch; the default step is 60 s.",
    fidelity: "assumed",
    source:
      "The docs disagree: 'seconds' (seed, overview pages) vs 'minutes' (current detail pages, OpenAPI yaml, 60 s-apart example). The current statement is followed.",
    switch: "options.zego.stepMs (1000–3600000)",
  },
  {
    vendor: "zego",
    action,
    rule: "No point is newer than now − 3 minutes (data delay); a window entirely inside the delay returns empty Values.",
    fidelity: "documented",
    source: zegoSources.getRealtimeUsage,
  },
  {
    vendor: "zego",
    action,
    rule: "Each value is a pure function of (seed, AppId, metric, timestamp): overlapping windows agree and a metric's series does not depend on the other metrics asked.",
    fidelity: "assumed",
    source: "Design principle of the kit (a coherent, deterministic world); real data is only reproducible in this sense.",
    switch: "seed option",
  },
  {
    vendor: "zego",
    action,
    rule: "Values are integers with a daily rhythm (China time, evening peak) and noise; room_concurrent ≤ online_user, max_room_user ≤ online_user, play_concurrent ≥ publish_concurrent, mix_concurrent ≤ publish_concurrent.",
    fidelity: "assumed",
    source: "The metrics are counts (documented meanings); their relations follow from what they count. Curves are invented for realism.",
  },
  // Limits
  {
    vendor: "zego",
    action,
    rule: "3 calls per minute and 480 calls per day per AppId; over either → 30002.",
    fidelity: "documented",
    source: zegoSources.getRealtimeUsage,
    switch: "rateLimits option / engine.setRateLimits(false). That the daily quota also answers 30002 is assumed (not stated).",
  },
  {
    vendor: "zego",
    rule: "Requests refused before the rate limiter (routing, signature, parameters) do not consume quota.",
    fidelity: "assumed",
    source: "Not documented; charging only well-formed requests keeps quota behaviour predictable.",
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

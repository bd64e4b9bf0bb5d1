/**
 * The golden cases: requests (and clock or control steps) whose exact replies, recorded from the
 * current engine by scripts/record-golden.ts, guard the engine rewrite. Only the recorder reads this
 * file; golden.test.ts replays the recorded files in test/golden/cases.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { demoCredentials } from "../../mocks/options.js";
import { signTencentRequest, signTencentV1Request, type TencentV1Method } from "../../schemas/tencent/signing.js";
import { signVolcengineRequest } from "../../schemas/volcengine/signing.js";
import { getRealtimeUsageRequestExampleUrl } from "../../schemas/zego/fixtures/get-realtime-usage-examples.js";
import { zegoSignatureParams } from "../../schemas/zego/signing.js";
import type { GoldenControl, GoldenOptions, GoldenRequest, GoldenStepDefinition } from "./replay.js";

export type Vendor = "volcengine" | "zego" | "tencent";

/** One case: a fresh engine from `options`, then `steps` in order. */
export interface GoldenCaseDefinition {
  vendor: Vendor;
  name: string;
  description: string;
  options: GoldenOptions;
  steps: GoldenStepDefinition[];
}

/** The frozen mock time every case starts at unless its options say otherwise. */
export const T0 = Date.parse("2024-03-01T12:00:00+08:00");
const SEC = 1_000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0_SEC = T0 / 1000;

const base = (extra: Partial<GoldenOptions> = {}): GoldenOptions => ({ seed: 1, clock: { start: T0, frozen: true }, ...extra });
const verify = (extra: Partial<GoldenOptions> = {}): GoldenOptions => base({ auth: { mode: "verify" }, ...extra });

const cases: GoldenCaseDefinition[] = [];
const add = (vendor: Vendor, name: string, description: string, steps: GoldenStepDefinition[], options: GoldenOptions = base()) => {
  if (cases.some((c) => c.vendor === vendor && c.name === name)) throw new Error(`duplicate case ${vendor}/${name}`);
  cases.push({ vendor, name, description, options, steps });
};
const req = (request: GoldenRequest): GoldenStepDefinition => ({ request });
const advance = (ms: number): GoldenStepDefinition => ({ advanceMs: ms });
const control = (action: GoldenControl): GoldenStepDefinition => ({ control: action });
const repeat = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

const fixture = (path: string) => readFileSync(fileURLToPath(new URL(`../../schemas/${path}`, import.meta.url)), "utf8");

/** RFC 3339 text of `ms` at `offset` (`+08:00`, `Z`, `-05:00`). */
function rfc(ms: number, offset = "+08:00"): string {
  if (offset === "Z") return `${new Date(ms).toISOString().slice(0, 19)}Z`;
  const sign = offset.startsWith("-") ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return `${new Date(ms + minutes * MIN).toISOString().slice(0, 19)}${offset}`;
}

// ---------------------------------------------------------------------------------------------
// Volcengine
// ---------------------------------------------------------------------------------------------

const VOLC = "https://rtc.volcengineapi.com";
const RT = { action: "ListRealTimeOperationData", version: "2023-11-01" } as const;
const OD = { action: "ListOperationData", version: "2023-11-01" } as const;
const RQ = { action: "ListRealTimeQuality", version: "2020-12-01" } as const;
/** The same actions at the other API generation. */
const RT20 = { action: "ListRealTimeOperationData", version: "2020-12-01" } as const;
const OD20 = { action: "ListOperationData", version: "2020-12-01" } as const;
const RQ23 = { action: "ListRealTimeQuality", version: "2023-11-01" } as const;
type Ref = typeof RT | typeof OD | typeof RQ | typeof RT20 | typeof OD20 | typeof RQ23;
const volcDemo = demoCredentials.volcengine[0]!;

interface VolcOptions {
  method?: string;
  /** Query string (with `?`) instead of Action and Version. */
  query?: string;
  /** null: no content-type header. */
  contentType?: string | null;
  headers?: Record<string, string>;
  sign?: { accessKeyId?: string; secretKey?: string; date?: number; service?: string; signedHeaders?: string[] };
  bodyBase64?: string;
}

function volc(ref: Ref | null, body: unknown, o: VolcOptions = {}): GoldenRequest {
  const method = o.method ?? "POST";
  const url = new URL(`${VOLC}/${o.query ?? (ref === null ? "" : `?Action=${ref.action}&Version=${ref.version}`)}`);
  const text = typeof body === "string" ? body : body === undefined ? "" : JSON.stringify(body);
  const headers: Record<string, string> = { host: url.host };
  const contentType = o.contentType === undefined ? "application/json" : o.contentType;
  if (contentType !== null) headers["content-type"] = contentType;
  Object.assign(headers, o.headers);
  if (o.sign) {
    const signed = signVolcengineRequest({
      method,
      url,
      headers,
      body: o.bodyBase64 !== undefined ? new Uint8Array(Buffer.from(o.bodyBase64, "base64")) : text,
      accessKeyId: o.sign.accessKeyId ?? volcDemo.accessKeyId,
      secretKey: o.sign.secretKey ?? volcDemo.secretKey,
      date: new Date(o.sign.date ?? T0),
      ...(o.sign.service ? { service: o.sign.service } : {}),
      ...(o.sign.signedHeaders ? { signedHeaders: o.sign.signedHeaders } : {}),
    });
    for (const [name, value] of Object.entries(signed)) headers[name.toLowerCase()] = value;
  }
  const out: GoldenRequest = { method, url: url.href, headers };
  if (o.bodyBase64 !== undefined) out.bodyBase64 = o.bodyBase64;
  else if (text !== "" || method !== "GET") out.body = text;
  return out;
}

const rtBody = (extra: Record<string, unknown> = {}, minutes = 10, offset = "+08:00") => ({
  AppId: "app1",
  StartTime: rfc(T0 - minutes * MIN, offset),
  EndTime: rfc(T0 - MIN, offset),
  Indicator: ["online_user_count", "online_room_count"],
  ...extra,
});
const rqBody = (extra: Record<string, unknown> = {}, minutes = 10, offset = "+08:00") => ({
  AppId: "app1",
  StartTime: rfc(T0 - minutes * MIN, offset),
  EndTime: rfc(T0 - MIN, offset),
  Indicator: ["stall_rate", "join_room_success_rate"],
  ...extra,
});
const MIDNIGHT = Date.parse("2024-03-01T00:00:00+08:00");
const odBody = (extra: Record<string, unknown> = {}, granularity = "1d", days = 3, offset = "+08:00") => ({
  AppId: "app1",
  StartTime: rfc(MIDNIGHT - days * DAY, offset),
  EndTime: rfc(MIDNIGHT - DAY, offset),
  Indicator: ["per_call_time", "avg_call_time", "user_count"],
  AggregateGranularity: granularity,
  ...extra,
});

function volcengineCases(): void {
  const v = (name: string, description: string, steps: GoldenStepDefinition[], options?: GoldenOptions) =>
    add("volcengine", name, description, steps, options);

  // The vendor document examples, their text kept, times moved into the live window.
  const rtDoc = fixture("volcengine/fixtures/list-real-time-operation-data.request.json")
    .replace("2021-07-24T00:00:00+08:00", rfc(T0 - 10 * MIN))
    .replace("2021-07-24T00:01:00+08:00", rfc(T0 - 9 * MIN));
  v("doc-list-real-time-operation-data", "The doc example request, verbatim text, times moved to T0−10 min … T0−9 min", [
    req(volc(RT, rtDoc)),
  ]);
  const odDoc = fixture("volcengine/fixtures/list-operation-data.request.json")
    .replace("2021-07-24T00:00:00+08:00", "2024-02-27T00:00:00+08:00")
    .replace("2021-07-25T00:00:00+08:00", "2024-02-28T00:00:00+08:00");
  v("doc-list-operation-data", "The doc example request, verbatim text, moved to 2024-02-27 … 2024-02-28 (+08:00)", [req(volc(OD, odDoc))]);
  const rqDoc = fixture("volcengine/fixtures/list-real-time-quality.request.json")
    .replace("2021-07-24T00:00:00+08:00", rfc(T0 - 20 * MIN))
    .replace("2021-07-24T00:10:00+08:00", rfc(T0 - 10 * MIN));
  v("doc-list-real-time-quality", "The doc example request (RoomId, UserId), verbatim text, times moved to T0−20 … T0−10 min", [
    req(volc(RQ, rqDoc)),
  ]);
  v("doc-list-real-time-quality-compact", "The doc example with a real-looking AppId and RoomId, compact JSON", [
    req(volc(RQ, { ...JSON.parse(rqDoc), AppId: "661e4f4b0e5c2a0001f2a001", RoomId: "room1" })),
  ]);
  v("doc-list-real-time-operation-data-compact", "The doc example with a real-looking AppId, compact JSON", [
    req(volc(RT, { ...JSON.parse(rtDoc), AppId: "661e4f4b0e5c2a0001f2a001" })),
  ]);

  // ListRealTimeOperationData successes.
  v("rt-online-user-count", "One indicator, last 10 min", [req(volc(RT, rtBody({ Indicator: ["online_user_count"] })))]);
  v("rt-online-room-count", "One indicator, last 10 min", [req(volc(RT, rtBody({ Indicator: ["online_room_count"] })))]);
  v("rt-both-indicators-30min", "Both indicators, last 30 min", [req(volc(RT, rtBody({}, 30)))]);
  for (const [label, offset] of [
    ["plus8", "+08:00"],
    ["utc-z", "Z"],
    ["minus5", "-05:00"],
  ] as const)
    v(`rt-tz-${label}`, `Times written in ${offset}; replies echo the StartTime offset`, [req(volc(RT, rtBody({}, 5, offset)))]);
  v("rt-full-hour-span", "StartTime T0−60 min, EndTime T0: the whole lookback", [
    req(volc(RT, { ...rtBody(), StartTime: rfc(T0 - 60 * MIN), EndTime: rfc(T0) })),
  ]);
  v("rt-single-instant", "StartTime equal to EndTime: one bucket", [
    req(volc(RT, { ...rtBody(), StartTime: rfc(T0 - 5 * MIN), EndTime: rfc(T0 - 5 * MIN) })),
  ]);
  v("rt-unaligned-seconds", "Times off the 30 s grid", [
    req(volc(RT, { ...rtBody(), StartTime: rfc(T0 - 7 * MIN - 13 * SEC), EndTime: rfc(T0 - MIN - 47 * SEC) })),
  ]);
  v("rt-inside-data-delay", "EndTime T0: the last 20 s have no data yet", [
    req(volc(RT, { ...rtBody(), StartTime: rfc(T0 - 2 * MIN), EndTime: rfc(T0) })),
  ]);
  v("rt-other-app", "Another AppId gets other numbers", [req(volc(RT, rtBody({ AppId: "app2" })))]);
  v("rt-same-query-twice", "The same query twice: same data, new RequestId", [req(volc(RT, rtBody())), req(volc(RT, rtBody()))]);
  v("rt-after-clock-advance", "A query, 5 minutes later the same relative query", [
    req(volc(RT, rtBody())),
    advance(5 * MIN),
    req(volc(RT, rtBody({ StartTime: rfc(T0 - 5 * MIN), EndTime: rfc(T0 + 4 * MIN) }))),
  ]);
  v("rt-overlapping-windows", "Two overlapping windows agree on their common buckets", [
    req(volc(RT, rtBody({}, 20))),
    req(volc(RT, { ...rtBody(), StartTime: rfc(T0 - 12 * MIN), EndTime: rfc(T0 - 3 * MIN) })),
  ]);
  v("rt-duplicate-indicator", "The same indicator twice", [
    req(volc(RT, rtBody({ Indicator: ["online_user_count", "online_user_count"] }))),
  ]);
  v("rt-milliseconds-in-time", "RFC 3339 with fractional seconds", [
    req(volc(RT, { ...rtBody(), StartTime: "2024-03-01T11:50:00.500+08:00", EndTime: "2024-03-01T11:55:00.250+08:00" })),
  ]);
  v("rt-unknown-field", "A body field the docs do not list", [req(volc(RT, rtBody({ RoomId: "room1" })))]);
  v("rt-unknown-indicator", "An indicator of another action", [req(volc(RT, rtBody({ Indicator: ["stall_rate"] })))]);
  v("rt-empty-indicator", "Indicator []", [req(volc(RT, rtBody({ Indicator: [] })))]);
  v("rt-missing-fields", "Only AppId", [req(volc(RT, { AppId: "app1" }))]);
  v("rt-time-without-offset", "StartTime without offset", [req(volc(RT, rtBody({ StartTime: "2024-03-01T11:50:00" })))]);
  v("rt-older-than-lookback", "StartTime 2 h ago (lookback 60 min)", [req(volc(RT, rtBody({ StartTime: rfc(T0 - 2 * HOUR) })))]);
  v("rt-span-over-60min", "61 min span inside… beyond the lookback", [
    req(volc(RT, rtBody({ StartTime: rfc(T0 - 61 * MIN), EndTime: rfc(T0) }))),
  ]);
  v("rt-end-in-future", "EndTime 5 min after T0", [req(volc(RT, rtBody({ EndTime: rfc(T0 + 5 * MIN) })))]);
  v("rt-start-after-end", "StartTime later than EndTime", [req(volc(RT, rtBody({ StartTime: rfc(T0), EndTime: rfc(T0 - MIN) })))]);

  // ListOperationData successes.
  v("od-1d-three-days", "Daily, three indicators, 2 days", [req(volc(OD, odBody()))]);
  v("od-1h-one-day", "Hourly, one day", [req(volc(OD, odBody({}, "1h", 2)))]);
  for (const indicator of ["per_call_time", "avg_call_time", "user_count"])
    v(`od-indicator-${indicator.replace(/_/g, "-")}`, `Daily ${indicator}, 5 days`, [
      req(volc(OD, odBody({ Indicator: [indicator] }, "1d", 6))),
    ]);
  v("od-tz-utc-z", "Daily, times in Z", [req(volc(OD, odBody({}, "1d", 3, "Z")))]);
  v("od-tz-minus5", "Daily, times in -05:00", [req(volc(OD, odBody({}, "1d", 3, "-05:00")))]);
  v("od-1h-tz-utc-z", "Hourly, times in Z", [req(volc(OD, odBody({}, "1h", 2, "Z")))]);
  v("od-1h-tz-minus5", "Hourly, times in -05:00", [req(volc(OD, odBody({}, "1h", 2, "-05:00")))]);
  v("od-seven-day-span", "The largest span, 7 days", [
    req(volc(OD, odBody({ StartTime: rfc(MIDNIGHT - 8 * DAY), EndTime: rfc(MIDNIGHT - DAY) }))),
  ]);
  v("od-eight-day-span", "A span over 7 days", [
    req(volc(OD, odBody({ StartTime: rfc(MIDNIGHT - 9 * DAY), EndTime: rfc(MIDNIGHT - DAY) }))),
  ]);
  v("od-older-than-30-days", "StartTime 31 days ago", [
    req(volc(OD, odBody({ StartTime: rfc(MIDNIGHT - 31 * DAY), EndTime: rfc(MIDNIGHT - 29 * DAY) }))),
  ]);
  v("od-1h-inside-data-delay", "Hourly up to T0 (8 h data delay)", [
    req(volc(OD, odBody({ StartTime: rfc(T0 - 12 * HOUR), EndTime: rfc(T0) }, "1h"))),
  ]);
  v("od-missing-granularity", "No AggregateGranularity", [
    req(volc(OD, { AppId: "app1", StartTime: rfc(MIDNIGHT - 3 * DAY), EndTime: rfc(MIDNIGHT - DAY), Indicator: ["user_count"] })),
  ]);
  v("od-bad-granularity", "AggregateGranularity 1m", [req(volc(OD, odBody({}, "1m")))]);
  v("od-unaligned-times", "Daily with times off midnight", [
    req(volc(OD, odBody({ StartTime: rfc(MIDNIGHT - 3 * DAY + 5 * HOUR), EndTime: rfc(MIDNIGHT - DAY + 7 * HOUR) }))),
  ]);
  v("od-realtime-indicator", "A real-time indicator on the offline action", [req(volc(OD, odBody({ Indicator: ["online_user_count"] })))]);

  // ListRealTimeQuality successes.
  for (const indicator of [
    "join_room_success_rate",
    "stall_rate",
    "first_frame_send_success_rate",
    "first_frame_recv_success_rate",
    "network_trans_delay",
  ])
    v(`rq-indicator-${indicator.replace(/_/g, "-")}`, `${indicator} alone, last 10 min`, [
      req(volc(RQ, rqBody({ Indicator: [indicator] }))),
    ]);
  v("rq-all-indicators", "All five indicators, last 30 min", [
    req(
      volc(
        RQ,
        rqBody(
          {
            Indicator: [
              "join_room_success_rate",
              "stall_rate",
              "first_frame_send_success_rate",
              "first_frame_recv_success_rate",
              "network_trans_delay",
            ],
          },
          30,
        ),
      ),
    ),
  ]);
  v("rq-room-id", "Filtered by RoomId", [req(volc(RQ, rqBody({ RoomId: "room1" })))]);
  v("rq-user-id", "Filtered by UserId", [req(volc(RQ, rqBody({ UserId: ["user1", "user2"] })))]);
  v("rq-room-and-user", "Filtered by RoomId and UserId", [req(volc(RQ, rqBody({ RoomId: "room1", UserId: ["user1"] })))]);
  v("rq-empty-user-list", "UserId []", [req(volc(RQ, rqBody({ UserId: [] })))]);
  v("rq-tz-utc-z", "Times in Z", [req(volc(RQ, rqBody({}, 10, "Z")))]);
  v("rq-tz-minus5", "Times in -05:00", [req(volc(RQ, rqBody({}, 10, "-05:00")))]);
  v("rq-illegal-room-id", "RoomId with a space and #", [req(volc(RQ, rqBody({ RoomId: "room #1" })))]);

  // Routing.
  v("route-missing-action", "No query string at all", [req(volc(null, {}, { query: "" }))]);
  v("route-missing-action-with-version", "Version without Action", [req(volc(null, {}, { query: "?Version=2023-11-01" }))]);
  v("route-missing-version", "Action without Version", [req(volc(null, rtBody(), { query: "?Action=ListRealTimeOperationData" }))]);
  v("route-unknown-action", "Action=ListRooms", [req(volc(null, rtBody(), { query: "?Action=ListRooms&Version=2023-11-01" }))]);
  v("route-unknown-version", "ListRealTimeQuality at 2019-01-01", [
    req(volc(null, {}, { query: "?Action=ListRealTimeQuality&Version=2019-01-01" })),
  ]);
  v("route-version-of-other-action", "ListRealTimeOperationData at a version no action has (2021-06-01)", [
    req(volc(null, rtBody(), { query: "?Action=ListRealTimeOperationData&Version=2021-06-01" })),
  ]);
  v("route-get-method", "GET on a POST action", [req(volc(RT, undefined, { method: "GET", contentType: null }))]);
  v("route-put-method", "PUT on a POST action", [req(volc(RT, rtBody(), { method: "PUT" }))]);

  // Transport-ish bad input.
  v("bad-invalid-json", "Body is not JSON", [req(volc(RT, "{not json"))]);
  v("bad-array-body", "Body is a JSON array", [req(volc(RT, "[1,2]"))]);
  v("bad-string-body", "Body is a JSON string", [req(volc(OD, '"text"'))]);
  v("bad-number-body", "Body is a JSON number", [req(volc(RQ, "42"))]);
  v("bad-null-body", "Body is JSON null", [req(volc(RT, "null"))]);
  v("bad-empty-body-rt", "Empty body", [req(volc(RT, ""))]);
  v("bad-empty-body-od", "Empty body", [req(volc(OD, ""))]);
  v("bad-text-plain-content-type", "A valid body sent as text/plain", [req(volc(RT, rtBody(), { contentType: "text/plain" }))]);
  v("bad-no-content-type", "A valid body without content-type", [req(volc(RT, rtBody(), { contentType: null }))]);
  v("bad-non-utf8-body", "Body bytes that are not UTF-8", [
    req(volc(RT, undefined, { bodyBase64: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]).toString("base64") })),
  ]);
  v("bad-appid-number", "AppId as a number (InvalidParameter)", [req(volc(RT, rtBody({ AppId: 1 })))]);
  v("bad-illegal-appid", "AppId with spaces", [req(volc(RT, rtBody({ AppId: "not an app id" })))]);
  v(
    "bad-not-exist-appid",
    "knownAppIds [app1]: app9 does not exist, app1 does",
    [req(volc(RT, rtBody({ AppId: "app9" }))), req(volc(RT, rtBody()))],
    base({ volcengine: { knownAppIds: ["app1"] } }),
  );

  // Rate limits: 2 per second per AppId and action.
  v("rate-third-in-one-second", "3 calls in one second: the third is throttled; a second later it passes", [
    req(volc(RT, rtBody())),
    req(volc(RT, rtBody())),
    req(volc(RT, rtBody())),
    advance(1000),
    req(volc(RT, rtBody())),
  ]);
  v("rate-per-app", "2 calls of app1 and one of app2 in one second pass; a 3rd of app1 is throttled", [
    req(volc(RQ, rqBody())),
    req(volc(RQ, rqBody())),
    req(volc(RQ, rqBody({ AppId: "app2" }))),
    req(volc(RQ, rqBody())),
  ]);
  v("rate-per-action", "2 calls of each action in one second all pass; the 3rd ListOperationData is throttled", [
    req(volc(RT, rtBody())),
    req(volc(RT, rtBody())),
    req(volc(OD, odBody())),
    req(volc(OD, odBody())),
    req(volc(RQ, rqBody())),
    req(volc(OD, odBody())),
  ]);
  v("rate-limits-switched-off", "setRateLimits(false): 4 calls in a second pass", [
    control({ setRateLimits: false }),
    ...repeat(4, () => req(volc(RT, rtBody()))),
  ]);
  v(
    "rate-limits-off-in-options",
    "rateLimits false in the options",
    repeat(3, () => req(volc(RQ, rqBody()))),
    base({ rateLimits: false }),
  );
  v(
    "rate-tenant-capacity",
    "maxTenants 1: a second AppId gets FlowLimitExceeded",
    [req(volc(RT, rtBody())), req(volc(RT, rtBody({ AppId: "app2" })))],
    base({ maxTenants: 1 }),
  );

  // Verify mode.
  const signed = { sign: {} };
  v("verify-valid-rt", "Signed with the demo AccessKey (Node SDK headers)", [req(volc(RT, rtBody(), signed))], verify());
  v("verify-valid-od", "Signed with the demo AccessKey", [req(volc(OD, odBody(), signed))], verify());
  v("verify-valid-rq", "Signed with the demo AccessKey", [req(volc(RQ, rqBody(), signed))], verify());
  v(
    "verify-valid-host-signed",
    "Signature over host and content-type too",
    [req(volc(RT, rtBody(), { sign: { signedHeaders: ["content-type", "host", "x-content-sha256", "x-date"] } }))],
    verify(),
  );
  v("verify-wrong-secret", "Signed with another secret key", [req(volc(RT, rtBody(), { sign: { secretKey: "wrong-secret" } }))], verify());
  v("verify-unknown-key", "Unknown AccessKeyId", [req(volc(RT, rtBody(), { sign: { accessKeyId: "AKLTunknown" } }))], verify());
  v("verify-expired", "X-Date 20 minutes before the clock", [req(volc(RT, rtBody(), { sign: { date: T0 - 20 * MIN } }))], verify());
  v("verify-from-future", "X-Date 20 minutes after the clock", [req(volc(RQ, rqBody(), { sign: { date: T0 + 20 * MIN } }))], verify());
  v("verify-missing-authorization", "No Authorization header", [req(volc(RT, rtBody()))], verify());
  {
    const full = volc(RT, rtBody(), signed);
    const { "x-date": _date, ...noDate } = full.headers;
    v("verify-missing-x-date", "Authorization without X-Date", [req({ ...full, headers: noDate })], verify());
    v("verify-tampered-body", "Signed body changed after signing", [req({ ...full, body: full.body!.replace("app1", "app3") })], verify());
  }
  v(
    "verify-missing-signature",
    "Credential and SignedHeaders, no Signature",
    [
      req(
        volc(RT, rtBody(), {
          headers: {
            "x-date": "20240301T040000Z",
            authorization: `HMAC-SHA256 Credential=${volcDemo.accessKeyId}/20240301/cn-north-1/rtc/request, SignedHeaders=x-date`,
          },
        }),
      ),
    ],
    verify(),
  );
  v(
    "verify-invalid-authorization",
    "Authorization: Bearer",
    [req(volc(RT, rtBody(), { headers: { authorization: "Bearer abc", "x-date": "20240301T040000Z" } }))],
    verify(),
  );
  v(
    "verify-invalid-credential",
    "Credential without date and service",
    [
      req(
        volc(RT, rtBody(), {
          headers: {
            "x-date": "20240301T040000Z",
            authorization: `HMAC-SHA256 Credential=${volcDemo.accessKeyId}/cn-north-1, SignedHeaders=x-date, Signature=${"0".repeat(64)}`,
          },
        }),
      ),
    ],
    verify(),
  );
  v("verify-service-not-found", "Credential scope service vod", [req(volc(RT, rtBody(), { sign: { service: "vod" } }))], verify());
  v("verify-off-accepts-bad-signature", "Auth off: a wrongly signed request is answered", [
    req(volc(RT, rtBody(), { sign: { secretKey: "wrong", date: 0 } })),
  ]);

  // Faults.
  const fault = (
    name: string,
    description: string,
    spec: GoldenControl & { addFault: unknown },
    ref: Ref,
    body: unknown,
    options?: GoldenOptions,
  ) => v(name, description, [control(spec), req(volc(ref, body, options?.auth ? signed : {}))], options);
  fault(
    "fault-access-denied",
    "Error fault AccessDenied with args",
    { addFault: { kind: "error", vendor: "volcengine", code: "AccessDenied", args: ["ListRealTimeQuality", "trn:rtc::app/app1"] } },
    RQ,
    rqBody(),
  );
  fault(
    "fault-internal-error",
    "Error fault InternalError",
    { addFault: { kind: "error", vendor: "volcengine", code: "InternalError" } },
    RT,
    rtBody(),
  );
  fault(
    "fault-internal-service-timeout",
    "Error fault InternalServiceTimeout",
    { addFault: { kind: "error", vendor: "volcengine", code: "InternalServiceTimeout" } },
    OD,
    odBody(),
  );
  fault(
    "fault-invalid-secret-token",
    "Error fault InvalidSecretToken",
    { addFault: { kind: "error", vendor: "volcengine", code: "InvalidSecretToken" } },
    RT,
    rtBody(),
  );
  // Gateway and RTC codes the fake never sends by itself (clients.md §2.6): one fault case each.
  for (const code of [
    "LackPolicy",
    "FailToConnect",
    "LackProjectPolicy",
    "InnerApiNeedAccountInfo",
    "AccountFlowLimitExceeded",
    "AccessDenied.ServiceNotEnabled",
    "InvalidParameter.EmptyAccountId",
    "InvalidParameter.AccountIdMismatch",
    "FlowLimitExceeded.TaskNumberOverLimit",
  ]) {
    fault(`fault-code-${code}`, `Error fault ${code}`, { addFault: { kind: "error", vendor: "volcengine", code } }, RT, rtBody());
  }
  fault(
    "fault-no-permission-for-app",
    "Error fault AccessDenied.NoPermissionForApp",
    { addFault: { kind: "error", vendor: "volcengine", code: "AccessDenied.NoPermissionForApp" } },
    RQ,
    rqBody(),
  );
  fault("fault-latency-post", "30 ms latency on a POST, then the normal reply", { addFault: { kind: "latency", vendor: "volcengine", ms: 30 } }, RQ, rqBody());
  fault(
    "fault-http-502",
    "HTTP 502 fault",
    { addFault: { kind: "http", vendor: "volcengine", action: "ListOperationData", status: 502 } },
    OD,
    odBody(),
  );
  fault("fault-http-503", "HTTP 503 fault", { addFault: { kind: "http", vendor: "volcengine", status: 503 } }, RT, rtBody());
  fault("fault-http-500", "HTTP 500 fault", { addFault: { kind: "http", status: 500 } }, RQ, rqBody());
  fault(
    "fault-http-504-body",
    "HTTP 504 fault with its own body",
    { addFault: { kind: "http", vendor: "volcengine", status: 504, body: "upstream timed out" } },
    RT,
    rtBody(),
  );
  fault("fault-http-429", "HTTP 429 fault (bare)", { addFault: { kind: "http", vendor: "volcengine", status: 429 } }, RT, rtBody());
  fault("fault-drop", "Drop fault: no reply", { addFault: { kind: "drop", vendor: "volcengine" } }, RT, rtBody());
  fault(
    "fault-before-auth",
    "Verify mode: a fault answers before the signature check",
    { addFault: { kind: "error", vendor: "volcengine", code: "InternalError" } },
    RT,
    rtBody(),
    verify(),
  );
  v("fault-times-one", "A fault for one request, then normal replies", [
    control({ addFault: { kind: "error", vendor: "volcengine", code: "InternalError", times: 1 } }),
    req(volc(RT, rtBody())),
    req(volc(RT, rtBody())),
  ]);
  v("fault-action-scoped", "A fault on ListRealTimeQuality leaves ListRealTimeOperationData alone", [
    control({ addFault: { kind: "http", vendor: "volcengine", action: "ListRealTimeQuality", status: 503 } }),
    req(volc(RT, rtBody())),
    req(volc(RQ, rqBody())),
  ]);
  v("fault-other-vendor", "A ZEGO fault leaves Volcengine alone", [
    control({ addFault: { kind: "drop", vendor: "zego" } }),
    req(volc(RT, rtBody())),
  ]);
  v(
    "fault-probability",
    "A 50 % fault: seeded draws decide which of 6 requests fail",
    [
      control({ addFault: { kind: "error", vendor: "volcengine", code: "InternalServiceTimeout", probability: 0.5 } }),
      ...repeat(6, () => req(volc(RT, rtBody()))),
    ],
    base({ rateLimits: false }),
  );
  v(
    "fault-in-options",
    "A fault configured in the options",
    [req(volc(RQ, rqBody())), req(volc(RQ, rqBody()))],
    base({ faults: [{ kind: "error", vendor: "volcengine", code: "InternalError", times: 1 }] }),
  );

  // The other API generation of each action: same request, reply and limits, the Version echoed.
  const generations: { ref: Ref; body: () => Record<string, unknown>; utc: () => Record<string, unknown>; tag: string }[] = [
    { ref: RT20, body: () => rtBody(), utc: () => rtBody({}, 10, "Z"), tag: "rt-2020-12-01" },
    { ref: OD20, body: () => odBody(), utc: () => odBody({}, "1d", 3, "Z"), tag: "od-2020-12-01" },
    { ref: RQ23, body: () => rqBody(), utc: () => rqBody({}, 10, "Z"), tag: "rq-2023-11-01" },
  ];
  for (const { ref, body, utc, tag } of generations) {
    v(`generation-${tag}-success`, `${ref.action} at ${ref.version}: the same data as the other generation`, [req(volc(ref, body()))]);
    v(`generation-${tag}-utc`, `${ref.action} at ${ref.version}, times in Z`, [req(volc(ref, utc()))]);
    v(`generation-${tag}-unknown-indicator`, `${ref.action} at ${ref.version}: an unknown Indicator`, [req(volc(ref, { ...body(), Indicator: ["nope"] }))]);
    v(`generation-${tag}-start-after-end`, `${ref.action} at ${ref.version}: StartTime after EndTime`, [
      req(volc(ref, { ...body(), StartTime: body().EndTime, EndTime: body().StartTime })),
    ]);
    v(`generation-${tag}-verify`, `${ref.action} at ${ref.version}, signed with the demo AccessKey`, [req(volc(ref, body(), signed))], verify());
    v(`generation-${tag}-shared-quota`, `${ref.action}: both generations count against one 2-per-second quota`, [
      req(volc(ref, body())),
      req(volc(ref === RT20 ? RT : ref === OD20 ? OD : RQ, body())),
      req(volc(ref, body())),
    ]);
  }
}

// ---------------------------------------------------------------------------------------------
// ZEGO
// ---------------------------------------------------------------------------------------------

const ZEGO = "https://analytics-api.zego.im";
const zegoDemo = demoCredentials.zego[0]!;

interface UsageQuery {
  appId?: string | null;
  metrics?: string[];
  startTs?: string | number | null;
  endTs?: string | number | null;
  action?: string | null;
  extra?: Record<string, string>;
  encodedBrackets?: boolean;
}

function usageQuery(q: UsageQuery = {}): string {
  const parts: string[] = [];
  const put = (key: string, value: string) => parts.push(`${key}=${encodeURIComponent(value)}`);
  if (q.action !== null) put("Action", q.action ?? "GetRealtimeUsage");
  if (q.appId !== null) put("AppId", q.appId ?? zegoDemo.appId);
  const key = q.encodedBrackets ? "Metrics%5B%5D" : "Metrics[]";
  for (const metric of q.metrics ?? ["online_user"]) parts.push(`${key}=${encodeURIComponent(metric)}`);
  if (q.startTs !== null) put("StartTs", String(q.startTs ?? T0 - 30 * MIN));
  if (q.endTs !== null) put("EndTs", String(q.endTs ?? 0));
  for (const [k, value] of Object.entries(q.extra ?? {})) put(k, value);
  return parts.join("&");
}

function zego(query: string, method = "GET"): GoldenRequest {
  const url = new URL(`${ZEGO}/?${query}`);
  return { method, url: url.href, headers: { host: url.host } };
}
const usage = (q: UsageQuery = {}) => zego(usageQuery(q));

function zegoSig(o: { appId?: string; serverSecret?: string; timestampSec?: number; nonce?: string } = {}): Record<string, string> {
  return {
    ...zegoSignatureParams({
      appId: o.appId ?? zegoDemo.appId,
      serverSecret: o.serverSecret ?? zegoDemo.serverSecret,
      timestampSec: o.timestampSec ?? T0_SEC,
      nonce: o.nonce ?? "00000000deadbeef",
    }),
  };
}

function zegoCases(): void {
  const z = (name: string, description: string, steps: GoldenStepDefinition[], options?: GoldenOptions) =>
    add("zego", name, description, steps, options);

  const doc = getRealtimeUsageRequestExampleUrl
    .replace("StartTs=1672565276000", `StartTs=${T0 - 10 * MIN}`)
    .replace("EndTs=1672565456000", `EndTs=${T0 - 7 * MIN}`);
  z("doc-get-realtime-usage", "The doc example URL (common parameters of the access page), times moved to T0−10 … T0−7 min", [
    req(zego(doc.slice(doc.indexOf("?") + 1))),
  ]);
  z(
    "doc-get-realtime-usage-signed",
    "The doc example's business parameters, signed for verify mode",
    [
      req(
        usage({
          metrics: ["publish_concurrent", "online_user"],
          startTs: T0 - 10 * MIN,
          endTs: T0 - 7 * MIN,
          appId: null,
          extra: zegoSig(),
        }),
      ),
    ],
    verify(),
  );

  for (const metric of ["publish_concurrent", "play_concurrent", "room_concurrent", "online_user", "max_room_user", "mix_concurrent"])
    z(`metric-${metric.replace(/_/g, "-")}`, `${metric} alone, last 30 min`, [req(usage({ metrics: [metric] }))]);
  z("metrics-all", "All six metrics, last 60 min", [
    req(
      usage({
        metrics: ["publish_concurrent", "play_concurrent", "room_concurrent", "online_user", "max_room_user", "mix_concurrent"],
        startTs: T0 - HOUR,
      }),
    ),
  ]);
  z("endts-explicit", "An explicit EndTs", [req(usage({ startTs: T0 - 20 * MIN, endTs: T0 - 5 * MIN }))]);
  z("endts-zero", "EndTs=0 means now", [req(usage({ startTs: T0 - 5 * MIN, endTs: 0 }))]);
  z("encoded-brackets", "Metrics%5B%5D instead of raw brackets", [
    req(usage({ metrics: ["online_user", "room_concurrent"], encodedBrackets: true })),
  ]);
  z("start-two-hours-ago", "StartTs exactly 2 h ago", [req(usage({ startTs: T0 - 2 * HOUR, endTs: T0 - 110 * MIN }))]);
  z("start-unaligned", "StartTs and EndTs off the minute grid", [req(usage({ startTs: T0 - 17 * MIN - 1234, endTs: T0 - 3 * MIN - 567 }))]);
  z("other-app", "Another AppId", [req(usage({ appId: "987654321" }))]);
  z("after-clock-advance", "A query, then the same query 10 minutes later", [
    req(usage({ startTs: T0 - 5 * MIN })),
    advance(10 * MIN),
    req(usage({ startTs: T0 + 5 * MIN })),
  ]);
  z("step-30s-option", "zego.stepMs 30000", [req(usage({ startTs: T0 - 5 * MIN }))], base({ zego: { stepMs: 30_000 } }));

  // Wire details (issue 12): plain Metrics, point alignment, RequestId type, POST.
  z("metrics-no-brackets", "Metrics=a&Metrics=b (the OpenAPI yaml's spelling)", [
    req(zego(usageQuery({ metrics: [] }) + "&Metrics=publish_concurrent&Metrics=online_user")),
  ]);
  z("metrics-mixed-spellings", "Metrics, Metrics[] and Metrics%5B%5D in one query, a repeat answered once", [
    req(zego(usageQuery({ metrics: ["online_user"] }) + "&Metrics=room_concurrent&Metrics%5B%5D=mix_concurrent&Metrics=online_user")),
  ]);
  const docStart = 1_672_565_260_000;
  const docEnd = 1_672_565_320_000;
  const atDoc = (zegoOptions: Record<string, unknown>) =>
    base({ clock: { start: docEnd + 10 * MIN, frozen: true }, zego: zegoOptions });
  const docPoints = () => req(usage({ metrics: ["publish_concurrent", "online_user"], startTs: docStart, endTs: docEnd }));
  z("points-start-doc-example", "The current doc example's window: points at StartTs and EndTs (alignPoints start)", [docPoints()], atDoc({ alignPoints: "start" }));
  z("points-epoch-doc-example", "The same window on the epoch-minute grid (alignPoints epoch)", [docPoints()], atDoc({ alignPoints: "epoch" }));
  z("requestid-number", "RequestId as a bare number, on a success and an error (requestIdType number)", [
    req(usage()),
    req(usage({ metrics: ["cpu"] })),
  ], base({ zego: { requestIdType: "number" } }));
  z("requestid-string", "RequestId as a string (requestIdType string)", [req(usage())], base({ zego: { requestIdType: "string" } }));
  z("post-query-params", "POST with every parameter in the query (allowPost true)", [
    req({ ...zego(usageQuery(), "POST"), body: "" }),
  ], base({ zego: { allowPost: true } }));
  z("post-json-body", "POST with a JSON body: its Metrics replace the query's (allowPost true)", [
    req({ ...zego(usageQuery()), method: "POST", headers: { host: new URL(ZEGO).host, "content-type": "application/json" }, body: '{"Metrics":["mix_concurrent"]}' }),
  ], base({ zego: { allowPost: true } }));
  z("post-refused", "POST refused (allowPost false, 100000007)", [req({ ...zego(usageQuery(), "POST"), body: "" })], base({ zego: { allowPost: false } }));
  z("post-verify", "A signed POST in verify mode (allowPost true)", [
    req({ ...zego(usageQuery({ appId: null, extra: zegoSig() }), "POST"), body: "" }),
  ], { ...verify(), zego: { allowPost: true } });

  // Parameter errors.
  z("error-start-not-integer", "StartTs=abc (10001)", [req(usage({ startTs: "abc" }))]);
  z("error-start-fraction", "StartTs=1.5 (10001)", [req(usage({ startTs: "1.5" }))]);
  z("error-end-negative", "EndTs=-1 (10001)", [req(usage({ endTs: "-1" }))]);
  z("error-start-too-old", "StartTs 3 h ago (10002)", [req(usage({ startTs: T0 - 3 * HOUR }))]);
  z("error-start-in-future", "StartTs in the future (10002)", [req(usage({ startTs: T0 + 5 * MIN }))]);
  z("error-start-after-end", "StartTs after EndTs (10002)", [req(usage({ startTs: T0 - 5 * MIN, endTs: T0 - 10 * MIN }))]);
  z("error-missing-metrics", "No Metrics[] (10002)", [req(usage({ metrics: [] }))]);
  z("error-unknown-metric", "Metrics[]=cpu (10002)", [req(usage({ metrics: ["cpu"] }))]);
  z("error-missing-start", "No StartTs (10002)", [req(usage({ startTs: null }))]);
  z("error-missing-end", "No EndTs (10002)", [req(usage({ endTs: null }))]);
  z("error-missing-appid", "Action but no AppId (100000001)", [req(usage({ appId: null }))]);
  z("error-bad-appid", "AppId=abc (100000001)", [req(usage({ appId: "abc" }))]);

  // Routing.
  z("route-missing-action", "AppId without Action (100000006)", [req(usage({ action: null }))]);
  z("route-empty-action", "Action= (100000006)", [req(usage({ action: "" }))]);
  z("route-unknown-action", "Action=GetBizQuality (100000007)", [req(usage({ action: "GetBizQuality" }))]);
  z("route-post-method", "POST to GetRealtimeUsage (100000007)", [req({ ...zego(usageQuery(), "POST"), body: "" })]);

  // Rate limits: 3 per minute per AppId.
  z("rate-fourth-in-a-minute", "4 calls in one minute: the 4th is refused (30002); a minute later it passes", [
    ...repeat(4, () => req(usage())),
    advance(60 * SEC),
    req(usage()),
  ]);
  z("rate-per-app", "3 calls of one AppId, then another AppId passes", [
    ...repeat(3, () => req(usage())),
    req(usage({ appId: "987654321" })),
  ]);
  z(
    "rate-tenant-capacity",
    "maxTenants 1: a second AppId is refused",
    [req(usage()), req(usage({ appId: "987654321" }))],
    base({ maxTenants: 1 }),
  );
  z("rate-limits-off", "setRateLimits(false): 5 calls pass", [control({ setRateLimits: false }), ...repeat(5, () => req(usage()))]);

  // Verify mode.
  z("verify-valid", "Signed with the demo ServerSecret", [req(usage({ appId: null, extra: zegoSig() }))], verify());
  z(
    "verify-valid-skew-600s",
    "Timestamp 600 s old is still accepted",
    [req(usage({ appId: null, extra: zegoSig({ timestampSec: T0_SEC - 600 }) }))],
    verify(),
  );
  z(
    "verify-wrong-secret",
    "Signed with another secret (100000005)",
    [req(usage({ appId: null, extra: zegoSig({ serverSecret: "x" }) }))],
    verify(),
  );
  z(
    "verify-unknown-app",
    "AppId without credentials (100000010)",
    [req(usage({ appId: null, extra: zegoSig({ appId: "31337" }) }))],
    verify(),
  );
  z(
    "verify-expired",
    "Timestamp 1 h old (100000004)",
    [req(usage({ appId: null, extra: zegoSig({ timestampSec: T0_SEC - 3600 }) }))],
    verify(),
  );
  z(
    "verify-future",
    "Timestamp 11 min ahead (100000004)",
    [req(usage({ appId: null, extra: zegoSig({ timestampSec: T0_SEC + 660 }) }))],
    verify(),
  );
  z(
    "verify-invalid-timestamp",
    "Timestamp=soon (100000003)",
    [req(usage({ appId: null, extra: { ...zegoSig(), Timestamp: "soon" } }))],
    verify(),
  );
  z(
    "verify-missing-timestamp",
    "Timestamp empty (100000002)",
    [req(usage({ appId: null, extra: { ...zegoSig(), Timestamp: "" } }))],
    verify(),
  );
  z(
    "verify-missing-nonce",
    "SignatureNonce empty (100000008)",
    [req(usage({ appId: null, extra: { ...zegoSig(), SignatureNonce: "" } }))],
    verify(),
  );
  z(
    "verify-missing-signature",
    "Signature empty (100000009)",
    [req(usage({ appId: null, extra: { ...zegoSig(), Signature: "" } }))],
    verify(),
  );
  z(
    "verify-uppercase-signature",
    "Signature in upper-case hex (100000005)",
    [req(usage({ appId: null, extra: { ...zegoSig(), Signature: zegoSig().Signature!.toUpperCase() } }))],
    verify(),
  );
  z(
    "verify-missing-version",
    "SignatureVersion empty (100000013)",
    [req(usage({ appId: null, extra: { ...zegoSig(), SignatureVersion: "" } }))],
    verify(),
  );
  z(
    "verify-unsupported-version",
    "SignatureVersion 3.0 (100000014)",
    [req(usage({ appId: null, extra: { ...zegoSig(), SignatureVersion: "3.0" } }))],
    verify(),
  );
  z("verify-unsigned", "No signature parameters at all", [req(usage())], verify());

  // Faults. Latency faults only on GET requests (see README).
  const withFault = (name: string, description: string, spec: GoldenControl, steps: GoldenStepDefinition[] = [req(usage())]) =>
    z(name, description, [control(spec), ...steps]);
  for (const code of ["500", "100000000", "100000011", "100000012", "100000015", "100000016", "100000017"])
    withFault(`fault-error-${code}`, `Error fault ${code}`, { addFault: { kind: "error", vendor: "zego", code } });
  withFault("fault-http-503", "HTTP 503 fault", { addFault: { kind: "http", vendor: "zego", status: 503 } });
  withFault("fault-http-502-body", "HTTP 502 fault with its own body", {
    addFault: { kind: "http", vendor: "zego", action: "GetRealtimeUsage", status: 502, body: "<html>bad gateway</html>" },
  });
  withFault("fault-drop", "Drop fault", { addFault: { kind: "drop", vendor: "zego" } });
  withFault("fault-latency-30ms", "30 ms latency, then the normal reply", { addFault: { kind: "latency", vendor: "zego", ms: 30 } });
  withFault(
    "fault-latency-once",
    "30 ms latency once, the next reply is immediate",
    { addFault: { kind: "latency", vendor: "zego", ms: 30, times: 1 } },
    [req(usage()), req(usage())],
  );
  z("fault-latency-and-error", "Two latency faults add up, with an error fault", [
    control({ addFault: { kind: "latency", vendor: "zego", ms: 20 } }),
    control({ addFault: { kind: "latency", ms: 15 } }),
    control({ addFault: { kind: "error", vendor: "zego", code: "500", times: 1 } }),
    req(usage()),
    req(usage()),
  ]);
  withFault(
    "fault-times-one",
    "An error fault for one request only",
    { addFault: { kind: "error", vendor: "zego", code: "100000015", times: 1 } },
    [req(usage()), req(usage())],
  );
  z(
    "fault-probability",
    "A 50 % HTTP 500 fault: seeded draws decide",
    [control({ addFault: { kind: "http", vendor: "zego", status: 500, probability: 0.5 } }), ...repeat(5, () => req(usage()))],
    base({ rateLimits: false }),
  );
}

// ---------------------------------------------------------------------------------------------
// Tencent LCIC
// ---------------------------------------------------------------------------------------------

const LCIC = "https://lcic.tencentcloudapi.com";
const tencentDemo = demoCredentials.tencent[0]!;

interface LcicOptions {
  method?: string;
  /** Path and query, default `/`. */
  path?: string;
  /** Header overrides; undefined removes. */
  headers?: Record<string, string | undefined>;
  sign?: { secretId?: string; secretKey?: string; timestamp?: number };
}

function lcic(body: unknown, o: LcicOptions = {}): GoldenRequest {
  const method = o.method ?? "POST";
  const url = new URL(`${LCIC}${o.path ?? "/"}`);
  const text = typeof body === "string" ? body : body === undefined ? "" : JSON.stringify(body);
  let headers: Record<string, string | undefined> = {
    host: url.host,
    "content-type": method === "GET" ? "application/x-www-form-urlencoded" : "application/json",
    "x-tc-action": "DescribeRoomStatistics",
    "x-tc-version": "2022-08-17",
  };
  if (o.sign) {
    const signed = signTencentRequest({
      method,
      url,
      headers: { "Content-Type": headers["content-type"]! },
      body: text,
      secretId: o.sign.secretId ?? tencentDemo.secretId,
      secretKey: o.sign.secretKey ?? tencentDemo.secretKey,
      timestamp: o.sign.timestamp ?? T0_SEC,
    });
    headers = { ...headers, authorization: signed.Authorization, "x-tc-timestamp": signed["X-TC-Timestamp"] };
  }
  for (const [name, value] of Object.entries(o.headers ?? {})) headers[name] = value;
  const clean: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) clean[name] = value;
  const out: GoldenRequest = { method, url: url.href, headers: clean };
  if (method !== "GET" || text !== "") out.body = text;
  return out;
}
const stats = (roomId: number, page = 1, limit = 10) => lcic({ RoomId: roomId, Page: page, Limit: limit });
/** A signature v1 DescribeRoomStatistics request for room 1 (page 1, 2 records), signed with the demo key at T0. */
function lcicV1(
  method: "GET" | "POST",
  signatureMethod: TencentV1Method,
  o: { secretId?: string; secretKey?: string; timestamp?: number; params?: Record<string, string | number> } = {},
): GoldenRequest {
  const url = new URL(LCIC);
  const signed = signTencentV1Request({
    method,
    url,
    params: o.params ?? { Action: "DescribeRoomStatistics", Version: "2022-08-17", RoomId: 1, Page: 1, Limit: 2 },
    secretId: o.secretId ?? tencentDemo.secretId,
    secretKey: o.secretKey ?? tencentDemo.secretKey,
    timestamp: o.timestamp ?? T0_SEC,
    nonce: 48_213,
    signatureMethod,
  });
  const out: GoldenRequest = { method, url: new URL(signed.path, LCIC).href, headers: { host: url.host, ...signed.headers } };
  if (signed.body !== undefined) out.body = signed.body;
  return out;
}
const asKey = (id: string) => ({
  authorization: `TC3-HMAC-SHA256 Credential=${id}/2024-03-01/lcic/tc3_request, SignedHeaders=content-type;host, Signature=${"0".repeat(64)}`,
});

function tencentCases(): void {
  const t = (name: string, description: string, steps: GoldenStepDefinition[], options?: GoldenOptions) =>
    add("tencent", name, description, steps, options);

  t("doc-describe-room-statistics", "The doc example request body, verbatim (RoomId 1 is a seeded ended room)", [
    req(lcic(fixture("tencent/fixtures/describe-room-statistics.request.json"))),
  ]);

  // Seeded rooms in every lifecycle state.
  t("room-ended", "Room 1 (ended), first page of 10", [req(stats(1))]);
  t("room-not-started", "Room 10001 has not started", [req(stats(10001))]);
  t("room-live", "Room 10002 is live", [req(stats(10002))]);
  t("room-computing", "Room 10003 ended less than 300 s ago", [req(stats(10003))]);
  t("room-large-ended", "Room 10004 (1,500 records), first page of 20", [req(stats(10004, 1, 20))]);
  t("room-expired", "Room 10005 never started", [req(stats(10005, 1, 20))]);
  t("room-not-found", "RoomId 404 is not in the registry", [req(stats(404))]);
  t("room-zero", "RoomId 0", [req(stats(0))]);

  // Pagination.
  t("page-room1-limit1-page1", "Limit 1", [req(stats(1, 1, 1))]);
  t("page-room1-page3", "Room 1 (30 records), page 3 of 10", [req(stats(1, 3, 10))]);
  t("page-room1-beyond-end", "Room 1, page 4 of 10: past the end", [req(stats(1, 4, 10))]);
  t("page-room1-limit1000", "Room 1, Limit 1000: everything", [req(stats(1, 1, 1000))]);
  t("page-room10004-limit100-page15", "Room 10004, last full page of 100", [req(stats(10004, 15, 100))]);
  t("page-room10004-limit100-page16", "Room 10004, page 16 of 100: empty", [req(stats(10004, 16, 100))]);
  t("page-room10004-limit200-page8", "Room 10004, partial last page of 200", [req(stats(10004, 8, 200))]);
  t(
    "page-walk-room1",
    "Room 1 page by page (Limit 7)",
    repeat(5, (i) => req(stats(1, i + 1, 7))),
  );

  // Lifecycle over time.
  t("lifecycle-computing-then-ended", "Room 10003, then 300 s later", [req(stats(10003)), advance(300 * SEC), req(stats(10003))]);
  t("lifecycle-live-then-ended", "Room 10002 live, 50 min later computing, 6 min more ended", [
    req(stats(10002)),
    advance(50 * MIN),
    req(stats(10002)),
    advance(6 * MIN),
    req(stats(10002, 1, 5)),
  ]);
  t("lifecycle-not-started-then-ended", "Room 10001 now and 2 h 10 min later", [
    req(stats(10001)),
    advance(130 * MIN),
    req(stats(10001, 1, 5)),
  ]);
  t("lifecycle-expired-room-later", "Room 10005 now and a day later", [req(stats(10005, 1, 5)), advance(DAY), req(stats(10005, 1, 5))]);

  // Rooms added and removed by control actions.
  t("control-add-ended-room", "A one-hour class that ended 2 h ago", [
    control({
      addRoom: {
        roomId: 880001,
        name: "golden room",
        startTime: T0_SEC - 3 * 3600,
        endTime: T0_SEC - 2 * 3600,
        memberCount: 12,
        absentCount: 2,
      },
    }),
    req(stats(880001)),
  ]);
  t("control-add-room-default-id", "A room without roomId gets 20001; seeded sizes", [
    control({ addRoom: { startTime: T0_SEC - 5 * 3600, endTime: T0_SEC - 4 * 3600 } }),
    req(stats(20001, 1, 100)),
  ]);
  t("control-add-room-groups", "A room with GroupId and sub-groups", [
    control({
      addRoom: {
        roomId: 880002,
        startTime: T0_SEC - 3 * 3600,
        endTime: T0_SEC - 2 * 3600,
        memberCount: 9,
        absentCount: 0,
        groupId: "g-1",
        subGroupIds: ["A", "B"],
      },
    }),
    req(stats(880002)),
  ]);
  t("control-add-live-room", "A room that stays live (realEndTime null), also a day later", [
    control({ addRoom: { roomId: 880003, startTime: T0_SEC - 3600, endTime: T0_SEC - 1800, realEndTime: null } }),
    req(stats(880003)),
    advance(DAY),
    req(stats(880003)),
  ]);
  t("control-add-late-room", "A room that started and ended late", [
    control({
      addRoom: {
        roomId: 880004,
        startTime: T0_SEC - 4 * 3600,
        endTime: T0_SEC - 3 * 3600,
        realStartTime: T0_SEC - 3.5 * 3600,
        realEndTime: T0_SEC - 2 * 3600,
        memberCount: 6,
      },
    }),
    req(stats(880004)),
  ]);
  t("control-remove-room", "Room 1 removed", [req(stats(1, 1, 1)), control({ removeRoom: 1 }), req(stats(1, 1, 1))]);

  // GET form.
  t("get-query-form", "GET with the parameters in the query", [req(lcic("", { method: "GET", path: "/?RoomId=1&Page=1&Limit=3" }))]);
  t("get-query-common-params", "GET with API 3.0 common parameters in the query", [
    req(
      lcic("", { method: "GET", path: "/?Action=DescribeRoomStatistics&Version=2022-08-17&Region=ap-guangzhou&RoomId=1&Page=2&Limit=3" }),
    ),
  ]);
  t("get-bad-query", "GET with Page=0", [req(lcic("", { method: "GET", path: "/?RoomId=1&Page=0&Limit=1" }))]);

  // Routing and bad input.
  t("route-put", "PUT (UnsupportedProtocol)", [req(lcic({ RoomId: 1, Page: 1, Limit: 1 }, { method: "PUT" }))]);
  t("route-patch", "PATCH (UnsupportedProtocol)", [req(lcic({ RoomId: 1, Page: 1, Limit: 1 }, { method: "PATCH" }))]);
  t("route-delete", "DELETE (UnsupportedProtocol)", [req(lcic("", { method: "DELETE" }))]);
  t("route-missing-action", "No X-TC-Action but a TC3 Authorization", [
    req(lcic({ RoomId: 1, Page: 1, Limit: 1 }, { headers: { "x-tc-action": undefined, ...asKey("AKIDone") } })),
  ]);
  t("route-unknown-action", "X-TC-Action DescribeRoom (InvalidAction)", [
    req(lcic({ RoomId: 1, Page: 1, Limit: 1 }, { headers: { "x-tc-action": "DescribeRoom" } })),
  ]);
  t("route-unknown-version", "X-TC-Version 2017-03-12 (NoSuchVersion)", [
    req(lcic({ RoomId: 1, Page: 1, Limit: 1 }, { headers: { "x-tc-version": "2017-03-12" } })),
  ]);
  t("route-missing-version", "No X-TC-Version (MissingParameter)", [
    req(lcic({ RoomId: 1, Page: 1, Limit: 1 }, { headers: { "x-tc-version": undefined } })),
  ]);
  t("bad-invalid-json", "{RoomId:1}", [req(lcic("{RoomId:1}"))]);
  t("bad-wrong-content-type", "text/plain", [req(lcic({ RoomId: 1, Page: 1, Limit: 1 }, { headers: { "content-type": "text/plain" } }))]);
  t("bad-no-content-type", "No content-type", [req(lcic({ RoomId: 1, Page: 1, Limit: 1 }, { headers: { "content-type": undefined } }))]);
  t("bad-charset-content-type", "application/json; charset=utf-8 is accepted", [
    req(lcic({ RoomId: 1, Page: 1, Limit: 1 }, { headers: { "content-type": "application/json; charset=utf-8" } })),
  ]);
  t("bad-array-body", "Body is a JSON array", [req(lcic("[1]"))]);
  t("bad-empty-body", "Empty body", [req(lcic(""))]);
  t("bad-missing-limit", "No Limit (MissingParameter)", [req(lcic({ RoomId: 1, Page: 1 }))]);
  t("bad-missing-room-id", "No RoomId", [req(lcic({ Page: 1, Limit: 1 }))]);
  t("bad-extra-field", "SdkAppId (UnknownParameter)", [req(lcic({ RoomId: 1, Page: 1, Limit: 1, SdkAppId: 3 }))]);
  t("bad-mistyped-field", "Page as a string (InvalidParameter)", [req(lcic('{"RoomId":1,"Page":"1","Limit":1}'))]);
  t("bad-limit-5000", "Limit 5000 (InvalidParameterValue)", [req(lcic({ RoomId: 1, Page: 1, Limit: 5000 }))]);
  t("bad-limit-zero", "Limit 0", [req(lcic({ RoomId: 1, Page: 1, Limit: 0 }))]);
  t("bad-page-zero", "Page 0", [req(lcic({ RoomId: 1, Page: 0, Limit: 1 }))]);
  t("bad-negative-room", "RoomId -1", [req(lcic({ RoomId: -1, Page: 1, Limit: 1 }))]);
  t("bad-fractional-limit", "Limit 1.5", [req(lcic({ RoomId: 1, Page: 1, Limit: 1.5 }))]);

  // Rate limits: 20 per second per SecretId.
  t("rate-21-in-one-second", "21 unsigned calls in one second: the 21st is refused; a second later it passes", [
    ...repeat(21, () => req(stats(1, 1, 1))),
    advance(1000),
    req(stats(1, 1, 1)),
  ]);
  t("rate-per-secret-id", "20 calls of one SecretId, then another SecretId passes and the first is refused", [
    ...repeat(20, () => req(lcic({ RoomId: 1, Page: 1, Limit: 1 }, { headers: asKey("AKIDone") }))),
    req(lcic({ RoomId: 1, Page: 1, Limit: 1 }, { headers: asKey("AKIDtwo") })),
    req(lcic({ RoomId: 1, Page: 1, Limit: 1 }, { headers: asKey("AKIDone") })),
  ]);
  t(
    "rate-tenant-capacity",
    "maxTenants 1: a second SecretId gets LimitExceeded",
    [
      req(lcic({ RoomId: 1, Page: 1, Limit: 1 }, { headers: asKey("AKIDone") })),
      req(lcic({ RoomId: 1, Page: 1, Limit: 1 }, { headers: asKey("AKIDtwo") })),
    ],
    base({ maxTenants: 1 }),
  );

  // Verify mode.
  const body = { RoomId: 1, Page: 1, Limit: 2 };
  t("verify-valid", "Signed with the demo SecretId (content-type;host)", [req(lcic(body, { sign: {} }))], verify());
  t("verify-valid-get", "A signed GET", [req(lcic("", { method: "GET", path: "/?RoomId=1&Page=1&Limit=2", sign: {} }))], verify());
  t("verify-valid-300s-old", "Timestamp exactly 300 s old", [req(lcic(body, { sign: { timestamp: T0_SEC - 300 } }))], verify());
  t(
    "verify-wrong-secret",
    "Signed with another key (SignatureFailure)",
    [req(lcic(body, { sign: { secretKey: "not-the-key" } }))],
    verify(),
  );
  t("verify-unknown-secret-id", "AKIDnobody (SecretIdNotFound)", [req(lcic(body, { sign: { secretId: "AKIDnobody" } }))], verify());
  t("verify-expired", "Timestamp 301 s old (SignatureExpire)", [req(lcic(body, { sign: { timestamp: T0_SEC - 301 } }))], verify());
  t("verify-missing-authorization", "No Authorization (InvalidAuthorization)", [req(lcic(body))], verify());
  t(
    "verify-garbled-authorization",
    "Authorization: Basic (InvalidAuthorization)",
    [req(lcic(body, { sign: {}, headers: { authorization: "Basic abc" } }))],
    verify(),
  );
  t(
    "verify-missing-timestamp",
    "No X-TC-Timestamp (MissingParameter)",
    [req(lcic(body, { sign: {}, headers: { "x-tc-timestamp": undefined } }))],
    verify(),
  );
  t(
    "verify-invalid-timestamp",
    "X-TC-Timestamp soon (InvalidParameter)",
    [req(lcic(body, { sign: {}, headers: { "x-tc-timestamp": "soon" } }))],
    verify(),
  );
  {
    const signed = lcic(body, { sign: {} });
    t("verify-tampered-body", "Body changed after signing", [req({ ...signed, body: signed.body!.replace("2", "3") })], verify());
  }

  // Signature v1 (HmacSHA1 / HmacSHA256): everything in the query (GET) or a form body (POST).
  t("v1-get-hmacsha256", "Signature v1 GET, HmacSHA256", [req(lcicV1("GET", "HmacSHA256"))], verify());
  t("v1-post-hmacsha1", "Signature v1 form POST, HmacSHA1", [req(lcicV1("POST", "HmacSHA1"))], verify());
  t("v1-post-wrong-secret", "Signature v1 form POST with a wrong SecretKey", [req(lcicV1("POST", "HmacSHA256", { secretKey: "wrong" }))], verify());
  t("v1-get-expired", "Signature v1 GET, Timestamp 301 s old", [req(lcicV1("GET", "HmacSHA1", { timestamp: T0_SEC - 301 }))], verify());
  t("v1-get-auth-off", "Signature v1 GET with an unknown SecretId, auth off", [req(lcicV1("GET", "HmacSHA256", { secretId: "AKIDnobody" }))]);
  t("v1-post-invalid-action", "Signature v1 form POST naming an unknown Action", [
    req(lcicV1("POST", "HmacSHA256", { params: { Action: "DescribeRoom", Version: "2022-08-17", RoomId: 1 } })),
  ]);

  // Faults.
  const withFault = (name: string, description: string, spec: GoldenControl, steps: GoldenStepDefinition[] = [req(stats(1, 1, 1))]) =>
    t(name, description, [control(spec), ...steps]);
  withFault("fault-failed-operation", "Error fault FailedOperation", {
    addFault: { kind: "error", vendor: "tencent", code: "FailedOperation" },
  });
  withFault("fault-internal-error", "Error fault InternalError", { addFault: { kind: "error", vendor: "tencent", code: "InternalError" } });
  // API 3.0 common codes the fake never sends by itself (clients.md §1.5): one fault case each.
  for (const code of [
    "ActionOffline",
    "AuthFailure.InvalidSecretId",
    "AuthFailure.MFAFailure",
    "AuthFailure.TokenFailure",
    "AuthFailure.UnauthorizedOperation",
    "DryRunOperation",
    "InvalidRequest",
    "IpInBlacklist",
    "IpNotInWhitelist",
    "NoSuchProduct",
    "RequestLimitExceeded.GlobalRegionUinLimitExceeded",
    "RequestLimitExceeded.IPLimitExceeded",
    "RequestLimitExceeded.UinLimitExceeded",
    "ResourceInUse",
    "ResourceInsufficient",
    "ResourceNotFound",
    "ResourceUnavailable",
    "ResourcesSoldOut",
    "ResponseSizeLimitExceeded",
    "ServiceUnavailable",
    "UnauthorizedOperation",
    "UnsupportedOperation",
    "UnsupportedRegion",
  ]) {
    withFault(`fault-code-${code}`, `Error fault ${code}`, { addFault: { kind: "error", vendor: "tencent", code } });
  }
  withFault("fault-request-size-limit", "Error fault RequestSizeLimitExceeded", {
    addFault: { kind: "error", vendor: "tencent", code: "RequestSizeLimitExceeded" },
  });
  withFault(
    "fault-room-not-end-on-ended-room",
    "Error fault FailedOperation.RoomNotEnd on an ended room",
    { addFault: { kind: "error", vendor: "tencent", action: "DescribeRoomStatistics", code: "FailedOperation.RoomNotEnd", times: 1 } },
    [req(stats(1, 1, 1)), req(stats(1, 1, 1))],
  );
  withFault("fault-http-502", "HTTP 502 fault", { addFault: { kind: "http", vendor: "tencent", status: 502 } });
  withFault("fault-latency-post", "30 ms latency on a POST, then the normal reply", {
    addFault: { kind: "latency", vendor: "tencent", action: "DescribeRoomStatistics", ms: 30 },
  });
  withFault("fault-http-503-any-vendor", "HTTP 503 fault without a vendor", { addFault: { kind: "http", status: 503 } });
  withFault("fault-drop", "Drop fault", { addFault: { kind: "drop", vendor: "tencent" } });
  withFault("fault-drop-once", "Drop fault once, then the reply", { addFault: { kind: "drop", vendor: "tencent", times: 1 } }, [
    req(stats(1, 1, 1)),
    req(stats(1, 1, 1)),
  ]);
}

volcengineCases();
zegoCases();
tencentCases();

/** Every case, in a stable order. */
export const goldenCases: readonly GoldenCaseDefinition[] = cases;

import fc from "fast-check";
import type { MockRequest } from "../../../mocks/core/reply.js";
import { demoCredentials } from "../../../mocks/options.js";
import { requestUrl } from "../../../server/mock-request.js";
import { signTencentRequest } from "../../../schemas/tencent/signing.js";
import {
  volcengineOfflineOperationIndicators,
  volcengineQualityIndicators,
  volcengineRealtimeOperationIndicators,
} from "../../../schemas/volcengine/indicators.js";
import { signVolcengineRequest } from "../../../schemas/volcengine/signing.js";
import { zegoRealtimeMetricNames } from "../../../schemas/zego/metrics.js";
import { zegoSignatureParams } from "../../../schemas/zego/signing.js";
import { endpointById, endpoints, type EndpointId } from "../../../schemas/registry.js";

/** Every endpoint of the registry: `baseRequest` must have a case for each (checked by the compiler). */
export const fuzzEndpointIds: readonly EndpointId[] = endpoints.map((endpoint) => endpoint.id);

/** An endpoint id the fuzzer builds requests for. */
export type FuzzEndpointId = EndpointId;

/** A body value that is spliced into the JSON text as is (deep nesting, huge or invalid numbers). */
interface RawJson {
  rawJson: string;
}

/** A generated request before it becomes a MockRequest. */
export interface FuzzRequest {
  endpointId: FuzzEndpointId;
  method: string;
  host: string;
  /** Request target: path and query, raw. */
  target: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** JSON body as an object (may hold RawJson values), raw bytes, or none. */
  body: { json: Record<string, unknown>; duplicate?: { key: string; value: unknown } } | { raw: Uint8Array } | null;
  /** In verify mode: sign the request after its mutations (else it goes unsigned or as mutated). */
  sign: boolean;
  /** Names of the mutations applied, for failure reports. */
  mutations: string[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** RFC 3339 at second precision in the given offset (`Z` when 0 and `zulu`). */
export function rfc3339(epochMs: number, offsetMinutes: number, zulu = false): string {
  const local = new Date(Math.floor(epochMs / 1000) * 1000 + offsetMinutes * MINUTE).toISOString().slice(0, 19);
  if (zulu && offsetMinutes === 0) return `${local}Z`;
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

const offsetArb = fc.constantFrom(480, 0, -300, 330, 540);

/** A start/end pair inside `lookbackMs` and `spanMs` of `nowMs`, formatted as RFC 3339. */
function timeRange(nowMs: number, lookbackMs: number, spanMs: number) {
  return fc
    .record({
      back: fc.integer({ min: 0, max: lookbackMs }),
      span: fc.integer({ min: 0, max: spanMs }),
      offset: offsetArb,
      zulu: fc.boolean(),
    })
    .map(({ back, span, offset, zulu }) => {
      const start = nowMs - back;
      const end = Math.min(nowMs, start + span);
      return { StartTime: rfc3339(start, offset, zulu), EndTime: rfc3339(end, offset, zulu) };
    });
}

const volcengineAppId = fc.constantFrom("5f8e1c2a9b3d4e6f7a8b9c0d", "661e0000000000000000543cf", "app-1", "Your_AppId");

function someOf<T>(values: readonly T[]) {
  return fc.subarray([...values], { minLength: 1 });
}

/** The API version of a registry endpoint. */
function versionOf(endpointId: EndpointId): string {
  return endpointById(endpointId)?.version ?? "";
}

/** Fails to compile when a registry endpoint has no case in the switch that calls it. */
function unreachable(endpointId: never): never {
  throw new Error(`the fuzzer has no requests for ${String(endpointId)}`);
}

/** A valid-looking base request of each endpoint at mock time `nowMs`. */
function baseRequest(endpointId: FuzzEndpointId, nowMs: number): fc.Arbitrary<FuzzRequest> {
  const json = { "content-type": "application/json" };
  const volcengine = (action: string, version: string, body: fc.Arbitrary<Record<string, unknown>>) =>
    body.map((b): FuzzRequest => ({
      endpointId,
      method: "POST",
      host: "127.0.0.1:4010",
      target: `/?Action=${action}&Version=${version}`,
      headers: { ...json },
      body: { json: b },
      sign: true,
      mutations: [],
    }));
  switch (endpointId) {
    case "volcengine.ListRealTimeOperationData":
    case "volcengine.ListRealTimeOperationData@2020-12-01":
      return volcengine(
        "ListRealTimeOperationData",
        versionOf(endpointId),
        fc
          .record({
            AppId: volcengineAppId,
            range: timeRange(nowMs, HOUR, HOUR),
            Indicator: someOf(Object.keys(volcengineRealtimeOperationIndicators)),
          })
          .map(({ range, ...rest }) => ({ AppId: rest.AppId, ...range, Indicator: rest.Indicator })),
      );
    case "volcengine.ListOperationData":
    case "volcengine.ListOperationData@2020-12-01":
      return volcengine(
        "ListOperationData",
        versionOf(endpointId),
        fc
          .record({
            AppId: volcengineAppId,
            range: timeRange(nowMs, 30 * DAY, 7 * DAY),
            Indicator: someOf(Object.keys(volcengineOfflineOperationIndicators)),
            AggregateGranularity: fc.constantFrom("1h", "1d"),
          })
          .map(({ range, ...rest }) => ({
            AppId: rest.AppId,
            ...range,
            Indicator: rest.Indicator,
            AggregateGranularity: rest.AggregateGranularity,
          })),
      );
    case "volcengine.ListRealTimeQuality":
    case "volcengine.ListRealTimeQuality@2023-11-01":
      return volcengine(
        "ListRealTimeQuality",
        versionOf(endpointId),
        fc
          .record(
            {
              AppId: volcengineAppId,
              range: timeRange(nowMs, HOUR, HOUR),
              Indicator: someOf(Object.keys(volcengineQualityIndicators)),
              RoomId: fc.constantFrom("room-1", "Your_RoomId", "r"),
              UserId: fc.array(fc.constantFrom("user1", "user2", "u-3", ""), { maxLength: 20 }),
              ProductType: fc.constantFrom("native", "web"),
            },
            { requiredKeys: ["AppId", "range", "Indicator"] },
          )
          .map(({ range, ...rest }) => ({ ...rest, ...range })),
      );
    case "zego.GetRealtimeUsage":
      return fc
        .record({
          metrics: someOf(zegoRealtimeMetricNames),
          back: fc.integer({ min: 0, max: 2 * HOUR }),
          span: fc.integer({ min: 0, max: 2 * HOUR }),
          endZero: fc.boolean(),
          encodeBrackets: fc.boolean(),
        })
        .map(({ metrics, back, span, endZero, encodeBrackets }): FuzzRequest => {
          const start = nowMs - back;
          const end = endZero ? 0 : Math.min(nowMs, start + span);
          const key = encodeBrackets ? "Metrics%5B%5D" : "Metrics[]";
          return {
            endpointId,
            method: "GET",
            host: "127.0.0.1:4010",
            target: `/?Action=GetRealtimeUsage&AppId=${demoCredentials.zego[0]!.appId}&${metrics.map((m) => `${key}=${m}`).join("&")}&StartTs=${start}&EndTs=${end}`,
            headers: {},
            body: null,
            sign: true,
            mutations: [],
          };
        });
    case "tencent.DescribeRoomStatistics":
      return fc
        .record({
          RoomId: fc.oneof(fc.constantFrom(1, 10001, 10002, 10003, 10004, 10005), fc.integer({ min: 0, max: 2 ** 31 })),
          Page: fc.integer({ min: 1, max: 20 }),
          Limit: fc.integer({ min: 1, max: 1000 }),
        })
        .map((body): FuzzRequest => ({
          endpointId,
          method: "POST",
          host: "127.0.0.1:4010",
          target: "/",
          headers: { ...json, "x-tc-action": "DescribeRoomStatistics", "x-tc-version": "2022-08-17" },
          body: { json: body },
          sign: true,
          mutations: [],
        }));
    default:
      return unreachable(endpointId);
  }
}

/** Values that stress parsers: huge and odd numbers, unicode, lone surrogates, wrong types, deep nesting. */
const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    -0,
    0.5,
    1e21,
    2 ** 31,
    2 ** 32,
    -1,
    0,
    true,
    null,
    "",
    " ",
    "0",
    "1.5",
    "-1",
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("\ud800", "\udfff", "\u0000", "💥", "ＡＰＰ", "\u202e", "a".repeat(5_000), "%s%s%s", "${x}", "<script>"),
  fc.array(fc.string({ unit: "binary", maxLength: 8 }), { maxLength: 30 }),
  fc.constantFrom<RawJson>(
    { rawJson: "1e400" },
    { rawJson: "-1e400" },
    { rawJson: "123456789012345678901234567890" },
    { rawJson: "1.0000000000000000000001" },
    { rawJson: "-0" },
  ),
  fc.integer({ min: 10, max: 20_000 }).map((depth): RawJson => ({ rawJson: `${"[".repeat(depth)}${"]".repeat(depth)}` })),
  fc.integer({ min: 10, max: 5_000 }).map((depth): RawJson => ({ rawJson: `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}` })),
);

const bodyFields = [
  "AppId",
  "StartTime",
  "EndTime",
  "Indicator",
  "AggregateGranularity",
  "RoomId",
  "UserId",
  "ProductType",
  "Page",
  "Limit",
];
const fieldName = fc.oneof(
  fc.constantFrom(...bodyFields),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.constantFrom("__proto__", "constructor", "toString"),
);
const paramName = fc.oneof(
  fc.constantFrom(
    "Action",
    "Version",
    "AppId",
    "Metrics[]",
    "Metrics%5B%5D",
    "StartTs",
    "EndTs",
    "Signature",
    "SignatureNonce",
    "SignatureVersion",
    "Timestamp",
    "IsTest",
  ),
  fc.string({ unit: "grapheme-ascii", maxLength: 10 }),
);
const paramValue = fc.oneof(
  fc.constantFrom(
    "",
    "0",
    "-1",
    "1.5",
    "1e12",
    "99999999999999999999999",
    "GetRealtimeUsage",
    "ListRealTimeQuality",
    "2023-11-01",
    "2020-12-01",
    "%zz",
    "%E0%A4%A",
    "online_user",
    "abc",
  ),
  fc.string({ unit: "binary", maxLength: 20 }).map(encodeURIComponentSafe),
  fc.string({ unit: "grapheme-ascii", maxLength: 20 }),
);
const headerName = fc.oneof(
  fc.constantFrom(
    "content-type",
    "x-tc-action",
    "x-tc-version",
    "x-tc-timestamp",
    "x-tc-region",
    "x-tc-language",
    "authorization",
    "x-date",
    "x-content-sha256",
    "host",
    "content-length",
    "transfer-encoding",
  ),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
);
const headerValue = fc.oneof(
  fc.constantFrom(
    "",
    "application/json",
    "application/json; charset=utf-8",
    "text/plain",
    "application/x-www-form-urlencoded",
    "DescribeRoomStatistics",
    "describeroomstatistics",
    "2022-08-17",
    "2017-03-12",
    "TC3-HMAC-SHA256 Credential=AKIDdemo00000000000000000000000000/2025-06-15/lcic/tc3_request, SignedHeaders=content-type;host, Signature=00",
    "HMAC-SHA256 Credential=AKLTdemo0000000000000000/20250615/cn-north-1/rtc/request, SignedHeaders=x-date, Signature=00",
    "HMAC-SHA256 garbage",
    "20250615T120000Z",
    "1749988800",
    "99999999999999999999",
  ),
  fc.string({ unit: "grapheme-ascii", maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 30 }),
);
const hosts = fc.constantFrom(
  "127.0.0.1:4010",
  "localhost",
  "rtc.volcengineapi.com",
  "open.volcengineapi.com",
  "analytics-api.zego.im",
  "lcic.tencentcloudapi.com",
  "evil.example",
  "[::1]:4010",
);

function encodeURIComponentSafe(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    // Lone surrogates cannot be percent-encoded as UTF-8; send them as a broken escape instead.
    return "%ED%A0%80";
  }
}

type Mutation = (request: FuzzRequest) => FuzzRequest;

const withMutation = (request: FuzzRequest, name: string, change: Partial<FuzzRequest>): FuzzRequest => ({
  ...request,
  ...change,
  mutations: [...request.mutations, name],
});

function jsonOf(request: FuzzRequest): Record<string, unknown> | null {
  return request.body !== null && "json" in request.body ? request.body.json : null;
}

/** One mutation: wrong or missing fields, duplicated keys, invalid JSON, odd query, headers, method, host, path. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ key: fieldName, value: weirdValue }).map(({ key, value }): Mutation => (r) => {
    const json = jsonOf(r);
    if (json === null) return r;
    return withMutation(r, `set body ${JSON.stringify(key)}`, { body: { json: { ...json, [key]: value } } });
  }),
  fieldName.map((key): Mutation => (r) => {
    const json = jsonOf(r);
    if (json === null) return r;
    const { [key]: _removed, ...rest } = json;
    return withMutation(r, `delete body ${JSON.stringify(key)}`, { body: { json: rest } });
  }),
  fc.record({ key: fieldName, value: weirdValue }).map(({ key, value }): Mutation => (r) => {
    const json = jsonOf(r);
    if (json === null) return r;
    return withMutation(r, `duplicate body key ${JSON.stringify(key)}`, { body: { json, duplicate: { key, value } } });
  }),
  fc
    .oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.string({ unit: "binary", maxLength: 200 }).map((text) => new TextEncoder().encode(text)),
      fc
        .constantFrom("", "null", "[]", "{}", "1", '"x"', "{", '{"AppId":', "[1,2", "{'a':1}", "NaN", "\ufeff{}", '{"a":1}garbage')
        .map((text) => new TextEncoder().encode(text)),
      fc.integer({ min: 1000, max: 100_000 }).map((depth) => new TextEncoder().encode(`${"[".repeat(depth)}${"]".repeat(depth)}`)),
    )
    .map(
      (raw): Mutation =>
        (r) =>
          withMutation(r, `raw body (${raw.length} bytes)`, { body: { raw } }),
    ),
  fc.nat({ max: 200 }).map((cut): Mutation => (r) => {
    const json = jsonOf(r);
    if (json === null) return r;
    const text = serializeJson(json);
    return withMutation(r, `truncate body at ${cut}`, {
      body: { raw: new TextEncoder().encode(text.slice(0, cut % Math.max(1, text.length))) },
    });
  }),
  fc.record({ name: paramName, value: paramValue, replace: fc.boolean() }).map(({ name, value, replace }): Mutation => (r) => {
    const [path, query = ""] = splitTarget(r.target);
    const kept = replace ? query.split("&").filter((pair) => pair.split("=")[0] !== name) : query.split("&");
    const next = [...kept.filter((pair) => pair !== ""), `${name}=${value}`].join("&");
    return withMutation(r, `${replace ? "set" : "add"} param ${JSON.stringify(name)}=${JSON.stringify(value)}`, {
      target: `${path}?${next}`,
    });
  }),
  paramName.map((name): Mutation => (r) => {
    const [path, query = ""] = splitTarget(r.target);
    const next = query
      .split("&")
      .filter((pair) => pair.split("=")[0] !== name)
      .join("&");
    return withMutation(r, `delete param ${JSON.stringify(name)}`, { target: next === "" ? path : `${path}?${next}` });
  }),
  fc.constantFrom("&", "&&&", "&=", "&=x", "&%", "&a=%zz", "#frag", "&Action", "&Action=", "?", "&Metrics[]=", "&a[b]=c").map(
    (suffix): Mutation =>
      (r) =>
        withMutation(r, `query suffix ${JSON.stringify(suffix)}`, { target: `${r.target}${r.target.includes("?") ? "" : "?"}${suffix}` }),
  ),
  fc.record({ name: headerName, value: headerValue }).map(
    ({ name, value }): Mutation =>
      (r) =>
        withMutation(r, `header ${name}: ${JSON.stringify(value)}`, { headers: { ...r.headers, [name]: value } }),
  ),
  headerName.map((name): Mutation => (r) => {
    const { [name]: _removed, ...rest } = r.headers;
    return withMutation(r, `delete header ${name}`, { headers: rest });
  }),
  fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "PURGE", "get", "Post").map(
    (method): Mutation =>
      (r) =>
        withMutation(r, `method ${method}`, { method }),
  ),
  hosts.map(
    (host): Mutation =>
      (r) =>
        withMutation(r, `host ${host}`, { host }),
  ),
  fc.constantFrom("/foo", "//", "/v1/", "/%2e%2e/", "/?", "/index.html", "/" + "a".repeat(3000)).map((path): Mutation => (r) => {
    const [, query] = splitTarget(r.target);
    return withMutation(r, `path ${path.slice(0, 20)}`, {
      target: query === undefined ? path : `${path}${path.includes("?") ? "&" : "?"}${query}`,
    });
  }),
  fc.constant<Mutation>((r) => withMutation(r, "unsigned", { sign: false })),
);

function splitTarget(target: string): [string, string | undefined] {
  const at = target.indexOf("?");
  return at < 0 ? [target, undefined] : [target.slice(0, at), target.slice(at + 1)];
}

/** Serializes a JSON body, splicing RawJson values in as raw text. */
function serializeJson(json: Record<string, unknown>, duplicate?: { key: string; value: unknown }): string {
  const raws: string[] = [];
  const replacer = (_key: string, value: unknown) => {
    if (typeof value === "object" && value !== null && "rawJson" in value && typeof (value as RawJson).rawJson === "string") {
      raws.push((value as RawJson).rawJson);
      return `\u0000RAW${raws.length - 1}\u0000`;
    }
    return value;
  };
  let text = JSON.stringify(json, replacer);
  if (duplicate !== undefined) {
    // The first occurrence of a duplicated key: `{"Limit":"x","RoomId":1,…,"Limit":100}`.
    const first = `${JSON.stringify(duplicate.key)}:${JSON.stringify(duplicate.value, replacer) ?? "null"}`;
    text = text === "{}" ? `{${first}}` : `{${first},${text.slice(1)}`;
  }
  return text.replace(/"\\u0000RAW(\d+)\\u0000"/g, (_m, i: string) => raws[Number(i)]!);
}

/** A request for `endpointId`: a valid base with 0–4 mutations (about a third stay unmutated). */
export function fuzzRequest(endpointId: FuzzEndpointId, nowMs: number): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(
      baseRequest(endpointId, nowMs),
      fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 2, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 4 }) }),
    )
    .map(([base, mutations]) => mutations.reduce((request, mutate) => mutate(request), base));
}

/** The body bytes of a generated request. */
export function bodyBytes(request: FuzzRequest): Uint8Array {
  if (request.body === null) return new Uint8Array();
  if ("raw" in request.body) return request.body.raw;
  return new TextEncoder().encode(serializeJson(request.body.json, request.body.duplicate));
}

/**
 * Signs a request the way its vendor's client would (demo credentials, at `nowMs`), after its
 * mutations, so in verify mode mutated requests get past the signature check to the parser.
 */
export function signed(request: FuzzRequest, nowMs: number): FuzzRequest {
  if (!request.sign) return request;
  const url = requestUrl(request.target, request.host);
  const body = bodyBytes(request);
  if (request.endpointId.startsWith("volcengine.")) {
    const { accessKeyId, secretKey } = demoCredentials.volcengine[0]!;
    const added = signVolcengineRequest({
      method: request.method,
      url,
      headers: request.headers,
      body,
      accessKeyId,
      secretKey,
      date: new Date(nowMs),
    });
    return { ...request, headers: { ...request.headers, ...lowerCased(added) } };
  }
  if (request.endpointId.startsWith("tencent.")) {
    const { secretId, secretKey } = demoCredentials.tencent[0]!;
    const added = signTencentRequest({
      method: request.method,
      url,
      headers: request.headers,
      body,
      secretId,
      secretKey,
      timestamp: Math.floor(nowMs / 1000),
    });
    return { ...request, headers: { ...request.headers, ...lowerCased(added) } };
  }
  const appId = url.searchParams.get("AppId") ?? demoCredentials.zego[0]!.appId;
  const params = zegoSignatureParams({
    appId,
    serverSecret: demoCredentials.zego[0]!.serverSecret,
    timestampSec: Math.floor(nowMs / 1000),
    nonce: "0011223344556677",
  });
  const extra = Object.entries(params)
    .filter(([name]) => name !== "AppId" || !url.searchParams.has("AppId"))
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join("&");
  return { ...request, target: `${request.target}${request.target.includes("?") ? "&" : "?"}${extra}` };
}

function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

/** The MockRequest the engine sees, built as the fastify adapter builds it. */
export function toMockRequest(request: FuzzRequest): MockRequest {
  return { method: request.method, url: requestUrl(request.target, request.host), headers: request.headers, rawBody: bodyBytes(request) };
}

/** A short description for failure reports. */
export function describeFuzzRequest(request: FuzzRequest): string {
  const body = bodyBytes(request);
  const preview = new TextDecoder().decode(body.subarray(0, 300));
  return `${request.endpointId} [${request.mutations.join("; ")}] ${request.method} http://${request.host}${request.target.slice(0, 300)} headers=${JSON.stringify(request.headers).slice(0, 400)} body(${body.length})=${preview}`;
}

import type { ExampleRequest } from "../../mocks/core/behaviour.js";
import type { MockRequest } from "../../mocks/core/reply.js";
import type { EndpointDefinition } from "../../schemas/common/endpoint.js";
import { behaviours } from "../../mocks/behaviours.js";
import { demoCredentials } from "../../mocks/options.js";
import { endpointById, type EndpointId } from "../../schemas/registry.js";
import { signTencentRequest } from "../../schemas/tencent/signing.js";
import { signVolcengineRequest } from "../../schemas/volcengine/signing.js";
import { zegoSignatureParams } from "../../schemas/zego/signing.js";
import { T0 } from "./clock.js";

/** One vendor request: method, path with query, headers (lower-case names) and an optional body. */
export interface VendorRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Body text, or raw bytes (e.g. invalid UTF-8). */
  body?: string | Uint8Array;
}

/** The origin requests are signed for and sent as (`host`) unless told otherwise. */
export const DEFAULT_ORIGIN = "http://127.0.0.1:4010";

/** The example request of an endpoint at mock time `now` (default T0), from the behaviour table. */
export function exampleRequest(id: EndpointId, now: number = T0): VendorRequest {
  const example: ExampleRequest = behaviours[id].example(now);
  return { ...example, headers: { ...example.headers } };
}

/** How to change a request; every field is optional. */
export interface RequestChanges {
  method?: string;
  /** JSON body fields to set; a field set to undefined is removed. */
  fields?: Record<string, unknown>;
  /** A whole new body: an object or array (sent as JSON), or raw text / bytes sent as given. */
  body?: unknown;
  /** Query parameters to set (appended when absent); null removes every occurrence. Keys are written raw (`Metrics[]`). */
  query?: Record<string, string | number | readonly (string | number)[] | null>;
  /** A whole new path and query, e.g. `/?Action=Foo`. */
  path?: string;
  /** Headers to set (names lower-cased); undefined removes one. */
  headers?: Record<string, string | undefined>;
}

/** The JSON body of a request as an object (throws when it is not JSON). */
export function jsonBody(request: VendorRequest): Record<string, unknown> {
  const text = typeof request.body === "string" ? request.body : new TextDecoder().decode(request.body ?? new Uint8Array());
  return JSON.parse(text) as Record<string, unknown>;
}

/** Encodes a query value as the vendors' SDKs do (keys are left raw). */
const encodeValue = (value: string | number) => encodeURIComponent(String(value));

/** Sets, appends or removes query parameters while keeping the rest of the query byte for byte. */
export function setQuery(path: string, params: NonNullable<RequestChanges["query"]>): string {
  const [pathname, search = ""] = path.split(/\?(.*)/s, 2) as [string, string?];
  let parts = search === "" ? [] : search.split("&");
  const keyOf = (part: string) => decodeURIComponent(part.split("=")[0]!);
  for (const [key, value] of Object.entries(params)) {
    const values = value === null ? [] : Array.isArray(value) ? (value as (string | number)[]) : [value as string | number];
    const first = parts.findIndex((part) => keyOf(part) === key);
    const kept = parts.filter((part) => keyOf(part) !== key);
    const added = values.map((v) => `${key}=${encodeValue(v)}`);
    if (first === -1) parts = [...kept, ...added];
    else parts = [...kept.slice(0, first), ...added, ...kept.slice(first)];
  }
  return parts.length === 0 ? pathname : `${pathname}?${parts.join("&")}`;
}

/** A copy of `request` with the changes applied. */
export function changed(request: VendorRequest, changes: RequestChanges): VendorRequest {
  const next: VendorRequest = { ...request, headers: { ...request.headers } };
  if (changes.method !== undefined) next.method = changes.method;
  if (changes.path !== undefined) next.path = changes.path;
  if (changes.query !== undefined) next.path = setQuery(next.path, changes.query);
  if (changes.body !== undefined) {
    const body = changes.body;
    next.body = typeof body === "string" || body instanceof Uint8Array ? body : JSON.stringify(body);
  }
  if (changes.fields !== undefined) {
    const body = jsonBody(next);
    for (const [key, value] of Object.entries(changes.fields)) {
      if (value === undefined) delete body[key];
      else body[key] = value;
    }
    next.body = JSON.stringify(body);
  }
  for (const [name, value] of Object.entries(changes.headers ?? {})) {
    if (value === undefined) delete next.headers[name.toLowerCase()];
    else next.headers[name.toLowerCase()] = value;
  }
  return next;
}

/** An endpoint by id, or its registry entry (which carries `id`, `action`, `version`). */
export type EndpointRef = EndpointId | { readonly id: EndpointId };

/** The registry entry of an endpoint: `endpoint("volcengine.ListRealTimeQuality").action`. */
export function endpoint<Id extends EndpointId>(id: Id) {
  const found = endpointById(id);
  if (!found) throw new Error(`no endpoint ${id}`);
  return found as typeof found & { id: Id };
}

/** Signing of `vendorRequest`: the options of the endpoint's vendor (true: the demo credentials at T0). */
export type SignOptions = true | VolcengineSignOptions | TencentSignOptions | ZegoSignOptions;

/**
 * The example request of `id` at `now` (default T0, or `changes.now`) with `changes` applied, then
 * signed when `changes.sign` is set: the one way tests build a vendor request.
 */
export function vendorRequest(
  id: EndpointRef,
  changes: RequestChanges & { sign?: SignOptions; now?: number } = {},
  now?: number,
): VendorRequest {
  const endpointId = typeof id === "string" ? id : id.id;
  const { sign, now: at, ...rest } = changes;
  const request = changed(exampleRequest(endpointId, now ?? at ?? T0), rest);
  if (sign === undefined) return request;
  const options = sign === true ? {} : sign;
  if (endpointId.startsWith("volcengine.")) return signVolcengine(request, options as VolcengineSignOptions);
  if (endpointId.startsWith("tencent.")) return signTencent(request, options as TencentSignOptions);
  return signZego(request, options as ZegoSignOptions);
}

const bodyBytes = (request: VendorRequest) =>
  typeof request.body === "string" ? new TextEncoder().encode(request.body) : (request.body ?? new Uint8Array());

/** Volcengine signing: demo key unless given; `date` defaults to T0. */
export interface VolcengineSignOptions {
  accessKeyId?: string;
  secretKey?: string;
  date?: Date | number;
  signedHeaders?: string[];
  service?: string;
  region?: string;
  origin?: string;
}

/** Adds the Volcengine signature headers (X-Date, X-Content-Sha256, Authorization); sets `host` to the origin's. */
export function signVolcengine(request: VendorRequest, options: VolcengineSignOptions = {}): VendorRequest {
  const demo = demoCredentials.volcengine[0]!;
  const url = new URL(request.path, options.origin ?? DEFAULT_ORIGIN);
  const headers = { host: url.host, ...request.headers };
  const date = options.date ?? T0;
  const added = signVolcengineRequest({
    method: request.method,
    url,
    headers,
    body: bodyBytes(request),
    accessKeyId: options.accessKeyId ?? demo.accessKeyId,
    secretKey: options.secretKey ?? demo.secretKey,
    date: typeof date === "number" ? new Date(date) : date,
    ...(options.signedHeaders ? { signedHeaders: options.signedHeaders } : {}),
    ...(options.service ? { service: options.service } : {}),
    ...(options.region ? { region: options.region } : {}),
  });
  return changed({ ...request, headers }, { headers: lowerCased(added) });
}

/** Tencent TC3 signing: demo key unless given; `timestamp` (Unix seconds) defaults to T0's. */
export interface TencentSignOptions {
  secretId?: string;
  secretKey?: string;
  timestamp?: number;
  service?: string;
  origin?: string;
}

/** Adds Authorization and X-TC-Timestamp (TC3-HMAC-SHA256 over content-type and host). */
export function signTencent(request: VendorRequest, options: TencentSignOptions = {}): VendorRequest {
  const demo = demoCredentials.tencent[0]!;
  const url = new URL(request.path, options.origin ?? DEFAULT_ORIGIN);
  const contentType = request.headers["content-type"];
  const added = signTencentRequest({
    method: request.method,
    url,
    headers: contentType === undefined ? {} : { "Content-Type": contentType },
    body: bodyBytes(request),
    secretId: options.secretId ?? demo.secretId,
    secretKey: options.secretKey ?? demo.secretKey,
    timestamp: options.timestamp ?? Math.floor(T0 / 1000),
    ...(options.service ? { service: options.service } : {}),
  });
  return changed(request, { headers: lowerCased(added) });
}

/** ZEGO signing: demo app unless given; `timestampSec` defaults to T0's. */
export interface ZegoSignOptions {
  appId?: string;
  serverSecret?: string;
  timestampSec?: number;
  nonce?: string;
}

/** The ZEGO signature parameters (AppId, SignatureNonce, Timestamp, Signature, SignatureVersion). */
export function zegoSignature(options: ZegoSignOptions = {}): Record<string, string> {
  const demo = demoCredentials.zego[0]!;
  return {
    ...zegoSignatureParams({
      appId: options.appId ?? demo.appId,
      serverSecret: options.serverSecret ?? demo.serverSecret,
      timestampSec: options.timestampSec ?? Math.floor(T0 / 1000),
      ...(options.nonce ? { nonce: options.nonce } : {}),
    }),
  };
}

/** Sets the ZEGO signature parameters in the query (AppId in place, the rest appended). */
export function signZego(request: VendorRequest, options: ZegoSignOptions = {}): VendorRequest {
  return changed(request, { query: zegoSignature(options) });
}

function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

/** The adapter-neutral request `createMockEngine(...).handle()` takes; `host` comes from the origin unless set. */
export function toMockRequest(request: VendorRequest, origin: string = DEFAULT_ORIGIN): MockRequest {
  const url = new URL(request.path, origin);
  return { method: request.method, url, headers: { host: url.host, ...request.headers }, rawBody: bodyBytes(request) };
}

/** The Tencent room the server tests add through the control API: a one-hour class that ended two hours before `nowMs`. */
export function endedRoomSpec(nowMs: number, roomId = 880_001) {
  const endTime = Math.floor(nowMs / 1000) - 2 * 3600;
  return { roomId, name: "server test room", startTime: endTime - 3600, endTime, memberCount: 12, absentCount: 2 };
}

/** Every endpoint's example at mock time `now` (auth off, so unsigned); Tencent asks for `roomId` (see endedRoomSpec). */
export function exampleRequests(now: number = T0, roomId = 880_001): Record<EndpointId, VendorRequest> {
  const ids = Object.keys(behaviours) as EndpointId[];
  const out = Object.fromEntries(ids.map((id) => [id, exampleRequest(id, now)])) as Record<EndpointId, VendorRequest>;
  out["tencent.DescribeRoomStatistics"] = changed(out["tencent.DescribeRoomStatistics"], { fields: { RoomId: roomId, Limit: 10 } });
  return out;
}

/** The routing part of a request to an endpoint, from its registry entry: method, path, headers. */
export function routingOf(entry: EndpointDefinition): VendorRequest {
  if (entry.actionCarrier === "header") {
    return {
      method: entry.method,
      path: "/",
      headers: {
        "content-type": "application/json",
        "x-tc-action": entry.action,
        ...(entry.version ? { "x-tc-version": entry.version } : {}),
      },
    };
  }
  const query = entry.version === null ? `Action=${entry.action}` : `Action=${entry.action}&Version=${entry.version}`;
  return { method: entry.method, path: `/?${query}`, headers: entry.method === "POST" ? { "content-type": "application/json" } : {} };
}

import { hmac } from "@noble/hashes/hmac.js";
import { sha1 } from "@noble/hashes/legacy.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import type { HashInput, Hashing } from "../common/hashing.js";
import { nobleHashing } from "../common/noble-hashing.js";

/**
 * TC3-HMAC-SHA256, written once and shared by the signer (contract clients, `signTencentRequest`)
 * and the verifier (the fake server). Browser-safe: the hash functions come from a `Hashing`
 * (default @noble/hashes; the Node server passes node:crypto).
 * https://tencentcloud.com/document/api/1150/49447
 */

/** Algorithm name, first token of the Authorization header and of the string to sign. */
export const TC3_ALGORITHM = "TC3-HMAC-SHA256";

/** Terminator of the credential scope. */
export const TC3_REQUEST = "tc3_request";

/** Lower-case hex SHA-256 of text (UTF-8) or bytes. */
export function sha256Hex(data: HashInput, hashing: Hashing = nobleHashing): string {
  return hashing.sha256Hex(data);
}

/** UTC `yyyy-mm-dd` of a Unix timestamp in seconds (the scope date; local dates break around midnight). */
export function tc3Date(timestampSec: number): string {
  return new Date(timestampSec * 1000).toISOString().slice(0, 10);
}

/** Credential scope `Date/Service/tc3_request`. */
export function credentialScope(date: string, service: string): string {
  return `${date}/${service}/${TC3_REQUEST}`;
}

/** What the canonical request is built from. Header names lower-case; values as sent. */
export interface CanonicalRequestInput {
  method: string;
  /** The query string exactly as sent, without `?` ("" for POST). */
  query: string;
  /** Values of the signed headers, by lower-case name. */
  headers: Readonly<Record<string, string>>;
  /** Lower-case names of the signed headers (sorted here). */
  signedHeaders: readonly string[];
  /** Hex SHA-256 of the raw body bytes (GET: of the empty string). */
  payloadHash: string;
}

/** Sorted, `;`-joined signed header names, e.g. `content-type;host`. */
export function signedHeaderList(names: readonly string[]): string {
  return [...names]
    .map((name) => name.toLowerCase())
    .sort()
    .join(";");
}

/**
 * CanonicalRequest = Method \n "/" \n Query \n CanonicalHeaders \n SignedHeaders \n HashedPayload, where each
 * canonical header is `name:value\n` with name and value lower-cased and trimmed, sorted by name.
 */
export function canonicalRequest(input: CanonicalRequestInput): string {
  const names = signedHeaderList(input.signedHeaders).split(";");
  let canonicalHeaders = "";
  for (const name of names) canonicalHeaders += `${name}:${(input.headers[name] ?? "").trim().toLowerCase()}\n`;
  return `${input.method.toUpperCase()}\n/\n${input.query}\n${canonicalHeaders}\n${names.join(";")}\n${input.payloadHash}`;
}

/** StringToSign = Algorithm \n Timestamp \n CredentialScope \n hex(sha256(CanonicalRequest)). */
export function stringToSign(timestampSec: number | string, scope: string, canonicalRequestHash: string): string {
  return `${TC3_ALGORITHM}\n${timestampSec}\n${scope}\n${canonicalRequestHash}`;
}

/** kSigning = HMAC(HMAC(HMAC("TC3" + SecretKey, Date), Service), "tc3_request"). */
export function deriveSigningKey(secretKey: string, date: string, service: string, hashing: Hashing = nobleHashing): Uint8Array {
  const kDate = hashing.hmacSha256(`TC3${secretKey}`, date);
  const kService = hashing.hmacSha256(kDate, service);
  return hashing.hmacSha256(kService, TC3_REQUEST);
}

/** Lower-case hex HMAC-SHA256 of the string to sign under the derived key. */
export function tc3Signature(secretKey: string, date: string, service: string, toSign: string, hashing: Hashing = nobleHashing): string {
  return hashing.hmacSha256Hex(deriveSigningKey(secretKey, date, service, hashing), toSign);
}

/** Every intermediate value of one signature (tests and debugging compare these with the docs). */
export interface Tc3Computation {
  payloadHash: string;
  canonicalRequest: string;
  canonicalRequestHash: string;
  credentialScope: string;
  stringToSign: string;
  signature: string;
}

/** Runs the whole algorithm from the canonical-request inputs. */
export function computeTc3(
  input: Omit<CanonicalRequestInput, "payloadHash"> & {
    payload: HashInput;
    timestamp: number | string;
    secretKey: string;
    service: string;
  },
  hashing: Hashing = nobleHashing,
): Tc3Computation {
  const payloadHash = hashing.sha256Hex(input.payload);
  const canonical = canonicalRequest({ ...input, payloadHash });
  const canonicalRequestHash = hashing.sha256Hex(canonical);
  const date = tc3Date(Number(input.timestamp));
  const scope = credentialScope(date, input.service);
  const toSign = stringToSign(input.timestamp, scope, canonicalRequestHash);
  return {
    payloadHash,
    canonicalRequest: canonical,
    canonicalRequestHash,
    credentialScope: scope,
    stringToSign: toSign,
    signature: tc3Signature(input.secretKey, date, input.service, toSign, hashing),
  };
}

/** `TC3-HMAC-SHA256 Credential=<id>/<scope>, SignedHeaders=<list>, Signature=<hex>`. */
export function authorizationHeader(secretId: string, scope: string, signedHeaders: readonly string[], signature: string): string {
  return `${TC3_ALGORITHM} Credential=${secretId}/${scope}, SignedHeaders=${signedHeaderList(signedHeaders)}, Signature=${signature}`;
}

/** The parts of a TC3 Authorization header. */
export interface Tc3Authorization {
  secretId: string;
  date: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTHORIZATION =
  /^TC3-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/,\s]+)\/tc3_request\s*,\s*SignedHeaders=([a-z0-9;-]+)\s*,\s*Signature=([0-9a-f]{64})\s*$/i;

/** Parses an Authorization header; null when it is not a well-formed TC3 header. */
export function parseTc3Authorization(value: string | undefined): Tc3Authorization | null {
  if (value === undefined) return null;
  const match = AUTHORIZATION.exec(value);
  if (match === null) return null;
  const [, secretId, date, service, signedHeaders, signature] = match as unknown as [string, string, string, string, string, string];
  return {
    secretId,
    date,
    service,
    signedHeaders: signedHeaders.toLowerCase().split(";").filter(Boolean),
    signature: signature.toLowerCase(),
  };
}

/** The SecretId of a TC3 Authorization header without checking the rest (quota scope), or undefined. */
export function secretIdOf(authorization: string | undefined): string | undefined {
  if (authorization === undefined) return undefined;
  const match = /Credential=([^/,\s]+)\//.exec(authorization);
  return match?.[1];
}

/** Input of `signTencentRequest`. */
export interface SignTencentRequestInput {
  method: string;
  url: URL;
  /** Headers to be sent; must include Content-Type (it is signed), otherwise the method's default is used and returned. */
  headers: Record<string, string>;
  body: Uint8Array | string;
  secretId: string;
  secretKey: string;
  /** Unix seconds. */
  timestamp: number;
  /** Scope service; default the first dot-label of the URL's host, exactly as the official SDKs derive it. */
  service?: string;
}

/**
 * Signs a request as the official Node SDK does and returns the headers to add: Authorization and
 * X-TC-Timestamp (plus Content-Type when the input had none). Signs `content-type;host`; host is the
 * URL hostname without port; the default service is `url.host.split(".")[0]`, so `127.0.0.1:4010`
 * gives scope service `127` — like the SDK; `hashing` only changes the speed.
 * https://tencentcloud.com/document/api/1150/49447
 */
export function signTencentRequest(input: SignTencentRequestInput, hashing: Hashing = nobleHashing): Record<string, string> {
  const method = input.method.toUpperCase();
  const given = Object.entries(input.headers).find(([name]) => name.toLowerCase() === "content-type")?.[1];
  const contentType = given ?? (method === "GET" ? "application/x-www-form-urlencoded" : "application/json");
  const service = input.service ?? input.url.host.split(".")[0]!;
  const computed = computeTc3(
    {
      method,
      query: input.url.search.slice(1),
      headers: { "content-type": contentType, host: input.url.hostname },
      signedHeaders: ["content-type", "host"],
      payload: method === "GET" ? "" : input.body,
      timestamp: input.timestamp,
      secretKey: input.secretKey,
      service,
    },
    hashing,
  );
  const out: Record<string, string> = {
    Authorization: authorizationHeader(input.secretId, computed.credentialScope, ["content-type", "host"], computed.signature),
    "X-TC-Timestamp": String(input.timestamp),
  };
  if (given === undefined) out["Content-Type"] = contentType;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Signature v1 (HmacSHA1 / HmacSHA256): every official SDK's non-default signMethod.
// https://intl.cloud.tencent.com/document/api/238/32088 · ../shared/vendor-notes/clients.md §1.3

/** The SignatureMethod values of signature v1; HmacSHA1 is the default when the parameter is absent. */
export const TENCENT_V1_METHODS = ["HmacSHA1", "HmacSHA256"] as const;

/** A signature v1 method. */
export type TencentV1Method = (typeof TENCENT_V1_METHODS)[number];

/** The parameters whose presence makes a query or form body a signature v1 request (clients.md §1.3). */
export const TENCENT_V1_MARKERS = ["Signature", "SecretId", "Nonce", "Timestamp"] as const;

/** True when the decoded parameters carry every v1 marker (Signature, SecretId, Nonce, Timestamp). */
export function hasTencentV1Markers(params: URLSearchParams): boolean {
  return TENCENT_V1_MARKERS.every((key) => params.has(key));
}

/** What the v1 string to sign is built from. */
export interface TencentV1StringInput {
  method: string;
  /** The Host header as sent, port included (the SDKs sign the endpoint as configured). */
  host: string;
  /** Request path; `/` for every SDK. */
  path?: string;
  /** Decoded parameters; `Signature` is left out here whatever is passed. */
  params: Iterable<readonly [string, string]>;
  /** Leave out empty-valued parameters (Go does; whether the gateway does is unknown). */
  skipEmpty?: boolean;
}

/**
 * METHOD + host + path + `?` + `k=v` pairs sorted by key (code-unit order, as TreeMap and `sort()`),
 * joined with `&`, values not URL-encoded, `Signature` left out.
 */
export function tencentV1StringToSign(input: TencentV1StringInput): string {
  const pairs: [string, string][] = [];
  for (const [key, value] of input.params) {
    if (key === "Signature" || (input.skipEmpty === true && value === "")) continue;
    pairs.push([key, value]);
  }
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = pairs.map(([key, value]) => `${key}=${value}`).join("&");
  return `${input.method.toUpperCase()}${input.host}${input.path ?? "/"}?${query}`;
}

/** Base64 of raw bytes, browser-safe. */
function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Base64 of the HMAC (SHA-1 or SHA-256) of the string to sign under the SecretKey. */
export function tencentV1Signature(secretKey: string, toSign: string, method: TencentV1Method, hashing: Hashing = nobleHashing): string {
  const digest = method === "HmacSHA256" ? hashing.hmacSha256(secretKey, toSign) : hmac(sha1, utf8ToBytes(secretKey), utf8ToBytes(toSign));
  return base64(digest);
}

/** Input of `signTencentV1Request`. */
export interface SignTencentV1RequestInput {
  method: "GET" | "POST";
  /** Where the request goes; its host (port included) is signed. */
  url: URL;
  /** Action, Version and the business parameters (RoomId, Page, Limit), as text. */
  params: Record<string, string | number>;
  secretId: string;
  secretKey: string;
  /** Unix seconds. */
  timestamp: number;
  /** Default a fixed 12345; the SDKs draw it at random (Python up to 2^63−1). */
  nonce?: number | bigint | string;
  /** Default HmacSHA256; HmacSHA1 is the vendor default when SignatureMethod is absent. */
  signatureMethod?: TencentV1Method;
}

/** A signed v1 request: the path with query (GET) or `/` plus a form body (POST) and its Content-Type. */
export interface SignedTencentV1Request {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Every parameter sent, Signature included. */
  params: Record<string, string>;
}

/**
 * Signs a request with signature v1 as the official SDKs do: adds Timestamp, Nonce, SecretId and
 * SignatureMethod, signs METHOD + host + `/?` + sorted pairs and sends everything in the query (GET)
 * or as an `application/x-www-form-urlencoded` body (POST). https://intl.cloud.tencent.com/document/api/238/32088
 */
export function signTencentV1Request(input: SignTencentV1RequestInput, hashing: Hashing = nobleHashing): SignedTencentV1Request {
  const signatureMethod = input.signatureMethod ?? "HmacSHA256";
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(input.params)) params[key] = String(value);
  params.Timestamp = String(input.timestamp);
  params.Nonce = String(input.nonce ?? 12345);
  params.SecretId = input.secretId;
  params.SignatureMethod = signatureMethod;
  const toSign = tencentV1StringToSign({ method: input.method, host: input.url.host, params: Object.entries(params) });
  params.Signature = tencentV1Signature(input.secretKey, toSign, signatureMethod, hashing);
  const encoded = new URLSearchParams(params).toString();
  return input.method === "GET"
    ? { method: "GET", path: `/?${encoded}`, headers: {}, params }
    : { method: "POST", path: "/", headers: { "content-type": "application/x-www-form-urlencoded" }, body: encoded, params };
}

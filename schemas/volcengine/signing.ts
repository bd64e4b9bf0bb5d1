/**
 * Volcengine HMAC-SHA256 request signing, written once and used by both the signer (tests, contract
 * clients) and the fake server's verifier. Spec: https://www.volcengine.com/docs/6469/1121980; the
 * details the SDKs differ on are in shared/vendor-notes/volcengine.md §3. Runs in browsers too: the
 * hash functions come from a `Hashing` (default @noble/hashes; the Node server passes node:crypto).
 */
import type { HashInput, Hashing } from "../common/hashing.js";
import { nobleHashing } from "../common/noble-hashing.js";

/** The only algorithm Volcengine uses. */
export const VOLCENGINE_SIGNING_ALGORITHM = "HMAC-SHA256";
/** Default region and service of the RTC OpenAPI. */
export const VOLCENGINE_DEFAULT_REGION = "cn-north-1";
/** Service name in the credential scope for RTC. */
export const VOLCENGINE_RTC_SERVICE = "rtc";
/** Headers the Node SDK signs (it signs its own X-* headers, not host or content-type). */
export const NODE_SDK_SIGNED_HEADERS: readonly string[] = ["x-content-sha256", "x-date"];

/** Hex SHA-256 of a body or any text. */
export function sha256Hex(data: HashInput, hashing: Hashing = nobleHashing): string {
  return hashing.sha256Hex(data);
}

/** Raw HMAC-SHA256. */
export function hmacSha256(key: HashInput, data: HashInput, hashing: Hashing = nobleHashing): Uint8Array {
  return hashing.hmacSha256(key, data);
}

/** `X-Date` form: UTC `YYYYMMDD'T'HHMMSS'Z'`, e.g. 20240102T030405Z. */
export function formatXDate(date: Date): string {
  return date.toISOString().replace(/[-:]|\.\d{3}/g, "");
}

const X_DATE = /^\d{8}T\d{6}Z$/;

/** Parses an `X-Date` value into epoch ms; NaN when it is not in the compact form. */
export function parseXDate(value: string): number {
  if (!X_DATE.test(value)) return Number.NaN;
  const y = Number(value.slice(0, 4));
  const mo = Number(value.slice(4, 6));
  const d = Number(value.slice(6, 8));
  const ms = Date.UTC(y, mo - 1, d, Number(value.slice(9, 11)), Number(value.slice(11, 13)), Number(value.slice(13, 15)));
  // Reject roll-overs such as month 13 or day 32.
  const back = new Date(ms);
  return back.getUTCDate() === d && back.getUTCMonth() === mo - 1 ? ms : Number.NaN;
}

// Characters RFC3986 leaves unescaped; most query keys and values consist of nothing else.
const UNRESERVED = /^[A-Za-z0-9\-_.~]*$/;

/** RFC3986 encoding: encodeURIComponent plus `!'()*`, as both SDKs do. */
export function uriEscape(text: string): string {
  if (UNRESERVED.test(text)) return text;
  return encodeURIComponent(text).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Canonical query string: keys (then values) sorted by code unit, each RFC3986-encoded, joined `k=v&…`. */
export function canonicalQueryString(params: URLSearchParams): string {
  const pairs: [string, string][] = [];
  for (const [key, value] of params) pairs.push([uriEscape(key), uriEscape(value)]);
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  let out = "";
  for (let i = 0; i < pairs.length; i++) out += `${i === 0 ? "" : "&"}${pairs[i]![0]}=${pairs[i]![1]}`;
  return out;
}

/** Canonical headers block: `name:trimmed value\n` for each signed header, in the given order. */
export function canonicalHeaders(signedHeaders: readonly string[], valueOf: (name: string) => string | undefined): string {
  let out = "";
  for (const name of signedHeaders) out += `${name}:${(valueOf(name) ?? "").trim()}\n`;
  return out;
}

/** The parts of a request that the signature covers. */
export interface CanonicalRequestInput {
  method: string;
  /** Path, `/` for every RTC action. */
  path: string;
  query: URLSearchParams;
  /** Lower-case header names, already sorted as the client lists them in SignedHeaders. */
  signedHeaders: readonly string[];
  /** Value of a header by lower-case name. */
  headerValue: (name: string) => string | undefined;
  /** Hex SHA-256 of the body. */
  bodyHash: string;
}

/** CanonicalRequest = Method \n URI \n Query \n Headers \n SignedHeaders \n BodyHash (https://www.volcengine.com/docs/6469/1121980). */
export function canonicalRequest(input: CanonicalRequestInput): string {
  const path = input.path === "" ? "/" : input.path;
  const headers = canonicalHeaders(input.signedHeaders, input.headerValue);
  return `${input.method.toUpperCase()}\n${path}\n${canonicalQueryString(input.query)}\n${headers}\n${input.signedHeaders.join(";")}\n${input.bodyHash}`;
}

/** Credential scope `YYYYMMDD/region/service/request`. */
export function credentialScope(shortDate: string, region: string, service: string): string {
  return `${shortDate}/${region}/${service}/request`;
}

/** StringToSign = "HMAC-SHA256" \n XDate \n CredentialScope \n HexSHA256(CanonicalRequest). */
export function stringToSign(xDate: string, scope: string, canonical: string, hashing: Hashing = nobleHashing): string {
  return `${VOLCENGINE_SIGNING_ALGORITHM}\n${xDate}\n${scope}\n${hashing.sha256Hex(canonical)}`;
}

/** kSigning = HMAC(HMAC(HMAC(HMAC(SK, date), region), service), "request"); the raw SK, no prefix. */
export function signingKey(
  secretKey: string,
  shortDate: string,
  region: string,
  service: string,
  hashing: Hashing = nobleHashing,
): Uint8Array {
  const kDate = hashing.hmacSha256(secretKey, shortDate);
  const kRegion = hashing.hmacSha256(kDate, region);
  const kService = hashing.hmacSha256(kRegion, service);
  return hashing.hmacSha256(kService, "request");
}

/** Hex signature of a string to sign. */
export function signature(key: Uint8Array, toSign: string, hashing: Hashing = nobleHashing): string {
  return hashing.hmacSha256Hex(key, toSign);
}

/** Builds the Authorization header value. */
export function authorizationHeader(accessKeyId: string, scope: string, signedHeaders: readonly string[], sig: string): string {
  return `${VOLCENGINE_SIGNING_ALGORITHM} Credential=${accessKeyId}/${scope}, SignedHeaders=${signedHeaders.join(";")}, Signature=${sig}`;
}

/** Parsed Authorization header; fields are undefined when absent. */
export interface ParsedAuthorization {
  algorithm: string;
  credential?: string;
  signedHeaders?: string;
  signature?: string;
}

/** Splits `ALG Credential=…, SignedHeaders=…, Signature=…` (order-insensitive, spaces tolerated). */
export function parseAuthorization(header: string): ParsedAuthorization {
  const trimmed = header.trim();
  const space = trimmed.indexOf(" ");
  const algorithm = space < 0 ? trimmed : trimmed.slice(0, space);
  const parsed: ParsedAuthorization = { algorithm };
  if (space < 0) return parsed;
  for (const part of trimmed.slice(space + 1).split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === "Credential") parsed.credential = value;
    else if (key === "SignedHeaders") parsed.signedHeaders = value;
    else if (key === "Signature") parsed.signature = value;
  }
  return parsed;
}

/** What `signVolcengineRequest` needs. */
export interface SignVolcengineRequestInput {
  method: string;
  url: URL;
  /** Headers the request will carry (any case); signed ones are read from here (host falls back to url.host). */
  headers: Record<string, string>;
  body: Uint8Array | string;
  accessKeyId: string;
  secretKey: string;
  date: Date;
  region?: string;
  service?: string;
  sessionToken?: string;
  /** Lower-case names to sign; default as the Node SDK: x-content-sha256, x-date (+ x-security-token). */
  signedHeaders?: string[];
}

/**
 * Signs a request and returns the headers to add: `X-Date`, `X-Content-Sha256`, `Authorization`
 * (and `X-Security-Token` with a session token). Reproduces the SDKs' signatures byte for byte;
 * `hashing` only changes the speed.
 */
export function signVolcengineRequest(input: SignVolcengineRequestInput, hashing: Hashing = nobleHashing): Record<string, string> {
  const region = input.region ?? VOLCENGINE_DEFAULT_REGION;
  const service = input.service ?? VOLCENGINE_RTC_SERVICE;
  const xDate = formatXDate(input.date);
  const shortDate = xDate.slice(0, 8);
  const bodyHash = hashing.sha256Hex(input.body);
  const added: Record<string, string> = { "X-Date": xDate, "X-Content-Sha256": bodyHash };
  if (input.sessionToken !== undefined) added["X-Security-Token"] = input.sessionToken;

  const lowerHeaders = new Map<string, string>();
  for (const [name, value] of Object.entries(input.headers)) lowerHeaders.set(name.toLowerCase(), value);
  for (const [name, value] of Object.entries(added)) lowerHeaders.set(name.toLowerCase(), value);
  if (!lowerHeaders.has("host")) lowerHeaders.set("host", input.url.host);

  const requested = input.signedHeaders ?? [...NODE_SDK_SIGNED_HEADERS, ...(input.sessionToken !== undefined ? ["x-security-token"] : [])];
  const signedHeaders = [...new Set(requested.map((name) => name.toLowerCase()))].sort();
  const canonical = canonicalRequest({
    method: input.method,
    path: input.url.pathname,
    query: input.url.searchParams,
    signedHeaders,
    headerValue: (name) => lowerHeaders.get(name),
    bodyHash,
  });
  const scope = credentialScope(shortDate, region, service);
  const sig = signature(
    signingKey(input.secretKey, shortDate, region, service, hashing),
    stringToSign(xDate, scope, canonical, hashing),
    hashing,
  );
  added["Authorization"] = authorizationHeader(input.accessKeyId, scope, signedHeaders, sig);
  return added;
}

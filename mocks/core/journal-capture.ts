import { MAX_JOURNAL_REPLY_BYTES, MAX_JOURNAL_REQUEST_BYTES } from "./bounds.js";
import { fromUtf8, type MockReply, type MockRequest } from "./reply.js";

/** A request as the vendor reads it, without credentials; cut to MAX_JOURNAL_REQUEST_BYTES. */
export interface JournalRequest {
  /** Decoded query parameters; a repeated name (`Metrics[]`) gives a list. */
  query: Record<string, string | string[]>;
  /** Header names lower-cased, as the adapters hand them to the engine. */
  headers: Record<string, string>;
  /** The body, when it is JSON. */
  body?: unknown;
  /** The body as text, when it is not JSON (a form body, or a cut one). */
  bodyText?: string;
  /** Set when something was cut: query and headers after the cap are left out, the body is cut. */
  truncated?: true;
}

/** A reply body, cut to MAX_JOURNAL_REPLY_BYTES. */
export interface JournalReply {
  body?: unknown;
  bodyText?: string;
  truncated?: true;
}

/**
 * Headers that carry credentials: Volcengine and Tencent TC3 sign in `Authorization`
 * (https://www.volcengine.com/docs/6469/1121980, https://tencentcloud.com/document/api/1150/49447);
 * session tokens travel in `X-Security-Token` (Volcengine) and `X-TC-Token` (Tencent); cookies and
 * `Proxy-Authorization` are no vendor's but are credentials wherever they appear.
 */
const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "x-tc-token", "x-security-token"]);

/**
 * Parameters (query, form or JSON body; names compared lower-cased) that carry credentials: ZEGO's
 * `Signature` and `SignatureNonce` (https://www.zegocloud.com/docs/analytics-dashboard-server/access-server-apis),
 * Tencent v1's `Signature` and `Token` (https://intl.cloud.tencent.com/document/api/238/32088), and
 * Volcengine's query-signing `X-Signature`, `X-Credential`, `X-Security-Token` (same doc as above).
 * The tenant ids (AppId, SecretId) are not secret and stay.
 */
const SECRET_PARAMS = new Set(["signature", "signaturenonce", "token", "x-signature", "x-credential", "x-security-token"]);

/** A cheap test for text that might hold a secret parameter, so most bodies are not parsed twice. */
const MAY_HOLD_SECRET = /signature|token|x-credential/i;

/** Whether a parameter name carries a credential. */
export function isSecretParam(name: string): boolean {
  return SECRET_PARAMS.has(name.toLowerCase());
}

/** The request part of an entry as stored: the body kept as (sanitized, cut) text until read. */
export type StoredRequest = Omit<JournalRequest, "body"> & {
  /** The body is a form (never read as JSON). */
  form?: true;
  /** Characters held, for the journal's byte estimate. */
  size: number;
};

/** Sanitizes and cuts a request for the journal. Called on every request: no parsing unless a secret may be present. */
export function captureRequest(request: MockRequest, cap = MAX_JOURNAL_REQUEST_BYTES): StoredRequest {
  let budget = cap;
  let truncated = false;
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of request.url.searchParams) {
    if (isSecretParam(name)) continue;
    const cost = name.length + value.length;
    if (cost > budget) {
      truncated = true;
      budget = 0;
      break;
    }
    budget -= cost;
    if (!Object.hasOwn(query, name)) put(query, name, value);
    else {
      const held = query[name]!;
      if (Array.isArray(held)) held.push(value);
      else query[name] = [held, value];
    }
  }
  const headers: Record<string, string> = {};
  for (const name in request.headers) {
    if (SECRET_HEADERS.has(name)) continue;
    const value = request.headers[name]!;
    const cost = name.length + value.length;
    if (cost > budget) {
      truncated = true;
      budget = 0;
      break;
    }
    budget -= cost;
    headers[name] = value;
  }
  const stored: StoredRequest = { query, headers, size: cap - budget };
  const raw = request.rawBody;
  if (raw.length > 0) {
    const whole = raw.length <= budget;
    if (!whole) truncated = true;
    const form = (request.headers["content-type"] ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");
    let text = fromUtf8(whole ? raw : raw.subarray(0, charBoundary(raw, budget)));
    if (MAY_HOLD_SECRET.test(text)) text = form ? withoutSecretFormParams(text) : whole ? withoutSecretJsonKeys(text) : redactCutJson(text);
    if (form) stored.form = true;
    if (text.length > 0) stored.bodyText = text;
    stored.size += text.length;
  }
  if (truncated) stored.truncated = true;
  return stored;
}

/** The request part of an entry as read: a JSON body parsed afresh (so callers cannot change the journal). */
export function readRequest(stored: StoredRequest): JournalRequest {
  const request: JournalRequest = { query: copyQuery(stored.query), headers: { ...stored.headers } };
  if (stored.bodyText !== undefined) Object.assign(request, readBody(stored.bodyText, stored.form === true || stored.truncated === true));
  if (stored.truncated) request.truncated = true;
  return request;
}

/** The reply as stored: its bytes, a copy only when cut (reply bodies are never changed after the engine answers). */
export interface StoredReply {
  bytes: Uint8Array;
  truncated?: true;
}

/** Keeps a reply body for the journal; a dropped connection has none. Decoding waits until someone reads it. */
export function captureReply(reply: MockReply, cap = MAX_JOURNAL_REPLY_BYTES): StoredReply | undefined {
  if (reply.drop) return undefined;
  const body = reply.body;
  // A view into a larger buffer would keep all of it alive: copy, so the journal's byte count holds.
  if (body.length <= cap) return { bytes: body.byteLength === body.buffer.byteLength ? body : body.slice() };
  return { bytes: body.slice(0, charBoundary(body, cap)), truncated: true };
}

/** The reply part of an entry as read. */
export function readReply(stored: StoredReply): JournalReply {
  const reply: JournalReply = readBody(fromUtf8(stored.bytes), stored.truncated === true);
  if (stored.truncated) reply.truncated = true;
  return reply;
}

/** `{body}` when the text is whole JSON, else `{bodyText}`. */
function readBody(text: string, asText: boolean): { body?: unknown; bodyText?: string } {
  if (!asText && text.length > 0) {
    try {
      return { body: JSON.parse(text) as unknown };
    } catch {
      // Not JSON: kept as text below.
    }
  }
  return { bodyText: text };
}

/** The largest length ≤ `max` that does not split a UTF-8 sequence of `bytes`. */
function charBoundary(bytes: Uint8Array, max: number): number {
  let end = Math.min(max, bytes.length);
  // Continuation bytes are 10xxxxxx: step back to the start of the sequence they belong to.
  while (end > 0 && end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
  return end;
}

function withoutSecretFormParams(text: string): string {
  const kept = [...new URLSearchParams(text)].filter(([name]) => !isSecretParam(name));
  return new URLSearchParams(kept).toString();
}

/** A JSON object body without top-level secret keys (assumed: no vendor reads credentials from a JSON body, so this is defence only). */
function withoutSecretJsonKeys(text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return text;
  const entries = Object.entries(value);
  if (!entries.some(([name]) => isSecretParam(name))) return text;
  return JSON.stringify(Object.fromEntries(entries.filter(([name]) => !isSecretParam(name))));
}

/** A cut JSON text (no longer parseable) with the values of secret keys blanked. */
function redactCutJson(text: string): string {
  return text.replace(SECRET_JSON_MEMBER, '$1"[redacted]"');
}

const SECRET_JSON_MEMBER =
  /("(?:signature|signaturenonce|token|x-signature|x-credential|x-security-token)"\s*:\s*)("(?:[^"\\]|\\.)*"?|[^,}\]]*)/gi;

/** Sets an own property, also for the name `__proto__` (which a plain assignment would take as the prototype). */
function put(target: Record<string, string | string[]>, name: string, value: string | string[]): void {
  if (name === "__proto__") Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
  else target[name] = value;
}

function copyQuery(query: Record<string, string | string[]>): Record<string, string | string[]> {
  const copy: Record<string, string | string[]> = {};
  for (const name in query) {
    const value = query[name]!;
    put(copy, name, Array.isArray(value) ? [...value] : value);
  }
  return copy;
}

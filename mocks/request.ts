/**
 * The adapter-neutral request and reply. fastify and MSW convert to and from these, so a reply
 * produced in-process and over HTTP is byte-for-byte the same.
 */
export interface MockRequest {
  method: string;
  /** Full URL including host, e.g. `http://127.0.0.1:4010/?Action=…` or `https://rtc.volcengineapi.com/?…`. */
  url: URL;
  /** Header names lower-cased; repeated headers joined with `, `. */
  headers: Readonly<Record<string, string>>;
  /** Raw body bytes, exactly as received (signatures hash these). */
  rawBody: Uint8Array;
}

/** What the engine answers. `delayMs` and `dropConnection` are carried out by the adapter. */
export interface MockReply {
  status: number;
  headers: Record<string, string>;
  /** Serialized body (JSON text for every vendor reply). */
  body: string;
  /** Added latency from a fault rule. */
  delayMs?: number;
  /** A fault asked the adapter to drop the connection without answering. */
  dropConnection?: boolean;
}

const utf8 = new TextDecoder("utf-8", { fatal: false });

/** Body as text (invalid UTF-8 becomes U+FFFD, as a vendor gateway would see garbage). */
export function bodyText(request: MockRequest): string {
  return utf8.decode(request.rawBody);
}

/** Lower-cases header names and joins repeated values, for adapters. */
export function normalizeHeaders(entries: Iterable<[string, string | string[] | undefined]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    const text = Array.isArray(value) ? value.join(", ") : value;
    out[key] = key in out ? `${out[key]}, ${text}` : text;
  }
  return out;
}

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

/** What the engine answers. `delayMs` and `drop` are carried out by the adapter. */
export interface MockReply {
  status: number;
  headers: Record<string, string>;
  /** The body's exact bytes (UTF-8 JSON for every vendor reply). */
  body: Uint8Array;
  /** Added latency from a fault rule. */
  delayMs?: number;
  /** A fault asked the adapter to close the connection without answering. */
  drop?: boolean;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: false });

/** UTF-8 bytes of a text. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Text of UTF-8 bytes (invalid sequences become U+FFFD, as a vendor gateway would see garbage). */
export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** Request body as text. */
export function bodyText(request: MockRequest): string {
  return fromUtf8(request.rawBody);
}

/** Reply body as text. */
export function replyText(reply: MockReply): string {
  return fromUtf8(reply.body);
}

/** A reply whose body is the UTF-8 of `text`. */
export function textReply(status: number, headers: Record<string, string>, text: string): MockReply {
  return { status, headers, body: utf8(text) };
}

/** `head`, `middle` and `tail` as one byte array: a cached result placed inside its envelope. */
export function spliceBytes(head: string, middle: Uint8Array, tail: string): Uint8Array {
  const start = utf8(head);
  const end = utf8(tail);
  const out = new Uint8Array(start.length + middle.length + end.length);
  out.set(start, 0);
  out.set(middle, start.length);
  out.set(end, start.length + middle.length);
  return out;
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

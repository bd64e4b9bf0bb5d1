import { fromUtf8, joinBytes, utf8 } from "../utf8-bytes.js";

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
  /** Serialized body (JSON text for every vendor reply); on engine replies built as bytes it is decoded on first read. */
  readonly body: string;
  /**
   * The body's exact UTF-8 bytes. Every engine reply has them (adapters send them as they are);
   * a reply made elsewhere may leave them out, and adapters then encode `body`.
   */
  readonly bytes?: Uint8Array;
  /**
   * The same bytes in pieces, when the reply was built around cached parts (joined, they are
   * `bytes`). An adapter that can write several chunks sends these and never joins them.
   */
  readonly pieces?: readonly Uint8Array[];
  /** Added latency from a fault rule. */
  delayMs?: number;
  /** A fault asked the adapter to drop the connection without answering. */
  dropConnection?: boolean;
}

const utf8Decoder = new TextDecoder("utf-8", { fatal: false });

/** Body as text (invalid UTF-8 becomes U+FFFD, as a vendor gateway would see garbage). */
export function bodyText(request: MockRequest): string {
  return utf8Decoder.decode(request.rawBody);
}

/** A reply from its text; its `bytes` are encoded on first read. */
export function textReply(status: number, headers: Record<string, string>, body: string): MockReply & { bytes: Uint8Array } {
  let bytes: Uint8Array | undefined;
  return {
    status,
    headers,
    body,
    get bytes() {
      return (bytes ??= utf8(body));
    },
  };
}

/** A reply from its UTF-8 bytes (built from pre-encoded pieces); its `body` text is decoded on first read. */
export function bytesReply(status: number, headers: Record<string, string>, bytes: Uint8Array): MockReply & { bytes: Uint8Array } {
  let text: string | undefined;
  return {
    status,
    headers,
    bytes,
    get body() {
      return (text ??= fromUtf8(bytes));
    },
  };
}

/**
 * A reply from UTF-8 pieces (short envelope text around cached parts, utf8Pieces): adapters that
 * write chunks send the pieces; `bytes` are joined and `body` decoded only when first read.
 */
export function piecesReply(
  status: number,
  headers: Record<string, string>,
  pieces: readonly Uint8Array[],
): MockReply & { bytes: Uint8Array } {
  let bytes: Uint8Array | undefined;
  let text: string | undefined;
  return {
    status,
    headers,
    pieces,
    get bytes() {
      return (bytes ??= joinBytes(pieces));
    },
    get body() {
      return (text ??= fromUtf8(this.bytes));
    },
  };
}

/** The reply's body bytes: its own, else `body` encoded (for replies made outside the engine). */
export function replyBytes(reply: MockReply): Uint8Array {
  return reply.bytes ?? utf8(reply.body);
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

/**
 * UTF-8 helpers for replies built from pre-encoded pieces. Browser-safe (TextEncoder/TextDecoder,
 * Uint8Array): encoding a 40 KB reply on every request costs more than the rest of its rendering,
 * so large parts are encoded once, cached, and copied into each reply next to a few short strings.
 */

const encoder = new TextEncoder();
// ignoreBOM keeps a leading U+FEFF in the text, so decoding is the exact inverse of encoding.
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/** The UTF-8 bytes of `text` (lone surrogates become U+FFFD, as in every UTF-8 encoder). */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** The text of UTF-8 `bytes`. */
export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** True when every UTF-16 unit of `text` is ASCII, so its UTF-8 is one byte per unit. */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Writes ASCII `text` at `offset`; short strings are cheaper to copy by hand than through encodeInto. */
function writeAscii(target: Uint8Array, offset: number, text: string): number {
  for (let i = 0; i < text.length; i++) target[offset + i] = text.charCodeAt(i);
  return offset + text.length;
}

/**
 * The UTF-8 bytes of `head`, then the already encoded `parts` in order, then `tail`: one allocation
 * and one copy per part. `head` and `tail` are short envelope text (ids, numbers, field names).
 */
export function spliceUtf8(head: string, parts: readonly Uint8Array[], tail: string): Uint8Array {
  const headBytes = isAscii(head) ? undefined : utf8(head);
  const tailBytes = isAscii(tail) ? undefined : utf8(tail);
  let size = (headBytes?.length ?? head.length) + (tailBytes?.length ?? tail.length);
  for (const part of parts) size += part.length;
  const out = new Uint8Array(size);
  let at: number;
  if (headBytes === undefined) at = writeAscii(out, 0, head);
  else {
    out.set(headBytes, 0);
    at = headBytes.length;
  }
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  if (tailBytes === undefined) writeAscii(out, at, tail);
  else out.set(tailBytes, at);
  return out;
}

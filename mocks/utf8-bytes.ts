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

/**
 * The UTF-8 pieces of `head`, the already encoded `parts` (not copied) and `tail`. An adapter that
 * can write several chunks sends them as they are: no per-request copy of a 40 KB cached part,
 * which under load also keeps large short-lived buffers out of the allocator.
 */
export function utf8Pieces(head: string, parts: readonly Uint8Array[], tail: string): Uint8Array[] {
  return [utf8(head), ...parts, utf8(tail)];
}

/** `pieces` joined into one buffer. */
export function joinBytes(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0]!;
  let size = 0;
  for (const piece of pieces) size += piece.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

/**
 * The hash functions the vendors' signature schemes need (Volcengine and Tencent: SHA-256 and
 * HMAC-SHA256; ZEGO: MD5). Signers and verifiers take one of these instead of importing a library, so
 * the browser build uses @noble/hashes (schemas/common/noble-hashing.ts) while the Node server injects
 * node:crypto (server/node-hashing.ts), which is several times faster.
 */

/** Bytes, or text that is hashed as its UTF-8 encoding. */
export type HashInput = Uint8Array | string;

/** SHA-256, HMAC-SHA256 and MD5, raw and as lower-case hex; implementations must agree bit for bit. */
export interface Hashing {
  /** Raw SHA-256 digest (32 bytes). */
  sha256(data: HashInput): Uint8Array;
  /** Lower-case hex SHA-256 digest (64 characters). */
  sha256Hex(data: HashInput): string;
  /** Raw HMAC-SHA256 (32 bytes); keys of any length, longer than a block included. */
  hmacSha256(key: HashInput, data: HashInput): Uint8Array;
  /** Lower-case hex HMAC-SHA256 (64 characters). */
  hmacSha256Hex(key: HashInput, data: HashInput): string;
  /** Raw MD5 digest (16 bytes). */
  md5(data: HashInput): Uint8Array;
  /** Lower-case hex MD5 digest (32 characters). */
  md5Hex(data: HashInput): string;
}

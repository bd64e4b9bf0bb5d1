import fc from "fast-check";
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";
import { describe, expect, it } from "vitest";
import type { HashInput } from "../../schemas/common/hashing.js";
import { nobleHashing } from "../../schemas/common/noble-hashing.js";
import { nodeHashing } from "../../server/node-hashing.js";

// Any UTF-16 code unit, lone surrogates included: both must encode them as U+FFFD like TextEncoder.
const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)), maxLength: 200 });
const anyInput: fc.Arbitrary<HashInput> = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  anyText,
  fc.string({ unit: "grapheme", maxLength: 100 }),
);
// SHA-256 blocks are 64 bytes; keys above that are hashed first, so lengths up to 200 cover both paths.
const anyKey: fc.Arbitrary<HashInput> = fc.oneof(fc.uint8Array({ maxLength: 200 }), anyText);

const hex = (bytes: Uint8Array): string => bytesToHex(bytes);

describe("node:crypto hashing (server) equals @noble/hashes (browser default)", () => {
  it("agrees on SHA-256 and MD5, raw and hex, for any bytes or text", () => {
    fc.assert(
      fc.property(anyInput, (data) => {
        expect(hex(nodeHashing.sha256(data))).toBe(hex(nobleHashing.sha256(data)));
        expect(nodeHashing.sha256Hex(data)).toBe(nobleHashing.sha256Hex(data));
        expect(hex(nodeHashing.md5(data))).toBe(hex(nobleHashing.md5(data)));
        expect(nodeHashing.md5Hex(data)).toBe(nobleHashing.md5Hex(data));
      }),
      { numRuns: 300 },
    );
  });

  it("agrees on HMAC-SHA256 for any key (empty, short, longer than a block) and data", () => {
    fc.assert(
      fc.property(anyKey, anyInput, (key, data) => {
        expect(hex(nodeHashing.hmacSha256(key, data))).toBe(hex(nobleHashing.hmacSha256(key, data)));
        expect(nodeHashing.hmacSha256Hex(key, data)).toBe(nobleHashing.hmacSha256Hex(key, data));
      }),
      { numRuns: 300 },
    );
  });

  it("both give the published digests, so they cannot agree on a wrong answer", () => {
    for (const hashing of [nodeHashing, nobleHashing]) {
      expect(hashing.sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
      expect(hashing.sha256Hex(new Uint8Array(0))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
      expect(hashing.sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
      expect(hashing.md5Hex("")).toBe("d41d8cd98f00b204e9800998ecf8427e");
      expect(hashing.md5Hex("The quick brown fox jumps over the lazy dog")).toBe("9e107d9d372bb6826bd81d3542a419d6");
      // RFC 4231 test cases 2 (short text key), 6 (131-byte key, longer than a block) and 1 (raw digest).
      expect(hashing.hmacSha256Hex("Jefe", "what do ya want for nothing?")).toBe(
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
      );
      expect(hashing.hmacSha256Hex(new Uint8Array(131).fill(0xaa), "Test Using Larger Than Block-Size Key - Hash Key First")).toBe(
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
      );
      expect(hex(hashing.hmacSha256(hexToBytes("0b".repeat(20)), "Hi There"))).toBe(
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
      );
      expect(hashing.md5("")).toBeInstanceOf(Uint8Array);
      expect(hashing.md5("").length).toBe(16);
      expect(hashing.sha256("").length).toBe(32);
    }
  });

  it("hashes text as UTF-8: a string and its UTF-8 bytes give the same digest", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const bytes = new TextEncoder().encode(text);
        expect(nodeHashing.sha256Hex(text)).toBe(nodeHashing.sha256Hex(bytes));
        expect(nodeHashing.hmacSha256Hex(text, text)).toBe(nodeHashing.hmacSha256Hex(bytes, bytes));
      }),
      { numRuns: 200 },
    );
  });
});

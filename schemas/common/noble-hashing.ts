import { hmac } from "@noble/hashes/hmac.js";
import { md5 } from "@noble/hashes/legacy.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import type { HashInput, Hashing } from "./hashing.js";

const toBytes = (data: HashInput): Uint8Array => (typeof data === "string" ? utf8ToBytes(data) : data);

/** The default `Hashing`: pure JavaScript (@noble/hashes), so it runs in browsers and service workers. */
export const nobleHashing: Hashing = {
  sha256: (data) => sha256(toBytes(data)),
  sha256Hex: (data) => bytesToHex(sha256(toBytes(data))),
  hmacSha256: (key, data) => hmac(sha256, toBytes(key), toBytes(data)),
  hmacSha256Hex: (key, data) => bytesToHex(hmac(sha256, toBytes(key), toBytes(data))),
  md5: (data) => md5(toBytes(data)),
  md5Hex: (data) => bytesToHex(md5(toBytes(data))),
};

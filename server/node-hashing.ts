import { createHmac, hash } from "node:crypto";
import type { Hashing } from "../schemas/common/hashing.js";

/**
 * `Hashing` on node:crypto (OpenSSL): what `buildServer` injects into its engine unless told
 * otherwise. Strings go to OpenSSL as UTF-8 without a TextEncoder copy; digests come back as Buffers,
 * which are Uint8Arrays.
 */
export const nodeHashing: Hashing = {
  sha256: (data) => hash("sha256", data, "buffer"),
  sha256Hex: (data) => hash("sha256", data, "hex"),
  hmacSha256: (key, data) => createHmac("sha256", key).update(data).digest(),
  hmacSha256Hex: (key, data) => createHmac("sha256", key).update(data).digest("hex"),
  md5: (data) => hash("md5", data, "buffer"),
  md5Hex: (data) => hash("md5", data, "hex"),
};

import type { World } from "../core/world.js";

const HEX = "0123456789abcdef";

/** Eight lower-case hex digits of a 32-bit unsigned value. */
function hex8(value: number): string {
  let out = "";
  for (let shift = 28; shift >= 0; shift -= 4) out += HEX[(value >>> shift) & 15];
  return out;
}

/**
 * A UUID-v4-looking RequestId (e.g. `ed93f3cb-…`, the shape of real Tencent RequestIds), a pure
 * function of the seed and the request's sequence number: same seed and order → same ids.
 */
export function tencentRequestId(world: World, requestSeq: number): string {
  const key = world.key("tencent:request-id");
  const part = (i: number) => Math.floor(world.unit(key, requestSeq * 4 + i) * 4294967296) >>> 0;
  const a = hex8(part(0));
  const b = hex8(part(1));
  const c = part(2);
  const d = hex8(part(3));
  const cHex = hex8(c);
  // Version nibble 4 and RFC 4122 variant bits (8–b), as in v4 UUIDs.
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${HEX[8 + ((c >>> 28) & 3)]}${cHex.slice(1, 4)}-${cHex.slice(4, 8)}${d}`;
}

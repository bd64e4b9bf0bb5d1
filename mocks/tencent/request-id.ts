import type { World } from "../world.js";

const HEX = "0123456789abcdef";

/**
 * A UUID-v4-looking RequestId (e.g. `ed93f3cb-…`, the shape of real Tencent RequestIds), a pure
 * function of the seed and the request's sequence number: same seed and order → same ids.
 */
export function tencentRequestId(world: World, requestSeq: number): string {
  const key = world.key("tencent:request-id");
  let hex = "";
  for (let i = 0; i < 4; i++) hex += (Math.floor(world.unit(key, requestSeq * 4 + i) * 4294967296) >>> 0).toString(16).padStart(8, "0");
  const variant = HEX[8 + (parseInt(hex[16]!, 16) & 3)]!;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

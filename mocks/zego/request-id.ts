import type { World } from "../core/world.js";

function nineDigits(unit: number): string {
  return String(Math.floor(unit * 1e9)).padStart(9, "0");
}

/**
 * A ZEGO-looking RequestId: 19 decimal digits, as text (the docs type it String; their examples show
 * 19-digit values such as 1660645050860325000). A pure function of the seed and the request's
 * sequence number, so the same seed and request order give the same ids.
 */
export function zegoRequestId(world: World, requestSeq: number): string {
  const high = world.unit(world.key("zego:request-id"), requestSeq);
  const low = world.unit(world.key("zego:request-id:low"), requestSeq);
  return `1${nineDigits(high)}${nineDigits(low)}`;
}

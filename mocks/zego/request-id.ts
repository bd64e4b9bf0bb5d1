import type { World } from "../core/world.js";

// The two keys per world: hashing their labels on every request would cost more than the id itself.
const keys = new WeakMap<World, readonly [number, number]>();

/**
 * A ZEGO-looking RequestId: 19 decimal digits, as text (the docs type it String; their examples show
 * 19-digit values such as 1660645050860325000). A pure function of the seed and the request's
 * sequence number, so the same seed and request order give the same ids.
 */
export function zegoRequestId(world: World, requestSeq: number): string {
  let pair = keys.get(world);
  if (pair === undefined) {
    pair = [world.key("zego:request-id"), world.key("zego:request-id:low")];
    keys.set(world, pair);
  }
  const high = world.unit(pair[0], requestSeq);
  const low = world.unit(pair[1], requestSeq);
  return `1${nineDigits(high)}${nineDigits(low)}`;
}

function nineDigits(unit: number): string {
  return String(Math.floor(unit * 1e9)).padStart(9, "0");
}

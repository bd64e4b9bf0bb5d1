import type { World } from "../core/world.js";
import type { ZegoRequestIdType } from "./options.js";

function nineDigits(unit: number): string {
  return String(Math.floor(unit * 1e9)).padStart(9, "0");
}

/**
 * A ZEGO-looking RequestId as JSON text: 19 decimal digits, like the doc examples' 1660645050860325000.
 * `string`: the digits quoted. `number`: the bare digits of the nearest double (what a float64 round
 * trip leaves, as the examples' trailing zeros suggest), so JSON.parse in JavaScript keeps them:
 * `String(JSON.parse(text))` gives the same digits. A pure function of the seed and the request's
 * sequence number, so the same seed and request order give the same ids.
 */
export function zegoRequestIdJson(world: World, requestSeq: number, type: ZegoRequestIdType): string {
  const high = world.unit(world.key("zego:request-id"), requestSeq);
  const low = world.unit(world.key("zego:request-id:low"), requestSeq);
  const digits = `1${nineDigits(high)}${nineDigits(low)}`;
  if (type === "string") return `"${digits}"`;
  if (type === "number") return String(Number(digits)); // 1e18 ≤ value < 2e18 < 2^63: no exponent, an int64
  throw new Error(`options.zego.requestIdType must be "number" or "string", got ${JSON.stringify(type)}`);
}

import type { World } from "../core/world.js";

const BEIJING_OFFSET_MS = 8 * 3_600_000;
const HEX = "0123456789ABCDEF";

/** `yyyyMMddHHmmss` of `nowMs` in +08:00. */
function beijingDigits(nowMs: number): string {
  const stamp = new Date(Math.floor(nowMs / 1000) * 1000 + BEIJING_OFFSET_MS).toISOString();
  return stamp.slice(0, 4) + stamp.slice(5, 7) + stamp.slice(8, 10) + stamp.slice(11, 13) + stamp.slice(14, 16) + stamp.slice(17, 19);
}

/** The first `count` upper-case hex digits of the 32-bit value `unit`·2³², zero-padded to 8. */
function hexDigits(unit: number, count: number): string {
  const value = Math.floor(unit * 4294967296) >>> 0;
  let out = "";
  for (let i = 0, shift = 28; i < count; i++, shift -= 4) out += HEX[(value >>> shift) & 15];
  return out;
}

/**
 * A Volcengine-like RequestId: `yyyyMMddHHmmss` of the mock clock in +08:00 (real ids start with the
 * request time in Beijing, e.g. `20230604110420…` on https://volcengine.com/docs/6348/1178322) followed
 * by 18 upper-case hex digits drawn from the seed and the request's sequence number. Same seed, same
 * clock, same sequence → same id.
 */
export function volcengineRequestId(world: World, nowMs: number, requestSeq: number): string {
  const key = world.key("volcengine", "request-id");
  const n = requestSeq * 3;
  return (
    beijingDigits(nowMs) + hexDigits(world.unit(key, n), 8) + hexDigits(world.unit(key, n + 1), 8) + hexDigits(world.unit(key, n + 2), 2)
  );
}

import type { World } from "../world.js";

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/**
 * A Volcengine-like RequestId: `yyyyMMddHHmmss` of the mock clock in +08:00 (real ids start with the
 * request time in Beijing, e.g. `20230604110420…` on https://volcengine.com/docs/6348/1178322) followed
 * by 18 upper-case hex digits drawn from the seed and the request's sequence number. Same seed, same
 * clock, same sequence → same id.
 */
export function volcengineRequestId(world: World, nowMs: number, requestSeq: number): string {
  const stamp = new Date(nowMs + BEIJING_OFFSET_MS).toISOString();
  const digits = stamp.slice(0, 4) + stamp.slice(5, 7) + stamp.slice(8, 10) + stamp.slice(11, 13) + stamp.slice(14, 16) + stamp.slice(17, 19);
  const key = world.key("volcengine", "request-id");
  const hex = (n: number) => Math.floor(world.unit(key, n) * 4294967296).toString(16).padStart(8, "0");
  return `${digits}${hex(requestSeq * 3)}${hex(requestSeq * 3 + 1)}${hex(requestSeq * 3 + 2).slice(0, 2)}`.toUpperCase();
}

import { createBoundedCache, type BoundedCache } from "../core/bounded-cache.js";
import type { World } from "../core/world.js";
import { utf8 } from "../utf8-bytes.js";
import { stringifyWire } from "./wire-json.js";

/** Most cached results per engine, and most bytes of their JSON (4 MiB). */
const MAX_RESULTS = 256;
const MAX_JSON_BYTES = 4 * 1024 * 1024;

const caches = new WeakMap<World, BoundedCache<object>>();
// Result object → the UTF-8 bytes of its JSON, so render copies them into the envelope instead of
// serializing and encoding the result again.
const encoded = new WeakMap<object, Uint8Array>();

/**
 * The `Result` of a query, built once per key and then shared. Safe because every value is a pure
 * function of (seed, AppId/RoomId, series, bucket start): `key` must name everything the result
 * depends on (action, AppId, series, bucket axis, echoed fields), never the clock itself, so a
 * dashboard polling the same window hits the cache with a running clock too. Results are never
 * mutated after they are built.
 */
export function cachedResult(world: World, key: string, build: () => object): object {
  let cache = caches.get(world);
  if (cache === undefined) {
    cache = createBoundedCache<object>(MAX_RESULTS, MAX_JSON_BYTES);
    caches.set(world, cache);
  }
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const result = build();
  const bytes = utf8(stringifyWire(result));
  encoded.set(result, bytes);
  cache.set(key, result, bytes.length);
  return result;
}

/** The UTF-8 of `JSON.stringify(result)` when the result came from the cache (same bytes), else undefined. */
export function resultBytes(result: unknown): Uint8Array | undefined {
  return typeof result === "object" && result !== null ? encoded.get(result) : undefined;
}

/** How many results the engine's cache holds and their JSON bytes (for tests of its bounds). */
export function resultCacheSize(world: World): { entries: number; bytes: number; maxEntries: number; maxBytes: number } {
  const cache = caches.get(world);
  return { entries: cache?.size ?? 0, bytes: cache?.weight ?? 0, maxEntries: MAX_RESULTS, maxBytes: MAX_JSON_BYTES };
}

// Parsed input → the part of its result key that comes from the input. Parsed inputs are cached
// and shared (protocol.ts), so the JSON of these fields is built once per input, not per request.
const queryKeys = new WeakMap<object, string>();

/** The input's part of a result key (`build()` once per input object; inputs are never mutated). */
export function queryKeyOf(input: object, build: () => string): string {
  let key = queryKeys.get(input);
  if (key === undefined) {
    key = build();
    queryKeys.set(input, key);
  }
  return key;
}

/** The part of a cache key that identifies a bucket axis: first bucket, count and the first stamp (offset and suffix). */
export function axisKey(buckets: readonly number[], stamps: readonly string[]): string {
  return `${buckets[0] ?? ""}|${buckets.length}|${stamps[0] ?? ""}`;
}

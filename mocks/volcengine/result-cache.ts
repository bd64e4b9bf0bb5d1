import { createBoundedCache, type BoundedCache } from "../bounded-cache.js";
import type { World } from "../world.js";
import { stringifyWire } from "./wire-json.js";

/** Most cached results per engine, and most bytes of their JSON (4 MiB). */
const MAX_RESULTS = 256;
const MAX_JSON_BYTES = 4 * 1024 * 1024;

const caches = new WeakMap<World, BoundedCache<object>>();
// Result object → its JSON text, so render splices it in instead of serializing it again.
const serialized = new WeakMap<object, string>();

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
  const json = stringifyWire(result);
  // Keep one flat string: a JSON text built by concatenation is a rope that every reply would walk
  // again when it is copied into the socket buffer. ToNumber flattens a string in place.
  flatten(json);
  serialized.set(result, json);
  cache.set(key, result, json.length);
  return result;
}

// Written so the optimizing compiler cannot drop the conversion as unused.
let _flattened = 0;

/** Makes V8 store `text` as one flat string (ToNumber flattens its argument). */
function flatten(text: string): void {
  _flattened ^= Number(text) | 0;
}

/** `JSON.stringify(result)` when the result came from the cache (same bytes), else undefined. */
export function serializedResult(result: unknown): string | undefined {
  return typeof result === "object" && result !== null ? serialized.get(result) : undefined;
}

/** The part of a cache key that identifies a bucket axis: first bucket, count and the first stamp (offset and suffix). */
export function axisKey(buckets: readonly number[], stamps: readonly string[]): string {
  return `${buckets[0] ?? ""}|${buckets.length}|${stamps[0] ?? ""}`;
}

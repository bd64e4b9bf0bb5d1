import { createBoundedCache, type BoundedCache } from "./core/bounded-cache.js";

/** Most parses a cache keeps, and most characters of their keys (256 KiB). */
export const PARSE_CACHE_ENTRIES = 256;
export const PARSE_CACHE_KEY_CHARS = 256 * 1024;
/** Request texts longer than this are parsed every time rather than kept as keys. */
export const PARSE_CACHE_MAX_KEY = 4096;

/**
 * Successful parses of a pure parse step, keyed by the exact text it read. A client polling a
 * dashboard sends the same body again and again; JSON.parse and schema validation of it gave the
 * same answer every time. Only a step whose result depends on nothing but the key may use it (no
 * clock, no state); the cached values are shared between requests and must never be mutated.
 * Errors are not kept (they are not the hot path, and garbage should not evict good entries).
 */
export interface ParseCache<V> {
  /** The cached value for `key`, else `parse()`, kept when `keep` says it succeeded. */
  through(key: string, parse: () => V, keep: (value: V) => boolean): V;
  readonly size: number;
  /** Characters of the keys held. */
  readonly weight: number;
  clear(): void;
}

/** Creates an empty parse cache bounded by PARSE_CACHE_ENTRIES and PARSE_CACHE_KEY_CHARS. */
export function createParseCache<V>(): ParseCache<V> {
  const cache: BoundedCache<V> = createBoundedCache<V>(PARSE_CACHE_ENTRIES, PARSE_CACHE_KEY_CHARS);
  return {
    through(key, parse, keep) {
      if (key.length > PARSE_CACHE_MAX_KEY) return parse();
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      const value = parse();
      if (keep(value)) cache.set(key, value, key.length);
      return value;
    },
    get size() {
      return cache.size;
    },
    get weight() {
      return cache.weight;
    },
    clear() {
      cache.clear();
    },
  };
}

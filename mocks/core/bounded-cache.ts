/**
 * A map that forgets its least recently used entries once it holds more than `maxEntries` or more
 * than `maxWeight` (e.g. bytes of cached JSON), so hot-path caches never grow without limit.
 */
export interface BoundedCache<V> {
  get(key: string): V | undefined;
  /** Stores `value`; `weight` counts against `maxWeight` (default 1). */
  set(key: string, value: V, weight?: number): void;
  clear(): void;
  readonly size: number;
  /** Sum of the weights held. */
  readonly weight: number;
}

/** Creates an empty cache with the given bounds. */
export function createBoundedCache<V>(maxEntries: number, maxWeight = Number.POSITIVE_INFINITY): BoundedCache<V> {
  // Map keeps insertion order: re-inserting on every hit makes its first key the least recently used.
  const entries = new Map<string, { value: V; weight: number }>();
  let total = 0;
  return {
    get(key) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value, weight = 1) {
      const old = entries.get(key);
      if (old !== undefined) {
        entries.delete(key);
        total -= old.weight;
      }
      // An entry heavier than the whole budget is not kept at all.
      if (weight > maxWeight) return;
      entries.set(key, { value, weight });
      total += weight;
      while (entries.size > maxEntries || total > maxWeight) {
        const oldest = entries.keys().next().value as string;
        total -= entries.get(oldest)!.weight;
        entries.delete(oldest);
      }
    },
    clear() {
      entries.clear();
      total = 0;
    },
    get size() {
      return entries.size;
    },
    get weight() {
      return total;
    },
  };
}

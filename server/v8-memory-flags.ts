import v8 from "node:v8";

/**
 * V8's `--optimize-for-size`, set at run time by the CLI's `serve` (not by `buildServer`, which must
 * not change flags of a process that embeds it). Under load V8 otherwise grows its young generation
 * and old space far beyond the ~20 MB the server keeps alive; with this flag RSS after a burst of
 * load stays about 40–70 MB lower for about 10 % less throughput (docs/BENCHMARKS.md). Set after
 * the bundled CLI is compiled: a V8 code cache is only accepted under the flags it was written with.
 * V8 reads this flag whenever it sizes the heap, so setting it after start-up takes effect, which
 * the bench's memory run shows; flags fixed at heap set-up (`--max-semi-space-size`) would not.
 */
export const OPTIMIZE_FOR_SIZE_FLAG = "--optimize-for-size";

/** Applies the serving process's V8 memory flag when `optimizeForSize` is on; returns the flags set. */
export function applyV8MemoryFlags(optimizeForSize: boolean, setFlags: (flags: string) => void = v8.setFlagsFromString): string[] {
  if (!optimizeForSize) return [];
  setFlags(OPTIMIZE_FOR_SIZE_FLAG);
  return [OPTIMIZE_FOR_SIZE_FLAG];
}

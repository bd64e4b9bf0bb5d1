/** The performance targets of issue 7, checked by `npm run bench` and stated in docs/BENCHMARKS.md. */
export const targets = {
  /** Each endpoint's req/s over the bare-route ceiling, signature checks off. */
  ratioAuthOff: 0.5,
  /** Same, with signature checks on (auth mode `verify`, pre-signed requests). */
  ratioAuthVerify: 0.35,
  /** p99 latency at 10 connections, ms. */
  p99Ms: 5,
  /** Spawn of the CLI to the first 200, ms. */
  startupMs: 300,
  /** Server RSS after a 30 s mixed run, MB. */
  rssMb: 110,
} as const;

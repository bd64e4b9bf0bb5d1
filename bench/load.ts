import autocannon, { type AutocannonRequest } from "autocannon";
import type { HttpRequestSpec } from "./typical-requests.js";

/** What one measured load run gives. */
export interface LoadResult {
  /** Mean requests per second over the run. */
  reqPerSec: number;
  /** Latency percentiles in ms (autocannon records whole milliseconds). */
  p50: number;
  p99: number;
  max: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationS: number;
}

/** Load-run settings. */
export interface LoadSettings {
  connections: number;
  /** Seconds of unmeasured warm-up (JIT, connection set-up) before the measured run. */
  warmupS: number;
  durationS: number;
}

/** Runs autocannon against 127.0.0.1:`port`, looping over `requests` on each connection. */
export async function runLoad(
  port: number,
  requests: readonly Pick<HttpRequestSpec, "method" | "path" | "headers" | "body">[],
  settings: LoadSettings,
): Promise<LoadResult> {
  const sequence: AutocannonRequest[] = requests.map((r) => ({
    method: r.method,
    path: r.path,
    headers: r.headers,
    ...(r.body !== undefined ? { body: r.body } : {}),
  }));
  const url = `http://127.0.0.1:${port}`;
  if (settings.warmupS > 0) await autocannon({ url, connections: settings.connections, duration: settings.warmupS, requests: sequence });
  const result = await autocannon({ url, connections: settings.connections, duration: settings.durationS, requests: sequence });
  const durationS = (result.finish.getTime() - result.start.getTime()) / 1000;
  return {
    reqPerSec: Math.round(result.requests.total / durationS),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationS,
  };
}

// autocannon 8 ships no type declarations; this covers the part of its programmatic API the bench uses.
declare module "autocannon" {
  /** One request of the sequence each connection loops over. */
  export interface AutocannonRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  }

  /** Options of one run. */
  export interface AutocannonOptions {
    url: string;
    connections?: number;
    pipelining?: number;
    duration?: number;
    amount?: number;
    timeout?: number;
    requests?: AutocannonRequest[];
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    expectBody?: string;
  }

  /** hdr-histogram percentiles, as autocannon reports them. */
  export interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
    p99_9: number;
  }

  /** Result of one run. */
  export interface AutocannonResult {
    requests: Histogram & { sent: number };
    latency: Histogram & { totalCount: number };
    throughput: Histogram;
    errors: number;
    timeouts: number;
    mismatches: number;
    non2xx: number;
    duration: number;
    start: Date;
    finish: Date;
    "2xx": number;
    "4xx": number;
    "5xx": number;
  }

  /** Runs a load test; resolves when it ends. */
  function autocannon(options: AutocannonOptions): Promise<AutocannonResult> & { stop(): void };
  export default autocannon;
}

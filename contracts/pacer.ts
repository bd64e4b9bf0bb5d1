import type { RateLimitRule } from "../schemas/common/limits.js";

/** Thrown when sending would spend more of a long (daily) quota than this run may. */
export class QuotaBudgetExceeded extends Error {
  constructor(message: string) {
    super(message);
    this.name = "QuotaBudgetExceeded";
  }
}

/** Options of a pacer: what share of each documented limit to use, and injectable time for tests. */
export interface PacerOptions {
  /** Share of each limit this run may use (default 0.8: ZEGO 3/min → 2/min, Volcengine 2/s → 1/s, Tencent 20/s → 16/s). */
  share?: number;
  /** Windows longer than this are budgets, not waits: reaching them stops sending (default 1 h). */
  maxWaitMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Keeps a run below the vendors' documented rate limits: for each rule, at most share × limit
 * requests in any sliding window of the rule's length. A short window is waited out; a long one
 * (ZEGO's 480 per day) is a budget, and running out of it throws `QuotaBudgetExceeded`.
 */
export class Pacer {
  private readonly sent = new Map<string, number[]>();
  private readonly share: number;
  private readonly maxWaitMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: PacerOptions = {}) {
    this.share = options.share ?? 0.8;
    this.maxWaitMs = options.maxWaitMs ?? 3_600_000;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** How many requests a rule allows this run per window. */
  allowance(rule: RateLimitRule): number {
    return Math.max(1, Math.floor(rule.limit * this.share));
  }

  /**
   * Waits until one more request under `key` fits every rule, then counts it. `burst` counts the
   * request without waiting (a rate-limit case must hit the limit on purpose).
   */
  async take(key: string, rules: readonly RateLimitRule[], burst = false): Promise<void> {
    for (;;) {
      let waitMs = 0;
      for (const rule of rules) {
        const log = this.log(key, rule);
        const cutoff = this.now() - rule.windowMs;
        while (log.length > 0 && log[0]! <= cutoff) log.shift();
        if (burst || log.length < this.allowance(rule)) continue;
        const wait = log[0]! + rule.windowMs - this.now() + 1;
        if (rule.windowMs > this.maxWaitMs) {
          throw new QuotaBudgetExceeded(
            `${key}: this run already sent ${log.length} of the ${this.allowance(rule)} requests it allows itself per ${rule.windowMs / 3_600_000} h (documented limit ${rule.limit})`,
          );
        }
        waitMs = Math.max(waitMs, wait);
      }
      if (waitMs <= 0) break;
      await this.sleep(waitMs);
    }
    const at = this.now();
    for (const rule of rules) this.log(key, rule).push(at);
  }

  private log(key: string, rule: RateLimitRule): number[] {
    const id = `${key}|${rule.windowMs}`;
    let log = this.sent.get(id);
    if (log === undefined) {
      log = [];
      this.sent.set(id, log);
    }
    return log;
  }
}

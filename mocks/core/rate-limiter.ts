import type { RateLimitRule } from "../../schemas/common/limits.js";

/** Outcome of asking for one request's worth of quota. */
export type RateDecision =
  | { allowed: true }
  | { allowed: false; reason: "rate"; rule: RateLimitRule; retryAfterMs: number }
  | { allowed: false; reason: "capacity" };

/** Fixed-window counters per (scope key, rule), on the injected clock. */
export interface RateLimiter {
  /**
   * Counts one request for `key` against every rule; all rules must allow it. A request refused by
   * one rule is not counted against the others (a throttled call costs no daily quota).
   */
  take(key: string, rules: readonly RateLimitRule[], nowMs: number): RateDecision;
  /** Number of keys currently tracked (bounded by `maxKeys`). */
  readonly size: number;
  reset(): void;
}

/**
 * Fixed windows aligned to multiples of `windowMs` since the epoch (assumed: no vendor documents
 * whether its window is fixed or sliding). `maxKeys` bounds memory: a new key beyond it is refused
 * with `capacity` instead of growing without limit.
 */
export function createRateLimiter(maxKeys = 10_000): RateLimiter {
  // key → per-rule [windowStart, count] pairs, in rule order.
  const windows = new Map<string, Map<RateLimitRule, { start: number; count: number }>>();
  return {
    take(key, rules, nowMs) {
      if (rules.length === 0) return { allowed: true };
      let perRule = windows.get(key);
      if (perRule === undefined) {
        if (windows.size >= maxKeys) return { allowed: false, reason: "capacity" };
        perRule = new Map();
        windows.set(key, perRule);
      }
      const slots = rules.map((rule) => {
        const start = Math.floor(nowMs / rule.windowMs) * rule.windowMs;
        let slot = perRule.get(rule);
        if (slot === undefined || slot.start !== start) {
          slot = { start, count: 0 };
          perRule.set(rule, slot);
        }
        return slot;
      });
      for (let i = 0; i < rules.length; i++) {
        const rule = rules[i]!;
        const slot = slots[i]!;
        if (slot.count >= rule.limit) {
          return { allowed: false, reason: "rate", rule, retryAfterMs: slot.start + rule.windowMs - nowMs };
        }
      }
      for (const slot of slots) slot.count++;
      return { allowed: true };
    },
    get size() {
      return windows.size;
    },
    reset() {
      windows.clear();
    },
  };
}

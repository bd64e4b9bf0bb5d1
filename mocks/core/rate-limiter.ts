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
  /** What each tracked key has used of each rule in the window running at `nowMs` (0 for a window not yet begun); counts nothing. */
  usage(nowMs: number): KeyUsage[];
  /** Number of keys currently tracked (bounded by `maxKeys`; keys whose windows all ended are dropped). */
  readonly size: number;
  reset(): void;
}

/** One key's use of its rules in the current windows, as `RateLimiter.usage` reports it. */
export interface KeyUsage {
  key: string;
  rules: { rule: RateLimitRule; used: number; resetsAt: number }[];
}

/** One tracked key: its window per rule, and when the last of them ends. */
interface Tenant {
  slots: Map<RateLimitRule, { start: number; count: number }>;
  expiresAt: number;
}

/**
 * Fixed windows aligned to multiples of `windowMs` since the epoch (assumed: no vendor documents
 * whether its window is fixed or sliding). A key whose windows have all ended is forgotten, so the
 * table holds only keys active within the longest window; `maxKeys` bounds it: a new key beyond it
 * is refused with `capacity` instead of growing without limit.
 */
export function createRateLimiter(maxKeys = 10_000): RateLimiter {
  const tenants = new Map<string, Tenant>();
  // The earliest `expiresAt` in the table: nothing can be forgotten before it.
  let sweepAt = Number.POSITIVE_INFINITY;
  const sweep = (nowMs: number) => {
    sweepAt = Number.POSITIVE_INFINITY;
    for (const [key, tenant] of tenants) {
      if (tenant.expiresAt <= nowMs) tenants.delete(key);
      else sweepAt = Math.min(sweepAt, tenant.expiresAt);
    }
  };
  return {
    take(key, rules, nowMs) {
      if (rules.length === 0) return { allowed: true };
      if (nowMs >= sweepAt) sweep(nowMs);
      let tenant = tenants.get(key);
      if (tenant === undefined) {
        if (tenants.size >= maxKeys) return { allowed: false, reason: "capacity" };
        tenant = { slots: new Map(), expiresAt: nowMs };
        tenants.set(key, tenant);
      }
      const perRule = tenant.slots;
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
      for (let i = 0; i < rules.length; i++) tenant.expiresAt = Math.max(tenant.expiresAt, slots[i]!.start + rules[i]!.windowMs);
      sweepAt = Math.min(sweepAt, tenant.expiresAt);
      return { allowed: true };
    },
    usage(nowMs) {
      const report: KeyUsage[] = [];
      for (const [key, tenant] of tenants) {
        if (tenant.expiresAt <= nowMs) continue;
        const rules = [...tenant.slots].map(([rule, slot]) => {
          const start = Math.floor(nowMs / rule.windowMs) * rule.windowMs;
          return { rule, used: slot.start === start ? slot.count : 0, resetsAt: start + rule.windowMs };
        });
        report.push({ key, rules });
      }
      return report;
    },
    get size() {
      return tenants.size;
    },
    reset() {
      tenants.clear();
      sweepAt = Number.POSITIVE_INFINITY;
    },
  };
}

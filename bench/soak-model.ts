import type { RateLimitRule } from "../schemas/common/limits.js";

const DAY_MS = 86_400_000;

/** What the limits allow for one request. */
/** `throttled-day` is a refusal by a daily rule (ZEGO's 480/day), told apart from the shorter windows. */
export type Allowance = "allowed" | "throttled" | "throttled-day" | "capacity";

/**
 * An independent model of what the documented limits allow, for the soak's expected counts: fixed
 * windows aligned to multiples of the window length on the mock clock (the kit's documented choice,
 * mocks/core-ledger.ts); a request must fit every rule and is counted against all of them only when
 * allowed; at most `maxKeys` (vendor, action, tenant) scopes are tracked, a new one beyond that is
 * refused without being tracked.
 */
export class LimitModel {
  private readonly counts = new Map<string, number>();
  private readonly keys = new Set<string>();

  constructor(private readonly maxKeys: number) {}

  /** Decides one request of scope `key` at mock time `nowMs`. */
  take(key: string, rules: readonly RateLimitRule[], nowMs: number): Allowance {
    if (!this.keys.has(key)) {
      if (this.keys.size >= this.maxKeys) return "capacity";
      this.keys.add(key);
    }
    const slots = rules.map((rule, i) => `${key}|${i}|${Math.floor(nowMs / rule.windowMs)}`);
    // The first rule, in the registry's order, that is used up is the one reported.
    const refusing = rules.find((rule, i) => (this.counts.get(slots[i]!) ?? 0) >= rule.limit);
    if (refusing !== undefined) return refusing.windowMs >= DAY_MS ? "throttled-day" : "throttled";
    for (const slot of slots) this.counts.set(slot, (this.counts.get(slot) ?? 0) + 1);
    return "allowed";
  }

  /** Scopes tracked so far. */
  get size(): number {
    return this.keys.size;
  }
}

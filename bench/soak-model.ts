import type { RateLimitRule } from "../schemas/common/limits.js";

const DAY_MS = 86_400_000;

/** What the limits allow for one request. */
/** `throttled-day` is a refusal by a daily rule (ZEGO's 480/day), told apart from the shorter windows. */
export type Allowance = "allowed" | "throttled" | "throttled-day" | "capacity";

/**
 * An independent model of what the documented limits allow, for the soak's expected counts: fixed
 * windows aligned to multiples of the window length on the mock clock (the kit's documented choice,
 * mocks/core-ledger.ts); a request must fit every rule and is counted against all of them only when
 * allowed; each vendor tracks at most `maxKeys` (action, tenant) scopes, a scope is forgotten once
 * the windows it was counted in have all ended, and a new one beyond the bound is refused without
 * being tracked.
 */
export class LimitModel {
  private readonly counts = new Map<string, number>();
  /** Per vendor (the key's first part): scope key → end of the last window it was counted in. */
  private readonly tracked = new Map<string, Map<string, number>>();

  constructor(private readonly maxKeys: number) {}

  /** Decides one request of scope `key` (`vendor:action:tenant`) at mock time `nowMs`. */
  take(key: string, rules: readonly RateLimitRule[], nowMs: number): Allowance {
    const vendor = key.slice(0, key.indexOf(":"));
    let scopes = this.tracked.get(vendor);
    if (scopes === undefined) this.tracked.set(vendor, (scopes = new Map()));
    for (const [scope, endsAt] of scopes) if (endsAt <= nowMs) scopes.delete(scope);
    if (!scopes.has(key)) {
      if (scopes.size >= this.maxKeys) return "capacity";
      scopes.set(key, nowMs);
    }
    const slots = rules.map((rule, i) => `${key}|${i}|${Math.floor(nowMs / rule.windowMs)}`);
    // The first rule, in the registry's order, that is used up is the one reported.
    const refusing = rules.find((rule, i) => (this.counts.get(slots[i]!) ?? 0) >= rule.limit);
    if (refusing !== undefined) return refusing.windowMs >= DAY_MS ? "throttled-day" : "throttled";
    for (const slot of slots) this.counts.set(slot, (this.counts.get(slot) ?? 0) + 1);
    const endsAt = Math.max(...rules.map((rule) => (Math.floor(nowMs / rule.windowMs) + 1) * rule.windowMs));
    scopes.set(key, Math.max(scopes.get(key) ?? 0, endsAt));
    return "allowed";
  }

  /** Scopes tracked now, over all vendors. */
  get size(): number {
    let total = 0;
    for (const scopes of this.tracked.values()) total += scopes.size;
    return total;
  }
}

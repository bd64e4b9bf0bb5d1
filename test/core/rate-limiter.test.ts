import { describe, expect, it } from "vitest";
import type { RateLimitRule } from "../../schemas/common/limits.js";
import { createRateLimiter } from "../../mocks/core/rate-limiter.js";

const rule = (limit: number, windowMs: number): RateLimitRule => ({ limit, windowMs, scope: "app", fidelity: "assumed", source: "test" });

describe("rate limiter", () => {
  it("allows `limit` requests per fixed window and refuses the next with the time until the window ends", () => {
    const limiter = createRateLimiter();
    const perSecond = [rule(2, 1000)];
    expect(limiter.take("a", perSecond, 10_100)).toEqual({ allowed: true });
    expect(limiter.take("a", perSecond, 10_200)).toEqual({ allowed: true });
    const refused = limiter.take("a", perSecond, 10_300);
    expect(refused).toMatchObject({ allowed: false, reason: "rate", retryAfterMs: 700 });
    expect(limiter.take("a", perSecond, 11_000)).toEqual({ allowed: true });
  });

  it("keeps keys apart", () => {
    const limiter = createRateLimiter();
    const perSecond = [rule(1, 1000)];
    expect(limiter.take("a", perSecond, 0).allowed).toBe(true);
    expect(limiter.take("b", perSecond, 0).allowed).toBe(true);
    expect(limiter.take("a", perSecond, 1).allowed).toBe(false);
  });

  it("applies every rule and does not charge a refused request to the other rules", () => {
    const limiter = createRateLimiter();
    const minute = rule(3, 60_000);
    const day = rule(5, 86_400_000);
    const rules = [minute, day];
    let allowed = 0;
    for (let minuteIndex = 0; minuteIndex < 3; minuteIndex++) {
      for (let i = 0; i < 4; i++) if (limiter.take("app", rules, minuteIndex * 60_000 + i).allowed) allowed++;
    }
    // 3 in minute 0, 2 in minute 1 (daily 5 reached), none in minute 2.
    expect(allowed).toBe(5);
    const refused = limiter.take("app", rules, 2 * 60_000 + 10);
    expect(refused).toMatchObject({ allowed: false, rule: day });
  });

  it("bounds the number of tracked keys", () => {
    const limiter = createRateLimiter(2);
    const rules = [rule(10, 1000)];
    expect(limiter.take("a", rules, 0).allowed).toBe(true);
    expect(limiter.take("b", rules, 0).allowed).toBe(true);
    expect(limiter.take("c", rules, 0)).toEqual({ allowed: false, reason: "capacity" });
    expect(limiter.size).toBe(2);
    limiter.reset();
    expect(limiter.take("c", rules, 0).allowed).toBe(true);
  });
});

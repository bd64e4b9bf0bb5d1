import { describe, expect, it } from "vitest";
import type { RateLimitRule } from "../../schemas/common/limits.js";
import { zegoEndpoints } from "../../schemas/zego/index.js";
import { Pacer, QuotaBudgetExceeded } from "../../contracts/pacer.js";

/** A pacer on a fake clock: sleeping advances the clock and is recorded. */
function fakePacer(share?: number) {
  let now = 1_000_000;
  const sleeps: number[] = [];
  const pacer = new Pacer({
    ...(share !== undefined ? { share } : {}),
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  });
  return { pacer, sleeps, advance: (ms: number) => (now += ms), now: () => now };
}

const rule = (limit: number, windowMs: number): RateLimitRule => ({
  limit,
  windowMs,
  scope: "app",
  fidelity: "documented",
  source: "test",
});

describe("pacer", () => {
  it("keeps ZEGO at 2 of its documented 3 calls per minute", async () => {
    const { pacer, sleeps, now } = fakePacer();
    const rules = zegoEndpoints[0].limits.rate;
    const start = now();
    for (let i = 0; i < 5; i++) await pacer.take("zego:GetRealtimeUsage", rules);
    expect(sleeps.length).toBe(2);
    // Calls 3 and 5 each wait for the oldest call of the last minute to leave the window.
    expect(now() - start).toBeGreaterThanOrEqual(120_000);
    expect(now() - start).toBeLessThan(121_000);
  });

  it("keeps separate keys apart", async () => {
    const { pacer, sleeps } = fakePacer(1);
    await pacer.take("a", [rule(1, 1_000)]);
    await pacer.take("b", [rule(1, 1_000)]);
    expect(sleeps).toEqual([]);
    await pacer.take("a", [rule(1, 1_000)]);
    expect(sleeps).toEqual([1_001]);
  });

  it("does not wait inside a burst, but counts it", async () => {
    const { pacer, sleeps } = fakePacer(1);
    for (let i = 0; i < 7; i++) await pacer.take("zego", [rule(3, 60_000)], true);
    expect(sleeps).toEqual([]);
    await pacer.take("zego", [rule(3, 60_000)]);
    expect(sleeps.length).toBe(1);
  });

  it("treats a daily limit as a budget: once spent, it refuses instead of waiting a day", async () => {
    const { pacer, sleeps } = fakePacer(0.8);
    const daily = [rule(5, 86_400_000)];
    for (let i = 0; i < 4; i++) await pacer.take("zego", daily);
    await expect(pacer.take("zego", daily)).rejects.toBeInstanceOf(QuotaBudgetExceeded);
    expect(sleeps).toEqual([]);
  });

  it("never allows less than one call per window", () => {
    expect(new Pacer({ share: 0.8 }).allowance(rule(1, 1_000))).toBe(1);
    expect(new Pacer({ share: 0.8 }).allowance(rule(20, 1_000))).toBe(16);
    expect(new Pacer({ share: 0.8 }).allowance(rule(480, 86_400_000))).toBe(384);
  });
});

import { describe, expect, it } from "vitest";
import { createClock, toEpochMs } from "../../mocks/core/clock.js";

describe("clock", () => {
  it("follows real time plus an offset while running", () => {
    let real = 1_000;
    const clock = createClock({ start: 50_000 }, () => real);
    expect(clock.now()).toBe(50_000);
    real += 250;
    expect(clock.now()).toBe(50_250);
    clock.advance(1_000);
    expect(clock.now()).toBe(51_250);
    clock.set(10);
    real += 5;
    expect(clock.now()).toBe(15);
  });

  it("stands still when frozen, moves only when told, and resumes from where it stood", () => {
    let real = 0;
    const clock = createClock({ start: "2024-01-02T03:04:05Z", frozen: true }, () => real);
    const start = Date.parse("2024-01-02T03:04:05Z");
    real += 10_000;
    expect(clock.now()).toBe(start);
    clock.advance(30_000);
    expect(clock.now()).toBe(start + 30_000);
    clock.unfreeze();
    real += 7;
    expect(clock.now()).toBe(start + 30_007);
    expect(clock.frozen).toBe(false);
    clock.freeze();
    real += 99;
    expect(clock.now()).toBe(start + 30_007);
  });

  it("reset never sends a clock that follows real time backwards", () => {
    let real = 1_000_000;
    const clock = createClock({}, () => real);
    real += 360_000; // six minutes of a dev server
    clock.advance(-60_000);
    clock.freeze();
    expect(clock.reset()).toBe("real-now");
    expect(clock.frozen).toBe(false);
    expect(clock.now()).toBe(real);
    real += 5;
    expect(clock.now()).toBe(real);
  });

  it("reset puts a running clock with a configured start back at that start", () => {
    let real = 0;
    const clock = createClock({ start: 50_000 }, () => real);
    real += 9_000;
    clock.advance(1_000);
    expect(clock.reset()).toBe("configured-start");
    expect(clock.now()).toBe(50_000);
    real += 10;
    expect(clock.now()).toBe(50_010);
  });

  it("reset keeps a frozen clock frozen at its configured instant, or where it was created", () => {
    let real = 7_000;
    const withStart = createClock({ start: 42, frozen: true }, () => real);
    const withoutStart = createClock({ frozen: true }, () => real);
    withStart.unfreeze();
    withoutStart.advance(99);
    real += 1_000;
    expect(withStart.reset()).toBe("frozen-at-start");
    expect(withoutStart.reset()).toBe("frozen-at-start");
    real += 1_000;
    expect([withStart.now(), withStart.frozen]).toEqual([42, true]);
    expect([withoutStart.now(), withoutStart.frozen]).toEqual([7_000, true]);
  });

  it("parses epoch ms, numeric text, ISO text and dates, and rejects garbage", () => {
    expect(toEpochMs(5)).toBe(5);
    expect(toEpochMs("1700000000000")).toBe(1_700_000_000_000);
    expect(toEpochMs(new Date(42))).toBe(42);
    expect(toEpochMs("1970-01-01T00:00:01Z")).toBe(1000);
    expect(() => toEpochMs("yesterday-ish")).toThrow(/Invalid clock time/);
  });
});

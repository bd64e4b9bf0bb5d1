import { describe, expect, it } from "vitest";
import { createWorld, round2 } from "../../mocks/core/world.js";

describe("seeded world primitives", () => {
  it("gives the same values for the same seed and different ones for another seed", () => {
    const a = createWorld(7);
    const b = createWorld(7);
    const c = createWorld(8);
    const key = a.key("app", "online_user_count");
    expect(b.key("app", "online_user_count")).toBe(key);
    expect(c.key("app", "online_user_count")).not.toBe(key);
    const series = (w: typeof a) => Array.from({ length: 20 }, (_, i) => w.noise(w.key("x"), i * 30_000, 300_000));
    expect(series(a)).toEqual(series(b));
    expect(series(a)).not.toEqual(series(c));
  });

  it("keeps unit values in [0, 1) and spread out, also for lattice indexes beyond 32 bits", () => {
    const world = createWorld("seed-text");
    const key = world.key("spread");
    const values = Array.from({ length: 2000 }, (_, i) => world.unit(key, 2 ** 40 + i));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it("makes noise smooth: neighbouring 30 s points differ far less than the full range", () => {
    const world = createWorld(1);
    const key = world.key("smooth");
    let maxStep = 0;
    for (let t = 0; t < 3_600_000; t += 30_000) {
      const step = Math.abs(world.noise(key, t + 30_000, 600_000) - world.noise(key, t, 600_000));
      maxStep = Math.max(maxStep, step);
      expect(Math.abs(world.noise(key, t, 600_000))).toBeLessThanOrEqual(1);
    }
    expect(maxStep).toBeLessThan(0.5);
  });

  it("has a daily rhythm: evening busier than before dawn (in +08:00)", () => {
    const world = createWorld(1);
    const day = Date.parse("2024-03-01T00:00:00+08:00");
    const at = (hour: number) => world.rhythm(day + hour * 3_600_000);
    expect(at(21)).toBeGreaterThan(0.9);
    expect(at(4)).toBeLessThan(0.3);
    for (let h = 0; h < 24; h += 0.5) {
      expect(at(h)).toBeGreaterThanOrEqual(0.12);
      expect(at(h)).toBeLessThanOrEqual(1);
    }
  });

  it("gives each app a stable scale within the documented range", () => {
    const world = createWorld(3);
    const scales = ["a", "b", "c", "d", "e"].map((app) => world.appScale(app));
    expect(scales).toEqual(["a", "b", "c", "d", "e"].map((app) => createWorld(3).appScale(app)));
    for (const scale of scales) {
      expect(scale).toBeGreaterThanOrEqual(300);
      expect(scale).toBeLessThanOrEqual(60_000);
    }
    expect(new Set(scales).size).toBeGreaterThan(1);
  });

  it("rounds to two decimals", () => {
    expect(round2(98.675)).toBe(98.68);
    expect(round2(3)).toBe(3);
  });
});

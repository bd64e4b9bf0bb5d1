import { describe, expect, it } from "vitest";
import { createWorld } from "../../mocks/core/world.js";
import { RealtimeUsageData } from "../../mocks/zego/realtime-usage-data.js";
import { createRealtimeUsageWorld } from "../../mocks/zego/realtime-usage-world.js";
import { zegoRealtimeMetricNames } from "../../schemas/zego/metrics.js";

const T0 = Date.parse("2026-03-01T12:00:00.000Z");

describe("ZEGO usage world", () => {
  it("writes exactly the JSON that JSON.stringify writes", () => {
    const usage = createRealtimeUsageWorld(createWorld(3));
    const points = Array.from({ length: 7 }, (_, i) => usage.point("1234567890", T0 + i * 60_000));
    for (const data of [
      new RealtimeUsageData([], points),
      new RealtimeUsageData(["online_user"], []),
      new RealtimeUsageData(["online_user"], points.slice(0, 1)),
      new RealtimeUsageData([...zegoRealtimeMetricNames], points),
      new RealtimeUsageData(["mix_concurrent", "publish_concurrent"], points),
    ]) {
      expect(data.toJsonText()).toBe(JSON.stringify(data.toJSON()));
      expect(data.toJsonText()).toBe(JSON.stringify(data));
    }
  });

  it("is a pure function of (seed, AppId, time): caching and cache eviction change nothing", () => {
    const warm = createRealtimeUsageWorld(createWorld(5));
    const sample = [T0, T0 + 60_000, T0 + 3_600_000];
    const before = sample.map((t) => ({ ...warm.point("77", t).values }));
    // Fill the cache past its bound (50,000 points) so it is cleared at least once.
    for (let i = 0; i < 60_000; i++) warm.point(String(1000 + (i % 50)), T0 + i * 1000);
    const fresh = createRealtimeUsageWorld(createWorld(5));
    sample.forEach((t, i) => {
      expect(warm.point("77", t).values).toEqual(before[i]);
      expect(fresh.point("77", t).values).toEqual(before[i]);
    });
    expect(createRealtimeUsageWorld(createWorld(6)).point("77", T0).values).not.toEqual(before[0]);
  });

  it("gives apps of different sizes (the world's app scale)", () => {
    const usage = createRealtimeUsageWorld(createWorld(1));
    const online = Array.from({ length: 40 }, (_, i) => usage.point(String(i + 1), T0).values.online_user);
    expect(Math.max(...online)).toBeGreaterThan(5 * Math.min(...online));
  });
});

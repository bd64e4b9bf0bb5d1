import { describe, expect, it } from "vitest";
import { createWorld } from "../../mocks/core/world.js";
import { createRealtimeUsageWorld } from "../../mocks/zego/realtime-usage-world.js";

import { T0 } from "../support/harness.js";

describe("ZEGO usage world", () => {
  it("is a pure function of (seed, AppId, time): the window asked for changes nothing", () => {
    const usage = createRealtimeUsageWorld(createWorld(5));
    const sample = [T0, T0 + 60_000, T0 + 3_600_000];
    const before = usage.points("77", sample);
    const fresh = createRealtimeUsageWorld(createWorld(5));
    sample.forEach((t, i) => {
      expect(usage.points("77", [t])[0]).toEqual(before[i]);
      expect(fresh.points("77", [T0 - 60_000, t])[1]).toEqual(before[i]);
    });
    expect(createRealtimeUsageWorld(createWorld(6)).points("77", [T0])[0]).not.toEqual(before[0]);
  });

  it("gives apps of different sizes (the world's app scale)", () => {
    const usage = createRealtimeUsageWorld(createWorld(1));
    const online = Array.from({ length: 40 }, (_, i) => usage.points(String(i + 1), [T0])[0]!.online_user);
    expect(Math.max(...online)).toBeGreaterThan(5 * Math.min(...online));
  });
});

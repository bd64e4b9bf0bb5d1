import { expect } from "vitest";
import { test } from "../../server/vitest/index.js";
import { dashboardClient } from "./dashboard-client.js";

// Moves its session's clock a day ahead and throttles by the documented limit; neither leaks out.
test("the room panel follows the session's clock", async ({ mockSession }) => {
  const { now } = await mockSession.control<{ now: number }>("POST", "/clock", { advance: "1d", freeze: true });
  expect((await dashboardClient(mockSession, () => now).roomStatistics()).state).toBe("ready");
  const health = await mockSession.control<{ clock: { now: number }; session: string }>("GET", "/health");
  expect(health.clock.now).toBe(now);
  expect(Math.abs(now - Date.now() - 86_400_000)).toBeLessThan(60_000);
});

test("a burst over Volcengine's 2 requests per second is throttled on the frozen clock", async ({ mockSession }) => {
  const { now } = await mockSession.control<{ now: number }>("GET", "/clock");
  const client = dashboardClient(mockSession, () => now);
  const states = [];
  for (let i = 0; i < 3; i++) states.push((await client.realtimeQuality()).state);
  expect(states).toEqual(["ready", "ready", "throttled"]);
});

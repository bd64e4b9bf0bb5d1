import { expect } from "vitest";
import { test } from "../../server/vitest/index.js";
import { dashboardClient, during } from "./dashboard-client.js";

// Runs next to quality-outage.test.ts on the same server: its session has no fault.
test("the quality panel shows series while another file breaks the API in its own session", async ({ mockSession }) => {
  await mockSession.control("PUT", "/rate-limits", { enabled: false });
  const client = dashboardClient(mockSession);
  await during(1_500, async () => {
    const quality = await client.realtimeQuality();
    expect(quality.state).toBe("ready");
    if (quality.state === "ready") expect(quality.data.length).toBeGreaterThan(0);
  });
});

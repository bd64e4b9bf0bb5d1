import { expect } from "vitest";
import { test } from "../../server/vitest/index.js";
import { dashboardClient, during } from "./dashboard-client.js";

// This file breaks Volcengine's quality API in its session and leaves it broken: the other files,
// running at the same time on the same server, must not notice.
test("the quality panel shows the vendor's error while the API fails", async ({ mockSession }) => {
  await mockSession.control("PUT", "/rate-limits", { enabled: false });
  await mockSession.control("POST", "/faults", {
    kind: "error",
    vendor: "volcengine",
    action: "ListRealTimeQuality",
    code: "InternalError",
  });
  const client = dashboardClient(mockSession);
  await during(1_500, async () => {
    expect(await client.realtimeQuality()).toMatchObject({ state: "vendor-error", code: "InternalError" });
  });
});

test("the other panels keep working during the outage", async ({ mockSession }) => {
  const client = dashboardClient(mockSession);
  expect((await client.realtimeOperation()).state).toBe("ready");
  expect((await client.zegoUsage()).state).toBe("ready");
});

import { createAnalyticsClient, type AnalyticsClient } from "../dashboard/index.js";
import { demoCredentials } from "../../mocks/options.js";
import type { MockSession } from "../../server/vitest/index.js";

/** The dashboard's analytics client, pointed at one session (every vendor on its base URL). */
export function dashboardClient(session: MockSession, now: () => number = Date.now): AnalyticsClient {
  const { baseUrl } = session;
  return createAnalyticsClient({
    credentials: { volcengine: demoCredentials.volcengine[0]!, zego: demoCredentials.zego[0]!, tencent: demoCredentials.tencent[0]! },
    volcengineAppId: "dashboard-app",
    tencentRoomId: 1,
    baseUrls: { volcengine: baseUrl, zego: baseUrl, tencent: baseUrl },
    now,
  });
}

/** Runs `check` every 50 ms for `ms`, so that files running at the same time overlap. */
export async function during(ms: number, check: () => Promise<void>): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    await check();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

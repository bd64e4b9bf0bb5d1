/**
 * Vitest global setup (`globalSetup: ["rtc-analytics-mock/vitest/global-setup"]`): uses the fake
 * server at RTC_MOCK_URL (default http://127.0.0.1:4010) when one runs there, else starts one in
 * vitest's main process for the whole run, and hands its URL to every worker. A module of its own:
 * the main process must not load the test fixture (vitest's `test` works only in workers).
 */
import type { TestProject } from "vitest/node";
import { offersSessions, serverUrlOf } from "../sessions/session-client.js";
import { startServer, type RunningServer } from "../start-server.js";
import "./provided.js";

let started: RunningServer | undefined;

/** Finds the shared server, or starts one for the run. */
export async function setup(project: TestProject): Promise<void> {
  const url = serverUrlOf();
  if (await offersSessions(url)) {
    project.provide("rtcMockServerUrl", url);
    return;
  }
  started = await startServer();
  project.provide("rtcMockServerUrl", started.url);
}

/** Stops the server `setup` started, if it did. */
export async function teardown(): Promise<void> {
  await started?.close();
  started = undefined;
}

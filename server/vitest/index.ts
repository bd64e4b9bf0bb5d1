/**
 * Vitest helpers (`rtc-analytics-mock/vitest`): every test file gets a session of its own on one
 * shared fake server, so files running in parallel never see each other's faults, clock or quotas.
 * With the global setup (`rtc-analytics-mock/vitest/global-setup`) the files share the server it
 * found or started; without it, each file uses the server at RTC_MOCK_URL (default
 * http://127.0.0.1:4010), or a server of its own in the worker when none runs there.
 */
import { inject, test as base } from "vitest";
import { openSessionOrServer, type MockSession } from "../sessions/session-client.js";
import type { SessionSpec } from "../sessions/session-spec.js";
import "./provided.js";

export type { MockSession } from "../sessions/session-client.js";
export type { SessionSpec } from "../sessions/session-spec.js";

/** A `test` whose file-scoped `mockSession` fixture is a session with these settings. */
export function sessionTest(spec: SessionSpec = {}) {
  return base.extend<{ mockSession: MockSession }>({
    mockSession: [
      // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from this pattern
      async ({}, use) => {
        const serverUrl = inject("rtcMockServerUrl");
        const session = await openSessionOrServer({ ...(serverUrl !== undefined ? { serverUrl } : {}), spec });
        try {
          await use(session);
        } finally {
          await session.close();
        }
      },
      { scope: "file" },
    ],
  });
}

/** `test` with a `mockSession` per file, with the shared server's settings. */
export const test = sessionTest();

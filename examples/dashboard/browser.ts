/**
 * Browser entry of the dashboard example: the MSW service worker answers the page's calls to the
 * vendors' real hosts from the kit's engine. Bundle it (e.g. `npx esbuild examples/dashboard/browser.ts
 * --bundle --format=esm --outfile=public/app.js`), put mockServiceWorker.js next to it (`npx msw init
 * public`), and serve index.html over http://127.0.0.1 or https.
 *
 * In an application this is `import { createRtcHandlers } from "rtc-analytics-mock/msw"`.
 */
import { setupWorker, type SetupWorker } from "msw/browser";
import { createRtcHandlers } from "../../mocks/msw/index.js";
import type { RtcControl } from "../../mocks/msw/index.js";
import { demoCredentials } from "../../mocks/options.js";
import { createAnalyticsClient } from "./analytics-client.js";
import { mountDashboard, type Dashboard } from "./render-dashboard.js";

declare global {
  interface Window {
    /** The mock's control and the mounted dashboard, for tests and the devtools console. */
    rtcMock?: { control: RtcControl; worker: SetupWorker; dashboard: Dashboard };
  }
}

// `?at=2025-03-04T05:06:07Z` freezes the mock clock there (deterministic data); default: real time.
const at = new URL(location.href).searchParams.get("at");
const { handlers, control } = createRtcHandlers({
  clock: at === null ? {} : { start: at, frozen: true },
  // Signatures are checked, as the vendors would; the client signs with the kit's demo credentials.
  auth: { mode: "verify" },
});
const worker = setupWorker(...handlers);
await worker.start({ serviceWorker: { url: "./mockServiceWorker.js" }, onUnhandledRequest: "bypass", quiet: true });

const client = createAnalyticsClient({
  credentials: {
    volcengine: demoCredentials.volcengine[0]!,
    zego: demoCredentials.zego[0]!,
    tencent: demoCredentials.tencent[0]!,
  },
  volcengineAppId: "demo-app",
  tencentRoomId: 1,
  // Signatures carry a timestamp the mock compares with its own clock, which may be frozen.
  now: () => control.now(),
});
const dashboard = mountDashboard(document.getElementById("app")!, client);
window.rtcMock = { control, worker, dashboard };

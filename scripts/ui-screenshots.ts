/**
 * Takes a screenshot of each control panel view into docs/ui/<view>.png, from a server with a fixed
 * seed and a frozen clock, after a few requests, a fault and a session, so the pictures are the same
 * on every run. Needs the bundle (npm run build:ui) and Chromium (test/support/chromium.ts).
 *
 *   npx tsx scripts/ui-screenshots.ts
 */
import { mkdir } from "node:fs/promises";
import { behaviours } from "../mocks/behaviours.js";
import { startServer } from "../server/start-server.js";
import { launchChromium } from "../test/support/chromium.js";

const NOW = Date.parse("2025-06-15T12:00:00Z");
const VIEWS = ["clock", "faults", "requests", "rooms", "rate-limits", "data", "sessions"] as const;
const OUT = new URL("../docs/ui/", import.meta.url);

const server = await startServer({ port: 0, mock: { seed: 7, clock: { start: NOW, frozen: true } } });
const browser = await launchChromium();
try {
  const send = async (id: keyof typeof behaviours) => {
    const example = behaviours[id].example(NOW);
    await fetch(`${server.url}${example.path}`, {
      method: example.method,
      headers: example.headers,
      ...(example.body !== undefined ? { body: example.body } : {}),
    });
  };
  const control = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}/__mock${path}`, {
      method,
      ...(body !== undefined ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}),
    });
  await send("zego.GetRealtimeUsage");
  await send("volcengine.ListRealTimeQuality");
  await send("tencent.DescribeRoomStatistics");
  await control("POST", "/faults", { kind: "error", vendor: "zego", action: "GetRealtimeUsage", code: "30002", times: 2 });
  await control("POST", "/faults", { kind: "latency", vendor: "volcengine", ms: 800 });
  await send("zego.GetRealtimeUsage");
  await send("volcengine.ListOperationData");
  await control("POST", "/sessions", { seed: 8 });

  await mkdir(OUT, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1100, height: 720 } });
  for (const view of VIEWS) {
    await page.goto(`${server.url}/__mock/ui/#${view}`);
    await page.locator(`#view-${view}`).waitFor();
    if (view === "requests")
      await page
        .getByRole("button", { name: /^Show request/ })
        .first()
        .click();
    if (view === "data") await page.locator("#view-data canvas").waitFor();
    await page.waitForTimeout(400);
    const path = new URL(`${view}.png`, OUT);
    await page.screenshot({ path: path.pathname, fullPage: false });
    console.log(`wrote docs/ui/${view}.png`);
  }
} finally {
  await browser.close();
  await server.close();
}

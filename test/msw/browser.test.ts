import { rm } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/chromium.js";
import { buildDashboardPage } from "./support/build-dashboard-page.js";
import { serveDirectory } from "./support/static-server.js";

// The dashboard example in Debian's Chromium: the page calls the vendors' real hosts and the MSW
// service worker answers them from the kit's engine. Every host but 127.0.0.1 is unresolvable in
// this browser, so a reply can only come from the worker. No Chromium → the test fails (CI installs it).
const AT = "2025-03-04T05:06:07Z";

let dir = "";
let site: Awaited<ReturnType<typeof serveDirectory>> | undefined;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  dir = await buildDashboardPage();
  site = await serveDirectory(dir);
  browser = await launchChromium({
    args: [
      "--headless=new",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ],
  });
  page = await browser.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${site.url}/?at=${AT}`);
  await settled();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Waits until no panel is loading. */
const settled = () =>
  page.waitForFunction(
    () => document.querySelectorAll("section.panel").length === 5 && !document.querySelector('section.panel[data-state="loading"]'),
    null,
    { timeout: 20_000 },
  );
const stateOf = (id: string) => page.getAttribute(`section[data-endpoint="${id}"]`, "data-state");
const refresh = async () => {
  await page.click("button");
  await settled();
};

describe("dashboard example in Chromium with the MSW service worker", () => {
  it("is controlled by the worker and renders all five endpoints from the real hosts", async () => {
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${site!.url}/mockServiceWorker.js`);
    const states = await page.$$eval("section.panel", (sections) =>
      sections.map((s) => `${s.getAttribute("data-endpoint")}=${s.getAttribute("data-state")}`),
    );
    expect(states).toEqual([
      "volcengine.ListRealTimeOperationData=ready",
      "volcengine.ListOperationData=ready",
      "volcengine.ListRealTimeQuality=ready",
      "zego.GetRealtimeUsage=ready",
      "tencent.DescribeRoomStatistics=ready",
    ]);
    expect(
      await page.$$eval('section[data-endpoint="volcengine.ListRealTimeOperationData"] li', (lis) =>
        lis.map((li) => li.getAttribute("data-series")),
      ),
    ).toEqual(["online_user_count", "online_room_count"]);
    expect(
      await page.$$eval('section[data-endpoint="zego.GetRealtimeUsage"] li', (lis) => lis.map((li) => li.getAttribute("data-series"))),
    ).toEqual(["online_user", "room_concurrent", "publish_concurrent"]);
    expect(await page.textContent('section[data-endpoint="tencent.DescribeRoomStatistics"] [data-fact="total"]')).toBe("30");

    // The engine in the page handled them, signatures verified (verify mode), at the production hosts.
    const journal = await page.evaluate(() =>
      window.rtcMock!.control.requests().map((e) => `${e.vendor}.${e.action} ${e.status}${e.errorCode ? ` ${e.errorCode}` : ""}`),
    );
    expect(journal.sort()).toEqual(
      [
        "tencent.DescribeRoomStatistics 200",
        "volcengine.ListOperationData 200",
        "volcengine.ListRealTimeOperationData 200",
        "volcengine.ListRealTimeQuality 200",
        "zego.GetRealtimeUsage 200",
      ].sort(),
    );
    expect(await page.evaluate(() => window.rtcMock!.control.now())).toBe(Date.parse(AT));
    // The premise: a host the worker does not handle is unreachable from this browser.
    expect(
      await page.evaluate(() =>
        fetch("https://example.com/").then(
          () => "reached",
          () => "failed",
        ),
      ),
    ).toBe("failed");
  });

  it("renders a forced vendor error and a network error", async () => {
    await page.evaluate(() => {
      const { control } = window.rtcMock!;
      control.advanceClock(1_000); // a fresh second for Volcengine's 2-per-second limit
      control.forceError({ vendor: "tencent", action: "DescribeRoomStatistics", code: "FailedOperation.RoomNotEnd", times: 1 });
      control.networkError({ vendor: "zego", times: 1 });
    });
    await refresh();
    expect(await stateOf("tencent.DescribeRoomStatistics")).toBe("vendor-error");
    expect(await page.textContent('section[data-endpoint="tencent.DescribeRoomStatistics"] [role="alert"]')).toBe(
      "Vendor error FailedOperation.RoomNotEnd: The class has not ended.",
    );
    expect(await stateOf("zego.GetRealtimeUsage")).toBe("network-error");
    expect(await page.textContent('section[data-endpoint="zego.GetRealtimeUsage"] [role="alert"]')).toBe(
      "Network error: could not reach analytics-api.zego.im",
    );
    expect(await stateOf("volcengine.ListRealTimeQuality")).toBe("ready");
  });

  it("renders the vendor's throttle reply when the real rate limit is spent", async () => {
    await page.evaluate(() => window.rtcMock!.control.advanceClock(1_000));
    await refresh(); // Volcengine: call 1 of this second
    await refresh(); // call 2
    await refresh(); // call 3: over 2 per second
    expect(await stateOf("volcengine.ListRealTimeOperationData")).toBe("throttled");
    expect(await page.getAttribute('section[data-endpoint="volcengine.ListRealTimeOperationData"] [role="alert"]', "data-code")).toBe(
      "FlowLimitExceeded.QPSOverLimit",
    );
    expect(await stateOf("tencent.DescribeRoomStatistics")).toBe("ready");
    expect(pageErrors).toEqual([]);
  });
});

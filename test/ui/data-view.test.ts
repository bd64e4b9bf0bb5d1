/** The Data view in a real Chromium: a chart of what an endpoint serves, whose last point follows the clock, without spending quota. */
import { describe, expect, it } from "vitest";
import { control, sharedServer, T0 } from "../support/harness.js";
import { expectNamedControls, expectQuietAndLocal, panelBrowser } from "./panel-browser.js";

describe("control panel: Data", () => {
  const server = sharedServer();
  const browser = panelBrowser();

  it("charts ZEGO's series up to now − delay, moves its last point with the clock, and names a fault that hits it", async () => {
    const panel = await browser.open(server.url, "data");
    const { page } = panel;
    const chart = page.getByRole("figure", { name: "Chart of the served data" });
    const lastPoint = async () => Number((await chart.getAttribute("data-last-point")) ?? "");
    await expect.poll(lastPoint, { timeout: 5_000 }).toBe(T0 - 3 * 60_000);
    expect(await chart.locator("canvas").count()).toBe(1);
    expect(await page.getByRole("combobox", { name: "Endpoint" }).inputValue()).toBe("zego.GetRealtimeUsage");
    // The window is ZEGO's 2-hour lookback (less a minute), one point a minute up to now − 3 min.
    await expect
      .poll(() => page.locator("#view-data .summary").textContent())
      .toMatch(/^117 points from 2024-03-01T02:01:00Z to 2024-03-01T03:57:00Z; mock now 2024-03-01T04:00:00Z, data delay 180 s/);
    await page.getByRole("combobox", { name: "Indicator or metric" }).selectOption("online_user");
    await expect
      .poll(() => chart.locator(".u-legend .u-series").allTextContents())
      .toEqual([expect.anything(), expect.stringMatching(/^online_user/)]);

    await control(server.url, "POST", "/clock", { advance: "10m" });
    await expect.poll(lastPoint, { timeout: 5_000 }).toBe(T0 + 7 * 60_000);
    await expect.poll(() => page.locator("#view-data .summary").textContent()).toMatch(/Last point: 2024-03-01T04:07:00Z/);

    await control(server.url, "POST", "/faults", { kind: "error", vendor: "zego", code: "500" });
    await expect.poll(() => page.getByText(/Fault rules hit this endpoint's next request/).textContent()).toMatch(/error 500 \(fault-1\)/);

    // Reading the data spent no quota, used up no fault and left no journal entry.
    expect(server.current.engine.backends.zego.limiter.size).toBe(0);
    expect(server.current.engine.journal.entries()).toEqual([]);
    await expectNamedControls(page);
    expectQuietAndLocal(panel, server.url);
  });

  it("switches to a Volcengine endpoint and indicator", async () => {
    const panel = await browser.open(server.url, "data");
    const { page } = panel;
    await page.getByRole("combobox", { name: "Endpoint" }).selectOption("volcengine.ListOperationData");
    await page.getByRole("combobox", { name: "Indicator or metric" }).selectOption("per_call_time");
    await expect
      .poll(() => page.locator("#view-data .summary").textContent(), { timeout: 5_000 })
      .toMatch(/^169 points from 2024-02-22T19:00:00Z to 2024-02-29T19:00:00Z/);
    expectQuietAndLocal(panel, server.url);
  });
});

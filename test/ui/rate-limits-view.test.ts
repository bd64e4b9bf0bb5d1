/** The Rate limits view in a real Chromium: use per tenant against each limit, and the switch. */
import { describe, expect, it } from "vitest";
import { ZEGO, call, errorCodeOf, sharedServer } from "../support/harness.js";
import { expectNamedControls, expectQuietAndLocal, panelBrowser } from "./panel-browser.js";

describe("control panel: Rate limits", () => {
  const server = sharedServer();
  const browser = panelBrowser();

  it("shows a tenant's use of each ZEGO limit and switches the limits off", async () => {
    const panel = await browser.open(server.url, "rate-limits");
    const { page } = panel;
    const table = page.getByRole("table", { name: "Rate-limit use per tenant" });
    await expect.poll(() => table.textContent()).toMatch(/No tenant/);
    for (let i = 0; i < 3; i++) await call(server.url, ZEGO);
    await expect
      .poll(() => table.textContent(), { timeout: 5_000 })
      .toMatch(/zego.*GetRealtimeUsage.*1234567890.*3 of 3 per 1 min.*3 of 480 per 1 d/);
    expect(errorCodeOf(await call(server.url, ZEGO), "zego")).toBe("30002");

    const enforce = page.getByRole("checkbox", { name: "Enforce the documented rate limits" });
    expect(await enforce.isChecked()).toBe(true);
    await enforce.press("Space");
    await expect.poll(() => server.current.engine.options.rateLimits).toBe(false);
    expect((await call(server.url, ZEGO)).json.Code).toBe(0);
    await expectNamedControls(page);
    expectQuietAndLocal(panel, server.url);
  });
});

/** The Clock view in a real Chromium: shows the mock time, freezes, advances and sets it, by mouse and by keyboard. */
import { describe, expect, it } from "vitest";
import { sharedServer } from "../support/harness.js";
import { expectNamedControls, expectQuietAndLocal, panelBrowser } from "./panel-browser.js";

describe("control panel: Clock", () => {
  const server = sharedServer();
  const browser = panelBrowser();

  it("shows the mock clock and moves it with the forms", async () => {
    const panel = await browser.open(server.url, "clock");
    const { page } = panel;
    const time = page.getByLabel("Mock time");
    await expect.poll(() => time.textContent()).toBe("2024-03-01T04:00:00.000Z");
    await expect.poll(() => page.getByRole("button", { name: "Unfreeze" }).isVisible()).toBe(true);

    await page.getByRole("textbox", { name: "Advance by" }).fill("90m");
    await page.getByRole("button", { name: "Advance", exact: true }).click();
    await expect.poll(() => time.textContent()).toBe("2024-03-01T05:30:00.000Z");
    expect(server.current.engine.clock.now()).toBe(Date.parse("2024-03-01T05:30:00Z"));

    await page.getByRole("textbox", { name: "Set to" }).fill("2024-03-02T00:00:00Z");
    await page.getByRole("button", { name: "Set", exact: true }).click();
    await expect.poll(() => time.textContent()).toBe("2024-03-02T00:00:00.000Z");

    await page.getByRole("button", { name: "Unfreeze" }).click();
    await expect.poll(() => server.current.engine.clock.frozen).toBe(false);
    await expectNamedControls(page);
    expectQuietAndLocal(panel, server.url);

    // Bad input is the control API's own message, shown in the view (Chromium logs the 400 itself).
    await page.getByRole("textbox", { name: "Set to" }).fill("not a time");
    await page.getByRole("button", { name: "Set", exact: true }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toMatch(/Invalid time "not a time"/);
  });

  it("can be reached and operated with the keyboard alone", async () => {
    const panel = await browser.open(server.url);
    const { page } = panel;
    // Tab from the top of the page to the Clock view's advance field, then Enter submits it.
    let focused = "";
    for (let i = 0; i < 30 && focused !== "advance"; i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => document.activeElement?.getAttribute("name") ?? "");
    }
    expect(focused).toBe("advance");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("1h");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByLabel("Mock time").textContent()).toBe("2024-03-01T05:00:00.000Z");
    expectQuietAndLocal(panel, server.url);
  });
});

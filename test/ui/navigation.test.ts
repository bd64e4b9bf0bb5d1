/** The panel's navigation in a real Chromium: every view is reached by Tab and Enter and renders without an error or a foreign request. */
import { describe, expect, it } from "vitest";
import { sharedServer } from "../support/harness.js";
import { expectNamedControls, expectQuietAndLocal, panelBrowser } from "./panel-browser.js";

const VIEWS = ["Clock", "Faults", "Requests", "Tencent rooms", "Rate limits", "Data", "Sessions"];

describe("control panel: navigation", () => {
  const server = sharedServer();
  const browser = panelBrowser();

  it("reaches every view with the keyboard alone", async () => {
    const panel = await browser.open(server.url);
    const { page } = panel;
    const nav = page.getByRole("navigation", { name: "Views" });
    expect(await nav.getByRole("button").allTextContents()).toEqual(VIEWS);
    for (const title of VIEWS) {
      // Tab from wherever the focus is to the view's button; Enter opens the view.
      let focused = "";
      for (let i = 0; i < 80 && focused !== title; i++) {
        await page.keyboard.press("Tab");
        focused = await page.evaluate(() => (document.activeElement?.closest("nav") ? (document.activeElement.textContent ?? "") : ""));
      }
      expect(focused, title).toBe(title);
      await page.keyboard.press("Enter");
      await expect.poll(() => page.getByRole("heading", { level: 2, name: title }).isVisible()).toBe(true);
      expect(await nav.getByRole("button", { name: title }).getAttribute("aria-current")).toBe("page");
      await expectNamedControls(page);
    }
    expectQuietAndLocal(panel, server.url);
  });
});

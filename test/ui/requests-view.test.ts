/** The Requests view in a real Chromium: a request made by the test shows up live, its details open by mouse or keyboard, filters narrow the list. */
import { describe, expect, it } from "vitest";
import { ZEGO, call, endpoint, sharedServer } from "../support/harness.js";
import { expectNamedControls, expectQuietAndLocal, panelBrowser } from "./panel-browser.js";

const QUALITY = endpoint("volcengine.ListRealTimeQuality");

describe("control panel: Requests", () => {
  const server = sharedServer();
  const browser = panelBrowser();

  it("shows a request made by the test, newest first, with its details", async () => {
    const panel = await browser.open(server.url, "requests");
    const { page } = panel;
    const table = page.getByRole("table", { name: "Requests, newest first" });
    await expect.poll(() => table.textContent()).toMatch(/No requests yet/);

    await call(server.url, ZEGO);
    await call(server.url, QUALITY);
    const firstRow = table.locator("tbody tr").first();
    await expect.poll(() => firstRow.textContent(), { timeout: 5_000 }).toMatch(/#2.*volcengine.*ListRealTimeQuality.*200/);
    await expect.poll(() => table.locator("tbody tr").nth(1).textContent()).toMatch(/#1.*zego.*GetRealtimeUsage.*1234567890.*200/);

    await page.getByRole("button", { name: "Show request 1" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 3, name: /#1 GET \/\?Action=GetRealtimeUsage/ }).isVisible()).toBe(true);
    // Fields the journal does not keep (yet) read as a dash rather than breaking the view.
    const reply = await page.getByLabel("Reply body").textContent();
    expect(reply === "—" || /"Code": 0/.test(reply ?? "")).toBe(true);

    await page.getByRole("combobox", { name: "Vendor" }).selectOption("zego");
    await expect.poll(() => table.locator("tbody tr").count()).toBe(1);
    await expect.poll(() => firstRow.textContent()).toMatch(/#1.*zego/);
    await page.getByRole("textbox", { name: "Status" }).fill("500");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect.poll(() => table.textContent()).toMatch(/none that match/);
    await expectNamedControls(page);
    expectQuietAndLocal(panel, server.url);
  });

  it("opens a request's details with the keyboard", async () => {
    await call(server.url, ZEGO);
    // The journal's seq goes on across a reset: read the one this request got.
    const seq = server.current.engine.journal.entries().at(-1)!.seq;
    const panel = await browser.open(server.url, "requests");
    const { page } = panel;
    const show = page.getByRole("button", { name: `Show request ${seq}` });
    await show.waitFor();
    let focused = "";
    for (let i = 0; i < 40 && focused !== `Show request ${seq}`; i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
    }
    expect(focused).toBe(`Show request ${seq}`);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("heading", { level: 3, name: `#${seq} GET /?Action=GetRealtimeUsage` }).isVisible()).toBe(true);
    expectQuietAndLocal(panel, server.url);
  });
});

/** The Faults view in a real Chromium: its choices come from the catalogs, a rule added by the form shapes the next reply, and goes. */
import { describe, expect, it } from "vitest";
import { ZEGO, call, errorCodeOf, sharedServer } from "../support/harness.js";
import { expectNamedControls, expectQuietAndLocal, panelBrowser } from "./panel-browser.js";

describe("control panel: Faults", () => {
  const server = sharedServer();
  const browser = panelBrowser();

  it("adds a catalog error through the form, which the next ZEGO reply carries, then removes it", async () => {
    const panel = await browser.open(server.url, "faults");
    const { page } = panel;
    expect((await call(server.url, ZEGO)).json.Code).toBe(0);

    await page.getByRole("combobox", { name: "Vendor" }).selectOption("zego");
    const actions = await page.getByRole("combobox", { name: "Action" }).locator("option").allTextContents();
    expect(actions).toEqual(["any action", "GetRealtimeUsage"]);
    await page.getByRole("combobox", { name: "Error code" }).selectOption("30002");
    await page.getByRole("spinbutton", { name: "Times (blank: every request)" }).fill("1");
    await page.getByRole("button", { name: "Add fault" }).click();
    await expect.poll(() => page.getByRole("table", { name: "Active fault rules" }).textContent()).toMatch(/fault-1.*error 30002.*1 of 1/);
    expect(server.current.engine.faults.list()).toMatchObject([{ kind: "error", vendor: "zego", code: "30002", times: 1 }]);

    const faulted = await call(server.url, ZEGO);
    expect(errorCodeOf(faulted, "zego")).toBe("30002");
    expect((await call(server.url, ZEGO)).json.Code).toBe(0);

    await page.getByRole("combobox", { name: "Kind" }).selectOption("latency");
    expect(await page.getByRole("combobox", { name: "Error code" }).isVisible()).toBe(false);
    await page.getByRole("spinbutton", { name: "Latency (ms)" }).fill("250");
    await page.getByRole("button", { name: "Add fault" }).click();
    const remove = page.getByRole("button", { name: "Remove fault-2" });
    await remove.waitFor();
    await expectNamedControls(page);
    await remove.click();
    await expect.poll(() => server.current.engine.faults.list()).toEqual([]);
    expectQuietAndLocal(panel, server.url);
  });

  it("shows the control API's refusal of an invalid rule", async () => {
    const panel = await browser.open(server.url, "faults");
    const { page } = panel;
    await page.getByRole("combobox", { name: "Vendor" }).selectOption("tencent");
    await page.getByRole("combobox", { name: "Kind" }).selectOption("http");
    await page.getByRole("spinbutton", { name: "HTTP status" }).fill("700");
    await page.getByRole("button", { name: "Add fault" }).click();
    await expect.poll(() => page.locator("#view-faults").getByRole("status").textContent()).toMatch(/Invalid body: status/);
    expect(server.current.engine.faults.list()).toEqual([]);
  });
});

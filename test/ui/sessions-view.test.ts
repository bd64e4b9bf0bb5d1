/** The Sessions view in a real Chromium: opens a session, switches the panel to it (a cross-origin call the guard allows), and deletes it. */
import { describe, expect, it } from "vitest";
import { control, sharedServer } from "../support/harness.js";
import { expectNamedControls, expectQuietAndLocal, panelBrowser } from "./panel-browser.js";

describe("control panel: Sessions", () => {
  const server = sharedServer();
  const browser = panelBrowser();

  it("opens a session, drives it from the default session's page, and deletes it", async () => {
    const panel = await browser.open(server.url, "sessions");
    const { page } = panel;
    const table = page.getByRole("table", { name: "Sessions" });
    await expect.poll(() => table.textContent()).toMatch(/default \(shown\)/);

    await page.getByRole("textbox", { name: "Clock start" }).fill("2025-06-15T12:00:00Z");
    await page.getByRole("checkbox", { name: "Frozen" }).check();
    await page.getByRole("button", { name: "Open session" }).click();
    await expect.poll(() => page.getByRole("link", { name: /^Show session s\d+$/ }).count()).toBe(1);
    const sessions = (await control(server.url, "GET", "/sessions")).json.sessions as { id: string; baseUrl: string }[];
    const opened = sessions.find((session) => session.id !== "default")!;
    await expectNamedControls(page);

    await page.getByRole("link", { name: `Show session ${opened.id}` }).click();
    await expect.poll(() => page.locator("header .showing").textContent()).toMatch(new RegExp(`Session ${opened.id} at ${opened.baseUrl}`));
    await page.getByRole("button", { name: "Clock" }).click();
    await expect.poll(() => page.getByLabel("Mock time").textContent()).toBe("2025-06-15T12:00:00.000Z");
    // The page stays on the default session's origin and drives the other session's control API.
    expect(new URL(page.url()).origin).toBe(new URL(server.url).origin);
    await page.getByRole("textbox", { name: "Advance by" }).fill("1h");
    await page.getByRole("button", { name: "Advance", exact: true }).click();
    await expect.poll(async () => (await control(opened.baseUrl, "GET", "/clock")).json.iso).toBe("2025-06-15T13:00:00.000Z");
    expect(server.current.engine.clock.now()).not.toBe(Date.parse("2025-06-15T13:00:00Z"));

    await page.getByRole("button", { name: "Sessions" }).click();
    await page.getByRole("button", { name: `Delete session ${opened.id}` }).click();
    await expect.poll(() => page.locator("header .showing").textContent()).toMatch(/Session default/);
    expect((await control(server.url, "GET", "/sessions")).json.sessions.map((session: { id: string }) => session.id)).toEqual(["default"]);
    expectQuietAndLocal(panel, server.url, opened.baseUrl);
  });

  it("ignores a target that is not a session of this server", async () => {
    const panel = await browser.open(server.url, "clock", `?target=${encodeURIComponent("http://127.0.0.1:9")}`);
    await expect.poll(() => panel.page.locator("header .showing").textContent()).toMatch(/is not a session of this server/);
    expectQuietAndLocal(panel, server.url);
  });
});

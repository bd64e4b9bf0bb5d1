/** The Tencent rooms view in a real Chromium: lists the seeded rooms, creates one and moves it through its lifecycle. */
import { describe, expect, it } from "vitest";
import { control, sharedServer } from "../support/harness.js";
import { expectNamedControls, expectQuietAndLocal, panelBrowser } from "./panel-browser.js";

describe("control panel: Tencent rooms", () => {
  const server = sharedServer();
  const browser = panelBrowser();

  it("creates a room and moves it from not started to live, computing and ended", async () => {
    const panel = await browser.open(server.url, "rooms");
    const { page } = panel;
    const table = page.getByRole("table", { name: "Rooms" });
    await expect.poll(() => table.locator("tbody tr").count()).toBe(6);
    for (const state of ["not-started", "live", "computing", "ended", "expired"]) expect(await table.textContent()).toContain(state);

    await page.getByRole("textbox", { name: "Name" }).fill("Algebra");
    await page.getByRole("spinbutton", { name: "Starts in (minutes)" }).fill("10");
    await page.getByRole("button", { name: "Create room" }).click();
    await expect.poll(() => table.locator("tbody tr").count()).toBe(7);
    const room = server.current.engine.backends.tencent.rooms.list().find((candidate) => candidate.name === "Algebra")!;
    const stateOf = () => server.current.engine.backends.tencent.rooms.get(room.roomId)?.state;
    expect(stateOf()).toBe("not-started");

    await page.getByRole("button", { name: `Start now room ${room.roomId}` }).click();
    await expect.poll(stateOf).toBe("live");
    await control(server.url, "POST", "/clock", { advance: "20m" });
    await page.getByRole("button", { name: `End now room ${room.roomId}` }).click();
    await expect.poll(stateOf).toBe("computing");
    await page.getByRole("button", { name: `Advance clock to statistics room ${room.roomId}` }).click();
    await expect.poll(stateOf).toBe("ended");
    await expect.poll(() => table.locator("tbody tr", { hasText: "Algebra" }).textContent()).toMatch(/ended/);
    await expectNamedControls(page);

    await page.getByRole("button", { name: `Delete room ${room.roomId}` }).click();
    await expect.poll(stateOf).toBeUndefined();
    expectQuietAndLocal(panel, server.url);
  });
});

import { afterAll, afterEach, beforeAll, expect } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/chromium.js";

/** A page of the control panel with what it logged and requested. */
export interface PanelPage {
  page: Page;
  /** Console errors and uncaught exceptions of the page. */
  errors: string[];
  /** Every URL the page requested. */
  requested: string[];
}

/** One Chromium per test file; `open` gives a fresh page of the panel at `url`, showing `view` (`search`: the page's query, `?target=…`). */
export function panelBrowser(): { open(url: string, view?: string, search?: string): Promise<PanelPage> } {
  let browser: Browser | undefined;
  const pages: Page[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  // A page left open keeps polling the server the next test starts from scratch.
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()));
  });
  afterAll(() => browser?.close());
  return {
    async open(url, view, search = "") {
      const page = await browser!.newPage();
      pages.push(page);
      const errors: string[] = [];
      const requested: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("request", (request) => requested.push(request.url()));
      await page.goto(`${url}/__mock/ui/${search}${view === undefined ? "" : `#${view}`}`);
      await page.getByRole("heading", { level: 1, name: "rtc-analytics-mock control panel" }).waitFor();
      return { page, errors, requested };
    },
  };
}

/** The page logged no error and asked nothing of any origin but `allowed` (the servers it drives). */
export function expectQuietAndLocal(panel: PanelPage, ...allowed: string[]): void {
  expect(panel.errors).toEqual([]);
  const origins = allowed.map((url) => new URL(url).origin);
  expect(panel.requested.filter((url) => !origins.some((origin) => url.startsWith(`${origin}/`)) && !url.startsWith("data:"))).toEqual([]);
}

/** Every button, text box, combo box and spin button of the page has an accessible name. */
export async function expectNamedControls(page: Page): Promise<void> {
  const unnamed: string[] = [];
  for (const role of ["button", "textbox", "combobox", "spinbutton", "checkbox", "link"] as const) {
    for (const control of await page.getByRole(role).all()) {
      if (!(await control.isVisible())) continue;
      // Playwright's ARIA snapshot names each node as assistive technology gets it: `- button "Freeze"`.
      const snapshot = await control.ariaSnapshot();
      const name = /^- '?[\w-]+ "(.*?)"/.exec(snapshot)?.[1] ?? "";
      if (name.trim() === "") unnamed.push(`${role}: ${await control.evaluate((element) => element.outerHTML.slice(0, 120))}`);
    }
  }
  expect(unnamed).toEqual([]);
}

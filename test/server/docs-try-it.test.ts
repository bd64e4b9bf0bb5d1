import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiVendors } from "../../schemas/openapi/document.js";
import type { Vendor } from "../../schemas/common/endpoint.js";
import { endpoints } from "../../schemas/registry.js";
import type { RunningServer } from "../../server/start-server.js";
import { launchChromium } from "../support/chromium.js";
import { control, isSuccess, startHarnessServer } from "../support/harness.js";

/** The label of each vendor document in the page's selector (server/docs-app.ts). */
const LABELS: Record<Vendor, string> = { volcengine: "Volcengine RTC", zego: "ZEGO analytics", tencent: "Tencent Cloud LCIC" };

let server: RunningServer;
beforeAll(async () => {
  // The harness defaults (seed 1, clock frozen at T0, auth off, rate limits on) as the page ships:
  // one request per operation stays within every documented limit.
  server = await startHarnessServer();
});
afterAll(async () => {
  await server.close();
});

/**
 * Clicks Try it out → Execute on one operation as shown and returns the reply body the page
 * renders, or, when the page sends nothing (Swagger UI refuses to send with a required field
 * empty), the fields it marks invalid.
 */
async function tryItOut(operation: Locator): Promise<{ url: string; body: unknown }> {
  await operation.locator(".opblock-summary").first().click();
  await operation.locator("button.try-out__btn").click();
  await operation.locator("button.execute").click();
  const rendered = operation.locator(".live-responses-table .response-col_description pre.microlight").first();
  const sent = await rendered.waitFor({ timeout: 15_000 }).then(
    () => true,
    () => false,
  );
  if (!sent) {
    const invalid = await operation.locator("tr:has(.invalid) .parameter__name").allTextContents();
    return { url: "", body: { notSent: true, invalid: invalid.map((name) => name.replace(/\s+/g, " ").trim()) } };
  }
  const url = (await operation.locator(".request-url pre").first().textContent()) ?? "";
  const text = (await rendered.textContent()) ?? "";
  try {
    return { url, body: JSON.parse(text) as unknown };
  } catch {
    return { url, body: text };
  }
}

/** A Volcengine reply echoes the operation's action and version (its summary reads `Action (Version)`); the others echo neither. */
function echoesOperation(vendor: Vendor, summary: string, body: unknown): boolean {
  if (vendor !== "volcengine") return true;
  const { Action, Version } = (body as { ResponseMetadata: { Action: string; Version: string } }).ResponseMetadata;
  return summary === `${Action} (${Version})`;
}

async function showDocument(page: Page, vendor: Vendor): Promise<Locator> {
  await page.locator(".topbar select").selectOption({ label: LABELS[vendor] });
  const operations = page.locator(".opblock");
  const count = endpoints.filter((endpoint) => endpoint.vendor === vendor).length;
  await expect.poll(() => operations.count(), { timeout: 15_000 }).toBe(count);
  return operations;
}

describe("docs page: Try it out as shipped", () => {
  it("answers every operation of the three vendor documents with a vendor success, no request leaving the server", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const requested: string[] = [];
      page.on("request", (request) => requested.push(request.url()));
      await page.goto(`${server.url}/__mock/docs/`);
      const outcomes: { vendor: Vendor; operation: string; url: string; success: boolean; body: unknown }[] = [];
      for (const vendor of openApiVendors) {
        const operations = await showDocument(page, vendor);
        // The user reads the page a while: the examples were made when the document loaded.
        expect((await control(server, "POST", "/clock", { advance: "5m" })).status).toBe(200);
        for (let i = 0; i < (await operations.count()); i++) {
          const operation = operations.nth(i);
          const name = (await operation.locator(".opblock-summary-description").textContent()) ?? `#${i}`;
          const { url, body } = await tryItOut(operation);
          outcomes.push({ vendor, operation: name, url, success: isSuccess(vendor, body) && echoesOperation(vendor, name, body), body });
        }
      }
      const failed = outcomes.filter((outcome) => !outcome.success);
      expect(
        failed.map(({ vendor, operation, url, body }) => ({ vendor, operation, url, body: JSON.stringify(body).slice(0, 300) })),
      ).toEqual([]);
      expect(outcomes.length).toBe(endpoints.length);
      const origin = new URL(server.url).origin;
      expect(requested.filter((url) => !url.startsWith(origin) && !url.startsWith("data:"))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 180_000);
});

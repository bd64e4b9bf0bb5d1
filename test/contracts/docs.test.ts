import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { buildCases } from "../../contracts/cases/index.js";
import { CONTRACT_USAGE } from "../../contracts/cli.js";
import { CREDENTIAL_ENV, FIXTURE_ENV } from "../../contracts/credentials.js";
import { quotaTableMarkdown } from "../../contracts/quota.js";
import { BASE_URL_ENV } from "../../contracts/targets/vendor-target.js";

const doc = await readFile(new URL("../../docs/contracts.md", import.meta.url), "utf8");

describe("docs/contracts.md", () => {
  it("shows the quota cost the case list really has", async () => {
    const section = /<!-- quota-table:start -->\n([\s\S]*?)<!-- quota-table:end -->/.exec(doc)?.[1];
    expect(section).toBe(await quotaTableMarkdown(buildCases()));
  });

  it("names every environment variable the suite reads", () => {
    for (const name of [...Object.values(CREDENTIAL_ENV), ...Object.values(FIXTURE_ENV), ...Object.values(BASE_URL_ENV)])
      expect(doc).toContain(name);
  });

  it("documents every option of the contract command", () => {
    for (const option of CONTRACT_USAGE.match(/^ {2}(--[a-z-]+)/gm)!.map((o) => o.trim())) expect(doc, option).toContain(`\`${option}`);
  });
});

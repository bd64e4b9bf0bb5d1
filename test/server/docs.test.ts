import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { endpoints } from "../../schemas/registry.js";
import { routingOf } from "../../server/banner.js";
import { controlRoutes } from "../../server/control/control-api.js";
import { configFileSetting, credentialSettings, faultSetting, listSettings, settings } from "../../server/config/settings.js";

const doc = await readFile(new URL("../../docs/server.md", import.meta.url), "utf8");

/** The configuration table rows of docs/server.md, by flag cell. */
const tableRows = doc.split("\n").filter((line) => line.startsWith("| `-") || line.startsWith("| –"));

describe("docs/server.md stays in step with the code", () => {
  it("documents every setting with its flag, variable, config key and default", () => {
    for (const setting of settings) {
      const row = tableRows.find((line) => line.includes(`--${setting.kind === "boolean" ? "[no-]" : ""}${setting.flag}`));
      expect(row, setting.flag).toBeDefined();
      expect(row, setting.flag).toContain(`\`${setting.env}\``);
      expect(row, setting.flag).toContain(`\`${setting.fileKey}\``);
      const shownDefault = setting.defaultText.split(" ")[0]!;
      expect(row, `${setting.flag} default`).toContain(shownDefault === "real" ? "real now" : `\`${shownDefault}\``);
    }
    for (const setting of listSettings) {
      const row = tableRows.find((line) => line.includes(`--${setting.flag} <${setting.valueName}>\` (repeatable)`));
      expect(row, setting.flag).toBeDefined();
      expect(row, setting.flag).toContain(`\`${setting.env}\``);
      expect(row, setting.flag).toContain(`\`${setting.fileKey}\``);
    }
    for (const credential of credentialSettings) {
      expect(doc).toContain(`--${credential.idFlag}`);
      expect(doc).toContain(`--${credential.secretFlag}`);
      expect(doc).toContain(credential.idEnv);
      expect(doc).toContain(credential.secretEnv);
    }
    expect(doc).toContain(`--${faultSetting.flag} <json>`);
    expect(doc).toContain(faultSetting.env);
    expect(doc).toContain(configFileSetting.env);
  });

  it("shows a curl example for every control route", () => {
    for (const route of controlRoutes) {
      const path = route.path.replace(/:(\w+)/, '[^ "]+').replace('/openapi/[^ "]+', "/openapi/\\w+\\.json");
      const methodPart = route.method === "GET" ? '(?:curl -s "?)' : `curl -s -X ${route.method} "?`;
      expect(doc, `${route.method} ${route.path}`).toMatch(new RegExp(`${methodPart}\\$M${path}(?:[ "?]|$)`, "m"));
    }
  });

  it("lists the five endpoints with the routing the banner prints", () => {
    for (const endpoint of endpoints) {
      const routing = routingOf(endpoint).replace(
        /^\/ with headers X-TC-Action: (\w+), X-TC-Version: ([\d-]+)$/,
        "`/` with headers `X-TC-Action: $1`, `X-TC-Version: $2`",
      );
      expect(doc, endpoint.id).toContain(
        `| ${endpoint.vendor} | ${endpoint.action} | ${endpoint.version ?? "–"} | ${endpoint.method} | ${routing.startsWith("`") ? routing : `\`${routing}\``} |`,
      );
      expect(doc, `${endpoint.id} in the banner sample`).toContain(routingOf(endpoint));
    }
  });
});

#!/usr/bin/env node
// Launcher of the rtc-analytics-mock CLI: the compiled dist/server/cli.js when the package is built
// (npm's `prepare` builds it), otherwise the TypeScript source through tsx. RTC_MOCK_FROM_SOURCE=1
// forces the source, e.g. while working on the server with a stale dist.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const built = new URL("../dist/server/cli.js", import.meta.url);
const fromSource = process.env.RTC_MOCK_FROM_SOURCE === "1" || !existsSync(fileURLToPath(built));

let cli;
if (fromSource) {
  const { register } = await import("tsx/esm/api");
  register();
  cli = await import(new URL("../server/cli.ts", import.meta.url).href);
} else {
  cli = await import(built.href);
}
process.exitCode = await cli.main(process.argv.slice(2));

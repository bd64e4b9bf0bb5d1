#!/usr/bin/env node
// Launcher of the rtc-analytics-mock CLI: runs the compiled dist/server/cli.js (`npm run build`).
import { existsSync } from "node:fs";
import module from "node:module";

const cli = new URL("../dist/server/cli.js", import.meta.url);
if (!existsSync(cli)) {
  console.error("rtc-analytics-mock: dist/server/cli.js not found: run npm run build");
  process.exit(1);
}
module.enableCompileCache?.(); // Node ≥ 22.1: caches compiled modules between runs
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// Launcher of the rtc-analytics-mock CLI. `npm run build` (run by npm's `prepare`) makes
// dist/bundle/cli.cjs, the whole CLI in one file with a V8 code cache, which starts fastest (it runs
// everything but `contract` and `proxy`, which import the ESM contract suite); without it, the
// compiled dist/server/cli.js; without dist/, the TypeScript source through tsx.
// RTC_MOCK_FROM_SOURCE=1 forces the source, e.g. while working on the server with a stale dist.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const bundle = fileURLToPath(new URL("../dist/bundle/cli.cjs", import.meta.url));
const built = new URL("../dist/server/cli.js", import.meta.url);
const forceSource = process.env.RTC_MOCK_FROM_SOURCE === "1";
const [command] = process.argv.slice(2);

let cli;
if (!forceSource && command !== "contract" && command !== "proxy" && existsSync(bundle)) {
  const { loadCliBundle } = await import(new URL("../dist/bundle/load-cli-bundle.mjs", import.meta.url).href);
  cli = loadCliBundle(bundle).cli;
} else if (!forceSource && existsSync(fileURLToPath(built))) {
  cli = await import(built.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  cli = await import(new URL("../server/cli.ts", import.meta.url).href);
}
process.exitCode = await cli.main(process.argv.slice(2));

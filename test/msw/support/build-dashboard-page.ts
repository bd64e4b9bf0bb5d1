import { build } from "esbuild";
import { copyFile, mkdtemp } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * Builds the dashboard example for a real browser into a fresh temp dir: index.html, app.js (the
 * page + MSW handlers + engine, bundled for the browser platform, so a node: import fails the
 * build) and mockServiceWorker.js taken from the installed msw package (the file `npx msw init` copies).
 */
export async function buildDashboardPage(): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), "rtc-msw-dashboard-"));
  await build({
    entryPoints: [join(repo, "examples/dashboard/browser.ts")],
    outfile: join(out, "app.js"),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    logLevel: "silent",
  });
  await copyFile(join(repo, "examples/dashboard/index.html"), join(out, "index.html"));
  await copyFile(createRequire(import.meta.url).resolve("msw/mockServiceWorker.js"), join(out, "mockServiceWorker.js"));
  return out;
}

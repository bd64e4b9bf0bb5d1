import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
/** Bundles live under node_modules so that their package imports resolve to the project's node_modules. */
const outDir = `${root}node_modules/.cache/rtc-analytics-mock-bench`;

/**
 * Bundles a TypeScript entry (the project's code inlined, packages left as imports) into one ESM
 * file, so servers under measurement run as plain JavaScript, as from the published package: the
 * tsx loader would add its own thread and some 50 MB of RSS to every number.
 */
export async function bundleEntry(entry: string, name: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const outfile = `${outDir}/${name}.mjs`;
  await build({
    entryPoints: [`${root}${entry}`],
    outfile,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: "linked",
    logLevel: "error",
  });
  return outfile;
}

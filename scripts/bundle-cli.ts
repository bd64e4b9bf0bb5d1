import { build } from "esbuild";
import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Where the bundled CLI and its loader go, below the build's output folder; bin/rtc-analytics-mock.js prefers them when present. */
export const CLI_BUNDLE = "bundle/cli.cjs";
const LOADER = "bundle/load-cli-bundle.mjs";

/**
 * Packages left out of the bundle: the docs page's plugins read their assets from their own
 * folders and load only when the docs page is first opened; pino-pretty only for pretty logs.
 */
const EXTERNAL = ["@fastify/swagger", "@fastify/swagger-ui", "pino-pretty"];

/**
 * Bundles the CLI (server, engine, schemas, fastify, zod, faker …) into one CommonJS file, then
 * writes its V8 code cache (server/load-cli-bundle.ts). A plain start-up spends most of its time
 * resolving, reading and compiling some 400 module files; one file with a code cache cuts that
 * to reading two files. The library entry points stay tsc's one file per module. `contract` and
 * `proxy` run from tsc's dist/server/cli.js (the launcher picks it for them).
 */
export async function bundleCli(outDir = join(root, "dist")): Promise<{ bundle: string; cacheBytes: number }> {
  const bundle = join(outDir, CLI_BUNDLE);
  rmSync(`${bundle}.v8cache`, { force: true });
  await build({
    entryPoints: [join(root, "server/cli-bundle-entry.ts")],
    outfile: bundle,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    external: EXTERNAL,
    // The sources are ESM: import.meta.url becomes the bundle's own URL.
    define: { "import.meta.url": "__bundleUrl" },
    banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    legalComments: "none",
    logLevel: "warning",
  });
  await build({
    entryPoints: [join(root, "server/load-cli-bundle.ts")],
    outfile: join(outDir, LOADER),
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
  });
  // A fresh plain-node process, so the cache matches how the CLI runs (no tsx loader, no flags).
  const loader = pathToFileURL(join(outDir, LOADER)).href;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `const { writeCodeCache } = await import(${JSON.stringify(loader)}); console.log(await writeCodeCache(${JSON.stringify(bundle)}));`,
    ],
    {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: "" },
    },
  );
  return { bundle, cacheBytes: Number(stdout.trim()) };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outDir = process.argv[2];
  const { bundle, cacheBytes } = await bundleCli(outDir);
  console.log(`${bundle} (+ ${Math.round(cacheBytes / 1024)} KiB code cache)`);
}

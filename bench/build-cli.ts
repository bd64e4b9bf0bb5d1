import { build } from "esbuild";
import { bundleCli } from "../scripts/bundle-cli.js";
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));
/** The folders `npm run build` compiles (tsconfig.build.json). */
const SOURCE_DIRS = ["schemas", "mocks", "server", "contracts"];

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (name.endsWith(".ts") && !name.endsWith(".test.ts") && !name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

/** The newest modification time among the sources `npm run build` compiles. */
export function newestSourceMtimeMs(): number {
  return Math.max(...SOURCE_DIRS.flatMap((dir) => sources(`${root}${dir}`)).map((path) => statSync(path).mtimeMs));
}

/**
 * The built package when dist/ is absent or older than the sources: the project's own build
 * (`tsc -p tsconfig.build.json`, without declarations and source maps, then the bundled CLI of
 * scripts/bundle-cli.ts) into a temporary folder that holds a copy of package.json and of the bin
 * launcher and a link to the project's node_modules. Kept out of the working tree so the bin
 * launcher of other people's runs never picks up this build. If tsc emits nothing (a broken tree),
 * the sources are transpiled one-to-one by esbuild instead. Returns the launcher and how it was built.
 */
export async function builtCliEntry(): Promise<{ entry: string; how: string }> {
  const pkgDir = join(tmpdir(), "rtc-analytics-mock-bench");
  rmSync(pkgDir, { recursive: true, force: true });
  mkdirSync(pkgDir, { recursive: true });
  copyFileSync(`${root}package.json`, join(pkgDir, "package.json"));
  mkdirSync(join(pkgDir, "bin"));
  copyFileSync(`${root}bin/rtc-analytics-mock.js`, join(pkgDir, "bin", "rtc-analytics-mock.js"));
  const launcher = join(pkgDir, "bin", "rtc-analytics-mock.js");
  symlinkSync(`${root}node_modules`, join(pkgDir, "node_modules"), "dir");
  const entry = join(pkgDir, "dist", "server", "cli.js");
  try {
    await promisify(execFile)(
      process.execPath,
      [
        `${root}node_modules/typescript/bin/tsc`,
        "-p",
        `${root}tsconfig.build.json`,
        "--outDir",
        join(pkgDir, "dist"),
        "--declaration",
        "false",
        "--sourceMap",
        "false",
      ],
      { cwd: root },
    );
  } catch {
    // Type errors still emit JavaScript; only a missing entry means the build did not happen.
  }
  await bundleCli(join(pkgDir, "dist"));
  if (existsSync(entry)) return { entry: launcher, how: "npm run build's steps into a temporary folder" };
  await build({
    entryPoints: SOURCE_DIRS.flatMap((dir) => sources(`${root}${dir}`)),
    outdir: join(pkgDir, "dist"),
    outbase: root,
    bundle: false,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "error",
  });
  return { entry: launcher, how: "esbuild, one file per source, and the bundle, into a temporary folder" };
}

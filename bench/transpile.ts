import { build } from "esbuild";
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
/** Inside node_modules, so package imports resolve to the project's node_modules. */
const pkgDir = `${root}node_modules/.cache/rtc-analytics-mock-bench/pkg`;
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

/**
 * A stand-in for the built package when dist/ is absent: every source file transpiled one-to-one
 * (no bundling) into `<pkg>/dist`, the layout `npm run build` emits, next to a copy of package.json.
 * Kept out of the working tree's dist/ so the bin launcher of other people's tests never picks up a
 * stale build. Returns the path of the CLI entry.
 */
export async function transpiledCli(): Promise<string> {
  rmSync(pkgDir, { recursive: true, force: true });
  mkdirSync(pkgDir, { recursive: true });
  copyFileSync(`${root}package.json`, `${pkgDir}/package.json`);
  await build({
    entryPoints: SOURCE_DIRS.flatMap((dir) => sources(`${root}${dir}`)),
    outdir: `${pkgDir}/dist`,
    outbase: root,
    bundle: false,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "error",
  });
  return `${pkgDir}/dist/server/cli.js`;
}

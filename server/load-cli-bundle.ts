import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import vm from "node:vm";

/** What the bundled CLI exports (server/cli-bundle-entry.ts). */
export interface CliBundle {
  main(argv: readonly string[]): Promise<number>;
  warmUp(): Promise<void>;
}

/** The code cache next to a bundle: `cli.cjs` → `cli.cjs.v8cache`. */
export function codeCachePath(bundlePath: string): string {
  return `${bundlePath}.v8cache`;
}

/**
 * Loads the bundled CLI (CommonJS, one file) the way Node's own loader would, but compiled with
 * the V8 code cache `npm run build` wrote next to it: Node 20 has no module compile cache, and
 * compiling the 3 MB bundle and its start-up functions from scratch is a third of start-up. A
 * cache V8 rejects (another Node version or flags) is ignored and the source compiled as usual.
 * Code loaded this way has no dynamic `import()` (Node 20 offers it to vm scripts only as an
 * experimental flag that breaks with a code cache), so the launcher runs `contract` and `proxy`,
 * which import the ESM contract suite, from dist/server/cli.js instead.
 */
export function loadCliBundle(bundlePath: string, { useCache = true } = {}): { cli: CliBundle; script: vm.Script } {
  const cachePath = codeCachePath(bundlePath);
  const cachedData = useCache && existsSync(cachePath) ? readFileSync(cachePath) : undefined;
  const source = readFileSync(bundlePath, "utf8");
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundlePath,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as CliBundle };
  (script.runInThisContext() as (...args: unknown[]) => void)(
    module.exports,
    createRequire(bundlePath),
    module,
    bundlePath,
    dirname(bundlePath),
  );
  return { cli: module.exports, script };
}

/** Loads the bundle without a cache, runs its warm-up and writes the code cache; for the build. */
export async function writeCodeCache(bundlePath: string): Promise<number> {
  const { cli, script } = loadCliBundle(bundlePath, { useCache: false });
  await cli.warmUp();
  const data = script.createCachedData();
  writeFileSync(codeCachePath(bundlePath), data);
  return data.byteLength;
}

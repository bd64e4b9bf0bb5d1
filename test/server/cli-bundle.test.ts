import { execFile, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleCli } from "../../scripts/bundle-cli.js";
import { freePort } from "../../bench/startup.js";
import { validRequests } from "./support/vendor-requests.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);
const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;

/**
 * The bundled CLI as `npm run build` makes it, in an installed-package layout of its own (package.json,
 * bin/, dist/bundle/, node_modules): no dist/server and no sources, so whatever the launcher runs is
 * the bundle.
 */
let pkg: string;
let bin: string;
beforeAll(async () => {
  pkg = await mkdtemp(join(tmpdir(), "rtc-mock-bundle-"));
  mkdirSync(join(pkg, "bin"));
  copyFileSync(join(root, "package.json"), join(pkg, "package.json"));
  copyFileSync(join(root, "bin/rtc-analytics-mock.js"), join(pkg, "bin/rtc-analytics-mock.js"));
  symlinkSync(join(root, "node_modules"), join(pkg, "node_modules"), "dir");
  await bundleCli(join(pkg, "dist"));
  bin = join(pkg, "bin/rtc-analytics-mock.js");
}, 120_000);
afterAll(async () => {
  await rm(pkg, { recursive: true, force: true });
});

const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" };

describe("bundled CLI (dist/bundle)", () => {
  it("prints the package's version from the bundle, through the launcher and run directly", async () => {
    expect((await run(process.execPath, [bin, "--version"], { env })).stdout).toBe(`${version}\n`);
    expect((await run(process.execPath, [join(pkg, "dist/bundle/cli.cjs"), "--version"], { env })).stdout).toBe(`${version}\n`);
  });

  it("compiles from its code cache: V8 accepts the cache the build wrote", async () => {
    const loader = pathToFileURL(join(pkg, "dist/bundle/load-cli-bundle.mjs")).href;
    const script = `const { loadCliBundle } = await import(${JSON.stringify(loader)}); const { script } = loadCliBundle(${JSON.stringify(join(pkg, "dist/bundle/cli.cjs"))}); console.log(JSON.stringify({ rejected: script.cachedDataRejected }));`;
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { env });
    expect(JSON.parse(stdout)).toEqual({ rejected: false });
  });

  it("serves a vendor request, the control API and the docs page with its assets", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [bin, "serve", "--port", String(port), "--no-banner", "--log-format", "json"], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const url = `http://127.0.0.1:${port}`;
    try {
      const zego = validRequests(Date.now())["zego.GetRealtimeUsage"]!;
      let reply: Response | undefined;
      for (let attempt = 0; reply === undefined && attempt < 300; attempt++) {
        reply = await fetch(`${url}${zego.path}`, { headers: zego.headers }).catch(() => undefined);
        if (reply === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(reply?.status, stderr).toBe(200);
      expect(((await reply!.json()) as { Code: number }).Code).toBe(0);
      expect(((await (await fetch(`${url}/__mock/health`)).json()) as { version: string }).version).toBe(version);
      const page = await fetch(`${url}/__mock/docs/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("swagger-ui-bundle.js");
      const asset = await fetch(`${url}/__mock/docs/static/swagger-ui-bundle.js`);
      expect(asset.status).toBe(200);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
      const document = (await (await fetch(`${url}/__mock/docs/json`)).json()) as { openapi: string };
      expect(document.openapi).toBe("3.1.0");
      expect(stderr).toBe("");
    } finally {
      child.kill("SIGTERM");
    }
  }, 60_000);
});

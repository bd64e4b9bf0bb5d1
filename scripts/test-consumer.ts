/**
 * `npm run test:consumer`: the package as a user gets it. Packs the kit (`npm pack`), installs the
 * tarball into a copy of test/consumer-project (a project of its own, its tools pinned by its own
 * lock file, the kit's dependencies resolved from their ranges as a user's install would), then:
 * checks that every relative link of the packaged README and docs resolves in the package,
 * type-checks the project's code with `moduleResolution` `nodenext` and `bundler` (declarations
 * included: skipLibCheck is off), runs its vitest tests (every exports subpath, the MSW quick start,
 * the server started programmatically), `require()`s every subpath, runs
 * `npx rtc-analytics-mock --version`, and checks that pretty logs without pino-pretty say how to
 * get them.
 *
 * Installing the tarball must print no npm warning on Node 22 and later; on Node 20 the warnings are
 * shown (fastify's inject helper pulls cookie@2, which declares Node >= 22). Runs on the `node` of
 * PATH, so .ci/run calls it once per Node version. Exit code 1 on the first failing step.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const fixture = join(root, "test", "consumer-project");
const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
const nodeMajor = Number(process.versions.node.split(".")[0]);

class StepFailed extends Error {}

/** Relative Markdown links of the installed package's .md files whose target is not in the package. */
function deadLinks(packageDir: string): string[] {
  const dead: string[] = [];
  const files = readdirSync(packageDir, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".md"));
  for (const file of files) {
    const text = readFileSync(join(packageDir, file), "utf8");
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:|^#/i.test(target!)) continue;
      const path = target!.split("#")[0]!;
      if (!existsSync(join(packageDir, dirname(file), path))) dead.push(`${file}: ${target}`);
    }
  }
  return dead;
}

/** Runs a command in `cwd`; throws StepFailed with its output unless it exits as `expectCode` says. */
function run(title: string, command: string, args: string[], cwd: string, expectCode = 0): { stdout: string; output: string } {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, CI: "true" }, timeout: 300_000 });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== expectCode) {
    throw new StepFailed(
      `${title}: exit ${result.status ?? result.signal ?? result.error?.message}, expected ${expectCode} (${seconds} s)\n${output}`,
    );
  }
  console.log(`ok   ${title} (${seconds} s)`);
  return { stdout: result.stdout ?? "", output };
}

const work = mkdtempSync(join(tmpdir(), "rtc-mock-consumer-"));
try {
  console.log(`consumer test on Node ${process.versions.node} in ${work}`);
  // prepack builds dist/ and packs a package.json without scripts (scripts/pack-manifest.ts).
  const packed = JSON.parse(run("npm pack", "npm", ["pack", "--json", "--pack-destination", work], root).stdout) as {
    filename: string;
    size: number;
    unpackedSize: number;
    entryCount: number;
  }[];
  const tarball = join(work, packed[0]!.filename);
  console.log(
    `     ${packed[0]!.filename}: ${packed[0]!.size} B packed, ${packed[0]!.unpackedSize} B unpacked, ${packed[0]!.entryCount} files`,
  );

  const project = join(work, "project");
  cpSync(fixture, project, { recursive: true, filter: (path) => !path.includes("node_modules") });
  run("npm ci (the project's own tools)", "npm", ["ci", "--no-audit", "--no-fund"], project);
  const install = run("npm install <tarball>", "npm", ["install", "--no-audit", "--no-fund", "--no-save", tarball], project).output;
  const warnings = install.split("\n").filter((line) => /^npm warn/i.test(line));
  if (warnings.length > 0) {
    if (nodeMajor >= 22) throw new StepFailed(`installing the tarball warned on Node ${process.versions.node}:\n${warnings.join("\n")}`);
    console.log(`     Node ${nodeMajor} install warnings (expected below Node 22):\n       ${warnings.join("\n       ")}`);
  }

  const dead = deadLinks(join(project, "node_modules", "rtc-analytics-mock"));
  if (dead.length > 0) throw new StepFailed(`links in the packaged docs lead nowhere:\n${dead.join("\n")}`);
  console.log("ok   every relative link of the packaged README and docs resolves");

  run("tsc, moduleResolution nodenext", "npx", ["tsc", "-p", "tsconfig.nodenext.json"], project);
  run("tsc, moduleResolution bundler", "npx", ["tsc", "-p", "tsconfig.bundler.json"], project);
  run("vitest: every subpath, MSW, the server", "npx", ["vitest", "run"], project);
  run("require() every subpath", "node", ["require-every-subpath.cjs"], project);

  const printed = run("npx rtc-analytics-mock --version", "npx", ["rtc-analytics-mock", "--version"], project).stdout.trim();
  if (!printed.endsWith(version)) throw new StepFailed(`--version printed ${JSON.stringify(printed)}, expected ${version}`);
  const pretty = run(
    "pretty logs without pino-pretty",
    "npx",
    ["rtc-analytics-mock", "serve", "--port", "0", "--log-format", "pretty"],
    project,
    1,
  ).output;
  if (!pretty.includes("npm install pino-pretty")) throw new StepFailed(`--log-format pretty without pino-pretty said:\n${pretty}`);
  console.log("consumer test passed");
} catch (cause) {
  if (!(cause instanceof StepFailed)) throw cause;
  console.error(`FAIL ${cause.message}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}

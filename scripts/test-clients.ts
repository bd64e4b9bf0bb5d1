/**
 * `npm run test:clients`: the official Python, Go and Java clients against the fake server, and
 * Schemathesis against it with the kit's single-operation OpenAPI documents.
 *
 * It starts one fake server on a free port of 127.0.0.1 and gives each language two sessions of it
 * (one with auth off, one with `auth: verify` and the demo credentials), so every SDK is tested at a
 * session, reached by host and port alone; it installs the language's pinned dependencies when they
 * are missing, runs its suite in test/clients/<language>/ with RTC_MOCK_URL / RTC_MOCK_VERIFY_URL set
 * to the sessions, and deletes them. Each language gets fresh sessions, so a suite may reset them or
 * move their clocks.
 *
 * Prints one summary line per language and a last line `N passed, N failed` (languages as units).
 * A language whose toolchain is not on PATH is skipped with one line saying so; with
 * RTC_MOCK_CLIENTS_REQUIRED=1 a skip counts as a failure. Exit code 1 when anything failed.
 *
 *   npm run test:clients                 # python, go, java, schemathesis
 *   npm run test:clients -- go java      # some of them
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { openSession, startServer, type MockSession, type RunningServer, type SessionSpec } from "../server/index.js";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const clientsDir = join(root, "test", "clients");

/** What one suite run printed and how it ended. */
interface RunResult {
  code: number | null;
  output: string;
  timedOut: boolean;
}

interface Language {
  name: "python" | "go" | "java" | "schemathesis";
  /** The commands that must be on PATH. */
  tools: string[];
  dir: string;
  /** Installs what the suite needs; throws on failure. */
  prepare(env: NodeJS.ProcessEnv): Promise<void>;
  /** Runs the suite (output streamed and kept). */
  run(env: NodeJS.ProcessEnv): Promise<RunResult>;
  /** "N passed, M failed" as the test runner counted, from its output. */
  counts(output: string): string;
  /** Options of the auth-off fake, when the suite needs other ones than the defaults. */
  offSession?: SessionSpec;
}

const SUITE_TIMEOUT_MS = 240_000;
const INSTALL_TIMEOUT_MS = 300_000;

function onPath(tool: string): boolean {
  return (process.env.PATH ?? "").split(delimiter).some((dir) => dir !== "" && existsSync(join(dir, tool)));
}

/** Runs a command in `cwd`, streaming its output (optionally filtered) and keeping it. */
function runCommand(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number; show?: (line: string) => boolean },
): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let pending = "";
    let timedOut = false;
    const onData = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      output += text;
      pending += text;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) if (!options.show || options.show(line)) process.stdout.write(line + "\n");
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs);
    child.on("error", (error) => {
      output += String(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (pending && (!options.show || options.show(pending))) process.stdout.write(pending + "\n");
      resolvePromise({ code, output, timedOut });
    });
  });
}

async function mustRun(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  const result = await runCommand(command, args, { cwd, env, timeoutMs: INSTALL_TIMEOUT_MS });
  if (result.code !== 0)
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.code}${result.timedOut ? ", timed out" : ""})`);
}

function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** Creates `dir/.venv` and installs `dir/requirements.txt` into it, unless a hash stamp says it is current. */
async function preparePythonVenv(dir: string, env: NodeJS.ProcessEnv): Promise<void> {
  const venvPython = join(dir, ".venv", "bin", "python");
  if (!existsSync(venvPython)) await mustRun("python3", ["-m", "venv", ".venv"], dir, env);
  const stamp = join(dir, ".venv", ".requirements.sha256");
  const wanted = sha256(join(dir, "requirements.txt"));
  if (existsSync(stamp) && readFileSync(stamp, "utf8").trim() === wanted) return;
  await mustRun(venvPython, ["-m", "pip", "install", "-q", "--disable-pip-version-check", "-r", "requirements.txt"], dir, env);
  writeFileSync(stamp, wanted + "\n");
}

const python: Language = {
  name: "python",
  tools: ["python3"],
  dir: join(clientsDir, "python"),
  prepare(env) {
    return preparePythonVenv(this.dir, env);
  },
  run(env) {
    return runCommand(join(this.dir, ".venv", "bin", "python"), ["-m", "pytest", "-q", "-rfE", "--tb=line"], {
      cwd: this.dir,
      env,
      timeoutMs: SUITE_TIMEOUT_MS,
    });
  },
  counts(output) {
    const line = output.split("\n").findLast((l) => /\d+ (passed|failed)/.test(l) && / in [\d.]+s/.test(l));
    const passed = /(\d+) passed/.exec(line ?? "")?.[1] ?? "0";
    const failed = Number(/(\d+) failed/.exec(line ?? "")?.[1] ?? 0) + Number(/(\d+) errors?/.exec(line ?? "")?.[1] ?? 0);
    return `${passed} passed, ${failed} failed`;
  },
};

const go: Language = {
  name: "go",
  tools: ["go"],
  dir: join(clientsDir, "go"),
  async prepare(env) {
    await mustRun("go", ["mod", "download"], this.dir, env);
  },
  run(env) {
    // -v for the counts; the RUN/PASS chatter is not shown.
    return runCommand("go", ["test", "-count=1", "-v", "./..."], {
      cwd: this.dir,
      env,
      timeoutMs: SUITE_TIMEOUT_MS,
      show: (line) => !/^\s*(=== (RUN|PAUSE|CONT|NAME)|--- PASS|PASS$)/.test(line),
    });
  },
  counts(output) {
    // Leaf tests only: a parent with subtests is counted through its subtests.
    const results = [...output.matchAll(/^\s*--- (PASS|FAIL): (\S+)/gm)].map((m) => ({ ok: m[1] === "PASS", name: m[2] ?? "" }));
    const leaves = results.filter((r) => !results.some((o) => o.name.startsWith(r.name + "/")));
    return `${leaves.filter((r) => r.ok).length} passed, ${leaves.filter((r) => !r.ok).length} failed`;
  },
};

const java: Language = {
  name: "java",
  tools: ["mvn", "java"],
  dir: join(clientsDir, "java"),
  async prepare() {
    // Maven resolves the pinned dependencies and plugins itself as part of `mvn test`.
  },
  run(env) {
    return runCommand("mvn", ["-B", "-q", "test"], { cwd: this.dir, env, timeoutMs: SUITE_TIMEOUT_MS });
  },
  counts(output) {
    const totals = [...output.matchAll(/Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)(?!,\s*Time)/g)].at(-1);
    if (!totals) return existsSync(join(this.dir, "target", "surefire-reports")) ? surefireCounts(this.dir) : "no test counts";
    const [run, failures, errors, skipped] = totals.slice(1).map(Number) as [number, number, number, number];
    return `${run - failures - errors - skipped} passed, ${failures + errors} failed`;
  },
};

/** With -q, surefire prints its totals only on failure: read them from the reports instead. */
function surefireCounts(dir: string): string {
  const result = spawnSync("sh", ["-c", "cat target/surefire-reports/*.txt"], { cwd: dir, encoding: "utf8" });
  let run = 0;
  let bad = 0;
  let skipped = 0;
  for (const m of (result.stdout ?? "").matchAll(/Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)/g)) {
    run += Number(m[1]);
    bad += Number(m[2]) + Number(m[3]);
    skipped += Number(m[4]);
  }
  return `${run - bad - skipped} passed, ${bad} failed`;
}

/** The single-operation documents Schemathesis runs on (schemas/openapi/operations/<vendor>/*.json). */
const operationDocumentsDir = join(root, "schemas", "openapi", "operations");

/**
 * The frozen clock of the Schemathesis fake: 30 minutes after the time of the Volcengine documents'
 * examples (2021-07-24T00:00:00+08:00), so that the example requests fall inside every live window.
 */
const SCHEMATHESIS_CLOCK = "2021-07-23T16:30:00Z";

/**
 * Checks every document gets (README, "Schemathesis"): no 5xx, status, Content-Type, headers and body
 * as documented, and schema-violating input answered with an error in the vendor's envelope
 * (`vendor_error_on_bad_input`, hooks.py). Volcengine also gets the status-based built-in
 * negative_data_rejection (its errors are HTTP 4xx, ZEGO's and Tencent's are HTTP 200) and
 * `examples_succeed` (only its documents have an example for every required value).
 */
const schemathesisChecks = [
  "not_a_server_error",
  "status_code_conformance",
  "content_type_conformance",
  "response_headers_conformance",
  "response_schema_conformance",
  "vendor_error_on_bad_input",
];
const schemathesisVendorChecks: Record<string, string[]> = {
  volcengine: ["negative_data_rejection", "examples_succeed"],
};
const SCHEMATHESIS_DOCUMENT_TIMEOUT_MS = 120_000;

const schemathesis: Language = {
  name: "schemathesis",
  tools: ["python3"],
  dir: join(clientsDir, "schemathesis"),
  // The documents describe the vendors' contract, where `null` is not a string: the fake's lenient
  // reading of null fields (volcengine.nullAsAbsent) is switched off so negative cases are refused.
  offSession: { clock: { start: SCHEMATHESIS_CLOCK, frozen: true }, rateLimits: false, volcengine: { nullAsAbsent: false } },
  prepare(env) {
    return preparePythonVenv(this.dir, env);
  },
  async run(env) {
    // One Schemathesis run per document, in a fixed order; the documents are found, not listed, so a
    // new endpoint is tested as soon as `npm run generate` writes its document.
    const documents = readdirSync(operationDocumentsDir)
      .sort()
      .flatMap((vendor) =>
        readdirSync(join(operationDocumentsDir, vendor))
          .filter((file) => file.endsWith(".json"))
          .sort()
          .map((file) => ({ vendor, file: join(operationDocumentsDir, vendor, file) })),
      );
    let output = "";
    let failed = false;
    let timedOut = false;
    for (const { vendor, file } of documents) {
      const document = JSON.parse(readFileSync(file, "utf8")) as { paths: Record<string, Record<string, { "x-vendor-host": string }>> };
      const operation = Object.values(Object.values(document.paths)[0]!)[0]!;
      const label = `${vendor}/${file.split("/").at(-1)}`;
      const checks = [...schemathesisChecks, ...(schemathesisVendorChecks[vendor] ?? [])];
      const args = [
        "--config-file",
        "schemathesis.toml",
        "run",
        file,
        "--url",
        env.RTC_MOCK_URL!,
        // The Host a client of this vendor sends: on the fake's shared port it picks the vendor even for
        // a request whose shape (a missing X-TC-Action, say) no longer does.
        "--header",
        `Host: ${operation["x-vendor-host"]}`,
        "--checks",
        checks.join(","),
        "--max-examples",
        "30",
        "--seed",
        "1",
        "--generation-database",
        "none",
        "--request-timeout",
        "5",
        "--continue-on-failure",
        "--no-color",
      ];
      console.log(`--- ${label}`);
      const result = await runCommand(join(this.dir, ".venv", "bin", "schemathesis"), args, {
        cwd: this.dir,
        env: { ...env, SCHEMATHESIS_HOOKS: "hooks", PYTHONPATH: this.dir },
        timeoutMs: SCHEMATHESIS_DOCUMENT_TIMEOUT_MS,
        // The summary and any failure; not the phase-by-phase progress.
        show: (line) => /^(- |\s+`|\s+curl |=+ .* =+$|\s+\d+ generated)|Custom check|Invalid component/.test(line),
      });
      const ok = result.code === 0 && !result.timedOut;
      const line = `schemathesis ${label}: ${ok ? "ok" : result.timedOut ? "TIMED OUT" : `FAILED (exit ${result.code})`}`;
      console.log(line);
      output += `${result.output}\n${line}\n`;
      failed ||= !ok;
      timedOut ||= result.timedOut;
    }
    return { code: failed ? 1 : 0, output, timedOut };
  },
  counts(output) {
    // Documents as units.
    return `${(output.match(/^schemathesis \S+: ok$/gm) ?? []).length} passed, ${(output.match(/^schemathesis \S+: (FAILED|TIMED OUT)/gm) ?? []).length} failed`;
  },
};

const languages: Language[] = [python, go, java, schemathesis];

/** The children's environment: the sessions' URLs, no proxies, no real vendor credentials. */
function suiteEnv(off: MockSession, verify: MockSession): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(https?_proxy|all_proxy)$/i.test(key) || /^(VOLC_|TENCENTCLOUD_)/.test(key)) delete env[key];
  }
  env.NO_PROXY = env.no_proxy = "127.0.0.1,localhost";
  env.RTC_MOCK_URL = off.baseUrl;
  env.RTC_MOCK_VERIFY_URL = verify.baseUrl;
  return env;
}

async function runLanguage(language: Language, server: RunningServer): Promise<{ ok: boolean; line: string }> {
  const started = Date.now();
  const off = await openSession({ serverUrl: server.url, spec: { ...language.offSession, auth: { mode: "off" } } });
  const verify = await openSession({ serverUrl: server.url, spec: { auth: { mode: "verify" } } });
  try {
    const env = suiteEnv(off, verify);
    console.log(
      `\n=== ${language.name}: sessions ${off.id} at ${off.baseUrl} (auth off) and ${verify.id} at ${verify.baseUrl} (auth verify)`,
    );
    try {
      await language.prepare(env);
    } catch (error) {
      const line = `${language.name}: FAILED installing dependencies: ${(error as Error).message}`;
      console.log(line);
      return { ok: false, line };
    }
    const result = await language.run(env);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const ok = result.code === 0 && !result.timedOut;
    const why = result.timedOut ? `timed out after ${SUITE_TIMEOUT_MS / 1000} s` : `exit ${result.code}`;
    const line = `${language.name}: ${ok ? "passed" : "FAILED"} (${language.counts(result.output)}; ${why}; ${seconds} s)`;
    console.log(line);
    return { ok, line };
  } finally {
    await Promise.all([off.close(), verify.close()]);
  }
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !languages.some((l) => l.name === name));
  if (unknown.length > 0) {
    console.error(`unknown language(s): ${unknown.join(", ")} (choose from ${languages.map((l) => l.name).join(", ")})`);
    return 2;
  }
  const selected = wanted.length > 0 ? languages.filter((l) => wanted.includes(l.name)) : languages;
  const required = process.env.RTC_MOCK_CLIENTS_REQUIRED === "1";
  const summary: string[] = [];
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let server: RunningServer | undefined;
  for (const language of selected) {
    const missing = language.tools.filter((tool) => !onPath(tool));
    if (missing.length > 0) {
      const line = `${language.name}: ${required ? "FAILED" : "skipped"}: ${missing.join(", ")} not on PATH${required ? " (RTC_MOCK_CLIENTS_REQUIRED=1)" : ""}`;
      summary.push(line); // one line, in the summary
      if (required) failed++;
      else skipped++;
      continue;
    }
    server ??= await startServer({ port: 0, host: "127.0.0.1" });
    const outcome = await runLanguage(language, server);
    summary.push(outcome.line);
    if (outcome.ok) passed++;
    else failed++;
  }
  await server?.close();
  console.log(`\n=== summary (languages as units)\n${summary.join("\n")}`);
  console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();

import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints } from "../../schemas/registry.js";
import { routingOf } from "../../server/banner.js";
import { control, exampleRequests, send } from "../support/harness.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = join(root, "bin/rtc-analytics-mock.js");
const cliSource = join(root, "server/cli.ts");
const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);

/** A spawned CLI with its output collected as it arrives. */
interface Cli {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function runCli(args: string[], env: Record<string, string> = {}): Cli {
  const child = spawn(process.execPath, ["--import", "tsx", cliSource, ...args], {
    cwd: root,
    // The source, not a possibly stale dist; no inherited RTC_MOCK_* settings.
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function waitFor(cli: Cli, pattern: RegExp, timeoutMs = 45_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = cli.stdout().match(pattern);
    if (match) return match;
    if (cli.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`no ${pattern} in the CLI output (exit ${cli.child.exitCode}):\n${cli.stdout()}\n${cli.stderr()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("rtc-analytics-mock serve, end to end", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "rtc-mock-cli-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("starts on a free port with flags over env over the config file, prints the banner, serves, and stops cleanly on SIGTERM", async () => {
    const configFile = join(dir, "config.json");
    await writeFile(
      configFile,
      JSON.stringify({
        seed: 5,
        journalSize: 10,
        rateLimits: true,
        clock: { start: "2025-06-15T12:00:00Z", frozen: true },
        log: { format: "json" },
      }),
    );
    const cli = runCli(["serve", "--port", "0", "--seed", "7"], {
      RTC_MOCK_CONFIG: configFile,
      RTC_MOCK_SEED: "6",
      RTC_MOCK_RATE_LIMITS: "false",
    });
    try {
      await waitFor(cli, /Press Ctrl\+C to stop\./);
      const url = (await waitFor(cli, /Listening on (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
      const banner = cli.stdout();
      for (const endpoint of endpoints) {
        expect(banner).toMatch(
          new RegExp(
            `${endpoint.vendor}\\s+${endpoint.action}\\s+${endpoint.version ?? "-"}\\s+${endpoint.method}\\s+${routingOf(endpoint).replace(/[?.*+[\]()]/g, "\\$&")}`,
          ),
        );
      }
      expect(banner).toContain(`Control API  ${url}/__mock/`);
      expect(banner).toContain(`API docs     ${url}/__mock/docs/`);
      expect(banner).toContain(`Panel        ${url}/__mock/ui/`);
      expect(banner).toMatch(/Seed\s+7\n/);
      expect(banner).toMatch(/Clock\s+2025-06-15T12:00:00\.000Z \(frozen\)/);
      expect(banner).toMatch(/Rate limits\s+off/);
      expect(banner).toMatch(/Auth\s+off/);
      expect(banner).toContain(`Config file  ${configFile}`);

      const health = (await control(url, "GET", "/health")).json as Record<string, unknown>;
      expect(health).toMatchObject({ status: "ok", seed: 7, rateLimits: false, clock: { now: NOW, frozen: true } });
      expect(((await control(url, "GET", "/journal")).json as { capacity: number }).capacity).toBe(10);

      const zego = exampleRequests(NOW)["zego.GetRealtimeUsage"]!;
      const reply = await send(url, { ...zego, path: `${zego.path}&Signature=cli-secret-signature&SignatureNonce=cli-secret-nonce` });
      expect(reply.status).toBe(200);
      expect((reply.json as { Code: number }).Code).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 200));

      cli.child.kill("SIGTERM");
      const exit = await cli.exit;
      expect(exit).toEqual({ code: 0, signal: null });
      const logs = cli
        .stdout()
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(logs.some((line) => line.status === 200 && String(line.url).startsWith("/?Action=GetRealtimeUsage"))).toBe(true);
      expect(logs.some((line) => line.msg === "shutting down" && line.signal === "SIGTERM")).toBe(true);
      expect(logs.at(-1)?.msg).toBe("stopped");
      expect(cli.stdout()).not.toContain("cli-secret-signature");
      expect(cli.stdout()).not.toContain("cli-secret-nonce");
    } finally {
      cli.child.kill("SIGKILL");
    }
  }, 90_000);

  it("stops cleanly on SIGINT too", async () => {
    const cli = runCli(["--port", "0", "--no-banner", "--log-format", "json"]);
    try {
      await waitFor(cli, /rtc-analytics-mock ready/);
      expect(cli.stdout()).not.toContain("Press Ctrl+C");
      cli.child.kill("SIGINT");
      expect(await cli.exit).toEqual({ code: 0, signal: null });
    } finally {
      cli.child.kill("SIGKILL");
    }
  }, 90_000);

  it("exits 1 with a clear message when the port is taken", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const cli = runCli(["serve", "--port", String(port)]);
      expect((await cli.exit).code).toBe(1);
      expect(cli.stderr()).toContain(`port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  }, 90_000);
});

describe("rtc-analytics-mock commands", () => {
  it("prints the version, the help and the serve help", async () => {
    const version = runCli(["--version"]);
    expect((await version.exit).code).toBe(0);
    expect(version.stdout().trim()).toMatch(/^\d+\.\d+\.\d+/);

    const help = runCli(["--help"]);
    expect((await help.exit).code).toBe(0);
    expect(help.stdout()).toMatch(/serve\s+Run the fake server/);
    expect(help.stdout()).toMatch(/contract\s+/);
    expect(help.stdout()).toMatch(/proxy\s+/);

    const serveHelp = runCli(["serve", "--help"]);
    expect((await serveHelp.exit).code).toBe(0);
    for (const name of [
      "RTC_MOCK_PORT",
      "RTC_MOCK_SEED",
      "RTC_MOCK_CLOCK_START",
      "RTC_MOCK_AUTH",
      "RTC_MOCK_ZEGO_SERVER_SECRET",
      "RTC_MOCK_FAULTS",
      "RTC_MOCK_CONFIG",
    ]) {
      expect(serveHelp.stdout()).toContain(name);
    }
  }, 90_000);

  it("exits 2 with a message for configuration errors and unknown commands", async () => {
    const badFlag = runCli(["serve", "--port", "http"]);
    expect((await badFlag.exit).code).toBe(2);
    expect(badFlag.stderr()).toContain("--port: expected an integer from 0 to 65535");
    expect(badFlag.stderr()).not.toMatch(/\n\s+at /);

    const unknown = runCli(["frobnicate"]);
    expect((await unknown.exit).code).toBe(2);
    expect(unknown.stderr()).toContain('unknown command "frobnicate"');
  }, 90_000);

  it("hands contract and proxy to contracts/cli, or says clearly that it is not there", async () => {
    const contract = runCli(["contract", "--help"]);
    const { code } = await contract.exit;
    if (existsSync(join(root, "contracts/cli.ts"))) {
      expect(contract.stderr()).not.toContain("not available in this build");
      expect(code).toBe(0);
      expect(contract.stdout()).toContain("rtc-analytics-mock contract");
    } else {
      expect(code).toBe(1);
      expect(contract.stderr()).toContain("rtc-analytics-mock contract: not available in this build (contracts/cli.js was not found)");
    }
  }, 90_000);
});

describe("bin/rtc-analytics-mock.js", () => {
  /** The launcher alone in a package folder of its own, with `dist/server/cli.js` when given. */
  async function launcher(cli?: string): Promise<{ dir: string; bin: string }> {
    const dir = await mkdtemp(join(tmpdir(), "rtc-mock-bin-"));
    await mkdir(join(dir, "bin"));
    await copyFile(bin, join(dir, "bin/rtc-analytics-mock.js"));
    if (cli !== undefined) {
      await mkdir(join(dir, "dist/server"), { recursive: true });
      await writeFile(join(dir, "dist/server/cli.js"), cli);
    }
    return { dir, bin: join(dir, "bin/rtc-analytics-mock.js") };
  }

  it("runs dist/server/cli.js's main with the arguments and exits with its code", async () => {
    const { dir, bin: copy } = await launcher(
      "export async function main(argv) { process.stdout.write(JSON.stringify(argv)); return 3; }\n",
    );
    try {
      const result = await promisify(execFile)(process.execPath, [copy, "serve", "--port", "0"]).catch((error: unknown) => error);
      expect(result).toMatchObject({ code: 3, stdout: '["serve","--port","0"]' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("says in one line to run npm run build when dist/ is missing, and exits 1", async () => {
    const { dir, bin: copy } = await launcher();
    try {
      const result = await promisify(execFile)(process.execPath, [copy, "serve"]).catch((error: unknown) => error);
      expect(result).toMatchObject({ code: 1, stdout: "" });
      const stderr = (result as { stderr: string }).stderr;
      expect(stderr).toContain("run npm run build");
      expect(stderr.trim().split("\n")).toHaveLength(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

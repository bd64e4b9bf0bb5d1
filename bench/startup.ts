import { spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { sendOnce } from "./http-once.js";
import { builtCliEntry, newestSourceMtimeMs } from "./build-cli.js";
import type { HttpRequestSpec } from "./typical-requests.js";

const root = fileURLToPath(new URL("..", import.meta.url));

/** How the CLI is started: as built JavaScript, or from the TypeScript source through tsx. */
export type CliVariant = { kind: "built"; entry: string; label: string } | { kind: "tsx"; label: string };

/**
 * The CLI as users run it after `npm run build`: the bin launcher, which starts the bundled CLI
 * (dist/bundle/cli.cjs with its V8 code cache), when that bundle is newer than every source file;
 * else the current sources built the same way (tsc and the bundle) into a temporary package
 * folder, started through that folder's copy of the launcher.
 */
export async function builtCli(): Promise<CliVariant> {
  const bundle = `${root}dist/bundle/cli.cjs`;
  const label = "rtc-analytics-mock serve (bin launcher → dist/bundle/cli.cjs + V8 code cache)";
  if (existsSync(bundle) && statSync(bundle).mtimeMs > newestSourceMtimeMs())
    return { kind: "built", entry: `${root}bin/rtc-analytics-mock.js`, label };
  const { entry, how } = await builtCliEntry();
  return { kind: "built", entry, label: `${label} (dist/ stale or absent: built by ${how})` };
}

/** The CLI from source, as `npm start` runs it. */
export const tsxCli: CliVariant = { kind: "tsx", label: "node --import tsx server/cli.ts serve" };

function cliCommand(variant: CliVariant, port: number): { command: string; args: string[] } {
  if (variant.kind === "built") return { command: process.execPath, args: [variant.entry, "serve", "--port", String(port)] };
  return { command: process.execPath, args: ["--import", "tsx", `${root}server/cli.ts`, "serve", "--port", String(port)] };
}

/** A port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Start-up samples in milliseconds, from spawn until the first 200. */
export interface StartupResult {
  command: string;
  samplesMs: number[];
  medianMs: number;
  minMs: number;
}

/**
 * Spawns the CLI and polls with `request(now)` every 2 ms until the first 200; returns the time from
 * spawn to that answer. A non-200 answer is a failure (the request is meant to succeed at once).
 */
export async function measureStartupOnce(
  variant: CliVariant,
  request: (nowMs: number) => HttpRequestSpec,
  timeoutMs = 30_000,
): Promise<number> {
  const port = await freePort();
  const { command, args } = cliCommand(variant, port);
  const started = performance.now();
  // The launcher must not be told to run the sources.
  const child = spawn(command, args, { cwd: root, env: { ...process.env, RTC_MOCK_FROM_SOURCE: "" }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    for (;;) {
      if (performance.now() - started > timeoutMs) throw new Error(`no answer within ${timeoutMs} ms; stderr: ${stderr}`);
      if (child.exitCode !== null) throw new Error(`CLI exited with ${child.exitCode}: ${stderr}`);
      try {
        const answer = await sendOnce(port, request(Date.now()), 2_000);
        if (answer.status === 200) return performance.now() - started;
        throw new Error(`first answer was ${answer.status}: ${answer.body.slice(0, 300)}`);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== "ECONNREFUSED" && code !== "ECONNRESET") throw error;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    }
  } finally {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  }
}

/** One warm-up spawn (fills the tsx and OS file caches), then `runs` measured spawns. */
export async function measureStartup(variant: CliVariant, request: (nowMs: number) => HttpRequestSpec, runs = 5): Promise<StartupResult> {
  await measureStartupOnce(variant, request);
  const samplesMs: number[] = [];
  for (let i = 0; i < runs; i++) samplesMs.push(Math.round(await measureStartupOnce(variant, request)));
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return { command: variant.label, samplesMs, medianMs: sorted[Math.floor(sorted.length / 2)]!, minMs: sorted[0]! };
}

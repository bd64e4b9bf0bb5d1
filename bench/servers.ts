import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** The bench's frozen mock time: 2025-06-15T12:00:00Z (20:00 at +08:00, the evening peak). */
export const BENCH_CLOCK_MS = Date.UTC(2025, 5, 15, 12, 0, 0);

/** A server process on 127.0.0.1, started by its command line. */
export interface ServerProcess {
  pid: number;
  port: number;
  url: string;
  /** Resident set size of the process now, MB (/proc/<pid>/status). */
  rssMb(): number;
  close(): Promise<void>;
}

/** The folders `npm run build` compiles (tsconfig.build.json). */
const SOURCE_DIRS = ["schemas", "mocks", "server", "contracts"];

function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    newest = Math.max(newest, stat.isDirectory() ? newestMtimeMs(path) : name.endsWith(".ts") ? stat.mtimeMs : 0);
  }
  return newest;
}

/** Runs `npm run build` when dist/ is missing or older than a source file: the bench measures the built CLI. */
export function ensureBuilt(log: (line: string) => void): void {
  const cli = join(root, "dist/server/cli.js");
  const newest = Math.max(...SOURCE_DIRS.map((dir) => newestMtimeMs(join(root, dir))));
  if (existsSync(cli) && statSync(cli).mtimeMs >= newest) return;
  log("dist/ is missing or older than the sources: npm run build …");
  execFileSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" });
}

/** The environment without RTC_MOCK_* settings of the caller's shell. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("RTC_MOCK_")));
}

/** `node <args>`: the mock's CLI or the bare server; both print "Listening on http://127.0.0.1:<port>". */
export function mockArgs(auth: "off" | "verify"): string[] {
  return [
    join(root, "bin/rtc-analytics-mock.js"),
    "serve",
    "--host",
    "127.0.0.1",
    "--port",
    "0",
    "--clock-start",
    new Date(BENCH_CLOCK_MS).toISOString(),
    "--clock-frozen",
    "--no-rate-limits",
    "--auth",
    auth,
    "--log-level",
    "warn",
  ];
}

export function bareArgs(replyFile?: string, contentType?: string): string[] {
  return [join(root, "bench/bare-server.js"), ...(replyFile !== undefined ? [replyFile, ...(contentType ? [contentType] : [])] : [])];
}

/** Spawns `node <args>` and resolves once it printed the address it listens on. */
export function startServer(args: readonly string[], timeoutMs = 30_000): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, args, { cwd: root, env: cleanEnv(), stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void close();
      reject(new Error(`${args.join(" ")}: not listening after ${timeoutMs} ms\n${out}${err}`));
    }, timeoutMs);
    child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on("data", (chunk: Buffer) => {
      if (out.length > 100_000) return;
      out += chunk.toString();
      const match = /Listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (match === null) return;
      out = "x".repeat(100_001); // matched: ignore the rest of the output
      clearTimeout(timer);
      const port = Number(match[1]);
      const pid = child.pid!;
      resolve({ pid, port, url: `http://127.0.0.1:${port}`, rssMb: () => rssMb(pid), close });
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(" ")} exited with ${code}\n${err}`));
    });
  });
}

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb) / 1024;
}

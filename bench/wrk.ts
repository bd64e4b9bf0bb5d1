import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchRequest } from "./example-requests.js";

/** What one wrk run measured. */
export interface WrkResult {
  reqPerSec: number;
  requests: number;
  /** Latency percentiles in microseconds (wrk's histogram). */
  p50Us: number;
  p99Us: number;
  maxUs: number;
  /** Replies with a status ≥ 400, and socket errors (connect, read, write, timeout). */
  non2xx: number;
  socketErrors: number;
}

export interface WrkSettings {
  connections: number;
  threads: number;
  durationS: number;
}

/** A Lua string literal of `text`'s UTF-8 bytes: printable ASCII as is, everything else as `\ddd`. */
function luaString(text: string): string {
  let out = '"';
  for (const byte of Buffer.from(text, "utf8")) {
    out += byte >= 0x20 && byte < 0x7f && byte !== 0x22 && byte !== 0x5c ? String.fromCharCode(byte) : `\\${String(byte).padStart(3, "0")}`;
  }
  return `${out}"`;
}

/**
 * wrk's script: each thread sends `requests` in turn on its connections; `done` prints the
 * summary and latency percentiles as one JSON line (wrk does not decode reply bodies).
 */
function luaScript(requests: readonly Omit<BenchRequest, "endpointId">[]): string {
  const formats = requests.map((r) => {
    const headers = Object.entries(r.headers)
      .map(([name, value]) => `[${luaString(name)}] = ${luaString(value)}`)
      .join(", ");
    return `    wrk.format(${luaString(r.method)}, ${luaString(r.path)}, { ${headers} }, ${r.body === undefined ? "nil" : luaString(r.body)}),`;
  });
  return `local requests, i
function init(args)
  requests = {
${formats.join("\n")}
  }
  i = 0
end
function request()
  i = i % #requests + 1
  return requests[i]
end
function done(summary, latency, _)
  local e = summary.errors
  io.write(string.format('WRK_JSON {"requests":%d,"durationUs":%d,"status":%d,"socket":%d,"p50":%d,"p99":%d,"max":%d}\\n',
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
`;
}

/** Runs wrk against `url` for `settings.durationS` seconds (killed if it overruns by 15 s). */
export async function runWrk(
  url: string,
  requests: readonly Omit<BenchRequest, "endpointId">[],
  settings: WrkSettings,
): Promise<WrkResult> {
  const dir = mkdtempSync(join(tmpdir(), "rtc-bench-wrk-"));
  const script = join(dir, "requests.lua");
  writeFileSync(script, luaScript(requests));
  try {
    const args = ["-t", String(settings.threads), "-c", String(settings.connections), "-d", `${settings.durationS}s`, "-s", script, url];
    const stdout = await new Promise<string>((resolve, reject) => {
      const child = spawn("wrk", args, { stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      let err = "";
      child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
      const timer = setTimeout(() => child.kill("SIGKILL"), (settings.durationS + 15) * 1000);
      child.on("error", (error) => reject(new Error(`cannot run wrk (apt-get install wrk): ${error.message}`)));
      child.on("close", (code) => {
        clearTimeout(timer);
        if (code === 0) resolve(out);
        else reject(new Error(`wrk exited with ${code}: ${err}${out}`));
      });
    });
    const line = stdout.split("\n").find((l) => l.startsWith("WRK_JSON "));
    if (line === undefined) throw new Error(`no summary from wrk:\n${stdout}`);
    const s = JSON.parse(line.slice("WRK_JSON ".length)) as Record<string, number>;
    return {
      reqPerSec: Math.round(s.requests! / (s.durationUs! / 1e6)),
      requests: s.requests!,
      p50Us: s.p50!,
      p99Us: s.p99!,
      maxUs: s.max!,
      non2xx: s.status!,
      socketErrors: s.socket!,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

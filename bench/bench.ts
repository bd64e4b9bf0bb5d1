/**
 * `npm run bench`: each endpoint's example request against the mock (the built CLI, a child
 * process) and against a bare fastify route answering the same request with the same reply bytes
 * (bench/bare-server.js), auth off and auth verify, load from wrk; then start-up of both. Writes
 * the generated section of docs/BENCHMARKS.md.
 *
 *   npm run bench                 5 endpoints × {off, verify} × {mock, same bytes}, start-up (~3 min)
 *   npm run bench -- --rss        RSS of the mock after 30 s of mixed load over the five endpoints
 *   npm run bench -- --quick      short rows, 3 start-ups, does not write the docs
 *   options: --duration <s> (per row) --startups <n> --no-write
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { endpointById, endpoints } from "../schemas/registry.js";
import { writeGeneratedSection } from "./docs-section.js";
import { exampleRequests, type BenchRequest } from "./example-requests.js";
import { sendOnce } from "./http-once.js";
import { loadAverage, machineInfo, type MachineInfo } from "./machine.js";
import { bareArgs, BENCH_CLOCK_MS, ensureBuilt, mockArgs, startServer } from "./servers.js";
import { signRequests } from "./sign-requests.js";
import { runWrk, type WrkResult, type WrkSettings } from "./wrk.js";

type Auth = "off" | "verify";

interface Row {
  endpointId: string;
  bytes: number;
  runs: Record<Auth, { mock: WrkResult; bare: WrkResult }>;
}

const docsPath = fileURLToPath(new URL("../docs/BENCHMARKS.md", import.meta.url));
const log = (line: string) => process.stderr.write(`${line}\n`);
const problems: string[] = [];

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

/** The example requests at the bench's mock time, one per registry endpoint; throws if one is missing. */
function benchRequests(): BenchRequest[] {
  const requests = exampleRequests(BENCH_CLOCK_MS);
  const ids = requests.map((r) => r.endpointId);
  const missing = endpoints.map((e) => e.id).filter((id) => !ids.includes(id));
  const unknown = ids.filter((id) => endpointById(id) === undefined);
  if (missing.length > 0 || unknown.length > 0 || new Set(ids).size !== ids.length)
    throw new Error(
      `bench/example-requests.ts must give one request per registry endpoint: missing ${missing.join(", ") || "none"}; unknown ${unknown.join(", ") || "none"}`,
    );
  return requests;
}

/** Sends `spec` once; it must succeed and parse with the registry's response schema. */
async function fetchReply(port: number, spec: BenchRequest): Promise<{ bytes: Buffer; contentType: string }> {
  const answer = await sendOnce(port, spec);
  if (answer.status !== 200) throw new Error(`${spec.endpointId}: HTTP ${answer.status}: ${answer.body.slice(0, 500)}`);
  const parsed = endpointById(spec.endpointId)!.response.safeParse(JSON.parse(answer.body));
  if (!parsed.success)
    throw new Error(`${spec.endpointId}: reply does not match the registry schema: ${parsed.error.message.slice(0, 500)}`);
  return { bytes: answer.bytes, contentType: String(answer.headers["content-type"]) };
}

/** One unmeasured second, then the measured run. */
async function measure(url: string, requests: BenchRequest[], settings: WrkSettings, what: string): Promise<WrkResult> {
  await runWrk(url, requests, { ...settings, durationS: 1 });
  const result = await runWrk(url, requests, settings);
  if (result.non2xx > 0 || result.socketErrors > 0)
    problems.push(`${what}: ${result.non2xx} non-2xx, ${result.socketErrors} socket errors`);
  return result;
}

async function loadRows(settings: WrkSettings): Promise<Row[]> {
  const rows = new Map<string, Row>();
  const replyDir = mkdtempSync(join(tmpdir(), "rtc-bench-replies-"));
  try {
    for (const auth of ["off", "verify"] as const) {
      const mock = await startServer(mockArgs(auth));
      try {
        const plain = benchRequests();
        const requests = auth === "verify" ? signRequests(plain, BENCH_CLOCK_MS, `127.0.0.1:${mock.port}`) : plain;
        for (const spec of requests) {
          const reply = await fetchReply(mock.port, spec);
          const file = join(replyDir, `${auth}-${spec.endpointId}.json`);
          writeFileSync(file, reply.bytes);
          const bare = await startServer(bareArgs(file, reply.contentType));
          try {
            const check = await sendOnce(bare.port, spec);
            if (!check.bytes.equals(reply.bytes)) throw new Error(`bare server: other bytes than the mock's for ${spec.endpointId}`);
            log(`auth ${auth}, ${spec.endpointId} (${reply.bytes.byteLength} bytes) …`);
            const mockRun = await measure(mock.url, [spec], settings, `mock, auth ${auth}, ${spec.endpointId}`);
            const bareRun = await measure(bare.url, [spec], settings, `same bytes, auth ${auth}, ${spec.endpointId}`);
            log(
              `  mock ${mockRun.reqPerSec} req/s, p99 ${ms(mockRun.p99Us)} ms; same bytes ${bareRun.reqPerSec} req/s, p99 ${ms(bareRun.p99Us)} ms`,
            );
            const row = rows.get(spec.endpointId) ?? {
              endpointId: spec.endpointId,
              bytes: reply.bytes.byteLength,
              runs: {} as Row["runs"],
            };
            row.runs[auth] = { mock: mockRun, bare: bareRun };
            rows.set(spec.endpointId, row);
          } finally {
            await bare.close();
          }
        }
      } finally {
        await mock.close();
      }
    }
  } finally {
    rmSync(replyDir, { recursive: true, force: true });
  }
  return [...rows.values()];
}

interface Startup {
  mockMs: number[];
  bareMs: number[];
}

/** Spawn until the first answered request (200), mock and bare server in turn; one unmeasured round first. */
async function startups(runs: number): Promise<Startup> {
  const spec = benchRequests().find((r) => r.endpointId === "zego.GetRealtimeUsage")!;
  const once = async (args: string[]) => {
    const started = performance.now();
    const server = await startServer(args);
    try {
      const answer = await sendOnce(server.port, spec);
      if (answer.status !== 200) throw new Error(`start-up: first answer ${answer.status}: ${answer.body.slice(0, 300)}`);
      return Math.round(performance.now() - started);
    } finally {
      await server.close();
    }
  };
  const result: Startup = { mockMs: [], bareMs: [] };
  for (let i = 0; i <= runs; i++) {
    const mockMs = await once(mockArgs("off"));
    const bareMs = await once(bareArgs());
    if (i === 0) continue;
    result.mockMs.push(mockMs);
    result.bareMs.push(bareMs);
  }
  return result;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const int = (value: number) => Math.round(value).toLocaleString("en-US");
const ms = (us: number) => (us / 1000).toFixed(1);

function table(rows: Row[]): string {
  const header = [
    "endpoint",
    "reply bytes",
    "off: mock req/s",
    "p99 ms",
    "same bytes req/s",
    "p99 ms",
    "ratio",
    "verify: mock req/s",
    "p99 ms",
    "same bytes req/s",
    "p99 ms",
    "ratio",
  ];
  const lines = rows.map((row) => [
    row.endpointId,
    int(row.bytes),
    ...(["off", "verify"] as const).flatMap((auth) => {
      const { mock, bare } = row.runs[auth];
      return [int(mock.reqPerSec), ms(mock.p99Us), int(bare.reqPerSec), ms(bare.p99Us), (mock.reqPerSec / bare.reqPerSec).toFixed(2)];
    }),
  ]);
  return [
    `| ${header.join(" | ")} |`,
    `|---|${header
      .slice(1)
      .map(() => "--:")
      .join("|")}|`,
    ...lines.map((cells) => `| ${cells.join(" | ")} |`),
  ].join("\n");
}

function machineLine(machine: MachineInfo): string {
  return `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.platform}, Node ${machine.node}; 1-min load average ${machine.loadStart} at start, ${machine.loadEnd} at end; ${machine.date}.`;
}

async function defaultRun(settings: WrkSettings, startupRuns: number, write: boolean): Promise<void> {
  const machine = machineInfo();
  const wallStart = performance.now();
  const rows = await loadRows(settings);
  log(`start-up: ${startupRuns} × (mock, bare fastify) …`);
  const startup = await startups(startupRuns);
  machine.loadEnd = loadAverage();
  const mockMedian = median(startup.mockMs);
  const bareMedian = median(startup.bareMs);
  const section = [
    "### Latest run (`npm run bench`)",
    "",
    machineLine(machine),
    "",
    `Settings: wrk, ${settings.threads} threads, ${settings.connections} connections, 1 s warm-up then ${settings.durationS} s per cell; the mock is \`node bin/rtc-analytics-mock.js ${mockArgs("off").slice(1).join(" ")}\` (auth verify: \`--auth verify\`, requests pre-signed with the demo credentials); "same bytes" is a bare fastify route (bench/bare-server.js) answering the same request with the mock's reply bytes and content type; ratio = mock / same bytes. Whole run: ${Math.round((performance.now() - wallStart) / 1000)} s.`,
    "",
    table(rows),
    "",
    `Start-up, spawn until the first answered request (ZEGO's example), median of ${startupRuns}: mock ${mockMedian} ms (${startup.mockMs.join(", ")}), bare fastify ${bareMedian} ms (${startup.bareMs.join(", ")}); ratio ${(mockMedian / bareMedian).toFixed(2)}.`,
  ].join("\n");
  process.stdout.write(`\n${section}\n`);
  if (write) {
    writeGeneratedSection(docsPath, "bench", section, "# Benchmarks\n");
    log(`wrote ${docsPath}`);
  }
}

async function rssRun(settings: WrkSettings, write: boolean): Promise<void> {
  const machine = machineInfo();
  const lines: string[] = [];
  for (const auth of ["off", "verify"] as const) {
    const mock = await startServer(mockArgs(auth));
    try {
      const plain = benchRequests();
      const requests = auth === "verify" ? signRequests(plain, BENCH_CLOCK_MS, `127.0.0.1:${mock.port}`) : plain;
      for (const spec of requests) await fetchReply(mock.port, spec);
      const before = mock.rssMb();
      log(`rss, auth ${auth}: ${settings.durationS} s of mixed load …`);
      const load = await runWrk(mock.url, requests, settings);
      if (load.non2xx > 0 || load.socketErrors > 0)
        problems.push(`rss, auth ${auth}: ${load.non2xx} non-2xx, ${load.socketErrors} socket errors`);
      const after = mock.rssMb();
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const idle = mock.rssMb();
      lines.push(
        `- auth ${auth}: ${settings.durationS} s of the five example requests in turn (${int(load.reqPerSec)} req/s, ${int(load.requests)} requests, p99 ${ms(load.p99Us)} ms): RSS ${before.toFixed(1)} MB before → **${after.toFixed(1)} MB** right after the load, ${idle.toFixed(1)} MB 3 s later.`,
      );
    } finally {
      await mock.close();
    }
  }
  machine.loadEnd = loadAverage();
  const section = [
    "### Latest memory run (`npm run bench -- --rss`)",
    "",
    machineLine(machine),
    "",
    `wrk, ${settings.threads} threads, ${settings.connections} connections; the mock as \`npm run bench\` starts it, no V8 flags.`,
    "",
    ...lines,
  ].join("\n");
  process.stdout.write(`\n${section}\n`);
  if (write) {
    writeGeneratedSection(docsPath, "bench-rss", section, "# Benchmarks\n");
    log(`wrote ${docsPath}`);
  }
}

async function main() {
  const quick = process.argv.includes("--quick");
  const rss = process.argv.includes("--rss");
  const write = !quick && !process.argv.includes("--no-write");
  const settings: WrkSettings = { threads: 2, connections: 10, durationS: option("duration", rss ? 30 : quick ? 2 : 5) };
  benchRequests();
  ensureBuilt(log);
  if (rss) await rssRun(settings, write);
  else await defaultRun(settings, option("startups", quick ? 3 : 7), write);
  if (problems.length > 0) {
    log(`\nFAILED:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

/**
 * `npm run bench`: throughput, latency, start-up and memory of the fake server on 127.0.0.1, side by
 * side with a bare fastify route (the ceiling). Servers run in child processes (their RSS is their
 * own); autocannon runs here. Writes the generated section of docs/BENCHMARKS.md.
 *
 *   npm run bench                 default run (~3 min): ceiling, 5 endpoints × {auth off, verify}, start-up
 *   npm run bench -- --rss        30 s mixed load per auth mode, then the server's RSS
 *   npm run bench -- --quick      short runs for development (does not write the docs)
 *   options: --duration <s> --warmup <s> --connections <n> --no-write
 */
import { fileURLToPath } from "node:url";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BENCH_ROOM_ID } from "./bench-room.js";
import { checkTypicalRequests } from "./check-typical.js";
import { writeGeneratedSection } from "./docs-section.js";
import { runLoad, type LoadResult, type LoadSettings } from "./load.js";
import { loadAverage, machineInfo, type MachineInfo } from "./machine.js";
import { startServerChild, type ServerChild } from "./server-child.js";
import { signRequests } from "./sign-requests.js";
import { builtCli, measureStartup, tsxCli, type StartupResult } from "./startup.js";
import { targets } from "./targets.js";
import { typicalRequests, type BenchTenants, type HttpRequestSpec } from "./typical-requests.js";
import { BENCH_CLOCK_MS, BENCH_TENANTS } from "./bench-world.js";
import { renderBenchSection, renderRssSection, renderTable } from "./bench-report.js";

/** Results of one endpoint under one server configuration. */
export interface EndpointRun {
  endpointId: string;
  label: string;
  bodyBytes: number;
  load: LoadResult;
  ratio: number;
}

/** Results of one server configuration. */
export interface ConfigRun {
  auth: "off" | "verify";
  endpoints: EndpointRun[];
  /** RSS of the server process right after its load runs, MB. */
  rssAfterMb: number;
  /** Heap used after a forced GC at the end, MB. */
  heapAfterGcMb: number;
}

/** Everything the default run measures. */
export interface BenchResults {
  machine: MachineInfo;
  settings: LoadSettings;
  ceiling: { before: LoadResult; after: LoadResult; reqPerSec: number };
  /** The bare route taking the same method and body and sending a fixed text of the reply's size. */
  sameReply: { endpointId: string; bytes: number; load: LoadResult }[];
  configs: ConfigRun[];
  startup: StartupResult;
  /** Start-up from source through tsx, for reference. */
  startupTsx?: StartupResult;
  wallS: number;
}

/** Results of `--rss`. */
export interface RssResults {
  machine: MachineInfo;
  runs: {
    auth: "off" | "verify";
    /** Node/V8 flags of the server process, if any. */
    /** Served with V8's --optimize-for-size (the CLI default) or without it (`--no-optimize-for-size`). */
    optimizeForSize: boolean;
    durationS: number;
    load: LoadResult;
    rssBeforeMb: number;
    /** Right after the load stops, before any GC. */
    rssAfterMb: number;
    /** After a forced GC and 3 s idle (V8 returns freed pages lazily). */
    rssSettledMb: number;
    heapAfterGcMb: number;
  }[];
}

const docsPath = fileURLToPath(new URL("../docs/BENCHMARKS.md", import.meta.url));
const MB = 1024 * 1024;

function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

function numberOption(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

async function mockServer(auth: "off" | "verify", optimizeForSize = true): Promise<ServerChild> {
  return startServerChild({ kind: "mock", auth, rateLimits: false, clockMs: BENCH_CLOCK_MS, addBenchRoom: true, optimizeForSize });
}

function requestsFor(auth: "off" | "verify", server: ServerChild, tenants: BenchTenants): HttpRequestSpec[] {
  const plain = typicalRequests(BENCH_CLOCK_MS, tenants);
  return auth === "verify" ? signRequests(plain, BENCH_CLOCK_MS, `127.0.0.1:${server.port}`) : plain;
}

async function runConfig(auth: "off" | "verify", settings: LoadSettings, ceiling: () => number, replyDir: string): Promise<ConfigRun> {
  const server = await mockServer(auth);
  try {
    const tenants = { ...BENCH_TENANTS, roomId: server.roomId ?? BENCH_ROOM_ID };
    const requests = requestsFor(auth, server, tenants);
    const replies = await checkTypicalRequests(server.port, requests);
    // Saved for the reference rows: the bare route sends these exact bytes.
    for (const [endpointId, body] of replies) writeFileSync(join(replyDir, `${endpointId}.json`), body);
    const endpoints: EndpointRun[] = [];
    for (const spec of requests) {
      log(`  auth ${auth}: ${spec.endpointId} …`);
      const load = await runLoad(server.port, [spec], settings);
      endpoints.push({
        endpointId: spec.endpointId,
        label: spec.label,
        bodyBytes: Buffer.byteLength(replies.get(spec.endpointId) ?? ""),
        load,
        ratio: 0,
      });
      log(`    ${load.reqPerSec} req/s, p50 ${load.p50} ms, p99 ${load.p99} ms, non-2xx ${load.non2xx}, errors ${load.errors}`);
    }
    const rssAfterMb = (await server.memory(false)).rss / MB;
    const heapAfterGcMb = (await server.memory(true)).heapUsed / MB;
    for (const run of endpoints) run.ratio = run.load.reqPerSec / ceiling();
    return { auth, endpoints, rssAfterMb, heapAfterGcMb };
  } finally {
    await server.close();
  }
}

async function defaultRun(settings: LoadSettings, write: boolean): Promise<boolean> {
  const wallStart = performance.now();
  const machine = machineInfo();
  log(`machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load ${machine.loadStart}`);

  log("start-up: spawn the CLI until the first 200 …");
  const startupRequest = (nowMs: number) =>
    typicalRequests(Math.floor(nowMs / 1000) * 1000, { ...BENCH_TENANTS, roomId: BENCH_ROOM_ID })[3]!;
  const startup = await measureStartup(await builtCli(), startupRequest);
  log(`  built: median ${startup.medianMs} ms (${startup.samplesMs.join(", ")})`);
  const startupTsx = flag("quick") ? undefined : await measureStartup(tsxCli, startupRequest, 3);
  if (startupTsx) log(`  tsx: median ${startupTsx.medianMs} ms (${startupTsx.samplesMs.join(", ")})`);

  const replyDir = mkdtempSync(join(tmpdir(), "rtc-bench-replies-"));
  const bare = await startServerChild({ kind: "bare", replyDir });
  const ceilingRequest: HttpRequestSpec = { endpointId: "ceiling", label: "bare fastify route", method: "GET", path: "/", headers: {} };
  let ceiling: BenchResults["ceiling"];
  const configs: ConfigRun[] = [];
  const sameReply: BenchResults["sameReply"] = [];
  try {
    log("ceiling (before) …");
    const before = await runLoad(bare.port, [ceilingRequest], settings);
    log(`  ${before.reqPerSec} req/s`);
    let ceilingRate = before.reqPerSec;
    for (const auth of ["off", "verify"] as const) configs.push(await runConfig(auth, settings, () => ceilingRate, replyDir));
    log("ceiling (after) …");
    const after = await runLoad(bare.port, [ceilingRequest], settings);
    log(`  ${after.reqPerSec} req/s`);
    ceilingRate = Math.round((before.reqPerSec + after.reqPerSec) / 2);
    for (const config of configs) for (const run of config.endpoints) run.ratio = run.load.reqPerSec / ceilingRate;
    ceiling = { before, after, reqPerSec: ceilingRate };
    // Reference rows: the bare route answering the same method and request body with the endpoint's
    // own reply bytes, fixed (what fastify, the socket and the load generator cost without our code;
    // shorter runs). Same bytes matter: autocannon decodes each body to a string, and a reply with
    // Chinese names costs it far more than ASCII of the same length.
    const short = { ...settings, warmupS: 1, durationS: Math.max(1, Math.round(settings.durationS / 2)) };
    const plain = typicalRequests(BENCH_CLOCK_MS, { ...BENCH_TENANTS, roomId: BENCH_ROOM_ID });
    for (const run of configs[0]?.endpoints ?? []) {
      const spec = plain.find((r) => r.endpointId === run.endpointId)!;
      log(`reference: ${spec.method} with its body, the same ${run.bodyBytes} reply bytes back …`);
      const load = await runLoad(
        bare.port,
        [
          {
            method: spec.method,
            path: `/reply/${run.endpointId}`,
            headers: { ...spec.headers },
            ...(spec.body !== undefined ? { body: spec.body } : {}),
          },
        ],
        short,
      );
      sameReply.push({ endpointId: run.endpointId, bytes: run.bodyBytes, load });
      log(`  ${load.reqPerSec} req/s`);
    }
  } finally {
    await bare.close();
    rmSync(replyDir, { recursive: true, force: true });
  }
  machine.loadEnd = loadAverage();
  const results: BenchResults = {
    machine,
    settings,
    ceiling,
    sameReply,
    configs,
    startup,
    ...(startupTsx ? { startupTsx } : {}),
    wallS: Math.round((performance.now() - wallStart) / 1000),
  };
  const table = renderTable(results);
  process.stdout.write(`\n${table.text}\n`);
  if (write) {
    writeGeneratedSection(docsPath, "bench", renderBenchSection(results), "# Benchmarks\n");
    log(`wrote ${docsPath}`);
  }
  return table.allMet;
}

async function rssRun(settings: LoadSettings, write: boolean): Promise<boolean> {
  const machine = machineInfo();
  const runs: RssResults["runs"] = [];
  // The third run is the reference without the CLI's default --optimize-for-size (`serve --no-optimize-for-size`).
  const variants: { auth: "off" | "verify"; optimizeForSize: boolean }[] = [
    { auth: "off", optimizeForSize: true },
    { auth: "verify", optimizeForSize: true },
    { auth: "off", optimizeForSize: false },
  ];
  for (const { auth, optimizeForSize } of variants) {
    const server = await mockServer(auth, optimizeForSize);
    try {
      const tenants = { ...BENCH_TENANTS, roomId: server.roomId ?? BENCH_ROOM_ID };
      const requests = requestsFor(auth, server, tenants);
      await checkTypicalRequests(server.port, requests);
      const rssBeforeMb = (await server.memory(false)).rss / MB;
      log(`rss, auth ${auth}${optimizeForSize ? "" : " --no-optimize-for-size"}: ${settings.durationS} s of mixed load …`);
      const load = await runLoad(server.port, requests, { ...settings, warmupS: 0 });
      const rssAfterMb = (await server.memory(false)).rss / MB;
      const heapAfterGcMb = (await server.memory(true)).heapUsed / MB;
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const rssSettledMb = (await server.memory(true)).rss / MB;
      log(
        `  ${load.reqPerSec} req/s, RSS ${rssBeforeMb.toFixed(1)} → ${rssAfterMb.toFixed(1)} MB (settled ${rssSettledMb.toFixed(1)} MB), heap after GC ${heapAfterGcMb.toFixed(1)} MB`,
      );
      runs.push({ auth, optimizeForSize, durationS: settings.durationS, load, rssBeforeMb, rssAfterMb, rssSettledMb, heapAfterGcMb });
    } finally {
      await server.close();
    }
  }
  machine.loadEnd = loadAverage();
  const results: RssResults = { machine, runs };
  const section = renderRssSection(results);
  process.stdout.write(`\n${section.text}\n`);
  if (write) {
    writeGeneratedSection(docsPath, "bench-rss", section.markdown, "# Benchmarks\n");
    log(`wrote ${docsPath}`);
  }
  return runs.filter((run) => run.optimizeForSize).every((run) => run.rssAfterMb <= targets.rssMb);
}

async function main() {
  const quick = flag("quick");
  const write = !quick && !flag("no-write");
  const rss = flag("rss");
  const settings: LoadSettings = {
    connections: numberOption("connections", 10),
    warmupS: numberOption("warmup", quick ? 1 : 2),
    durationS: numberOption("duration", rss ? 30 : quick ? 3 : 10),
  };
  const met = rss ? await rssRun(settings, write) : await defaultRun(settings, write);
  // Missing a target is reported, not an error: the numbers depend on the machine and its load.
  log(met ? "all targets met" : "some targets missed (see the table)");
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

/**
 * `npm run soak`: 60 s of mixed load on 127.0.0.1 with the documented rate limits on. The server's
 * clock is frozen and advanced by this script between batches, so every request's window is known:
 * the counts of successes, throttles and capacity refusals must equal what the registry's limits
 * allow (computed independently by LimitModel), batch by batch and scope by scope. Memory must not
 * grow: heap after GC at the end vs after warm-up, journal within its capacity. Exits 1 on a mismatch.
 *
 *   npm run soak                       60 s, at most 500,000 requests
 *   npm run soak -- --duration 10      shorter run (development)
 *   options: --duration <s> --max-requests <n> --no-write (do not update docs/BENCHMARKS.md)
 */
import http from "node:http";
import { endpointById } from "../schemas/registry.js";
import { vendors } from "../mocks/vendors.js";
import type { EndpointDefinition, Vendor } from "../schemas/common/endpoint.js";
import { loadAverage, machineInfo } from "./machine.js";
import { ensureBuilt } from "./servers.js";
import { startSoakServer } from "./soak-server-child.js";
import { LimitModel, type Allowance } from "./soak-model.js";
import { rfc3339Plus8 } from "./time-format.js";
import { writeGeneratedSection } from "./docs-section.js";
import { fileURLToPath } from "node:url";

/**
 * Mock start: 2025-06-15T19:00:00Z. A full run uses up ZEGO's daily quota (480/day) within the first
 * UTC day, then crosses midnight (about 5 simulated hours in), where that quota starts again.
 */
const SOAK_START_MS = Date.UTC(2025, 5, 15, 19, 0, 0);
/** Most (vendor, action, tenant) scopes the server tracks; the churn stream fills it up. */
const MAX_TENANTS = 300;
const JOURNAL_SIZE = 200;
/**
 * Mock-clock steps between batches, in turn (ms): repeats at one instant (0), sub-second steps and
 * second edges for the per-second limits, jumps of 20–59 s for the per-minute one (about two minute
 * windows per cycle of ~2 simulated minutes).
 */
const STEPS = [0, 250, 1, 749, 999, 20_000, 0, 333, 59_000, 125, 40_000];
/** Heap may end at most this much above its post-warm-up level (after GC), in MB. */
const HEAP_GROWTH_LIMIT_MB = 8;
const WARMUP_S = 5;
const MB = 1024 * 1024;

type Outcome = Allowance | "invalid" | "unexpected";

const outcomes: readonly Outcome[] = ["allowed", "throttled", "throttled-day", "capacity", "invalid", "unexpected"];

interface SoakRequest {
  endpointId: string;
  /** Rate-limit scope as the engine keys it: vendor:action:tenant. */
  key: string;
  /** Requests built to be invalid are answered with a validation error and never charged. */
  invalid: boolean;
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

const report: string[] = [];
const log = (line: string) => {
  report.push(line);
  process.stdout.write(`${line}\n`);
};

function endpoint(id: string): EndpointDefinition {
  const found = endpointById(id);
  if (found === undefined) throw new Error(`${id} is not in the registry`);
  return found;
}

const volcengineTenants = ["soak-volc-1", "soak-volc-2"];
const zegoTenants = ["3000000001", "3000000002"];
const tencentSecretId = "AKIDsoak000000000000000000000000001";
/** Seeded room 10004: ended a day before the soak's start, 1,500 member records (mocks/tencent/seeded-rooms.ts). */
const TENCENT_ROOM_ID = 10004;

function volcengineRequest(action: string, version: string, appId: string, nowMs: number, invalid = false): SoakRequest {
  const body: Record<string, unknown> = { AppId: appId };
  if (action === "ListOperationData") {
    const end = Math.floor((nowMs - 9 * 3_600_000) / 3_600_000) * 3_600_000;
    Object.assign(body, {
      StartTime: rfc3339Plus8(end - 86_400_000),
      EndTime: rfc3339Plus8(end),
      Indicator: ["per_call_time"],
      AggregateGranularity: "1h",
    });
  } else {
    const start = nowMs - 10 * 60_000;
    const indicator = action === "ListRealTimeQuality" ? ["stall_rate"] : ["online_user_count", "online_room_count"];
    Object.assign(body, { StartTime: rfc3339Plus8(start), EndTime: rfc3339Plus8(nowMs) });
    // Invalid on purpose: no Indicator (a parameter error, answered before the quota is charged).
    if (!invalid) body.Indicator = indicator;
  }
  return {
    endpointId: `volcengine.${action}`,
    key: `volcengine:${action}:${appId}`,
    invalid,
    method: "POST",
    path: `/?Action=${action}&Version=${version}`,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  };
}

function zegoRequest(appId: string, nowMs: number): SoakRequest {
  return {
    endpointId: "zego.GetRealtimeUsage",
    key: `zego:GetRealtimeUsage:${appId}`,
    invalid: false,
    method: "GET",
    path: `/?Action=GetRealtimeUsage&AppId=${appId}&Metrics[]=online_user&Metrics[]=room_concurrent&StartTs=${nowMs - 10 * 60_000}&EndTs=${nowMs}`,
    headers: {},
  };
}

function tencentRequest(nowMs: number): SoakRequest {
  const date = new Date(nowMs).toISOString().slice(0, 10);
  return {
    endpointId: "tencent.DescribeRoomStatistics",
    key: `tencent:DescribeRoomStatistics:${tencentSecretId}`,
    invalid: false,
    method: "POST",
    path: "/",
    headers: {
      "content-type": "application/json",
      "x-tc-action": "DescribeRoomStatistics",
      "x-tc-version": "2022-08-17",
      // Auth is off: the signature is not checked, but the SecretId still scopes the quota.
      authorization: `TC3-HMAC-SHA256 Credential=${tencentSecretId}/${date}/lcic/tc3_request, SignedHeaders=content-type;host, Signature=${"0".repeat(64)}`,
    },
    body: JSON.stringify({ RoomId: TENCENT_ROOM_ID, Page: 1, Limit: 20 }),
  };
}

/** One batch, all sent at the same mock instant. */
function batch(tick: number, nowMs: number): SoakRequest[] {
  const out: SoakRequest[] = [];
  const actions: [string, string][] = [
    ["ListRealTimeOperationData", "2023-11-01"],
    ["ListOperationData", "2023-11-01"],
    ["ListRealTimeQuality", "2020-12-01"],
  ];
  for (const appId of volcengineTenants)
    for (const [action, version] of actions)
      out.push(volcengineRequest(action, version, appId, nowMs), volcengineRequest(action, version, appId, nowMs));
  out.push(volcengineRequest("ListRealTimeOperationData", "2023-11-01", volcengineTenants[0]!, nowMs, true));
  for (const appId of zegoTenants) out.push(zegoRequest(appId, nowMs), zegoRequest(appId, nowMs));
  for (let i = 0; i < 8; i++) out.push(tencentRequest(nowMs));
  // A new ZEGO AppId every batch: it stays tracked for its day, so it fills ZEGO's table, which then
  // answers capacity errors (Volcengine's and Tencent's per-second tenants are forgotten too soon).
  out.push(zegoRequest(String(900_000 + tick), nowMs));
  return out;
}

/** Sorts a reply into success, throttle, capacity refusal or validation error, by its vendor's codes. */
function classify(vendor: Vendor, endpointDef: EndpointDefinition, status: number, text: string): { outcome: Outcome; code?: string } {
  const protocol = vendors[vendor];
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { outcome: "unexpected", code: `non-JSON ${status}` };
  }
  let code: string | undefined;
  let message = "";
  if (vendor === "volcengine") {
    const error = (body.ResponseMetadata as { Error?: { Code: string; Message: string } } | undefined)?.Error;
    code = error?.Code;
    message = error?.Message ?? "";
  } else if (vendor === "zego") {
    code = body.Code === 0 ? undefined : String(body.Code);
    message = String(body.Message ?? "");
  } else {
    const error = (body.Response as { Error?: { Code: string; Message: string } } | undefined)?.Error;
    code = error?.Code;
    message = error?.Message ?? "";
  }
  if (code === undefined) return { outcome: status === 200 ? "allowed" : "unexpected", code: `success with ${status}` };
  const capacity = protocol.capacityExceeded();
  const throttle = protocol.throttled(endpointDef.limits.rate[0]!, 1_000);
  // ZEGO uses 30002 for both; the capacity message says so.
  if (code === capacity.code && (capacity.args === undefined || message.includes(capacity.args[0]!))) return { outcome: "capacity", code };
  // ZEGO names the window in the message ("per day"); the other vendors have one rule per endpoint.
  if (code === throttle.code) return { outcome: /per day/.test(message) ? "throttled-day" : "throttled", code };
  return { outcome: "invalid", code };
}

function send(agent: http.Agent, port: number, spec: SoakRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method: spec.method, path: spec.path, headers: spec.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    if (spec.body !== undefined) req.write(spec.body);
    req.end();
  });
}

interface Tally {
  sent: number;
  expected: Record<Outcome, number>;
  observed: Record<Outcome, number>;
}

const emptyCounts = (): Record<Outcome, number> => ({
  allowed: 0,
  throttled: 0,
  "throttled-day": 0,
  capacity: 0,
  invalid: 0,
  unexpected: 0,
});

async function main() {
  const durationS = option("duration", 60);
  const maxRequests = option("max-requests", 500_000);
  const machine = machineInfo();
  log(
    `soak: ${durationS} s (at most ${maxRequests} requests), rate limits on, maxTenants ${MAX_TENANTS}; ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load ${machine.loadStart}`,
  );
  ensureBuilt((line) => process.stderr.write(`${line}\n`));
  const server = await startSoakServer({
    auth: "off",
    rateLimits: true,
    clockMs: SOAK_START_MS,
    maxTenants: MAX_TENANTS,
    journalSize: JOURNAL_SIZE,
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const model = new LimitModel(MAX_TENANTS);
  const tallies = new Map<string, Tally>();
  const mismatches: string[] = [];
  const memorySeries: string[] = [];
  let baselineHeapMb: number | undefined;
  let baselineRssMb: number | undefined;
  let sent = 0;
  let tick = 0;
  const started = performance.now();
  let nextSample = started + 5_000;
  let nowMs = SOAK_START_MS;

  try {
    while (performance.now() - started < durationS * 1000 && sent < maxRequests) {
      nowMs = await server.advance(STEPS[tick % STEPS.length]!);
      const requests = batch(tick, nowMs);
      const replies = await Promise.all(requests.map((spec) => send(agent, server.port, spec)));
      // Expected and observed outcomes per scope in this batch (same instant, so order does not matter).
      const perKey = new Map<string, { expected: Record<Outcome, number>; observed: Record<Outcome, number>; codes: string[] }>();
      requests.forEach((spec, i) => {
        const def = endpoint(spec.endpointId);
        const expected: Outcome = spec.invalid ? "invalid" : model.take(spec.key, def.limits.rate, nowMs);
        const { outcome, code } = classify(def.vendor, def, replies[i]!.status, replies[i]!.body);
        const tally = tallies.get(spec.endpointId) ?? { sent: 0, expected: emptyCounts(), observed: emptyCounts() };
        tally.sent++;
        tally.expected[expected]++;
        tally.observed[outcome]++;
        tallies.set(spec.endpointId, tally);
        const entry = perKey.get(spec.key) ?? { expected: emptyCounts(), observed: emptyCounts(), codes: [] };
        entry.expected[expected]++;
        entry.observed[outcome]++;
        if (code !== undefined) entry.codes.push(code);
        perKey.set(spec.key, entry);
      });
      for (const [key, entry] of perKey) {
        const same = outcomes.every((o) => entry.expected[o] === entry.observed[o]);
        if (!same && mismatches.length < 50) {
          mismatches.push(
            `tick ${tick} at ${new Date(nowMs).toISOString()} ${key}: expected ${JSON.stringify(entry.expected)} observed ${JSON.stringify(entry.observed)} codes ${entry.codes.join(",")}`,
          );
        }
        if (!same && mismatches.length >= 50) break;
      }
      sent += requests.length;
      tick++;
      const elapsed = performance.now() - started;
      if (baselineHeapMb === undefined && elapsed >= WARMUP_S * 1000) {
        const memory = await server.memory(true);
        baselineHeapMb = memory.heapUsed / MB;
        baselineRssMb = memory.rss / MB;
        log(`  baseline after ${WARMUP_S} s warm-up (GC): heap ${baselineHeapMb.toFixed(1)} MB, RSS ${baselineRssMb.toFixed(1)} MB`);
      }
      if (performance.now() >= nextSample) {
        const memory = await server.memory(false);
        memorySeries.push(
          `${Math.round(elapsed / 1000)}s: RSS ${(memory.rss / MB).toFixed(1)} MB, heap ${(memory.heapUsed / MB).toFixed(1)} MB`,
        );
        log(`  ${memorySeries.at(-1)}; ${sent} requests, mock time ${new Date(nowMs).toISOString()}`);
        nextSample += 5_000;
      }
    }
    const wallS = (performance.now() - started) / 1000;
    const end = await server.memory(true);
    const stats = await server.stats();
    const endHeapMb = end.heapUsed / MB;
    const problems: string[] = [...mismatches];

    log("");
    log(
      `${sent} requests in ${wallS.toFixed(1)} s (${Math.round(sent / wallS)} req/s), ${tick} batches, mock time ${new Date(SOAK_START_MS).toISOString()} → ${new Date(nowMs).toISOString()}`,
    );
    log("expected/observed per endpoint:");
    log(
      `${"endpoint".padEnd(38)} ${"sent".padStart(6)} ${["success", "throttled", "day quota", "capacity", "invalid"].map((h) => h.padStart(13)).join(" ")}`,
    );
    for (const [id, t] of tallies) {
      const pair = (o: Outcome) => `${t.expected[o]}/${t.observed[o]}`.padStart(13);
      log(
        `${id.padEnd(38)} ${String(t.sent).padStart(6)} ${(["allowed", "throttled", "throttled-day", "capacity", "invalid"] as const).map(pair).join(" ")}`,
      );
      if (t.observed.unexpected > 0) problems.push(`${id}: ${t.observed.unexpected} unexpected replies`);
      // The run must exercise both sides of every limit, or matching counts prove little.
      if (t.expected.allowed === 0 || t.expected.throttled === 0)
        problems.push(`${id}: the run produced no ${t.expected.allowed === 0 ? "successes" : "throttles"}`);
    }
    if (!tallies.get("zego.GetRealtimeUsage")?.expected.capacity) problems.push("the churn stream never reached maxTenants");
    // A full-length run reaches ZEGO's daily quota (shorter development runs may not).
    if (durationS >= 60 && !tallies.get("zego.GetRealtimeUsage")?.expected["throttled-day"])
      problems.push("the run never used up ZEGO's daily quota");
    log("");
    log(
      `memory: heap after GC ${baselineHeapMb?.toFixed(1)} MB after warm-up → ${endHeapMb.toFixed(1)} MB at the end (limit +${HEAP_GROWTH_LIMIT_MB} MB); RSS ${baselineRssMb?.toFixed(1)} → ${(end.rss / MB).toFixed(1)} MB`,
    );
    log(`journal: ${stats.journalEntries} entries (capacity ${stats.journalCapacity}); rooms ${stats.rooms}`);
    if (baselineHeapMb === undefined) problems.push(`run shorter than the ${WARMUP_S} s warm-up: no memory baseline`);
    else if (endHeapMb > baselineHeapMb + HEAP_GROWTH_LIMIT_MB) problems.push(`heap grew by ${(endHeapMb - baselineHeapMb).toFixed(1)} MB`);
    if (stats.journalEntries > stats.journalCapacity)
      problems.push(`journal holds ${stats.journalEntries} entries, more than its capacity ${stats.journalCapacity}`);
    log(`load average ${machine.loadStart} at start, ${loadAverage()} at end`);
    if (problems.length > 0) {
      log(`\nFAILED (${problems.length}):`);
      for (const problem of problems) log(`  - ${problem}`);
      process.exitCode = 1;
    } else {
      log("\nOK: every batch's successes, throttles and capacity refusals match the limits; memory is flat");
    }
    // Only a full-length run is recorded in the docs.
    if (!process.argv.includes("--no-write") && durationS >= 60) {
      const docs = fileURLToPath(new URL("../docs/BENCHMARKS.md", import.meta.url));
      writeGeneratedSection(
        docs,
        "soak",
        ["### Latest soak run (`npm run soak`)", "", "```", ...report, "```"].join("\n"),
        "# Benchmarks\n",
      );
    }
  } finally {
    agent.destroy();
    await server.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

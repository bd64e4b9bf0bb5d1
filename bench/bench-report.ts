import type { BenchResults, ConfigRun, RssResults } from "./bench.js";
import type { LoadResult } from "./load.js";
import type { MachineInfo } from "./machine.js";
import { targets } from "./targets.js";

const int = (value: number) => Math.round(value).toLocaleString("en-US");
const mb = (value: number) => value.toFixed(1);
const verdict = (ok: boolean) => (ok ? "met" : "MISSED");

interface Row {
  name: string;
  off?: { load: LoadResult; ratio: number };
  verify?: { load: LoadResult; ratio: number };
  bytes?: number;
  /** req/s of the bare route sending the endpoint's own reply bytes, fixed. */
  sameReply?: number;
}

function sameReplyOf(results: BenchResults, endpointId: string): number | undefined {
  return results.sameReply.find((s) => s.endpointId === endpointId)?.load.reqPerSec;
}

function rows(results: BenchResults): Row[] {
  const out: Row[] = [
    {
      name: "ceiling: bare fastify route, small JSON",
      off: { load: results.ceiling.before, ratio: 1 },
      verify: { load: results.ceiling.after, ratio: 1 },
    },
  ];
  const off = results.configs.find((c) => c.auth === "off");
  const verify = results.configs.find((c) => c.auth === "verify");
  for (const run of off?.endpoints ?? []) {
    const signed = verify?.endpoints.find((e) => e.endpointId === run.endpointId);
    const sameReply = sameReplyOf(results, run.endpointId);
    out.push({
      name: `${run.endpointId}: ${run.label}`,
      off: { load: run.load, ratio: run.ratio },
      ...(signed ? { verify: { load: signed.load, ratio: signed.ratio } } : {}),
      bytes: run.bodyBytes,
      ...(sameReply !== undefined ? { sameReply } : {}),
    });
  }
  return out;
}

/** Which targets a run met, one line each. */
function targetLines(results: BenchResults): { line: string; ok: boolean }[] {
  const lines: { line: string; ok: boolean }[] = [];
  const check = (config: ConfigRun | undefined, min: number) => {
    if (!config) return;
    const worst = config.endpoints.reduce((a, b) => (a.ratio <= b.ratio ? a : b));
    const ok = config.endpoints.every((e) => e.ratio >= min && e.load.non2xx === 0 && e.load.errors === 0);
    lines.push({
      ok,
      line: `every endpoint ≥ ${min} × ceiling with auth ${config.auth}: ${verdict(ok)} (lowest ${worst.ratio.toFixed(2)}, ${worst.endpointId})`,
    });
  };
  check(
    results.configs.find((c) => c.auth === "off"),
    targets.ratioAuthOff,
  );
  check(
    results.configs.find((c) => c.auth === "verify"),
    targets.ratioAuthVerify,
  );
  const p99s = results.configs.flatMap((c) => c.endpoints.map((e) => e.load.p99));
  const worstP99 = Math.max(...p99s);
  lines.push({
    ok: worstP99 <= targets.p99Ms,
    line: `p99 ≤ ${targets.p99Ms} ms at ${results.settings.connections} connections: ${verdict(worstP99 <= targets.p99Ms)} (highest ${worstP99} ms)`,
  });
  const startupOk = results.startup.medianMs <= targets.startupMs;
  lines.push({
    ok: startupOk,
    line: `start-up ≤ ${targets.startupMs} ms: ${verdict(startupOk)} (median ${results.startup.medianMs} ms of ${results.startup.samplesMs.join(", ")}; ${results.startup.command})`,
  });
  return lines;
}

function machineLine(machine: MachineInfo): string {
  const load = machine.loadEnd === undefined ? `${machine.loadStart}` : `${machine.loadStart} at start, ${machine.loadEnd} at end`;
  return `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.platform}, Node ${machine.node}; 1-min load average ${load}; ${machine.date}`;
}

/** req/s, ratio to the ceiling, p50 and p99 with checks off, then the same with checks on (blank when not run). */
function loadCells(row: Row): string[] {
  return [row.off, row.verify].flatMap((run) =>
    run ? [int(run.load.reqPerSec), run.ratio.toFixed(2), `${run.load.p50}`, `${run.load.p99}`] : ["", "", "", ""],
  );
}

/** The console table (side by side with the ceiling) and whether every target was met. */
export function renderTable(results: BenchResults): { text: string; allMet: boolean } {
  const header = ["endpoint", "off req/s", "×ceil", "p50", "p99", "verify req/s", "×ceil", "p50", "p99", "bytes", "bare same-reply req/s"];
  const body = rows(results).map((row) => [
    row.name,
    ...loadCells(row),
    row.bytes === undefined ? "" : int(row.bytes),
    row.sameReply === undefined ? "" : int(row.sameReply),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  const checks = targetLines(results);
  const memory = results.configs
    .map((c) => `auth ${c.auth}: RSS ${mb(c.rssAfterMb)} MB after load, heap ${mb(c.heapAfterGcMb)} MB after GC`)
    .join("; ");
  const text = [
    machineLine(results.machine),
    `${results.settings.connections} connections, ${results.settings.warmupS} s warm-up + ${results.settings.durationS} s per row; latency in ms (autocannon: whole ms); ceiling ${int(results.ceiling.reqPerSec)} req/s (mean of before/after); "verify" column of the ceiling row is its second run`,
    "",
    line(header),
    ...body.map(line),
    "",
    memory,
    ...checks.map((c) => `- ${c.line}`),
  ].join("\n");
  return { text, allMet: checks.every((c) => c.ok) };
}

/** The generated Markdown section of docs/BENCHMARKS.md for the default run. */
export function renderBenchSection(results: BenchResults): string {
  const table = [
    "| endpoint (typical request) | reply bytes | auth off: req/s | × ceiling | p50 ms | p99 ms | auth verify: req/s | × ceiling | p50 ms | p99 ms | bare fastify, same method and body, answering the same reply bytes (fixed): req/s |",
    "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ...rows(results)
      .map((row) =>
        [
          row.name,
          row.bytes === undefined ? "" : int(row.bytes),
          ...loadCells(row),
          row.sameReply === undefined ? "" : int(row.sameReply),
        ].join(" | "),
      )
      .map((line) => `| ${line} |`),
  ];
  return [
    "### Latest default run",
    "",
    `Machine: ${machineLine(results.machine)}.`,
    "",
    `Settings: ${results.settings.connections} connections, pipelining 1, ${results.settings.warmupS} s warm-up then ${results.settings.durationS} s measured per row, one autocannon process; servers in child processes on 127.0.0.1; rate limits off; mock clock frozen. The ceiling is the mean of a run before (${int(results.ceiling.before.reqPerSec)} req/s) and after (${int(results.ceiling.after.reqPerSec)} req/s) the endpoint runs: ${int(results.ceiling.reqPerSec)} req/s. In the ceiling row the "verify" columns show the second ceiling run. Whole run: ${results.wallS} s.`,
    "",
    ...table,
    "",
    ...results.configs.map(
      (c) =>
        `- Server memory, auth ${c.auth}: RSS ${mb(c.rssAfterMb)} MB right after its ${c.endpoints.length} load runs; heap used ${mb(c.heapAfterGcMb)} MB after a forced GC.`,
    ),
    `- Start-up (spawn of \`${results.startup.command}\` until the first 200): ${results.startup.samplesMs.join(", ")} ms; median ${results.startup.medianMs} ms.`,
    ...(results.startupTsx
      ? [
          `- Start-up from source (\`${results.startupTsx.command}\`, for reference): ${results.startupTsx.samplesMs.join(", ")} ms; median ${results.startupTsx.medianMs} ms.`,
        ]
      : []),
    "",
    "Targets:",
    "",
    ...targetLines(results).map((c) => `- ${c.line}`),
  ].join("\n");
}

/** The `--rss` section: console text and Markdown. */
export function renderRssSection(results: RssResults): { text: string; markdown: string } {
  const lines = results.runs.map(
    (run) =>
      `- auth ${run.auth}${run.optimizeForSize ? "" : ", served with `--no-optimize-for-size` (reference, not the default)"}: ${run.durationS} s of mixed load (the five typical requests in turn, ${int(run.load.reqPerSec)} req/s, ${int(run.load.total)} requests, p99 ${run.load.p99} ms): RSS ${mb(run.rssBeforeMb)} MB before → ${mb(run.rssAfterMb)} MB right after the load (target ≤ ${targets.rssMb} MB: ${verdict(run.rssAfterMb <= targets.rssMb)}), ${mb(run.rssSettledMb)} MB after a GC and 3 s idle; heap used after GC ${mb(run.heapAfterGcMb)} MB.`,
  );
  const markdown = ["### Latest memory run (`npm run bench -- --rss`)", "", `Machine: ${machineLine(results.machine)}.`, "", ...lines].join(
    "\n",
  );
  return { text: [machineLine(results.machine), ...lines].join("\n"), markdown };
}

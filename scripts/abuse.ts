// `npm run abuse`: the abuse battery of test/abuse/abuse.test.ts against the server (from source) in
// its own process; prints the figures per probe and writes them into the robustness section of
// docs/BENCHMARKS.md (`--no-write` leaves it alone). Exits 1 when a check failed.
import { fileURLToPath } from "node:url";
import { writeGeneratedSection } from "../bench/docs-section.js";
import { loadAverage, machineInfo } from "../bench/machine.js";
import { abuseServerOptions, runAbuseBattery } from "../test/abuse/battery.js";
import { startChildServer } from "../test/support/child-server.js";

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
const count = (n: number) => n.toLocaleString("en-US");

async function main(): Promise<void> {
  const machine = machineInfo();
  const server = await startChildServer(abuseServerOptions);
  try {
    const figures = await runAbuseBattery(server);
    const { memoryBefore: before, memoryLoaded: loaded, memoryAfterReset: after } = figures;
    const lines = [
      "| probe | requests | refusals | injected faults | slowest reply or close |",
      "|---|---:|---:|---:|---:|",
      ...Object.entries(figures.probes).map(
        ([probe, p]) => `| ${probe} | ${count(p.requests)} | ${count(p.refusals)} | ${count(p.faulted)} | ${count(p.slowestMs)} ms |`,
      ),
      `| **all** | **${count(figures.requests)}** | **${count(figures.refusals)}** | **${count(figures.faulted)}** | |`,
      "",
      `Server memory after a full GC: heap ${mb(before.heapUsed)} after the warm-up, ${mb(loaded.heapUsed)} with its tables at the fullest ` +
        `(after the tenants and the 500 connections; the test allows +50 MB), ` +
        `${mb(after.heapUsed)} after \`POST /__mock/reset\` (${after.heapUsed >= before.heapUsed ? "+" : ""}${mb(after.heapUsed - before.heapUsed)}; ` +
        `the test allows ±20 MB); RSS ${mb(before.rss)} → ${mb(loaded.rss)} → ${mb(after.rss)}.`,
      "",
      `Violations: ${figures.violations.length === 0 ? "none" : figures.violations.length}. ` +
        `${(figures.durationMs / 1000).toFixed(1)} s on ${machine.cpu} (${machine.cores} cores), Node ${machine.node}, ` +
        `load ${machine.loadStart} → ${loadAverage()}, ${machine.date.slice(0, 10)}.`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    for (const violation of figures.violations) process.stdout.write(`  - ${violation}\n`);
    if (figures.violations.length > 0) process.exitCode = 1;
    else if (!process.argv.includes("--no-write")) {
      const docs = fileURLToPath(new URL("../docs/BENCHMARKS.md", import.meta.url));
      writeGeneratedSection(docs, "abuse", ["### Latest abuse run (`npm run abuse`)", "", ...lines].join("\n"));
    }
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

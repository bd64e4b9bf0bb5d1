import type { CaseResult, RunReport } from "../runner.js";
import { byEndpoint, caseSlug } from "./group.js";
import { groupLine, groupViolations } from "./violation-groups.js";

const LABEL = { passed: "pass", failed: "FAIL", skipped: "skip", errored: "ERROR" } as const;

/** Options of the text report. */
export interface TableOptions {
  /** Groups of violations listed per case (default 5). */
  maxViolations?: number;
  /** Also list skipped cases' reasons (default true). */
  showSkipReasons?: boolean;
  /** Leave out the cases that passed; each endpoint's warnings are then totalled per rule instead. */
  quiet?: boolean;
}

/** An endpoint's warnings per rule, over all its cases: `schema.unknown-field ×12, time.zone ×1`. */
function warningTally(results: readonly CaseResult[]): string {
  const counts = new Map<string, number>();
  for (const r of results) for (const v of r.violations) if (v.severity === "warning") counts.set(v.rule, (counts.get(v.rule) ?? 0) + 1);
  return [...counts].map(([rule, n]) => `${rule} ×${n}`).join(", ");
}

/**
 * The human report: one table per endpoint (case, result, violations), each case followed by its
 * violations grouped by rule (one line per group), then the totals.
 */
export function renderTable(report: RunReport, options: TableOptions = {}): string {
  const max = options.maxViolations ?? 5;
  const lines: string[] = [`Contract run against ${report.target}`, ...report.notices.map((notice) => `warning: ${notice}`), ""];
  for (const [endpointId, all] of byEndpoint(report.results)) {
    const results = options.quiet ? all.filter((r) => r.status !== "passed") : all;
    const tally = options.quiet ? warningTally(all) : "";
    if (results.length === 0 && tally === "") continue;
    const width = Math.max(4, ...results.map((r) => caseSlug(r).length));
    lines.push(endpointId);
    if (tally !== "") lines.push(`  warnings: ${tally}`);
    if (results.length > 0) lines.push(`  ${"case".padEnd(width)}  result  violations`);
    for (const r of results) {
      const errors = r.violations.filter((v) => v.severity === "error");
      const warnings = r.violations.length - errors.length;
      const count = `${errors.length}${warnings > 0 ? ` (+${warnings} warning${warnings === 1 ? "" : "s"})` : ""}`;
      lines.push(`  ${caseSlug(r).padEnd(width)}  ${LABEL[r.status].padEnd(6)}  ${count}`);
      if (r.reason !== undefined && (r.status === "errored" || options.showSkipReasons !== false)) lines.push(`      ${r.status === "errored" ? "error" : "skipped"}: ${r.reason}`);
      const groups = groupViolations(r.violations);
      for (const group of groups.slice(0, max)) lines.push(`      ${group.severity === "error" ? "✗" : "!"} ${groupLine(group)}`);
      if (groups.length > max) lines.push(`      … and ${groups.length - max} more`);
    }
    lines.push("");
  }
  const s = report.summary;
  lines.push(
    `${s.total} cases: ${s.passed} passed, ${s.failed} failed, ${s.errored} errored, ${s.skipped} skipped; ${s.warnings} warning${s.warnings === 1 ? "" : "s"} (${(report.durationMs / 1000).toFixed(1)} s)`,
  );
  return `${lines.join("\n")}\n`;
}

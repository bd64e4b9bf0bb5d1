import type { RunReport } from "../runner.js";
import { groupViolations } from "./violation-groups.js";

/** Format tag of the JSON report. */
export const JSON_REPORT_FORMAT = "rtc-analytics-mock/contract-report@1";

/**
 * The machine report: the whole run (every case, status, reason and violation) as JSON, and per case
 * its violations grouped by rule (`groups`: rule, severity, count, the first three as examples).
 * Adding `groups` and `notices` kept the format tag: every earlier field is unchanged.
 */
export function renderJson(report: RunReport): string {
  const results = report.results.map((r) => ({ ...r, groups: groupViolations(r.violations) }));
  return `${JSON.stringify({ format: JSON_REPORT_FORMAT, ...report, results }, null, 2)}\n`;
}

import type { RunReport } from "../runner.js";

/** Format tag of the JSON report. */
export const JSON_REPORT_FORMAT = "rtc-analytics-mock/contract-report@1";

/** The machine report: the whole run (every case, status, reason and violation) as JSON. */
export function renderJson(report: RunReport): string {
  return `${JSON.stringify({ format: JSON_REPORT_FORMAT, ...report }, null, 2)}\n`;
}

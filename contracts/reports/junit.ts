import type { CaseResult, RunReport } from "../runner.js";
import { byEndpoint, caseSlug } from "./group.js";
import { groupLine, groupViolations } from "./violation-groups.js";

/** Escapes text for XML attributes and content; drops characters XML 1.0 cannot hold. */
export function xmlEscape(text: string): string {
  return [...text]
    .filter((ch) => {
      const code = ch.codePointAt(0)!;
      return code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000;
    })
    .join("")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function testcase(r: CaseResult): string {
  const head = `    <testcase classname="${xmlEscape(r.endpointId)}" name="${xmlEscape(`${caseSlug(r)}: ${r.title}`)}" time="${seconds(r.durationMs)}"`;
  const errors = r.violations.filter((v) => v.severity === "error");
  const warnings = r.violations.filter((v) => v.severity === "warning");
  const body: string[] = [];
  if (r.status === "failed") {
    const detail = groupViolations(errors).map(groupLine).join("\n");
    body.push(`      <failure type="contract" message="${xmlEscape(`${errors.length} violation${errors.length === 1 ? "" : "s"}: ${errors[0]?.message ?? ""}`)}">${xmlEscape(detail)}</failure>`);
  }
  if (r.status === "errored") body.push(`      <error type="error" message="${xmlEscape(r.reason ?? "error")}"/>`);
  if (r.status === "skipped") body.push(`      <skipped message="${xmlEscape(r.reason ?? "skipped")}"/>`);
  if (warnings.length > 0)
    body.push(`      <system-out>${xmlEscape(groupViolations(warnings).map((g) => `warning ${groupLine(g)}`).join("\n"))}</system-out>`);
  return body.length === 0 ? `${head}/>` : `${head}>\n${body.join("\n")}\n    </testcase>`;
}

/** JUnit XML for CI: one testsuite per endpoint, one testcase per case; violations in <failure>, one line per group. */
export function renderJunit(report: RunReport): string {
  const suites: string[] = [];
  for (const [endpointId, results] of byEndpoint(report.results)) {
    const count = (status: CaseResult["status"]) => results.filter((r) => r.status === status).length;
    const time = results.reduce((t, r) => t + r.durationMs, 0);
    suites.push(
      `  <testsuite name="${xmlEscape(endpointId)}" tests="${results.length}" failures="${count("failed")}" errors="${count("errored")}" skipped="${count("skipped")}" time="${seconds(time)}" timestamp="${xmlEscape(report.startedAt)}">\n` +
        `${results.map(testcase).join("\n")}\n  </testsuite>`,
    );
  }
  const s = report.summary;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="${xmlEscape(`rtc-analytics-mock contract: ${report.target}`)}" tests="${s.total}" failures="${s.failed}" errors="${s.errored}" skipped="${s.skipped}" time="${seconds(report.durationMs)}">\n` +
    `${suites.join("\n")}\n</testsuites>\n`
  );
}

import { describe, expect, it } from "vitest";
import { renderJson, JSON_REPORT_FORMAT } from "../../contracts/reports/json.js";
import { renderJunit, xmlEscape } from "../../contracts/reports/junit.js";
import { renderTable } from "../../contracts/reports/table.js";
import { groupViolations, messageShape } from "../../contracts/reports/violation-groups.js";
import { summarize, type CaseResult, type RunReport } from "../../contracts/runner.js";

const base = { fidelity: "documented" as const, source: "https://example.test", requests: 1, durationMs: 12 };
const results: CaseResult[] = [
  { ...base, id: "zego.GetRealtimeUsage/ok", endpointId: "zego.GetRealtimeUsage", title: "fine", status: "passed", violations: [] },
  {
    ...base,
    id: "zego.GetRealtimeUsage/bad",
    endpointId: "zego.GetRealtimeUsage",
    title: 'values <"&">',
    status: "failed",
    violations: [
      { rule: "schema", path: "Data.Metrics[0].Values[0].Value", message: "expected number", severity: "error" },
      { rule: "schema.unknown-field", path: "Data.Extra", message: 'field "Extra" is not in the contract', severity: "warning" },
    ],
  },
  {
    ...base,
    id: "tencent.DescribeRoomStatistics/live",
    endpointId: "tencent.DescribeRoomStatistics",
    title: "live",
    status: "skipped",
    reason: "needs a live room",
    violations: [],
    requests: 0,
  },
  {
    ...base,
    id: "tencent.DescribeRoomStatistics/down",
    endpointId: "tencent.DescribeRoomStatistics",
    title: "down",
    status: "errored",
    reason: "ECONNREFUSED",
    violations: [],
  },
];
const report: RunReport = {
  target: "test target",
  notices: [],
  startedAt: "2024-01-01T00:00:00.000Z",
  durationMs: 1500,
  results,
  summary: summarize(results),
};

describe("reports", () => {
  it("totals the statuses and warnings", () => {
    expect(report.summary).toEqual({ total: 4, passed: 1, failed: 1, skipped: 1, errored: 1, warnings: 1 });
  });

  it("prints a table per endpoint with each failing case's violations", () => {
    const text = renderTable(report);
    expect(text).toContain("zego.GetRealtimeUsage\n  case  result  violations\n  ok    pass    0\n  bad   FAIL    1 (+1 warning)\n");
    expect(text).toContain("      ✗ schema: Data.Metrics[0].Values[0].Value: expected number\n      ! schema.unknown-field: Data.Extra:");
    expect(text).toContain("  live  skip    0\n      skipped: needs a live room\n  down  ERROR   0\n      error: ECONNREFUSED\n");
    expect(text.trimEnd().split("\n").at(-1)).toBe("4 cases: 1 passed, 1 failed, 1 errored, 1 skipped; 1 warning (1.5 s)");
  });

  it("writes JUnit XML with a suite per endpoint, escaped text and the CI counts", () => {
    const xml = renderJunit(report);
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="rtc-analytics-mock contract: test target" tests="4" failures="1" errors="1" skipped="1" time="1.500">/,
    );
    expect(xml).toContain('<testsuite name="zego.GetRealtimeUsage" tests="2" failures="1" errors="0" skipped="0" time="0.024"');
    expect(xml).toContain('name="bad: values &lt;&quot;&amp;&quot;&gt;"');
    expect(xml).toContain(
      '<failure type="contract" message="1 violation: expected number">schema: Data.Metrics[0].Values[0].Value: expected number</failure>',
    );
    expect(xml).toContain('<skipped message="needs a live room"/>');
    expect(xml).toContain('<error type="error" message="ECONNREFUSED"/>');
    expect(xml).toContain(
      "<system-out>warning schema.unknown-field: Data.Extra: field &quot;Extra&quot; is not in the contract</system-out>",
    );
    expect(xml.match(/<testcase /g)).toHaveLength(4);
    expect(xml.match(/<\/testsuite>/g)).toHaveLength(2);
  });

  it("keeps only characters XML can hold", () => {
    expect(xmlEscape("a\u0000b\u0007c\td\u{1F600}")).toBe("abc\td\u{1F600}");
  });

  it("writes the whole run as JSON", () => {
    const parsed = JSON.parse(renderJson(report)) as RunReport & { format: string };
    expect(parsed.format).toBe(JSON_REPORT_FORMAT);
    expect(parsed.results.map(({ groups: _groups, ...rest }: CaseResult & { groups?: unknown }) => rest)).toEqual(results);
    expect(parsed.summary).toEqual(report.summary);
  });

  const many = Array.from({ length: 318 }, (_, i) => ({
    rule: "time.unit",
    path: `Data.Metrics[0].Values[${i}].Timestamp`,
    message: `timestamp ${1_700_000_000 + i * 60} is in seconds, not milliseconds`,
    severity: "error" as const,
  }));
  const unknown = (field: string) => ({
    rule: "schema.unknown-field",
    path: `Data.${field}`,
    message: `field "${field}" is not in the contract`,
    severity: "warning" as const,
  });
  const drifted: RunReport = {
    ...report,
    results: [{ ...results[1]!, violations: [...many, unknown("X"), unknown("Y")] }],
  };
  const LINE =
    "time.unit ×318: timestamp 1700000000 is in seconds, not milliseconds — e.g. Data.Metrics[0].Values[0].Timestamp, Data.Metrics[0].Values[1].Timestamp, Data.Metrics[0].Values[2].Timestamp and 315 more";

  it("prints one line per group in the table: the count, the first message, where the first three are", () => {
    const text = renderTable(drifted);
    expect(text).toContain(`  bad   FAIL    318 (+2 warnings)\n      ✗ ${LINE}\n`);
    expect(text).toContain('      ! schema.unknown-field ×2: field "X" is not in the contract — e.g. Data.X, Data.Y\n');
    expect(text.split("\n").filter((line) => line.includes("Timestamp"))).toHaveLength(1);
  });

  it("adds the groups to the JSON report and keeps every violation", () => {
    const json = JSON.parse(renderJson(drifted)) as {
      format: string;
      results: { violations: unknown[]; groups: { rule: string; severity: string; count: number; examples: unknown[] }[] }[];
    };
    expect(json.format).toBe("rtc-analytics-mock/contract-report@1");
    expect(json.results[0]!.violations).toHaveLength(320);
    expect(json.results[0]!.groups.map((g) => [g.rule, g.severity, g.count])).toEqual([
      ["time.unit", "error", 318],
      ["schema.unknown-field", "warning", 2],
    ]);
    expect(json.results[0]!.groups[0]!.examples).toEqual(many.slice(0, 3));
  });

  it("writes one line per group in JUnit's failure and system-out", () => {
    const xml = renderJunit(drifted);
    expect(xml).toContain(`message="318 violations: timestamp 1700000000 is in seconds, not milliseconds">${xmlEscape(LINE)}</failure>`);
    expect(xml).toContain(
      "<system-out>warning schema.unknown-field ×2: field &quot;X&quot; is not in the contract — e.g. Data.X, Data.Y</system-out>",
    );
  });

  it("keeps apart the different drifts one rule covers", () => {
    const schema = (path: string, message: string) => ({ rule: "schema", path, message, severity: "error" as const });
    const groups = groupViolations([
      ...Array.from({ length: 50 }, (_, i) =>
        schema(`Data.Metrics[0].Values[${i}].Value`, `response: Value is a string ("${i}"), not a number`),
      ),
      schema("Data.Total", "response: Total is missing (required)"),
      schema("Data.P95Latency", "response: P95Latency is missing (required)"),
    ]);
    expect(groups.map((g) => [g.count, g.examples[0]!.message])).toEqual([
      [50, 'response: Value is a string ("0"), not a number'],
      [1, "response: Total is missing (required)"],
      [1, "response: P95Latency is missing (required)"],
    ]);
    expect(messageShape("[request 2] HTTP 429 after -1.5e3 ms at Values[7]")).toBe("[request #] HTTP # after # ms at Values[#]");
  });

  it("groups the checks' messages about different points and series as one drift each", () => {
    const shapes = (messages: string[]) => new Set(messages.map(messageShape)).size;
    // Points at different times, series by name, values of a named series: one shape each.
    expect(
      shapes([
        "point at 2025-03-01T19:45:00.000Z is after the requested end 2025-03-01T12:00:10.000Z",
        "point at 2025-03-02T03:15:30.000Z is after the requested end 2025-03-01T12:00:10.000Z",
      ]),
    ).toBe(1);
    expect(
      shapes([
        "series publish_concurrent: timestamp 1740828610 is in seconds, not milliseconds (28 of 28 points)",
        "series online_user: timestamp 1740828670 is in seconds, not milliseconds (27 of 28 points)",
      ]),
    ).toBe(1);
    expect(
      shapes([
        "percentage 5s_join_room_success_rate = 325.41299999999995 is outside 0–100",
        "percentage video_network_trans_delay = 322.674 is outside 0–100",
      ]),
    ).toBe(1);
    expect(
      shapes(["requested metric play_concurrent is missing from the reply", "requested metric max_room_user is missing from the reply"]),
    ).toBe(1);
    // Different words are different drifts.
    expect(shapes(["timestamp 1 is in seconds, not milliseconds", "timestamp 1 is in milliseconds, not seconds"])).toBe(2);
  });

  it("--quiet leaves out passing cases but still totals each endpoint's warnings per rule", () => {
    const passedWithWarnings: CaseResult = {
      ...results[0]!,
      violations: [unknown("X"), unknown("Y"), { ...unknown("Z"), rule: "time.zone" }],
    };
    const quiet = renderTable({ ...report, results: [passedWithWarnings, results[1]!, results[2]!] }, { quiet: true });
    expect(quiet).toContain(
      "zego.GetRealtimeUsage\n  warnings: schema.unknown-field ×3, time.zone ×1\n  case  result  violations\n  bad   FAIL    1 (+1 warning)\n",
    );
    expect(quiet).not.toContain("  ok ");
    expect(quiet).toContain("tencent.DescribeRoomStatistics\n  case  result  violations\n  live  skip    0\n");
    const allPassed = renderTable({ ...report, results: [passedWithWarnings] }, { quiet: true });
    expect(allPassed).toContain("zego.GetRealtimeUsage\n  warnings: schema.unknown-field ×2, time.zone ×1\n\n");
    expect(allPassed).not.toContain("case  result");
  });
});

import type { Severity, Violation } from "../violation.js";

/** Violations of one rule, severity and message shape within a case: how many, and the first three as examples. */
export interface ViolationGroup {
  rule: string;
  severity: Severity;
  count: number;
  examples: Violation[];
}

/** How many examples a group shows. */
export const GROUP_EXAMPLES = 3;

/**
 * A message with its particulars blanked: quoted values become `"…"`, ISO times `<time>`, numbers
 * `#`, and names `…` where the checks write them bare (after "series", "metric" or "indicator", and
 * before " = "). Messages of one shape state the same drift about different points or series
 * ("series online_user: timestamp 1709… is in seconds"); a number inside a name (`P95Latency`) is
 * part of the name and stays.
 */
export function messageShape(message: string): string {
  return message
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?/g, "<time>")
    .replace(/\b(series|metric|indicator) [^\s:,;()]+/g, "$1 …")
    .replace(/[^\s:,;()]+ = /g, "… = ")
    .replace(/(?<![\w.])-?\d+(?:\.\d+)?(?:e[+-]?\d+)?(?!\w)/gi, "#");
}

/**
 * Groups a case's violations by (severity, rule, message shape), errors first, in first-seen order:
 * 318 timestamps in seconds are one finding, not 318. The shape keeps apart the different drifts
 * one rule covers: `schema` says "Value is a string, not a number" and "Total is missing (required)",
 * and a count of both under one line would hide the second behind the first's examples.
 */
export function groupViolations(violations: readonly Violation[]): ViolationGroup[] {
  const groups = new Map<string, ViolationGroup>();
  for (const v of violations) {
    const key = `${v.severity}\n${v.rule}\n${messageShape(v.message)}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { rule: v.rule, severity: v.severity, count: 1, examples: [v] });
    else {
      group.count++;
      if (group.examples.length < GROUP_EXAMPLES) group.examples.push(v);
    }
  }
  return [...groups.values()].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
}

/**
 * One group as one line. Alone: `rule: path: message`. Several: the first one's message with the
 * count, then where the first three are: `rule ×318: message — e.g. p0, p1, p2 and 315 more`.
 */
export function groupLine(group: ViolationGroup): string {
  const first = group.examples[0]!;
  if (group.count === 1) return `${group.rule}: ${first.path}: ${first.message}`;
  const more = group.count - group.examples.length;
  return `${group.rule} ×${group.count}: ${first.message} — e.g. ${group.examples.map((v) => v.path).join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
}

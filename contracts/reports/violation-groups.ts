import type { Severity, Violation } from "../violation.js";

/** Violations of one rule and severity within a case: how many, and the first three as examples. */
export interface ViolationGroup {
  rule: string;
  severity: Severity;
  count: number;
  examples: Violation[];
}

/** How many examples a group shows. */
export const GROUP_EXAMPLES = 3;

/**
 * Groups a case's violations by (severity, rule), errors first, in first-seen order: one broken
 * rule reads as one line with a count (318 timestamps in seconds are one finding, not 318).
 */
export function groupViolations(violations: readonly Violation[]): ViolationGroup[] {
  const groups = new Map<string, ViolationGroup>();
  for (const v of violations) {
    const key = `${v.severity}\n${v.rule}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { rule: v.rule, severity: v.severity, count: 1, examples: [v] });
    else {
      group.count++;
      if (group.examples.length < GROUP_EXAMPLES) group.examples.push(v);
    }
  }
  return [...groups.values()].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
}

/** One group as text lines: the first example's message with the count, then where the others are. */
export function groupLines(group: ViolationGroup): string[] {
  const [first, ...rest] = group.examples;
  const times = group.count > 1 ? ` ×${group.count}` : "";
  const lines = [`${group.rule}${times}: ${first!.path}: ${first!.message}`];
  for (const v of rest) lines.push(`  also ${v.path}: ${v.message}`);
  if (group.count > group.examples.length) lines.push(`  … and ${group.count - group.examples.length} more`);
  return lines;
}

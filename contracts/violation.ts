/** How much a violation matters: errors fail a run, warnings (e.g. a field the contract does not know) are reported only. */
export type Severity = "error" | "warning";

/** One way a response breaks the contract: where (a JSON path into the reply) and what. */
export interface Violation {
  /** Short id of the rule that was broken, e.g. `schema`, `time.aligned`, `error.code`. */
  rule: string;
  /** Path into the reply, e.g. `Result.Indicators[0].Data[3].TimeStamp`; `$` for the whole reply. */
  path: string;
  message: string;
  severity: Severity;
}

/** Builds an error-severity violation. */
export function violation(rule: string, path: string, message: string): Violation {
  return { rule, path, message, severity: "error" };
}

/** Builds a warning-severity violation. */
export function warning(rule: string, path: string, message: string): Violation {
  return { rule, path, message, severity: "warning" };
}

/** Formats a path from property names and array indexes: `["a", 0, "b"]` → `a[0].b`. */
export function joinPath(parts: readonly PropertyKey[]): string {
  let out = "";
  for (const part of parts) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "$" : out;
}

/** Only the violations that fail a run. */
export function failing(violations: readonly Violation[]): Violation[] {
  return violations.filter((v) => v.severity === "error");
}

import type { Series } from "../series.js";
import { violation, type Violation } from "../violation.js";

const YEAR_MS = 365.25 * 86_400_000;
/** How far from the target's clock an epoch time may plausibly be: data is at most days old, rooms at most years. */
export const PLAUSIBLE_YEARS = 5;
const PLAUSIBLE_MS = PLAUSIBLE_YEARS * YEAR_MS;

/**
 * An epoch time in the unit the contract says (plausibility rule, in contracts/plausibility-ledger.ts): a
 * value within five years of the target clock in that unit passes; one that would be within five
 * years in the other unit is a unit change (seconds ↔ milliseconds); anything else is reported as
 * implausible. 0 (the vendors' "never") passes.
 */
export function epochUnitProblem(value: number, unit: "s" | "ms", nowMs: number): string | undefined {
  if (value === 0) return undefined;
  const asMs = unit === "s" ? value * 1000 : value;
  if (Math.abs(asMs - nowMs) <= PLAUSIBLE_MS) return undefined;
  const other = unit === "s" ? value : value * 1000;
  if (unit === "s" && Math.abs(value - nowMs) <= PLAUSIBLE_MS) return `${other} is in milliseconds, not seconds`;
  if (unit === "ms" && Math.abs(value * 1000 - nowMs) <= PLAUSIBLE_MS) return `${value} is in seconds, not milliseconds`;
  return `${value} is not a time within five years of the target clock (${new Date(nowMs).toISOString()}) in ${unit === "s" ? "seconds" : "milliseconds"}`;
}

/** Every point's epoch timestamp is in `unit`: one violation per series (the first point), the count in the message. */
export function checkEpochUnit(series: readonly Series[], unit: "s" | "ms", nowMs: number): Violation[] {
  const out: Violation[] = [];
  for (const s of series) {
    const bad = s.points.filter((p) => typeof p.rawTime === "number" && epochUnitProblem(p.rawTime, unit, nowMs) !== undefined);
    if (bad.length === 0) continue;
    const first = bad[0]!;
    out.push(
      violation(
        "time.unit",
        first.path,
        `series ${s.name}: timestamp ${epochUnitProblem(first.rawTime as number, unit, nowMs)!} (${bad.length} of ${s.points.length} points)`,
      ),
    );
  }
  return out;
}

/**
 * A percentage written as a 0–1 ratio (plausibility rule): a series in % whose values are all
 * within [0, 1], not all zero, while `plausiblyHigh` says such values sit near 100 (success rates,
 * the share of time under a delay threshold). Low-is-good rates (stall rates) are legitimately below
 * 1 % and are not judged this way.
 */
export function checkPercentScale(series: readonly Series[], plausiblyHigh: (name: string) => boolean): Violation[] {
  const out: Violation[] = [];
  for (const s of series) {
    if (!plausiblyHigh(s.name)) continue;
    const values = s.points.map((p) => p.value).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
    if (values.length === 0 || values.every((v) => v === 0) || !values.every((v) => v >= 0 && v <= 1)) continue;
    out.push(
      violation(
        "value.scale",
        s.path,
        `series ${s.name}: every value lies in 0–1 (e.g. ${values[0]}), a ratio; the indicator's documented scale is 0–100 (%)`,
      ),
    );
  }
  return out;
}

import type { Series } from "../series.js";
import { violation, type Violation } from "../violation.js";

function numeric(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** Values are finite numbers (the schema says number; this also rejects NaN-like text slipping through). */
export function checkNumeric(series: readonly Series[]): Violation[] {
  const out: Violation[] = [];
  for (const s of series)
    for (const p of s.points)
      if (!numeric(p.value))
        out.push(violation("value.number", `${p.path}.Value`, `value ${JSON.stringify(p.value)} is not a finite number`));
  return out;
}

/** Values carry at most two decimals (Volcengine: "浮点数，保留两位小数"). */
export function checkTwoDecimals(series: readonly Series[], valueKey = "Value"): Violation[] {
  const out: Violation[] = [];
  for (const s of series) {
    for (const p of s.points) {
      if (!numeric(p.value)) continue;
      const scaled = p.value * 100;
      if (Math.abs(scaled - Math.round(scaled)) > 1e-6 * Math.max(1, Math.abs(scaled))) {
        out.push(violation("value.precision", `${p.path}.${valueKey}`, `value ${p.value} has more than two decimals`));
      }
    }
  }
  return out;
}

/** Values lie in [min, max] (percentages: 0–100). */
export function checkRange(series: readonly Series[], min: number, max: number, what: string, valueKey = "Value"): Violation[] {
  const out: Violation[] = [];
  for (const s of series) {
    for (const p of s.points) {
      if (numeric(p.value) && (p.value < min || p.value > max)) {
        out.push(violation("value.range", `${p.path}.${valueKey}`, `${what} ${s.name} = ${p.value} is outside ${min}–${max}`));
      }
    }
  }
  return out;
}

/** Values are non-negative integers (counts of users, rooms, streams). */
export function checkCounts(series: readonly Series[], valueKey = "Value"): Violation[] {
  const out: Violation[] = [];
  for (const s of series) {
    for (const p of s.points) {
      if (numeric(p.value) && !(Number.isInteger(p.value) && p.value >= 0)) {
        out.push(violation("value.count", `${p.path}.${valueKey}`, `count ${s.name} = ${p.value} is not a non-negative integer`));
      }
    }
  }
  return out;
}

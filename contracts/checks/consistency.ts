import type { Series } from "../series.js";
import { violation, type Violation } from "../violation.js";

/**
 * At every timestamp both series share, `lesser` ≤ `greater` (e.g. online rooms ≤ online users).
 * Series missing from the reply are not judged here; whether they must be present is the schema's job.
 */
export function checkNotGreater(series: readonly Series[], lesser: string, greater: string, valueKey = "Value"): Violation[] {
  const small = series.find((s) => s.name === lesser);
  const big = series.find((s) => s.name === greater);
  if (small === undefined || big === undefined) return [];
  const byTime = new Map<number, number>();
  for (const p of big.points) if (typeof p.value === "number") byTime.set(p.t, p.value);
  const out: Violation[] = [];
  for (const p of small.points) {
    const other = byTime.get(p.t);
    if (typeof p.value === "number" && other !== undefined && p.value > other) {
      out.push(
        violation(
          "consistency",
          `${p.path}.${valueKey}`,
          `${lesser} (${p.value}) exceeds ${greater} (${other}) at ${new Date(p.t).toISOString()}`,
        ),
      );
    }
  }
  return out;
}

/** Two series requested together cover the same timestamps (a metric does not skip buckets another has). */
export function checkSameTimestamps(series: readonly Series[]): Violation[] {
  if (series.length < 2) return [];
  const first = series[0]!;
  const reference = first.points.map((p) => p.t).join(",");
  const out: Violation[] = [];
  for (const s of series.slice(1)) {
    if (s.points.map((p) => p.t).join(",") !== reference) {
      out.push(violation("consistency", s.path, `series ${s.name} has different timestamps from ${first.name}`));
    }
  }
  return out;
}

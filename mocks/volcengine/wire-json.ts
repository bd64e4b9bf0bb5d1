/**
 * Fast JSON for replies made of series. A 60-minute realtime reply has hundreds of points and
 * JSON.stringify of that many small objects dominates the cost of a request, so series built by
 * `buildSeries` (whose TimeStamps come from our own formatter and need no escaping) are written by
 * hand; anything else falls back to JSON.stringify. The output is byte-for-byte what
 * JSON.stringify would produce.
 */

/** One point of a series. */
interface Point {
  TimeStamp: string;
  Value: number;
}

/** Data arrays whose TimeStamps are known to need no JSON escaping → each point's JSON prefix. */
const trustedData = new WeakMap<readonly Point[], readonly string[]>();

/** `{"TimeStamp":"<stamp>","Value":`, the JSON text of a point up to its value. */
export function pointPrefix(stamp: string): string {
  return `{"TimeStamp":"${stamp}","Value":`;
}

/**
 * Marks a Data array built from formatter output (RFC3339 text: digits, `-:T+Z`), with the prefix
 * of each point (`pointPrefix` of its TimeStamp).
 */
export function markTrusted(data: readonly Point[], prefixes: readonly string[]): void {
  trustedData.set(data, prefixes);
}

// Two-decimal values in 0–100 (every quality percentage) repeat endlessly; converting a double to
// text is the costliest step of writing them, so their texts are kept by hundredths.
const PERCENT_TEXTS: (string | undefined)[] = new Array(10_001);

/** The JSON text of a number, exactly as JSON.stringify writes it. */
function numberText(value: number): string {
  const hundredths = Math.round(value * 100);
  if (hundredths >= 0 && hundredths <= 10_000 && hundredths / 100 === value) {
    return (PERCENT_TEXTS[hundredths] ??= String(value));
  }
  return Number.isFinite(value) ? String(value) : "null";
}

function stringifySeries(series: unknown): string {
  const s = series as { Name?: unknown; Unit?: unknown; Data?: Point[] };
  const prefixes = s === null || typeof s !== "object" || s.Data === undefined ? undefined : trustedData.get(s.Data);
  if (prefixes === undefined) return JSON.stringify(series);
  const keys = Object.keys(s);
  // Only the exact shapes buildSeries makes: Name, [Unit], Data.
  if (!(keys.length === 2 || (keys.length === 3 && keys[1] === "Unit")) || keys[0] !== "Name" || keys[keys.length - 1] !== "Data")
    return JSON.stringify(series);
  let out = `{"Name":${JSON.stringify(s.Name)}`;
  if (keys.length === 3) out += `,"Unit":${JSON.stringify(s.Unit)}`;
  out += ',"Data":[';
  const data = s.Data!;
  for (let i = 0; i < data.length; i++) out += `${i === 0 ? "" : ","}${prefixes[i]}${numberText(data[i]!.Value)}}`;
  return `${out}]}`;
}

/** JSON text of a value; objects with an `Indicators` list get the fast path for their series. */
export function stringifyWire(value: unknown): string {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return JSON.stringify(value);
  let out = "{";
  let first = true;
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    let text: string;
    if (key === "Indicators" && Array.isArray(field)) {
      text = "[";
      for (let i = 0; i < field.length; i++) text += (i === 0 ? "" : ",") + stringifySeries(field[i]);
      text += "]";
    } else if (key === "Result" || key === "ResponseMetadata") {
      text = stringifyWire(field);
    } else {
      const json = JSON.stringify(field);
      if (json === undefined) continue;
      text = json;
    }
    out += `${first ? "" : ","}${JSON.stringify(key)}:${text}`;
    first = false;
  }
  return `${out}}`;
}

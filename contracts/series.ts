/** One point of a time series read from a reply, with where it sits in the reply. */
export interface SeriesPoint {
  /** JSON path of the point object, e.g. `Result.Indicators[0].Data[2]`. */
  path: string;
  /** Bucket start (epoch ms); NaN when the timestamp could not be read. */
  t: number;
  /** The timestamp as written on the wire. */
  rawTime: unknown;
  /** UTC offset written with the timestamp (minutes), for calendar alignment; 0 for epoch numbers. */
  offsetMinutes: number;
  value: unknown;
}

/** A named series (a Volcengine indicator, a ZEGO metric) and its points. */
export interface Series {
  name: string;
  /** JSON path of the series object. */
  path: string;
  unit?: string;
  points: SeriesPoint[];
}

/** A requested time window (epoch ms, inclusive). */
export interface TimeWindow {
  startMs: number;
  endMs: number;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an RFC 3339 date-time (as Volcengine writes `TimeStamp`); NaN and offset 0 when malformed. */
export function parseRfc3339(text: unknown): { t: number; offsetMinutes: number } {
  if (typeof text !== "string") return { t: Number.NaN, offsetMinutes: 0 };
  const m = RFC3339.exec(text);
  if (m === null) return { t: Number.NaN, offsetMinutes: 0 };
  const zone = m[8]!;
  const offsetMinutes = zone === "Z" ? 0 : (zone.startsWith("-") ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  return { t: Date.parse(text), offsetMinutes };
}

/** Formats epoch ms as RFC 3339 with seconds precision in the given offset (default +08:00, as the Volcengine docs do). */
export function formatRfc3339(epochMs: number, offsetMinutes = 480): string {
  const local = new Date(Math.floor(epochMs / 1000) * 1000 + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const zone = offsetMinutes === 0 ? "Z" : `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${local.toISOString().slice(0, 19)}${zone}`;
}

/** Start of the bucket holding `t`, with buckets aligned in the given UTC offset. */
export function bucketStart(t: number, bucketMs: number, offsetMinutes = 0): number {
  const shift = offsetMinutes * 60_000;
  return Math.floor((t + shift) / bucketMs) * bucketMs - shift;
}

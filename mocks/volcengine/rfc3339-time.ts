/** A request time: the instant plus the offset it was written in. */
export interface RequestTime {
  /** Epoch milliseconds. */
  ms: number;
  /** UTC offset in minutes, e.g. 480 for +08:00. */
  offsetMinutes: number;
  /** The offset as written: `Z` or `±hh:mm`. */
  suffix: string;
  /** The original text. */
  text: string;
}

const OFFSET = /(Z|[+-](\d{2}):(\d{2}))$/i;

/** Parses an offset text (`Z`, `+08:00`, `-05:30`) into minutes; null when malformed. */
export function parseOffset(suffix: string): number | null {
  const m = OFFSET.exec(suffix);
  if (m === null || m[0] !== suffix) return null;
  if (m[1]!.toUpperCase() === "Z") return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return suffix.startsWith("-") ? -minutes : minutes;
}

/**
 * Reads an RFC3339 time that the wire schema has already accepted. Returns null if it still fails
 * (the schema is the gate; this only extracts the instant and the offset).
 */
export function parseRequestTime(text: string): RequestTime | null {
  const ms = Date.parse(text);
  const m = OFFSET.exec(text);
  if (Number.isNaN(ms) || m === null) return null;
  const suffix = m[1]!.toUpperCase() === "Z" ? "Z" : m[1]!;
  return { ms, offsetMinutes: parseOffset(suffix)!, suffix, text };
}

/** Formats `ms` as `YYYY-MM-DDTHH:MM:SS` local to `offsetMinutes`, followed by `suffix`. */
export function formatRfc3339(ms: number, offsetMinutes: number, suffix: string): string {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19) + suffix;
}

/** RFC 3339 with seconds in +08:00, the offset every Volcengine doc example uses (e.g. `2021-07-24T00:00:00+08:00`). */
export function rfc3339Plus8(epochMs: number): string {
  const local = new Date(epochMs + 8 * 3_600_000);
  return `${local.toISOString().slice(0, 19)}+08:00`;
}

/** Volcengine/AWS-style compact UTC time, `YYYYMMDDTHHMMSSZ`. */
export function compactUtc(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

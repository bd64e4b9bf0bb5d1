const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Text of a duration with a unit: `500ms`, `90s`, `5m`, `2h`, `1d`; negative goes back. */
export const DURATION_TEXT = /^(-?\d+(?:\.\d+)?)(ms|s|m|h|d)$/;

/** Milliseconds of a duration given as a number or text with a unit; throws an Error saying what is expected. */
export function parseDurationMs(value: number | string): number {
  if (typeof value === "number") return value;
  const match = DURATION_TEXT.exec(value.trim());
  if (match === null) {
    if (/^-?\d+$/.test(value.trim())) return Number(value);
    throw new Error(`Invalid duration ${JSON.stringify(value)}: expected ms or text like 90s, 5m, 2h, 1d`);
  }
  return Math.round(Number(match[1]) * UNIT_MS[match[2]!]!);
}

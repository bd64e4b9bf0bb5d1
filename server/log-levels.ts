/** Log levels, quietest last. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
/** One of `LOG_LEVELS`. */
export type LogLevel = (typeof LOG_LEVELS)[number];
/** `pretty`: human-readable lines; `json`: one JSON object per line; `auto`: pretty on a terminal. */
export type LogFormat = "pretty" | "json" | "auto";

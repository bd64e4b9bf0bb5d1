import { toEpochMs } from "../../mocks/core/clock.js";
import { DEFAULT_MAX_SESSIONS, DEFAULT_SESSION_IDLE_TIMEOUT_MS } from "../../mocks/core/bounds.js";
import { parseDurationMs } from "../../mocks/core/duration.js";
import { clockRangeText, inClockRange } from "../../mocks/core/clock-range.js";
import { LOG_LEVELS, type LogFormat, type LogLevel } from "../log-levels.js";
import type { ServeConfig } from "./serve-config.js";

/** Scalar settings that flags and environment variables can set. */
export type ScalarKey =
  | "port"
  | "host"
  | "seed"
  | "clockStart"
  | "clockFrozen"
  | "rateLimits"
  | "journalSize"
  | "maxTenants"
  | "auth"
  | "logLevel"
  | "logFormat"
  | "bodyLimit"
  | "banner"
  | "maxSessions"
  | "sessionIdleTimeoutMs";

/** One setting: its flag, environment variable, config-file key, parser, default and meaning. */
export interface Setting<K extends ScalarKey = ScalarKey> {
  key: K;
  /** Long flag without dashes; booleans also accept `--no-<flag>`. */
  flag: string;
  short?: string;
  env: string;
  /** A conventional variable read when `env` is unset (the platforms' `PORT`). */
  fallbackEnv?: string;
  /** Dotted key in the JSON config file. */
  fileKey: string;
  kind: "string" | "boolean";
  /** Parses flag or environment text; throws an Error saying what is expected. */
  parse(text: string): ServeConfig[K];
  defaultValue: ServeConfig[K];
  /** Default as shown in help and docs. */
  defaultText: string;
  description: string;
}

const define = <K extends ScalarKey>(setting: Setting<K>): Setting => setting as unknown as Setting;

/** Parses an integer in a range. */
export function integerIn(min: number, max: number): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (text.trim() === "" || !Number.isInteger(value) || value < min || value > max)
      throw new Error(`expected an integer from ${min} to ${max}, got ${JSON.stringify(text)}`);
    return value;
  };
}

/** Parses true/false, 1/0, yes/no, on/off. */
export function parseBoolean(text: string): boolean {
  const value = text.trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(value)) return true;
  if (["0", "false", "no", "off"].includes(value)) return false;
  throw new Error(`expected true or false (also 1/0, yes/no, on/off), got ${JSON.stringify(text)}`);
}

/** A seed: digits become a number (so `--seed 7` and `"seed": 7` give the same world), anything else stays text. */
export function parseSeed(text: string): number | string {
  if (text === "") throw new Error("expected a number or text");
  return /^\d{1,15}$/.test(text) ? Number(text) : text;
}

/** A clock start: epoch ms or ISO text in the clock's range, checked now so a typo fails at start-up. */
export function parseClockStart(text: string): number | string {
  if (!inClockRange(toEpochMs(text))) throw new Error(`expected a time from ${clockRangeText}, got ${JSON.stringify(text)}`);
  return /^-?\d+$/.test(text.trim()) ? Number(text) : text;
}

function oneOf<T extends string>(values: readonly T[]): (text: string) => T {
  return (text) => {
    if ((values as readonly string[]).includes(text)) return text as T;
    throw new Error(`expected one of ${values.join(", ")}, got ${JSON.stringify(text)}`);
  };
}

/** The scalar settings, in the order help and docs list them. */
export const settings: readonly Setting[] = [
  define({
    key: "port",
    flag: "port",
    short: "p",
    env: "RTC_MOCK_PORT",
    // PORT is what hosting platforms and process managers set; the kit's own variable wins.
    fallbackEnv: "PORT",
    fileKey: "port",
    kind: "string",
    parse: integerIn(0, 65_535),
    defaultValue: 4010,
    defaultText: "4010",
    description: "TCP port (0 picks a free one)",
  }),
  define({
    key: "host",
    flag: "host",
    env: "RTC_MOCK_HOST",
    fileKey: "host",
    kind: "string",
    parse: nonEmpty,
    defaultValue: "127.0.0.1",
    defaultText: "127.0.0.1",
    description: "Interface to listen on (0.0.0.0 exposes the server to your network)",
  }),
  define({
    key: "seed",
    flag: "seed",
    env: "RTC_MOCK_SEED",
    fileKey: "seed",
    kind: "string",
    parse: parseSeed,
    defaultValue: 1,
    defaultText: "1",
    description: "World seed: same seed, same bytes",
  }),
  define({
    key: "clockStart",
    flag: "clock-start",
    env: "RTC_MOCK_CLOCK_START",
    fileKey: "clock.start",
    kind: "string",
    parse: parseClockStart,
    defaultValue: undefined,
    defaultText: "real now",
    description: "Mock clock start, epoch ms or ISO 8601 text",
  }),
  define({
    key: "clockFrozen",
    flag: "clock-frozen",
    env: "RTC_MOCK_CLOCK_FROZEN",
    fileKey: "clock.frozen",
    kind: "boolean",
    parse: parseBoolean,
    defaultValue: false,
    defaultText: "false",
    description: "Start with the clock stopped",
  }),
  define({
    key: "rateLimits",
    flag: "rate-limits",
    env: "RTC_MOCK_RATE_LIMITS",
    fileKey: "rateLimits",
    kind: "boolean",
    parse: parseBoolean,
    defaultValue: true,
    defaultText: "true",
    description: "Enforce the documented rate limits (--no-rate-limits to switch off)",
  }),
  define({
    key: "journalSize",
    flag: "journal-size",
    env: "RTC_MOCK_JOURNAL_SIZE",
    fileKey: "journalSize",
    kind: "string",
    parse: integerIn(1, 100_000),
    defaultValue: 200,
    defaultText: "200",
    description: "Requests kept in the journal (GET /__mock/journal)",
  }),
  define({
    key: "maxTenants",
    flag: "max-tenants",
    env: "RTC_MOCK_MAX_TENANTS",
    fileKey: "maxTenants",
    kind: "string",
    parse: integerIn(1, 10_000_000),
    defaultValue: 10_000,
    defaultText: "10000",
    description: "Most tenants (AppIds, SecretIds) tracked for quotas",
  }),
  define({
    key: "auth",
    flag: "auth",
    env: "RTC_MOCK_AUTH",
    fileKey: "auth.mode",
    kind: "string",
    parse: oneOf(["off", "verify"] as const),
    defaultValue: "off",
    defaultText: "off",
    description: "off: accept any signature; verify: check each vendor's signature scheme",
  }),
  define({
    key: "logLevel",
    flag: "log-level",
    env: "RTC_MOCK_LOG_LEVEL",
    fileKey: "log.level",
    kind: "string",
    parse: oneOf<LogLevel>(LOG_LEVELS),
    defaultValue: "info",
    defaultText: "info",
    description: `Log level: ${LOG_LEVELS.join(", ")}`,
  }),
  define({
    key: "logFormat",
    flag: "log-format",
    env: "RTC_MOCK_LOG_FORMAT",
    fileKey: "log.format",
    kind: "string",
    parse: oneOf<LogFormat>(["auto", "pretty", "json"]),
    defaultValue: "auto",
    defaultText: "auto",
    description: "auto: pretty on a terminal when pino-pretty is installed, JSON lines otherwise; pretty needs pino-pretty",
  }),
  define({
    key: "bodyLimit",
    flag: "body-limit",
    env: "RTC_MOCK_BODY_LIMIT",
    fileKey: "bodyLimit",
    kind: "string",
    parse: integerIn(1_024, 104_857_600),
    defaultValue: 1_048_576,
    defaultText: "1048576 (1 MiB)",
    description: "Largest request body in bytes; larger ones get the vendor's error",
  }),
  define({
    key: "banner",
    flag: "banner",
    env: "RTC_MOCK_BANNER",
    fileKey: "banner",
    kind: "boolean",
    parse: parseBoolean,
    defaultValue: true,
    defaultText: "true",
    description: "Print the start-up banner (--no-banner for JSON-only output)",
  }),
  define({
    key: "maxSessions",
    flag: "max-sessions",
    env: "RTC_MOCK_MAX_SESSIONS",
    fileKey: "sessions.max",
    kind: "string",
    parse: integerIn(1, 1_000),
    defaultValue: DEFAULT_MAX_SESSIONS,
    defaultText: String(DEFAULT_MAX_SESSIONS),
    description: "Most sessions open at once (POST /__mock/sessions)",
  }),
  define({
    key: "sessionIdleTimeoutMs",
    flag: "session-idle-timeout",
    env: "RTC_MOCK_SESSION_IDLE_TIMEOUT",
    fileKey: "sessions.idleTimeout",
    kind: "string",
    parse: parsePositiveDuration,
    defaultValue: DEFAULT_SESSION_IDLE_TIMEOUT_MS,
    defaultText: `${DEFAULT_SESSION_IDLE_TIMEOUT_MS / 60_000}m`,
    description: "A session without requests for this long is closed (ms, or 90s, 30m, 2h)",
  }),
];

/** A positive duration: ms, or text with a unit (`90s`, `30m`, `2h`). */
export function parsePositiveDuration(text: string): number {
  const ms = parseDurationMs(text);
  if (!Number.isInteger(ms) || ms < 1_000 || ms > 7 * 86_400_000)
    throw new Error(`expected a duration from 1s to 7d (ms, or text like 90s, 30m, 2h), got ${JSON.stringify(text)}`);
  return ms;
}

function nonEmpty(text: string): string {
  if (text.trim() === "") throw new Error("expected a non-empty value");
  return text.trim();
}

/** A vendor's credential flags and variables; flags and environment give one pair, the config file a list. */
export interface CredentialSetting {
  vendor: "volcengine" | "tencent" | "zego";
  idField: string;
  secretField: string;
  idFlag: string;
  secretFlag: string;
  idEnv: string;
  secretEnv: string;
}

/** Per-vendor credential settings (used only when `auth` is `verify`; default: the demo credentials). */
export const credentialSettings: readonly CredentialSetting[] = [
  {
    vendor: "volcengine",
    idField: "accessKeyId",
    secretField: "secretKey",
    idFlag: "volcengine-access-key-id",
    secretFlag: "volcengine-secret-key",
    idEnv: "RTC_MOCK_VOLCENGINE_ACCESS_KEY_ID",
    secretEnv: "RTC_MOCK_VOLCENGINE_SECRET_KEY",
  },
  {
    vendor: "tencent",
    idField: "secretId",
    secretField: "secretKey",
    idFlag: "tencent-secret-id",
    secretFlag: "tencent-secret-key",
    idEnv: "RTC_MOCK_TENCENT_SECRET_ID",
    secretEnv: "RTC_MOCK_TENCENT_SECRET_KEY",
  },
  {
    vendor: "zego",
    idField: "appId",
    secretField: "serverSecret",
    idFlag: "zego-app-id",
    secretFlag: "zego-server-secret",
    idEnv: "RTC_MOCK_ZEGO_APP_ID",
    secretEnv: "RTC_MOCK_ZEGO_SERVER_SECRET",
  },
];

/** Flag and variable of the fault list: each `--fault` is one JSON spec; RTC_MOCK_FAULTS is a JSON array. */
export const faultSetting = { flag: "fault", env: "RTC_MOCK_FAULTS", fileKey: "faults" } as const;
/** Flag and variable of the config file path. */
export const configFileSetting = { flag: "config", short: "c", env: "RTC_MOCK_CONFIG" } as const;

/** A setting that holds a list: a repeatable flag, a comma-separated variable and a JSON array in the config file. */
export interface ListSetting {
  key: "allowedHosts" | "cors";
  /** Long flag without dashes; repeat it for several values. */
  flag: string;
  /** Placeholder of the flag's value in help and docs. */
  valueName: string;
  env: string;
  fileKey: string;
  /** Parses one value; throws an Error saying what is expected. */
  parse(text: string): string;
  description: string;
}

/** A host name for the Host header check: letters, digits, dots, dashes (an IP literal or `name:port` too). */
export function parseAllowedHost(text: string): string {
  const host = text.trim().toLowerCase();
  if (!/^(?:\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::\d{1,5})?$/.test(host))
    throw new Error(`expected a host name such as mock.example.internal, got ${JSON.stringify(text)}`);
  return host.replace(/^\[(.*)\]$/, "$1");
}

/** An origin as browsers send it: `scheme://host[:port]`, nothing after; `*` is refused (the point is to name the tool). */
export function parseCorsOrigin(text: string): string {
  const value = text.trim().replace(/\/$/, "");
  let origin: string;
  try {
    origin = new URL(value).origin;
  } catch {
    origin = "null";
  }
  if (origin === "null" || origin !== value)
    throw new Error(`expected an origin such as http://localhost:5173 (scheme, host and port only), got ${JSON.stringify(text)}`);
  return origin;
}

/** The list settings, in the order help and docs list them. */
export const listSettings: readonly ListSetting[] = [
  {
    key: "allowedHosts",
    flag: "allowed-host",
    valueName: "host",
    env: "RTC_MOCK_ALLOWED_HOSTS",
    fileKey: "allowedHosts",
    parse: parseAllowedHost,
    description: "A Host name the control API accepts besides loopback addresses, localhost and --host; repeatable (env: comma-separated)",
  },
  {
    key: "cors",
    flag: "cors",
    valueName: "origin",
    env: "RTC_MOCK_CORS",
    fileKey: "cors",
    parse: parseCorsOrigin,
    description: "An origin allowed to call the control API from a browser (CORS); repeatable (env: comma-separated); none by default",
  },
];

import type { Vendor } from "../../schemas/common/endpoint.js";
import type { FaultSpec } from "../../mocks/core/faults.js";
import type { Credentials } from "../../mocks/options.js";
import type { LogFormat, LogLevel } from "../log-levels.js";

/** Where a resolved value came from (for the banner and for error messages). */
export type ConfigSource = "flag" | "env" | "file" | "default";

/** Everything `serve` needs, resolved from flags > environment > config file > defaults. */
export interface ServeConfig {
  port: number;
  host: string;
  seed: number | string;
  /** Clock start (epoch ms or ISO text); undefined: real now. */
  clockStart: number | string | undefined;
  clockFrozen: boolean;
  rateLimits: boolean;
  faults: FaultSpec[];
  journalSize: number;
  maxTenants: number;
  auth: "off" | "verify";
  credentials: Credentials;
  /** Where each vendor's credentials came from; `default` means the demo credentials. */
  credentialSources: Record<Vendor, ConfigSource>;
  logLevel: LogLevel;
  logFormat: LogFormat;
  bodyLimit: number;
  banner: boolean;
  /** Most sessions open at once. */
  maxSessions: number;
  /** A session without requests for this long (ms) is closed. */
  sessionIdleTimeoutMs: number;
  /** Host names the control API accepts besides loopback addresses and localhost. */
  allowedHosts: string[];
  /** Origins allowed to call the control API from a browser. */
  cors: string[];
  /** Per-vendor switches from the config file (keys of the vendor's options in mocks/<vendor>/options.ts). */
  vendorOptions: { volcengine?: Record<string, unknown>; zego?: Record<string, unknown>; tencent?: Record<string, unknown> };
  /** Config file that was read, if any. */
  configFile: string | undefined;
}

/** A configuration problem, reported to the user without a stack trace. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Vendor } from "../../schemas/common/endpoint.js";
import type { FaultSpec } from "../../mocks/core/faults.js";
import { demoCredentials, type Credentials, type MockOptions } from "../../mocks/options.js";
import { parseFaultSpec } from "../fault-spec.js";
import { readConfigFile, type ConfigFile } from "./config-file.js";
import { ConfigError, type ConfigSource, type ServeConfig } from "./serve-config.js";
import {
  configFileSetting,
  credentialSettings,
  faultSetting,
  listSettings,
  parseClockStart,
  settings,
  type ScalarKey,
} from "./settings.js";

/** Where `serve` reads its configuration from; injectable for tests. */
export interface ConfigSources {
  /** Arguments after the subcommand. */
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** Reads the config file (default: the file system). */
  readFile?: (path: string) => string;
}

/** parseArgs options of `serve`, derived from the settings table. */
export function serveArgsOptions(): NonNullable<ParseArgsConfig["options"]> {
  const options: NonNullable<ParseArgsConfig["options"]> = {
    help: { type: "boolean", short: "h" },
    [configFileSetting.flag]: { type: "string", short: configFileSetting.short },
    [faultSetting.flag]: { type: "string", multiple: true },
  };
  for (const setting of settings) options[setting.flag] = { type: setting.kind, ...(setting.short ? { short: setting.short } : {}) };
  for (const setting of listSettings) options[setting.flag] = { type: "string", multiple: true };
  for (const credential of credentialSettings) {
    options[credential.idFlag] = { type: "string" };
    options[credential.secretFlag] = { type: "string" };
  }
  return options;
}

/** Parses `serve` flags; unknown flags and missing values are ConfigErrors. */
export function parseServeFlags(argv: readonly string[]): Record<string, string | boolean | string[] | undefined> {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: serveArgsOptions(),
      strict: true,
      allowPositionals: false,
      allowNegative: true,
    });
    return values as Record<string, string | boolean | string[] | undefined>;
  } catch (cause) {
    throw new ConfigError((cause as Error).message);
  }
}

/**
 * Resolves the configuration of `serve`. Each setting is taken from the first source that sets
 * it: flags, then environment variables, then the JSON config file, then the default. An empty
 * environment variable counts as unset.
 */
export function resolveServeConfig(sources: ConfigSources): ServeConfig {
  const flags = parseServeFlags(sources.argv);
  const env = (name: string): string | undefined => {
    const value = sources.env[name];
    return value === undefined || value === "" ? undefined : value;
  };

  const configPath = (flags[configFileSetting.flag] as string | undefined) ?? env(configFileSetting.env);
  let file: ConfigFile = {};
  if (configPath !== undefined) {
    try {
      file = readConfigFile(configPath, sources.readFile);
    } catch (cause) {
      throw new ConfigError((cause as Error).message);
    }
  }

  const values = {} as Record<ScalarKey, unknown>;
  for (const setting of settings) {
    const flag = flags[setting.flag];
    const envName = env(setting.env) === undefined && setting.fallbackEnv !== undefined ? setting.fallbackEnv : setting.env;
    const fromEnv = env(envName);
    const fromFile = valueAt(file, setting.fileKey);
    if (flag !== undefined)
      values[setting.key] = typeof flag === "boolean" ? flag : parsed(setting.parse, String(flag), `--${setting.flag}`);
    else if (fromEnv !== undefined) values[setting.key] = parsed(setting.parse, fromEnv, envName);
    else if (fromFile !== undefined)
      values[setting.key] =
        setting.key === "clockStart" ? parsed(parseClockStart, String(fromFile), `config file ${setting.fileKey}`) : fromFile;
    else values[setting.key] = setting.defaultValue;
  }

  const { credentials, credentialSources } = resolveCredentials(flags, env, file);
  const lists = {} as Record<(typeof listSettings)[number]["key"], string[]>;
  for (const setting of listSettings) {
    const fromFlags = flags[setting.flag] as string[] | undefined;
    const fromEnv = env(setting.env);
    const fromFile = valueAt(file, setting.fileKey) as string[] | undefined;
    if (fromFlags !== undefined) lists[setting.key] = fromFlags.map((text) => parsed(setting.parse, text, `--${setting.flag}`));
    else if (fromEnv !== undefined)
      lists[setting.key] = fromEnv
        .split(",")
        .filter((text) => text.trim() !== "")
        .map((text) => parsed(setting.parse, text, setting.env));
    else lists[setting.key] = (fromFile ?? []).map((text, i) => parsed(setting.parse, text, `config file ${setting.fileKey}[${i}]`));
  }
  return {
    ...(values as Pick<ServeConfig, ScalarKey>),
    ...lists,
    faults: resolveFaults(flags, env, file),
    credentials,
    credentialSources,
    vendorOptions: {
      ...(file.volcengine ? { volcengine: file.volcengine } : {}),
      ...(file.zego ? { zego: file.zego } : {}),
      ...(file.tencent ? { tencent: file.tencent } : {}),
    },
    configFile: configPath,
  };
}

/** The engine options of a resolved configuration. */
export function toMockOptions(config: ServeConfig): MockOptions {
  return {
    seed: config.seed,
    clock: { ...(config.clockStart !== undefined ? { start: config.clockStart } : {}), frozen: config.clockFrozen },
    rateLimits: config.rateLimits,
    auth: { mode: config.auth, credentials: config.credentials },
    faults: config.faults,
    journalSize: config.journalSize,
    maxTenants: config.maxTenants,
    ...(config.vendorOptions.volcengine ? { volcengine: config.vendorOptions.volcengine } : {}),
    ...(config.vendorOptions.zego ? { zego: config.vendorOptions.zego } : {}),
    ...(config.vendorOptions.tencent ? { tencent: config.vendorOptions.tencent } : {}),
  };
}

function parsed<T>(parse: (text: string) => T, text: string, source: string): T {
  try {
    return parse(text);
  } catch (cause) {
    throw new ConfigError(`${source}: ${(cause as Error).message}`);
  }
}

function valueAt(file: ConfigFile, dotted: string): unknown {
  let value: unknown = file;
  for (const part of dotted.split("."))
    value = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

function resolveFaults(flags: Record<string, unknown>, env: (name: string) => string | undefined, file: ConfigFile): FaultSpec[] {
  const fromFlags = flags[faultSetting.flag] as string[] | undefined;
  if (fromFlags !== undefined) return fromFlags.map((text, i) => faultFromJson(text, `--${faultSetting.flag} #${i + 1}`));
  const fromEnv = env(faultSetting.env);
  if (fromEnv !== undefined) {
    const list = jsonOf(fromEnv, faultSetting.env);
    if (!Array.isArray(list)) throw new ConfigError(`${faultSetting.env}: expected a JSON array of fault specs`);
    return list.map((spec, i) => faultOf(spec, `${faultSetting.env}[${i}]`));
  }
  return (file.faults ?? []).map((spec, i) => faultOf(spec, `config file faults[${i}]`));
}

function faultFromJson(text: string, source: string): FaultSpec {
  return faultOf(jsonOf(text, source), source);
}

function faultOf(spec: unknown, source: string): FaultSpec {
  try {
    return parseFaultSpec(spec);
  } catch (cause) {
    throw new ConfigError(`${source}: ${(cause as Error).message}`);
  }
}

function jsonOf(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new ConfigError(`${source}: not valid JSON (${(cause as Error).message})`);
  }
}

/**
 * Credentials per vendor. Flags and environment variables give one id/secret pair; each half is
 * taken from the flag, else the variable, and a half without the other is an error. Without
 * either, the config file's list applies, else the demo credentials.
 */
function resolveCredentials(
  flags: Record<string, unknown>,
  env: (name: string) => string | undefined,
  file: ConfigFile,
): { credentials: Credentials; credentialSources: Record<Vendor, ConfigSource> } {
  const credentials = { ...demoCredentials } as Record<Vendor, unknown[]>;
  const credentialSources: Record<Vendor, ConfigSource> = { volcengine: "default", tencent: "default", zego: "default" };
  for (const setting of credentialSettings) {
    const idFlag = flags[setting.idFlag] as string | undefined;
    const secretFlag = flags[setting.secretFlag] as string | undefined;
    const id = idFlag ?? env(setting.idEnv);
    const secret = secretFlag ?? env(setting.secretEnv);
    if (id !== undefined || secret !== undefined) {
      if (id === undefined || secret === undefined || id === "" || secret === "") {
        throw new ConfigError(
          `${setting.vendor} credentials need both halves: --${setting.idFlag} (or ${setting.idEnv}) and --${setting.secretFlag} (or ${setting.secretEnv})`,
        );
      }
      credentials[setting.vendor] = [{ [setting.idField]: id, [setting.secretField]: secret }];
      credentialSources[setting.vendor] = idFlag !== undefined || secretFlag !== undefined ? "flag" : "env";
      continue;
    }
    const fromFile = file.auth?.credentials?.[setting.vendor];
    if (fromFile !== undefined) {
      credentials[setting.vendor] = fromFile;
      credentialSources[setting.vendor] = "file";
    }
  }
  return { credentials: credentials as unknown as Credentials, credentialSources };
}

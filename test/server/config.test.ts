import { describe, expect, it } from "vitest";
import { createMockEngine } from "../../mocks/core/engine.js";
import { demoCredentials } from "../../mocks/options.js";
import { resolveServeConfig, toMockOptions, type ConfigSources } from "../../server/config/resolve-config.js";
import { ConfigError } from "../../server/config/serve-config.js";
import { settings } from "../../server/config/settings.js";

/** Resolves with a config file held in memory (path `/cfg.json`). */
function resolveWith(argv: string[], env: Record<string, string> = {}, file?: unknown) {
  const sources: ConfigSources = {
    argv,
    env,
    readFile: (path) => {
      if (file === undefined || !path.endsWith("cfg.json")) throw Object.assign(new Error("no such file"), { code: "ENOENT" });
      return typeof file === "string" ? file : JSON.stringify(file);
    },
  };
  return resolveServeConfig(sources);
}

function configError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("serve configuration: defaults", () => {
  it("uses the documented defaults when nothing is set", () => {
    const config = resolveWith([]);
    expect(config).toMatchObject({
      port: 4010,
      host: "127.0.0.1",
      seed: 1,
      clockStart: undefined,
      clockFrozen: false,
      rateLimits: true,
      faults: [],
      journalSize: 200,
      maxTenants: 10_000,
      auth: "off",
      logLevel: "info",
      logFormat: "auto",
      bodyLimit: 1_048_576,
      banner: true,
      credentials: demoCredentials,
      credentialSources: { volcengine: "default", tencent: "default", zego: "default" },
      configFile: undefined,
    });
    for (const setting of settings) expect(config[setting.key as keyof typeof config], setting.key).toEqual(setting.defaultValue);
  });
});

describe("serve configuration: precedence flags > env > file > defaults", () => {
  const file = {
    port: 5000,
    seed: "from-file",
    rateLimits: true,
    clock: { start: "2024-01-01T00:00:00Z", frozen: true },
    journalSize: 50,
    log: { level: "warn" },
  };

  it("takes each setting from the first source that sets it", () => {
    const env = { RTC_MOCK_CONFIG: "/cfg.json", RTC_MOCK_PORT: "6000", RTC_MOCK_SEED: "env-seed", RTC_MOCK_RATE_LIMITS: "off" };
    expect(resolveWith(["--port", "7000", "--rate-limits"], env, file)).toMatchObject({
      port: 7000,
      seed: "env-seed",
      rateLimits: true,
      journalSize: 50,
      logLevel: "warn",
    });
    expect(resolveWith([], env, file)).toMatchObject({ port: 6000, seed: "env-seed", rateLimits: false, journalSize: 50 });
    expect(resolveWith([], { RTC_MOCK_CONFIG: "/cfg.json" }, file)).toMatchObject({
      port: 5000,
      seed: "from-file",
      rateLimits: true,
      clockStart: "2024-01-01T00:00:00Z",
      clockFrozen: true,
    });
    expect(resolveWith(["-p", "7001", "--no-rate-limits", "--no-clock-frozen"], { RTC_MOCK_CONFIG: "/cfg.json" }, file)).toMatchObject({
      port: 7001,
      rateLimits: false,
      clockFrozen: false,
    });
  });

  it("reads the config file named by --config before RTC_MOCK_CONFIG, and treats an empty variable as unset", () => {
    expect(resolveWith(["--config", "/cfg.json"], { RTC_MOCK_CONFIG: "/other.json" }, file).port).toBe(5000);
    expect(resolveWith(["-c", "/cfg.json"], { RTC_MOCK_PORT: "" }, file).port).toBe(5000);
    expect(resolveWith(["-c", "/cfg.json"], {}, file).configFile).toBe("/cfg.json");
  });

  it("honours PORT after --port and RTC_MOCK_PORT, before the config file", () => {
    expect(resolveWith([], { PORT: "5100" }).port).toBe(5100);
    expect(resolveWith([], { PORT: "5100", RTC_MOCK_PORT: "5200" }).port).toBe(5200);
    expect(resolveWith(["--port", "5300"], { PORT: "5100", RTC_MOCK_PORT: "5200" }).port).toBe(5300);
    expect(resolveWith(["-c", "/cfg.json"], { PORT: "5100" }, file).port).toBe(5100);
    expect(configError(() => resolveWith([], { PORT: "http" }))).toMatch(/^PORT: expected an integer/);
  });

  it("parses values: digit seeds become numbers, clock starts accept epoch ms and ISO text, booleans accept on/off", () => {
    expect(resolveWith(["--seed", "42"]).seed).toBe(42);
    expect(resolveWith([], { RTC_MOCK_SEED: "lab-7" }).seed).toBe("lab-7");
    expect(resolveWith(["--clock-start", "1700000000000"]).clockStart).toBe(1_700_000_000_000);
    expect(resolveWith([], { RTC_MOCK_CLOCK_START: "2025-01-01T00:00:00+08:00", RTC_MOCK_CLOCK_FROZEN: "yes" })).toMatchObject({
      clockStart: "2025-01-01T00:00:00+08:00",
      clockFrozen: true,
    });
    expect(resolveWith([], { RTC_MOCK_BANNER: "0", RTC_MOCK_AUTH: "verify", RTC_MOCK_LOG_FORMAT: "json" })).toMatchObject({
      banner: false,
      auth: "verify",
      logFormat: "json",
    });
  });

  it("reports bad values with the flag, variable or file key they came from", () => {
    expect(configError(() => resolveWith(["--port", "http"]))).toMatch(/^--port: expected an integer from 0 to 65535/);
    expect(configError(() => resolveWith([], { RTC_MOCK_PORT: "70000" }))).toMatch(/^RTC_MOCK_PORT: expected an integer/);
    expect(configError(() => resolveWith([], { RTC_MOCK_RATE_LIMITS: "maybe" }))).toMatch(/^RTC_MOCK_RATE_LIMITS: expected true or false/);
    expect(configError(() => resolveWith(["--auth", "strict"]))).toMatch(/^--auth: expected one of off, verify/);
    expect(configError(() => resolveWith(["--clock-start", "tomorrow"]))).toMatch(/^--clock-start: Invalid clock time/);
    expect(configError(() => resolveWith(["-c", "/cfg.json"], {}, { clock: { start: "soon" } }))).toMatch(
      /^config file clock\.start: Invalid clock time/,
    );
    expect(configError(() => resolveWith(["--log-level", "loud"]))).toMatch(
      /--log-level: expected one of fatal, error, warn, info, debug, trace, silent/,
    );
    expect(configError(() => resolveWith(["--colour"]))).toMatch(/Unknown option '--colour'/);
    expect(configError(() => resolveWith(["extra"]))).toMatch(/Unexpected argument 'extra'/);
    expect(configError(() => resolveWith(["--port"]))).toMatch(/--port/);
  });
});

describe("serve configuration: the config file", () => {
  it("rejects unreadable, non-JSON, unknown and mistyped content, naming the file", () => {
    expect(configError(() => resolveWith(["-c", "/missing.json"]))).toMatch(/cannot read config file .*missing\.json: ENOENT/);
    expect(configError(() => resolveWith(["-c", "/cfg.json"], {}, "{ port: 1 }"))).toMatch(/cfg\.json is not valid JSON/);
    expect(configError(() => resolveWith(["-c", "/cfg.json"], {}, { prot: 4000 }))).toMatch(/cfg\.json: .*prot/);
    expect(configError(() => resolveWith(["-c", "/cfg.json"], {}, { port: "4000" }))).toMatch(/port/);
    expect(configError(() => resolveWith(["-c", "/cfg.json"], {}, { auth: { mode: "sometimes" } }))).toMatch(/auth\.mode/);
    expect(configError(() => resolveWith(["-c", "/cfg.json"], {}, { tencent: { statisticsDelay: 60 } }))).toMatch(
      /tencent\.statisticsDelay: unknown tencent option/,
    );
    expect(configError(() => resolveWith(["-c", "/cfg.json"], {}, { zego: { stepMs: "60s" } }))).toMatch(/zego\.stepMs: expected a number/);
  });

  it("passes per-vendor options and everything else on to the engine", () => {
    const config = resolveWith(
      ["-c", "/cfg.json"],
      {},
      {
        $schema: "./rtc-analytics-mock.schema.json",
        seed: 9,
        clock: { start: 1_700_000_000_000, frozen: true },
        journalSize: 7,
        maxTenants: 3,
        tencent: { statisticsDelaySec: 60, seedRooms: false },
        zego: { stepMs: 30_000 },
        volcengine: { throttleStatus: 403 },
      },
    );
    const options = toMockOptions(config);
    expect(options).toMatchObject({
      seed: 9,
      clock: { start: 1_700_000_000_000, frozen: true },
      journalSize: 7,
      maxTenants: 3,
      rateLimits: true,
    });
    const engine = createMockEngine(options);
    expect(engine.options).toMatchObject({
      journalSize: 7,
      maxTenants: 3,
      tencent: { statisticsDelaySec: 60, seedRooms: false },
      zego: { stepMs: 30_000 },
      volcengine: { throttleStatus: 403 },
    });
    expect(engine.clock.now()).toBe(1_700_000_000_000);
    expect(engine.backends.tencent.rooms.list()).toEqual([]);
  });
});

describe("serve configuration: faults", () => {
  const latency = { kind: "latency", ms: 100, vendor: "zego" };
  const drop = { kind: "drop", vendor: "tencent", times: 1 };

  it("takes repeated --fault flags over RTC_MOCK_FAULTS over the file's list", () => {
    const env = { RTC_MOCK_CONFIG: "/cfg.json", RTC_MOCK_FAULTS: JSON.stringify([drop]) };
    const file = { faults: [latency, drop] };
    expect(resolveWith(["--fault", JSON.stringify(latency), "--fault", JSON.stringify(drop)], env, file).faults).toEqual([latency, drop]);
    expect(resolveWith([], env, file).faults).toEqual([drop]);
    expect(resolveWith([], { RTC_MOCK_CONFIG: "/cfg.json" }, file).faults).toEqual([latency, drop]);
  });

  it("validates each fault like the control API does", () => {
    expect(configError(() => resolveWith(["--fault", "{kind:drop}"]))).toMatch(/^--fault #1: not valid JSON/);
    expect(configError(() => resolveWith(["--fault", JSON.stringify({ kind: "error", vendor: "zego", code: "999" })]))).toMatch(
      /"999" is not in the zego error catalog/,
    );
    expect(configError(() => resolveWith([], { RTC_MOCK_FAULTS: JSON.stringify(latency) }))).toMatch(
      /RTC_MOCK_FAULTS: expected a JSON array/,
    );
    expect(configError(() => resolveWith(["-c", "/cfg.json"], {}, { faults: [latency, { kind: "latency", ms: -5 }] }))).toMatch(
      /^config file faults\[1\]: Invalid fault/,
    );
  });
});

describe("serve configuration: control API access (--allowed-host, --cors)", () => {
  it("is none by default, and takes repeated flags over a comma-separated variable over the file's list", () => {
    expect(resolveWith([])).toMatchObject({ allowedHosts: [], cors: [] });
    const env = { RTC_MOCK_CONFIG: "/cfg.json", RTC_MOCK_ALLOWED_HOSTS: "env.internal, [fd00::1]", RTC_MOCK_CORS: "http://localhost:3000" };
    const file = { allowedHosts: ["file.internal"], cors: ["https://tool.example"] };
    const flags = ["--allowed-host", "Mock.Team.Internal", "--allowed-host", "mock.internal:4010", "--cors", "http://localhost:5173/"];
    expect(resolveWith(flags, env, file)).toMatchObject({
      allowedHosts: ["mock.team.internal", "mock.internal:4010"],
      cors: ["http://localhost:5173"],
    });
    expect(resolveWith([], env, file)).toMatchObject({ allowedHosts: ["env.internal", "fd00::1"], cors: ["http://localhost:3000"] });
    expect(resolveWith([], { RTC_MOCK_CONFIG: "/cfg.json" }, file)).toMatchObject({
      allowedHosts: ["file.internal"],
      cors: ["https://tool.example"],
    });
  });

  it("refuses a wildcard, a path or a bare name as an origin, and junk as a host", () => {
    expect(configError(() => resolveWith(["--cors", "*"]))).toMatch(/^--cors: expected an origin such as http:\/\/localhost:5173/);
    expect(configError(() => resolveWith(["--cors", "http://localhost:5173/app"]))).toMatch(/^--cors: expected an origin/);
    expect(configError(() => resolveWith([], { RTC_MOCK_CORS: "localhost" }))).toMatch(/^RTC_MOCK_CORS: expected an origin/);
    expect(configError(() => resolveWith(["--allowed-host", "evil.example/path"]))).toMatch(/^--allowed-host: expected a host name/);
    expect(configError(() => resolveWith(["-c", "/cfg.json"], {}, { cors: ["null"] }))).toMatch(
      /^config file cors\[0\]: expected an origin/,
    );
  });
});

describe("serve configuration: credentials (issue 4)", () => {
  it("uses the demo credentials by default", () => {
    const config = resolveWith([]);
    expect(config.credentials).toEqual(demoCredentials);
  });

  it("takes a pair per vendor from flags and variables, half by half, over the config file's list", () => {
    const file = {
      auth: {
        mode: "verify",
        credentials: {
          zego: [
            { appId: 111, serverSecret: "file-secret-1" },
            { appId: "222", serverSecret: "file-secret-2" },
          ],
          tencent: [{ secretId: "AKIDfile", secretKey: "file-tencent-key" }],
        },
      },
    };
    const env = {
      RTC_MOCK_CONFIG: "/cfg.json",
      RTC_MOCK_TENCENT_SECRET_ID: "AKIDenv",
      RTC_MOCK_TENCENT_SECRET_KEY: "env-tencent-key",
      RTC_MOCK_VOLCENGINE_SECRET_KEY: "env-volc-secret",
    };
    const config = resolveWith(["--volcengine-access-key-id", "AKLTflag", "--tencent-secret-key", "flag-tencent-key"], env, file);
    expect(config.auth).toBe("verify");
    expect(config.credentials.volcengine).toEqual([{ accessKeyId: "AKLTflag", secretKey: "env-volc-secret" }]);
    expect(config.credentials.tencent).toEqual([{ secretId: "AKIDenv", secretKey: "flag-tencent-key" }]);
    expect(config.credentials.zego).toEqual([
      { appId: "111", serverSecret: "file-secret-1" },
      { appId: "222", serverSecret: "file-secret-2" },
    ]);
    expect(config.credentialSources).toEqual({ volcengine: "flag", tencent: "flag", zego: "file" });
    // Without the flag, the variable's secret has no id to go with.
    expect(configError(() => resolveWith([], env, file))).toMatch(/volcengine credentials need both halves/);
    const { RTC_MOCK_VOLCENGINE_SECRET_KEY: _secret, ...withoutVolcengine } = env;
    const fromEnv = resolveWith([], withoutVolcengine, file);
    expect(fromEnv.credentialSources).toEqual({ volcengine: "default", tencent: "env", zego: "file" });
    expect(fromEnv.credentials.tencent).toEqual([{ secretId: "AKIDenv", secretKey: "env-tencent-key" }]);
    expect(fromEnv.credentials.volcengine).toEqual(demoCredentials.volcengine);
  });

  it("refuses half a pair", () => {
    expect(configError(() => resolveWith([], { RTC_MOCK_ZEGO_APP_ID: "1234567890" }))).toMatch(
      /zego credentials need both halves: --zego-app-id \(or RTC_MOCK_ZEGO_APP_ID\) and --zego-server-secret \(or RTC_MOCK_ZEGO_SERVER_SECRET\)/,
    );
    expect(configError(() => resolveWith(["--tencent-secret-key", "k"]))).toMatch(/tencent credentials need both halves/);
  });
});

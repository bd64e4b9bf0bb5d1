import { endpoints } from "../schemas/registry.js";
import { renderBanner } from "./banner.js";
import { resolveServeConfig, toMockOptions } from "./config/resolve-config.js";
import { ConfigError, type ServeConfig } from "./config/serve-config.js";
import { serveHelp } from "./help.js";
import { packageInfo } from "./package-info.js";
import { startServer, type RunningServer } from "./start-server.js";

/** Streams, environment and process of a CLI run; injectable for tests. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Readonly<Record<string, string | undefined>>;
  /** Where SIGINT and SIGTERM arrive. */
  signals: Pick<NodeJS.Process, "once" | "off">;
}

/** The real process. */
export const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, signals: process };

const SHUTDOWN_SIGNALS = ["SIGINT", "SIGTERM"] as const;

/**
 * `serve`: resolves the configuration, starts the server, prints the banner and runs until SIGINT
 * or SIGTERM, then closes cleanly. Resolves with the exit code (2 for configuration errors).
 */
export async function serveCommand(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout.write(serveHelp(packageInfo.name));
    return 0;
  }
  let config: ServeConfig;
  try {
    config = resolveServeConfig({ argv, env: io.env });
  } catch (cause) {
    if (!(cause instanceof ConfigError)) throw cause;
    io.stderr.write(`${packageInfo.name} serve: ${cause.message}\nRun "${packageInfo.name} serve --help" for the options.\n`);
    return 2;
  }

  let server: RunningServer;
  try {
    server = await startServer({
      mock: toMockOptions(config),
      host: config.host,
      port: config.port,
      bodyLimit: config.bodyLimit,
      maxSessions: config.maxSessions,
      sessionIdleTimeoutMs: config.sessionIdleTimeoutMs,
      allowedHosts: config.allowedHosts,
      cors: config.cors,
      logger: { level: config.logLevel, format: config.logFormat, destination: io.stdout },
    });
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason =
      code === "EADDRINUSE"
        ? `port ${config.port} on ${config.host} is already in use (choose another with --port or RTC_MOCK_PORT)`
        : code === "EACCES"
          ? `not allowed to listen on ${config.host}:${config.port}`
          : cause instanceof Error
            ? cause.message
            : String(cause);
    io.stderr.write(`${packageInfo.name} serve: cannot start: ${reason}\n`);
    return 1;
  }

  if (config.banner) io.stdout.write(banner(config, server));
  server.app.log.info({ url: server.url, seed: config.seed, auth: config.auth, rateLimits: config.rateLimits }, "rtc-analytics-mock ready");

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      server.app.log.info({ signal }, "shutting down");
      server.close().then(
        () => {
          for (const name of SHUTDOWN_SIGNALS) io.signals.off(name, stop);
          server.app.log.info("stopped");
          resolve(0);
        },
        (cause: unknown) => {
          io.stderr.write(`${packageInfo.name} serve: error while closing: ${cause instanceof Error ? cause.message : String(cause)}\n`);
          resolve(1);
        },
      );
    };
    for (const name of SHUTDOWN_SIGNALS) io.signals.once(name, stop);
  });
}

function banner(config: ServeConfig, server: RunningServer): string {
  const credentials = server.engine.options.auth.credentials;
  return renderBanner({
    name: packageInfo.name,
    version: packageInfo.version,
    url: server.url,
    endpoints,
    seed: config.seed,
    clock: { now: server.engine.clock.now(), frozen: server.engine.clock.frozen },
    rateLimits: server.engine.options.rateLimits,
    auth: config.auth,
    credentialIds: {
      volcengine: { ids: credentials.volcengine.map((c) => c.accessKeyId), source: config.credentialSources.volcengine },
      zego: { ids: credentials.zego.map((c) => c.appId), source: config.credentialSources.zego },
      tencent: { ids: credentials.tencent.map((c) => c.secretId), source: config.credentialSources.tencent },
    },
    faults: config.faults.length,
    configFile: config.configFile,
  });
}

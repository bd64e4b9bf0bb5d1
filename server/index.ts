export { buildServer, DEFAULT_BODY_LIMIT, DEFAULT_MAX_HEADER_SIZE, type ServerOptions } from "./app.js";
export { startServer, type RunningServer, type StartServerOptions } from "./start-server.js";
export { CONTROL_PREFIX } from "./control/prefix.js";
export { resolveServeConfig, toMockOptions, type ConfigSources } from "./config/resolve-config.js";
export { ConfigError, type ServeConfig } from "./config/serve-config.js";
export type { LogOptions, LogLevel, LogFormat } from "./logging.js";
export { nodeHashing } from "./node-hashing.js";

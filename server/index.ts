export { buildServer, DEFAULT_BODY_LIMIT, DEFAULT_MAX_HEADER_SIZE, type ServerOptions } from "./app.js";
export {
  DEFAULT_MAX_SESSIONS,
  DEFAULT_SESSION_IDLE_TIMEOUT_MS,
  startServer,
  type RunningServer,
  type StartServerOptions,
} from "./start-server.js";
export { CONTROL_PREFIX } from "./control/prefix.js";
export { resolveServeConfig, toMockOptions, type ConfigSources } from "./config/resolve-config.js";
export { ConfigError, type ServeConfig } from "./config/serve-config.js";
export type { LogOptions, LogLevel, LogFormat } from "./logging.js";
export { nodeHashing } from "./node-hashing.js";
export {
  DEFAULT_SERVER_URL,
  SERVER_URL_ENV,
  offersSessions,
  openSession,
  openSessionOrServer,
  type MockSession,
  type OpenSessionOptions,
} from "./sessions/session-client.js";
export type { SessionInfo, SessionRegistry } from "./sessions/session-registry.js";
export type { SessionSpec } from "./sessions/session-spec.js";

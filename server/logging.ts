import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from "fastify";
import { createRequire } from "node:module";
import type PinoPretty from "pino-pretty";
import { sanitizedPath } from "../mocks/core/journal.js";
import type { LogFormat, LogLevel } from "./log-levels.js";
import { requestUrl } from "./mock-request.js";

export { LOG_LEVELS, type LogFormat, type LogLevel } from "./log-levels.js";

/** How the server logs. */
export interface LogOptions {
  level?: LogLevel;
  format?: LogFormat;
  /** Destination (default stdout); tests pass a stream to read the lines. */
  destination?: NodeJS.WritableStream;
}

/**
 * Credential-bearing fields, censored wherever a header object is logged: Volcengine and Tencent
 * sign in `Authorization`; Tencent and Volcengine session tokens travel in their own headers.
 */
export const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-tc-token"]',
  'req.headers["x-security-token"]',
  "headers.authorization",
  "headers.cookie",
  'headers["x-tc-token"]',
  'headers["x-security-token"]',
];

/** The path and query of a request, without signature or credential parameters (ZEGO's Signature, Volcengine's X-Signature …). */
export function loggablePath(req: FastifyRequest): string {
  // Serializers may be handed the raw IncomingMessage instead of the fastify request.
  const raw = (req as { raw?: { url?: string } }).raw ?? (req as unknown as { url?: string });
  return sanitizedPath(requestUrl(raw.url, req.headers?.host));
}

/** One line per request, with the sanitized URL; `incoming request` only at debug level. */
class MockLogController extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    const log = request.log as typeof request.log & { isLevelEnabled?: (level: string) => boolean };
    if (log.isLevelEnabled?.("debug") !== true) return;
    const url = loggablePath(request);
    log.debug({ method: request.method, url }, `incoming ${request.method} ${url}`);
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const log = request.log as typeof request.log & { isLevelEnabled?: (level: string) => boolean };
    // The line is built only when it will be written (it costs ~5 % of a request at warn level).
    if (!log.isLevelEnabled?.(error ? "error" : "info")) return;
    const line = {
      method: request.method,
      url: loggablePath(request),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) request.log.error({ ...line, err: error }, "request failed");
    else request.log.info(line, `${request.method} ${line.url} ${reply.statusCode} ${line.ms} ms`);
  }
}

/** Fastify options for logging: level, redaction, sanitized request serializer, pretty or JSON output. */
export function loggingOptions(options: LogOptions | boolean | undefined): Pick<FastifyServerOptions, "logger" | "logController"> {
  if (options === undefined || options === false) return { logger: false };
  const settings = options === true ? {} : options;
  const destination = settings.destination ?? process.stdout;
  const format = settings.format ?? "auto";
  // auto: pretty on a terminal when pino-pretty is installed, JSON lines otherwise.
  const wantsPretty = format === "pretty" || (format === "auto" && (destination as { isTTY?: boolean }).isTTY === true);
  const pinoPretty = wantsPretty ? loadPinoPretty() : undefined;
  if (format === "pretty" && pinoPretty === undefined)
    throw new Error("--log-format pretty needs the optional package pino-pretty: npm install pino-pretty (or use --log-format json)");
  const stream = pinoPretty
    ? pinoPretty({
        destination: destination as never,
        colorize: (destination as { isTTY?: boolean }).isTTY === true,
        translateTime: "SYS:HH:MM:ss.l",
        // Request lines already say all of this in their message; JSON keeps the fields.
        ignore: "pid,hostname,reqId,method,url,status,ms",
        sync: true,
      })
    : destination;
  return {
    logger: {
      level: settings.level ?? "info",
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      serializers: {
        req: (req: FastifyRequest) => ({ method: req.method, url: loggablePath(req) }),
      },
      stream: stream as never,
    },
    logController: new MockLogController(),
  };
}

/**
 * pino-pretty, an optional peer dependency (a consumer who wants JSON logs need not install it),
 * loaded only when pretty output may be wanted to keep start-up lean; undefined when not installed.
 */
function loadPinoPretty(): typeof PinoPretty | undefined {
  try {
    return createRequire(import.meta.url)("pino-pretty") as typeof PinoPretty;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND") return undefined;
    throw cause;
  }
}

import { STATUS_CODES, type Server } from "node:http";
import type { Socket } from "node:net";
import Fastify, { type FastifyError, type FastifyHttpOptions, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { createMockEngine, type MockEngine } from "../mocks/core/engine.js";
import type { MockOptions } from "../mocks/options.js";
import type { TransportProblem } from "../mocks/core/vendor.js";
import { registerControlApi, sendControlError } from "./control/control-api.js";
import { createControlGuard } from "./control/control-guard.js";
import { isControlPath } from "./control/prefix.js";
import { registerDocsPage } from "./docs-page.js";
import { loggingOptions, type LogOptions } from "./logging.js";
import { requestFromRawPacket, toMockRequest } from "./mock-request.js";
import { nodeHashing } from "./node-hashing.js";
import { loadOpenApiDocuments } from "./openapi-documents.js";
import { packageInfo } from "./package-info.js";
import { drainRequest } from "./drain-request.js";
import { createPendingDelays } from "./pending-delays.js";
import { sendMockReply } from "./send-mock-reply.js";
import { registerUiPage } from "./ui-page.js";
import type { SessionRegistry } from "./sessions/session-registry.js";

/** Largest request body by default (1 MiB); bigger ones get the vendor's body-too-large error. */
export const DEFAULT_BODY_LIMIT = 1_048_576;
/** Largest request head (request line plus headers) by default; Node's own default. */
export const DEFAULT_MAX_HEADER_SIZE = 16_384;
/** How long a client may take to send its headers, and its whole request. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;

/** Options of the fastify adapter. */
export interface ServerOptions {
  /** Engine to serve; created from `mock` when omitted. */
  engine?: MockEngine;
  mock?: MockOptions;
  /** Off by default; `true` logs at info level (pretty on a terminal, JSON otherwise). */
  logger?: boolean | LogOptions;
  /** Largest request body in bytes; default 1 MiB. */
  bodyLimit?: number;
  /** Largest request head in bytes; default 16 KiB. */
  maxHeaderSize?: number;
  /** How long a client may take to send its whole request, in ms; default 30 s. */
  requestTimeoutMs?: number;
  /** Serve the API documentation page at /__mock/docs; default true. */
  docs?: boolean;
  /** The sessions this server's control API lists and opens (`startServer` makes one); absent: none. */
  sessions?: SessionRegistry;
  /** Which session this server is; default `default`. */
  sessionId?: string;
  /** Host names the control API accepts besides loopback addresses and `localhost` (DNS rebinding guard). */
  allowedHosts?: readonly string[];
  /** Origins of browser tools allowed to call the control API cross-origin; none by default. */
  cors?: readonly string[];
}

/**
 * Builds the fastify app over one engine (not listening yet). One port serves every vendor: a
 * catch-all route hands each request, raw body and all, to the engine, which decides the vendor and
 * the endpoint; the control API lives under the reserved prefix /__mock. Whatever goes wrong on the
 * way in (oversized body, bad URL, garbage headers, framework errors) is answered in the vendor's
 * envelope, never with a 500 or a stack trace.
 */
export function buildServer(options: ServerOptions = {}): { app: FastifyInstance; engine: MockEngine } {
  const engine = options.engine ?? createMockEngine({ ...options.mock, hashing: options.mock?.hashing ?? nodeHashing });
  const delays = createPendingDelays();
  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  // The request each connection is receiving, from its head on: a request that times out while its
  // body arrives is answered in its own vendor's envelope (Node reports the timeout without the head).
  const receiving = new WeakMap<Socket, FastifyRequest>();
  const sessions = options.sessions;
  const guardControl = createControlGuard({
    allowedHosts: options.allowedHosts ?? [],
    cors: options.cors ?? [],
    ...(sessions !== undefined ? { sessionPorts: () => sessions.list().map((session) => session.port) } : {}),
  });

  const serverOptions: FastifyHttpOptions<Server> = {
    ...loggingOptions(options.logger),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    http: {
      maxHeaderSize: options.maxHeaderSize ?? DEFAULT_MAX_HEADER_SIZE,
      headersTimeout: Math.min(HEADERS_TIMEOUT_MS, requestTimeout),
      // Node looks for timed-out requests this often (its default, 30 s, would outlast short timeouts).
      connectionsCheckingInterval: Math.min(30_000, Math.max(100, Math.floor(requestTimeout / 4))),
    },
    requestTimeout,
    // `/__mock/faults/` is `/__mock/faults`; vendor paths are not affected (the engine sees the raw URL).
    routerOptions: { ignoreTrailingSlash: true },
    // Requests still arriving while the server closes are answered normally, not with fastify's 503.
    return503OnClosing: false,
    // No request-id header is read or written: vendor replies stay exactly as the engine made them.
    requestIdHeader: false,
    clientErrorHandler: (error, socket) => answerClientError(engine, error, socket, app, receiving.get(socket)),
    frameworkErrors: (error, req, reply) => answerError(error, req, reply),
  };
  const app: FastifyInstance = Fastify(serverOptions);

  // Signatures hash the raw bytes, so every body stays a Buffer: no JSON parsing, no re-encoding.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_req, body, done) => done(null, body));

  const vendorHandler = (req: FastifyRequest, reply: FastifyReply): Promise<void> | undefined => {
    return sendMockReply(req, reply, engine.handle(toMockRequest(req)), delays);
  };

  const answerError = (error: FastifyError, req: FastifyRequest, reply: FastifyReply): void | Promise<void> => {
    const status = typeof error.statusCode === "number" ? error.statusCode : 500;
    let send: () => void;
    if (isControlPath(req.url)) {
      if (status >= 500) req.log.error({ err: error }, "control API failure");
      send = () =>
        sendControlError(
          reply,
          status >= 400 && status < 500 ? status : 500,
          status < 500 ? error.message : `Internal error in the control API: ${error.message}`,
        );
    } else {
      if (status >= 500) req.log.error({ err: error }, "unexpected error in the vendor route");
      else req.log.debug({ code: error.code }, "request rejected before the engine");
      const problem: TransportProblem = error.code === "FST_ERR_CTP_BODY_TOO_LARGE" ? "body-too-large" : "malformed-request";
      const result = engine.rejectTransport(toMockRequest(req), problem);
      send = () => reply.code(result.status).headers(result.headers).send(Buffer.from(result.body));
    }
    return sendWhenRead(req, reply, send);
  };

  app.setErrorHandler(answerError);
  app.setNotFoundHandler((req, reply) => {
    // Methods outside fastify's catch-all list (PURGE, LINK …) still reach the engine, which routes them.
    if (isControlPath(req.url)) {
      sendControlError(reply, 404, `No control route ${req.method} ${req.url.split("?")[0]}`);
      return;
    }
    return vendorHandler(req, reply);
  });

  const sessionId = options.sessionId ?? "default";
  app.addHook("onRequest", (req, reply, done) => {
    receiving.set(req.raw.socket, req);
    options.sessions?.touch(sessionId);
    if (!isControlPath(req.url)) return done();
    const verdict = guardControl(req.method, req.headers);
    if (verdict.refused) {
      void sendWhenRead(req, reply, () => sendControlError(reply, verdict.status, verdict.message));
      return;
    }
    reply.headers(verdict.headers);
    if (verdict.preflight) reply.code(204).send();
    else done();
  });
  app.all("/*", vendorHandler);

  const openApi = loadOpenApiDocuments((vendor, cause) => app.log.error({ err: cause, vendor }, "OpenAPI document could not be built"));
  const ctx = { engine, openApi, version: packageInfo.version, startedAt: Date.now(), sessionId, sessions: options.sessions };
  registerControlApi(app, ctx);
  if (options.docs !== false) registerDocsPage(app, openApi, packageInfo.version, engine);
  registerUiPage(app);

  // Cut latency faults short on close so shutdown does not wait for them.
  app.addHook("preClose", (done) => {
    delays.release();
    done();
  });

  return { app, engine };
}

/**
 * Answers what Node's HTTP parser rejects before fastify sees a request (oversized or invalid
 * headers, bad request lines, header timeouts): the vendor's error, guessed from whatever part of
 * the request head is readable, written straight to the socket.
 */
function answerClientError(
  engine: MockEngine,
  error: Error & { code?: string; rawPacket?: unknown },
  socket: Socket,
  app: FastifyInstance,
  receiving: FastifyRequest | undefined,
): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  app.log.debug({ code: error.code }, "client error");
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  let status: number;
  let headers: Record<string, string>;
  let body: string;
  try {
    // A request still arriving when it timed out is known by its head; otherwise read what Node hands us.
    const request =
      receiving !== undefined && !receiving.raw.complete
        ? toMockRequest(receiving)
        : requestFromRawPacket(Buffer.isBuffer(error.rawPacket) ? error.rawPacket : undefined);
    if (isControlPath(`${request.url.pathname}${request.url.search}`)) {
      status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
      headers = { "content-type": "application/json; charset=utf-8" };
      body = JSON.stringify({ error: { status, message: `Unreadable request (${error.code ?? "client error"})` } });
    } else {
      const rejection = engine.rejectTransport(request, "malformed-request");
      ({ status, headers } = rejection);
      body = Buffer.from(rejection.body).toString("utf8");
    }
  } catch (cause) {
    app.log.error({ err: cause }, "client error handling failed");
    status = 400;
    headers = { "content-type": "application/json; charset=utf-8" };
    body = JSON.stringify({ error: { code: "MalformedRequest", message: "Malformed request" } });
  }
  const head = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Unknown"}`];
  for (const [name, value] of Object.entries(headers))
    if (name !== "content-length" && name !== "connection") head.push(`${name}: ${value}`);
  head.push(`content-length: ${Buffer.byteLength(body)}`, "connection: close");
  socket.end(`${head.join("\r\n")}\r\n\r\n${body}`);
  // If the client never reads, do not keep the socket around.
  setTimeout(() => socket.destroy(), 1_000).unref();
}

/**
 * Runs `send` once the request body is in. A reply sent while the body still arrives (too large, or
 * refused before it was read) is followed by a close with unread data, which the kernel turns into a
 * reset the client may see instead of the reply: so the rest is read and discarded first (bounded,
 * see drainRequest), and the connection closed after the reply.
 */
function sendWhenRead(req: FastifyRequest, reply: FastifyReply, send: () => void): void | Promise<void> {
  if (req.raw.complete) return send();
  reply.header("connection", "close");
  return drainRequest(req.raw).then(send);
}

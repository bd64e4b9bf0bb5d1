import Fastify, { type FastifyInstance } from "fastify";
import { createMockEngine, type MockEngine } from "../mocks/engine.js";
import type { MockOptions } from "../mocks/options.js";
import { normalizeHeaders, type MockRequest } from "../mocks/request.js";

/** Options of the fastify adapter. */
export interface ServerOptions {
  /** Engine to serve; created from `mock` when omitted. */
  engine?: MockEngine;
  mock?: MockOptions;
  logger?: boolean;
}

/** Builds the fastify app over one engine (not listening yet). MINIMAL: the server work extends it. */
export function buildServer(options: ServerOptions = {}): { app: FastifyInstance; engine: MockEngine } {
  const engine = options.engine ?? createMockEngine(options.mock);
  const app = Fastify({ logger: options.logger ?? false });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_req, body, done) => done(null, body));
  app.all("/*", async (req, reply) => {
    const host = req.headers.host ?? "127.0.0.1";
    const request: MockRequest = {
      method: req.method,
      url: new URL(req.url, `http://${host}`),
      headers: normalizeHeaders(Object.entries(req.headers)),
      rawBody: req.body instanceof Buffer ? new Uint8Array(req.body) : new Uint8Array(),
    };
    const result = engine.handle(request);
    if (result.delayMs) await new Promise((resolve) => setTimeout(resolve, result.delayMs));
    if (result.dropConnection) {
      req.raw.socket.destroy();
      return reply;
    }
    return reply.code(result.status).headers(result.headers).send(result.body);
  });
  return { app, engine };
}

import type { z } from "zod";
import type { MockEngine } from "../../mocks/core/engine.js";
import type { OpenApiDocuments } from "../openapi-documents.js";
import type { SessionRegistry } from "../sessions/session-registry.js";

/** What control handlers may use. */
export interface ControlContext {
  engine: MockEngine;
  openApi: OpenApiDocuments;
  /** Package version, for health. */
  version: string;
  /** Real time the server was built at (epoch ms), for uptime. */
  startedAt: number;
  /** This server's session id: `default` for the server's own port. */
  sessionId: string;
  /** The sessions of the server; absent when the server does not listen itself (`buildServer` alone). */
  sessions: SessionRegistry | undefined;
}

/** A handler's answer: status (default 200) and a JSON-serializable body (none for 204). */
export interface ControlAnswer {
  status?: number;
  body?: unknown;
}

/** The validated parts of a control request. */
export interface ControlInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
}

/**
 * One control API route, declared as data: the plugin registers it and the control API's OpenAPI
 * document is derived from the same declaration.
 */
export interface ControlRoute<B = unknown, Q = unknown, P = unknown> {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Path below the control prefix, fastify syntax (`/faults/:id`). */
  path: string;
  summary: string;
  /** JSON body; when omitted any body is ignored. */
  body?: z.ZodType<B>;
  /** Schema shown in the docs when validation is left to the engine (rooms: the registry checks them). */
  documentedBody?: z.ZodType;
  /** Whether the body may be left out (then `undefined` is validated). */
  bodyOptional?: boolean;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  /** Documented success reply. */
  response: { status: number; description: string; schema?: z.ZodType };
  handle(input: ControlInput<B, Q, P>, ctx: ControlContext): ControlAnswer | Promise<ControlAnswer>;
}

/** Keeps a route's input types inferred from its schemas. */
export function defineControlRoute<B = undefined, Q = undefined, P = undefined>(route: ControlRoute<B, Q, P>): ControlRoute {
  return route as unknown as ControlRoute;
}

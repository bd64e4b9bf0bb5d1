import { z } from "zod";
import { sessionSpecSchema } from "../sessions/session-spec.js";
import type { SessionRegistry } from "../sessions/session-registry.js";
import { ControlError } from "./control-error.js";
import { defineControlRoute, type ControlContext, type ControlRoute } from "./control-route.js";

const sessionSchema = z
  .object({
    id: z.string().meta({ description: "`default` for the server's own port; s1, s2 … for opened sessions." }),
    port: z.number().int(),
    baseUrl: z.string().meta({ description: "Vendor endpoints and this session's own /__mock control API." }),
    default: z.boolean(),
    createdAt: z.string(),
    lastRequestAt: z.string(),
    expiresAt: z.string().optional().meta({ description: "When it closes unless it receives a request (real time)." }),
  })
  .meta({ id: "Session" });

const openedSchema = z.object({ id: z.string(), port: z.number().int(), baseUrl: z.string() }).meta({ id: "OpenedSession" });
const sessionIdParamsSchema = z.strictObject({ id: z.string().min(1).max(64) });

function registryOf(ctx: ControlContext): SessionRegistry {
  if (ctx.sessions === undefined)
    throw new ControlError(
      501,
      "Sessions need a listening server (startServer or the CLI); an app from buildServer serves one engine only",
    );
  return ctx.sessions;
}

/** POST, GET and DELETE /sessions: isolated engines, each on its own port. Every session's control API reaches the same list. */
export const sessionRoutes: ControlRoute[] = [
  defineControlRoute({
    method: "POST",
    path: "/sessions",
    summary: "Open a session: an isolated engine (clock, quotas, faults, rooms, journal) on its own port",
    body: sessionSpecSchema.optional(),
    documentedBody: sessionSpecSchema,
    bodyOptional: true,
    response: { status: 201, description: "Where the session listens", schema: openedSchema },
    handle: async ({ body }, ctx) => {
      const { id, port, baseUrl } = await registryOf(ctx).open(body ?? {});
      return { status: 201, body: { id, port, baseUrl } };
    },
  }),
  defineControlRoute({
    method: "GET",
    path: "/sessions",
    summary: "List the sessions: the default one (the server's own port) first",
    response: {
      status: 200,
      description: "The sessions, the limits, and which one answered",
      schema: z.object({ current: z.string(), max: z.number().int(), idleTimeoutMs: z.number().int(), sessions: z.array(sessionSchema) }),
    },
    handle: (_input, ctx) => {
      const registry = registryOf(ctx);
      return { body: { current: ctx.sessionId, max: registry.max, idleTimeoutMs: registry.idleTimeoutMs, sessions: registry.list() } };
    },
  }),
  defineControlRoute({
    method: "DELETE",
    path: "/sessions/:id",
    summary: "Close a session and free its port",
    params: sessionIdParamsSchema,
    response: { status: 204, description: "Closed" },
    handle: async ({ params }, ctx) => {
      const closed = registryOf(ctx).delete(params.id);
      // A session deleting itself closes once this reply is out; any other is closed before answering.
      if (params.id !== ctx.sessionId) await closed;
      else closed.catch(() => undefined);
      return { status: 204 };
    },
  }),
];

import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { describeIssues } from "../describe-issues.js";
import { catalogRoutes } from "./catalog-routes.js";
import { clockRoutes } from "./clock-routes.js";
import { ControlError, controlErrorBody } from "./control-error.js";
import type { ControlContext, ControlRoute } from "./control-route.js";
import { faultRoutes } from "./fault-routes.js";
import { journalRoutes } from "./journal-routes.js";
import { openApiRoutes, RawJson } from "./openapi-routes.js";
import { CONTROL_PREFIX } from "./prefix.js";
import { rateLimitUsageRoutes } from "./rate-limit-usage-routes.js";
import { roomRoutes } from "./room-routes.js";
import { seriesRoutes } from "./series-routes.js";
import { sessionRoutes } from "./session-routes.js";
import { stateRoutes } from "./state-routes.js";

/** Every control route, in the order the docs list them. */
export const controlRoutes: readonly ControlRoute[] = [
  ...stateRoutes,
  ...rateLimitUsageRoutes,
  ...clockRoutes,
  ...faultRoutes,
  ...catalogRoutes,
  ...roomRoutes,
  ...journalRoutes,
  ...seriesRoutes,
  ...sessionRoutes,
  ...openApiRoutes,
];

/** Where the API documentation page is served. */
export const DOCS_PATH = `${CONTROL_PREFIX}/docs`;

const JSON_TYPE = "application/json; charset=utf-8";
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Sends a control error as JSON. */
export function sendControlError(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply
    .code(status)
    .type(JSON_TYPE)
    .send(JSON.stringify(controlErrorBody(status, message)));
}

/**
 * Registers the control API under the reserved prefix. Anything else below the prefix is the
 * control API's own 404 or 405, never a vendor request.
 */
export function registerControlApi(app: FastifyInstance, ctx: ControlContext): void {
  const patterns = controlRoutes.map((route) => ({
    route,
    regex: new RegExp(`^${route.path.replace(/:\w+/g, "[^/]+")}/?$`),
  }));
  app.register(
    async (scope) => {
      for (const route of controlRoutes) {
        scope.route({ method: route.method, url: route.path, handler: (req, reply) => run(route, req, reply, ctx) });
      }
      scope.get("/", (_req, reply) => {
        reply.type(JSON_TYPE).send(
          JSON.stringify({
            routes: controlRoutes.map((route) => ({
              method: route.method,
              path: `${CONTROL_PREFIX}${route.path}`,
              summary: route.summary,
            })),
            docs: `${DOCS_PATH}/`,
          }),
        );
      });
      scope.all("/*", (req, reply) => {
        const path = (req.url.split("?")[0] ?? "").slice(CONTROL_PREFIX.length);
        const allowed = [...new Set(patterns.filter((p) => p.regex.test(path)).map((p) => p.route.method))];
        if (allowed.length > 0) {
          reply.header("allow", allowed.join(", "));
          sendControlError(reply, 405, `${req.method} is not allowed on ${CONTROL_PREFIX}${path} (allowed: ${allowed.join(", ")})`);
          return;
        }
        sendControlError(reply, 404, `No control route ${req.method} ${CONTROL_PREFIX}${path}; GET ${CONTROL_PREFIX}/ lists them`);
      });
    },
    { prefix: CONTROL_PREFIX },
  );
}

async function run(route: ControlRoute, req: FastifyRequest, reply: FastifyReply, ctx: ControlContext): Promise<FastifyReply> {
  try {
    const body = route.body ? validated(route.body, readJsonBody(req.body, route.bodyOptional === true), "body") : undefined;
    const query = route.query ? validated(route.query, req.query ?? {}, "query") : undefined;
    const params = route.params ? validated(route.params, req.params ?? {}, "path") : undefined;
    const answer = await route.handle({ body, query, params }, ctx);
    const status = answer.status ?? 200;
    if (answer.body === undefined) return reply.code(status).send();
    const text = answer.body instanceof RawJson ? answer.body.text : JSON.stringify(answer.body);
    return reply.code(status).type(JSON_TYPE).send(text);
  } catch (cause) {
    if (!(cause instanceof ControlError)) throw cause;
    return sendControlError(reply, cause.status, cause.message);
  }
}

/** The request body as JSON; `undefined` when empty. The raw bytes come from the server-wide buffer parser. */
function readJsonBody(raw: unknown, optional: boolean): unknown {
  const bytes = raw instanceof Uint8Array ? raw : undefined;
  if (bytes === undefined || bytes.byteLength === 0) {
    if (optional) return undefined;
    throw new ControlError(400, "This route needs a JSON body");
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ControlError(400, "Request body is not valid UTF-8");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new ControlError(400, `Request body is not valid JSON: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

function validated<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new ControlError(400, `Invalid ${where}: ${describeIssues(result.error)}`);
  return result.data;
}

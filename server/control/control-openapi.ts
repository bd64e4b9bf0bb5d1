import { z } from "zod";
import type { ControlRoute } from "./control-route.js";
import { CONTROL_PREFIX } from "./prefix.js";
import { controlErrorSchema } from "./schemas.js";

/**
 * The control API's own OpenAPI 3.1 document, derived from the route declarations (the same zod
 * schemas validate the requests). Shared schemas with an id land in components.
 */
export function buildControlOpenApiDocument(routes: readonly ControlRoute[], version: string): Record<string, unknown> {
  const components: Record<string, unknown> = {};
  const toSchema = (schema: z.ZodType): Record<string, unknown> => {
    const converted = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
    const {
      $schema: _dialect,
      $defs,
      ...rest
    } = JSON.parse(JSON.stringify(converted).replaceAll('"#/$defs/', '"#/components/schemas/')) as Record<string, unknown>;
    Object.assign(components, ($defs as Record<string, unknown> | undefined) ?? {});
    return rest;
  };
  const errorRef = toSchema(controlErrorSchema);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = `${CONTROL_PREFIX}${route.path}`.replace(/:(\w+)/g, "{$1}");
    const parameters = [...parametersOf(route.params, "path", toSchema), ...parametersOf(route.query, "query", toSchema)];
    const responses: Record<string, unknown> = {
      [String(route.response.status)]: {
        description: route.response.description,
        ...(route.response.schema ? { content: { "application/json": { schema: toSchema(route.response.schema) } } } : {}),
      },
      "4XX": { description: "Invalid input or unknown resource", content: { "application/json": { schema: errorRef } } },
    };
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      summary: route.summary,
      tags: [tagOf(route.path)],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: route.bodyOptional !== true,
              content: { "application/json": { schema: toSchema(route.documentedBody ?? route.body) } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "rtc-analytics-mock control API",
      version,
      description:
        `Drives the fake server from tests: clock, faults, rooms, journal, rate limits. Everything lives under the reserved prefix ` +
        `\`${CONTROL_PREFIX}/\`; vendor endpoints are served on \`/\`. JSON in, JSON out; invalid input is a 400 with a message.`,
    },
    servers: [{ url: "/", description: "This fake server" }],
    paths,
    components: { schemas: components },
  };
}

function tagOf(path: string): string {
  return path.split("/")[1] ?? "control";
}

function parametersOf(
  schema: z.ZodType | undefined,
  where: "path" | "query",
  toSchema: (schema: z.ZodType) => Record<string, unknown>,
): unknown[] {
  if (schema === undefined) return [];
  const object = toSchema(schema) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === "path" || (object.required?.includes(name) ?? false),
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
    };
  });
}

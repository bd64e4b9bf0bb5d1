import type { EndpointDefinition } from "../schemas/common/endpoint.js";
import type { Exchange } from "./exchange.js";
import type { Violation } from "./violation.js";

/** The parsed view of one exchange that every check reads; checks are pure functions of it. */
export interface ObservedExchange {
  endpoint: EndpointDefinition;
  request: {
    method: string;
    url: URL;
    headers: Readonly<Record<string, string>>;
    body: string;
    /** Body parsed as JSON, or undefined when empty or not JSON. */
    json: unknown;
  };
  response: {
    status: number;
    headers: Readonly<Record<string, string>>;
    body: string;
    /** Body parsed as JSON, or undefined when it is not JSON (see `jsonError`). */
    json: unknown;
    jsonError?: string;
  };
  /** Target clock when the reply arrived (epoch ms): "now" for the time rules. */
  now: number;
  /** Target clock when the request left: the earliest the server can have read its clock. */
  sentAt: number;
  /** Allowed difference between our clock and the server's when judging time rules (ms). */
  skewMs: number;
}

/** A check: a pure function from an exchange to the violations it finds (empty when it passes). */
export type Check = (x: ObservedExchange) => Violation[];

/** Base used to turn a request path into a URL; only path and query are ever read from it. */
const PATH_BASE = "http://contract.invalid";

/** Parses JSON text without throwing. */
export function parseJson(text: string): { json: unknown; error?: string } {
  if (text.trim() === "") return { json: undefined, error: "empty body" };
  try {
    return { json: JSON.parse(text) as unknown };
  } catch (cause) {
    return { json: undefined, error: cause instanceof Error ? cause.message : String(cause) };
  }
}

/** Builds the parsed view of an exchange for one endpoint. */
export function observe(endpoint: EndpointDefinition, exchange: Exchange, skewMs = 0): ObservedExchange {
  const requestJson = exchange.request.body.trim() === "" ? undefined : parseJson(exchange.request.body).json;
  const parsed = parseJson(exchange.response.body);
  return {
    endpoint,
    request: {
      method: exchange.request.method,
      url: new URL(exchange.request.path, PATH_BASE),
      headers: exchange.request.headers,
      body: exchange.request.body,
      json: requestJson,
    },
    response: {
      status: exchange.response.status,
      headers: exchange.response.headers,
      body: exchange.response.body,
      json: parsed.json,
      ...(parsed.error !== undefined ? { jsonError: parsed.error } : {}),
    },
    now: exchange.receivedAt,
    sentAt: exchange.sentAt,
    skewMs,
  };
}

/** Reads `obj.a.b[0]` style paths from parsed JSON; undefined when any step is missing. */
export function pick(value: unknown, ...path: readonly (string | number)[]): unknown {
  let current = value;
  for (const step of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

/** True for plain JSON objects (not arrays, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

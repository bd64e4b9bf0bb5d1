import net from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import supertest from "supertest";
import type { MockEngine } from "../../mocks/core/engine.js";
import { replyText, type MockReply } from "../../mocks/core/reply.js";
import type { MockOptions } from "../../mocks/options.js";
import type { Vendor } from "../../schemas/common/endpoint.js";
import { startServer, type RunningServer, type StartServerOptions } from "../../server/start-server.js";
import { frozenAt } from "./clock.js";
import { toMockRequest, vendorRequest, type EndpointRef, type VendorRequest } from "./requests.js";

/** Options of a harness server: the server's, with `mock` merged over the harness defaults. */
export type HarnessServerOptions = StartServerOptions;

/** The mock defaults of every harness server: seed 1, clock frozen at T0. */
export function harnessMockOptions(mock: MockOptions = {}): MockOptions {
  return { seed: 1, clock: frozenAt(), ...mock };
}

/**
 * The real server listening on 127.0.0.1 with a free port, seed 1 and the clock frozen at
 * T0 (each overridable). Requests cross real sockets.
 */
export function startHarnessServer(options: HarnessServerOptions = {}): Promise<RunningServer> {
  return startServer({ host: "127.0.0.1", port: 0, ...options, mock: harnessMockOptions(options.mock) });
}

/** A reply read in full. `json` is undefined when the body is not JSON. */
export interface HarnessReply<J = unknown> {
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  text: string;
  bytes: Buffer;
  json: J;
}

/** Where to send: a running server or its base URL. */
export type Target = RunningServer | string;
const urlOf = (target: Target) => (typeof target === "string" ? target : target.url);

/** Sends a request to the server with supertest and reads the whole reply (bytes, text, JSON). */
export async function send<J = AnyJson>(target: Target, request: VendorRequest): Promise<HarnessReply<J>> {
  // A Test on the base URL: any method (PATCH, DELETE, …) and the path written as given.
  let test = new supertest.Test(urlOf(target) as never, request.method.toUpperCase(), request.path);
  test = test.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on("data", (chunk: Buffer) => chunks.push(chunk));
    res.on("end", () => done(null, Buffer.concat(chunks)));
  });
  for (const [name, value] of Object.entries(request.headers)) test = test.set(name, value);
  // Bytes as given: no form default for text, no JSON serializer for a JSON content-type.
  if (request.body !== undefined) test = test.serialize((bytes: Buffer) => bytes as unknown as string).send(Buffer.from(request.body));
  const response = await test;
  const bytes = response.body as Buffer;
  const text = bytes.toString("utf8");
  return { status: response.status, headers: response.headers as Record<string, string>, text, bytes, json: parseJson(text) as J };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- control replies are read field by field
export type AnyJson = any;

/** Calls the control API (`/__mock<path>`). */
export function control<J = AnyJson>(target: Target, method: string, path: string, body?: unknown): Promise<HarnessReply<J>> {
  return send<J>(target, {
    method,
    path: `/__mock${path}`,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
}

/** A reply of the engine itself, read like an HTTP one. */
export interface EngineReply<J = unknown> extends HarnessReply<J> {
  reply: MockReply;
}

/** Hands a request straight to `engine.handle()` (no sockets) and reads the reply like `send` does. */
export function handle<J = AnyJson>(engine: MockEngine, request: VendorRequest, origin?: string): EngineReply<J> {
  const reply = engine.handle(toMockRequest(request, origin));
  const text = replyText(reply);
  return { reply, status: reply.status, headers: reply.headers, text, bytes: Buffer.from(reply.body), json: parseJson(text) as J };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The vendor whose envelope a reply body is in. */
function vendorOf(json: unknown): Vendor | undefined {
  if (json === null || typeof json !== "object") return undefined;
  if ("ResponseMetadata" in json) return "volcengine";
  if ("Response" in json) return "tencent";
  if ("Code" in json) return "zego";
  return undefined;
}

/** The error code of a vendor reply read from its envelope (the vendor is told or read off the envelope); undefined for a success. */
export function errorCodeOf(reply: { json: unknown } | unknown, vendor?: Vendor): string | undefined {
  const json = reply !== null && typeof reply === "object" && "json" in reply ? reply.json : reply;
  const body = json as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  switch (vendor ?? vendorOf(json)) {
    case "volcengine":
      return body.ResponseMetadata?.Error?.Code;
    case "zego":
      return body.Code === 0 ? undefined : String(body.Code);
    case "tencent":
      return body.Response?.Error?.Code;
    default:
      throw new Error(`not a vendor reply: ${JSON.stringify(json)?.slice(0, 200)}`);
  }
}

/** Is the JSON a success in the vendor's envelope? */
export function isSuccess(vendor: Vendor, json: unknown): boolean {
  const body = json as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  switch (vendor) {
    case "volcengine":
      return body.ResponseMetadata !== undefined && body.ResponseMetadata.Error === undefined && body.Result !== undefined;
    case "zego":
      return body.Code === 0;
    case "tencent":
      return body.Response !== undefined && body.Response.Error === undefined;
  }
}

/** Writes raw bytes to the server and collects everything it answers until it closes the connection (or `timeoutMs`). */
export function rawExchange(target: Target, bytes: string | Buffer, timeoutMs = 5_000): Promise<{ text: string; closed: boolean }> {
  const { hostname, port } = new URL(urlOf(target));
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (closed: boolean) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString("utf8"), closed });
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("close", () => {
      clearTimeout(timer);
      finish(true);
    });
    socket.on("error", () => undefined);
    socket.write(bytes);
  });
}

/** Splits a raw HTTP/1.1 response into status, lower-cased headers and body. */
export function parseRawResponse(text: string): { status: number; headers: Record<string, string>; body: string } {
  const split = text.indexOf("\r\n\r\n");
  const head = split === -1 ? text : text.slice(0, split);
  const body = split === -1 ? "" : text.slice(split + 4);
  const [statusLine = "", ...lines] = head.split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(" ")[1] ?? 0), headers, body };
}

/** One shared server per file (started in beforeAll, closed in afterAll), reset to its start state before each test. */
export function sharedServer(options: HarnessServerOptions = {}): { readonly current: RunningServer; readonly url: string } {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startHarnessServer(options);
  });
  beforeEach(() => server?.engine.reset());
  afterAll(() => server?.close());
  const current = () => {
    if (!server) throw new Error("sharedServer() is used outside a test");
    return server;
  };
  return {
    get current() {
      return current();
    },
    get url() {
      return current().url;
    },
  };
}

/**
 * A starter of servers with their own mock options (merged over the harness defaults) and server
 * options, each closed after the test that started it.
 */
export function serverPerTest(): (mock?: MockOptions, options?: HarnessServerOptions) => Promise<RunningServer> {
  const started: RunningServer[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((server) => server.close()));
  });
  return async (mock = {}, options = {}) => {
    const server = await startHarnessServer({ ...options, mock: { ...options.mock, ...mock } });
    started.push(server);
    return server;
  };
}

/** Builds the request of `endpoint` (its example at T0 plus `changes`) and sends it. */
export function call<J = AnyJson>(
  target: Target,
  endpoint: EndpointRef,
  changes: Parameters<typeof vendorRequest>[1] = {},
): Promise<HarnessReply<J>> {
  return send<J>(target, vendorRequest(endpoint, changes));
}

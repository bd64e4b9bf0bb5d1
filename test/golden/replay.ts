/**
 * The adapter-specific part of the golden transcripts: how a case's options become an engine, how a
 * control step acts on it, and how one request travels through each path (engine in-process, the
 * fastify server over a real socket, MSW's setupServer). When the engine API changes, only this file
 * should need editing; the case files (test/golden/cases) and golden.test.ts stay as they are.
 */
import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { setupServer } from "msw/node";
import { createMockEngine, type MockEngine } from "../../mocks/core/engine.js";
import type { FaultSpec } from "../../mocks/core/faults.js";
import { createRtcHandlers } from "../../mocks/msw/index.js";
import type { MockOptions } from "../../mocks/options.js";
import { buildServer } from "../../server/app.js";

// ---------------------------------------------------------------------------------------------
// The transcript format (shared by the recorder and the test; plain JSON, no engine types).
// ---------------------------------------------------------------------------------------------

/** Engine options of a case, as JSON. Every case runs on a fresh engine made from them. */
export interface GoldenOptions {
  seed: number | string;
  clock: { start: number; frozen: boolean };
  rateLimits?: boolean;
  auth?: { mode: "off" | "verify" };
  maxTenants?: number;
  volcengine?: { knownAppIds?: string[] | null; [key: string]: unknown };
  zego?: Record<string, unknown>;
  tencent?: Record<string, unknown>;
  faults?: FaultSpec[];
}

/** A request as sent: header names lower-case (host included), body as UTF-8 text or base64 bytes. */
export interface GoldenRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  bodyBase64?: string;
}

/** A control action on the engine between requests. Kept few and declarative. */
export type GoldenControl =
  { addFault: FaultSpec } | { addRoom: Record<string, unknown> } | { removeRoom: number } | { setRateLimits: boolean };

/** A step of a case definition. */
export type GoldenStepDefinition = { request: GoldenRequest } | { advanceMs: number } | { control: GoldenControl };

/** A recorded reply: `body` (parsed JSON whose compact form is the exact bytes) or `bodyFile` (raw bytes beside the case file). */
export interface GoldenReply {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
  bodyFile?: string;
  delayMs?: number;
  drop?: boolean;
}

/** A step of a case file. */
export type GoldenStep = { request: GoldenRequest; reply: GoldenReply } | { advanceMs: number } | { control: GoldenControl };

/** A case file: test/golden/cases/<vendor>/<name>.json. */
export interface GoldenCaseFile {
  name: string;
  description: string;
  options: GoldenOptions;
  steps: GoldenStep[];
}

/** What one path observed for one request. */
export interface Observed {
  status: number;
  headers: Record<string, string>;
  bytes: Uint8Array;
  /** Engine only: the latency the reply asked for. Transports report `elapsedMs` instead. */
  delayMs?: number;
  elapsedMs?: number;
  drop: boolean;
}

/** One way of running cases. `begin` puts it in the state of a new engine built from `options`. */
export interface ReplayPath {
  readonly name: string;
  begin(options: GoldenOptions): Promise<void>;
  send(request: GoldenRequest): Promise<Observed>;
  advance(ms: number): void;
  control(action: GoldenControl): void;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Engine adapter: the functions an engine rewrite must keep working.
// ---------------------------------------------------------------------------------------------

/** The engine's options for a case (the JSON options are a subset of MockOptions). */
export function engineOptions(options: GoldenOptions): MockOptions {
  return structuredClone(options) as MockOptions;
}

/** A fresh engine for a case. */
export function createEngine(options: GoldenOptions): MockEngine {
  return createMockEngine(engineOptions(options));
}

/** Back to the state of a new engine from `options` (reset does not restore the rate-limit switch). */
export function resetEngine(engine: MockEngine, options: GoldenOptions): void {
  engine.reset();
  engine.setRateLimits(options.rateLimits ?? true);
}

/** Carries out a control step. */
export function applyControl(engine: MockEngine, action: GoldenControl): void {
  if ("addFault" in action) engine.faults.add(structuredClone(action.addFault));
  else if ("addRoom" in action) engine.backends.tencent.rooms.add(structuredClone(action.addRoom));
  else if ("removeRoom" in action) engine.backends.tencent.rooms.remove(action.removeRoom);
  else engine.setRateLimits(action.setRateLimits);
}

/** Moves the engine's clock. */
export function advanceClock(engine: MockEngine, ms: number): void {
  engine.clock.advance(ms);
}

/** The request's body bytes. */
export function requestBytes(request: GoldenRequest): Uint8Array<ArrayBuffer> {
  if (request.bodyBase64 !== undefined) return new Uint8Array(Buffer.from(request.bodyBase64, "base64"));
  return new TextEncoder().encode(request.body ?? "");
}

/** One request through `engine.handle`, as an adapter would hand it over. */
export function handleInProcess(engine: MockEngine, request: GoldenRequest): Observed {
  const reply = engine.handle({
    method: request.method,
    url: new URL(request.url),
    headers: { ...request.headers },
    rawBody: requestBytes(request),
  });
  return {
    status: reply.status,
    headers: { ...reply.headers },
    bytes: reply.body,
    ...(reply.delayMs !== undefined ? { delayMs: reply.delayMs } : {}),
    drop: reply.drop === true,
  };
}

// ---------------------------------------------------------------------------------------------
// The three paths.
// ---------------------------------------------------------------------------------------------

/** (a) The engine in-process: a brand-new engine per case. Also what the recorder uses. */
export function inProcessPath(): ReplayPath {
  let engine: MockEngine | undefined;
  const current = () => {
    if (engine === undefined) throw new Error("begin() first");
    return engine;
  };
  return {
    name: "engine",
    begin: async (options) => {
      engine = createEngine(options);
    },
    send: async (request) => handleInProcess(current(), request),
    advance: (ms) => advanceClock(current(), ms),
    control: (action) => applyControl(current(), action),
    close: async () => {
      engine = undefined;
    },
  };
}

/** Groups cases by options: one server (or handler set) per group, reset between cases. */
function grouped<T extends { engine: MockEngine }>(
  start: (options: GoldenOptions) => Promise<T>,
  stop: (target: T) => Promise<void>,
): { begin(options: GoldenOptions): Promise<T>; closeAll(): Promise<void> } {
  const targets = new Map<string, T>();
  return {
    async begin(options) {
      const key = JSON.stringify(options);
      let target = targets.get(key);
      if (target === undefined) {
        target = await start(options);
        targets.set(key, target);
      }
      resetEngine(target.engine, options);
      return target;
    },
    async closeAll() {
      for (const target of targets.values()) await stop(target);
      targets.clear();
    },
  };
}

const TRANSPORT_HEADERS_HTTP = new Set(["content-length", "date", "connection", "keep-alive", "transfer-encoding"]);

/** Headers a transport may add on top of the engine's (content-length is checked against the bytes). */
export function transportHeaders(path: string): ReadonlySet<string> {
  return path === "http" ? TRANSPORT_HEADERS_HTTP : new Set(["content-length"]);
}

/** (b) The fastify server on 127.0.0.1, a free port, requests over real sockets (node:http, Host header kept). */
export function httpPath(): ReplayPath {
  let target: { engine: MockEngine; port: number; close(): Promise<void> } | undefined;
  const servers = grouped(
    async (options) => {
      const { app, engine } = buildServer({ mock: engineOptions(options), docs: false });
      await app.listen({ host: "127.0.0.1", port: 0 });
      return { engine, port: (app.server.address() as AddressInfo).port, close: () => app.close() };
    },
    (t) => t.close(),
  );
  const current = () => {
    if (target === undefined) throw new Error("begin() first");
    return target;
  };
  return {
    name: "http",
    begin: async (options) => {
      target = await servers.begin(options);
    },
    send: (request) => sendHttp(current().port, request),
    advance: (ms) => advanceClock(current().engine, ms),
    control: (action) => applyControl(current().engine, action),
    close: () => servers.closeAll(),
  };
}

function sendHttp(port: number, request: GoldenRequest): Promise<Observed> {
  const url = new URL(request.url);
  const body = requestBytes(request);
  const headers: Record<string, string> = { ...request.headers };
  if (body.byteLength > 0 || !["GET", "HEAD", "DELETE", "OPTIONS"].includes(request.method))
    headers["content-length"] = String(body.byteLength);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: "127.0.0.1", port, method: request.method, path: `${url.pathname}${url.search}`, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const out: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers))
            if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
          resolve({
            status: res.statusCode ?? 0,
            headers: out,
            bytes: new Uint8Array(Buffer.concat(chunks)),
            elapsedMs: performance.now() - started,
            drop: false,
          });
        });
        res.on("error", reject);
      },
    );
    // A dropped connection: the socket closes before any reply.
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ECONNRESET" || error.message === "socket hang up")
        resolve({ status: 0, headers: {}, bytes: new Uint8Array(), elapsedMs: performance.now() - started, drop: true });
      else reject(error);
    });
    req.end(body.byteLength > 0 ? Buffer.from(body) : undefined);
  });
}

/** (c) MSW's setupServer with createRtcHandlers, requests by fetch to the recorded (vendor) URL. */
export function mswPath(): ReplayPath {
  const server = setupServer();
  let listening = false;
  let engine: MockEngine | undefined;
  const groups = grouped(
    async (options) => createRtcHandlers(engineOptions(options)),
    async () => undefined,
  );
  const current = () => {
    if (engine === undefined) throw new Error("begin() first");
    return engine;
  };
  return {
    name: "msw",
    begin: async (options) => {
      if (!listening) {
        server.listen({ onUnhandledRequest: "error" });
        listening = true;
      }
      const set = await groups.begin(options);
      server.resetHandlers(...set.handlers);
      engine = set.engine;
    },
    send: async (request) => {
      const { host: _host, ...headers } = request.headers; // fetch derives Host from the URL
      const body = requestBytes(request);
      const started = performance.now();
      let response: Response;
      try {
        response = await fetch(request.url, {
          method: request.method,
          headers,
          // Bytes, not text: fetch adds no content-type of its own to a byte body.
          ...(["GET", "HEAD"].includes(request.method) ? {} : { body }),
        });
      } catch {
        return { status: 0, headers: {}, bytes: new Uint8Array(), elapsedMs: performance.now() - started, drop: true };
      }
      const bytes = new Uint8Array(await response.arrayBuffer());
      const out: Record<string, string> = {};
      response.headers.forEach((value, name) => (out[name] = value));
      return { status: response.status, headers: out, bytes, elapsedMs: performance.now() - started, drop: false };
    },
    advance: (ms) => advanceClock(current(), ms),
    control: (action) => applyControl(current(), action),
    close: async () => {
      if (listening) server.close();
      listening = false;
      await groups.closeAll();
    },
  };
}

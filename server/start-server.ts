import type { AddressInfo, Socket } from "node:net";
import type { FastifyInstance } from "fastify";
import type { MockEngine } from "../mocks/core/engine.js";
import { DEFAULT_MAX_SESSIONS, DEFAULT_SESSION_IDLE_TIMEOUT_MS } from "../mocks/core/bounds.js";
import { buildServer, type ServerOptions } from "./app.js";
import { createSessionRegistry, type SessionRegistry } from "./sessions/session-registry.js";

export { DEFAULT_MAX_SESSIONS, DEFAULT_SESSION_IDLE_TIMEOUT_MS };

/** Options of `startServer`: the adapter's plus where to listen and how many sessions to allow. */
export interface StartServerOptions extends Omit<ServerOptions, "sessions" | "sessionId"> {
  /** Default 0: a free port (the CLI's default is 4010). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Most sessions open at once (POST /__mock/sessions); default 32. */
  maxSessions?: number;
  /** A session without requests for this long (ms) is closed; default 30 min. */
  sessionIdleTimeoutMs?: number;
}

/** A listening server. */
export interface RunningServer {
  /** Base URL clients use, e.g. `http://127.0.0.1:4010`. */
  url: string;
  app: FastifyInstance;
  engine: MockEngine;
  /** The sessions opened on this server (each one an engine on its own port). */
  sessions: SessionRegistry;
  /** Stops listening (its sessions too), cuts pending latency faults short and resolves when closed; safe to call twice. */
  close(): Promise<void>;
}

/** Builds the server and starts listening; its control API can open sessions on the same host. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  const { port, maxSessions, sessionIdleTimeoutMs, engine, mock, ...shared } = options;
  const sessions = createSessionRegistry({
    max: maxSessions ?? DEFAULT_MAX_SESSIONS,
    idleTimeoutMs: sessionIdleTimeoutMs ?? DEFAULT_SESSION_IDLE_TIMEOUT_MS,
    base: mock ?? {},
    // A session is the same server with an engine of its own, on a free port of the same host.
    start: (sessionMock, id) => listen({ ...shared, mock: sessionMock, sessions, sessionId: id }, host, 0),
  });
  try {
    const own = { ...shared, ...(engine !== undefined ? { engine } : {}), ...(mock !== undefined ? { mock } : {}), sessions };
    const server = await listen(own, host, port ?? 0);
    sessions.setDefault(server.url);
    let closing: Promise<void> | undefined;
    return { ...server, sessions, close: () => (closing ??= sessions.close().then(server.close)) };
  } catch (cause) {
    await sessions.close();
    throw cause;
  }
}

/** One listening fastify app over one engine. */
async function listen(options: ServerOptions, host: string, port: number): Promise<Omit<RunningServer, "sessions">> {
  // The interface the user chose to listen on is one of the server's own names.
  const ownHost = host === "0.0.0.0" || host === "::" ? [] : [host.replace(/^\[(.*)\]$/, "$1")];
  const { app, engine } = buildServer({ ...options, allowedHosts: [...(options.allowedHosts ?? []), ...ownHost] });
  try {
    await app.listen({ host, port });
  } catch (cause) {
    await app.close();
    throw cause;
  }
  const address = app.server.address() as AddressInfo;
  // Connections a client opened without sending a request (undici opens a spare one when a request
  // is aborted): Node 22 and 24 neither count them idle nor time them out, so close() would wait for
  // the client to drop them. They are destroyed when the server closes; there is nothing to answer.
  const connections = new Set<Socket>();
  app.server.on("connection", (socket: Socket) => {
    connections.add(socket);
    socket.once("close", () => connections.delete(socket));
  });
  let closing: Promise<void> | undefined;
  const close = async () => {
    const closed = app.close();
    // Idle ones are closed once, when close begins; a reply that goes out later (a latency fault
    // cut short) leaves its connection idle afterwards, so the sweep repeats until closed.
    const sweep = setInterval(() => {
      app.server.closeIdleConnections();
      for (const socket of connections) if (socket.bytesRead === 0) socket.destroy();
    }, 50);
    try {
      await closed;
    } finally {
      clearInterval(sweep);
    }
  };
  return { url: `http://${clientHost(address)}:${address.port}`, app, engine, close: () => (closing ??= close()) };
}

/** The host a local client should use: loopback for wildcard binds, brackets for IPv6. */
function clientHost(address: AddressInfo): string {
  if (address.address === "0.0.0.0") return "127.0.0.1";
  if (address.address === "::") return "[::1]";
  return address.family === "IPv6" ? `[${address.address}]` : address.address;
}

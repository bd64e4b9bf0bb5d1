import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import type { MockEngine } from "../mocks/core/engine.js";
import { buildServer, type ServerOptions } from "./app.js";

/** Options of `startServer`: the adapter's plus where to listen. */
export interface StartServerOptions extends ServerOptions {
  /** Default 0: a free port (the CLI's default is 4010). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

/** A listening server. */
export interface RunningServer {
  /** Base URL clients use, e.g. `http://127.0.0.1:4010`. */
  url: string;
  app: FastifyInstance;
  engine: MockEngine;
  /** Stops listening, cuts pending latency faults short and resolves when closed; safe to call twice. */
  close(): Promise<void>;
}

/** Builds the server and starts listening. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  // The interface the user chose to listen on is one of the server's own names.
  const ownHost = host === "0.0.0.0" || host === "::" ? [] : [host.replace(/^\[(.*)\]$/, "$1")];
  const { app, engine } = buildServer({ ...options, allowedHosts: [...(options.allowedHosts ?? []), ...ownHost] });
  try {
    await app.listen({ host, port: options.port ?? 0 });
  } catch (cause) {
    await app.close();
    throw cause;
  }
  const address = app.server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${clientHost(address)}:${address.port}`,
    app,
    engine,
    close: () => (closing ??= app.close()),
  };
}

/** The host a local client should use: loopback for wildcard binds, brackets for IPv6. */
function clientHost(address: AddressInfo): string {
  if (address.address === "0.0.0.0") return "127.0.0.1";
  if (address.address === "::") return "[::1]";
  return address.family === "IPv6" ? `[${address.address}]` : address.address;
}

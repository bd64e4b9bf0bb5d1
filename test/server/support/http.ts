import net from "node:net";
import { startServer, type RunningServer, type StartServerOptions } from "../../../server/start-server.js";
import type { TestRequest } from "./vendor-requests.js";

/** A running test server on 127.0.0.1 with a free port. */
export function startTestServer(options: StartServerOptions = {}): Promise<RunningServer> {
  return startServer({ host: "127.0.0.1", port: 0, ...options });
}

/** A reply read in full. */
export interface TestReply {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** Sends a test request with fetch. */
export async function send(url: string, request: TestRequest): Promise<TestReply> {
  const response = await fetch(`${url}${request.path}`, {
    method: request.method,
    headers: request.headers,
    ...(request.body !== undefined ? { body: request.body } : {}),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Calls the control API. */
export async function control(url: string, method: string, path: string, body?: unknown): Promise<TestReply> {
  return send(url, {
    method,
    path: `/__mock${path}`,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
}

/** Writes raw bytes to the server and collects everything it answers until it closes the connection (or `timeoutMs`). */
export function rawExchange(url: string, bytes: string | Buffer, timeoutMs = 5_000): Promise<{ text: string; closed: boolean }> {
  const { hostname, port } = new URL(url);
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

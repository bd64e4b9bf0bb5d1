import type { FastifyRequest } from "fastify";
import { normalizeHeaders, type MockRequest } from "../mocks/core/reply.js";

const EMPTY_BODY = new Uint8Array(0);
/** Host header values we trust to build a URL from (name or IP, optional port); anything else is replaced. */
const SAFE_HOST = /^[A-Za-z0-9.\-_]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;
/** Used when the client sent no usable Host header. */
export const FALLBACK_HOST = "127.0.0.1";

/**
 * The URL of a request as the engine sees it. Built by concatenation rather than `new URL(path, base)`
 * so that a path such as `//evil.example/x` stays a path instead of becoming a host.
 */
export function requestUrl(rawUrl: string | undefined, host: string | undefined): URL {
  const safeHost = host !== undefined && SAFE_HOST.test(host) ? host : FALLBACK_HOST;
  const target = rawUrl ?? "/";
  try {
    if (target.startsWith("/")) return new URL(`http://${safeHost}${target}`);
    // Absolute-form request targets (`GET http://host/path HTTP/1.1`, as proxies send them).
    if (/^https?:\/\//i.test(target)) return new URL(target);
  } catch {
    // fall through to the neutral URL
  }
  return new URL(`http://${safeHost}/`);
}

/** Turns a fastify request into the engine's MockRequest; the body is the raw buffer, never copied or re-encoded. */
export function toMockRequest(req: FastifyRequest): MockRequest {
  const body = req.body;
  return {
    method: req.method,
    url: requestUrl(req.raw.url, req.headers.host),
    headers: normalizeHeaders(Object.entries(req.headers)),
    rawBody: body instanceof Uint8Array ? body : EMPTY_BODY,
  };
}

/**
 * Best-effort MockRequest from the bytes Node could not parse (oversized or invalid headers): the
 * request line and whatever header lines are readable, so the error can still pick the right vendor.
 */
export function requestFromRawPacket(packet: Buffer | undefined): MockRequest {
  const text = packet === undefined ? "" : packet.subarray(0, 65_536).toString("latin1");
  const lines = text.split("\r\n");
  const [method = "GET", target = "/"] = (lines[0] ?? "").split(" ");
  const headerEntries: [string, string][] = [];
  for (const line of lines.slice(1)) {
    if (line === "") break;
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    // Only well-formed header names; a garbage line is skipped rather than trusted.
    if (/^[!#$%&'*+.^`|~\w-]+$/.test(name)) headerEntries.push([name, line.slice(colon + 1).trim()]);
  }
  const headers = normalizeHeaders(headerEntries);
  return {
    method: /^[A-Z]{1,16}$/.test(method) ? method : "GET",
    url: requestUrl(target, headers.host),
    headers,
    rawBody: EMPTY_BODY,
  };
}

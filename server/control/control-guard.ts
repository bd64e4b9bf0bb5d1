import type { IncomingHttpHeaders } from "node:http";
import { isIP } from "node:net";

/** Who may drive the control API besides local clients: extra Host names and cross-origin browser tools. */
export interface ControlAccess {
  /** Host names (or `host:port`) accepted in the Host header besides loopback addresses and `localhost`. */
  allowedHosts?: readonly string[];
  /** Origins (`http://localhost:5173`) allowed to call the control API from a browser; none by default. */
  cors?: readonly string[];
  /**
   * The ports of the server's live sessions (the default one included). A page served at one of
   * them, under a host name the guard accepts, may call this control API: the control panel of one
   * session drives the others.
   */
  sessionPorts?: () => Iterable<number>;
}

/** What the guard says about one control request. */
export type ControlVerdict =
  { refused: true; status: number; message: string } | { refused: false; preflight: boolean; headers: Record<string, string> };

const MUTATING = new Set(["POST", "PUT", "DELETE", "PATCH"]);
const CORS_METHODS = "GET, POST, PUT, DELETE";

/**
 * Keeps web pages away from the control API, which can reset the server, move its clock and inject
 * faults. A page open in the developer's browser can send a cross-site `text/plain` POST without a
 * preflight, and DNS rebinding lets it reach 127.0.0.1 under its own name. So: the Host header must
 * name a loopback address, `localhost` or a configured host (rebinding brings a foreign name); a
 * request whose Origin is not the server's own (nor a `cors` origin) is refused (browsers send
 * Origin on every cross-origin request but a GET, and on every POST); a mutating request with a
 * body must say `application/json` (a cross-site form or `text/plain` cannot, without a preflight).
 * Pages of the server's other sessions (same accepted host names, a live session's port) are let
 * in like `cors` origins.
 */
export function createControlGuard(access: ControlAccess = {}): (method: string, headers: IncomingHttpHeaders) => ControlVerdict {
  const allowedHosts = new Set((access.allowedHosts ?? []).map((host) => host.toLowerCase()));
  const corsOrigins = new Set(access.cors ?? []);
  const acceptedHost = (host: string) => {
    const hostname = hostnameOf(host);
    return isLoopback(hostname) || allowedHosts.has(hostname) || allowedHosts.has(host);
  };
  /** `http://<accepted host>:<port of a live session>`, nothing looser: no other scheme, path or port. */
  const isSessionOrigin = (origin: string): boolean => {
    if (access.sessionPorts === undefined) return false;
    const match = /^http:\/\/([^/?#@]+):(\d{1,5})$/i.exec(origin);
    if (match === null || !acceptedHost(`${match[1]!.toLowerCase()}:${match[2]}`)) return false;
    const port = Number(match[2]);
    for (const live of access.sessionPorts()) if (live === port) return true;
    return false;
  };
  return (method, headers) => {
    const host = headers.host?.toLowerCase();
    if (host === undefined || host === "") return refuse(403, "The control API needs a Host header");
    const hostname = hostnameOf(host);
    if (!acceptedHost(host)) {
      return refuse(
        403,
        `Host ${JSON.stringify(headers.host)} is not allowed for the control API (loopback addresses and localhost are); ` +
          `allow it with --allowed-host ${hostname}`,
      );
    }
    const origin = headers.origin;
    const cors = origin !== undefined && (corsOrigins.has(origin) || isSessionOrigin(origin));
    if (origin !== undefined && !cors && origin.toLowerCase() !== `http://${host}`) {
      return refuse(
        403,
        `Origin ${JSON.stringify(origin)} may not call the control API (only pages of this server may); allow a browser tool with --cors ${origin}`,
      );
    }
    const corsHeaders: Record<string, string> = cors ? { "access-control-allow-origin": origin!, vary: "origin" } : {};
    if (cors && method === "OPTIONS" && headers["access-control-request-method"] !== undefined) {
      return {
        refused: false,
        preflight: true,
        headers: {
          ...corsHeaders,
          "access-control-allow-methods": CORS_METHODS,
          "access-control-allow-headers": "content-type",
          "access-control-max-age": "600",
        },
      };
    }
    if (MUTATING.has(method) && hasBody(headers) && !isJson(headers["content-type"])) {
      return refuse(
        415,
        `Control requests with a body must send Content-Type: application/json (got ${JSON.stringify(headers["content-type"] ?? "none")})`,
      );
    }
    return { refused: false, preflight: false, headers: corsHeaders };
  };
}

function refuse(status: number, message: string): ControlVerdict {
  return { refused: true, status, message };
}

/** The name in a Host header, without its port (`[::1]:4010` → `::1`). */
function hostnameOf(host: string): string {
  if (host.startsWith("[")) return host.slice(1, host.indexOf("]") === -1 ? undefined : host.indexOf("]"));
  const colon = host.lastIndexOf(":");
  return colon === -1 ? host : host.slice(0, colon);
}

/** 127.0.0.0/8, ::1 (also IPv4-mapped) and `localhost`: names a rebinding page cannot bring. */
function isLoopback(hostname: string): boolean {
  if (hostname === "localhost") return true;
  const v4 = hostname.startsWith("::ffff:") ? hostname.slice(7) : hostname;
  if (isIP(v4) === 4) return v4.startsWith("127.");
  return hostname === "::1";
}

function hasBody(headers: IncomingHttpHeaders): boolean {
  return headers["transfer-encoding"] !== undefined || (headers["content-length"] !== undefined && headers["content-length"] !== "0");
}

/** `application/json`, with or without parameters (`; charset=utf-8`). */
function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && contentType.split(";")[0]!.trim().toLowerCase() === "application/json";
}

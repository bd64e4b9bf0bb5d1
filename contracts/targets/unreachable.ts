/** Thrown when a target cannot be reached at all: the run stops with this one line instead of erroring every case. */
export class TargetUnreachable extends Error {
  constructor(origin: string, reason: string, hint: string) {
    super(`cannot reach ${origin}: ${reason} — ${hint}`);
    this.name = "TargetUnreachable";
  }
}

/** Node's and undici's codes for a connection that could not be made or was dropped, in words. */
const REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ECONNRESET: "connection reset",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  UND_ERR_CONNECT_TIMEOUT: "connection timed out",
  UND_ERR_SOCKET: "the server closed the connection without a reply",
};

/** The code of a failed fetch's cause (undici wraps it; several addresses tried give an AggregateError). */
function causeOf(cause: TypeError): { code?: string; message?: string; name?: string } {
  const inner = (cause as { cause?: { code?: string; message?: string; name?: string; errors?: { code?: string }[] } }).cause;
  return { code: inner?.code ?? inner?.errors?.[0]?.code, message: inner?.message, name: inner?.name };
}

/** The TargetUnreachable a failed fetch stands for, or undefined when the failure is something else. */
export function unreachable(cause: unknown, url: URL, hint: string): TargetUnreachable | undefined {
  if (!(cause instanceof TypeError)) return undefined;
  const { code, message, name } = causeOf(cause);
  // fetch refuses some ports outright (the fetch standard's "bad ports", e.g. 6000): nothing can answer there.
  if (message === "bad port") return new TargetUnreachable(url.origin, `fetch does not connect to port ${url.port}`, "use another port");
  // Node 20/22's undici says HPE_*; Node 24's gives an HTTPParserError without a code.
  if (code?.startsWith("HPE_") || name === "HTTPParserError")
    return new TargetUnreachable(url.origin, "the reply is not HTTP", "is it an https:// server, or another service on that port?");
  if (code !== undefined && /SSL|TLS|CERT/.test(code))
    return new TargetUnreachable(url.origin, `TLS failed (${code})`, "is it a plain http:// server, or is its certificate not trusted?");
  const reason = code === undefined ? undefined : REASONS[code];
  return reason === undefined ? undefined : new TargetUnreachable(url.origin, reason, hint);
}

/** Thrown when a target cannot be reached at all: the run stops with this one line instead of erroring every case. */
export class TargetUnreachable extends Error {
  constructor(origin: string, reason: string, hint: string) {
    super(`cannot reach ${origin}: ${reason} — ${hint}`);
    this.name = "TargetUnreachable";
  }
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ECONNRESET: "connection reset",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  UND_ERR_CONNECT_TIMEOUT: "connection timed out",
};

/** The TargetUnreachable a failed fetch stands for, or undefined when the failure is something else. */
export function unreachable(cause: unknown, url: URL, hint: string): TargetUnreachable | undefined {
  if (!(cause instanceof TypeError)) return undefined;
  const code = (cause as { cause?: { code?: string } }).cause?.code;
  const reason = code === undefined ? undefined : REASONS[code];
  return reason === undefined ? undefined : new TargetUnreachable(url.origin, reason, hint);
}

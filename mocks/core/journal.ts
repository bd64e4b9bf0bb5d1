import type { Vendor } from "../../schemas/common/endpoint.js";

/** One handled request, sanitized: no headers, bodies or credentials are kept. */
export interface JournalEntry {
  seq: number;
  /** Mock-clock time the request was handled at (epoch ms). */
  at: number;
  method: string;
  /** Path and query with signature parameters (Signature, SignatureNonce) removed. */
  path: string;
  vendor?: Vendor;
  action?: string;
  /** Rate-limit / data scope: AppId or SecretId (not secret). */
  tenant?: string;
  status: number;
  /** Vendor error code, when the reply was an error. */
  errorCode?: string;
  /** Fault rule that shaped the reply, if any. */
  faultId?: string;
}

/** A bounded ring of the most recent requests. */
export interface Journal {
  /** Records a request; signature parameters are removed from its URL here. */
  record(entry: Omit<JournalEntry, "seq" | "path"> & { url: URL }): void;
  /** Oldest first. */
  entries(): JournalEntry[];
  clear(): void;
  readonly capacity: number;
}

const SECRET_QUERY_KEYS = new Set(["signature", "signaturenonce", "x-signature", "x-credential", "x-security-token"]);

/** Path and query of a URL without signature or credential parameters. */
export function sanitizedPath(url: URL): string {
  const kept = [...url.searchParams].filter(([name]) => !SECRET_QUERY_KEYS.has(name.toLowerCase()));
  if (kept.length === 0) return url.pathname;
  return `${url.pathname}?${new URLSearchParams(kept).toString()}`;
}

/** Creates a journal keeping at most `capacity` entries. */
export function createJournal(capacity = 200): Journal {
  const ring: JournalEntry[] = [];
  let seq = 0;
  return {
    capacity,
    record({ url, at, method, ...rest }) {
      ring.push({ seq: ++seq, at, method, path: sanitizedPath(url), ...rest });
      if (ring.length > capacity) ring.shift();
    },
    entries: () => ring.map((entry) => ({ ...entry })),
    clear() {
      ring.length = 0;
    },
  };
}

import type { Vendor } from "../../schemas/common/endpoint.js";
import { MAX_JOURNAL_BYTES, MAX_JOURNAL_PATH_CHARS } from "./bounds.js";

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

/** A client's text (path, requested action) cut to MAX_JOURNAL_PATH_CHARS and marked. */
function cut(text: string): string {
  return text.length > MAX_JOURNAL_PATH_CHARS ? `${text.slice(0, MAX_JOURNAL_PATH_CHARS)}…` : text;
}

/** Rough bytes an entry holds: its strings (two bytes a character) plus the object and its numbers. */
function entryBytes(entry: JournalEntry): number {
  const text = entry.method.length + entry.path.length + (entry.action?.length ?? 0) + (entry.tenant?.length ?? 0);
  return 160 + 2 * (text + (entry.errorCode?.length ?? 0) + (entry.faultId?.length ?? 0));
}

/**
 * Creates a journal keeping at most `capacity` entries and about `maxBytes` of them (the oldest go
 * first); a path or action longer than MAX_JOURNAL_PATH_CHARS is cut and ends in `…`.
 */
export function createJournal(capacity = 200, maxBytes = MAX_JOURNAL_BYTES): Journal {
  const ring: { entry: JournalEntry; bytes: number }[] = [];
  let bytes = 0;
  let seq = 0;
  return {
    capacity,
    record({ url, at, method, ...rest }) {
      const entry: JournalEntry = { seq: ++seq, at, method, path: cut(sanitizedPath(url)), ...rest };
      if (entry.action !== undefined) entry.action = cut(entry.action);
      const size = entryBytes(entry);
      ring.push({ entry, bytes: size });
      bytes += size;
      while (ring.length > capacity || (bytes > maxBytes && ring.length > 1)) bytes -= ring.shift()!.bytes;
    },
    entries: () => ring.map(({ entry }) => ({ ...entry })),
    clear() {
      ring.length = 0;
      bytes = 0;
    },
  };
}

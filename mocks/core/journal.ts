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
  /** Records a request; its `path` is derived from `href` (sanitized) only when the journal is read. */
  record(entry: Omit<JournalEntry, "seq" | "path">, href: string): void;
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
  // Sanitizing the URL costs more than the rest of a record and most entries are never read:
  // each slot builds its entry on the first read and keeps it.
  const ring: { seq: number; href: string; entry: Omit<JournalEntry, "seq" | "path">; full?: JournalEntry }[] = [];
  let seq = 0;
  const entryOf = (slot: (typeof ring)[number]): JournalEntry => {
    if (slot.full === undefined) {
      const { at, method, ...rest } = slot.entry;
      slot.full = { seq: slot.seq, at, method, path: sanitizedPath(new URL(slot.href)), ...rest };
    }
    return slot.full;
  };
  return {
    capacity,
    record(entry, href) {
      ring.push({ seq: ++seq, href, entry });
      if (ring.length > capacity) ring.shift();
    },
    entries: () => ring.map(entryOf),
    clear() {
      ring.length = 0;
    },
  };
}

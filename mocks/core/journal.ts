import type { Vendor } from "../../schemas/common/endpoint.js";
import { MAX_JOURNAL_BYTES, MAX_JOURNAL_PATH_CHARS } from "./bounds.js";
import {
  captureReply,
  captureRequest,
  isSecretParam,
  readReply,
  readRequest,
  type JournalReply,
  type JournalRequest,
  type StoredReply,
  type StoredRequest,
} from "./journal-capture.js";
import type { MockReply, MockRequest } from "./reply.js";

export type { JournalReply, JournalRequest } from "./journal-capture.js";

/** One handled request and its reply, sanitized: no signature, secret, token or cookie is kept. */
export interface JournalEntry {
  seq: number;
  /** Mock-clock time the request was handled at (epoch ms). */
  at: number;
  method: string;
  /** Path and query with signature parameters (Signature, SignatureNonce …) removed. */
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
  /** Wall time (ms) from the request reaching the engine to its reply, injected fault latency included. */
  latencyMs: number;
  /** The request as the vendor reads it, without credentials. */
  request: JournalRequest;
  /** The reply body; absent for a dropped connection. */
  reply?: JournalReply;
}

/** What `entries` selects: every field given must match; `after` keeps greater seqs, `limit` the newest N. */
export type JournalFilter = Partial<Pick<JournalEntry, "vendor" | "action" | "tenant" | "status" | "errorCode">> & {
  after?: number;
  limit?: number;
};

/** What the engine hands the journal for one request: the entry's fields, the request and reply as handled. */
export type JournalRecord = Omit<JournalEntry, "seq" | "method" | "path" | "request" | "reply"> & {
  request: MockRequest;
  /** With `drop` for a dropped connection (then no reply body is kept). */
  reply: MockReply;
};

/** A bounded ring of the most recent requests. */
export interface Journal {
  /** Records a request; credentials are removed and request and reply cut here. */
  record(record: JournalRecord): void;
  /** Oldest first; each call returns fresh copies. */
  entries(filter?: JournalFilter): JournalEntry[];
  clear(): void;
  readonly capacity: number;
}

/** Path and query of a URL without signature or credential parameters. */
export function sanitizedPath(url: URL): string {
  const kept = [...url.searchParams].filter(([name]) => !isSecretParam(name));
  if (kept.length === 0) return url.pathname;
  return `${url.pathname}?${new URLSearchParams(kept).toString()}`;
}

/** A client's text (path, requested action) cut to MAX_JOURNAL_PATH_CHARS and marked. */
function cut(text: string): string {
  return text.length > MAX_JOURNAL_PATH_CHARS ? `${text.slice(0, MAX_JOURNAL_PATH_CHARS)}…` : text;
}

/** An entry as the ring holds it: request sanitized, reply as bytes until read. */
type Stored = Omit<JournalEntry, "request" | "reply"> & { request: StoredRequest; reply?: StoredReply };

/**
 * Rough bytes an entry holds: its strings (two bytes a character), the reply's bytes, plus the
 * objects and numbers (a guessed 64 bytes a header or parameter).
 */
function entryBytes(entry: Stored): number {
  const text = entry.method.length + entry.path.length + (entry.action?.length ?? 0) + (entry.tenant?.length ?? 0);
  const request = entry.request;
  const members = Object.keys(request.query).length + Object.keys(request.headers).length;
  return (
    256 +
    2 * (text + (entry.errorCode?.length ?? 0) + (entry.faultId?.length ?? 0) + request.size) +
    64 * members +
    (entry.reply?.bytes.length ?? 0)
  );
}

function matches(entry: Stored, filter: JournalFilter): boolean {
  return (
    (filter.after === undefined || entry.seq > filter.after) &&
    (filter.vendor === undefined || entry.vendor === filter.vendor) &&
    (filter.action === undefined || entry.action === filter.action) &&
    (filter.tenant === undefined || entry.tenant === filter.tenant) &&
    (filter.status === undefined || entry.status === filter.status) &&
    (filter.errorCode === undefined || entry.errorCode === filter.errorCode)
  );
}

/** The entry as callers see it: request and reply read afresh, so no caller changes the journal. */
function read({ request, reply, ...fields }: Stored): JournalEntry {
  const entry: JournalEntry = { ...fields, request: readRequest(request) };
  if (reply !== undefined) entry.reply = readReply(reply);
  return entry;
}

/**
 * Creates a journal keeping at most `capacity` entries and about `maxBytes` of them (the oldest go
 * first); a path or action longer than MAX_JOURNAL_PATH_CHARS is cut and ends in `…`; request and
 * reply are cut as journal-capture.ts says.
 */
export function createJournal(capacity = 200, maxBytes = MAX_JOURNAL_BYTES): Journal {
  const ring: { entry: Stored; bytes: number }[] = [];
  let bytes = 0;
  let seq = 0;
  return {
    capacity,
    record(record) {
      const { request, reply } = record;
      // Fields in the documented order, optional ones only when present (the answer reads as the interface).
      const entry = { seq: ++seq, at: record.at, method: request.method, path: cut(sanitizedPath(request.url)) } as Stored;
      if (record.vendor !== undefined) entry.vendor = record.vendor;
      if (record.action !== undefined) entry.action = cut(record.action);
      if (record.tenant !== undefined) entry.tenant = record.tenant;
      entry.status = record.status;
      if (record.errorCode !== undefined) entry.errorCode = record.errorCode;
      if (record.faultId !== undefined) entry.faultId = record.faultId;
      entry.latencyMs = record.latencyMs;
      entry.request = captureRequest(request);
      const kept = captureReply(reply);
      if (kept !== undefined) entry.reply = kept;
      const size = entryBytes(entry);
      ring.push({ entry, bytes: size });
      bytes += size;
      while (ring.length > capacity || (bytes > maxBytes && ring.length > 1)) bytes -= ring.shift()!.bytes;
    },
    entries(filter = {}) {
      let selected = ring.filter(({ entry }) => matches(entry, filter));
      if (filter.limit !== undefined) selected = selected.slice(-filter.limit);
      return selected.map(({ entry }) => read(entry));
    },
    clear() {
      ring.length = 0;
      bytes = 0;
    },
  };
}

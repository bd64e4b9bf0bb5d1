/**
 * How large each thing a client can grow may get, so the fake server stays small under abuse. The
 * values are the fake's own (no vendor documents them); docs/FIDELITY.md lists them with the error
 * that answers a client going past each (`serverBounds`).
 */

/** Most fault rules registered at once. */
export const MAX_FAULT_RULES = 1_000;
/** Largest fault rule, as UTF-8 JSON: room for the 64 Ki-character `body` of an http fault. */
export const MAX_FAULT_RULE_BYTES = 131_072;
/** Largest total of all fault rules, as UTF-8 JSON. */
export const MAX_FAULT_BYTES = 4 * 1024 * 1024;
/** Most latency the rules that match one request may add up to (one rule's own cap too). */
export const MAX_FAULT_LATENCY_MS = 60_000;

/** Longest tenant key (AppId, SecretId) kept as given; a longer one is kept as its SHA-256 digest. */
export const MAX_TENANT_KEY_CHARS = 64;

/** Longest journal path (path and sanitized query) kept; the rest is cut and marked. */
export const MAX_JOURNAL_PATH_CHARS = 2_048;
/**
 * Most of a request the journal keeps: query, headers and body together (characters of names and
 * values, bytes of the body); the rest is cut and the request marked `truncated`. Room for any real
 * query of the five endpoints (a few hundred bytes; a Volcengine body with 20 UserIds is under 2 KiB).
 */
export const MAX_JOURNAL_REQUEST_BYTES = 16 * 1024;
/** Most bytes of a reply body the journal keeps; a longer one is cut and marked `truncated`. */
export const MAX_JOURNAL_REPLY_BYTES = 64 * 1024;
/** Most bytes the journal's entries may take together (estimated from their text); the oldest go first. */
export const MAX_JOURNAL_BYTES = 32 * 1024 * 1024;

/** Sessions (engines on their own ports) open at once, unless configured. */
export const DEFAULT_MAX_SESSIONS = 32;
/** How long a session without requests lives (ms), unless configured. */
export const DEFAULT_SESSION_IDLE_TIMEOUT_MS = 30 * 60_000;

/** One row of the bounds table. */
export interface ServerBound {
  what: string;
  value: string;
  /** What a client going past the bound gets. */
  answer: string;
  /** Option or flag that changes it, if any. */
  switch?: string;
}

const n = (value: number) => value.toLocaleString("en-US");
const VENDOR_LIMIT = "the vendor's limit error: Volcengine FlowLimitExceeded (HTTP 429), ZEGO 30002, Tencent LimitExceeded";
const CONTROL_400 = "control API 400 with the reason (MSW control: an Error; at start-up: a configuration error)";

/** Every bound, for the table in docs/FIDELITY.md. */
export const serverBounds: readonly ServerBound[] = [
  {
    what: "request body",
    value: "1 MiB",
    answer:
      "the vendor's unreadable-request error (Volcengine InvalidParameter, ZEGO 100000012, Tencent RequestSizeLimitExceeded) after the rest is read (up to 16 MiB more or 2 s), then the connection closes",
    switch: "--body-limit",
  },
  {
    what: "request head (request line and headers)",
    value: "16 KiB",
    answer: "the vendor's malformed-request error, and the connection closes",
    switch: "maxHeaderSize option",
  },
  { what: "time to send the headers / the whole request", value: "10 s / 30 s", answer: "the vendor's error, and the connection closes" },
  { what: "tenants per vendor (AppIds, SecretIds) tracked for quotas", value: "10,000", answer: VENDOR_LIMIT, switch: "--max-tenants" },
  {
    what: "tenant key length",
    value: `${MAX_TENANT_KEY_CHARS} characters`,
    answer: "none: a longer AppId or SecretId is tracked (and journaled) as `sha256:` and its hex digest, so it keeps its own quota",
  },
  { what: "fault rules", value: n(MAX_FAULT_RULES), answer: CONTROL_400 },
  { what: "one fault rule, as JSON", value: `${n(MAX_FAULT_RULE_BYTES)} bytes`, answer: CONTROL_400 },
  { what: "all fault rules, as JSON", value: "4 MiB", answer: CONTROL_400 },
  { what: "latency added to one request by the rules that match it", value: `${n(MAX_FAULT_LATENCY_MS)} ms`, answer: CONTROL_400 },
  { what: "Tencent rooms", value: "10,000 (seeded ones included)", answer: CONTROL_400 },
  {
    what: "member records of one room",
    value: "5,000",
    answer: `${CONTROL_400}; records are drawn per page, never stored, and pages are kept only in the result cache`,
  },
  { what: "result cache (reply bytes of repeated queries)", value: "256 entries and 8 MiB", answer: "none: the least recently used go" },
  { what: "journal entries", value: "200 (1–100,000)", answer: "none: the oldest go", switch: "--journal-size" },
  {
    what: "sessions open at once",
    value: n(DEFAULT_MAX_SESSIONS),
    answer: "control API 429 saying how to free one; each session has every bound of this table on its own",
    switch: "--max-sessions",
  },
  {
    what: "idle session",
    value: `${DEFAULT_SESSION_IDLE_TIMEOUT_MS / 60_000} min without requests`,
    answer: "closed, its port freed; its id then answers 404",
    switch: "--session-idle-timeout",
  },
  {
    what: "journal bytes",
    value: `32 MiB; paths cut at ${n(MAX_JOURNAL_PATH_CHARS)} characters`,
    answer: "none: the oldest entries go; a cut path ends in `…`",
  },
  {
    what: "one journal entry's request (query, headers and body) / reply body",
    value: `${n(MAX_JOURNAL_REQUEST_BYTES)} / ${n(MAX_JOURNAL_REPLY_BYTES)} bytes`,
    answer: "none: the rest is cut and the entry's `request` or `reply` marked `truncated: true`",
  },
];

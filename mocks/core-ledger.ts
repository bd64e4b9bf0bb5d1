import type { LedgerEntry } from "./ledger.js";

/** Rules of the shared pipeline (mocks/engine.ts), common to every vendor. */
export const coreLedger: LedgerEntry[] = [
  {
    vendor: "all",
    rule: "Rate limits are counted in fixed windows aligned to multiples of the window length on the mock clock (1 s, 1 min, 1 day in UTC).",
    fidelity: "assumed",
    source: "No vendor documents whether its window is fixed or sliding; fixed windows make throttling predictable in tests.",
    switch: "--no-rate-limits / rateLimits: false / PUT /__mock/rate-limits",
  },
  {
    vendor: "all",
    rule: "A request is checked in this order: routing, injected faults, signature (verify mode), parameters, rate limit, behaviour. A request whose parameters fail to parse or fail the schema is not charged against the quota; time-window errors are found by the behaviour step, after the charge, for Volcengine (ZEGO checks its window while parsing, so those are not charged).",
    fidelity: "assumed",
    source:
      "Vendor gateways do not document their check order; not charging malformed requests keeps quota tests independent of validation tests. Known inconsistency between vendors for time-window errors, kept as built.",
  },
  {
    vendor: "all",
    rule: "Quotas and data are scoped by tenant: Volcengine and ZEGO by AppId, Tencent by SecretId; two apps on one server never share a quota.",
    fidelity: "assumed",
    source:
      "Volcengine counts OpenAPI limits per account (https://volcengine.com/docs/6348/412251, IM guide); the kit scopes by AppId so several apps can be tested independently on one server.",
  },
  {
    vendor: "all",
    rule: "Each vendor tracks at most maxTenants (default 10,000) tenants for quotas, in its own table; a tenant whose windows have all ended is forgotten, and a request from a new tenant beyond the bound gets the vendor's limit error.",
    fidelity: "assumed",
    source: "Bounds memory under fuzzing and soak; real vendors have no such limit.",
    switch: "maxTenants option / --max-tenants",
  },
  {
    vendor: "all",
    rule: "At most maxSessions (default 32) sessions are open at once, each an engine with its own tables and bounds; one more is refused with the control error 429, and a session without requests for the idle timeout (default 30 min) is closed (its id then answers 404).",
    fidelity: "assumed",
    source: "Bounds the memory and ports a shared server can be made to hold; no vendor has sessions.",
    switch: "--max-sessions / --session-idle-timeout / sessions.max, sessions.idleTimeout",
  },
  {
    vendor: "all",
    rule: "A tenant key (AppId, SecretId) longer than 64 characters is tracked for quotas, and journaled, as `sha256:` and its hex digest; it keeps a quota of its own and is never refused for its length.",
    fidelity: "assumed",
    source:
      "Real AppIds and SecretIds are at most 36 characters, so no vendor error for a long one is known; hashing bounds each entry of the quota table (10,000 Tencent requests with distinct 8 KB SecretIds took 83 MB) without inventing one, and unlike truncating keeps distinct keys apart.",
  },
  {
    vendor: "all",
    rule: "Data is a pure function of (seed, AppId or RoomId, metric, bucket start); RequestIds are derived from the seed and the request's sequence number since start or reset (Volcengine's also start with the mock clock's time, so they repeat exactly when the clock is frozen).",
    fidelity: "assumed",
    source: "Determinism: same seed and same requests give the same bytes, so tests can compare replies exactly.",
    switch: "--seed / seed option",
  },
  {
    vendor: "all",
    rule: "The mock clock can be set (control API, --clock-start, config file, MSW control) from 1970-01-31T00:00:00Z to 9999-12-30T00:00:00Z; a time outside is refused with a 400 (a configuration error at start-up).",
    fidelity: "assumed",
    source:
      "The instants every vendor format can express: the Unix epoch plus the longest lookback (30 d) keeps Unix seconds non-negative; four-digit years in Volcengine's RequestId (+08:00) and RFC3339 times (up to +23:59) end a day of headroom before 10000-01-01.",
  },
  {
    vendor: "all",
    rule: "A request that no vendor claims by host or shape is answered by the Volcengine gateway (MissingParameter for Action).",
    fidelity: "assumed",
    source: "On a shared port the vendor of a shapeless request cannot be known; Volcengine's gateway error is the most generic.",
  },
  {
    vendor: "all",
    rule: "Injected faults (error, latency, HTTP status, dropped connection) apply before authentication, for the next N requests or with a probability drawn from the seeded PRNG.",
    fidelity: "assumed",
    source: "Faults simulate the vendor side failing, which happens regardless of the caller's credentials.",
    switch: "--fault / faults option / POST /__mock/faults",
  },
  {
    vendor: "all",
    rule: "The server accepts request bodies up to 1 MiB; a larger body gets the vendor's error for an unreadable request (Volcengine InvalidParameter, ZEGO 100000012, Tencent RequestSizeLimitExceeded), sent after the rest of the body has been read and discarded (up to 16 MiB more or 2 s), and then the connection is closed.",
    fidelity: "assumed",
    source:
      "Bounds the memory one request can take; only Tencent documents a size (10 MB for POST), and no valid request to these endpoints comes near 1 MiB. Reading the rest lets a client that is still sending (Node's fetch) read the error instead of a connection reset.",
    switch: "--body-limit / bodyLimit option",
  },
  {
    vendor: "all",
    rule: "The server accepts request heads (request line and headers) up to 16 KiB, Node's default; a larger head gets the vendor's malformed-request error, guessed from the readable part of the head, and the connection is closed.",
    fidelity: "assumed",
    source: "Node's HTTP parser limit; no vendor documents a header limit, and a signed request of these endpoints needs well under 2 KiB.",
    switch: "maxHeaderSize option of buildServer",
  },
  {
    vendor: "all",
    rule: "Repeated list entries (Volcengine Indicator, ZEGO Metrics[]) are answered once, so a reply holds at most one series per catalog entry however long the list; Volcengine UserId is capped at 20 (documented).",
    fidelity: "assumed",
    source:
      "Bounds reply size under abuse; the vendors document no behaviour for repeated entries (UserId's cap of 20 is documented, see the Volcengine rules).",
  },
];

import type { EndpointDefinition, Vendor } from "../../schemas/common/endpoint.js";
import { endpointById, type EndpointId } from "../../schemas/registry.js";
import { behaviours } from "../behaviours.js";
import { resolveOptions, type MockOptions, type ResolvedMockOptions } from "../options.js";
import { createBackends, faultCatalog, vendorClaimOrder, type Backends } from "../vendors.js";
import type { Behaviour } from "./behaviour.js";
import { MAX_TENANT_KEY_CHARS } from "./bounds.js";
import { createBoundedCache } from "./bounded-cache.js";
import { createClock, type Clock, type ClockReset } from "./clock.js";
import { createFaultRegistry, type FaultDecision, type FaultRegistry } from "./faults.js";
import { createJournal, type Journal } from "./journal.js";
import { textReply, utf8, type MockReply, type MockRequest } from "./reply.js";
import type { Backend, EngineContext, Outcome, TransportProblem, VendorDefinition, VendorError } from "./vendor.js";
import { createWorld, type World } from "./world.js";

/**
 * The behaviour table as the engine calls it. Each entry is typed by its own vendor's backend and
 * input; the engine always passes the backend of the vendor that routed the request, and the input
 * its own parse returned.
 */
const behaviourTable: Readonly<Record<EndpointId, Behaviour<EndpointId, Backend, unknown>>> = behaviours;

/** Resolved results the engine keeps, by count and by bytes of their JSON. */
const RESULT_CACHE_ENTRIES = 256;
const RESULT_CACHE_BYTES = 8 * 1024 * 1024;

/** The behaviour core: one instance serves every vendor; fastify and MSW are thin adapters over it. */
export interface MockEngine {
  /** Handles one request; synchronous, so adapters add only their own I/O. Never throws. */
  handle(request: MockRequest): MockReply;
  /** The vendor's error for a request the adapter could not read (oversized or malformed); never throws. */
  rejectTransport(request: MockRequest, problem: TransportProblem): MockReply;
  readonly clock: Clock;
  readonly world: World;
  readonly faults: FaultRegistry;
  readonly journal: Journal;
  readonly options: ResolvedMockOptions;
  /** Each vendor's state (Tencent rooms, rate-limit tenants …). */
  readonly backends: Backends;
  /** Switches rate limiting on or off at run time. */
  setRateLimits(enabled: boolean): void;
  /**
   * Back to the start: clock (see `Clock.reset`: never backwards for a running clock), rate-limit
   * switch and faults as configured, journal, result cache, request ids, then every backend.
   */
  reset(): EngineReset;
  /** Which vendor a request belongs to (by host, then by shape). */
  vendorOf(request: MockRequest): VendorDefinition;
}

/** What `engine.reset()` did that a caller cannot infer: how the clock was put back. */
export interface EngineReset {
  clock: ClockReset;
}

/** Creates an engine. Same options (and seed), same sequence of requests → same bytes. */
export function createMockEngine(options: MockOptions = {}): MockEngine {
  const resolved = resolveOptions(options);
  const clock: Clock = options.clock && "now" in options.clock ? options.clock : createClock(options.clock ?? {});
  const configuredRateLimits = resolved.rateLimits;
  const world = createWorld(resolved.seed);
  const faultRandomKey = world.key("faults");
  let faultDraws = 0;
  const faults = createFaultRegistry(() => world.unit(faultRandomKey, faultDraws++), faultCatalog);
  const journal = createJournal(resolved.journalSize);
  const results = createBoundedCache<Uint8Array>(RESULT_CACHE_ENTRIES, RESULT_CACHE_BYTES);
  const ctx: EngineContext = { clock, world, options: resolved };
  const backends = createBackends(ctx);
  let requestSeq = 0;

  const installConfiguredFaults = () => {
    for (const spec of resolved.faults) faults.add(spec);
  };
  installConfiguredFaults();

  const hostIndex = new Map<string, VendorDefinition>();
  for (const vendor of vendorClaimOrder) for (const host of vendor.hosts) hostIndex.set(host, vendor);
  const fallback = vendorClaimOrder[vendorClaimOrder.length - 1]!;
  const vendorOf = (request: MockRequest): VendorDefinition =>
    hostIndex.get(request.url.hostname) ??
    vendorClaimOrder.find((vendor) => vendor.hostPatterns.some((pattern) => pattern.test(request.url.hostname))) ??
    vendorClaimOrder.find((vendor) => vendor.claims(request)) ??
    fallback;
  const backendOf = (vendor: Vendor): Backend => backends[vendor];

  interface Meta {
    endpoint?: EndpointDefinition;
    action?: string;
    tenant?: string;
    faultId?: string;
    seq: number;
    /** `performance.now()` when the request reached the engine, for the journal's latency. */
    startedAt: number;
  }

  const finish = (request: MockRequest, vendor: VendorDefinition, outcome: Outcome, meta: Meta, decision?: FaultDecision): MockReply => {
    const reply = vendor.envelope(
      outcome,
      { endpoint: meta.endpoint, action: meta.action ?? meta.endpoint?.action, request, requestSeq: meta.seq },
      ctx,
      backendOf(vendor.vendor),
    );
    if (decision && decision.latencyMs > 0) reply.delayMs = decision.latencyMs;
    record(request, reply, vendor.vendor, meta, "error" in outcome ? outcome.error.code : undefined);
    return reply;
  };

  const record = (request: MockRequest, reply: MockReply, vendor: Vendor, meta: Meta, errorCode: string | undefined) => {
    const action = meta.action ?? meta.endpoint?.action;
    // The delay is the adapter's to carry out, but it is part of what the client waits for.
    const latencyMs = roundMs(performance.now() - meta.startedAt + (reply.delayMs ?? 0));
    journal.record({
      at: clock.now(),
      request,
      reply,
      latencyMs,
      vendor,
      action,
      tenant: meta.tenant,
      status: reply.status,
      errorCode,
      faultId: meta.faultId,
    });
  };

  /** The result's JSON bytes: from the cache when the behaviour names a key, else built now. */
  const resultBytes = (id: EndpointId, resolved: { data: () => unknown; cacheKey?: string }): Uint8Array => {
    if (resolved.cacheKey === undefined) return utf8(JSON.stringify(resolved.data()));
    const key = `${id}\n${resolved.cacheKey}`;
    let bytes = results.get(key);
    if (bytes === undefined) {
      bytes = utf8(JSON.stringify(resolved.data()));
      results.set(key, bytes, bytes.length);
    }
    return bytes;
  };

  /** Parse → rate limit → resolve; any exception becomes the vendor's internal error. */
  const serve = (request: MockRequest, vendor: VendorDefinition, id: EndpointId, meta: Meta): Outcome => {
    const behaviour = behaviourTable[id];
    const hookCtx = { ...ctx, backend: backendOf(vendor.vendor) };
    try {
      const parsed = behaviour.parse(request, hookCtx);
      if ("error" in parsed) return parsed;
      // A key longer than any real AppId or SecretId is kept as its digest: the quota table and the journal stay small.
      meta.tenant = parsed.tenant.length > MAX_TENANT_KEY_CHARS ? `sha256:${resolved.hashing.sha256Hex(parsed.tenant)}` : parsed.tenant;
      if (resolved.rateLimits) {
        const verdict = hookCtx.backend.limiter.take(`${meta.endpoint!.action}:${meta.tenant}`, meta.endpoint!.limits.rate, clock.now());
        if (!verdict.allowed) {
          return { error: verdict.reason === "rate" ? vendor.throttled(verdict.rule, verdict.retryAfterMs) : vendor.capacityExceeded() };
        }
      }
      const result = behaviour.resolve(parsed.input, hookCtx);
      if ("error" in result) return result;
      return { result: resultBytes(id, result) };
    } catch (cause) {
      // A behaviour bug must still answer in the vendor's envelope, never crash the adapter.
      return {
        error: vendor.internalError(`Internal error in the fake server: ${cause instanceof Error ? cause.message : String(cause)}`),
      };
    }
  };

  const handleRouted = (request: MockRequest, startedAt: number): MockReply => {
    const seq = ++requestSeq;
    const vendor = vendorOf(request);
    const routed = vendor.route(request, ctx);
    if ("error" in routed)
      return finish(request, vendor, routed, { ...(routed.action !== undefined ? { action: routed.action } : {}), seq, startedAt });
    const endpoint = endpointById(routed.id)!;
    const meta: Meta = { endpoint, seq, startedAt };

    const decision = faults.decide(vendor.vendor, endpoint.action);
    const terminal = decision.terminal;
    if (terminal !== undefined) {
      meta.faultId = terminal.ruleId;
      if (terminal.kind === "error") {
        const error: VendorError = terminal.args ? { code: terminal.code, args: terminal.args } : { code: terminal.code };
        return finish(request, vendor, { error }, meta, decision);
      }
      const reply =
        terminal.kind === "drop"
          ? { ...textReply(0, {}, ""), drop: true }
          : textReply(terminal.status, { "content-type": "text/plain; charset=utf-8" }, terminal.body ?? statusText(terminal.status));
      if (decision.latencyMs > 0) reply.delayMs = decision.latencyMs;
      record(request, reply, vendor.vendor, meta, undefined);
      return reply;
    }

    const authError = resolved.auth.mode === "verify" ? vendor.authenticate(request, endpoint, ctx) : null;
    if (authError !== null) return finish(request, vendor, { error: authError }, meta, decision);
    return finish(request, vendor, serve(request, vendor, routed.id, meta), meta, decision);
  };

  // Behaviour bugs are answered inside `serve`; a bug in a vendor hook (routing, envelope) still
  // gets the vendor's error for an unreadable request, and never reaches the adapter as an exception.
  const handle = (request: MockRequest): MockReply => {
    const startedAt = performance.now();
    try {
      return handleRouted(request, startedAt);
    } catch {
      return rejectTransport(request, "malformed-request", startedAt);
    }
  };

  const rejectTransport = (request: MockRequest, problem: TransportProblem, startedAt = performance.now()): MockReply => {
    try {
      const vendor = vendorOf(request);
      return finish(
        request,
        vendor,
        { error: vendor.transportError(problem) },
        { ...routedMeta(vendor, request), seq: ++requestSeq, startedAt },
      );
    } catch {
      return neutralRejection(problem);
    }
  };

  /** The endpoint (or requested action) of a request for its error reply, if routing gets that far. */
  const routedMeta = (vendor: VendorDefinition, request: MockRequest): Omit<Meta, "seq" | "startedAt"> => {
    try {
      const routed = vendor.route(request, ctx);
      if ("id" in routed) return { endpoint: endpointById(routed.id)! };
      return routed.action !== undefined ? { action: routed.action } : {};
    } catch {
      return {};
    }
  };

  return {
    handle,
    rejectTransport,
    clock,
    world,
    faults,
    journal,
    options: resolved,
    backends,
    setRateLimits(enabled) {
      resolved.rateLimits = enabled;
    },
    reset() {
      const clockReset = clock.reset();
      resolved.rateLimits = configuredRateLimits;
      faults.clear();
      faultDraws = 0;
      installConfiguredFaults();
      journal.clear();
      results.clear();
      requestSeq = 0;
      for (const backend of Object.values(backends)) backend.reset();
      return { clock: clockReset };
    },
    vendorOf,
  };
}

/** The last-resort reply, when even the vendor's error cannot be built: plain JSON without a vendor envelope. */
export function neutralRejection(problem: TransportProblem): MockReply {
  const tooLarge = problem === "body-too-large";
  return textReply(
    tooLarge ? 413 : 400,
    { "content-type": "application/json; charset=utf-8" },
    JSON.stringify({
      error: {
        code: tooLarge ? "BodyTooLarge" : "MalformedRequest",
        message: tooLarge ? "Request body is too large" : "Malformed request",
      },
    }),
  );
}

const STATUS_TEXT: Record<number, string> = {
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** Milliseconds to the microsecond: finer digits are timer noise. */
function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

function statusText(status: number): string {
  return STATUS_TEXT[status] ?? `HTTP ${status}`;
}

import type { EndpointDefinition, Vendor } from "../../schemas/common/endpoint.js";
import { createClock, type Clock } from "./clock.js";
import type { EngineContext } from "../engine-context.js";
import { createFaultRegistry, type FaultDecision, type FaultRegistry } from "./faults.js";
import { createJournal, type Journal } from "./journal.js";
import { resolveOptions, type MockOptions, type ResolvedMockOptions } from "../options.js";
import { createRateLimiter } from "./rate-limiter.js";
import { textReply, type MockReply, type MockRequest } from "./reply.js";
import { createRoomRegistry, type RoomRegistry } from "../tencent/rooms.js";
import type { Outcome, TransportProblem, VendorError, VendorProtocol } from "./vendor.js";
import { vendorProtocols } from "../vendors.js";
import { createWorld, type World } from "./world.js";

/** The behaviour core: one instance serves every vendor; fastify and MSW are thin adapters over it. */
export interface MockEngine {
  /** Handles one request; synchronous, so adapters add only their own I/O. */
  handle(request: MockRequest): MockReply;
  /** The vendor's error for a request the adapter could not read (oversized or malformed). */
  rejectTransport(request: MockRequest, problem: TransportProblem): MockReply;
  readonly clock: Clock;
  readonly world: World;
  readonly faults: FaultRegistry;
  readonly rooms: RoomRegistry;
  readonly journal: Journal;
  readonly options: ResolvedMockOptions;
  /** Switches rate limiting on or off at run time. */
  setRateLimits(enabled: boolean): void;
  /** Back to the start: clock, quotas, faults (as configured), rooms (seeded), journal, request ids. */
  reset(): void;
  /** Which vendor a request belongs to (by host, then by shape). */
  vendorOf(request: MockRequest): VendorProtocol;
}

/** Creates an engine. Same options (and seed), same sequence of requests → same bytes. */
export function createMockEngine(options: MockOptions = {}): MockEngine {
  const resolved = resolveOptions(options);
  const clockOptions = options.clock && "now" in options.clock ? undefined : options.clock;
  const clock: Clock = options.clock && "now" in options.clock ? options.clock : createClock(clockOptions ?? {});
  const clockStart = clock.now();
  const clockStartFrozen = clock.frozen;
  const world = createWorld(resolved.seed);
  const faultRandomKey = world.key("faults");
  let faultDraws = 0;
  const faults = createFaultRegistry(() => world.unit(faultRandomKey, faultDraws++));
  const journal = createJournal(resolved.journalSize);
  const limiter = createRateLimiter(resolved.maxTenants);
  const ctx: EngineContext = { clock, world, options: resolved, rooms: undefined as unknown as RoomRegistry };
  const rooms = createRoomRegistry(ctx);
  ctx.rooms = rooms;
  let requestSeq = 0;

  const installConfiguredFaults = () => {
    for (const spec of resolved.faults) faults.add(spec);
  };
  installConfiguredFaults();

  const hostIndex = new Map<string, VendorProtocol>();
  for (const protocol of vendorProtocols) for (const host of protocol.hosts) hostIndex.set(host, protocol);
  const fallback = vendorProtocols[vendorProtocols.length - 1]!;

  const vendorOf = (request: MockRequest): VendorProtocol =>
    hostIndex.get(request.url.hostname) ?? vendorProtocols.find((p) => p.claims(request)) ?? fallback;

  const finish = (
    request: MockRequest,
    protocol: VendorProtocol,
    outcome: Outcome,
    meta: { endpoint?: EndpointDefinition; action?: string; tenant?: string; faultId?: string; seq: number },
    decision?: FaultDecision,
  ): MockReply => {
    const reply = protocol.render(
      outcome,
      {
        endpoint: meta.endpoint,
        action: meta.action ?? meta.endpoint?.action,
        version: versionOf(request, meta.endpoint),
        requestSeq: meta.seq,
      },
      ctx,
    );
    if (decision && decision.latencyMs > 0) reply.delayMs = decision.latencyMs;
    record(
      request,
      protocol.vendor,
      meta.action ?? meta.endpoint?.action,
      reply.status,
      "error" in outcome ? outcome.error.code : undefined,
      meta,
    );
    return reply;
  };

  const record = (
    request: MockRequest,
    vendor: Vendor,
    action: string | undefined,
    status: number,
    errorCode: string | undefined,
    meta: { tenant?: string; faultId?: string },
  ) => {
    journal.record(
      {
        at: clock.now(),
        method: request.method,
        vendor,
        ...(action !== undefined ? { action } : {}),
        ...(meta.tenant !== undefined ? { tenant: meta.tenant } : {}),
        status,
        ...(errorCode !== undefined ? { errorCode } : {}),
        ...(meta.faultId !== undefined ? { faultId: meta.faultId } : {}),
      },
      request.url.href,
    );
  };

  const handle = (request: MockRequest): MockReply => {
    const seq = ++requestSeq;
    const protocol = vendorOf(request);
    const routed = protocol.route(request);
    if ("error" in routed) return finish(request, protocol, routed, { action: routed.action, seq });
    const { endpoint } = routed;

    const decision = faults.decide(protocol.vendor, endpoint.action);
    const terminal = decision.terminal;
    if (terminal !== undefined) {
      if (terminal.kind === "error") {
        const error: VendorError = terminal.args ? { code: terminal.code, args: terminal.args } : { code: terminal.code };
        return finish(request, protocol, { error }, { endpoint, seq, faultId: terminal.ruleId }, decision);
      }
      const reply =
        terminal.kind === "drop"
          ? textReply(0, {}, "")
          : textReply(terminal.status, { "content-type": "text/plain; charset=utf-8" }, terminal.body ?? statusText(terminal.status));
      if (terminal.kind === "drop") reply.dropConnection = true;
      if (decision.latencyMs > 0) reply.delayMs = decision.latencyMs;
      record(request, protocol.vendor, endpoint.action, reply.status, undefined, { faultId: terminal.ruleId });
      return reply;
    }

    const authError = resolved.auth.mode === "verify" ? protocol.authenticate(request, endpoint, ctx) : null;
    if (authError !== null) return finish(request, protocol, { error: authError }, { endpoint, seq }, decision);

    const parsed = protocol.parse(request, endpoint, ctx);
    if ("error" in parsed) return finish(request, protocol, parsed, { endpoint, seq }, decision);
    const { tenant } = parsed;

    if (resolved.rateLimits) {
      const verdict = limiter.take(`${protocol.vendor}:${endpoint.action}:${tenant}`, endpoint.limits.rate, clock.now());
      if (!verdict.allowed) {
        const error = verdict.reason === "rate" ? protocol.throttled(verdict.rule, verdict.retryAfterMs) : protocol.capacityExceeded();
        return finish(request, protocol, { error }, { endpoint, tenant, seq }, decision);
      }
    }

    let outcome: Outcome;
    try {
      outcome = protocol.resolve(endpoint, parsed.input, tenant, ctx);
    } catch (cause) {
      // A resolver bug must still answer in the vendor's envelope, never crash the adapter.
      outcome = { error: internalErrorOf(protocol, cause) };
    }
    return finish(request, protocol, outcome, { endpoint, tenant, seq }, decision);
  };

  return {
    handle,
    rejectTransport(request, problem) {
      const protocol = vendorOf(request);
      const routed = protocol.route(request);
      const endpoint = "endpoint" in routed ? routed.endpoint : undefined;
      return finish(
        request,
        protocol,
        { error: protocol.transportError(problem) },
        { endpoint, action: "error" in routed ? routed.action : undefined, seq: ++requestSeq },
      );
    },
    clock,
    world,
    faults,
    rooms,
    journal,
    options: resolved,
    setRateLimits(enabled) {
      resolved.rateLimits = enabled;
    },
    reset() {
      if (clockStartFrozen) clock.freeze(clockStart);
      else {
        clock.unfreeze();
        clock.set(clockStart);
      }
      limiter.reset();
      faults.clear();
      faultDraws = 0;
      installConfiguredFaults();
      rooms.reset();
      journal.clear();
      requestSeq = 0;
    },
    vendorOf,
  };
}

function versionOf(request: MockRequest, endpoint: EndpointDefinition | undefined): string | undefined {
  if (endpoint?.actionCarrier === "header") return request.headers["x-tc-version"];
  return request.url.searchParams.get("Version") ?? undefined;
}

function internalErrorOf(protocol: VendorProtocol, cause: unknown): VendorError {
  const code = Object.keys(protocol.errors).find((key) => key === "InternalError" || key === "500") ?? Object.keys(protocol.errors)[0]!;
  return { code, message: `Internal error in the fake server: ${cause instanceof Error ? cause.message : String(cause)}` };
}

const STATUS_TEXT: Record<number, string> = {
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

function statusText(status: number): string {
  return STATUS_TEXT[status] ?? `HTTP ${status}`;
}
